"""Build a dataset release: releases/VERSION/ with the tables, datapackage, data card, citation, changelog, chart, checksums.

A release is built in a temporary folder beside its target and renamed into place at the
end, so a release folder is either complete or absent; an existing version is never touched.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import secrets
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.stage.checks import check_frame
from schemas import TABLES

from . import datapackage
from .changelog import CHANGELOG_FILE, changelog
from .chart import CHART_FILE, claims_per_week_png
from .checksums import SUMS_FILE, sums_text
from .citation import CITATION_FILE, citation_cff
from .csvtable import csv_bytes
from .datacard import DATACARD_FILE, CardFacts, datacard, description, sample_counts
from .parquet import read_parquet, write_parquet_atomic
from .versions import Version, parse_version, previous_version

RELEASED_TABLES = ("articles", "claims")  # the rejected table stays in the data folder
DATAPACKAGE_FILE = "datapackage.json"


class ReleaseError(Exception):
    """A release was refused; the message is one line for the user and nothing was written."""


def check_version(text: str) -> Version:
    """The parsed version, or ReleaseError when `text` is not a semantic version."""
    try:
        return parse_version(text)
    except ValueError as exc:
        raise ReleaseError(str(exc)) from None


def _refuse_existing(target: Path) -> None:
    if target.exists() or target.is_symlink():
        raise ReleaseError(
            f"release {target.name} already exists at {target}; a published release never changes, "
            "so release a new version instead"
        )


def load_checked_tables(data_dir: Path) -> dict[str, pd.DataFrame]:
    """Every published table of `data_dir`, each passing its schema and cross-table checks, or ReleaseError."""
    if not data_dir.is_dir():
        raise ReleaseError(f"data folder {data_dir} does not exist: run `counterclaim extract` (or `make run`) first")
    missing = [f"{name}.parquet" for name in TABLES if not (data_dir / f"{name}.parquet").is_file()]
    if missing:
        raise ReleaseError(
            f"data folder {data_dir} has no {', '.join(missing)}: run `counterclaim extract` (or `make run`) first"
        )
    tables = {}
    for name in TABLES:
        path = data_dir / f"{name}.parquet"
        try:
            tables[name] = read_parquet(path)
        except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise ReleaseError(f"cannot read {path}: {reason}") from None
    for name, df in tables.items():
        result = check_frame(name, df, tables.__getitem__)
        if not result.ok:
            raise ReleaseError(f"{data_dir / f'{name}.parquet'} fails its checks: {result.summary}; nothing was released")
    return tables


def load_accuracy(source: str | os.PathLike[str] | Mapping[str, Any]) -> dict[str, Any]:
    """The evaluation's figures: a mapping as given, or read from the JSON file the evaluation wrote with --json."""
    if isinstance(source, Mapping):
        figures: Any = dict(source)
        where = "accuracy figures"
    else:
        path = Path(source)
        where = f"accuracy file {path}"
        try:
            figures = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ReleaseError(f"{where} does not exist") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ReleaseError(f"cannot read {where}: {getattr(exc, 'strerror', None) or exc}") from None
        except json.JSONDecodeError as exc:
            raise ReleaseError(f"{where} is not JSON: {exc}") from None
    levels = figures.get("levels") if isinstance(figures, dict) else None
    if not isinstance(levels, dict) or not levels or not all(
        isinstance(m, dict) and all(isinstance(m.get(k), int | float) for k in ("precision", "recall", "f1"))
        for m in levels.values()
    ):
        raise ReleaseError(
            f"{where} is not the evaluation's --json output: expected \"levels\" with precision, recall and f1"
        )
    return {key: figures[key] for key in ("articles", "gold", "pred", "levels", "slots") if key in figures}


def select_released(
    tables: Mapping[str, pd.DataFrame], include_samples: bool
) -> tuple[pd.DataFrame, pd.DataFrame, tuple[int, int]]:
    """The articles and claims to release, and how many sample (articles, claims) were left out."""
    articles, claims = tables["articles"], tables["claims"]
    left_out = (0, 0) if include_samples else sample_counts(articles, claims)
    if not include_samples:
        samples = set(articles.loc[articles["is_sample"].astype(bool), "article_id"])
        articles = articles[~articles["article_id"].isin(samples)]
        claims = claims[~claims["article_id"].isin(samples)]
    return articles.reset_index(drop=True), claims.reset_index(drop=True), left_out


def _previous(releases_dir: Path, version: Version) -> tuple[str, pd.DataFrame, pd.DataFrame] | None:
    """(version, claims, articles) of the highest complete release below `version` in `releases_dir`."""
    if not releases_dir.is_dir():
        return None
    names = [p.name for p in releases_dir.iterdir() if p.is_dir() and (p / "claims.parquet").is_file()]
    before = previous_version(names, version)
    if before is None:
        return None
    folder = releases_dir / before.text
    try:
        return before.text, read_parquet(folder / "claims.parquet"), read_parquet(folder / "articles.parquet")
    except (OSError, ValueError) as exc:
        raise ReleaseError(f"cannot read the previous release {folder}: {str(exc).splitlines()[0]}") from None


def _utc(now: dt.datetime | None) -> dt.datetime:
    now = now or dt.datetime.now(dt.timezone.utc)
    if now.tzinfo is None:
        now = now.replace(tzinfo=dt.timezone.utc)
    return now.astimezone(dt.timezone.utc).replace(microsecond=0)


