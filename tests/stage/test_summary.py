"""What the UI shows about each table: columns from the dictionary, counts, and a Markdown preview."""

import datetime as dt

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.ingest import Rejection
from pipeline.publish import articles_frame, claims_frame, rejected_frame, write_parquet_atomic
from pipeline.stage import summary
from pipeline.stage.files import PARSED_INDEX_SCHEMA, RAW_ARTICLES_SCHEMA, REJECTIONS_SCHEMA, parquet_writer, write_rows
from pipeline.stage.steps import CLAIMS_STAGE_SCHEMA
from schemas import TABLES, dictionary


def claim(**fields):
    row = dict(
        article_id="0123456789abcdef", source_file="a.txt", action="intercepted", count=12,
        count_qualifier="exact", munition_class="uav", munition_model=None, attacker="UA",
        claimant="Russian Ministry of Defence", claimant_kind="ministry_of_defence", claimant_country="RU",
        location_admin1="RU-BEL", location_country="RU", location_name=None, latitude=None, longitude=None,
        location_precision="admin1", event_date=dt.date(2025, 3, 1), evidence="Twelve drones were destroyed.",
        evidence_start=0, evidence_end=29, extractor_version="test",
    )
    return row | fields


@pytest.fixture
def claims_path(tmp_path):
    rows = [
        claim(),
        claim(action="launched", count=25, claimant="Ukrainian Air Force", claimant_country="UA",
              location_name="Kharkiv | centre", evidence="x" * 200, evidence_end=200),
        claim(claimant=None, claimant_kind=None, claimant_country=None),
        claim(action="intercepted", claimant_country="UA"),
        claim(action="intercepted", claimant_country="UA"),
    ]
    return write_parquet_atomic(claims_frame(rows), tmp_path / "claims.parquet")


@pytest.mark.parametrize("name", sorted(TABLES))
def test_published_tables_have_the_dictionary_columns(name):
    expected = dictionary.columns(name)
    got = summary.columns(name)
    assert [c.name for c in got] == [c.name for c in expected]
    assert [c.description for c in got] == [c.description for c in expected]
    assert [c.nullable for c in got] == [c.nullable for c in expected]


def test_claim_events_have_the_claims_columns():
    assert [c.name for c in summary.columns("claim_events")] == CLAIMS_STAGE_SCHEMA.names
    assert summary.columns("claim_events") == summary.columns("claims")


@pytest.mark.parametrize(("name", "schema"), [("raw_articles", RAW_ARTICLES_SCHEMA), ("parsed_index", PARSED_INDEX_SCHEMA)])
def test_staged_tables_list_every_staged_column_with_a_description(name, schema):
    cols = summary.columns(name)
    assert [c.name for c in cols] == schema.names
    undescribed = [c.name for c in cols if not c.description]
    assert not undescribed, f"describe these {name} columns in summary.STAGE_ONLY_COLUMNS: {undescribed}"
    published = {c.name: c for c in dictionary.columns("articles")}
    by_name = {c.name: c for c in cols}
    assert by_name["article_id"].description == published["article_id"].description
    assert by_name["published"].type == "date"


def test_stage_only_columns_say_what_they_hold():
    cols = {c.name: c for c in summary.columns("raw_articles")}
    assert "offset" in cols["text"].description.lower()
    assert cols["warnings"].type == "list of strings"
    assert cols["title_start"].nullable and not cols["body_start"].nullable
    # every declared stage-only column exists in the staged file: no stale descriptions
    for name, declared in summary.STAGE_ONLY_COLUMNS.items():
        assert set(declared) <= set(summary.STAGE_TABLES[name][0].names), name


def test_unknown_table_raises():
    with pytest.raises(KeyError):
        summary.columns("nope")


def test_claims_by_action_and_side(claims_path):
    assert summary.claims_by_action(claims_path) == {"launched": 1, "intercepted": 4}
    assert list(summary.claims_by_action(claims_path)) == ["launched", "intercepted"]  # vocabulary order
    assert summary.claims_by_side(claims_path) == {"UA": 3, "RU": 1, "unknown": 1}
    assert list(summary.claims_by_side(claims_path)) == ["UA", "RU", "unknown"]  # most first, unknown last


