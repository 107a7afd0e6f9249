"""Shared helpers for the ingest tests: writing fixture files under tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def write(tmp_path: Path):
    """Write bytes or UTF-8 text to a path under tmp_path/"root", creating folders; returns the path."""

    def _write(relative: str, content: bytes | str) -> Path:
        path = tmp_path / "root" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    (tmp_path / "root").mkdir(exist_ok=True)
    return _write


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """The input root used by `write`."""
    path = tmp_path / "root"
    path.mkdir(exist_ok=True)
    return path