def _write(folder: Path, name: str, data: bytes | str) -> None:
    (folder / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


FILE_CONTENTS = {
    "articles.csv": "The articles table (CSV): one row per article the claims come from.",
    "articles.parquet": "The articles table (Parquet, typed columns).",
    "claims.csv": "The claims table (CSV): one row per claim.",
    "claims.parquet": "The claims table (Parquet, typed columns).",
    CHART_FILE: "Claims per week by action and by claimant side (chart).",
    CHANGELOG_FILE: "Claims added, removed and changed since the previous release.",
    CITATION_FILE: "How to cite this release (Citation File Format).",
    DATAPACKAGE_FILE: "Frictionless Data Package: resources with sizes and hashes, table schemas, licence, version.",
    DATACARD_FILE: "This data card.",
    SUMS_FILE: "SHA-256 checksums of every other file (`sha256sum -c SHA256SUMS`).",
}


def _fill(
    folder: Path,
    version: Version,
    created: dt.datetime,
    articles: pd.DataFrame,
    claims: pd.DataFrame,
    *,
    include_samples: bool,
    left_out: tuple[int, int],
    previous: tuple[str, pd.DataFrame, pd.DataFrame] | None,
    accuracy: Mapping[str, Any] | None,
) -> None:
    frames = {"articles": articles, "claims": claims}
    for name, df in frames.items():
        write_parquet_atomic(df, folder / f"{name}.parquet")
        _write(folder, f"{name}.csv", csv_bytes(df))
    _write(folder, CHART_FILE, claims_per_week_png(claims, title=f"Counterclaim {version}: claims per week"))
    _write(folder, CHANGELOG_FILE, changelog(version.text, created.date(), claims, articles, previous))
    _write(folder, CITATION_FILE, citation_cff(version.text, created.date()))
    samples = sample_counts(articles, claims)[0] if include_samples else 0
    resources = [datapackage.csv_resource(folder, name, f"{name}.csv", len(df)) for name, df in frames.items()]
    resources += [datapackage.parquet_resource(folder, name, f"{name}.parquet", f"{name}.csv") for name in frames]
    publishers = articles["source"].astype(object).where(articles["source"].notna(), None).value_counts(dropna=False)
    descriptor = datapackage.descriptor(
        version=version.text,
        created=created,
        description=description(len(claims), len(articles), samples),
        resources=resources,
        publishers={(None if pd.isna(k) else k): int(v) for k, v in publishers.items()},
    )
    _write(folder, DATAPACKAGE_FILE, datapackage.to_json(descriptor) + "\n")
    facts = CardFacts(
        version=version.text,
        created=created,
        articles=articles,
        claims=claims,
        files=[(name, FILE_CONTENTS[name]) for name in sorted(FILE_CONTENTS)],
        include_samples=include_samples,
        samples_left_out=left_out,
        previous=previous[0] if previous else None,
        accuracy=accuracy,
    )
    _write(folder, DATACARD_FILE, datacard(facts))
    names = [p.name for p in folder.iterdir() if p.is_file() and p.name != SUMS_FILE]
    _write(folder, SUMS_FILE, sums_text(folder, names))


def build_release(
    data_dir: str | os.PathLike[str],
    releases_dir: str | os.PathLike[str],
    version: str,
    *,
    include_samples: bool = False,
    accuracy: str | os.PathLike[str] | Mapping[str, Any] | None = None,
    now: dt.datetime | None = None,
) -> Path:
    """Build releases_dir/VERSION from the published tables in data_dir; returns its path, or raises ReleaseError.

    Sample articles and their claims are left out unless `include_samples`; `accuracy` is the
    evaluation's --json output (a file or a mapping) for the data card; `now` fixes the release time.
    """
    parsed = check_version(version)
    data, releases = Path(data_dir), Path(releases_dir)
    target = releases / parsed.text
    _refuse_existing(target)
    tables = load_checked_tables(data)
    figures = load_accuracy(accuracy) if accuracy is not None else None
    articles, claims, left_out = select_released(tables, include_samples)
    if articles.empty:
        n = len(tables["articles"])
        hint = f": all {n} articles in {data} are samples; pass --include-samples for a test release" if n else ""
        raise ReleaseError(f"no articles to release{hint}")
    previous = _previous(releases, parsed)
    try:
        releases.mkdir(parents=True, exist_ok=True)
        tmp = releases / f".{parsed.text}.{secrets.token_hex(8)}.tmp"
        tmp.mkdir()
    except OSError as exc:
        raise ReleaseError(f"releases folder {releases} cannot be written: {exc.strerror or exc}") from None
    try:
        _fill(
            tmp, parsed, _utc(now), articles, claims,
            include_samples=include_samples, left_out=left_out, previous=previous, accuracy=figures,
        )
        _fsync(*sorted(tmp.iterdir()), tmp)
        _refuse_existing(target)  # another release of this version may have finished meanwhile
        os.rename(tmp, target)  # fails on a non-empty folder, so a finished release is never replaced
        _fsync(releases)
    except OSError as exc:
        if target.exists():
            _refuse_existing(target)
        raise ReleaseError(f"cannot write the release in {releases}: {exc.strerror or exc}") from None
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return target


def _fsync(*paths: Path) -> None:
    """Flush files and folder entries to disk; a no-op where they cannot be opened (folders on Windows)."""
    for path in paths:
        with contextlib.suppress(OSError):
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
