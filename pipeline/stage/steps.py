"""The pipeline's steps as plain functions: each reads staged files, does one stage's work, writes its own.

Articles stream through in batches: no step holds every text or every parsed Doc at once.
Reading the files and parsing the articles can use worker processes (pipeline.stage.workers),
and articles already extracted by the same extractor version are taken from the cache
(pipeline.stage.cache) instead of being parsed again.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import logging
import secrets
import shutil
import warnings
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from spacy.tokens import Doc, DocBin

from pipeline.extract import claims_from_doc, extractor_version, parse_many
from pipeline.extract.nlp import shared_nlp
from pipeline.ingest import Article, Rejection, load_article
from pipeline.ingest.collect import drop_duplicates
from pipeline.ingest.discover import discover
from pipeline.publish import (
    CLAIMS_SORT,
    articles_frame,
    claims_frame,
    rejected_frame,
    sort_articles,
    to_arrow,
    write_arrow_atomic,
    write_parquet_atomic,
)
from schemas import TABLES
from schemas.vocab import REJECT_REASONS

from . import cache
from .files import (
    PARSED_INDEX_SCHEMA,
    RAW_ARTICLES_SCHEMA,
    REJECTIONS_SCHEMA,
    Layout,
    StageError,
    copy_all_atomic,
    count_rows,
    count_values,
    parquet_writer,
    read_batches,
    require,
    read_rows,
    write_bytes_atomic,
    write_rows,
)
from .workers import can_start_processes, map_ordered, resolve_processes

log = logging.getLogger(__name__)

# Staged claim rows have exactly the published claims columns and types.
CLAIMS_STAGE_SCHEMA = to_arrow(claims_frame([])).schema

# Below this many files to read or articles to parse, worker processes cost more to start than they save.
PARALLEL_MIN_ARTICLES = 256


@dataclass(frozen=True)
class IngestSummary:
    kept: int
    quarantined: dict[str, int]  # rejections by reason


@dataclass(frozen=True)
class ParseSummary:
    parsed: int  # articles parsed and read in this run
    reused: int  # articles whose claims come from the cache
    parse_errors: int  # articles whose parsing raised
    extraction_errors: int  # articles whose claim extraction raised
    batches: int  # batches parsed in this run
    processes: int  # processes that parsed them (1: the step's own)


@dataclass(frozen=True)
class ExtractSummary:
    articles: int  # articles with claim events (extracted + reused)
    extracted: int  # articles whose claims were read in this run
    reused: int  # articles whose claims were taken from the cache
    claims: int
    errors: int  # articles whose claim extraction raised
    extractor_version: str


@dataclass(frozen=True)
class TableSummary:
    name: str
    path: Path
    rows: int


@dataclass(frozen=True)
class PublishSummary:
    tables: dict[str, TableSummary]
    kept: int  # rows of the articles table
    quarantined: dict[str, int]  # rows of the rejected table by reason


def by_reason(counts: Mapping[str, int]) -> dict[str, int]:
    """Counts per rejection reason in the vocabulary's order, zeros left out."""
    order = {reason: i for i, reason in enumerate(REJECT_REASONS)}
    return {k: counts[k] for k in sorted(counts, key=lambda k: (order.get(k, len(order)), k)) if counts[k]}


# --- ingest ---------------------------------------------------------------------------


def ingest_to_stage(
    layout: Layout,
    input_dir: Path,
    *,
    extensions: Iterable[str],
    max_bytes: int,
    batch_size: int,
    today: date | None = None,
    processes: int = 1,
) -> IngestSummary:
    """Read every article file under `input_dir`; stage the articles with their text and the rejections.

    Files are walked in sorted order and read `batch_size` at a time; with `processes` > 1 (0:
    one per CPU) and at least PARALLEL_MIN_ARTICLES files, worker processes read and decode
    them, and the results come back in the same order, so duplicates are found as in one
    process. Raises IngestError when the input root cannot be walked and StageError when the
    output folder cannot be written; a bad file only becomes a rejection.
    """
    root = Path(input_dir)
    paths = discover(root, tuple(extensions))  # checks the root at once
    today = today or date.today()
    layout.prepare()
    head = list(itertools.islice(paths, PARALLEL_MIN_ARTICLES))
    workers = resolve_processes(processes) if len(head) >= PARALLEL_MIN_ARTICLES and can_start_processes() else 1
    tasks = ((chunk, root, max_bytes, today) for chunk in _chunked(itertools.chain(head, paths), batch_size))
    records = drop_duplicates(itertools.chain.from_iterable(map_ordered(_load_files, tasks, processes=workers)))
    kept = 0
    reasons: dict[str, int] = {}
    with (
        parquet_writer(layout.raw_articles, RAW_ARTICLES_SCHEMA) as articles_out,
        parquet_writer(layout.ingest_rejected, REJECTIONS_SCHEMA) as rejected_out,
    ):
        articles: list[dict[str, Any]] = []
        rejections: list[dict[str, Any]] = []
        for record in records:
            if isinstance(record, Article):
                articles.append(_article_row(record))
            else:
                rejections.append(dataclasses.asdict(record))
                reasons[record.reason] = reasons.get(record.reason, 0) + 1
            if len(articles) >= batch_size:
                kept += write_rows(articles_out, articles)
                articles = []
            if len(rejections) >= batch_size:
                write_rows(rejected_out, rejections)
                rejections = []
        kept += write_rows(articles_out, articles)
        write_rows(rejected_out, rejections)
    return IngestSummary(kept=kept, quarantined=by_reason(reasons))


