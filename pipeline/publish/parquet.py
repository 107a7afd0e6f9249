"""Write and read the published Parquet files.

Writes are atomic (temporary file in the target directory, fsync, os.replace) so an
interrupted run leaves either the old file or the new one, never a torn one. Output is
deterministic: no index column, and the only metadata besides the schema is pandas'
dtype description, which holds no timestamps or row ranges, so an equal frame gives a
byte-identical file under the same pyarrow and pandas versions.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

DEFAULT_COMPRESSION = "snappy"  # readable by every Parquet reader (pandas, DuckDB, R arrow, Spark)

# Used only for files without pandas metadata (e.g. written by another tool), so that
# strings, nullable integers and dates come back with the same dtypes as our own files.
_FALLBACK_TYPES = {
    pa.string(): pd.StringDtype(),
    pa.large_string(): pd.StringDtype(),
    pa.int64(): pd.Int64Dtype(),
    pa.int32(): pd.Int64Dtype(),
    pa.bool_(): pd.BooleanDtype(),
    pa.date32(): pd.ArrowDtype(pa.date32()),
}


def to_arrow(df: pd.DataFrame) -> pa.Table:
    """The Arrow table written for `df`: its dtypes map to string, int64, double, bool and date32."""
    return pa.Table.from_pandas(df, preserve_index=False)


def write_parquet_atomic(df: pd.DataFrame, path: str | os.PathLike[str], *, compression: str = DEFAULT_COMPRESSION) -> Path:
    """Write `df` to `path` as Parquet, replacing any previous file atomically; returns the path."""
    table = to_arrow(df)  # convert first: a frame that cannot be written never touches the disk
    return write_arrow_atomic(table, path, compression=compression)


def write_arrow_atomic(table: pa.Table, path: str | os.PathLike[str], *, compression: str = DEFAULT_COMPRESSION) -> Path:
    """Write an Arrow table to `path` as Parquet, replacing any previous file atomically; returns the path.

    The table is written as one contiguous chunk, so equal tables give equal files however
    they were assembled.
    """
    target = Path(path)
    table = table.combine_chunks()
    directory = target.parent
    directory.mkdir(parents=True, exist_ok=True)
    tmp = directory / f".{target.name}.{secrets.token_hex(8)}.tmp"
    # O_EXCL: never reuse an existing file; mode 0o666 lets the umask decide permissions.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            pq.write_table(table, fh, compression=compression)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_directory(directory)
    return target


def _fsync_directory(directory: Path) -> None:
    """Make the rename durable; a no-op where directories cannot be opened (Windows)."""
    try:
        dir_fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def read_parquet(path: str | os.PathLike[str], columns: list[str] | None = None) -> pd.DataFrame:
    """Read a published table (or some of its columns) back with the dtypes it was written with."""
    return _to_pandas(pq.read_table(path, columns=columns))


def read_parquet_chunks(path: str | os.PathLike[str], rows: int) -> Iterator[pd.DataFrame]:
    """A table as frames of at most `rows` rows, each indexed by its rows' positions in the whole table.

    Dtypes are those read_parquet gives; a table without rows gives one empty frame.
    """
    parquet = pq.ParquetFile(path)
    start = 0
    for batch in parquet.iter_batches(batch_size=rows):
        df = _to_pandas(pa.Table.from_batches([batch], schema=parquet.schema_arrow))
        df.index = pd.RangeIndex(start, start + len(df))
        start += len(df)
        yield df
    if start == 0:
        yield _to_pandas(parquet.schema_arrow.empty_table())


def _to_pandas(table: pa.Table) -> pd.DataFrame:
    if table.schema.pandas_metadata is None:
        return table.to_pandas(types_mapper=_FALLBACK_TYPES.get)
    return table.to_pandas()
