"""The whole asset graph, materialised in-process on a small folder of articles."""

from pathlib import Path

import pandas as pd
import pytest

from pipeline.publish import read_parquet
from schemas import TABLES

ASSETS = ["raw_articles", "parsed_articles", "claim_events", "articles", "claims", "rejected", "dataset"]


@pytest.fixture(scope="module")
def runs(run_job, sample_articles, tmp_path_factory):
    """Two runs over the same folder into the same output folder, with what the first published."""
    root = tmp_path_factory.mktemp("pipeline")
    input_dir, out = sample_articles.write(root / "articles"), root / "out"
    first = run_job(input_dir, out)
    published = {name: (out / f"{name}.parquet").read_bytes() for name in TABLES}
    tables = {name: read_parquet(out / f"{name}.parquet") for name in TABLES}
    second = run_job(input_dir, out)
    return {"first": first, "second": second, "out": out, "input": input_dir, "published": published, "tables": tables}


def test_every_asset_materialises(runs):
    result = runs["first"]
    assert result.success
    for asset in ASSETS:
        assert result.asset_materializations_for_node(asset), asset


def test_tables_are_published_with_schema_columns_and_dtypes(runs):
    out = runs["out"]
    for name, model in TABLES.items():
        assert (out / f"{name}.parquet").is_file()
        assert (out / ".counterclaim" / "tables" / f"{name}.parquet").is_file()
        assert list(runs["tables"][name].columns) == list(model.to_schema().columns)
    claims, articles = runs["tables"]["claims"], runs["tables"]["articles"]
    assert claims["count"].dtype == pd.Int64Dtype()
    assert str(claims["event_date"].dtype) == "date32[day][pyarrow]"
    assert str(articles["published"].dtype) == "date32[day][pyarrow]"
    assert claims["evidence_start"].dtype == "int64" and claims["evidence_end"].dtype == "int64"


def test_every_file_is_accounted_for_once(runs, sample_articles):
    articles, rejected = runs["tables"]["articles"], runs["tables"]["rejected"]
    seen = list(articles["source_file"]) + list(rejected["source_file"])
    assert sorted(seen) == sorted(sample_articles.files)
    assert dict(zip(rejected["source_file"], rejected["reason"])) == sample_articles.rejections
    assert runs["first"].asset_materializations_for_node("dataset")[0].metadata["kept"].value == 2


def test_claims_quote_their_article(runs):
    claims = runs["tables"]["claims"]
    assert "2025-03-01-belgorod.txt" in set(claims["source_file"])
    for row in claims.itertuples():
        text = (runs["input"] / row.source_file).read_text(encoding="utf-8")
        assert text[row.evidence_start : row.evidence_end] == row.evidence


def test_checks_ran_and_passed(runs):
    evaluations = runs["first"].get_asset_check_evaluations()
    assert {e.check_name for e in evaluations} == {f"{name}_schema" for name in TABLES}
    assert all(e.passed for e in evaluations)


def test_second_run_gives_identical_tables(runs):
    assert runs["second"].success
    for name in TABLES:
        again = read_parquet(runs["out"] / f"{name}.parquet")
        pd.testing.assert_frame_equal(again, runs["tables"][name])
        assert (runs["out"] / f"{name}.parquet").read_bytes() == runs["published"][name]


def test_second_run_reuses_every_article_from_the_cache(runs):
    def metadata(result, asset):
        (materialization,) = result.asset_materializations_for_node(asset)
        return {key: value.value for key, value in materialization.metadata.items()}

    first, second = metadata(runs["first"], "parsed_articles"), metadata(runs["second"], "parsed_articles")
    assert (first["parsed"], first["reused_from_cache"]) == (2, 0)
    assert (second["parsed"], second["reused_from_cache"]) == (0, 2)
    events = metadata(runs["second"], "claim_events")
    assert (events["articles"], events["extracted"], events["reused_from_cache"]) == (2, 0, 2)
    assert not (runs["out"] / ".counterclaim" / "stage" / "parsed").exists()  # Docs are not kept by default


def test_missing_input_fails_the_first_asset_with_a_plain_message(run_job, tmp_path: Path):
    result = run_job(tmp_path / "nowhere", tmp_path / "out")
    assert not result.success
    (failure,) = [e for e in result.all_events if e.is_step_failure]
    assert failure.step_key == "raw_articles"
    assert "does not exist" in failure.step_failure_data.user_failure_data.description
    assert not (tmp_path / "out" / "articles.parquet").exists()
