"""ClaimsSchema: a valid frame passes, and each rule rejects the rows that break it."""

import datetime as dt

import numpy as np
import pandas as pd
import pandera.pandas as pa
import pyarrow
import pytest

from schemas import ClaimsSchema, evidence_outside_article
from schemas.validate import validate


def failures_for(df: pd.DataFrame) -> pd.DataFrame:
    report = validate("claims", df)
    assert not report.ok
    return report.failures


def test_valid_frame_passes(claims):
    out = ClaimsSchema.validate(claims)
    assert list(out.columns) == list(ClaimsSchema.to_schema().columns)
    assert out["count"].dtype == pd.Int64Dtype()
    assert out["event_date"].dtype == pd.ArrowDtype(pyarrow.date32())
    assert out["evidence_start"].dtype == np.int64
    assert out["latitude"].dtype == np.float64
    assert out["claim_id"].dtype == pd.StringDtype()


def test_empty_frame_passes():
    empty = pd.DataFrame({name: pd.Series(dtype=object) for name in ClaimsSchema.to_schema().columns})
    assert len(ClaimsSchema.validate(empty)) == 0


# Where the first claim's evidence (the article's first sentence) ends.
FIRST_END = len("Air defences downed 8 ATACMS missiles over the Belgorod region.")

# (row, changes, check expected among that row's failures)
BAD_ROWS = [
    pytest.param(0, {"count": -1}, "greater_than_or_equal_to", id="negative-count"),
    pytest.param(0, {"action": "shot"}, "vocabulary", id="unknown-action"),
    pytest.param(0, {"action": None}, "not_nullable", id="null-action"),
    pytest.param(0, {"munition_model": "Shahed"}, "vocabulary", id="non-canonical-model"),
    pytest.param(0, {"munition_class": "drone"}, "vocabulary", id="unknown-class"),
    pytest.param(0, {"count_qualifier": "roughly"}, "vocabulary", id="unknown-qualifier"),
    pytest.param(0, {"claimant_kind": "ministry"}, "vocabulary", id="unknown-claimant-kind"),
    pytest.param(0, {"location_precision": "city"}, "vocabulary", id="unknown-precision"),
    pytest.param(0, {"attacker": "XX"}, "iso_3166_1_alpha2", id="attacker-not-iso"),
    pytest.param(0, {"claimant_country": "Russia"}, "iso_3166_1_alpha2", id="claimant-country-not-iso"),
    pytest.param(0, {"location_country": "ru"}, "iso_3166_1_alpha2", id="lowercase-country"),
    pytest.param(0, {"location_admin1": "UA-99", "location_country": "UA"}, "iso_3166_2", id="admin1-not-iso"),
    pytest.param(0, {"article_id": "not-a-hex-id!!!!"}, "hex16", id="non-hex-article-id"),
    pytest.param(0, {"article_id": "A1B2C3D4E5F60718"}, "hex16", id="uppercase-article-id"),
    pytest.param(0, {"claim_id": "0123"}, "hex16", id="short-claim-id"),
    pytest.param(0, {"source_file": "/news/ria.txt"}, "relative_posix_path", id="absolute-source-file"),
    pytest.param(0, {"source_file": "../ria.txt"}, "relative_posix_path", id="source-file-escapes-root"),
    pytest.param(0, {"source_file": "2025\\ria.txt"}, "relative_posix_path", id="windows-source-file"),
    pytest.param(0, {"latitude": 95.0, "longitude": 30.0, "location_precision": "admin1"}, "in_range", id="latitude-out-of-range"),
    pytest.param(0, {"latitude": 50.0, "longitude": -181.0}, "in_range", id="longitude-out-of-range"),
    pytest.param(0, {"evidence": ""}, "str_length", id="empty-evidence"),
    pytest.param(0, {"extractor_version": None}, "not_nullable", id="no-extractor-version"),
    pytest.param(2, {"count": 12, "count_qualifier": "exact"}, "capture_has_no_count", id="capture-with-count"),
    pytest.param(2, {"munition_class": "uav"}, "capture_has_no_munition", id="capture-with-munition"),
    pytest.param(2, {"location_name": None, "location_precision": "admin1", "latitude": None, "longitude": None},
                 "capture_names_settlement", id="capture-without-settlement"),
    pytest.param(0, {"count_qualifier": None}, "non_capture_has_count_qualifier", id="interception-without-qualifier"),
    pytest.param(0, {"munition_class": None, "munition_model": None}, "non_capture_has_munition_class", id="interception-without-class"),
    pytest.param(0, {"count": None}, "count_null_iff_unspecified", id="exact-without-count"),
    pytest.param(1, {"count": 5}, "count_null_iff_unspecified", id="unspecified-with-count"),
    pytest.param(0, {"evidence_end": FIRST_END + 5}, "evidence_span_matches_text", id="evidence-end-beyond-text"),
    pytest.param(0, {"evidence_start": FIRST_END, "evidence_end": FIRST_END}, "evidence_span_ordered", id="empty-span"),
    pytest.param(0, {"location_admin1": "UA-63", "location_country": "RU"}, "admin1_in_location_country", id="admin1-other-country"),
    pytest.param(0, {"latitude": 50.6, "longitude": None}, "coordinates_paired", id="latitude-without-longitude"),
    pytest.param(0, {"location_admin1": None}, "location_precision_consistent", id="admin1-precision-without-admin1"),
    pytest.param(0, {"location_precision": "settlement"}, "location_precision_consistent", id="settlement-without-name"),
    pytest.param(0, {"location_admin1": None, "location_precision": "country", "location_country": None},
                 "location_precision_consistent", id="country-precision-without-country"),
    pytest.param(0, {"location_precision": "none"}, "location_precision_consistent", id="none-precision-with-location"),
    pytest.param(1, {"latitude": 50.0, "longitude": 30.0}, "location_precision_consistent", id="none-precision-with-coordinates"),
]


