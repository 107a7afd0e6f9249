"""Release asset: the published tables become an immutable, documented, checksummed folder releases/VERSION/."""

import dagster as dg
from pydantic import Field

from pipeline.publish.checksums import sha256_file
from pipeline.publish.release import ReleaseError, build_release
from pipeline.stage.files import count_rows

from .resources import CounterclaimSettings


class ReleaseConfig(dg.Config):
    """Which release to build and from what; the tables are read from the settings' output folder."""

    version: str = Field(description="Semantic version of the release, e.g. 1.2.0 or 0.1.0-rc.1.")
    releases_dir: str = Field(default="releases", description="Folder holding one sub-folder per release.")
    include_samples: bool = Field(
        default=False, description="Release the invented sample articles too (a test release, marked as such)."
    )
    accuracy_file: str | None = Field(
        default=None, description="JSON output of the evaluation (--json) whose figures go into the data card."
    )


@dg.asset(
    group_name="release",
    kinds={"python"},
    deps=["dataset"],
    description=(
        "A dataset release: the published articles and claims as Parquet and CSV with a Frictionless "
        "datapackage, a data card, a citation file, a changelog, a chart and SHA256SUMS, written once to "
        "releases/VERSION/ and never changed."
    ),
)
def release(config: ReleaseConfig, settings: CounterclaimSettings) -> dg.MaterializeResult:
    try:
        path = build_release(
            settings.output_dir,
            config.releases_dir,
            config.version,
            include_samples=config.include_samples,
            accuracy=config.accuracy_file,
        )
    except ReleaseError as exc:
        raise dg.Failure(description=str(exc), allow_retries=False) from None
    return dg.MaterializeResult(
        metadata={
            "version": config.version,
            "path": dg.MetadataValue.path(str(path)),
            "claims": count_rows(path / "claims.parquet"),
            "articles": count_rows(path / "articles.parquet"),
            "claims_sha256": sha256_file(path / "claims.parquet"),
            "include_samples": config.include_samples,
        }
    )
