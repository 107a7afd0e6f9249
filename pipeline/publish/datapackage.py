"""The release's datapackage.json: a Frictionless Data Package whose table schemas come from the Pandera models.

The CSV files are the tabular resources (schema, primary and foreign keys), because the
Frictionless tools read CSV everywhere; the Parquet files hold the same rows and columns
and are listed as file resources, so their size and hash are verified too.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from schemas import dictionary
from schemas.dictionary import ColumnInfo

from .checksums import sha256_file

NAME = "counterclaim"
TITLE = "Counterclaim: attributed claims about missiles, drones and captures in the Russia-Ukraine war"
LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 International",
}
AUTHOR = "Counterclaim contributors"
KEYWORDS = ["Russia-Ukraine war", "claims", "missiles", "drones", "air defence", "open data"]

PRIMARY_KEYS = {"articles": ["article_id"], "claims": ["claim_id"]}
FOREIGN_KEYS = {
    "claims": [{"fields": ["article_id"], "reference": {"resource": "articles", "fields": ["article_id"]}}],
}
MEDIATYPES = {"csv": "text/csv", "parquet": "application/vnd.apache.parquet"}


def field(column: ColumnInfo) -> dict[str, Any]:
    """A Table Schema field for one column: type, description and the constraints it can express."""
    constraints: dict[str, Any] = {}
    if not column.nullable:
        constraints["required"] = True
    if column.unique:
        constraints["unique"] = True
    if column.allowed_values is not None:
        constraints["enum"] = list(column.allowed_values)
    if column.minimum is not None:
        constraints["minimum"] = _bound(column, column.minimum, column.exclusive_minimum, +1)
    if column.maximum is not None:
        constraints["maximum"] = _bound(column, column.maximum, column.exclusive_maximum, -1)
    if column.min_length is not None:
        constraints["minLength"] = column.min_length
    if column.max_length is not None:
        constraints["maxLength"] = column.max_length
    if column.pattern is not None:
        constraints["pattern"] = column.pattern
    described = {"name": column.name, "type": column.type, "description": column.description}
    return {**described, "constraints": constraints} if constraints else described


def _bound(column: ColumnInfo, value: Any, exclusive: bool, step: int) -> Any:
    """Table Schema bounds are inclusive: an exclusive integer bound moves by one, others stay (a looser, true bound)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if exclusive and column.type == "integer" and isinstance(value, int):
        return value + step
    return value


def table_schema(name: str) -> dict[str, Any]:
    """The Table Schema of table `name`, read from its Pandera model through schemas.dictionary."""
    schema: dict[str, Any] = {
        "fields": [field(col) for col in dictionary.columns(name)],
        "missingValues": [""],
    }
    if name in PRIMARY_KEYS:
        schema["primaryKey"] = PRIMARY_KEYS[name]
    if name in FOREIGN_KEYS:
        schema["foreignKeys"] = FOREIGN_KEYS[name]
    return schema


def _file_facts(folder: Path, path: str) -> dict[str, Any]:
    file = folder / path
    return {"bytes": file.stat().st_size, "hash": f"sha256:{sha256_file(file)}"}


def csv_resource(folder: Path, name: str, path: str, rows: int) -> dict[str, Any]:
    """The tabular resource of table `name`: its CSV file, dialect and schema."""
    info = dictionary.table(name)
    return {
        "name": name,
        "type": "table",
        "path": path,
        "format": "csv",
        "mediatype": MEDIATYPES["csv"],
        "encoding": "utf-8",
        **_file_facts(folder, path),
        "title": info.title,
        "description": f"{info.description} {rows} rows.",
        "dialect": {"delimiter": ",", "quoteChar": '"', "doubleQuote": True, "header": True},
        "schema": table_schema(name),
    }


def parquet_resource(folder: Path, name: str, path: str, twin: str) -> dict[str, Any]:
    """The Parquet file of table `name`, a file resource whose columns are described by its CSV twin."""
    return {
        "name": f"{name}-parquet",
        "type": "file",
        "path": path,
        "format": "parquet",
        "mediatype": MEDIATYPES["parquet"],
        **_file_facts(folder, path),
        "title": f"{dictionary.table(name).title} (Parquet)",
        "description": (
            f"The {name} table as Parquet, with typed columns (integers, dates, booleans): the same rows "
            f"and columns as {twin}, whose table schema describes them."
        ),
    }


def sources(publishers: Mapping[str | None, int]) -> list[dict[str, str]]:
    """One source per publisher named in the articles' front matter, with its article count."""
    listed = []
    for publisher, n in sorted(publishers.items(), key=lambda kv: (kv[0] is None, kv[0] or "")):
        title = publisher or "Articles without a named publisher"
        listed.append({"title": f"{title} ({n} article{'' if n == 1 else 's'})"})
    return listed


def descriptor(
    *,
    version: str,
    created: dt.datetime,
    description: str,
    resources: Iterable[dict[str, Any]],
    publishers: Mapping[str | None, int],
) -> dict[str, Any]:
    """The whole datapackage.json descriptor."""
    return {
        "name": NAME,
        "title": TITLE,
        "description": description,
        "version": version,
        "created": created.astimezone(dt.timezone.utc).isoformat().replace("+00:00", "Z"),
        "licenses": [LICENSE],
        "contributors": [{"title": AUTHOR, "role": "author"}],
        "keywords": KEYWORDS,
        "sources": sources(publishers),
        "resources": list(resources),
    }


def to_json(value: Any, indent: int = 0) -> str:
    """JSON text with two-space indentation, but lists of plain values (enums, keys) kept on one line."""
    pad, inner = "  " * indent, "  " * (indent + 1)
    if isinstance(value, dict) and value:
        items = [f"{inner}{json.dumps(k, ensure_ascii=False)}: {to_json(v, indent + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + f"\n{pad}}}"
    if isinstance(value, list) and any(isinstance(v, dict | list) for v in value):
        return "[\n" + ",\n".join(f"{inner}{to_json(v, indent + 1)}" for v in value) + f"\n{pad}]"
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(", ", ": "))
