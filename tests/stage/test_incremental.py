"""Incremental runs: the extractor reads only articles it has not read before with the same version.

Each run materialises the extract job in-process (as the CLI does) into the same output folder;
the extraction cache under .counterclaim/cache/ decides what is extracted again. The extractor
calls are counted by wrapping the function the stage calls.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cli import run_extract
from pipeline.publish import read_parquet
from pipeline.stage import steps
from schemas import TABLES

REGIONS = ("Kharkiv", "Sumy", "Odesa", "Poltava", "Chernihiv", "Mykolaiv")


def article(i: int, published: str | None = None) -> str:
    region = REGIONS[i % len(REGIONS)]
    return (
        f"---\ntitle: Night attack report {i}\nsource: Counterclaim sample\n"
        f"published: {published or f'2025-03-{1 + i % 28:02d}'}\nlanguage: en\n---\n"
        f"{region}'s governor said air defences shot down {3 + i} of {10 + i} drones overnight (report {i}).\n\n"
        f"Debris damaged houses in the regional centre, officials said after report {i}.\n"
    )


def write(folder: Path, numbers: range) -> Path:
    for i in numbers:
        path = folder / f"reports/report-{i:03d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article(i), encoding="utf-8")
    return folder


@pytest.fixture
def calls(monkeypatch) -> list[str]:
    """Every article the extractor reads, by text; the stage's extractor is wrapped to record them."""
    seen: list[str] = []
    real = steps.claims_from_doc

    def counting(doc, published=None):
        seen.append(doc.text)
        return real(doc, published)

    monkeypatch.setattr(steps, "claims_from_doc", counting)
    return seen


def extract(input_dir: Path, out: Path) -> dict[str, object]:
    settings = {"input_dir": str(input_dir), "output_dir": str(out), "batch_size": 4, "processes": 1}
    return run_extract(settings)


def published(out: Path) -> dict[str, bytes]:
    return {name: (out / f"{name}.parquet").read_bytes() for name in TABLES}


def cache_files(out: Path) -> list[str]:
    return sorted(p.name for p in (out / ".counterclaim" / "cache").iterdir())


def test_only_new_or_changed_articles_are_extracted_and_a_new_version_extracts_all(tmp_path, calls, monkeypatch):
    input_dir, out = tmp_path / "articles", tmp_path / "out"
    write(input_dir, range(12))
    assert extract(input_dir, out)["kept"] == 12
    assert len(calls) == 12
    (first_cache,) = cache_files(out)

    calls.clear()
    write(input_dir, range(12, 22))  # ten articles added
    assert extract(input_dir, out)["kept"] == 22
    assert len(calls) == 10
    assert all(f"(report {i})" in text for i, text in zip(range(12, 22), calls))
    assert cache_files(out) == [first_cache]
    incremental = published(out)

    calls.clear()
    fresh = tmp_path / "fresh"
    extract(input_dir, fresh)  # the same folder into an empty output folder: nothing cached
    assert len(calls) == 22
    assert published(fresh) == incremental

    calls.clear()
    monkeypatch.setattr(steps, "extractor_version", lambda: "9.9.9+test")
    extract(input_dir, out)
    assert len(calls) == 22  # a new extractor version reads every article again
    (new_cache,) = cache_files(out)  # and the old version's cache is gone
    assert new_cache != first_cache and "9.9.9" in new_cache
    claims = read_parquet(out / "claims.parquet")
    assert set(claims["extractor_version"]) == {"9.9.9+test"}

    calls.clear()
    extract(input_dir, tmp_path / "fresh-new-version")
    assert published(out) == published(tmp_path / "fresh-new-version")


def test_a_changed_date_or_front_matter_is_extracted_again_and_a_moved_file_is_not(tmp_path, calls):
    input_dir, out = tmp_path / "articles", tmp_path / "out"
    write(input_dir, range(6))
    extract(input_dir, out)
    calls.clear()

    # the published date fixes event dates, so the claims may differ: extracted again
    (input_dir / "reports/report-001.txt").write_text(article(1, published="2024-12-31"), encoding="utf-8")
    # the same text under another name: reused, with the new file name
    (input_dir / "reports/report-002.txt").rename(input_dir / "moved.txt")
    extract(input_dir, out)
    assert len(calls) == 1 and "(report 1)" in calls[0]

    claims = read_parquet(out / "claims.parquet")
    assert "moved.txt" in set(claims["source_file"])
    assert "reports/report-002.txt" not in set(claims["source_file"])
    extract(input_dir, tmp_path / "fresh")
    assert published(out) == published(tmp_path / "fresh")


def test_failed_articles_are_not_cached_and_are_tried_again(tmp_path, monkeypatch):
    input_dir, out = tmp_path / "articles", tmp_path / "out"
    write(input_dir, range(4))
    real = steps.claims_from_doc
    tried: list[str] = []

    def failing(doc, published=None):
        tried.append(doc.text)
        if "(report 2)" in doc.text:
            raise RuntimeError("rule crashed")
        return real(doc, published)

    monkeypatch.setattr(steps, "claims_from_doc", failing)
    first = extract(input_dir, out)
    assert first["kept"] == 3 and len(tried) == 4

    tried.clear()
    monkeypatch.setattr(steps, "claims_from_doc", lambda doc, published=None: tried.append(doc.text) or real(doc, published))
    second = extract(input_dir, out)
    assert second["kept"] == 4
    assert len(tried) == 1 and "(report 2)" in tried[0]
    extract(input_dir, tmp_path / "fresh")
    assert published(out) == published(tmp_path / "fresh")


def test_an_unreadable_cache_means_extracting_everything_again(tmp_path, calls):
    input_dir, out = tmp_path / "articles", tmp_path / "out"
    write(input_dir, range(5))
    extract(input_dir, out)
    (cache,) = (out / ".counterclaim" / "cache").iterdir()
    cache.write_bytes(b"PAR1 cut short")
    calls.clear()
    extract(input_dir, out)
    assert len(calls) == 5
    extract(input_dir, tmp_path / "fresh")
    assert published(out) == published(tmp_path / "fresh")
