"""The extraction cache: claims already read from unchanged articles, kept per extractor version.

An article's claims depend only on what the extractor reads: its decoded text (offsets point
into it, front matter included), the publication date (it fixes event dates) and the title
and body offsets. `input_hash` hashes exactly those, so an unchanged article, whatever its
file name, has the same key; the rows also carry its article_id. Each extractor version has
its own file, OUT/.counterclaim/cache/claims-<version>.parquet, where the version is
pipeline.extract.extractor_version() (package version and a hash of the vocabulary files)
plus a hash of the extractor's Python sources (see cache_version). A new version finds no file
and extracts every article again; the files of other versions are removed.

The file has one marker row per cached article (claim_id null: "this article was extracted")
plus one row per claim, keyed by (article_id, input_hash). Keeping both in one file means one
atomic rename replaces them together. Articles whose parsing or extraction failed are never
cached, so they are tried again on the next run. A run rewrites the file with the articles
of that run only, so it never outgrows the dataset.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

log = logging.getLogger(__name__)

KEY_VERSION = "counterclaim-input/1"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def input_hash(text: str, published: date | None, title_start: Any, title_end: Any, body_start: Any) -> str:
    """32 hex digits of a SHA-256 over everything the extractor reads from one article."""
    meta = [KEY_VERSION, published.isoformat() if published else None, title_start, title_end, body_start]
    digest = hashlib.sha256(json.dumps(meta, separators=(",", ":")).encode("utf-8"))
    digest.update(b"\x00")
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]


def cache_schema(claims_schema: pa.Schema) -> pa.Schema:
    """The cache's columns: article_id and input_hash, then the claim columns but source_file (a file name is
    not part of the article's content), without pandas metadata."""
    fields = [pa.field("article_id", pa.string()), pa.field("input_hash", pa.string())]
    fields += [f for f in claims_schema if f.name not in ("article_id", "source_file")]
    return pa.schema(fields)


def cache_file(folder: Path, version: str) -> Path:
    """The cache file of one extractor version."""
    return folder / f"claims-{_UNSAFE.sub('_', version)}.parquet"


def other_versions(folder: Path, version: str) -> list[Path]:
    """Cache files of every other extractor version."""
    keep = cache_file(folder, version).name
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("claims-*.parquet") if p.name != keep)


def cached_keys(path: Path, batch_size: int = 65_536) -> pa.Array:
    """The input hashes of the articles in a cache file (its marker rows); empty when there is none."""
    if not path.is_file():
        return pa.array([], pa.string())
    chunks = []
    try:
        for batch in pq.ParquetFile(path).iter_batches(batch_size=batch_size, columns=["input_hash", "claim_id"]):
            chunks.append(batch.column("input_hash").filter(pc.is_null(batch.column("claim_id"))))
    except (OSError, pa.ArrowException) as exc:  # e.g. cut short by a crash: extract everything again
        log.warning("ignoring the unreadable extraction cache %s: %s", path, exc)
        return pa.array([], pa.string())
    return pa.concat_arrays(chunks) if chunks else pa.array([], pa.string())


def read_rows(path: Path, keys: pa.Array, batch_size: int = 65_536) -> Iterator[pa.RecordBatch]:
    """The rows (markers and claims) of the cached articles whose input hash is in `keys`."""
    if not path.is_file() or not len(keys):
        return
    for batch in pq.ParquetFile(path).iter_batches(batch_size=batch_size):
        rows = batch.filter(pc.is_in(batch.column("input_hash"), value_set=keys))
        if rows.num_rows:
            yield rows


def markers(article_ids: pa.Array, hashes: pa.Array, schema: pa.Schema) -> pa.Table:
    """One marker row per extracted article: its keys, every claim column null."""
    columns = {"article_id": article_ids, "input_hash": hashes}
    arrays = [columns.get(f.name, pa.nulls(len(article_ids), f.type)) for f in schema]
    return pa.Table.from_arrays(arrays, schema=schema)


def source_fingerprint(package: Path) -> str:
    """8 hex digits of a hash over the Python sources of a package (the extractor's rules)."""
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode("utf-8") + b"\x00")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:8]


def cache_version(extractor_version: str) -> str:
    """What a cache file is valid for: the extractor version plus a hash of the extractor's code.

    extractor_version() changes with the package version and the vocabulary files; the code
    hash also catches a change to the rules that came without a new version.
    """
    import pipeline.extract

    return f"{extractor_version}+{source_fingerprint(Path(pipeline.extract.__file__).parent)}"
