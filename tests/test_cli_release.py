"""`counterclaim release` as users run it: a subprocess, an exit code, one summary or error line."""

import shutil
import subprocess
import sys

import pytest

from tests.release_data import extract, write_articles


def counterclaim(*args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "pipeline.cli", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    root = tmp_path_factory.mktemp("cli-release")
    return extract(write_articles(root / "articles"), root / "data")


@pytest.fixture
def workdir(published, tmp_path):
    shutil.copytree(published, tmp_path / "data")
    return tmp_path


def snapshot(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_release_writes_the_folder_and_prints_a_summary(workdir):
    done = counterclaim("release", "1.0.0", "--include-samples", cwd=workdir)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "released 1.0.0 to releases/1.0.0 (4 claims, 3 articles)"
    folder = workdir / "releases" / "1.0.0"
    assert {"datapackage.json", "README.md", "CITATION.cff", "CHANGELOG.md", "SHA256SUMS"} <= {p.name for p in folder.iterdir()}


def test_existing_version_is_refused_and_left_byte_identical(workdir):
    assert counterclaim("release", "1.0.0", "--include-samples", "--out", "out", cwd=workdir).returncode == 0
    before = snapshot(workdir / "out")
    done = counterclaim("release", "1.0.0", "--include-samples", "--out", "out", cwd=workdir)
    assert done.returncode == 1
    assert done.stderr.strip().startswith("counterclaim: error: release 1.0.0 already exists at out/1.0.0")
    assert "Traceback" not in done.stderr + done.stdout
    assert snapshot(workdir / "out") == before


def test_invalid_version_is_refused(workdir):
    done = counterclaim("release", "../1.0", "--include-samples", cwd=workdir)
    assert done.returncode == 1
    assert done.stderr.strip().startswith("counterclaim: error: invalid version '../1.0': use a semantic version")
    assert "Traceback" not in done.stderr
    assert not (workdir / "releases").exists()


def test_missing_data_is_refused(tmp_path):
    done = counterclaim("release", "1.0.0", "--data", "nowhere", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "counterclaim: error: data folder nowhere does not exist: run `counterclaim extract` (or `make run`) first"
    )
    assert not (tmp_path / "releases").exists()

