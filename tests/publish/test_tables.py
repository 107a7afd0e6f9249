"""Table builders: schema columns and dtypes, sorting, empty input, and claim ids."""

import dataclasses
import datetime as dt
import hashlib
import json

import numpy as np
import pandas as pd
import pyarrow
import pytest

from pipeline.publish import (
    articles_frame,
    claim_id,
    claim_rows,
    claims_frame,
    rejected_frame,
    sort_claims,
)
from schemas import TABLES
from schemas.validate import validate


def schema_dtypes(table):
    return {name: col.dtype.type for name, col in TABLES[table].to_schema().columns.items()}


@pytest.fixture
def claims_df(article, claims):
    return claims_frame([(article, c) for c in claims], extractor_version="0.1.0")


def test_articles_frame(article, sample_article):
    df = articles_frame([sample_article, article])
    assert df.dtypes.to_dict() == schema_dtypes("articles")
    assert list(df["source_file"]) == ["2025/01/agency-drones.txt", "samples/seed.txt"]  # sorted
    assert list(df.index) == [0, 1]
    first, sample = df.iloc[0], df.iloc[1]
    assert first["n_chars"] == len(article.text)
    assert pd.isna(first["warnings"])
    assert sample["warnings"] == "decoded as cp1251; replaced 2 control characters"
    assert not first["is_sample"] and sample["is_sample"]
    assert first["published"] == dt.date(2025, 1, 2) and pd.isna(sample["published"])
    assert validate("articles", df).ok


def test_rejected_frame(rejections):
    df = rejected_frame(rejections)
    assert df.dtypes.to_dict() == schema_dtypes("rejected")
    assert list(zip(df["source_file"], df["reason"])) == [
        ("a/huge.txt", "binary"),
        ("a/huge.txt", "too_large"),
        ("copies/agency-drones.txt", "duplicate"),
        ("z/map.png", "binary"),
    ]
    assert df["duplicate_of"].notna().sum() == 1
    assert validate("rejected", df).ok


def test_claims_frame(claims_df, article):
    assert claims_df.dtypes.to_dict() == schema_dtypes("claims")
    assert claims_df["count"].dtype == pd.Int64Dtype()
    assert claims_df["event_date"].dtype == pd.ArrowDtype(pyarrow.date32())
    assert claims_df["evidence_start"].dtype == np.int64
    assert claims_df["latitude"].dtype == np.float64
    assert claims_df["count"].isna().tolist() == [False, True, True]
    assert (claims_df["article_id"] == article.article_id).all()
    assert (claims_df["extractor_version"] == "0.1.0").all()
    report = validate("claims", claims_df)
    assert report.ok, report.summary
    spans = [article.text[s:e] for s, e in zip(claims_df["evidence_start"], claims_df["evidence_end"])]
    assert spans == list(claims_df["evidence"])


def test_claims_frame_from_dicts_equals_from_pairs(claims_df, article, claims):
    rows = list(claim_rows(article, claims, "0.1.0"))
    assert set(rows[0]) == {f.name for f in dataclasses.fields(claims[0])} | {
        "article_id", "source_file", "extractor_version"}
    pd.testing.assert_frame_equal(claims_frame(rows), claims_df)


def test_claims_frame_keeps_a_given_claim_id(article, claims):
    rows = list(claim_rows(article, claims[:1], "0.1.0"))
    rows[0]["claim_id"] = "00000000000000aa"
    assert claims_frame(rows)["claim_id"].tolist() == ["00000000000000aa"]


def test_claims_frame_needs_an_extractor_version(article, claims):
    with pytest.raises(ValueError, match="extractor_version"):
        claims_frame([(article, claims[0])])


@pytest.mark.parametrize(
    ("builder", "table"),
    [(articles_frame, "articles"), (rejected_frame, "rejected"), (claims_frame, "claims")],
)
def test_empty_input_gives_empty_typed_frame(builder, table):
    df = builder([])
    assert df.empty
    assert df.dtypes.to_dict() == schema_dtypes(table)
    assert validate(table, df).ok


def test_builders_accept_generators(article, claims):
    df = claims_frame(((article, c) for c in claims), extractor_version="0.1.0")
    assert len(df) == 3


