"""Validate a table against its model and report failures in a form people can read."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.api.checks import Check

from schemas import TABLES
from schemas.checks import BUILTIN_CHECKS

FAILURE_COLUMNS = ["rule", "check", "column", "index", "failure_case", "error"]

_BOUND_SYMBOLS = {
    "greater_than_or_equal_to": ("≥", "min_value"),
    "greater_than": (">", "min_value"),
    "less_than_or_equal_to": ("≤", "max_value"),
    "less_than": ("<", "max_value"),
    "equal_to": ("=", "value"),
    "not_equal_to": ("≠", "value"),
}


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of validating one table.

    `data` is the validated, coerced frame when `ok`; `failures` has one row per failing
    (rule, row) for row rules and one per value for column checks, with columns
    rule (readable label), check (check name), column, index (row label in the input, null
    for whole-table problems), failure_case and error (pandera's message).
    """

    table: str
    ok: bool
    summary: str
    failures: pd.DataFrame
    data: pd.DataFrame | None = None
    source: pd.DataFrame | None = field(default=None, repr=False)

    def failing_rows(self, columns: list[str] | None = None) -> pd.DataFrame:
        """The input rows that failed, with a leading `rules` column naming what they broke."""
        if self.source is None or self.failures.empty:
            return pd.DataFrame(columns=["rules"])
        rowwise = self.failures[self.failures["index"].notna()]
        rules: dict[Any, list[str]] = {}
        for index, rule in zip(rowwise["index"], rowwise["rule"]):
            if rule not in rules.setdefault(index, []):
                rules[index].append(rule)
        selected = [c for c in (columns or self._involved_columns()) if c in self.source.columns]
        rows = self.source.loc[self.source.index.isin(list(rules)), selected].copy()
        rows.insert(0, "rules", ["; ".join(rules[i]) for i in rows.index])
        return rows

    def to_markdown(self, max_rows: int = 20, max_width: int = 40, columns: list[str] | None = None) -> str:
        """The failing rows as a small Markdown table (row label, rules broken, involved columns)."""
        rows = self.failing_rows(columns)
        if rows.empty:
            return "No failing rows." if self.ok else f"No failing rows; {self.summary}."
        shown = rows.head(max_rows)
        header = ["row", *shown.columns]
        lines = [
            "| " + " | ".join(_cell(h, max_width) for h in header) + " |",
            "|" + "|".join("---" for _ in header) + "|",
        ]
        for label, values in zip(shown.index, shown.itertuples(index=False)):
            cells = [_cell(label, max_width), _cell(values[0], None), *(_cell(v, max_width) for v in values[1:])]
            lines.append("| " + " | ".join(cells) + " |")
        if len(rows) > max_rows:
            lines.append(f"\n… and {len(rows) - max_rows} more failing rows.")
        return "\n".join(lines)

    def _involved_columns(self) -> list[str]:
        schema = TABLES[self.table].to_schema()
        key = next(iter(schema.columns))
        involved: list[str] = [key]
        for cols in self.failures["column"].dropna():
            involved.extend(c.strip() for c in str(cols).split(","))
        ordered = [c for c in self.source.columns if c in set(involved)]
        return ordered


def validate(name: str, df: pd.DataFrame) -> ValidationReport:
    """Validate `df` as the table `name` (see schemas.TABLES), collecting every failure."""
    try:
        model = TABLES[name]
    except KeyError:
        raise KeyError(f"unknown table {name!r}; known tables: {', '.join(sorted(TABLES))}") from None
    try:
        validated = model.validate(df, lazy=True)
    except pa.errors.SchemaErrors as exc:
        failures = _normalise_failures(model.to_schema(), exc.failure_cases, df)
        return ValidationReport(
            table=name, ok=False, summary=_summarise(failures), failures=failures, data=None, source=df
        )
    n = len(validated)
    return _passed(name, n, data=validated, source=df)


def unique_columns(name: str) -> list[str]:
    """The columns of table `name` whose values must be unique."""
    return [column for column, spec in TABLES[name].to_schema().columns.items() if spec.unique]


def duplicated_values(series: pd.Series) -> set[Any]:
    """The values that occur more than once in `series`, nulls aside."""
    values = series.dropna()
    return set(values[values.duplicated(keep=False)])


