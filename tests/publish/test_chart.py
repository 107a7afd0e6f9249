"""The claims-per-week chart: a PNG, identical bytes for identical claims."""

import datetime as dt

from pipeline.publish import claim_rows, claims_frame
from pipeline.publish.chart import claims_per_week_png, iso_week, weekly_counts

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_chart_is_a_png_with_the_same_bytes_twice(article, claims, tmp_path):
    table = claims_frame(claim_rows(article, claims, "test-1"))
    first, second = claims_per_week_png(table), claims_per_week_png(table.copy())
    assert first.startswith(PNG_SIGNATURE) and len(first) > 1000
    assert first == second
    assert b"matplotlib" not in first and b"Software" not in first  # no version or timestamp embedded
    path = tmp_path / "claims_per_week.png"
    path.write_bytes(first)
    assert path.read_bytes()[:8] == PNG_SIGNATURE


def test_chart_of_no_dated_claims_is_still_a_png():
    assert claims_per_week_png(claims_frame([])).startswith(PNG_SIGNATURE)


def test_weekly_counts_cover_every_week(article, claims):
    table = claims_frame(claim_rows(article, claims, "test-1"))
    table.loc[table["action"] == "captured", "event_date"] = dt.date(2025, 1, 20)
    counts = weekly_counts(table, "action")
    assert list(counts.index) == ["2025-W01", "2025-W02", "2025-W03", "2025-W04"]
    assert counts.loc["2025-W01", "intercepted"] == 1 and counts.loc["2025-W04", "captured"] == 1
    assert counts.loc["2025-W02"].sum() == 0
    assert int(counts.to_numpy().sum()) == 2  # the undated suppression is left out
    assert iso_week(dt.date(2024, 12, 30)) == "2025-W01"