def test_sort_claims_order(article_factory, claims):
    other = article_factory(article_id="b1b2c3d4e5f60718", source_file="2024/early.txt")
    mine = article_factory()
    same_span = dataclasses.replace(claims[0], action="launched")
    rows = [(mine, claims[2]), (mine, claims[0]), (other, claims[1]), (mine, same_span)]
    df = claims_frame(rows, extractor_version="0.1.0")
    keys = list(zip(df["source_file"], df["evidence_start"], df["action"]))
    assert keys == [
        ("2024/early.txt", claims[1].evidence_start, "suppressed"),
        ("2025/01/agency-drones.txt", claims[0].evidence_start, "intercepted"),
        ("2025/01/agency-drones.txt", claims[0].evidence_start, "launched"),
        ("2025/01/agency-drones.txt", claims[2].evidence_start, "captured"),
    ]
    assert list(df.index) == list(range(4))
    shuffled = df.sample(frac=1, random_state=1)
    pd.testing.assert_frame_equal(sort_claims(shuffled), df)


# ---- claim_id ----


def test_claim_id_is_16_hex_and_deterministic(article, claims):
    ids = [claim_id(article.article_id, c) for c in claims]
    assert all(len(i) == 16 and int(i, 16) >= 0 and i == i.lower() for i in ids)
    assert ids == [claim_id(article.article_id, c) for c in claims]
    assert len(set(ids)) == 3


def test_claim_id_follows_documented_serialisation(article, claims):
    c = claims[0]
    payload = [
        "counterclaim-claim-id/1", article.article_id, c.evidence_start, c.evidence_end,
        c.action, c.count, c.count_qualifier, c.munition_class, c.munition_model, c.attacker,
        c.claimant, c.claimant_kind, c.claimant_country, c.location_admin1, c.location_country,
        c.location_name, "2025-01-02", c.evidence,
    ]
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    assert claim_id(article.article_id, c) == hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def test_claim_id_same_for_claim_and_its_dict_or_frame_row(article, claims, claims_df):
    for c in claims:
        assert claim_id(article.article_id, c) == claim_id(article.article_id, c.as_dict())
    # a row read back from the frame (numpy ints, pd.NA, Int64) hashes the same
    for record in claims_df.to_dict("records"):
        assert claim_id(record["article_id"], record) == record["claim_id"]


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"evidence_start": 1, "evidence_end": 64}, id="position"),
        pytest.param({"count": 9}, id="count"),
        pytest.param({"count_qualifier": "at_least"}, id="qualifier"),
        pytest.param({"action": "launched"}, id="action"),
        pytest.param({"munition_model": None}, id="model"),
        pytest.param({"attacker": "RU"}, id="attacker"),
        pytest.param({"claimant": "Governor of Belgorod Oblast"}, id="claimant"),
        pytest.param({"location_admin1": "RU-KRS"}, id="region"),
        pytest.param({"location_name": "Shebekino"}, id="place"),
        pytest.param({"event_date": dt.date(2025, 1, 1)}, id="date"),
        pytest.param({"event_date": None}, id="no-date"),
        pytest.param({"evidence": "Air defences downed 8 ATACMS missiles over the Belgorod region!"}, id="evidence"),
    ],
)
def test_claim_id_changes_with_position_or_content(article, claims, changes):
    before = claim_id(article.article_id, claims[0])
    assert claim_id(article.article_id, dataclasses.replace(claims[0], **changes)) != before


def test_claim_id_changes_with_article(article, claims):
    assert claim_id(article.article_id, claims[0]) != claim_id("b1b2c3d4e5f60718", claims[0])


def test_claim_id_ignores_looked_up_coordinates(article, claims):
    c = claims[2]
    moved = dataclasses.replace(c, latitude=48.6, longitude=39.2)
    assert claim_id(article.article_id, moved) == claim_id(article.article_id, c)


def test_count_null_differs_from_zero(article, claims):
    zero = dataclasses.replace(claims[1], count=0)
    assert claim_id(article.article_id, zero) != claim_id(article.article_id, claims[1])


def test_claims_frame_rebuilds_from_its_own_records(claims_df):
    # records read back from a frame carry pd.NA and numpy scalars; ids and values survive
    records = claims_df.to_dict("records")
    pd.testing.assert_frame_equal(claims_frame(records), claims_df)
    for record in records:
        record["claim_id"] = pd.NA
    pd.testing.assert_frame_equal(claims_frame(records), claims_df)
