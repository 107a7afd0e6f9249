"""Parsing and extracting in worker processes gives the same staged and published files as in-process."""

from __future__ import annotations

import os

import pytest

from pipeline.publish import read_parquet
from pipeline.stage import steps, workers
from pipeline.stage.files import Layout, StageError, read_rows
from schemas import TABLES

from .test_steps import run_all


def square(x: int) -> int:
    return x * x


def die(x: int) -> int:
    if x == 3:
        os._exit(1)
    return x


def test_map_ordered_keeps_the_input_order_in_and_out_of_process():
    assert list(workers.map_ordered(square, range(10), processes=1)) == [x * x for x in range(10)]
    assert list(workers.map_ordered(square, range(10), processes=2)) == [x * x for x in range(10)]


def test_a_dead_worker_stops_the_step_with_a_stage_error():
    with pytest.raises(StageError, match="worker process stopped"):
        list(workers.map_ordered(die, range(6), processes=2))


def test_resolve_processes():
    assert workers.resolve_processes(3) == 3
    assert workers.resolve_processes(0) == workers.usable_cpus() >= 1


@pytest.fixture
def parallel(monkeypatch):
    """Worker processes even for the two fixture articles."""
    monkeypatch.setattr(steps, "PARALLEL_MIN_ARTICLES", 0)


def test_worker_processes_give_the_same_tables(article_folder, tmp_path, parallel):
    one, two = Layout(tmp_path / "one"), Layout(tmp_path / "two")
    run_all(article_folder, one, batch_size=1)
    ingested = steps.ingest_to_stage(
        two, article_folder, extensions=(".txt", ".md"), max_bytes=100_000, batch_size=1, processes=2
    )
    assert ingested.quarantined == {"empty": 1, "duplicate": 1}  # the copy is found across worker batches
    for staged in ("raw_articles", "ingest_rejected"):
        rows = list(read_rows(getattr(two, staged), batch_size=10))
        assert rows == list(read_rows(getattr(one, staged), batch_size=10)), staged
    summary = steps.parse_to_stage(two, batch_size=1, processes=2, keep_docs=True)
    assert (summary.parsed, summary.processes, summary.batches) == (2, 2, 2)
    steps.extract_to_stage(two, batch_size=1)
    steps.build_articles(two, batch_size=1)
    steps.build_claims(two)
    steps.build_rejected(two, batch_size=1)
    steps.publish_tables(two)
    for name in TABLES:
        assert two.published(name).read_bytes() == one.published(name).read_bytes(), name
    index = list(read_rows(two.parsed_index, batch_size=10))
    assert all((two.stage / row["batch_file"]).is_file() for row in index)
    assert len(read_parquet(two.published("claims"))) > 0


def test_small_runs_stay_in_process(article_folder, tmp_path):
    layout = Layout(tmp_path / "out")
    steps.ingest_to_stage(layout, article_folder, extensions=(".txt", ".md"), max_bytes=100_000, batch_size=1)
    assert steps.parse_to_stage(layout, batch_size=1, processes=2).processes == 1
