"""The jobs: extract_job builds and publishes the tables; release_job turns the published tables into a release."""

import dagster as dg

extract_job = dg.define_asset_job(
    "extract_job",
    selection=dg.AssetSelection.all() - dg.AssetSelection.groups("release"),
    description="Ingest, parse and extract every article under the input folder, check the tables and publish them.",
)

release_job = dg.define_asset_job(
    "release_job",
    selection=dg.AssetSelection.assets("release"),
    description=(
        "Build releases/VERSION/ from the tables already published in the output folder (extraction is not re-run); "
        "set the version in the release asset's config."
    ),
)
