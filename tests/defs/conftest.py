"""Run the extract job from the project's Definitions in-process, as the CLI does."""

from collections.abc import Callable
from pathlib import Path

import dagster as dg
import pytest

from pipeline.cli import run_config
from pipeline.definitions import defs


@pytest.fixture(scope="session")
def run_job() -> Callable[..., dg.ExecuteInProcessResult]:
    """A function materialising every asset for an input folder; failures are returned, not raised."""
    job = defs().resolve_job_def("extract_job")

    def run(input_dir: Path, output_dir: Path, batch_size: int = 1) -> dg.ExecuteInProcessResult:
        settings = {"input_dir": str(input_dir), "output_dir": str(output_dir), "batch_size": batch_size}
        with dg.DagsterInstance.ephemeral() as instance:
            return job.execute_in_process(run_config=run_config(settings), instance=instance, raise_on_error=False)

    return run
