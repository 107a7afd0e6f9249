"""Stage files: atomic streaming writes, batched reads and a clear error for a bad output folder."""

import pyarrow as pa
import pytest

from pipeline.stage.files import (
    REJECTIONS_SCHEMA,
    Layout,
    StageError,
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
