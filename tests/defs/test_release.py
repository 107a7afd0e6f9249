"""The release asset and jobs: release_job builds a release from the published tables, extract_job never does."""

import dagster as dg
import pytest

from pipeline.cli import run_config
from pipeline.definitions import defs
from pipeline.publish.checksums import sha256_file
from pipeline.publish.release import build_release
from tests.release_data import extract, write_articles


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("release-job")
    return extract(write_articles(root / "articles"), root / "data")


def run_release(data, releases, version="1.0.0", **config):
    settings = run_config({"output_dir": str(data)})
    settings["ops"] = {"release": {"config": {"version": version, "releases_dir": str(releases), **config}}}
    job = defs().resolve_job_def("release_job")
    with dg.DagsterInstance.ephemeral() as instance:
        return job.execute_in_process(run_config=settings, instance=instance, raise_on_error=False)


def selected(job_name):
    return {key.to_user_string() for key in defs().resolve_job_def(job_name).asset_layer.selected_asset_keys}


def test_extract_job_leaves_the_release_out():
    assert "release" not in selected("extract_job")
    assert {"raw_articles", "claims", "dataset"} <= selected("extract_job")


def test_release_job_selects_only_the_release():
    assert selected("release_job") == {"release"}
    spec = defs().resolve_assets_def("release")
    assert spec.group_names_by_key[dg.AssetKey("release")] == "release"
    assert dg.AssetKey("dataset") in spec.asset_deps[dg.AssetKey("release")]


def test_release_job_builds_the_release(data, tmp_path):
    result = run_release(data, tmp_path / "releases", include_samples=True)
    assert result.success
    (materialization,) = result.asset_materializations_for_node("release")
    metadata = {key: value.value for key, value in materialization.metadata.items()}
    folder = tmp_path / "releases" / "1.0.0"
    assert (folder / "datapackage.json").is_file() and (folder / "SHA256SUMS").is_file()
    assert metadata["path"] == str(folder)
    assert metadata["claims"] == 4 and metadata["articles"] == 3
    assert metadata["claims_sha256"] == sha256_file(folder / "claims.parquet")
    assert [e.step_key for e in result.all_events if e.is_step_success] == ["release"]  # no extraction step ran


def test_refused_release_fails_the_run_with_the_reason(data, tmp_path):
    build_release(data, tmp_path / "releases", "1.0.0", include_samples=True)
    result = run_release(data, tmp_path / "releases", include_samples=True)
    assert not result.success
    (failure,) = [e for e in result.all_events if e.is_step_failure]
    assert "already exists" in failure.step_failure_data.user_failure_data.description
