"""discover() and relative_name(): which files become candidates, in which order."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.ingest import IngestError
from pipeline.ingest.discover import discover, normalise_extensions, relative_name


def names(root: Path, **kwargs) -> list[str]:
    return [relative_name(path, root) for path in discover(root, **kwargs)]


def test_walks_nested_folders_in_sorted_order(write, root):
    for name in ["b.txt", "a/z.md", "a/b/c.txt", "A.TXT", "c/notes.Md", "a/b/a.txt"]:
        write(name, "text")
    assert names(root) == ["A.TXT", "a/b/a.txt", "a/b/c.txt", "a/z.md", "b.txt", "c/notes.Md"]
    assert names(root) == names(root)


def test_ignores_other_extensions(write, root):
    for name in ["keep.txt", "page.html", "data.json", "image.png", "txt", "notes.txt.bak", "README"]:
        write(name, "text")
    assert names(root) == ["keep.txt"]


@pytest.mark.parametrize(
    ("extensions", "expected"),
    [
        ((".html",), ["page.html"]),
        (("txt", ".HTML"), ["keep.txt", "page.html"]),
        (".md", ["notes.md"]),
        ((), []),
    ],
)
def test_configurable_extensions(write, root, extensions, expected):
    for name in ["keep.txt", "page.html", "notes.md"]:
        write(name, "text")
    assert names(root, extensions=extensions) == expected


def test_normalise_extensions():
    assert normalise_extensions(["TXT", ".Md", " ", "."]) == (".txt", ".md")


def test_names_with_spaces_and_non_ascii_letters(write, root):
    write("Київ звіт.txt", "text")
    write("dir with space/Überblick.md", "text")
    assert names(root) == ["dir with space/Überblick.md", "Київ звіт.txt"]


def test_symlinked_files_are_yielded_and_symlinked_dirs_not_followed(write, root, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("secret")
    write("real.txt", "text")
    (root / "link.txt").symlink_to(outside / "secret.txt")
    (root / "linked_dir").symlink_to(outside, target_is_directory=True)
    (root / "dir_link.txt").symlink_to(outside, target_is_directory=True)
    assert names(root) == ["link.txt", "real.txt"]


def test_symlink_loop_does_not_hang(write, root):
    write("sub/a.txt", "text")
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)
    assert names(root) == ["sub/a.txt"]


def test_broken_symlink_is_yielded(root):
    (root / "gone.txt").symlink_to(root / "missing.txt")
    assert names(root) == ["gone.txt"]


def test_missing_root_raises_at_once(tmp_path):
    with pytest.raises(IngestError, match="does not exist"):
        discover(tmp_path / "nope")


def test_file_as_root_raises(tmp_path):
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(IngestError, match="not a directory"):
        discover(tmp_path / "file.txt")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can list any directory")
def test_unreadable_root_raises(root):
    root.chmod(0)
    try:
        with pytest.raises(IngestError, match="cannot be read"):
            discover(root)
    finally:
        root.chmod(0o755)


def test_relative_name_is_posix_and_unresolved(root):
    assert relative_name(root / "a" / "b c.txt", root) == "a/b c.txt"
    assert relative_name(root / "link.txt", root) == "link.txt"
