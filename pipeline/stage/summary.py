"""What the Dagster UI shows about each table: its columns, its counts and a preview of its first rows.

Plain functions over the staged and published Parquet files, with no Dagster in them; the
asset definitions turn their results into materialisation metadata and column schemas.

Columns come from the data dictionary (schemas.dictionary, read from the Pandera models). The
staged tables that are not published (raw_articles, the parse index) take their column names
and types from their Arrow schemas in pipeline.stage.files, the description of every column
they share with a published table from the dictionary, and the rest from STAGE_ONLY_COLUMNS.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from schemas import dictionary
from schemas.vocab import ACTIONS, REJECT_REASONS

from .files import PARSED_INDEX_SCHEMA, RAW_ARTICLES_SCHEMA

UNKNOWN_SIDE = "unknown"  # claimant side of a claim whose claimant_country is null
PREVIEW_ROWS = 10
PREVIEW_WIDTH = 80  # longer cells are cut to this many characters, ending in "…"


@dataclass(frozen=True)
class Column:
    """One column of a table as the UI lists it."""

    name: str
    type: str  # string, integer, number, boolean, date, or "list of strings"
    nullable: bool
    description: str
    unique: bool = False


@dataclass(frozen=True)
class StageColumn:
    """A column of a staged table that the published tables do not have, or hold differently."""

    description: str
    nullable: bool = False


# Staged tables that are not published: their Arrow schema, and the published table whose
# column descriptions they share.
STAGE_TABLES: dict[str, tuple[pa.Schema, str]] = {
    "raw_articles": (RAW_ARTICLES_SCHEMA, "articles"),
    "parsed_index": (PARSED_INDEX_SCHEMA, "articles"),
}

STAGE_ONLY_COLUMNS: dict[str, dict[str, StageColumn]] = {
    "raw_articles": {
        "text": StageColumn(
            "The decoded article: LF line ends, no BOM or NUL bytes, Unicode NFC, front matter kept in place. "
            "Every claim offset points into this text."
        ),
        "body_start": StageColumn("Offset (in code points) where the body begins after the front matter; 0 without one."),
        "title_start": StageColumn(
            "Offset where the title starts inside text, when it appears there verbatim; null otherwise.", nullable=True
        ),
        "title_end": StageColumn("Offset where the title ends inside text (exclusive); null with title_start.", nullable=True),
        "warnings": StageColumn(
            "Problems met while reading the file, one per item; empty when there were none "
            "(the articles table joins them with '; ')."
        ),
        "input_hash": StageColumn(
            "Hash of what the extractor reads (text, published date, title and body offsets): "
            "the key of the extraction cache."
        ),
    },
    "parsed_index": {
        "input_hash": StageColumn("Hash of what the extractor reads: the key of the extraction cache."),
        "from_cache": StageColumn(
            "True when the article's claims are reused from the extraction cache and it was not parsed again."
        ),
        "tokens": StageColumn("Tokens in the parsed spaCy Doc; null when reused from the cache.", nullable=True),
        "batch_file": StageColumn(
            "DocBin file holding the Doc, relative to the stage folder, when Docs are kept; null otherwise.",
            nullable=True,
        ),
        "position": StageColumn("The Doc's place inside batch_file; null without one.", nullable=True),
    },
}

# The staged claim events have exactly the columns of the published claims table.
SAME_AS_PUBLISHED = {"claim_events": "claims"}

# Columns of each table shown in its Markdown preview ("location" is the finest place named).
PREVIEW_COLUMNS: dict[str, tuple[str, ...]] = {
    "claims": ("action", "count", "munition_class", "claimant", "location", "event_date", "evidence"),
    "articles": ("source_file", "title", "source", "published", "language", "is_sample"),
    "rejected": ("source_file", "reason", "detail"),
    "raw_articles": ("source_file", "title", "published", "language", "encoding"),
}
_DERIVED = {"location": ("location_name", "location_admin1", "location_country")}


def _arrow_type(dtype: pa.DataType) -> str:
    if pa.types.is_string(dtype) or pa.types.is_large_string(dtype):
        return "string"
    if pa.types.is_integer(dtype):
        return "integer"
    if pa.types.is_floating(dtype):
        return "number"
    if pa.types.is_boolean(dtype):
        return "boolean"
    if pa.types.is_date(dtype) or pa.types.is_timestamp(dtype):
        return "date"
    if pa.types.is_list(dtype) or pa.types.is_large_list(dtype):
        return f"list of {_arrow_type(dtype.value_type)}s"
    return str(dtype)


def columns(table: str) -> list[Column]:
    """The columns of a published or staged table, in file order, with their descriptions.

    Raises KeyError for a table this module does not know.
    """
    if table not in STAGE_TABLES:
        published = SAME_AS_PUBLISHED.get(table, table)
        return [Column(c.name, c.type, c.nullable, c.description, c.unique) for c in dictionary.columns(published)]
    schema, shared_with = STAGE_TABLES[table]
    shared = {c.name: c for c in dictionary.columns(shared_with)}
    own = STAGE_ONLY_COLUMNS.get(table, {})
    result = []
    for arrow_field in schema:
        kind = _arrow_type(arrow_field.type)
        if arrow_field.name in own:
            col = own[arrow_field.name]
            result.append(Column(arrow_field.name, kind, col.nullable, col.description))
        elif arrow_field.name in shared:
            col = shared[arrow_field.name]
            result.append(Column(col.name, kind, col.nullable, col.description))
        else:  # a staged column nobody described yet (tests/stage/test_summary.py catches it)
            result.append(Column(arrow_field.name, kind, True, ""))
    return result


# --- counts ---------------------------------------------------------------------------


def row_count(path: Path) -> int:
    """Rows in a Parquet file, from its footer."""
    return pq.ParquetFile(path).metadata.num_rows


def value_counts(paths: Iterable[Path], column: str, *, null: str | None = None) -> dict[str, int]:
    """How often each value of `column` occurs across Parquet files; nulls count as `null` (or are left out)."""
    counts: dict[str, int] = {}
    for path in paths:
        values = pq.read_table(path, columns=[column]).column(column)
        for item in pc.value_counts(values).to_pylist():
            key = item["values"] if item["values"] is not None else null
            if key is not None:
                counts[key] = counts.get(key, 0) + item["counts"]
    return counts


def _ordered(counts: Mapping[str, int], order: Sequence[str]) -> dict[str, int]:
    """Counts in vocabulary order (unknown values after, by name), zeros left out."""
    rank = {value: i for i, value in enumerate(order)}
    return {k: counts[k] for k in sorted(counts, key=lambda k: (rank.get(k, len(rank)), k)) if counts[k]}


def claims_by_action(path: Path) -> dict[str, int]:
    """Claims per action (launched, intercepted, ...), in the vocabulary's order."""
    return _ordered(value_counts([path], "action"), ACTIONS)