def _chunked(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _load_files(task: tuple[list[Path], Path, int, date]) -> list[Article | Rejection]:
    """Each file of a chunk loaded as an Article, or the Rejection saying why it is not one."""
    paths, root, max_bytes, today = task
    return [load_article(path, root, max_bytes=max_bytes, today=today) for path in paths]


def _article_row(article: Article) -> dict[str, Any]:
    row = dataclasses.asdict(article)
    row["warnings"] = list(article.warnings)
    row["input_hash"] = cache.input_hash(
        article.text, article.published, article.title_start, article.title_end, article.body_start
    )
    return row


def _article(row: Mapping[str, Any]) -> Article:
    fields = {f.name: row[f.name] for f in dataclasses.fields(Article)}
    fields["warnings"] = tuple(row["warnings"] or ())
    return Article(**fields)


# --- parse and extract -----------------------------------------------------------------

@dataclass(frozen=True)
class _Batch:
    """One batch of staged articles for a worker: parse them, read their claims, maybe keep the Docs."""

    rows: list[dict[str, Any]]  # raw_articles rows, text included
    batch_size: int
    version: str  # extractor version written into the claim rows
    docs_path: str | None  # where to write the batch's DocBin, or None
    docs_file: str | None  # that file relative to the stage folder, for the index


@dataclass(frozen=True)
class _BatchResult:
    entries: list[dict[str, Any]]  # parsed-index rows of the articles parsed and read without error
    failures: list[dict[str, Any]]  # {"step", "source_file", "error", "message"} for each article that raised
    claims: Any  # pyarrow Table of the claim rows (CLAIMS_STAGE_SCHEMA), or None when there are none


def _start_worker(filters: list[Any] | None = None) -> None:
    """Build the spaCy pipeline once per process; in a worker, apply the calling process's warning filters."""
    if filters is not None:
        warnings.filters[:] = filters
    shared_nlp()


def _work_batch(batch: _Batch) -> _BatchResult:
    """Parse a batch with nlp.pipe and run the claim rules on each Doc while it is in memory."""
    nlp = shared_nlp()
    docs = DocBin(store_user_data=True) if batch.docs_path else None
    entries: list[dict[str, Any]] = []
    failures: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    for row, outcome in _parse_batch(batch.rows, nlp, batch.batch_size):
        if isinstance(outcome, Exception):
            failures.append(_failure(row, "parsing", outcome))
            continue
        try:
            claims = claims_from_doc(outcome, row["published"])
        except Exception as exc:
            failures.append(_failure(row, "extraction", exc))
            continue
        entries.append(
            {
                "article_id": row["article_id"],
                "source_file": row["source_file"],
                "published": row["published"],
                "input_hash": row["input_hash"],
                "from_cache": False,
                "tokens": len(outcome),
                "batch_file": batch.docs_file if docs is not None else None,
                "position": len(docs) if docs is not None else None,
            }
        )
        if docs is not None:
            docs.add(outcome)
        rows.extend(
            {
                **claim.as_dict(),
                "article_id": row["article_id"],
                "source_file": row["source_file"],
                "extractor_version": batch.version,
            }
            for claim in claims
        )
    if docs is not None and len(docs):
        write_bytes_atomic(Path(batch.docs_path), docs.to_bytes())
    return _BatchResult(entries, failures, to_arrow(claims_frame(rows)) if rows else None)


def _failure(row: Mapping[str, Any], step: str, exc: Exception) -> dict[str, Any]:
    return {"step": step, "source_file": row["source_file"], "error": type(exc).__name__, "message": str(exc)}


def _rejection(failure: Mapping[str, Any]) -> dict[str, Any]:
    """The rejection row for an article whose parsing or extraction raised; the run goes on."""
    step, name, error, message = failure["step"], failure["source_file"], failure["error"], failure["message"]
    log.warning("%s failed for %s: %s: %s", step, name, error, message)
    detail = f"{step} failed: {error}: {message}".strip()
    return dataclasses.asdict(Rejection(name, "extraction_error", detail))


def parse_to_stage(layout: Layout, *, batch_size: int, processes: int = 1, keep_docs: bool = False) -> ParseSummary:
    """Parse the staged articles that are not in the extraction cache and read their claims, batch by batch.

    Articles whose input hash is in the cache of the current extractor version are only
    listed in the index (from_cache true): claim_events takes their claims from the cache.
    The others are parsed with nlp.pipe in batches of `batch_size`, and the claim rules run
    on each Doc right away, in the same process, so no Doc is stored and read back; the
    claims go to stage/parsed_claims.parquet. With `processes` > 1 (0: one per CPU) and at
    least PARALLEL_MIN_ARTICLES to parse, batches go to that many worker processes.
    With `keep_docs`, each batch's Docs are also written as a DocBin file under a fresh
    folder stage/parsed/run-*/ (older runs are removed once the index is in place).
    """
    version = extractor_version()
    cache_version = cache.cache_version(version)
    keys = cache.cached_keys(cache.cache_file(layout.cache, cache_version))
    todo = _count_uncached(layout.raw_articles, keys)
    workers = resolve_processes(processes) if todo >= PARALLEL_MIN_ARTICLES and can_start_processes() else 1
    workers = max(1, min(workers, -(-todo // batch_size)))
    run = f"run-{secrets.token_hex(4)}"
    parsed = reused = parse_errors = extract_errors = batches = 0
    try:
        with (
            parquet_writer(layout.parsed_index, _index_schema(version, cache_version)) as index_out,
            parquet_writer(layout.parsed_claims, CLAIMS_STAGE_SCHEMA) as claims_out,
            parquet_writer(layout.parse_rejected, REJECTIONS_SCHEMA) as parse_out,
            parquet_writer(layout.extract_rejected, REJECTIONS_SCHEMA) as extract_out,
        ):
            if keep_docs:
                (layout.parsed_docs / run).mkdir(parents=True, exist_ok=True)

            def batches_to_parse() -> Iterable[_Batch]:
                nonlocal reused
                pending: list[dict[str, Any]] = []
                number = 0
                for rows in read_batches(layout.raw_articles, batch_size):
                    hit = pc.is_in(pa.array([r["input_hash"] for r in rows], pa.string()), value_set=keys)
                    cached = [_cached_entry(r) for r, found in zip(rows, hit.to_pylist()) if found]
                    reused += write_rows(index_out, cached)
                    pending.extend(r for r, found in zip(rows, hit.to_pylist()) if not found)
                    while len(pending) >= batch_size:
                        yield _batch(layout, pending[:batch_size], batch_size, version, run, number, keep_docs)
                        pending, number = pending[batch_size:], number + 1
                if pending:
                    yield _batch(layout, pending, batch_size, version, run, number, keep_docs)

            results = map_ordered(
                _work_batch,
                batches_to_parse(),
                processes=workers,
                initializer=functools.partial(_start_worker, list(warnings.filters)),
            )
            for result in results:
                batches += 1
                parsed += write_rows(index_out, result.entries)
                if result.claims is not None:
                    claims_out.write_table(result.claims)
                parse_errors += write_rows(parse_out, [_rejection(f) for f in result.failures if f["step"] == "parsing"])
                extract_errors += write_rows(
                    extract_out, [_rejection(f) for f in result.failures if f["step"] == "extraction"]
                )
    except BaseException:
        shutil.rmtree(layout.parsed_docs / run, ignore_errors=True)
        raise
    if layout.parsed_docs.is_dir():
        _remove_other_runs(layout.parsed_docs, keep=run)
    return ParseSummary(
        parsed=parsed,
        reused=reused,
        parse_errors=parse_errors,
        extraction_errors=extract_errors,
        batches=batches,
        processes=workers,
    )


_VERSION_KEY, _CACHE_VERSION_KEY = b"counterclaim.extractor_version", b"counterclaim.cache_version"


def _index_schema(version: str, cache_version: str) -> pa.Schema:
    """The parsed index's schema, recording which extractor (and cache file) the parse used."""
    return PARSED_INDEX_SCHEMA.with_metadata({_VERSION_KEY: version.encode(), _CACHE_VERSION_KEY: cache_version.encode()})


def _count_uncached(raw_articles: Path, keys: Any) -> int:
    try:
        hashes = pq.read_table(require(raw_articles), columns=["input_hash"]).column("input_hash")
    except (KeyError, pa.ArrowInvalid):
        raise StageError(f"{raw_articles} is from an older version of the pipeline: materialise raw_articles again") from None
    if not len(keys):
        return len(hashes)
    return len(hashes) - pc.sum(pc.is_in(hashes, value_set=keys)).as_py()


def _cached_entry(row: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "article_id": row["article_id"],
        "source_file": row["source_file"],
        "published": row["published"],
        "input_hash": row["input_hash"],
        "from_cache": True,
        "tokens": None,
        "batch_file": None,
        "position": None,
    }


def _batch(
    layout: Layout, rows: list[dict[str, Any]], batch_size: int, version: str, run: str, number: int, keep_docs: bool
) -> _Batch:
    docs_file = f"{layout.parsed_docs.name}/{run}/batch-{number:05d}.spacy" if keep_docs else None
    docs_path = str((layout.stage / docs_file).absolute()) if docs_file else None
    return _Batch(rows=rows, batch_size=batch_size, version=version, docs_path=docs_path, docs_file=docs_file)


def _parse_meta(row: Mapping[str, Any]) -> dict[str, Any]:
    return {k: row[k] for k in ("published", "title_start", "title_end", "body_start")}


def _parse_batch(rows: list[dict[str, Any]], nlp: Any, batch_size: int) -> list[tuple[dict[str, Any], Doc | Exception]]:
    """Each row with its Doc, or with the exception that parsing it raised."""
    items = [(row["text"], _parse_meta(row)) for row in rows]
    try:
        return list(zip(rows, parse_many(items, nlp=nlp, batch_size=batch_size), strict=True))
    except Exception:
        pass  # one article broke the batch: parse them one at a time to find which
    results: list[tuple[dict[str, Any], Doc | Exception]] = []
    for row, item in zip(rows, items):
        try:
            results.append((row, next(iter(parse_many([item], nlp=nlp, batch_size=1)))))
        except Exception as exc:
            results.append((row, exc))
    return results


def _remove_other_runs(folder: Path, keep: str) -> None:
    for child in folder.iterdir():
        if child.name != keep and child.is_dir():
            shutil.rmtree(child, ignore_errors=True)


def extract_to_stage(layout: Layout, *, batch_size: int) -> ExtractSummary:
    """Stage the claim events of every parsed article: reused from the cache, or read in the parse step.

    Then rewrite the cache of the extractor version the parse step used with the articles of
    this run (markers and claims, one atomic file) and remove the caches of other versions.
    """
    index = pq.read_table(require(layout.parsed_index), columns=["article_id", "source_file", "input_hash", "from_cache"])
    meta = index.schema.metadata or {}
    if _CACHE_VERSION_KEY not in meta:
        raise StageError(f"{layout.parsed_index} is from an older version of the pipeline: materialise parsed_articles again")
    version, cache_version = meta[_VERSION_KEY].decode(), meta[_CACHE_VERSION_KEY].decode()
    from_cache = index.column("from_cache")
    cached, fresh = index.filter(from_cache), index.filter(pc.invert(from_cache))
    cache_path = cache.cache_file(layout.cache, cache_version)
    schema = cache.cache_schema(CLAIMS_STAGE_SCHEMA)
    claims = found = 0
    layout.cache.mkdir(parents=True, exist_ok=True)
    with (
        parquet_writer(layout.claim_events, CLAIMS_STAGE_SCHEMA) as claims_out,
        parquet_writer(cache_path, schema) as cache_out,
    ):
        keys = cached.column("input_hash").combine_chunks()
        for rows in cache.read_rows(cache_path, keys, batch_size=max(batch_size, 4096)):
            cache_out.write_batch(rows)
            is_marker = pc.is_null(rows.column("claim_id"))
            found += pc.sum(is_marker).as_py() or 0
            rows = rows.filter(pc.invert(is_marker))
            if rows.num_rows:
                where = pc.index_in(rows.column("input_hash"), value_set=keys)
                source = pc.take(cached.column("source_file"), where)
                claims_out.write_table(_claims_from_cache(rows, source))
                claims += rows.num_rows
        if found != cached.num_rows:
            raise StageError(
                f"the extraction cache {cache_path} changed since the parse step; materialise parsed_articles again"
            )
        ids = fresh.column("article_id").combine_chunks()
        for batch in pq.ParquetFile(require(layout.parsed_claims)).iter_batches(batch_size=max(batch_size, 4096)):
            claims_out.write_batch(batch)
            hashes = pc.take(fresh.column("input_hash"), pc.index_in(batch.column("article_id"), value_set=ids))
            cache_out.write_table(_cache_rows(batch, hashes, schema))
            claims += batch.num_rows
        cache_out.write_table(cache.markers(ids, fresh.column("input_hash").combine_chunks(), schema))
    for old in cache.other_versions(layout.cache, cache_version):
        old.unlink(missing_ok=True)
    return ExtractSummary(
        articles=index.num_rows,
        extracted=fresh.num_rows,
        reused=cached.num_rows,
        claims=claims,
        errors=count_rows(require(layout.extract_rejected)),
        extractor_version=version,
    )


def _claims_from_cache(rows: Any, source_file: Any) -> Any:
    """Cached claim rows as staged claim rows, with the article's current file name."""
    arrays = [source_file if f.name == "source_file" else rows.column(f.name) for f in CLAIMS_STAGE_SCHEMA]
    return pa.Table.from_arrays(arrays, schema=CLAIMS_STAGE_SCHEMA)


def _cache_rows(batch: Any, hashes: Any, schema: Any) -> Any:
    """Staged claim rows as cache rows keyed by (article_id, input_hash)."""
    arrays = [hashes if f.name == "input_hash" else batch.column(f.name) for f in schema]
    return pa.Table.from_arrays(arrays, schema=schema)


# --- tables ---------------------------------------------------------------------------


def _write_table(name: str, df: pd.DataFrame, path: Path) -> TableSummary:
    try:
        write_parquet_atomic(df, path)
    except OSError as exc:
        raise StageError(f"cannot write {path}: {exc.strerror or exc}") from None
    return TableSummary(name=name, path=path, rows=len(df))


def _failed_files(layout: Layout, batch_size: int) -> set[str]:
    """Files whose parsing or extraction raised: they are rejected, not articles."""
    return {
        row["source_file"]
        for path in (layout.parse_rejected, layout.extract_rejected)
        for row in read_rows(path, batch_size, columns=["source_file"])
    }


def build_articles(layout: Layout, *, batch_size: int) -> TableSummary:
    """Stage the articles table: every staged article whose parsing and extraction succeeded."""
    failed = _failed_files(layout, batch_size)
    frames = []
    for rows in read_batches(layout.raw_articles, batch_size):
        kept = [_article(row) for row in rows if row["source_file"] not in failed]
        if kept:
            frames.append(articles_frame(kept))
    df = sort_articles(pd.concat(frames, ignore_index=True)) if frames else articles_frame([])
    return _write_table("articles", df, layout.table("articles"))


def build_claims(layout: Layout) -> TableSummary:
    """Stage the claims table: the staged claim rows in canonical order.

    Sorted as Arrow columns (the same order as sort_claims: the sort key ends with the unique
    claim_id) and written with the pandas metadata of the claims frame, so readers get the
    schema's dtypes; no pandas frame of every claim is built.
    """
    path = layout.table("claims")
    table = pq.read_table(require(layout.claim_events))
    table = table.sort_by([(name, "ascending") for name in CLAIMS_SORT])
    table = table.replace_schema_metadata(CLAIMS_STAGE_SCHEMA.metadata)
    try:
        write_arrow_atomic(table, path)
    except OSError as exc:
        raise StageError(f"cannot write {path}: {exc.strerror or exc}") from None
    return TableSummary(name="claims", path=path, rows=table.num_rows)


def build_rejected(layout: Layout, *, batch_size: int) -> TableSummary:
    """Stage the rejected table: ingest rejections plus articles whose parsing or extraction raised."""
    paths = (layout.ingest_rejected, layout.parse_rejected, layout.extract_rejected)
    df = rejected_frame(Rejection(**row) for path in paths for row in read_rows(path, batch_size))
    return _write_table("rejected", df, layout.table("rejected"))


def publish_tables(layout: Layout) -> PublishSummary:
    """Copy the checked tables from the stage to the output folder, each replaced atomically.

    All copies are written before the first table is replaced, so an interrupted publish
    leaves the previous tables (or, within the final renames, a mix of whole tables).
    """
    paths = copy_all_atomic((layout.table(name), layout.published(name)) for name in TABLES)
    tables = {name: TableSummary(name=name, path=path, rows=count_rows(path)) for name, path in zip(TABLES, paths)}
    reasons = count_values([layout.published("rejected")], "reason")
    return PublishSummary(tables=tables, kept=tables["articles"].rows, quarantined=by_reason(reasons))
