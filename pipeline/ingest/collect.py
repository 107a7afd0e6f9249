"""Streaming a whole input root into articles and rejections, setting duplicates aside."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from .article import DEFAULT_MAX_BYTES, load_article
from .discover import DEFAULT_EXTENSIONS, discover
from .model import Article, Rejection


def ingest(
    root: Path,
    *,
    extensions: Iterable[str] = DEFAULT_EXTENSIONS,
    max_bytes: int = DEFAULT_MAX_BYTES,
    today: date | None = None,
) -> Iterator[Article | Rejection]:
    """One record per article file under `root`, in sorted path order.

    Raises IngestError at once when the root cannot be walked. The first article with a
    given id is kept; later copies become "duplicate" rejections pointing at it.
    """
    root = Path(root)
    paths = discover(root, extensions)
    today = today or date.today()
    return drop_duplicates(load_article(path, root, max_bytes=max_bytes, today=today) for path in paths)


def drop_duplicates(records: Iterable[Article | Rejection]) -> Iterator[Article | Rejection]:
    """Pass records through, turning repeated article ids into rejections; remembers ids only."""
    kept: dict[str, str] = {}
    for record in records:
        if isinstance(record, Article):
            first = kept.setdefault(record.article_id, record.source_file)
            if first != record.source_file:
                yield Rejection(
                    record.source_file,
                    "duplicate",
                    f"same text as {first} (article {record.article_id})",
                    duplicate_of=record.article_id,
                )
                continue
        yield record
