"""The data dictionary, read from the Pandera models so it can never drift from them.

`columns()` and `rules()` give plain records that a Markdown page, a Frictionless
datapackage or Dagster's column schema can all be rendered from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import pyarrow

from schemas import TABLES
from schemas.checks import check_kind

LOGICAL_TYPES = ("string", "integer", "number", "boolean", "date")

# Enumerations longer than this are summarised rather than listed in Markdown.
_MAX_LISTED_VALUES = 60
_CODE_LISTS = {
    "iso_3166_1_alpha2": "an ISO 3166-1 alpha-2 country code",
    "iso_3166_2": "an ISO 3166-2 subdivision code",
}


@dataclass(frozen=True)
class ColumnInfo:
    """One column of a published table, as its model declares it."""

    name: str
    type: str  # logical type: one of LOGICAL_TYPES
    dtype: str  # pandas dtype of the validated frame, e.g. "Int64", "date32[day][pyarrow]"
    nullable: bool
    description: str
    unique: bool = False
    allowed_values: list[Any] | None = None  # enum constraint, in declared order
    minimum: Any = None
    maximum: Any = None
    exclusive_minimum: bool = False  # True when the bound itself is not allowed (e.g. > 0)
    exclusive_maximum: bool = False
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None  # regex the whole value must match (no anchors)
    checks: list[str] = field(default_factory=list)  # names of every check on the column


@dataclass(frozen=True)
class RuleInfo:
    """A table-level rule relating several columns of one row."""

    name: str
    description: str
    columns: list[str]


@dataclass(frozen=True)
class TableInfo:
    name: str
    title: str
    description: str
    columns: list[ColumnInfo]
    rules: list[RuleInfo]


def _model(name: str):
    try:
        return TABLES[name]
    except KeyError:
        raise KeyError(f"unknown table {name!r}; known tables: {', '.join(sorted(TABLES))}") from None


def logical_type(dtype: Any) -> str:
    """Map a pandas/pandera dtype to one of LOGICAL_TYPES."""
    native = getattr(dtype, "type", dtype)
    if isinstance(native, pd.ArrowDtype):
        arrow = native.pyarrow_dtype
        if pyarrow.types.is_date(arrow):
            return "date"
        if pyarrow.types.is_boolean(arrow):
            return "boolean"
        if pyarrow.types.is_integer(arrow):
            return "integer"
        if pyarrow.types.is_floating(arrow):
            return "number"
        if pyarrow.types.is_string(arrow) or pyarrow.types.is_large_string(arrow):
            return "string"
    elif pd.api.types.is_bool_dtype(native):
        return "boolean"
    elif pd.api.types.is_integer_dtype(native):
        return "integer"
    elif pd.api.types.is_float_dtype(native):
        return "number"
    elif pd.api.types.is_string_dtype(native):
        return "string"
    raise TypeError(f"no logical type for dtype {dtype!s}")


def _strip_anchors(pattern: str) -> str:
    if pattern.startswith("^"):
        pattern = pattern[1:]
    for anchor in ("\\Z", "$"):
        if pattern.endswith(anchor):
            return pattern[: -len(anchor)]
    return pattern


def _column_info(name: str, column: Any) -> ColumnInfo:
    info: dict[str, Any] = {"checks": []}
    for check in column.checks:
        stats = check.statistics or {}
        kind = check_kind(check)
        info["checks"].append(check.name)
        if kind == "isin":
            info["allowed_values"] = list(stats["allowed_values"])
        elif kind == "greater_than_or_equal_to":
            info["minimum"] = stats["min_value"]
        elif kind == "greater_than":
            info["minimum"], info["exclusive_minimum"] = stats["min_value"], True
        elif kind == "less_than_or_equal_to":
            info["maximum"] = stats["max_value"]
        elif kind == "less_than":
            info["maximum"], info["exclusive_maximum"] = stats["max_value"], True
        elif kind == "in_range":
            info["minimum"], info["maximum"] = stats["min_value"], stats["max_value"]
            info["exclusive_minimum"] = not stats.get("include_min", True)
            info["exclusive_maximum"] = not stats.get("include_max", True)
        elif kind == "str_length":
            exact = stats.get("exact_value")
            info["min_length"] = exact if exact is not None else stats.get("min_value")
            info["max_length"] = exact if exact is not None else stats.get("max_value")
        elif kind == "str_matches":
            info["pattern"] = _strip_anchors(str(stats["pattern"]))
    return ColumnInfo(
        name=name,
        type=logical_type(column.dtype),
        dtype=str(column.dtype),
        nullable=bool(column.nullable),
        unique=bool(column.unique),
        description=column.description or "",
        **info,
    )


def columns(name: str) -> list[ColumnInfo]:
    """The columns of table `name`, in published order."""
    schema = _model(name).to_schema()
    return [_column_info(col_name, col) for col_name, col in schema.columns.items()]


def rules(name: str) -> list[RuleInfo]:
    """The table-level rules of table `name` (checks across the columns of a row)."""
    schema = _model(name).to_schema()
    return [
        RuleInfo(
            name=check.name,
            description=check.error or check.description or check.name,
            columns=list((check.statistics or {}).get("columns", ())),
        )
        for check in schema.checks
    ]


def table(name: str) -> TableInfo:
    """Title, description, columns and rules of table `name`."""
    schema = _model(name).to_schema()
    return TableInfo(
        name=name,
        title=schema.title or name,
        description=schema.description or "",
        columns=columns(name),
        rules=rules(name),
    )


def _fmt(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def allowed_text(column: ColumnInfo) -> str:
    """A short human description of the values a column may take."""
    parts: list[str] = []
    if column.allowed_values is not None:
        named = next((_CODE_LISTS[c] for c in column.checks if c in _CODE_LISTS), None)
        if named:
            parts.append(f"{named} ({len(column.allowed_values)} codes)")
        elif len(column.allowed_values) > _MAX_LISTED_VALUES:
            parts.append(f"one of {len(column.allowed_values)} values")
        else:
            parts.append(", ".join(f"`{v}`" for v in column.allowed_values))
    if column.minimum is not None and column.maximum is not None:
        lo = "(" if column.exclusive_minimum else "["
        hi = ")" if column.exclusive_maximum else "]"
        parts.append(f"{lo}{_fmt(column.minimum)}, {_fmt(column.maximum)}{hi}")
    elif column.minimum is not None:
        parts.append(f"{'>' if column.exclusive_minimum else '≥'} {_fmt(column.minimum)}")
    elif column.maximum is not None:
        parts.append(f"{'<' if column.exclusive_maximum else '≤'} {_fmt(column.maximum)}")
    if column.pattern is not None:
        parts.append(f"matches `{column.pattern}`")
    if "relative_posix_path" in column.checks:
        parts.append("relative POSIX path")
    if column.min_length and column.max_length is None and column.min_length == 1:
        parts.append("non-empty")
    elif column.min_length or column.max_length:
        parts.append(f"length {column.min_length or 0}..{column.max_length or ''}")
    if column.unique:
        parts.append("unique")
    return "; ".join(parts)


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(name: str) -> str:
    """The data dictionary of table `name` as Markdown: a column table, then the row rules."""
    info = table(name)
    lines = [
        f"## {info.title} (`{name}`)",
        "",
        info.description,
        "",
        "| column | type | nullable | description | allowed values |",
        "|---|---|---|---|---|",
    ]
    for col in info.columns:
        lines.append(
            f"| `{col.name}` | {col.type} | {'yes' if col.nullable else 'no'} | "
            f"{_md(col.description)} | {_md(allowed_text(col))} |"
        )
    if info.rules:
        lines += ["", "Rules every row satisfies:", ""]
        lines += [f"- `{rule.name}`: {_md(rule.description)}" for rule in info.rules]
    return "\n".join(lines) + "\n"
