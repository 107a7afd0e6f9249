"""Publish assets: the typed tables are staged for the checks, then the checked tables are published."""

import dagster as dg

from pipeline.stage import steps, summary
from pipeline.stage.steps import TableSummary

from .metadata import column_schema, dataset_metadata, table_metadata
from .resources import CounterclaimSettings, stops_run


def _staged(table: TableSummary) -> dg.MaterializeResult:
    return dg.MaterializeResult(metadata=table_metadata(summary.table_report(table.name, table.path)))


@dg.asset(
    group_name="publish",
    kinds={"pandas", "parquet"},
    deps=["raw_articles", "claim_events"],
    metadata={"dagster/column_schema": column_schema("articles")},
    description="The articles table, staged for checking: one row per file that became an article.",
)
def articles(settings: CounterclaimSettings) -> dg.MaterializeResult:
    with stops_run():
        return _staged(steps.build_articles(settings.layout, batch_size=settings.batch_size))


@dg.asset(
    group_name="publish",
    kinds={"pandas", "parquet"},
    deps=["claim_events"],
    metadata={"dagster/column_schema": column_schema("claims")},
    description="The claims table, staged for checking: one row per claim, in canonical order.",
)
def claims(settings: CounterclaimSettings) -> dg.MaterializeResult:
    with stops_run():
        return _staged(steps.build_claims(settings.layout))


@dg.asset(
    group_name="publish",
    kinds={"pandas", "parquet"},
    deps=["raw_articles", "parsed_articles", "claim_events"],
    metadata={"dagster/column_schema": column_schema("rejected")},
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
        published = steps.publish_tables(settings.layout)
    report = summary.dataset_report({name: table.path for name, table in published.tables.items()})
    return dg.MaterializeResult(metadata=dataset_metadata(report))
