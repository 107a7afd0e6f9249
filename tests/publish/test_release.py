"""Building a release folder: contents, verification with standard tools, immutability, preconditions and samples."""

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import frictionless
import pandas as pd
import pytest
import yaml

from pipeline.publish import articles_frame, claim_rows, claims_frame, read_parquet, rejected_frame, write_parquet_atomic
from pipeline.publish import release as release_module
from pipeline.publish.release import ReleaseError, build_release
from schemas import dictionary

NOW = dt.datetime(2025, 5, 1, 12, 30, tzinfo=dt.timezone.utc)
FILES = {
    "articles.csv", "articles.parquet", "claims.csv", "claims.parquet", "datapackage.json", "README.md",
    "CITATION.cff", "CHANGELOG.md", "claims_per_week.png", "SHA256SUMS",
}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def release(sample_data, tmp_path) -> Path:
    """A test release (samples included) of the sample data folder."""
    return build_release(sample_data, tmp_path / "releases", "1.0.0", include_samples=True, now=NOW)


# --- contents -------------------------------------------------------------------------


def test_release_folder_holds_every_file(release, tmp_path):
    assert release == tmp_path / "releases" / "1.0.0"
    assert {p.name for p in release.iterdir()} == FILES
    assert [p.name for p in (tmp_path / "releases").iterdir()] == ["1.0.0"]  # no temporary folder left


def test_frictionless_validates_the_package(release):
    report = frictionless.validate(release / "datapackage.json")
    assert report.valid, report.flatten(["type", "note"])
    package = frictionless.Package(release / "datapackage.json")
    assert package.get_resource("claims").schema.primary_key == ["claim_id"]


