"""The `counterclaim` command line: runs the pipeline's Dagster job in-process on a folder of articles."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
import tempfile
import warnings
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from pipeline.ingest.article import DEFAULT_MAX_BYTES

DEFAULT_EXTENSIONS = ".txt,.md"
DEFAULT_BATCH_SIZE = 64
JOB = "extract_job"
RELEASE_JOB = "release_job"


class RunFailed(Exception):
    """The run could not go on; the message is one line for the user."""


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
    return value


def _non_negative_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more: {text!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="counterclaim",
        description="Turn news articles into an open dataset of attributed war claims.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    extract = commands.add_parser(
        "extract",
        help="extract the articles, claims and rejected tables from a folder of articles",
        description=(
            "Materialise the pipeline's assets for INPUT_DIR and write articles.parquet, claims.parquet "
            "and rejected.parquet to the output folder (work files go to its .counterclaim/ subfolder)."
        ),
    )
    extract.add_argument("input_dir", metavar="INPUT_DIR", help="folder of article files")
    extract.add_argument("--out", dest="output_dir", metavar="OUT_DIR", default="data", help="output folder (default: data)")
    extract.add_argument(
        "--max-bytes", type=_positive_int, default=DEFAULT_MAX_BYTES,
        help=f"quarantine files larger than this (default: {DEFAULT_MAX_BYTES})",
    )
    extract.add_argument(
        "--extensions", default=DEFAULT_EXTENSIONS,
        help=f"comma-separated extensions read as articles (default: {DEFAULT_EXTENSIONS})",
    )
    extract.add_argument(
        "--batch-size", type=_positive_int, default=DEFAULT_BATCH_SIZE,
        help=f"articles parsed and written per batch (default: {DEFAULT_BATCH_SIZE})",
    )
    extract.add_argument(
        "--processes", type=_non_negative_int, default=0,
        help="processes that parse and extract (default: 0, one per CPU core; 1: no worker processes)",
    )
    extract.add_argument(
        "--keep-docs", action="store_true",
        help="also store the parsed spaCy Docs as DocBin files under OUT_DIR/.counterclaim/stage/parsed/",
    )
    extract.add_argument(
        "--executor", choices=("in_process", "multiprocess", "dask"), default=None,
        help="Dagster executor that runs the steps (default: in_process; dask when --dask-address is given)",
    )
    extract.add_argument(
        "--dask-address", metavar="ADDRESS",
        help="run the steps on the Dask cluster whose scheduler is at ADDRESS (e.g. tcp://scheduler:8786)",
    )
    extract.add_argument("-v", "--verbose", action="store_true", help="show Dagster's event log")
    extract.set_defaults(handler=extract_command)
    release = commands.add_parser(
        "release",
        help="build releases/VERSION/ from the published tables",
        description=(
            "Build an immutable dataset release from the tables in the data folder: Parquet and CSV, "
            "datapackage.json, a data card (README.md), CITATION.cff, CHANGELOG.md, a chart and SHA256SUMS. "
            "An existing version is never overwritten."
        ),
    )
    release.add_argument("version", metavar="VERSION", help="semantic version, e.g. 1.2.0 or 0.1.0-rc.1")
    release.add_argument(
        "--data", dest="data_dir", metavar="DATA_DIR", default="data", help="folder of the published tables (default: data)"
    )
    release.add_argument(
        "--out", dest="releases_dir", metavar="RELEASES_DIR", default="releases", help="folder of releases (default: releases)"
    )
    release.add_argument(
        "--include-samples", action="store_true",
        help="also release the invented sample articles (a test release, marked as such)",
    )
    release.add_argument(
        "--accuracy", dest="accuracy_file", metavar="FILE", help="the evaluation's --json output, for the data card"
    )
    release.add_argument("-v", "--verbose", action="store_true", help="show Dagster's event log")
    release.set_defaults(handler=release_command)
    score = commands.add_parser(
        "score",
        help="compare extracted claims with gold claims coded by the annotation guide",
        description=(
            "Score the claims in PRED against the gold claims in GOLD at four levels (core, located, attributed, "
            "full): precision, recall and F1, matching claims article by article."
        ),
    )
    score.add_argument(
        "--gold", required=True, metavar="GOLD",
        help="gold claims (.jsonl), or a corpus folder holding gold.jsonl beside articles/",
    )
    score.add_argument(
        "--pred", required=True, metavar="PRED",
        help="extracted claims: an output folder holding claims.parquet, or a .parquet/.jsonl/.csv file",
    )
    score.add_argument(
        "--errors", nargs="?", const="full", choices=("core", "located", "attributed", "full"), metavar="LEVEL",
        help="also list the missing and spurious claims at LEVEL (default: full)",
    )
    score.add_argument("--json", action="store_true", help="print the figures as JSON (the release's --accuracy file)")
    score.set_defaults(handler=score_command)
    return parser


def run_config(settings: Mapping[str, Any], *, verbose: bool = False) -> dict[str, Any]:
    """Run config for the extract job: the settings resource, and how much Dagster logs."""
    return {
        "resources": {"settings": {"config": dict(settings)}},
        "loggers": {"console": {"config": {"log_level": "DEBUG" if verbose else "CRITICAL"}}},
    }


def run_extract(
    settings: Mapping[str, Any],
    *,
    verbose: bool = False,
    executor: str = "in_process",
    dask_address: str | None = None,
) -> dict[str, Any]:
    """Execute the extract job; the `dataset` asset's metadata, or RunFailed saying why not.

    `executor` is in_process (the default: this process, an ephemeral instance), multiprocess
    or dask (each step in another process; `dask_address` is a scheduler to use, else a local
    cluster is started). Those need a persistent Dagster instance: DAGSTER_HOME's when it is
    set, else a temporary one; their folders are made absolute for the other processes.
    """
    import dagster as dg

    if executor == "in_process":
        from pipeline.definitions import defs

        job = defs().resolve_job_def(JOB)
        with dg.DagsterInstance.ephemeral() as instance:
            result = job.execute_in_process(
                run_config=run_config(settings, verbose=verbose), instance=instance, raise_on_error=False
            )
            return _dataset_metadata(result)

    from pipeline.defs.executors import dask_run_config, executor_name

    executor = executor_name(executor)
    absolute = {**settings, **{k: str(Path(settings[k]).absolute()) for k in ("input_dir", "output_dir") if k in settings}}
    config = run_config(absolute, verbose=verbose)
    if executor == "dask":
        config["execution"] = dask_run_config(dask_address)
        if not verbose:  # Dask cannot size Dagster's objects and says so for every step
            logging.getLogger("distributed.sizeof").setLevel(logging.ERROR)
    recon = dg.build_reconstructable_job(
        "pipeline.definitions", "job", reconstructable_kwargs={"name": JOB, "executor": executor}
    )
    with _persistent_instance() as instance:
        with dg.execute_job(recon, instance=instance, run_config=config, raise_on_error=False) as result:
            return _dataset_metadata(result)


@contextlib.contextmanager
def _persistent_instance() -> Iterator[Any]:
    """DAGSTER_HOME's instance when it is set, else one in a temporary folder removed afterwards."""
    import dagster as dg

    if os.environ.get("DAGSTER_HOME"):
        with dg.DagsterInstance.get() as instance:
            yield instance
        return
    with tempfile.TemporaryDirectory(prefix="counterclaim-dagster-") as home:
        with dg.DagsterInstance.local_temp(tempdir=home, overrides={"telemetry": {"enabled": False}}) as instance:
            yield instance


