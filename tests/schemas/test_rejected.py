"""RejectedSchema: a valid frame passes, and each rule rejects the rows that break it."""

import pandas as pd
import pytest

from schemas import RejectedSchema
from schemas.validate import validate


def test_valid_frame_passes(rejected):
    out = RejectedSchema.validate(rejected)
    assert list(out.columns) == ["source_file", "reason", "detail", "duplicate_of"]
    assert pd.isna(out.loc[0, "duplicate_of"])


BAD_ROWS = [
    pytest.param(0, {"reason": "too_big"}, "vocabulary", id="unknown-reason"),
    pytest.param(0, {"detail": ""}, "str_length", id="empty-detail"),
    pytest.param(0, {"detail": None}, "not_nullable", id="no-detail"),
    pytest.param(0, {"source_file": "/images/x.png"}, "relative_posix_path", id="absolute-path"),
    pytest.param(1, {"duplicate_of": None}, "duplicate_of_iff_duplicate", id="duplicate-without-kept-copy"),
    pytest.param(0, {"duplicate_of": "a1b2c3d4e5f60718"}, "duplicate_of_iff_duplicate", id="binary-with-kept-copy"),
    pytest.param(1, {"duplicate_of": "2025/01/ria-drones.txt"}, "hex16", id="kept-copy-not-an-id"),
]


@pytest.mark.parametrize(("row", "changes", "check"), BAD_ROWS)
def test_rule_rejects_bad_row(rejected_rows, row, changes, check):
    rejected_rows[row].update(changes)
    report = validate("rejected", pd.DataFrame(rejected_rows))
    assert not report.ok
    assert set(report.failures.loc[report.failures["check"] == check, "index"]) == {row}
    assert set(report.failures["index"].dropna()) == {row}


def test_unknown_extra_column_is_rejected(rejected):
    assert not validate("rejected", rejected.assign(size=1)).ok


def test_same_file_may_appear_with_several_reasons(rejected_rows):
    rejected_rows.append({**rejected_rows[0], "reason": "too_large", "detail": "The file is too large."})
    assert validate("rejected", pd.DataFrame(rejected_rows)).ok
