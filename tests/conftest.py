"""A small folder of invented articles shared by the pipeline, stage and CLI tests."""

from pathlib import Path

import pytest

from .sample_articles import BELGOROD, kharkiv

KHARKIV = kharkiv("2025-03-02")

# file -> text; the copy repeats an article, the last file is empty, notes.csv is not an article
ARTICLE_FILES = {
    "2025-03-01-belgorod.txt": BELGOROD,
    "2025-03-02-kharkiv.md": KHARKIV,
    "copies/belgorod-again.txt": BELGOROD,
    "empty.txt": "",
}
EXPECTED_REJECTIONS = {"copies/belgorod-again.txt": "duplicate", "empty.txt": "empty"}


class SampleArticles:
    """The fixture files, what ingest should make of them, and a way to write them."""

    files = ARTICLE_FILES
    rejections = EXPECTED_REJECTIONS

    @staticmethod
    def write(folder: Path) -> Path:
        for name, text in ARTICLE_FILES.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        (folder / "notes.csv").write_text("not,an,article\n", encoding="utf-8")
        return folder


@pytest.fixture(scope="session")
def sample_articles() -> type[SampleArticles]:
    return SampleArticles


@pytest.fixture
def article_folder(tmp_path: Path) -> Path:
    """Two articles, a duplicate and an empty file (plus a .csv that is not read)."""
    return SampleArticles.write(tmp_path / "articles")
