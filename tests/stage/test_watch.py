"""The fingerprint of an input folder changes exactly when its article files do."""

import os

import pytest

from pipeline.ingest import IngestError
from pipeline.stage.watch import entries, fingerprint


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "raw"
    (root / "news").mkdir(parents=True)
    (root / "a.txt").write_text("First article.", encoding="utf-8")
    (root / "news" / "b.MD").write_text("Second article.", encoding="utf-8")
    (root / "notes.csv").write_text("not,an,article\n", encoding="utf-8")
    return root


def test_entries_list_article_files_by_relative_path_size_and_mtime(folder):
    listed = entries(folder, (".txt", ".md"))
    assert [(name, size) for name, size, _ in listed] == [("a.txt", 14), ("news/b.MD", 15)]
    assert listed[0][2] == (folder / "a.txt").stat().st_mtime_ns


def test_same_files_give_the_same_fingerprint(folder):
    first = fingerprint(folder, (".txt", ".md"))
    assert first == fingerprint(folder, (".txt", ".md"))
    assert first.files == 2 and len(first.digest) == 64


@pytest.mark.parametrize(
    "change",
    [
        lambda root: (root / "c.txt").write_text("A new article.", encoding="utf-8"),
        lambda root: (root / "a.txt").unlink(),
        lambda root: (root / "a.txt").rename(root / "renamed.txt"),
        lambda root: (root / "a.txt").write_text("First article, corrected.", encoding="utf-8"),
        lambda root: os.utime(root / "a.txt", ns=(0, 1_000_000_000)),
    ],
    ids=["added", "removed", "renamed", "rewritten", "touched"],
)
def test_a_changed_article_changes_the_fingerprint(folder, change):
    before = fingerprint(folder)
    change(folder)
    assert fingerprint(folder) != before


def test_other_files_do_not_change_the_fingerprint(folder):
    before = fingerprint(folder)
    (folder / "image.png").write_bytes(b"\x89PNG")
    (folder / "notes.csv").write_text("changed\n", encoding="utf-8")
    assert fingerprint(folder) == before


def test_empty_folder_and_missing_folder(tmp_path):
    assert fingerprint(tmp_path).files == 0
    with pytest.raises(IngestError):
        fingerprint(tmp_path / "missing")


def test_broken_symlink_is_listed_without_failing(folder):
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    assert "gone.txt" in [name for name, _, _ in entries(folder)]
