"""Checking staged tables: schema rules and the claims-to-articles relation."""

import pytest

from pipeline.publish import read_parquet, write_parquet_atomic
from pipeline.stage import steps
from pipeline.stage.checks import check_frame, check_table
from pipeline.stage.files import Layout
from schemas import TABLES


@pytest.fixture
def layout(article_folder, tmp_path):
    layout = Layout(tmp_path / "out")
    steps.ingest_to_stage(layout, article_folder, extensions=(".txt", ".md"), max_bytes=100_000, batch_size=8)
    steps.parse_to_stage(layout, batch_size=8)
    steps.extract_to_stage(layout, batch_size=8)
    steps.build_articles(layout, batch_size=8)
    steps.build_claims(layout)
    steps.build_rejected(layout, batch_size=8)
    return layout


@pytest.mark.parametrize("name", list(TABLES))
def test_staged_tables_pass(layout, name):
    result = check_table(layout, name)
    assert result.ok, result.summary
    assert result.rule_counts == {} and result.failing_rows == ""


def test_claim_past_its_article_fails_the_relation(layout):
    claims = read_parquet(layout.table("claims"))
    assert len(claims), "the fixture articles yield claims"
    articles = read_parquet(layout.table("articles"))
    articles["n_chars"] = 1  # every evidence now ends past its article
    write_parquet_atomic(articles, layout.table("articles"))
    result = check_table(layout, "claims")
    assert not result.ok
    assert result.rule_counts == {"evidence_outside_article": len(claims)}
    assert "evidence_outside_article" in result.summary and "evidence_outside_article" in result.failing_rows


def test_schema_failure_counts_rows_per_rule(layout):
    rejected = read_parquet(layout.table("rejected"))
    row = rejected.index[rejected["reason"] == "empty"][0]
    rejected.loc[row, "reason"] = "lost"
    write_parquet_atomic(rejected, layout.table("rejected"))
    result = check_table(layout, "rejected")
    assert not result.ok
    assert result.rule_counts == {"reason must be one of vocab.REJECT_REASONS": 1}
    assert f"| {row} |" in result.failing_rows


def whole(layout, name):
    """The check of the staged table read whole, as one frame."""
    return check_frame(name, read_parquet(layout.table(name)), lambda other: read_parquet(layout.table(other)))


def test_chunked_check_finds_what_the_whole_frame_check_finds(layout):
    claims = read_parquet(layout.table("claims"))
    assert len(claims) >= 3, "the fixture articles yield several claims"
    last = len(claims) - 1
    claims.loc[last, "claim_id"] = claims.loc[0, "claim_id"]  # a duplicate in another chunk
    claims.loc[1, "count"] = -5  # a column check
    claims.loc[last, "evidence_end"] = 10**6  # past its article: the relation
    write_parquet_atomic(claims, layout.table("claims"))
    chunked = check_table(layout, "claims", chunk_rows=1)
    expected = whole(layout, "claims")
    assert not chunked.ok
    assert chunked == expected
    assert chunked.rule_counts["claim_id is unique"] == 2
    assert f"| {last} |" in chunked.failing_rows and "| 0 |" in chunked.failing_rows


def test_whole_table_problems_are_reported_once_however_many_chunks(layout):
    rejected = read_parquet(layout.table("rejected"))
    write_parquet_atomic(rejected.drop(columns=["detail"]), layout.table("rejected"))
    chunked = check_table(layout, "rejected", chunk_rows=1)
    assert not chunked.ok
    assert chunked == whole(layout, "rejected")
    assert chunked.rule_counts == {"missing column detail": 1}


@pytest.mark.parametrize("name", list(TABLES))
def test_chunked_check_of_passing_tables_counts_every_row(layout, name):
    assert check_table(layout, name, chunk_rows=1) == whole(layout, name)
