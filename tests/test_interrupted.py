"""A run killed with SIGKILL midway leaves the published tables as they were, and the next run
gives the same tables as one that was never interrupted.

The interrupted run reads a changed folder, so anything it published early would show as a
difference from the first run's tables.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from pipeline.publish import read_parquet
from schemas import TABLES

REGIONS = ("Kharkiv", "Sumy", "Odesa", "Dnipro", "Poltava", "Chernihiv", "Mykolaiv", "Zaporizhzhia")
TOWNS = ("a village", "the regional centre", "a suburb", "two districts", "the port area")
N_ARTICLES = 320
BATCH_SIZE = "16"


def counterclaim_command() -> list[str]:
    """The installed console script next to this interpreter, else the module."""
    script = Path(sys.executable).parent / "counterclaim"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "pipeline.cli"]


def article_text(i: int, version: int) -> str:
    """A short invented report; `version` changes a few of them between the two input folders."""
    region, town = REGIONS[i % len(REGIONS)], TOWNS[i % len(TOWNS)]
    shot, launched = 3 + i % 40, 5 + i % 40 + i % 7
    extra = " Later reports raised the figure." if version == 2 and i % 50 == 0 else ""
    return (
        f"---\ntitle: Night attack report {i}\nsource: Counterclaim sample\n"
        f"published: 2025-{1 + i % 12:02d}-{1 + i % 28:02d}\nlanguage: en\n---\n"
        f"{region}'s governor said air defences shot down {shot} of {launched} drones overnight "
        f"(report {i}).{extra}\n\n"
        f"Debris damaged houses in {town}, officials said on the morning after report {i}.\n"
    )


def write_folder(root: Path, version: int) -> Path:
    """Version 1: N_ARTICLES reports in nested folders. Version 2: a few changed, some added, one removed."""
    count = N_ARTICLES + (40 if version == 2 else 0)
    for i in range(count):
        if version == 2 and i == 7:
            continue
        path = root / f"batch-{i // 100}" / f"report {i:04d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article_text(i, version), encoding="utf-8")
    return root


def start(input_dir: Path, out: Path) -> subprocess.Popen:
    """`counterclaim extract` in its own process group, so the whole group can be killed."""
    return subprocess.Popen(
        [*counterclaim_command(), "extract", str(input_dir), "--out", str(out), "--batch-size", BATCH_SIZE],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )


def finish(input_dir: Path, out: Path) -> subprocess.CompletedProcess:
    process = start(input_dir, out)
    try:
        stdout, stderr = process.communicate(timeout=300)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        raise
    assert process.returncode == 0, stderr
    assert "Traceback" not in stdout + stderr
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def parsing(out: Path) -> bool:
    """True while a parse step is writing its index (a temporary file beside parsed_index.parquet)."""
    stage = out / ".counterclaim" / "stage"
    return stage.is_dir() and any(stage.glob(".parsed_index.parquet.*.tmp"))


def kill_while_parsing(input_dir: Path, out: Path) -> subprocess.Popen:
    """Start a run and SIGKILL its process group as soon as its parse step has begun.

    The articles that changed since the first run still have to be parsed, which takes far
    longer than the poll interval, so the kill always lands before anything is published,
    however slow the machine.
    """
    process = start(input_dir, out)
    deadline = time.monotonic() + 300
    try:
        while not parsing(out):
            if process.poll() is not None:
                pytest.fail(f"the run ended before it could be killed: {process.communicate()}")
            if time.monotonic() > deadline:
                pytest.fail("the run never started parsing")
            time.sleep(0.01)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate(timeout=60)
    return process


def published(out: Path) -> dict[str, bytes]:
    return {name: (out / f"{name}.parquet").read_bytes() for name in TABLES}


def temp_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.name.endswith(".tmp"))


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """First run on version 1, a killed run and a full rerun on version 2, and an uninterrupted run on version 2."""
    base = tmp_path_factory.mktemp("interrupted")
    v1, v2 = write_folder(base / "v1", 1), write_folder(base / "v2", 2)
    out = base / "out"

    finish(v1, out)
    first = published(out)
    first_tables = {name: read_parquet(out / f"{name}.parquet") for name in TABLES}

    killed = kill_while_parsing(v2, out)
    after_kill = published(out)
    after_kill_tables = {name: read_parquet(out / f"{name}.parquet") for name in TABLES}
    leftovers = temp_files(out)
    # A kill during publishing leaves a temporary copy beside the tables; plant one as it would be.
    stray = out / ".articles.parquet.0123456789abcdef.tmp"
    stray.write_bytes(b"PAR1 half a table")

    rerun = finish(v2, out)
    fresh = base / "fresh"
    uninterrupted = finish(v2, fresh)
    return {
        "out": out, "fresh": fresh, "first": first, "first_tables": first_tables, "killed": killed,
        "after_kill": after_kill, "after_kill_tables": after_kill_tables, "leftovers": leftovers,
        "rerun": rerun, "uninterrupted": uninterrupted,
    }


def test_the_run_was_killed_midway(runs):
    assert runs["killed"].returncode == -signal.SIGKILL
    assert runs["leftovers"], "the killed run should have left temporary files behind"


def test_killed_run_leaves_the_previous_tables_intact_and_readable(runs):
    assert runs["after_kill"] == runs["first"]
    for name in TABLES:
        pd.testing.assert_frame_equal(runs["after_kill_tables"][name], runs["first_tables"][name])
    assert len(runs["after_kill_tables"]["articles"]) == N_ARTICLES


def test_rerun_gives_the_same_tables_as_an_uninterrupted_run(runs):
    assert published(runs["out"]) == published(runs["fresh"])
    for name in TABLES:
        pd.testing.assert_frame_equal(
            read_parquet(runs["out"] / f"{name}.parquet"), read_parquet(runs["fresh"] / f"{name}.parquet")
        )
    assert published(runs["out"]) != runs["first"]
    assert runs["rerun"].stdout == runs["uninterrupted"].stdout == f"{N_ARTICLES + 39} kept, 0 quarantined\n"


def test_no_temporary_files_are_left_after_the_rerun(runs):
    assert temp_files(runs["out"]) == []
    assert sorted(p.name for p in runs["out"].iterdir()) == [".counterclaim", *sorted(f"{n}.parquet" for n in TABLES)]


def test_the_cache_holds_exactly_the_articles_of_the_rerun(runs):
    (cache,) = (runs["out"] / ".counterclaim" / "cache").iterdir()
    articles = pq.read_table(cache, columns=["article_id", "claim_id"]).filter(pc.is_null(pc.field("claim_id")))
    published_ids = set(read_parquet(runs["out"] / "articles.parquet")["article_id"])
    assert sorted(articles.column("article_id").to_pylist()) == sorted(published_ids)
    assert len(published_ids) == N_ARTICLES + 39
