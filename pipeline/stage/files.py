"""Where a run keeps its files, and streaming, atomic Parquet reads and writes for them."""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.publish import read_parquet

WORK_DIR = ".counterclaim"  # inside the output folder: everything a run stages before publishing

RAW_ARTICLES_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("source_file", pa.string()),
        ("text", pa.string()),
        ("body_start", pa.int64()),
        ("title", pa.string()),
        ("title_start", pa.int64()),
        ("title_end", pa.int64()),
        ("source", pa.string()),
        ("url", pa.string()),
        ("published", pa.date32()),
        ("language", pa.string()),
        ("encoding", pa.string()),
        ("warnings", pa.list_(pa.string())),
        ("input_hash", pa.string()),  # what the extractor reads, hashed: the cache key (see stage.cache)
    ]
)

REJECTIONS_SCHEMA = pa.schema(
    [
        ("source_file", pa.string()),
        ("reason", pa.string()),
        ("detail", pa.string()),
        ("duplicate_of", pa.string()),
    ]
)

PARSED_INDEX_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("source_file", pa.string()),
        ("published", pa.date32()),
        ("input_hash", pa.string()),
        ("from_cache", pa.bool_()),  # true: its claims are reused from the cache, it was not parsed again
        ("tokens", pa.int64()),  # tokens of the parsed Doc; null when reused from the cache
        ("batch_file", pa.string()),  # DocBin file relative to the stage folder, when Docs are kept; else null
        ("position", pa.int64()),  # the Doc's place inside that file; null without one
    ]
)


# Temporary files this module and write_parquet_atomic create (".<name>.<16 hex>.tmp"), and the
# write probe (".probe.<16 hex>"): what a killed run can leave behind.
_TEMP_NAME = re.compile(r"\..+\.[0-9a-f]{16}\.tmp")
_PROBE_NAME = re.compile(r"\.probe\.[0-9a-f]{16}")


class StageError(Exception):
    """A staged file cannot be written, or one a step needs is missing: the run cannot go on."""


@dataclass(frozen=True)
class Layout:
    """The files of one output folder: published tables at the top, work files under .counterclaim/."""

    out: Path

    @property
    def work(self) -> Path:
        return self.out / WORK_DIR

    @property
    def stage(self) -> Path:
        return self.work / "stage"

    @property
    def tables(self) -> Path:
        return self.work / "tables"

    @property
    def raw_articles(self) -> Path:
        return self.stage / "raw_articles.parquet"

    @property
    def ingest_rejected(self) -> Path:
        return self.stage / "ingest_rejected.parquet"

    @property
    def parsed_docs(self) -> Path:
        """Folder of DocBin runs: one sub-folder per parse, the older ones removed after it."""
        return self.stage / "parsed"

    @property
    def parsed_index(self) -> Path:
        return self.stage / "parsed_index.parquet"

    @property
    def parsed_claims(self) -> Path:
        """Claims the extractor read from the Docs parsed in the latest parse (not those reused from the cache)."""
        return self.stage / "parsed_claims.parquet"

    @property
    def parse_rejected(self) -> Path:
        return self.stage / "parse_rejected.parquet"

    @property
    def claim_events(self) -> Path:
        return self.stage / "claim_events.parquet"

    @property
    def extract_rejected(self) -> Path:
        return self.stage / "extract_rejected.parquet"

    @property
    def cache(self) -> Path:
        """Folder of the extraction cache: one Parquet file per extractor version (see stage.cache)."""
        return self.work / "cache"

    def table(self, name: str) -> Path:
        """A table staged for checking."""
        return self.tables / f"{name}.parquet"

    def published(self, name: str) -> Path:
        """A table as published for users."""
        return self.out / f"{name}.parquet"

    def prepare(self) -> None:
        """Create the folders, remove what a killed run left, and make sure files can be written, or raise StageError."""
        try:
            for folder in (self.out, self.work, self.stage, self.tables):
                folder.mkdir(parents=True, exist_ok=True)
            self.remove_leftovers()
            probe = self.work / f".probe.{secrets.token_hex(8)}"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise StageError(f"output folder {self.out} cannot be written: {exc.strerror or exc}") from None

    def remove_leftovers(self) -> list[Path]:
        """Delete the temporary files an interrupted run left beside the published and staged tables.

        Only names this module writes are touched (".<file>.<16 hex digits>.tmp" and write
        probes), so other files in the output folder are safe. Runs into the same output
        folder must not overlap: a running one would lose its temporary files.
        """
        removed = []
        for folder in (self.out, self.work, self.stage, self.tables, self.cache):
            with contextlib.suppress(FileNotFoundError):
                for entry in os.scandir(folder):
                    if (_TEMP_NAME.fullmatch(entry.name) or _PROBE_NAME.fullmatch(entry.name)) and entry.is_file(
                        follow_symlinks=False
                    ):
                        with contextlib.suppress(FileNotFoundError):
                            os.unlink(entry.path)
                        removed.append(Path(entry.path))
        return removed


