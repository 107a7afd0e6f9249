"""The settings every asset reads (input folder, output folder, limits, batch size), and how a run stops."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Mapping
from pathlib import Path

import dagster as dg
from pydantic import Field

from pipeline.ingest import IngestError
from pipeline.ingest.article import DEFAULT_MAX_BYTES
from pipeline.stage.files import Layout, StageError

# Environment variables that override the defaults when set, e.g. for `dagster dev`.
ENV_VARS = {
    "input_dir": "COUNTERCLAIM_INPUT_DIR",
    "output_dir": "COUNTERCLAIM_OUTPUT_DIR",
    "max_bytes": "COUNTERCLAIM_MAX_BYTES",
    "extensions": "COUNTERCLAIM_EXTENSIONS",
    "batch_size": "COUNTERCLAIM_BATCH_SIZE",
    "processes": "COUNTERCLAIM_PROCESSES",
    "keep_docs": "COUNTERCLAIM_KEEP_DOCS",
}
_INT_FIELDS = {"max_bytes", "batch_size", "processes"}
_BOOL_FIELDS = {"keep_docs"}


class CounterclaimSettings(dg.ConfigurableResource):
    """Where a run reads articles and writes tables; relative paths start at the working directory."""

    input_dir: str = Field(default="raw", description="Folder of article files (.txt, .md) to read.")
    output_dir: str = Field(
        default="data",
        description="Folder for the published tables; work files go to its .counterclaim/ subfolder.",
    )
    max_bytes: int = Field(default=DEFAULT_MAX_BYTES, description="Files larger than this are quarantined.")
    extensions: str = Field(default=".txt,.md", description="Comma-separated file extensions read as articles.")
    batch_size: int = Field(default=64, description="Articles parsed and written per batch.")
    processes: int = Field(
        default=0,
        description=(
            "Processes that parse and extract batches: 0 means one per CPU core, 1 keeps the work in the "
            "step's own process. Runs with few articles to parse always use one."
        ),
    )
    keep_docs: bool = Field(
        default=False,
        description="Also store each parsed batch's spaCy Docs as a DocBin file under .counterclaim/stage/parsed/.",
    )

    @property
    def input_root(self) -> Path:
        return Path(self.input_dir)

    @property
    def layout(self) -> Layout:
        return Layout(Path(self.output_dir))

    @property
    def extension_list(self) -> tuple[str, ...]:
        return tuple(ext.strip() for ext in self.extensions.split(",") if ext.strip())


def settings_from_env(environ: Mapping[str, str] = os.environ) -> CounterclaimSettings:
    """Settings bound to the COUNTERCLAIM_* variables that are set, with defaults for the rest."""
    bound: dict[str, object] = {
        field: dg.EnvVar.int(var) if field in _INT_FIELDS else dg.EnvVar(var)
        for field, var in ENV_VARS.items()
        if var in environ and field not in _BOOL_FIELDS
    }
    for field in _BOOL_FIELDS:  # read when the definitions load: Dagster has no boolean EnvVar
        if ENV_VARS[field] in environ:
            bound[field] = environ[ENV_VARS[field]].strip().lower() in ("1", "true", "yes", "on")
    return CounterclaimSettings(**bound)


@contextlib.contextmanager
def stops_run() -> Iterator[None]:
    """Turn the errors that mean "this run cannot go on" into a Dagster Failure with a plain message."""
    try:
        yield
    except (IngestError, StageError) as exc:
        raise dg.Failure(description=str(exc), allow_retries=False) from None


@dg.definitions
def resources() -> dg.Definitions:
    return dg.Definitions(resources={"settings": settings_from_env()})
