"""The Dagster entry point: everything defined under pipeline/defs/."""

from pathlib import Path

import dagster as dg


@dg.definitions
def defs() -> dg.Definitions:
    from pipeline.defs.metadata import with_column_schemas

    # Table assets that declare no column schema get one from the data dictionary (pipeline.stage.summary).
    return with_column_schemas(dg.load_from_defs_folder(path_within_project=Path(__file__).parent))


def job(name: str = "extract_job", executor: str | None = None) -> dg.JobDefinition:
    """The job `name` of the definitions, run by the named executor (default: as COUNTERCLAIM_EXECUTOR says).

    A module-level function, so executors that run steps in other processes (multiprocess,
    Dask) can rebuild the job there: see dagster.build_reconstructable_job.
    """
    from pipeline.defs.executors import executor_def

    resolved = defs().resolve_job_def(name)
    if executor is None:
        return resolved
    return resolved.with_executor_def(executor_def(executor, environ={}))
