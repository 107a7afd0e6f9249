"""Stage files: atomic streaming writes, batched reads and a clear error for a bad output folder."""

import os

import pyarrow as pa
import pytest

from pipeline.stage.files import (
    REJECTIONS_SCHEMA,
    Layout,
    StageError,
    copy_all_atomic,
    copy_atomic,
    parquet_writer,
    read_batches,
    require,
    write_rows,
)

ROW = {"source_file": "a.txt", "reason": "empty", "detail": "file is empty", "duplicate_of": None}


def test_layout_keeps_work_files_under_counterclaim(tmp_path):
    layout = Layout(tmp_path)
    assert layout.raw_articles.parent == tmp_path / ".counterclaim" / "stage"
    assert layout.table("claims") == tmp_path / ".counterclaim" / "tables" / "claims.parquet"
    assert layout.published("claims") == tmp_path / "claims.parquet"


def test_writer_streams_batches_and_reads_back_in_batches(tmp_path):
    path = tmp_path / "rows.parquet"
    with parquet_writer(path, REJECTIONS_SCHEMA) as writer:
        for i in range(5):
            write_rows(writer, [{**ROW, "source_file": f"{i}.txt"}])
        assert not path.exists()  # only the temporary file exists until the block ends
    sizes = [len(batch) for batch in read_batches(path, batch_size=2)]
    assert sizes == [2, 2, 1]


def test_failed_write_leaves_previous_file_and_no_temporary(tmp_path):
    path = tmp_path / "rows.parquet"
    with parquet_writer(path, REJECTIONS_SCHEMA) as writer:
        write_rows(writer, [ROW])
    before = path.read_bytes()
    with pytest.raises(RuntimeError):
        with parquet_writer(path, REJECTIONS_SCHEMA) as writer:
            write_rows(writer, [ROW, ROW])
            raise RuntimeError("interrupted")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rows.parquet"]


def test_empty_writer_gives_a_readable_empty_file(tmp_path):
    path = tmp_path / "none.parquet"
    with parquet_writer(path, pa.schema([("x", pa.int64())])):
        pass
    assert list(read_batches(path, batch_size=10)) == []


def test_output_folder_that_is_a_file_is_a_stage_error(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(StageError, match="cannot be written"):
        Layout(tmp_path / "file" / "out").prepare()


def test_missing_stage_file_names_what_to_run(tmp_path):
    with pytest.raises(StageError, match="materialise the upstream assets"):
        require(tmp_path / "missing.parquet")
    with pytest.raises(StageError):
        copy_atomic(tmp_path / "missing.parquet", tmp_path / "copy.parquet")


def test_prepare_removes_what_a_killed_run_left(tmp_path):
    layout = Layout(tmp_path / "out")
    layout.prepare()
    leftovers = [
        layout.out / ".articles.parquet.0123456789abcdef.tmp",
        layout.stage / ".raw_articles.parquet.fedcba9876543210.tmp",
        layout.tables / ".claims.parquet.00000000aaaaaaaa.tmp",
        layout.work / ".probe.0123456789abcdef",
    ]
    kept = [
        layout.out / "notes.tmp",
        layout.out / ".hidden.tmp",
        layout.out / "articles.parquet",
        layout.stage / "raw_articles.parquet",
    ]
    for path in leftovers + kept:
        path.write_bytes(b"x")
    layout.prepare()
    assert [path for path in leftovers if path.exists()] == []
    assert all(path.exists() for path in kept)


def test_copy_all_writes_every_copy_before_replacing_any(tmp_path, monkeypatch):
    sources = []
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.src").write_bytes(name.encode() * 3)
        sources.append((tmp_path / f"{name}.src", tmp_path / f"{name}.parquet"))
    real_replace = os.replace
    temps_at_first_rename = []

    def replace(src, dst):
        if not temps_at_first_rename:
            temps_at_first_rename.append(sorted(p.name for p in tmp_path.glob(".*.tmp")))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    assert copy_all_atomic(sources) == [target for _, target in sources]
    assert len(temps_at_first_rename[0]) == 3
    assert [target.read_bytes() for _, target in sources] == [b"aaa", b"bbb", b"ccc"]
    assert list(tmp_path.glob(".*.tmp")) == []


def test_copy_all_replaces_nothing_when_one_copy_fails(tmp_path):
    (tmp_path / "a.src").write_bytes(b"new")
    (tmp_path / "a.parquet").write_bytes(b"old")
    (tmp_path / "blocker").write_text("a file, not a folder")
    with pytest.raises(StageError):
        copy_all_atomic([(tmp_path / "a.src", tmp_path / "a.parquet"), (tmp_path / "a.src", tmp_path / "blocker" / "b.parquet")])
    assert (tmp_path / "a.parquet").read_bytes() == b"old"
    assert list(tmp_path.glob(".*.tmp")) == []
