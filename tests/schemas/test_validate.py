"""validate(): the report names failing rules and rows, summarises them and renders them."""

import pandas as pd
import pytest

from schemas.validate import FAILURE_COLUMNS, validate


def test_success_returns_the_coerced_frame(claims):
    report = validate("claims", claims.assign(count=["8", None, None]))
    assert report.ok
    assert report.failures.empty and list(report.failures.columns) == FAILURE_COLUMNS
    assert report.data["count"].dtype == pd.Int64Dtype()
    assert report.data.loc[0, "count"] == 8
    assert report.summary == "3 rows pass every rule"
    assert report.to_markdown() == "No failing rows."


def test_summary_counts_rows_per_rule(claim_rows):
    claim_rows[0]["count"] = -1
    claim_rows[1].update(count=-2, count_qualifier="exact")
    claim_rows[2].update(count=4, count_qualifier="exact")
    report = validate("claims", pd.DataFrame(claim_rows))
    assert not report.ok
    assert report.summary == "3 rows fail 2 rules: count ≥ 0 (2 rows), capture_has_no_count (1 row)"


def test_failures_frame_names_rule_column_row_and_value(claim_rows):
    claim_rows[1]["attacker"] = "XX"
    claim_rows[2].update(count=4, count_qualifier="exact")
    report = validate("claims", pd.DataFrame(claim_rows))
    f = report.failures
    assert list(f.columns) == FAILURE_COLUMNS
    iso = f[f["check"] == "iso_3166_1_alpha2"].iloc[0]
    assert (iso["column"], iso["index"], iso["failure_case"]) == ("attacker", 1, "XX")
    assert iso["rule"] == "attacker must be an ISO 3166-1 alpha-2 country code"
    capture = f[f["check"] == "capture_has_no_count"]
    assert len(capture) == 1  # one line per failing row, not one per cell
    row = capture.iloc[0]
    assert row["index"] == 2
    assert row["column"] == "action, count, count_qualifier"
    assert row["failure_case"] == "action=captured, count=4, count_qualifier=exact"


def test_failing_rows_are_the_original_rows_with_their_rules(claim_rows):
    claim_rows[0]["count"] = -1
    claim_rows[2].update(count=4, count_qualifier="exact", munition_class="uav")
    df = pd.DataFrame(claim_rows, index=[10, 20, 30])
    report = validate("claims", df)
    rows = report.failing_rows()
    assert list(rows.index) == [10, 30]
    assert rows.columns[0] == "rules"
    assert rows.loc[10, "rules"] == "count ≥ 0"
    assert rows.loc[30, "rules"] == "capture_has_no_count; capture_has_no_munition"
    assert rows.loc[10, "count"] == -1  # original, uncoerced values
    assert {"claim_id", "action", "count", "count_qualifier", "munition_class"} <= set(rows.columns)
    assert "evidence" not in rows.columns  # only the key and the columns involved


def test_markdown_table(claim_rows):
    claim_rows[1]["claimant"] = "A | B"
    claim_rows[1]["action"] = "shot"
    report = validate("claims", pd.DataFrame(claim_rows))
    md = report.to_markdown(columns=["claim_id", "action", "claimant"])
    lines = md.splitlines()
    assert lines[0] == "| row | rules | claim_id | action | claimant |"
    assert lines[1] == "|---|---|---|---|---|"
    assert lines[2] == "| 1 | action must be one of vocab.ACTIONS | 0000000000000002 | shot | A \\| B |"
    assert len(lines) == 3


def test_markdown_truncates_and_limits_rows(claim_rows):
    for row in claim_rows:
        row["count"] = -5
        row["count_qualifier"] = "exact"
        row["claimant"] = "x" * 100
    report = validate("claims", pd.DataFrame(claim_rows))
    md = report.to_markdown(max_rows=1, max_width=10, columns=["claimant"])
    assert "| xxxxxxxxx… |" in md
    assert "2 more failing rows" in md


def test_table_level_failures(claims):
    report = validate("claims", claims.assign(extra=1).drop(columns=["evidence"]))
    assert not report.ok
    assert report.summary.startswith("the table fails 2 rules:")
    assert "unexpected column extra (whole table)" in report.summary
    assert "missing column evidence (whole table)" in report.summary
    assert report.failures["index"].isna().all()


def test_unknown_table(claims):
    with pytest.raises(KeyError, match="known tables"):
        validate("events", claims)
