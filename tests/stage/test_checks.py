"""Checking staged tables: schema rules and the claims-to-articles relation."""

import pytest

from pipeline.publish import read_parquet, write_parquet_atomic
from pipeline.stage import steps
from pipeline.stage.checks import check_table
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