def require(path: Path) -> Path:
    """`path`, or StageError when an upstream step has not written it for this output folder."""
    if not path.exists():
        raise StageError(f"{path} is missing: materialise the upstream assets for this output folder first")
    return path


def _temp_beside(path: Path) -> Path:
    return path.parent / f".{path.name}.{secrets.token_hex(8)}.tmp"


@contextlib.contextmanager
def _writing(path: Path) -> Iterator[Path]:
    """A temporary path beside `path`, renamed over it when the block succeeds and removed otherwise."""
    tmp = _temp_beside(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        yield tmp
        os.replace(tmp, path)
    except OSError as exc:
        raise StageError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


@contextlib.contextmanager
def parquet_writer(path: Path, schema: pa.Schema) -> Iterator[pq.ParquetWriter]:
    """A ParquetWriter whose file appears at `path` only once the block has finished."""
    with _writing(path) as tmp:
        with pq.ParquetWriter(tmp, schema, compression="snappy") as writer:
            yield writer


def write_bytes_atomic(path: Path, data: bytes) -> Path:
    """Write `data` to `path` through a temporary file and a rename."""
    with _writing(path) as tmp:
        tmp.write_bytes(data)
    return path


def copy_atomic(source: Path, target: Path) -> Path:
    """Copy a file so that `target` is replaced in one step, never left half written."""
    return copy_all_atomic([(source, target)])[0]


def copy_all_atomic(pairs: Iterable[tuple[Path, Path]]) -> list[Path]:
    """Copy several files, each target replaced in one step; returns the targets.

    Every copy is written and synced to a temporary file before the first target is replaced,
    so the targets change together in a few renames at the end; if any copy fails, none is
    replaced.
    """
    pairs = list(pairs)
    for source, _ in pairs:
        require(source)
    with contextlib.ExitStack() as renames:  # on exit, each _writing renames its copy into place
        for source, target in pairs:
            tmp = renames.enter_context(_writing(target))
            with open(source, "rb") as src, open(tmp, "wb") as dst:
                while chunk := src.read(1 << 20):
                    dst.write(chunk)
                dst.flush()
                os.fsync(dst.fileno())
    return [target for _, target in pairs]


def write_rows(writer: pq.ParquetWriter, rows: list[dict[str, Any]]) -> int:
    """Append row dicts to an open writer as one record batch; returns how many."""
    if rows:
        writer.write_batch(pa.RecordBatch.from_pylist(rows, schema=writer.schema))
    return len(rows)


def read_batches(path: Path, batch_size: int, columns: list[str] | None = None) -> Iterator[list[dict[str, Any]]]:
    """The rows of a staged file as lists of dicts, `batch_size` at a time."""
    require(path)
    parquet = pq.ParquetFile(path)
    for batch in parquet.iter_batches(batch_size=batch_size, columns=columns):
        yield batch.to_pylist()


def read_rows(path: Path, batch_size: int, columns: list[str] | None = None) -> Iterator[dict[str, Any]]:
    """The rows of a staged file one by one, read in batches."""
    for batch in read_batches(path, batch_size, columns):
        yield from batch


def read_table(path: Path) -> pd.DataFrame:
    """A whole staged table (already typed by the publish builders) as a frame."""
    return read_parquet(require(path))


def count_rows(path: Path) -> int:
    """Rows in a Parquet file, from its footer."""
    return pq.ParquetFile(path).metadata.num_rows


def count_values(paths: Iterable[Path], column: str) -> dict[str, int]:
    """How often each value of `column` occurs across Parquet files."""
    counts: dict[str, int] = {}
    for path in paths:
        for value in pq.read_table(path, columns=[column]).column(column).to_pylist():
            counts[value] = counts.get(value, 0) + 1
    return counts
