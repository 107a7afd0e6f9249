"""Check a staged table against its schema (and related tables) before it may be published."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from schemas import evidence_outside_article
from schemas.validate import validate

from .files import Layout, read_table


@dataclass(frozen=True)
class Relation:
    """A rule across two tables: `find` returns the rows of the checked table that break it."""

    name: str
    other: str  # the table it is checked against
    find: Callable[[pd.DataFrame, pd.DataFrame], pd.DataFrame]
    columns: tuple[str, ...]  # columns shown for failing rows


RELATIONS: dict[str, tuple[Relation, ...]] = {
    "claims": (
        Relation(
            "evidence_outside_article",
            "articles",
            evidence_outside_article,
            ("claim_id", "article_id", "evidence_start", "evidence_end"),
        ),
    ),
}


@dataclass(frozen=True)
class TableCheck:
    """The outcome of checking one staged table."""

    table: str
    ok: bool
    rows: int
    summary: str
    failing_rows: str  # Markdown tables of the failing rows and the rules they break
    rule_counts: dict[str, int]  # failing rows per rule (failures, for whole-table problems)


def check_table(layout: Layout, name: str) -> TableCheck:
    """Validate the staged table `name` with its Pandera model and its cross-table relations."""
    return check_frame(name, read_table(layout.table(name)), lambda other: read_table(layout.table(other)))


def check_frame(name: str, df: pd.DataFrame, load: Callable[[str], pd.DataFrame]) -> TableCheck:
    """Validate `df` as table `name`, with `load(other)` giving the tables its relations refer to."""
    report = validate(name, df)
    counts = {} if report.ok else _rule_counts(report.failures)
    summaries = [] if report.ok else [report.summary]
    markdown = [] if report.ok else [report.to_markdown()]
    for relation in RELATIONS.get(name, ()):
        bad = relation.find(df, load(relation.other))
        if len(bad):
            counts[relation.name] = len(bad)
            summaries.append(f"{_rows(len(bad))} {'fails' if len(bad) == 1 else 'fail'} {relation.name}")
            markdown.append(_rows_markdown(bad, relation))
    ok = not counts
    return TableCheck(
        table=name,
        ok=ok,
        rows=len(df),
        summary=report.summary if ok else "; ".join(summaries),
        failing_rows="\n\n".join(markdown),
        rule_counts=counts,
    )


def _rule_counts(failures: pd.DataFrame) -> dict[str, int]:
    counts: dict[str, int] = {}
    for rule, group in failures.groupby("rule", sort=False):
        rows = group["index"].dropna().nunique()
        counts[str(rule)] = int(rows) if rows else len(group)
    return counts


def _rows(n: int) -> str:
    return f"{n} row{'' if n == 1 else 's'}"


def _rows_markdown(bad: pd.DataFrame, relation: Relation, max_rows: int = 20) -> str:
    columns = [c for c in relation.columns if c in bad.columns]
    lines = ["| row | rules | " + " | ".join(columns) + " |", "|" + "---|" * (len(columns) + 2)]
    for label, row in bad.head(max_rows).iterrows():
        cells = [str(label), relation.name, *("null" if pd.isna(row[c]) else str(row[c]) for c in columns)]
        lines.append("| " + " | ".join(cells) + " |")
    if len(bad) > max_rows:
        lines.append(f"\n… and {len(bad) - max_rows} more failing rows.")
    return "\n".join(lines)
