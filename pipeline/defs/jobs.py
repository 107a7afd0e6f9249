"""The job that runs the whole graph: articles in, checked tables out."""

import dagster as dg

extract_job = dg.define_asset_job(
    "extract_job",
    selection=dg.AssetSelection.all(),
    description="Ingest, parse and extract every article under the input folder, check the tables and publish them.",
)
