"""How the assets describe themselves in the Dagster UI: column schemas and materialisation metadata.

The numbers and previews come from pipeline.stage.summary; this module only wraps them in
Dagster's metadata types.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from pathlib import Path

import dagster as dg

from pipeline.stage import summary

COLUMN_SCHEMA = "dagster/column_schema"

# Assets whose output is a table, and the table whose columns they have (see summary.columns).
TABLE_OF_ASSET = {
    "raw_articles": "raw_articles",
    "parsed_articles": "parsed_index",
    "claim_events": "claim_events",
    "articles": "articles",
    "claims": "claims",
    "rejected": "rejected",
}


def column_schema(table: str) -> dg.TableSchema:
    """The table's columns as the UI's Columns tab lists them, with types, descriptions and constraints."""
    return dg.TableSchema(
        columns=[
            dg.TableColumn(
                name=col.name,
                type=col.type,
                description=col.description,
                constraints=dg.TableColumnConstraints(nullable=col.nullable, unique=col.unique),
            )
            for col in summary.columns(table)
        ]
    )


def with_column_schemas(defs: dg.Definitions) -> dg.Definitions:
    """`defs` with a column schema on every table asset that does not declare its own (see TABLE_OF_ASSET)."""

    def add(spec: dg.AssetSpec) -> dg.AssetSpec:
        table = TABLE_OF_ASSET.get(spec.key.to_user_string())
        if table is None or COLUMN_SCHEMA in (spec.metadata or {}):
            return spec
        return spec.merge_attributes(metadata={COLUMN_SCHEMA: column_schema(table)})

    with warnings.catch_warnings():  # map_asset_specs is marked as a preview API; the mapping is plain
        warnings.simplefilter("ignore", dg.PreviewWarning)
        return defs.map_asset_specs(func=add)


def _counts(values: Mapping[str, int]) -> dg.MetadataValue:
    return dg.MetadataValue.json(dict(values))


def table_metadata(report: summary.TableReport) -> dict[str, object]:
    """Materialisation metadata of one table: row count, counts by category, a preview and the Parquet path."""
    metadata: dict[str, object] = {"dagster/row_count": report.rows}
    metadata.update(report.counts)
    metadata.update({key: _counts(values) for key, values in report.breakdowns.items()})
    if report.preview:
        metadata["preview"] = dg.MetadataValue.md(report.preview)
    metadata["path"] = dg.MetadataValue.path(str(report.path))
    return metadata


def dataset_metadata(report: summary.DatasetReport) -> dict[str, object]:
    """Materialisation metadata of the published dataset: kept and quarantined files, claims by action and side, paths."""
    metadata: dict[str, object] = {
        "kept": report.kept,
        "quarantined": report.quarantined,
        "quarantined_by_reason": _counts(report.quarantined_by_reason),
        "claims": report.rows.get("claims", 0),
        "claims_by_action": _counts(report.claims_by_action),
        "claims_by_side": _counts(report.claims_by_side),
    }
    for name, path in report.paths.items():
        metadata[f"{name}_rows"] = report.rows[name]
        metadata[f"{name}_path"] = dg.MetadataValue.path(str(Path(path)))
    return metadata
