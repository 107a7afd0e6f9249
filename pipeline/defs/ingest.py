"""Ingest asset: article files under the input folder become staged articles or rejections."""

import dagster as dg

from pipeline.stage import steps

from .resources import CounterclaimSettings, stops_run


@dg.asset(
    group_name="ingest",
    kinds={"python"},
    description=(
        "Every article file under the input folder, decoded, with its front matter and text; "
        "files that are not usable articles are set aside with a reason."
    ),
)
def raw_articles(settings: CounterclaimSettings) -> dg.MaterializeResult:
    with stops_run():
        summary = steps.ingest_to_stage(
            settings.layout,
            settings.input_root,
            extensions=settings.extension_list,
            max_bytes=settings.max_bytes,
            batch_size=settings.batch_size,
        )
    return dg.MaterializeResult(
        metadata={
            "kept": summary.kept,
            "quarantined": sum(summary.quarantined.values()),
            "quarantined_by_reason": dg.MetadataValue.json(summary.quarantined),
            "path": dg.MetadataValue.path(str(settings.layout.raw_articles)),
        }
    )
