"""Ingest asset: article files under the input folder become staged articles or rejections."""

import dagster as dg

from pipeline.stage import steps, summary

from .metadata import column_schema, table_metadata
from .resources import CounterclaimSettings, stops_run


@dg.asset(
    group_name="ingest",
    kinds={"python", "parquet"},
    metadata={"dagster/column_schema": column_schema("raw_articles")},
    description=(
        "Every article file under the input folder, decoded, with its front matter and text; "
        "files that are not usable articles are set aside with a reason."
    ),
)
def raw_articles(settings: CounterclaimSettings) -> dg.MaterializeResult:
    layout = settings.layout
    with stops_run():
        steps.ingest_to_stage(
            layout,
            settings.input_root,
            extensions=settings.extension_list,
            max_bytes=settings.max_bytes,
            batch_size=settings.batch_size,
            processes=settings.processes,
        )
    report = summary.table_report("raw_articles", layout.raw_articles, rejections=[layout.ingest_rejected])
    return dg.MaterializeResult(metadata=table_metadata(report))