@pytest.mark.parametrize(("row", "changes", "check"), BAD_ROWS)
def test_rule_rejects_bad_row(claim_rows, row, changes, check):
    claim_rows[row].update(changes)
    failures = failures_for(pd.DataFrame(claim_rows))
    assert check in set(failures["check"]), failures
    # the failure points at the bad row and at no other row
    assert set(failures.loc[failures["check"] == check, "index"]) == {row}
    assert set(failures["index"].dropna()) == {row}


def test_evidence_end_fixture_matches_first_sentence(claim_rows):
    # BAD_ROWS relies on where the first evidence sentence ends
    assert claim_rows[0]["evidence_end"] == FIRST_END


def test_duplicate_claim_id_names_both_rows(claim_rows):
    claim_rows[2]["claim_id"] = claim_rows[0]["claim_id"]
    failures = failures_for(pd.DataFrame(claim_rows))
    dup = failures[failures["check"] == "field_uniqueness"]
    assert set(dup["column"]) == {"claim_id"}
    assert set(dup["index"]) == {0, 2}


def test_unknown_extra_column_is_rejected(claims):
    report = validate("claims", claims.assign(notes="x"))
    assert not report.ok
    assert "unexpected column notes" in set(report.failures["rule"])
    assert "unexpected column notes" in report.summary


def test_missing_column_is_rejected(claims):
    report = validate("claims", claims.drop(columns=["evidence"]))
    assert not report.ok
    assert "missing column evidence" in set(report.failures["rule"])


def test_columns_must_be_in_order(claims):
    cols = list(claims.columns)
    cols[0], cols[1] = cols[1], cols[0]
    with pytest.raises(pa.errors.SchemaErrors):
        ClaimsSchema.validate(claims[cols], lazy=True)


def test_coerces_text_to_column_types(claim_rows):
    claim_rows[0].update(count="3", evidence_start=str(claim_rows[0]["evidence_start"]), event_date="2025-01-02")
    claim_rows[1].update(count=None, event_date=None)
    claim_rows[2].update(count=None, event_date=None)
    df = pd.DataFrame(claim_rows).astype({"count": object, "evidence_start": object, "event_date": object})
    out = ClaimsSchema.validate(df)
    assert out["count"].dtype == pd.Int64Dtype()
    assert out.loc[0, "count"] == 3
    assert out.loc[0, "evidence_start"] == 0 and out["evidence_start"].dtype == np.int64
    assert out.loc[0, "event_date"] == dt.date(2025, 1, 2)


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"location_admin1": "UA-43", "location_country": "UA"}, id="crimea-is-ua"),
        pytest.param({"location_admin1": "UA-40", "location_country": "UA"}, id="sevastopol-is-ua"),
        pytest.param({"location_admin1": "RU-MOW", "location_country": None, "location_precision": "admin1"}, id="admin1-without-country"),
        pytest.param({"location_name": "Black Sea", "location_admin1": None, "location_country": None,
                      "location_precision": "settlement"}, id="sea-name-only"),
        pytest.param({"count": 0}, id="zero-count"),
        pytest.param({"count_qualifier": "at_least", "count": 30}, id="at-least"),
        pytest.param({"claimant": None, "claimant_kind": None, "claimant_country": None, "attacker": None}, id="no-claimant"),
        pytest.param({"munition_class": "mixed", "munition_model": None}, id="mixed-class"),
    ],
)
def test_valid_variants_pass(claim_rows, changes):
    claim_rows[0].update(changes)
    report = validate("claims", pd.DataFrame(claim_rows))
    assert report.ok, report.summary


def test_evidence_outside_article_finds_rows(claims, articles):
    claims = claims.copy()
    claims.loc[1, "article_id"] = "ffffffffffffffff"  # no such article
    claims.loc[2, "evidence_start"] = articles.loc[0, "n_chars"] - 2
    claims.loc[2, "evidence_end"] = articles.loc[0, "n_chars"] + 1  # past the end of the text
    outside = evidence_outside_article(claims, articles)
    assert list(outside.index) == [1, 2]
    assert list(outside.columns) == list(claims.columns)


def test_evidence_outside_article_empty_when_all_inside(claims, articles):
    claims = claims.copy()
    claims.loc[2, "evidence_end"] = articles.loc[0, "n_chars"]  # ends exactly at the end: inside
    assert evidence_outside_article(claims, articles).empty


def test_evidence_outside_article_on_validated_frames(claims, articles):
    outside = evidence_outside_article(ClaimsSchema.validate(claims), articles)
    assert outside.empty
