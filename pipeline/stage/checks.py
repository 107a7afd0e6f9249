"""Check a staged table against its schema (and related tables) before it may be published."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.publish.parquet import read_parquet, read_parquet_chunks
from schemas import evidence_outside_article
from schemas.validate import duplicated_values, unique_columns, validate_chunks

from .files import Layout, require


@dataclass(frozen=True)
class Relation:
    """A rule across two tables: `find` returns the rows of the checked table that break it."""

    name: str
    other: str  # the table it is checked against
    find: Callable[[pd.DataFrame, pd.DataFrame], pd.DataFrame]
    columns: tuple[str, ...]  # columns shown for failing rows
    other_columns: tuple[str, ...] | None = None  # the columns of `other` that `find` reads (None: all)


RELATIONS: dict[str, tuple[Relation, ...]] = {
    "claims": (
        Relation(
            "evidence_outside_article",
            "articles",
            evidence_outside_article,
            ("claim_id", "article_id", "evidence_start", "evidence_end"),
            other_columns=("article_id", "n_chars"),
        ),
    ),
}

# Rows validated at a time: the checks hold one chunk of a table, never the whole of a big one.
CHUNK_ROWS = 10_000
MAX_SHOWN_ROWS = 20


@dataclass(frozen=True)
class TableCheck:
    """The outcome of checking one staged table."""

    table: str
    ok: bool
    rows: int
    summary: str
    failing_rows: str  # Markdown tables of the failing rows and the rules they break
    rule_counts: dict[str, int]  # failing rows per rule (failures, for whole-table problems)


def check_table(layout: Layout, name: str, *, chunk_rows: int = CHUNK_ROWS) -> TableCheck:
    """Validate the staged table `name` with its Pandera model and its cross-table relations, chunk by chunk.

    Every row meets every rule: uniqueness is decided on the whole column (read alone, as
    Arrow) before the chunks are validated.
    """
    path = require(layout.table(name))
    duplicated = {column: duplicated_in_file(path, column) for column in unique_columns(name)}

    def load(other: str, columns: tuple[str, ...] | None) -> pd.DataFrame:
        return read_parquet(require(layout.table(other)), columns=list(columns) if columns else None)

    return check_chunks(name, read_parquet_chunks(path, chunk_rows), load, duplicated)


def check_frame(name: str, df: pd.DataFrame, load: Callable[[str], pd.DataFrame]) -> TableCheck:
    """Validate `df` as table `name`, with `load(other)` giving the tables its relations refer to."""
    duplicated = {column: duplicated_values(df[column]) for column in unique_columns(name) if column in df.columns}
    return check_chunks(name, [df], lambda other, columns: load(other), duplicated)


def check_chunks(
    name: str,
    chunks: Iterable[pd.DataFrame],
    load: Callable[[str, tuple[str, ...] | None], pd.DataFrame],
    duplicated: Mapping[str, Collection[Any]],
) -> TableCheck:
    """Validate table `name` given as chunks (indexed by row label in the whole table) against its model and relations.

    `load(other, columns)` gives the table a relation refers to; `duplicated` the values of each
    unique column that occur more than once in the whole table.
    """
    relations = RELATIONS.get(name, ())
    others = {r.name: load(r.other, r.other_columns) for r in relations}
    bad_counts = {r.name: 0 for r in relations}
    bad_shown: dict[str, list[pd.DataFrame]] = {r.name: [] for r in relations}
    rows = 0

    def observed() -> Iterator[pd.DataFrame]:
        nonlocal rows
        for chunk in chunks:
            rows += len(chunk)
            for relation in relations:
                bad = relation.find(chunk, others[relation.name])
                if len(bad):
                    shown = sum(len(b) for b in bad_shown[relation.name])
                    if shown < MAX_SHOWN_ROWS:
                        bad_shown[relation.name].append(bad.head(MAX_SHOWN_ROWS - shown))
                    bad_counts[relation.name] += len(bad)
            yield chunk

    report = validate_chunks(name, observed(), duplicated=duplicated)
    counts = {} if report.ok else _rule_counts(report.failures)
    summaries = [] if report.ok else [report.summary]
    markdown = [] if report.ok else [report.to_markdown(max_rows=MAX_SHOWN_ROWS)]
    for relation in relations:
        n = bad_counts[relation.name]
        if n:
            counts[relation.name] = n
            summaries.append(f"{_rows(n)} {'fails' if n == 1 else 'fail'} {relation.name}")
            markdown.append(_rows_markdown(pd.concat(bad_shown[relation.name]), relation, total=n))
    ok = not counts
    return TableCheck(
        table=name,
        ok=ok,
        rows=rows,
        summary=report.summary if ok else "; ".join(summaries),
        failing_rows="\n\n".join(markdown),
        rule_counts=counts,
    )


def duplicated_in_file(path: Path, column: str) -> set[Any]:
    """The values of one column of a Parquet file that occur more than once, nulls aside (read as Arrow)."""
    try:
        values = pq.read_table(path, columns=[column]).column(column)
    except (KeyError, pa.ArrowInvalid):
        return set()  # a missing column is reported by the schema check
    counts = pc.value_counts(values)
    repeated = counts.field("values").filter(pc.greater(counts.field("counts"), 1))
    return {value for value in repeated.to_pylist() if value is not None}


def _rule_counts(failures: pd.DataFrame) -> dict[str, int]:
    counts: dict[str, int] = {}
    for rule, group in failures.groupby("rule", sort=False):
        rows = group["index"].dropna().nunique()
        counts[str(rule)] = int(rows) if rows else len(group)
    return counts


def _rows(n: int) -> str:
    return f"{n} row{'' if n == 1 else 's'}"


def _rows_markdown(bad: pd.DataFrame, relation: Relation, max_rows: int = MAX_SHOWN_ROWS, total: int | None = None) -> str:
    columns = [c for c in relation.columns if c in bad.columns]
    lines = ["| row | rules | " + " | ".join(columns) + " |", "|" + "---|" * (len(columns) + 2)]
    for label, row in bad.head(max_rows).iterrows():
        cells = [str(label), relation.name, *("null" if pd.isna(row[c]) else str(row[c]) for c in columns)]
        lines.append("| " + " | ".join(cells) + " |")
    total = len(bad) if total is None else total
    if total > max_rows:
        lines.append(f"\n… and {total - max_rows} more failing rows.")
    return "\n".join(lines)