def test_rejections_by_reason_across_files(tmp_path):
    first = write_parquet_atomic(
        rejected_frame([Rejection("b.txt", "empty", "file is empty"), Rejection("c.txt", "binary", "not text")]),
        tmp_path / "first.parquet",
    )
    second = tmp_path / "second.parquet"
    with parquet_writer(second, REJECTIONS_SCHEMA) as out:
        write_rows(out, [{"source_file": "d.txt", "reason": "empty", "detail": "file is empty", "duplicate_of": None}])
    assert summary.rejections_by_reason([first, second]) == {"binary": 1, "empty": 2}
    assert list(summary.rejections_by_reason([first, second])) == ["binary", "empty"]


def test_preview_is_a_markdown_table_of_the_first_rows(claims_path):
    text = summary.preview_markdown(claims_path, summary.PREVIEW_COLUMNS["claims"], rows=3, width=40)
    lines = text.splitlines()
    assert lines[0] == "| action | count | munition_class | claimant | location | event_date | evidence |"
    assert lines[1] == "|---|---|---|---|---|---|---|"
    assert len([line for line in lines if line.startswith("| ")]) == 4  # header and three rows
    assert "| intercepted | 12 | uav | Russian Ministry of Defence | RU-BEL | 2025-03-01 |" in lines[2]
    assert lines[-1] == "The first 3 of 5 rows."


def test_preview_cells_are_escaped_and_cut_short(claims_path):
    lines = summary.preview_markdown(claims_path, summary.PREVIEW_COLUMNS["claims"], width=40).splitlines()
    (launch,) = [line for line in lines if line.startswith("| launched |")]
    assert "| Kharkiv \\| centre |" in launch  # location_name before the region; pipes escaped
    assert "x" * 39 + "…" in launch and "x" * 40 not in launch  # long evidence cut short
    assert len([line for line in lines if "| uav |  | RU-BEL |" in line]) == 1  # no claimant: an empty cell
    assert lines[-1] == "All 5 rows."


def test_preview_of_an_empty_table(tmp_path):
    path = write_parquet_atomic(articles_frame([]), tmp_path / "articles.parquet")
    assert summary.preview_markdown(path, summary.PREVIEW_COLUMNS["articles"]) == "_No rows._"


def test_table_report_of_claims(claims_path):
    report = summary.table_report("claims", claims_path)
    assert report.rows == 5 and report.path == claims_path
    assert report.breakdowns["claims_by_action"] == {"launched": 1, "intercepted": 4}
    assert report.breakdowns["claims_by_side"]["unknown"] == 1
    assert report.preview.startswith("| action |")


def test_table_report_of_staged_articles_counts_rejections(tmp_path):
    articles = tmp_path / "raw_articles.parquet"
    with parquet_writer(articles, RAW_ARTICLES_SCHEMA) as out:
        write_rows(out, [{"article_id": "0123456789abcdef", "source_file": "a.txt", "text": "Hi.", "body_start": 0,
                          "title": "Hi", "published": dt.date(2025, 3, 1), "encoding": "utf-8", "warnings": []}])
    rejected = tmp_path / "ingest_rejected.parquet"
    with parquet_writer(rejected, REJECTIONS_SCHEMA) as out:
        write_rows(out, [{"source_file": "b.txt", "reason": "binary", "detail": "not text", "duplicate_of": None}])
    report = summary.table_report("raw_articles", articles, rejections=[rejected])
    assert report.rows == 1
    assert report.counts == {"kept": 1, "quarantined": 1}
    assert report.breakdowns == {"quarantined_by_reason": {"binary": 1}}
    assert "| a.txt | Hi | 2025-03-01 |  | utf-8 |" in report.preview


def test_dataset_report(tmp_path, claims_path):
    rejected = write_parquet_atomic(
        rejected_frame([Rejection("b.txt", "empty", "file is empty")]), tmp_path / "rejected.parquet"
    )
    articles = tmp_path / "articles.parquet"
    pq.write_table(pa.table({"article_id": ["0123456789abcdef", "fedcba9876543210"]}), articles)
    report = summary.dataset_report({"articles": articles, "claims": claims_path, "rejected": rejected})
    assert report.kept == 2 and report.quarantined == 1
    assert report.quarantined_by_reason == {"empty": 1}
    assert report.rows == {"articles": 2, "claims": 5, "rejected": 1}
    assert report.claims_by_side == {"UA": 3, "RU": 1, "unknown": 1}