def claims_by_side(path: Path) -> dict[str, int]:
    """Claims per claimant side (claimant_country, "unknown" when null), most claims first."""
    counts = value_counts([path], "claimant_country", null=UNKNOWN_SIDE)
    return dict(sorted(counts.items(), key=lambda item: (item[0] == UNKNOWN_SIDE, -item[1], item[0])))


def rejections_by_reason(paths: Iterable[Path]) -> dict[str, int]:
    """Rejected files per reason across rejection files, in the vocabulary's order."""
    return _ordered(value_counts(paths, "reason"), REJECT_REASONS)


# --- preview --------------------------------------------------------------------------


def _cell(value: Any, width: int) -> str:
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):
        text = value.isoformat()
    elif isinstance(value, bool):
        text = "true" if value else "false"
    else:
        text = str(value)
    text = " ".join(text.split())
    if len(text) > width:
        text = text[: width - 1].rstrip() + "…"
    return text.replace("\\", "\\\\").replace("|", "\\|")


def head(path: Path, names: Sequence[str], rows: int = PREVIEW_ROWS) -> list[dict[str, Any]]:
    """The first `rows` rows of a Parquet file, only the named columns (derived ones such as location included)."""
    available = set(pq.ParquetFile(path).schema_arrow.names)
    wanted = [n for n in names if n in available]
    for name in names:
        wanted += [source for source in _DERIVED.get(name, ()) if source in available and source not in wanted]
    if not wanted:
        return []
    first = next(pq.ParquetFile(path).iter_batches(batch_size=max(rows, 1), columns=wanted), None)
    records = first.to_pylist()[:rows] if first is not None else []
    for record in records:
        for name, sources in _DERIVED.items():
            if name in names:
                record[name] = next((record[s] for s in sources if record.get(s) is not None), None)
    return records


