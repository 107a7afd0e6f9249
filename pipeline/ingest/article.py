"""Loading one file as an Article, or the Rejection that says why it is not one."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

from .decode import decode
from .discover import relative_name
from .errors import BinaryContent
from .frontmatter import parse_front_matter
from .html import html_to_text, looks_like_html
from .identity import article_id
from .metadata import read_metadata
from .model import Article, Rejection

DEFAULT_MAX_BYTES = 2_000_000


def load_article(
    path: Path, root: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, today: date | None = None
) -> Article | Rejection:
    """Read, decode and describe one file; never raises for a bad file.

    Links leading outside the root and oversized files are refused before any byte is read;
    any unexpected failure becomes an "unreadable" Rejection carrying the exception message.
    """
    path, root = Path(path), Path(root)
    name = relative_name(path, root)
    try:
        return _load(path, root, name, max_bytes, today or date.today())
    except Exception as exc:  # one bad file must not stop the run
        return Rejection(name, "unreadable", f"could not load the file: {type(exc).__name__}: {exc}")


def _load(path: Path, root: Path, name: str, max_bytes: int, today: date) -> Article | Rejection:
    """The checks and steps of load_article, in the order that keeps refusals cheap."""
    resolved = path.resolve()
    if not resolved.is_relative_to(root.resolve()):
        how = "symlink to" if path.is_symlink() else "it is at"
        return Rejection(name, "outside_root", f"resolves outside the input root ({how} {resolved})")
    size = _checked_size(path, name, max_bytes)
    if isinstance(size, Rejection):
        return size
    try:
        data = _read(resolved, size, max_bytes)
    except OSError as exc:
        return Rejection(name, "unreadable", f"cannot read the file: {exc.strerror or exc}")
    if len(data) > max_bytes:
        return Rejection(name, "too_large", f"file grew past the {max_bytes:,}-byte limit while being read")
    try:
        raw_text, encoding = decode(data)
    except BinaryContent as exc:
        return Rejection(name, "binary", str(exc))
    if not raw_text.strip():
        return Rejection(name, "empty", "file is empty" if not data else "file holds only whitespace")
    return _build(raw_text, encoding, name, today)


def _checked_size(path: Path, name: str, max_bytes: int) -> int | Rejection:
    """The file's size, or a Rejection for missing, special or oversized files, from metadata alone."""
    try:
        info = path.stat()
    except FileNotFoundError:
        detail = "symlink points to a missing file" if path.is_symlink() else "file disappeared before it was read"
        return Rejection(name, "unreadable", detail)
    except OSError as exc:
        return Rejection(name, "unreadable", f"cannot read the file: {exc.strerror or exc}")
    if not stat.S_ISREG(info.st_mode):
        return Rejection(name, "unreadable", "not a regular file")
    if info.st_size > max_bytes:
        return Rejection(name, "too_large", f"file is {info.st_size:,} bytes, above the {max_bytes:,}-byte limit")
    return info.st_size


def _read(path: Path, size: int, max_bytes: int) -> bytes:
    """Read the file's bytes, at most one past the limit, buffering only what it holds."""
    limit = max_bytes + 1
    with open(path, "rb") as handle:
        data = handle.read(min(size + 1, limit))
        if len(data) > size:  # the file grew after it was measured
            data += handle.read(limit - len(data))
    return data


def _build(raw_text: str, encoding: str, name: str, today: date) -> Article | Rejection:
    """Split front matter, reduce an HTML body to text, type the metadata and hash the body."""
    front = parse_front_matter(raw_text)
    body = raw_text[front.body_start :]
    if not body.strip():
        return Rejection(name, "empty", "no text after the front matter")
    html_title = None
    if looks_like_html(body):
        body, html_title = html_to_text(body)
        if not body.strip():
            return Rejection(name, "empty", "HTML page has no visible text")
    text = raw_text[: front.body_start] + body
    meta = read_metadata(front.metadata, text, front.body_start, today=today, fallback_title=html_title)
    warnings = front.warnings + meta.warnings
    if replaced := text.count("\ufffd"):
        warnings += (f"{replaced:,} undecodable character(s) replaced with U+FFFD",)
    return Article(
        article_id=article_id(body),
        source_file=name,
        text=text,
        body_start=front.body_start,
        title=meta.title,
        title_start=meta.title_start,
        title_end=meta.title_end,
        source=meta.source,
        url=meta.url,
        published=meta.published,
        language=meta.language,
        encoding=encoding,
        warnings=warnings,
    )
