"""ArticlesSchema: a valid frame passes, and each rule rejects the rows that break it."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from schemas import ArticlesSchema
from schemas.validate import validate


def test_valid_frame_passes(articles):
    out = ArticlesSchema.validate(articles)
    assert list(out.columns) == list(ArticlesSchema.to_schema().columns)
    assert out["n_chars"].dtype == np.int64
    assert out["is_sample"].dtype == np.bool_
    assert out.loc[0, "published"] == dt.date(2025, 1, 2)
    assert pd.isna(out.loc[1, "published"])


BAD_ROWS = [
    pytest.param(0, {"article_id": "a1b2c3d4e5f6071"}, "hex16", id="short-article-id"),
    pytest.param(0, {"article_id": "g1b2c3d4e5f60718"}, "hex16", id="non-hex-article-id"),
    pytest.param(0, {"n_chars": 0}, "greater_than", id="zero-length"),
    pytest.param(0, {"encoding": None}, "not_nullable", id="no-encoding"),
    pytest.param(0, {"source_file": "C:/news/a.txt"}, "relative_posix_path", id="windows-drive"),
    pytest.param(0, {"source_file": "news/./a.txt"}, "relative_posix_path", id="dot-segment"),
    pytest.param(0, {"is_sample": True}, "is_sample_matches_source", id="sample-flag-without-sample-source"),
    pytest.param(1, {"is_sample": False}, "is_sample_matches_source", id="sample-source-without-flag"),
]


@pytest.mark.parametrize(("row", "changes", "check"), BAD_ROWS)
def test_rule_rejects_bad_row(article_rows, row, changes, check):
    article_rows[row].update(changes)
    report = validate("articles", pd.DataFrame(article_rows))
    assert not report.ok
    assert set(report.failures.loc[report.failures["check"] == check, "index"]) == {row}


@pytest.mark.parametrize("column", ["article_id", "source_file"])
def test_duplicates_are_rejected(article_rows, column):
    article_rows[1][column] = article_rows[0][column]
    report = validate("articles", pd.DataFrame(article_rows))
    assert not report.ok
    dup = report.failures[report.failures["check"] == "field_uniqueness"]
    assert set(dup["column"]) == {column}
    assert set(dup["index"]) == {0, 1}


def test_unknown_extra_column_is_rejected(articles):
    report = validate("articles", articles.assign(text="full text"))
    assert not report.ok
    assert "unexpected column text" in report.summary


def test_published_coerced_from_text(articles):
    out = ArticlesSchema.validate(articles.assign(published=["2025-01-02", None]))
    assert out.loc[0, "published"] == dt.date(2025, 1, 2)
