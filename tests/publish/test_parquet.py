"""Parquet output: dtypes survive a round trip, files are deterministic, writes are atomic."""

import datetime as dt
import os

import duckdb
import pandas as pd
import pyarrow
import pyarrow.parquet as pq
import pytest

import pipeline.publish.parquet as parquet
from pipeline.publish import articles_frame, claims_frame, read_parquet, rejected_frame, write_parquet_atomic


@pytest.fixture
def tables(article, sample_article, claims, rejections):
    return {
        "articles": articles_frame([article, sample_article]),
        "claims": claims_frame([(article, c) for c in claims], extractor_version="0.1.0"),
        "rejected": rejected_frame(rejections),
    }


def describe(path):
    rows = duckdb.sql(f"DESCRIBE SELECT * FROM '{path}'").fetchall()
    return {name: kind for name, kind, *_ in rows}


@pytest.mark.parametrize("name", ["articles", "claims", "rejected"])
def test_round_trip_keeps_values_and_dtypes(tmp_path, tables, name):
    path = write_parquet_atomic(tables[name], tmp_path / f"{name}.parquet")
    back = read_parquet(path)
    pd.testing.assert_frame_equal(back, tables[name])
    # plain pandas gets the same dtypes from the file's pandas metadata
    pd.testing.assert_frame_equal(pd.read_parquet(path), tables[name])


@pytest.mark.parametrize("name", ["articles", "claims", "rejected"])
def test_empty_table_round_trip(tmp_path, tables, name):
    empty = tables[name].iloc[0:0]
    back = read_parquet(write_parquet_atomic(empty, tmp_path / "empty.parquet"))
    assert back.empty
    assert back.dtypes.to_dict() == empty.dtypes.to_dict()


def test_claims_count_and_date(tmp_path, tables):
    back = read_parquet(write_parquet_atomic(tables["claims"], tmp_path / "claims.parquet"))
    assert back["count"].dtype == pd.Int64Dtype()
    assert back["count"].tolist()[0] == 8 and back["count"].isna().tolist() == [False, True, True]
    assert back["event_date"].dtype == pd.ArrowDtype(pyarrow.date32())
    assert back.loc[0, "event_date"] == dt.date(2025, 1, 2)
    assert isinstance(back.loc[0, "event_date"], dt.date)


def test_parquet_schema(tmp_path, tables):
    path = write_parquet_atomic(tables["claims"], tmp_path / "claims.parquet")
    schema = pq.read_schema(path)
    assert schema.names == list(tables["claims"].columns)  # no index column
    assert schema.pandas_metadata["index_columns"] == []
    assert schema.field("count").type == pyarrow.int64()
    assert schema.field("evidence_start").type == pyarrow.int64()
    assert schema.field("latitude").type == pyarrow.float64()
    assert schema.field("event_date").type == pyarrow.date32()
    assert schema.field("claim_id").type in (pyarrow.string(), pyarrow.large_string())


def test_duckdb_types(tmp_path, tables):
    claims = describe(write_parquet_atomic(tables["claims"], tmp_path / "claims.parquet"))
    assert claims["count"] == "BIGINT"
    assert claims["event_date"] == "DATE"
    assert claims["evidence_end"] == "BIGINT"
    assert claims["latitude"] == "DOUBLE"
    assert claims["action"] == "VARCHAR"
    articles = describe(write_parquet_atomic(tables["articles"], tmp_path / "articles.parquet"))
    assert articles["published"] == "DATE"
    assert articles["is_sample"] == "BOOLEAN"
    nulls = duckdb.sql(f"SELECT count(*) FROM '{tmp_path / 'claims.parquet'}' WHERE count IS NULL").fetchall()[0]
    assert nulls == (2,)
    coords = duckdb.sql(f"SELECT count(latitude) FROM '{tmp_path / 'claims.parquet'}'").fetchall()[0]
    assert coords == (1,)  # NaN coordinates are written as NULL, not NaN


def test_writing_twice_gives_identical_bytes(tmp_path, tables):
    df = tables["claims"]
    a = write_parquet_atomic(df, tmp_path / "a.parquet").read_bytes()
    b = write_parquet_atomic(df.copy(), tmp_path / "b.parquet").read_bytes()
    assert a == b
    # the index is not written, so an equal frame with another index gives the same file
    c = write_parquet_atomic(df.set_axis(range(10, 10 + len(df))), tmp_path / "c.parquet").read_bytes()
    assert a == c


def test_overwrite_replaces_file_and_leaves_no_temp(tmp_path, tables):
    target = tmp_path / "claims.parquet"
    write_parquet_atomic(tables["claims"], target)
    write_parquet_atomic(tables["claims"].iloc[:1], target)
    assert len(read_parquet(target)) == 1
    assert os.listdir(tmp_path) == ["claims.parquet"]


@pytest.mark.parametrize("error", [OSError("disk full"), KeyboardInterrupt()])
def test_interrupted_write_keeps_previous_file(tmp_path, tables, monkeypatch, error):
    target = tmp_path / "claims.parquet"
    write_parquet_atomic(tables["claims"], target)
    before = target.read_bytes()

    def torn_write(table, where, **kwargs):
        where.write(b"PAR1 half a file")
        raise error

    monkeypatch.setattr(parquet.pq, "write_table", torn_write)
    with pytest.raises(type(error)):
        write_parquet_atomic(tables["claims"].iloc[:1], target)
    assert target.read_bytes() == before
    assert os.listdir(tmp_path) == ["claims.parquet"]


def test_unconvertible_frame_writes_nothing(tmp_path):
    bad = pd.DataFrame({"x": [object(), 1]})
    with pytest.raises((pyarrow.ArrowInvalid, pyarrow.ArrowTypeError)):
        write_parquet_atomic(bad, tmp_path / "bad.parquet")
    assert os.listdir(tmp_path) == []


def test_creates_missing_directory(tmp_path, tables):
    path = write_parquet_atomic(tables["rejected"], tmp_path / "release" / "rejected.parquet")
    assert path.exists()


def test_file_permissions_follow_umask(tmp_path, tables):
    old = os.umask(0o022)
    try:
        path = write_parquet_atomic(tables["rejected"], tmp_path / "rejected.parquet")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644


def test_read_file_without_pandas_metadata(tmp_path, tables):
    path = tmp_path / "foreign.parquet"
    source = tmp_path / "claims.parquet"
    write_parquet_atomic(tables["claims"], source)
    duckdb.sql(f"COPY (SELECT * FROM '{source}') TO '{path}' (FORMAT parquet)")
    assert pq.read_schema(path).pandas_metadata is None
    back = read_parquet(path)
    assert back["count"].dtype == pd.Int64Dtype()
    assert back["event_date"].dtype == pd.ArrowDtype(pyarrow.date32())
    assert back["claim_id"].dtype == pd.StringDtype()
    assert back.loc[0, "event_date"] == dt.date(2025, 1, 2)
