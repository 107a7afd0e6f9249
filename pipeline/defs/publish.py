"""Publish assets: the typed tables are staged for the checks, then the checked tables are published."""

import dagster as dg

from pipeline.stage import steps
from pipeline.stage.steps import TableSummary
from schemas import dictionary

from .resources import CounterclaimSettings, stops_run


def _column_schema(name: str) -> dg.TableSchema:
    """The table's columns as Dagster shows them, read from the Pandera model."""
    return dg.TableSchema(
        columns=[
            dg.TableColumn(
                name=col.name,
                type=col.type,
                description=col.description,
                constraints=dg.TableColumnConstraints(nullable=col.nullable, unique=col.unique),
            )
            for col in dictionary.columns(name)
        ]
    )


def _staged(summary: TableSummary) -> dg.MaterializeResult:
    return dg.MaterializeResult(
        metadata={"dagster/row_count": summary.rows, "path": dg.MetadataValue.path(str(summary.path))}
    )


@dg.asset(
    group_name="publish",
    kinds={"pandas", "parquet"},
    deps=["raw_articles", "claim_events"],
    metadata={"dagster/column_schema": _column_schema("articles")},
    description="The articles table, staged for checking: one row per file that became an article.",
)
def articles(settings: CounterclaimSettings) -> dg.MaterializeResult:
    with stops_run():
        return _staged(steps.build_articles(settings.layout, batch_size=settings.batch_size))


@dg.asset(
    group_name="publish",
    kinds={"pandas", "parquet"},
    deps=["claim_events"],
    metadata={"dagster/column_schema": _column_schema("claims")},
    description="The claims table, staged for checking: one row per claim, in canonical order.",
)
def claims(settings: CounterclaimSettings) -> dg.MaterializeResult:
    with stops_run():
        return _staged(steps.build_claims(settings.layout))


@dg.asset(
    group_name="publish",
    kinds={"pandas", "parquet"},
    deps=["raw_articles", "parsed_articles", "claim_events"],
    metadata={"dagster/column_schema": _column_schema("rejected")},
    description="The rejected table, staged for checking: files set aside at ingest or whose extraction failed.",
)
def rejected(settings: CounterclaimSettings) -> dg.MaterializeResult:
    with stops_run():
        return _staged(steps.build_rejected(settings.layout, batch_size=settings.batch_size))


@dg.asset(
    group_name="publish",
    kinds={"parquet"},
    deps=["articles", "claims", "rejected"],
    description=(
        "The published dataset: the checked tables copied to the output folder, each replaced "
        "atomically. Blocking checks keep it from running when a table fails its schema."
    ),
)
def dataset(settings: CounterclaimSettings) -> dg.MaterializeResult:
    with stops_run():
        summary = steps.publish_tables(settings.layout)
    metadata: dict[str, object] = {
        "kept": summary.kept,
        "quarantined": sum(summary.quarantined.values()),
        "quarantined_by_reason": dg.MetadataValue.json(summary.quarantined),
    }
    for name, table in summary.tables.items():
        metadata[f"{name}_rows"] = table.rows
        metadata[f"{name}_path"] = dg.MetadataValue.path(str(table.path))
    return dg.MaterializeResult(metadata=metadata)
