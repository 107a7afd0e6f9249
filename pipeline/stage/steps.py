"""The pipeline's steps as plain functions: each reads staged files, does one stage's work, writes its own.

Articles stream through in batches: no step holds every text or every parsed Doc at once.
"""

from __future__ import annotations

import dataclasses
import logging
import secrets
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any

import pandas as pd
from spacy.tokens import Doc, DocBin

from pipeline.extract import claims_from_doc, extractor_version, parse_many
from pipeline.extract.nlp import shared_nlp
from pipeline.ingest import Article, Rejection, ingest
from pipeline.publish import (
    articles_frame,
    claims_frame,
    rejected_frame,
    sort_articles,
    sort_claims,
    to_arrow,
    write_parquet_atomic,
)
from schemas import TABLES
from schemas.vocab import REJECT_REASONS

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
    read_table,
    require,
    read_rows,
    write_bytes_atomic,
    write_rows,
)

log = logging.getLogger(__name__)

# Staged claim rows have exactly the published claims columns and types.
CLAIMS_STAGE_SCHEMA = to_arrow(claims_frame([])).schema


@dataclass(frozen=True)
class IngestSummary:
    kept: int
    quarantined: dict[str, int]  # rejections by reason


@dataclass(frozen=True)
class ParseSummary:
    parsed: int
    errors: int
    batches: int


@dataclass(frozen=True)
class ExtractSummary:
    articles: int
    claims: int
    errors: int
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
) -> IngestSummary:
    """Read every article file under `input_dir`; stage the articles with their text and the rejections.

    Raises IngestError when the input root cannot be walked and StageError when the output
    folder cannot be written; a bad file only becomes a rejection.
    """
    records = ingest(Path(input_dir), extensions=tuple(extensions), max_bytes=max_bytes, today=today)
    layout.prepare()
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


def _article_row(article: Article) -> dict[str, Any]:
    row = dataclasses.asdict(article)
    row["warnings"] = list(article.warnings)
    return row


def _article(row: Mapping[str, Any]) -> Article:
    fields = {f.name: row[f.name] for f in dataclasses.fields(Article)}
    fields["warnings"] = tuple(row["warnings"] or ())
    return Article(**fields)


def _extraction_error(entry: Mapping[str, Any], step: str, exc: Exception) -> dict[str, Any]:
    """A rejection row for an article whose parsing or extraction raised; the run goes on."""
    log.warning("%s failed for %s: %s: %s", step, entry["source_file"], type(exc).__name__, exc)
    detail = f"{step} failed: {type(exc).__name__}: {exc}".strip()
    return dataclasses.asdict(Rejection(entry["source_file"], "extraction_error", detail))


# --- parse ----------------------------------------------------------------------------


def parse_to_stage(layout: Layout, *, batch_size: int) -> ParseSummary:
    """Parse the staged articles with spaCy, one DocBin file per batch, plus an index of where each Doc is.

    Each parse writes a fresh folder under stage/parsed/ and removes the older ones once its
    index is in place, so the index never points at files of another run.
    """
    nlp = shared_nlp()
    run = f"run-{secrets.token_hex(4)}"
    parsed = errors = batches = 0
    try:
        with (
            parquet_writer(layout.parsed_index, PARSED_INDEX_SCHEMA) as index_out,
            parquet_writer(layout.parse_rejected, REJECTIONS_SCHEMA) as rejected_out,
        ):
            for number, rows in enumerate(read_batches(layout.raw_articles, batch_size)):
                batch_file = f"{layout.parsed_docs.name}/{run}/batch-{number:05d}.spacy"
                docs = DocBin(store_user_data=True)
                entries, failures = [], []
                for row, outcome in _parse_batch(rows, nlp, batch_size):
                    if isinstance(outcome, Exception):
                        failures.append(_extraction_error(row, "parsing", outcome))
                        continue
                    docs.add(outcome)
                    entries.append(
                        {
                            "article_id": row["article_id"],
                            "source_file": row["source_file"],
                            "published": row["published"],
                            "batch_file": batch_file,
                            "position": len(entries),
                        }
                    )
                if entries:
                    write_bytes_atomic(layout.stage / batch_file, docs.to_bytes())
                    batches += 1
                parsed += write_rows(index_out, entries)
                errors += write_rows(rejected_out, failures)
    except BaseException:
        shutil.rmtree(layout.parsed_docs / run, ignore_errors=True)
        raise
    _remove_other_runs(layout.parsed_docs, keep=run)
    return ParseSummary(parsed=parsed, errors=errors, batches=batches)


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


# --- extract --------------------------------------------------------------------------


def extract_to_stage(layout: Layout, *, batch_size: int) -> ExtractSummary:
    """Run the rule extractor over the staged Docs, one DocBin at a time; stage the claim rows."""
    nlp = shared_nlp()
    version = extractor_version()
    articles = n_claims = errors = 0
    with (
        parquet_writer(layout.claim_events, CLAIMS_STAGE_SCHEMA) as claims_out,
        parquet_writer(layout.extract_rejected, REJECTIONS_SCHEMA) as rejected_out,
    ):
        for batch_file, group in groupby(read_rows(layout.parsed_index, batch_size), key=itemgetter("batch_file")):
            entries = list(group)
            docs = _load_docs(layout.stage / batch_file, nlp)
            rows: list[dict[str, Any]] = []
            failures: list[dict[str, Any]] = []
            for entry, doc in zip(entries, docs, strict=True):
                try:
                    claims = claims_from_doc(doc, entry["published"])
                except Exception as exc:
                    failures.append(_extraction_error(entry, "extraction", exc))
                    continue
                articles += 1
                rows.extend(
                    {
                        **claim.as_dict(),
                        "article_id": entry["article_id"],
                        "source_file": entry["source_file"],
                        "extractor_version": version,
                    }
                    for claim in claims
                )
            if rows:
                claims_out.write_table(to_arrow(claims_frame(rows)))
            n_claims += len(rows)
            errors += write_rows(rejected_out, failures)
    return ExtractSummary(articles=articles, claims=n_claims, errors=errors, extractor_version=version)


def _load_docs(path: Path, nlp: Any) -> list[Doc]:
    return list(DocBin().from_bytes(require(path).read_bytes()).get_docs(nlp.vocab))


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
    """Stage the claims table: the staged claim rows in canonical order."""
    return _write_table("claims", sort_claims(read_table(layout.claim_events)), layout.table("claims"))


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