def _dataset_metadata(result: Any) -> dict[str, Any]:
    if not result.success:
        raise RunFailed(failure_message(result))
    (materialization,) = result.asset_materializations_for_node("dataset")
    return {key: value.value for key, value in materialization.metadata.items()}


def run_release(data_dir: str, release: Mapping[str, Any], *, verbose: bool = False) -> dict[str, Any]:
    """Execute the release job in-process on the tables in `data_dir`; the `release` asset's metadata, or RunFailed."""
    import dagster as dg

    from pipeline.definitions import defs

    job = defs().resolve_job_def(RELEASE_JOB)
    config = run_config({"output_dir": data_dir}, verbose=verbose)
    config["ops"] = {"release": {"config": dict(release)}}
    with dg.DagsterInstance.ephemeral() as instance:
        result = job.execute_in_process(run_config=config, instance=instance, raise_on_error=False)
        if not result.success:
            raise RunFailed(failure_message(result))
        (materialization,) = result.asset_materializations_for_node("release")
        return {key: value.value for key, value in materialization.metadata.items()}


def failure_message(result: Any) -> str:
    """One line saying why a run failed: a failed check first, else the first failed step."""
    for evaluation in result.get_asset_check_evaluations():
        if not evaluation.passed:
            summary = evaluation.metadata.get("summary")
            detail = summary.value if summary is not None else "see the check's metadata"
            return f"check {evaluation.check_name} failed: {detail}; nothing was published"
    for event in result.all_events:
        if event.is_step_failure:
            data = event.step_failure_data
            if data.user_failure_data is not None and data.user_failure_data.description:
                return data.user_failure_data.description
            error = data.error
            lines = (error.message if error else "unknown error").strip().splitlines()
            text = lines[0] if lines else "unknown error"
            return f"step {event.step_key} failed: {text} (run with --verbose for details)"
    return "the run failed (run with --verbose for details)"