def test_frictionless_console_script_validates_the_package(release):
    script = Path(sys.executable).parent / "frictionless"
    if not script.exists():
        pytest.skip("the frictionless console script is not installed")
    done = subprocess.run([str(script), "validate", "datapackage.json"], cwd=release, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_frictionless_notices_a_changed_file(release, tmp_path):
    copy = shutil.copytree(release, tmp_path / "tampered")
    text = (copy / "claims.csv").read_text(encoding="utf-8")
    (copy / "claims.csv").write_text(text.replace(",intercepted,", ",exploded,", 1), encoding="utf-8")
    report = frictionless.validate(copy / "datapackage.json")
    assert not report.valid
    assert {"hash-count", "constraint-error"} <= {error for error, in report.flatten(["type"])}


def test_frictionless_reads_the_csv_with_the_schema_types(release):
    resource = frictionless.Package(release / "datapackage.json").get_resource("claims")
    rows = resource.read_rows()
    assert rows and all(isinstance(r["count"], int) or r["count"] is None for r in rows)
    assert all(isinstance(r["event_date"], dt.date) or r["event_date"] is None for r in rows)
    assert [r["claim_id"] for r in rows] == list(read_parquet(release / "claims.parquet")["claim_id"])


def test_sha256sum_check_passes(release):
    if shutil.which("sha256sum") is None:
        pytest.skip("sha256sum is not installed")
    done = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=release, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    listed = [line.split("  ", 1)[1] for line in (release / "SHA256SUMS").read_text().splitlines()]
    assert listed == sorted(FILES - {"SHA256SUMS"})


def test_duckdb_loads_the_parquet_with_typed_columns(release):
    con = duckdb.connect()

    def types(name: str) -> dict[str, str]:
        rows = con.execute("DESCRIBE SELECT * FROM read_parquet(?)", [str(release / name)]).fetchall()
        return {row[0]: row[1] for row in rows}

    claims, articles = types("claims.parquet"), types("articles.parquet")
    assert claims["count"] == "BIGINT" and claims["evidence_start"] == "BIGINT"
    assert claims["event_date"] == "DATE" and claims["latitude"] == "DOUBLE"
    assert articles["published"] == "DATE" and articles["n_chars"] == "BIGINT" and articles["is_sample"] == "BOOLEAN"
    (n,) = con.execute("SELECT count(*) FROM read_parquet(?)", [str(release / "claims.parquet")]).fetchone()
    assert n == len(read_parquet(release / "claims.parquet"))


def test_pandas_loads_the_parquet_with_typed_columns(release):
    claims = pd.read_parquet(release / "claims.parquet")
    articles = pd.read_parquet(release / "articles.parquet")
    assert claims["count"].dtype == pd.Int64Dtype()
    assert str(claims["event_date"].dtype) == "date32[day][pyarrow]"
    assert str(articles["published"].dtype) == "date32[day][pyarrow]"
    assert isinstance(claims["event_date"].dropna().iloc[0], dt.date)


def test_csv_and_parquet_hold_the_same_rows(release):
    for name in ("articles", "claims"):
        parquet = read_parquet(release / f"{name}.parquet")
        csv = pd.read_csv(release / f"{name}.csv", dtype=str, keep_default_na=False)
        assert list(csv.columns) == list(parquet.columns)
        assert len(csv) == len(parquet)
    csv = pd.read_csv(release / "claims.csv", dtype=str, keep_default_na=False)
    assert set(csv["event_date"]) <= {""} | {d.isoformat() for d in read_parquet(release / "claims.parquet")["event_date"].dropna()}


def test_datapackage_records_licence_version_time_sources_and_keys(release):
    package = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert package["version"] == "1.0.0"
    assert package["created"] == "2025-05-01T12:30:00Z"
    assert package["sources"] == [{"title": "Counterclaim sample (3 articles)"}]
    resources = {r["name"]: r for r in package["resources"]}
    assert set(resources) == {"articles", "claims", "articles-parquet", "claims-parquet"}
    for resource in resources.values():
        assert {"path", "format", "mediatype", "bytes", "hash"} <= set(resource)
        assert resource["bytes"] == (release / resource["path"]).stat().st_size
        assert resource["hash"].startswith("sha256:") and len(resource["hash"]) == len("sha256:") + 64
    claims = resources["claims"]["schema"]
    assert claims["primaryKey"] == ["claim_id"]
    assert claims["foreignKeys"] == [{"fields": ["article_id"], "reference": {"resource": "articles", "fields": ["article_id"]}}]
    assert [f["name"] for f in claims["fields"]] == [c.name for c in dictionary.columns("claims")]


def test_citation_cff(release):
    cff = yaml.safe_load((release / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert cff["version"] == "1.0.0"
    assert str(cff["date-released"]) == "2025-05-01"
    assert cff["license"] == "CC-BY-4.0"
    assert cff["authors"] == [{"name": "Counterclaim contributors"}]
    assert cff["title"] and cff["message"]


def test_data_card_documents_the_release(release):
    card = (release / "README.md").read_text(encoding="utf-8")
    for heading in ("## What this dataset is", "## How it was made", "### By action", "### By claimant side",
                    "### By month", "## Accuracy", "## Data dictionary", "## Known limitations", "## How to cite"):
        assert heading in card, heading
    for name in ("articles", "claims"):
        for column in dictionary.columns(name):
            assert f"| `{column.name}` |" in card, column.name
    assert "](claims_per_week.png)" in card
    assert "| intercepted | 2 |" in card and "| suppressed | 1 |" in card
    assert "| UA (Ukraine) | 3 |" in card and "| RU (Russian Federation) | 1 |" in card
    assert "| 2025-03 | 3 |" in card and "| unknown date | 1 |" in card
    assert "No accuracy figures were provided" in card
    assert "English only" in card and "Rule-based extraction" in card and "published date" in card
    assert "Counterclaim contributors (2025)" in card


def test_data_card_credits_the_place_sources(release):
    card = (release / "README.md").read_text(encoding="utf-8")
    sources = next(line for line in card.splitlines() if line.startswith("- **Sources**"))
    assert "GeoNames" in sources and "CC BY 4.0" in sources and "KATOTTG" in sources


def test_release_is_deterministic(sample_data, tmp_path):
    one = build_release(sample_data, tmp_path / "a", "1.0.0", include_samples=True, now=NOW)
    two = build_release(sample_data, tmp_path / "b", "1.0.0", include_samples=True, now=NOW)
    assert snapshot(one) == snapshot(two)


# --- accuracy ---------------------------------------------------------------------------

SCORES = {
    "articles": 65, "gold": 237, "pred": 223,
    "levels": {
        "core": {"tp": 209, "precision": 0.9372, "recall": 0.8819, "f1": 0.9087},
        "full": {"tp": 173, "precision": 0.7758, "recall": 0.73, "f1": 0.7522},
    },
    "slots": {"event_date": {"accuracy": 0.95, "n": 160}, "location_name": {"accuracy": None, "n": 0}},
    "errors": {"some-article": {"missing": [], "spurious": []}},
}


def test_accuracy_file_fills_the_accuracy_section(sample_data, tmp_path):
    scores = tmp_path / "eval.json"
    scores.write_text(json.dumps(SCORES), encoding="utf-8")
    folder = build_release(sample_data, tmp_path / "releases", "1.0.0", include_samples=True, accuracy=scores, now=NOW)
    card = (folder / "README.md").read_text(encoding="utf-8")
    assert "| core | action, count and munition class | 0.937 | 0.882 | 0.909 | 209 |" in card
    assert "| `event_date` | 0.950 | 160 |" in card and "| `location_name` | – | 0 |" in card
    assert "65 gold-annotated articles" in card and "No accuracy figures" not in card
    assert "some-article" not in card


@pytest.mark.parametrize("content", ["not json", "[]", '{"levels": {"core": {"precision": 1}}}'])
def test_unusable_accuracy_file_is_refused(sample_data, tmp_path, content):
    scores = tmp_path / "eval.json"
    scores.write_text(content, encoding="utf-8")
    with pytest.raises(ReleaseError, match="accuracy file"):
        build_release(sample_data, tmp_path / "releases", "1.0.0", include_samples=True, accuracy=scores)
    assert not (tmp_path / "releases" / "1.0.0").exists()


# --- immutability and refusals ------------------------------------------------------------


def test_second_release_of_a_version_is_refused_and_changes_nothing(release, sample_data):
    before = snapshot(release.parent)
    times = {p.name: p.stat().st_mtime_ns for p in release.iterdir()}
    with pytest.raises(ReleaseError, match=r"release 1\.0\.0 already exists .* never changes"):
        build_release(sample_data, release.parent, "1.0.0", include_samples=True)
    assert snapshot(release.parent) == before
    assert {p.name: p.stat().st_mtime_ns for p in release.iterdir()} == times


@pytest.mark.parametrize("version", ["1.0", "v1.0.0", "1.0.0.0", "01.0.0", "1.0.0-", "1.0.0+build.1", "../1.0.0", "1.0.0/x", " 1.0.0", "1.0.0\n", "١.0.0", ""])
def test_invalid_version_is_refused(sample_data, tmp_path, version):
    with pytest.raises(ReleaseError, match="invalid version"):
        build_release(sample_data, tmp_path / "releases", version, include_samples=True)
    assert not (tmp_path / "releases").exists()


@pytest.mark.parametrize("version", ["0.1.0", "1.2.3-rc.1", "2.0.0-alpha.beta-1"])
def test_valid_versions_are_accepted(sample_data, tmp_path, version):
    assert build_release(sample_data, tmp_path, version, include_samples=True).name == version


def test_missing_table_is_refused(sample_data, tmp_path):
    data = shutil.copytree(sample_data, tmp_path / "data")
    (data / "rejected.parquet").unlink()
    with pytest.raises(ReleaseError, match="has no rejected.parquet: run `counterclaim extract`"):
        build_release(data, tmp_path / "releases", "1.0.0", include_samples=True)
    assert not (tmp_path / "releases").exists()


def test_missing_data_folder_is_refused(tmp_path):
    with pytest.raises(ReleaseError, match="data folder .* does not exist"):
        build_release(tmp_path / "nowhere", tmp_path / "releases", "1.0.0")


def test_table_failing_its_schema_is_refused(sample_data, tmp_path):
    data = shutil.copytree(sample_data, tmp_path / "data")
    claims = read_parquet(data / "claims.parquet")
    claims.loc[0, "action"] = "exploded"
    write_parquet_atomic(claims, data / "claims.parquet")
    with pytest.raises(ReleaseError, match=r"claims\.parquet fails its checks: 1 row fails 1 rule: action") as refused:
        build_release(data, tmp_path / "releases", "1.0.0", include_samples=True)
    assert "\n" not in str(refused.value)
    assert not (tmp_path / "releases").exists()


def test_claim_outside_its_article_is_refused(sample_data, tmp_path):
    data = shutil.copytree(sample_data, tmp_path / "data")
    articles = read_parquet(data / "articles.parquet")
    articles["n_chars"] = 1
    write_parquet_atomic(articles, data / "articles.parquet")
    with pytest.raises(ReleaseError, match="claims.parquet fails its checks: .* evidence_outside_article"):
        build_release(data, tmp_path / "releases", "1.0.0", include_samples=True)


def test_failure_while_building_leaves_no_folder(sample_data, tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(release_module, "claims_per_week_png", broken)
    with pytest.raises(ReleaseError, match="No space left on device"):
        build_release(sample_data, tmp_path / "releases", "1.0.0", include_samples=True)
    assert list((tmp_path / "releases").iterdir()) == []


# --- samples ------------------------------------------------------------------------------


@pytest.fixture
def mixed_data(tmp_path, article, sample_article, claims):
    """A data folder built with the publish builders: one reported article and one sample, three claims each."""
    data = tmp_path / "data"
    rows = [*claim_rows(article, claims, "test-1"), *claim_rows(sample_article, claims, "test-1")]
    write_parquet_atomic(articles_frame([article, sample_article]), data / "articles.parquet")
    write_parquet_atomic(claims_frame(rows), data / "claims.parquet")
    write_parquet_atomic(rejected_frame([]), data / "rejected.parquet")
    return data


def test_samples_are_left_out_by_default(mixed_data, tmp_path, article):
    folder = build_release(mixed_data, tmp_path / "releases", "1.0.0", now=NOW)
    articles, claims = read_parquet(folder / "articles.parquet"), read_parquet(folder / "claims.parquet")
    assert list(articles["article_id"]) == [article.article_id] and not articles["is_sample"].any()
    assert set(claims["article_id"]) == {article.article_id} and len(claims) == 3
    card = (folder / "README.md").read_text(encoding="utf-8")
    assert "1 sample article and 3 claims from them were left out of this release" in card
    assert "TEST RELEASE" not in card
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert "TEST RELEASE" not in package["description"]
    assert package["sources"] == [{"title": "Example Agency (1 article)"}]
    assert frictionless.validate(folder / "datapackage.json").valid


def test_included_samples_are_announced_at_the_top(mixed_data, tmp_path):
    folder = build_release(mixed_data, tmp_path / "releases", "0.1.0-test.1", include_samples=True, now=NOW)
    assert len(read_parquet(folder / "articles.parquet")) == 2
    card = (folder / "README.md").read_text(encoding="utf-8").splitlines()
    assert card[0] == "# Counterclaim dataset 0.1.0-test.1"
    assert card[2].startswith("> **TEST RELEASE: it contains 1 invented sample article") and "testing only" in card[2]
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert package["description"].startswith("TEST RELEASE: it contains 1 invented sample article")


def test_sample_only_data_needs_include_samples(sample_data, tmp_path):
    with pytest.raises(ReleaseError, match="all 3 articles in .* are samples; pass --include-samples"):
        build_release(sample_data, tmp_path / "releases", "1.0.0")
    assert not (tmp_path / "releases").exists()