def validate_chunks(
    name: str, chunks: Iterable[pd.DataFrame], *, duplicated: Mapping[str, Collection[Any]]
) -> ValidationReport:
    """Validate a table given as consecutive chunks with every rule of its model, in bounded memory.

    Each chunk is indexed by its rows' labels in the whole table. Column checks and row rules
    run chunk by chunk; problems with the whole table (a missing column, a wrong dtype) are
    reported once. Uniqueness cannot be seen inside a chunk, so `duplicated` gives, for each
    unique column (see unique_columns), the values that occur more than once in the whole
    table: every row holding one fails "<column> is unique", as validate() reports it. The
    report's `source` keeps only the failing rows, and `data` is None.
    """
    try:
        schema = TABLES[name].to_schema()
    except KeyError:
        raise KeyError(f"unknown table {name!r}; known tables: {', '.join(sorted(TABLES))}") from None
    unique = [column for column in unique_columns(name) if column in duplicated]
    chunk_schema = schema.update_columns({column: {"unique": False} for column in unique}) if unique else schema
    failures: list[pd.DataFrame] = []
    failing_rows: list[pd.DataFrame] = []
    whole_table: set[tuple[Any, ...]] = set()
    n = 0
    for chunk in chunks:
        n += len(chunk)
        found = []
        try:
            chunk_schema.validate(chunk, lazy=True)
        except pa.errors.SchemaErrors as exc:
            cases = _normalise_failures(chunk_schema, exc.failure_cases, chunk)
            table_wide = cases["index"].isna()
            keys = [tuple(r) for r in cases.loc[table_wide, ["rule", "check", "column"]].astype(str).values]
            fresh = [key not in whole_table for key in keys]
            whole_table.update(keys)
            found.append(pd.concat([cases[~table_wide], cases[table_wide][fresh]]) if len(keys) else cases)
        for column in unique:
            if column not in chunk.columns or not duplicated[column]:
                continue
            values = chunk[column]
            hit = values[values.isin(list(duplicated[column])).fillna(False).astype(bool)]
            if len(hit):
                found.append(
                    pd.DataFrame(
                        {
                            "rule": f"{column} is unique", "check": "field_uniqueness", "column": column,
                            "index": list(hit.index), "failure_case": list(hit), "error": "field_uniqueness",
                        },
                        columns=FAILURE_COLUMNS,
                    )
                )
        if found:
            cases = pd.concat(found, ignore_index=True)
            failures.append(cases)
            labels = set(cases["index"].dropna())
            if labels:
                failing_rows.append(chunk.loc[chunk.index.isin(list(labels))])
    if not failures:
        return _passed(name, n, data=None, source=None)
    all_failures = pd.concat(failures, ignore_index=True)
    all_failures["index"] = all_failures["index"].astype(object).where(all_failures["index"].notna(), None)
    source = pd.concat(failing_rows) if failing_rows else None
    return ValidationReport(
        table=name, ok=False, summary=_summarise(all_failures), failures=all_failures, data=None, source=source
    )


def _normalise_failures(schema: pa.DataFrameSchema, cases: pd.DataFrame, df: pd.DataFrame) -> pd.DataFrame:
    records: list[dict[str, Any]] = []
    seen_row_rules: set[tuple[str, Any]] = set()
    for case in cases.to_dict("records"):
        context, column, message = case["schema_context"], case["column"], str(case["check"])
        number = case.get("check_number")
        index = case["index"]
        index = None if _isnull(index) else index
        has_number = not _isnull(number)
        if context == "DataFrameSchema" and has_number and int(number) < len(schema.checks):
            check = schema.checks[int(number)]
            key = (check.name, index)
            if key in seen_row_rules:
                continue  # pandera lists every cell of a failing row; keep one line per row
            seen_row_rules.add(key)
            cols = [c for c in check.statistics.get("columns", ()) if c in df.columns]
            values = None
            if index is not None and cols and index in df.index:
                row = df.loc[index]
                if isinstance(row, pd.DataFrame):
                    row = row.iloc[0]
                values = ", ".join(f"{c}={_text(row[c])}" for c in cols)
            records.append(
                dict(rule=check.name, check=check.name, column=", ".join(cols) or None,
                     index=index, failure_case=values, error=message)
            )
        elif context == "DataFrameSchema":
            # whole-table problems: pandera puts the schema name in `column`, the column in failure_case
            target = case["failure_case"]
            records.append(
                dict(rule=_table_label(message, target), check=message, column=target,
                     index=index, failure_case=target, error=message)
            )
        else:
            check = None
            col = schema.columns.get(column)
            if has_number and col is not None and int(number) < len(col.checks):
                check = col.checks[int(number)]
            records.append(
                dict(rule=_column_label(column, check, message), check=check.name if check else _base(message),
                     column=column, index=index, failure_case=case["failure_case"], error=message)
            )
    return pd.DataFrame.from_records(records, columns=FAILURE_COLUMNS)


