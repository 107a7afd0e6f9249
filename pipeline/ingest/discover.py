"""Finding candidate article files under an input root, in a stable order."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import IngestError

DEFAULT_EXTENSIONS = (".txt", ".md")

log = logging.getLogger(__name__)


def discover(root: Path, extensions: Iterable[str] = DEFAULT_EXTENSIONS) -> Iterator[Path]:
    """Yield files under `root` whose name ends in an article extension, sorted by path.

    The root is checked at once (raising IngestError), so a bad root fails before any work.
    Symlinked directories are never followed; symlinked files are yielded so that later
    steps can reject those that lead outside the root.
    """
    root = Path(root)
    _check_root(root)
    return _walk(root, normalise_extensions(extensions))


def normalise_extensions(extensions: Iterable[str] | str) -> tuple[str, ...]:
    """Lower-case extensions with a leading dot, so "TXT", "txt" and ".txt" all match."""
    if isinstance(extensions, str):
        extensions = (extensions,)
    return tuple("." + ext.strip().lstrip(".").lower() for ext in extensions if ext.strip(". "))


def relative_name(path: Path, root: Path) -> str:
    """POSIX path of `path` relative to `root`, as given (symlinks are not resolved)."""
    try:
        return Path(path).relative_to(root).as_posix()
    except ValueError:
        return Path(os.path.relpath(path, root)).as_posix()


def _check_root(root: Path) -> None:
    """Raise IngestError unless `root` is a directory that can be listed."""
    if not root.exists():
        raise IngestError(f"input root {root} does not exist")
    if not root.is_dir():
        raise IngestError(f"input root {root} is not a directory")
    try:
        with os.scandir(root):
            pass
    except OSError as exc:
        raise IngestError(f"input root {root} cannot be read: {exc.strerror or exc}") from exc


def _walk(root: Path, suffixes: tuple[str, ...]) -> Iterator[Path]:
    """Depth-first walk in sorted name order, without recursion so deep trees are fine."""
    stack = [iter(_sorted_entries(root))]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
        elif entry.is_dir(follow_symlinks=False):
            stack.append(iter(_sorted_entries(Path(entry.path))))
        elif _has_suffix(entry.name, suffixes) and not _is_symlinked_dir(entry):
            yield Path(entry.path)


def _sorted_entries(directory: Path) -> list[os.DirEntry]:
    """Entries of one directory sorted by name; an unreadable subdirectory is logged and skipped."""
    try:
        with os.scandir(directory) as entries:
            return sorted(entries, key=lambda entry: entry.name)
    except OSError as exc:
        log.warning("skipped directory %s: %s", directory, exc.strerror or exc)
        return []


def _has_suffix(name: str, suffixes: tuple[str, ...]) -> bool:
    """Whether a file name ends in one of the article extensions, ignoring case."""
    lowered = name.lower()
    return any(lowered.endswith(suffix) and len(lowered) > len(suffix) for suffix in suffixes)


def _is_symlinked_dir(entry: os.DirEntry) -> bool:
    """A symlink that leads to a directory: such links are not walked."""
    try:
        return entry.is_symlink() and entry.is_dir()
    except OSError:
        return False
