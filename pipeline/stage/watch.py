"""A cheap fingerprint of the article files under an input folder, to notice when articles change.

The fingerprint hashes each article file's relative path, size and modification time (in
nanoseconds), in path order; no file is opened. Adding, removing, renaming or rewriting an
article changes it. The new_articles_sensor compares it with the one it saw last.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pipeline.ingest.discover import DEFAULT_EXTENSIONS, discover, relative_name


@dataclass(frozen=True)
class Fingerprint:
    digest: str  # 64 lowercase hex digits; the same files with the same sizes and times give the same digest
    files: int  # article files seen


def entries(root: Path, extensions: Iterable[str] = DEFAULT_EXTENSIONS) -> list[tuple[str, int, int]]:
    """(relative POSIX path, size, mtime_ns) of every article file under `root`, sorted by path.

    Files are found as ingest finds them (extensions in any case, symlinked folders not
    walked). A symlinked file is described by its target, or by the link itself when the
    target is missing; a file that vanishes while the folder is listed is left out.
    Raises pipeline.ingest.IngestError when `root` is not a readable folder.
    """
    root = Path(root)
    found = []
    for path in discover(root, extensions):
        try:
            stat = path.stat()
        except OSError:
            try:
                stat = path.lstat()
            except OSError:
                continue
        found.append((relative_name(path, root), stat.st_size, stat.st_mtime_ns))
    return sorted(found)


def fingerprint(root: Path, extensions: Iterable[str] = DEFAULT_EXTENSIONS) -> Fingerprint:
    """The fingerprint of the article files under `root` (see entries)."""
    digest = hashlib.sha256()
    listed = entries(root, extensions)
    for name, size, mtime_ns in listed:
        digest.update(os.fsencode(name) + b"\0" + f"{size}\0{mtime_ns}\n".encode())
    return Fingerprint(digest=digest.hexdigest(), files=len(listed))
