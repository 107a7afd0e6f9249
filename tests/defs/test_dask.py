"""The extract job on a Dask cluster (dagster-dask's executor) publishes the same tables as in-process."""

from __future__ import annotations

import logging

import pytest

from pipeline.cli import run_extract
from pipeline.publish import read_parquet
from schemas import TABLES

distributed = pytest.importorskip("distributed")
pytest.importorskip("dagster_dask")


def settings(input_dir, output_dir) -> dict[str, object]:
    return {"input_dir": str(input_dir), "output_dir": str(output_dir), "batch_size": 1}


def test_dask_run_publishes_the_same_tables_as_an_in_process_run(sample_articles, tmp_path, monkeypatch):
    input_dir = sample_articles.write(tmp_path / "articles")
    local = run_extract(settings(input_dir, tmp_path / "local"))

    home = tmp_path / "dagster_home"  # the Dask executor needs a persistent instance
    home.mkdir()
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR
    )
    try:
        on_dask = run_extract(
            settings(input_dir, tmp_path / "dask"), executor="dask", dask_address=cluster.scheduler_address
        )
    finally:
        cluster.close()

    assert on_dask["kept"] == local["kept"] == 2
    for name in TABLES:
        dask_file, local_file = tmp_path / "dask" / f"{name}.parquet", tmp_path / "local" / f"{name}.parquet"
        assert dask_file.read_bytes() == local_file.read_bytes(), name
        assert read_parquet(dask_file).equals(read_parquet(local_file))
    assert len(read_parquet(tmp_path / "dask" / "claims.parquet")) > 0
