"""Worker processes for a step's per-batch work: results in input order, few batches in flight.

Workers are started with the "forkserver" method where the platform has it (else "spawn"),
never by forking the step's own process, which may hold threads and open files. Each worker
builds what it needs once (`initializer`), then handles batch after batch. At most
`2 × processes` batches are queued, so memory stays flat however long the input is.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from .files import StageError

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")


def usable_cpus() -> int:
    """CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def resolve_processes(requested: int) -> int:
    """The number of worker processes for a setting: 0 means one per usable CPU."""
    return max(1, requested if requested > 0 else usable_cpus())


def can_start_processes() -> bool:
    """False inside a daemonic process (e.g. a Dask worker with its default settings), which may not have children."""
    return not multiprocessing.current_process().daemon


def _context(preload: str) -> multiprocessing.context.BaseContext:
    """The forkserver context, whose server imports `preload` once for every worker it forks; else spawn."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["__main__", preload])  # used when this process starts its server
    return context


def map_ordered(
    fn: Callable[[T], R],
    items: Iterable[T],
    *,
    processes: int,
    initializer: Callable[[], None] | None = None,
) -> Iterator[R]:
    """`fn(item)` for each item, in order: in worker processes when `processes` > 1, else in this process.

    `fn` and `initializer` must be importable module-level functions. When the platform
    cannot start worker processes the items are handled here, with a warning. A worker that
    dies (killed, out of memory) stops the step with a StageError.
    """
    pool = None
    if processes > 1:
        try:
            pool = ProcessPoolExecutor(max_workers=processes, mp_context=_context(fn.__module__), initializer=initializer)
        except (OSError, NotImplementedError, ImportError) as exc:  # e.g. no shared memory for the queues' locks
            log.warning("cannot start worker processes (%s); working in this process", exc)
    if pool is None:
        for number, item in enumerate(items):
            if number == 0 and initializer is not None:
                initializer()  # only when there is work: building may be slow
            yield fn(item)
        return
    pending: deque[Future[R]] = deque()
    try:
        for item in items:
            pending.append(pool.submit(fn, item))
            if len(pending) >= 2 * processes:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    except BrokenProcessPool as exc:
        raise StageError(f"a worker process stopped unexpectedly ({exc}); run again with fewer processes") from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