def _summarise(failures: pd.DataFrame) -> str:
    per_rule: dict[str, set] = {}
    table_rules: list[str] = []
    for rule, index in zip(failures["rule"], failures["index"]):
        if index is None or _isnull(index):
            if rule not in table_rules:
                table_rules.append(rule)
        else:
            per_rule.setdefault(rule, set()).add(index)
    rows = set().union(*per_rule.values()) if per_rule else set()
    ranked = sorted(per_rule.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    parts = [f"{rule} ({_plural(len(ix), 'row')})" for rule, ix in ranked]
    parts += [f"{rule} (whole table)" for rule in table_rules]
    n_rules = len(per_rule) + len(table_rules)
    head = f"{_plural(len(rows), 'row')} {'fails' if len(rows) == 1 else 'fail'}" if rows else "the table fails"
    return f"{head} {_plural(n_rules, 'rule')}: " + ", ".join(parts)


def _column_label(column: str, check: Check | None, message: str) -> str:
    if check is None:
        base = _base(message)
        argument = message[len(base):].strip("()'\"")
        return {
            "not_nullable": f"{column} is not null",
            "field_uniqueness": f"{column} is unique",
            "dtype": f"{column} has dtype {argument}",
            "coerce_dtype": f"{column} coerces to {argument}",
        }.get(base, f"{column} {message}")
    stats = check.statistics or {}
    if check.name not in BUILTIN_CHECKS and check.error:
        return f"{column} {check.error}"  # a named check with its own message
    if check.name in _BOUND_SYMBOLS:
        symbol, key = _BOUND_SYMBOLS[check.name]
        return f"{column} {symbol} {stats.get(key)}"
    if check.name == "in_range":
        return f"{column} in [{stats.get('min_value')}, {stats.get('max_value')}]"
    if check.name == "str_length":
        lo, hi = stats.get("min_value"), stats.get("max_value")
        if hi is None:
            return f"{column} length ≥ {lo}"
        return f"{column} length in [{lo}, {hi}]"
    if check.name == "isin":
        return f"{column} in allowed values"
    if check.name == "str_matches":
        return f"{column} matches {stats.get('pattern')}"
    return f"{column} {check.name}"


def _table_label(message: str, target: Any) -> str:
    return {
        "column_in_schema": f"unexpected column {target}",
        "column_in_dataframe": f"missing column {target}",
        "column_ordered": f"column {target} out of order",
    }.get(message, f"{message} {target}")


def _base(message: str) -> str:
    return message.split("(", 1)[0]


def _isnull(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _text(value: Any) -> str:
    if _isnull(value):
        return "null"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # an integer column read with nulls turns float: show 4, not 4.0
    return str(value)


def _cell(value: Any, width: int | None) -> str:
    text = _text(value).replace("\r", " ").replace("\n", " ")
    if width is not None and len(text) > width:
        text = text[: width - 1] + "…"
    return text.replace("|", "\\|")


def _passed(name: str, n: int, data: pd.DataFrame | None, source: pd.DataFrame | None) -> ValidationReport:
    """The report of a table whose every row passed."""
    return ValidationReport(
        table=name,
        ok=True,
        summary=f"{_plural(n, 'row')} {'passes' if n == 1 else 'pass'} every rule",
        failures=pd.DataFrame({c: pd.Series(dtype=object) for c in FAILURE_COLUMNS}),
        data=data,
        source=source,
    )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