def summary_line(kept: int, quarantined: Mapping[str, int]) -> str:
    """'N kept, M quarantined (binary 1, duplicate 2)', or '… 0 quarantined'."""
    total = sum(quarantined.values())
    reasons = ", ".join(f"{reason} {n}" for reason, n in quarantined.items())
    return f"{kept} kept, {total} quarantined" + (f" ({reasons})" if total else "")


@contextlib.contextmanager
def _warnings_shown(verbose: bool):
    """Library warnings reach the terminal only with --verbose."""
    with warnings.catch_warnings():
        if not verbose:
            warnings.simplefilter("ignore")
        yield


def extract_command(args: argparse.Namespace) -> int:
    if args.dask_address and args.executor not in (None, "dask"):
        raise RunFailed(f"--dask-address needs the dask executor, not {args.executor}")
    settings = {
        "input_dir": args.input_dir,
        "output_dir": args.output_dir,
        "max_bytes": args.max_bytes,
        "extensions": args.extensions,
        "batch_size": args.batch_size,
        "processes": args.processes,
        "keep_docs": args.keep_docs,
    }
    with _warnings_shown(args.verbose):
        executor = args.executor or ("dask" if args.dask_address else "in_process")
        metadata = run_extract(settings, verbose=args.verbose, executor=executor, dask_address=args.dask_address)
    print(summary_line(metadata["kept"], metadata["quarantined_by_reason"]))
    return 0


def release_command(args: argparse.Namespace) -> int:
    release = {
        "version": args.version,
        "releases_dir": args.releases_dir,
        "include_samples": args.include_samples,
        "accuracy_file": args.accuracy_file,
    }
    with _warnings_shown(args.verbose):
        metadata = run_release(args.data_dir, release, verbose=args.verbose)
    print(f"released {args.version} to {metadata['path']} ({metadata['claims']} claims, {metadata['articles']} articles)")
    return 0


def score_command(args: argparse.Namespace) -> int:
    import json

    from pipeline import evaluate

    try:
        gold, articles = evaluate.load_gold(args.gold)
        result = evaluate.score(gold, evaluate.load_pred(args.pred), articles)
    except evaluate.EvaluationError as exc:
        raise RunFailed(str(exc)) from None
    if args.json:
        errors = {args.errors: result["errors"][args.errors]} if args.errors else None
        print(json.dumps({**result, "errors": errors} if errors else _without(result, "errors"), indent=2, default=str))
    else:
        print(evaluate.report(result, errors=args.errors))
    return 0


def _without(mapping: Mapping[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in mapping.items() if k != key}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except RunFailed as exc:
        print(f"{parser.prog}: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{parser.prog}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