def preview_markdown(
    path: Path, names: Sequence[str], rows: int = PREVIEW_ROWS, width: int = PREVIEW_WIDTH
) -> str:
    """The first rows of a Parquet file as a Markdown table, long cells cut short; a sentence when it is empty."""
    records = head(path, names, rows)
    if not records:
        return "_No rows._"
    total = row_count(path)
    lines = ["| " + " | ".join(names) + " |", "|" + "---|" * len(names)]
    lines += ["| " + " | ".join(_cell(record.get(name), width) for name in names) + " |" for record in records]
    shown = f"The first {len(records)} of {total:,} rows." if total > len(records) else f"All {total:,} rows."
    return "\n".join(lines) + f"\n\n{shown}\n"


# --- what each asset reports ----------------------------------------------------------


@dataclass(frozen=True)
class TableReport:
    """What a materialisation of one table reports: rows, counts by category, a preview and the file."""

    name: str
    path: Path
    rows: int
    counts: dict[str, int] = field(default_factory=dict)  # plain numbers, e.g. kept, quarantined
    breakdowns: dict[str, dict[str, int]] = field(default_factory=dict)  # e.g. claims_by_action
    preview: str = ""


def table_report(name: str, path: Path, *, rejections: Sequence[Path] = ()) -> TableReport:
    """The report of a table file: rows, its breakdowns and a preview of its first rows.

    claims get counts by action and by claimant side, rejected counts by reason; for
    raw_articles (staged articles), `rejections` are the files set aside beside them.
    """
    rows = row_count(path)
    counts: dict[str, int] = {}
    breakdowns: dict[str, dict[str, int]] = {}
    if name == "claims":
        breakdowns = {"claims_by_action": claims_by_action(path), "claims_by_side": claims_by_side(path)}
    elif name == "rejected":
        breakdowns = {"quarantined_by_reason": rejections_by_reason([path])}
        counts = {"quarantined": rows}
    elif name in ("articles", "raw_articles"):
        counts = {"kept": rows}
        if rejections:
            reasons = rejections_by_reason(rejections)
            counts["quarantined"] = sum(reasons.values())
            breakdowns = {"quarantined_by_reason": reasons}
    preview = preview_markdown(path, PREVIEW_COLUMNS[name]) if name in PREVIEW_COLUMNS else ""
    return TableReport(name=name, path=path, rows=rows, counts=counts, breakdowns=breakdowns, preview=preview)


@dataclass(frozen=True)
class DatasetReport:
    """What the published dataset reports: articles kept, files quarantined by reason, claims by action and side."""

    paths: dict[str, Path]
    rows: dict[str, int]
    kept: int
    quarantined_by_reason: dict[str, int]
    claims_by_action: dict[str, int]
    claims_by_side: dict[str, int]

    @property
    def quarantined(self) -> int:
        return sum(self.quarantined_by_reason.values())


def dataset_report(paths: Mapping[str, Path]) -> DatasetReport:
    """The report of the published tables, given as table name -> path (articles, claims, rejected)."""
    rows = {name: row_count(path) for name, path in paths.items()}
    return DatasetReport(
        paths=dict(paths),
        rows=rows,
        kept=rows["articles"],
        quarantined_by_reason=rejections_by_reason([paths["rejected"]]),
        claims_by_action=claims_by_action(paths["claims"]),
        claims_by_side=claims_by_side(paths["claims"]),
    )
