"""A blocking schema check stops the run before anything is published."""

import datetime as dt
import json

import pytest

from pipeline.cli import failure_message
from pipeline.publish import claims_frame, read_parquet, write_parquet_atomic
from pipeline.stage import steps
from pipeline.stage.steps import TableSummary
from schemas import TABLES


def invalid_claims(layout) -> TableSummary:
    """Stage a claims table with one bad row: a capture with a count, no settlement and an unknown article."""
    row = dict(
        article_id="0000000000000000", source_file="2025-03-01-belgorod.txt", action="captured", count=3,
        count_qualifier="exact", munition_class=None, munition_model=None, attacker="RU", claimant=None,
        claimant_kind=None, claimant_country=None, location_admin1=None, location_country=None,
        location_name=None, latitude=None, longitude=None, location_precision="none",
        event_date=dt.date(2025, 3, 1), evidence="Russian forces captured it.", evidence_start=0,
        evidence_end=27, extractor_version="test",
    )
    path = write_parquet_atomic(claims_frame([row]), layout.table("claims"))
    return TableSummary(name="claims", path=path, rows=1)


@pytest.fixture
def failed_run(run_job, article_folder, tmp_path, monkeypatch):
    """A good run, then a run whose staged claims table breaks the schema."""
    out = tmp_path / "out"
    assert run_job(article_folder, out).success
    before = {name: (out / f"{name}.parquet").read_bytes() for name in TABLES}
    monkeypatch.setattr(steps, "build_claims", invalid_claims)
    return run_job(article_folder, out), out, before


def test_failing_check_names_rules_and_rows(failed_run):
    result, _, _ = failed_run
    assert not result.success
    (evaluation,) = [e for e in result.get_asset_check_evaluations() if not e.passed]
    assert evaluation.check_name == "claims_schema"
    assert evaluation.severity.value == "ERROR"
    metadata = {key: value.value for key, value in evaluation.metadata.items()}
    by_rule = metadata["failing_rows_by_rule"]
    by_rule = json.loads(by_rule) if isinstance(by_rule, str) else by_rule
    assert by_rule["capture_has_no_count"] == 1
    assert by_rule["capture_names_settlement"] == 1
    assert by_rule["evidence_outside_article"] == 1
    assert "capture_has_no_count" in metadata["failing_rows"]
    assert "| 0 |" in metadata["failing_rows"]  # the failing row's label
    assert "capture_has_no_count" in metadata["summary"]


def test_other_checks_still_pass(failed_run):
    result, _, _ = failed_run
    passed = {e.check_name for e in result.get_asset_check_evaluations() if e.passed}
    assert passed == {"articles_schema", "rejected_schema"}


def test_publish_does_not_run_and_published_files_stay(failed_run):
    result, out, before = failed_run
    assert not result.asset_materializations_for_node("dataset")
    assert "dataset" not in {e.step_key for e in result.get_step_success_events()}
    for name in TABLES:
        assert (out / f"{name}.parquet").read_bytes() == before[name]
    assert len(read_parquet(out / ".counterclaim" / "tables" / "claims.parquet")) == 1  # staged, not published


def test_cli_message_names_the_check(failed_run):
    message = failure_message(failed_run[0])
    assert message.startswith("check claims_schema failed: ")
    assert "capture_has_no_count" in message and "nothing was published" in message
