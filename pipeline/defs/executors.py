"""Which Dagster executor runs the jobs: in-process (the default), multiprocess or Dask.

Set COUNTERCLAIM_EXECUTOR to `in_process`, `multiprocess` or `dask` before `dagster dev` or
`dagster job execute`; with `dask`, COUNTERCLAIM_DASK_ADDRESS (e.g. tcp://scheduler:8786)
points the executor at a running Dask scheduler, else the run config's `execution` section
must say which cluster to use (see dask_run_config). The `counterclaim` CLI runs in-process
unless given --executor.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

import dagster as dg

EXECUTOR_ENV = "COUNTERCLAIM_EXECUTOR"
DASK_ADDRESS_ENV = "COUNTERCLAIM_DASK_ADDRESS"
EXECUTORS = ("in_process", "multiprocess", "dask")


def executor_name(name: str | None = None, environ: Mapping[str, str] = os.environ) -> str:
    """The executor's name: `name`, else COUNTERCLAIM_EXECUTOR, else in_process; ValueError when unknown."""
    chosen = (name or environ.get(EXECUTOR_ENV) or "in_process").strip().lower().replace("-", "_")
    if chosen not in EXECUTORS:
        raise ValueError(f"unknown executor {chosen!r}; choose one of {', '.join(EXECUTORS)}")
    return chosen


def executor_def(name: str | None = None, environ: Mapping[str, str] = os.environ) -> dg.ExecutorDefinition:
    """The executor definition for `name` (see executor_name)."""
    chosen = executor_name(name, environ)
    if chosen == "in_process":
        return dg.in_process_executor
    if chosen == "multiprocess":
        return dg.multiprocess_executor
    from dagster_dask import dask_executor  # imported only when asked for: it loads dask.distributed

    if environ.get(DASK_ADDRESS_ENV):
        return dask_executor.configured(
            {"cluster": {"existing": {"address": {"env": DASK_ADDRESS_ENV}}}}, name="dask"
        )
    return dask_executor


def dask_run_config(address: str | None) -> dict[str, object]:
    """The run config's `execution` section for the Dask executor: a scheduler's address, or a local cluster."""
    cluster: dict[str, object] = {"existing": {"address": address}} if address else {"local": {}}
    return {"config": {"cluster": cluster}}


@dg.definitions
def executor() -> dg.Definitions:
    return dg.Definitions(executor=executor_def())
