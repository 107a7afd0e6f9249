"""SHA-256 digests of release files, and the SHA256SUMS listing that `sha256sum -c` verifies."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

SUMS_FILE = "SHA256SUMS"


def sha256_file(path: Path) -> str:
    """The hex SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def sums_text(folder: Path, names: Iterable[str]) -> str:
    """Lines "<hash>  <name>" (text mode, as sha256sum writes them) for `names` in `folder`, sorted by name."""
    return "".join(f"{sha256_file(folder / name)}  {name}\n" for name in sorted(names))
