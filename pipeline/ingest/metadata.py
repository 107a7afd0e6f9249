"""Typed article metadata from raw front matter: title and its span, source, url, date, language."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

_HEADING_MARKS = re.compile(r"#{1,6}[ \t]+")


@dataclass(frozen=True)
class Metadata:
    """The Article fields that come from front matter or, for the title, from the body."""

    title: str | None
    title_start: int | None
    title_end: int | None
    source: str | None
    url: str | None
    published: date | None
    language: str | None
    warnings: tuple[str, ...]


def read_metadata(
    raw: Mapping[Any, Any], text: str, body_start: int, *, today: date, fallback_title: str | None = None
) -> Metadata:
    """Type the raw front matter; the title falls back to `fallback_title`, then the first body line."""
    warnings: list[str] = []
    published, published_warnings = parse_published(raw.get("published"), today=today)
    warnings += published_warnings
    fields = {key: clean_text(raw.get(key), key, warnings) for key in ("title", "source", "url", "language")}
    title, start, end = find_title(text, body_start, fields["title"] or clean_text(fallback_title))
    return Metadata(
        title=title,
        title_start=start,
        title_end=end,
        source=fields["source"],
        url=fields["url"],
        published=published,
        language=fields["language"],
        warnings=tuple(warnings),
    )


def parse_published(value: Any, *, today: date) -> tuple[date | None, list[str]]:
    """A date from a date, datetime or ISO string; invalid values become None, future ones are kept."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, []
    published = _as_date(value)
    if published is None:
        return None, [f"published date {value!r} is not a date; left empty"]
    if published > today:
        return published, [f"published date {published.isoformat()} is in the future"]
    return published, []


def clean_text(value: Any, key: str = "value", warnings: list[str] | None = None) -> str | None:
    """A stripped string, None for missing or blank values; lists and mappings are refused with a warning."""
    if value is None:
        return None
    if isinstance(value, (list, tuple, set, dict)):
        if warnings is not None:
            warnings.append(f"front matter {key} is not a single value; left empty")
        return None
    return str(value).strip() or None


def find_title(text: str, body_start: int, title: str | None) -> tuple[str | None, int | None, int | None]:
    """The title and its span in `text`: found in the front matter block or as the first body line.

    Without a title, the first non-empty body line (less any Markdown heading marks) is the title.
    """
    line = _first_body_line(text, body_start)
    if title is None:
        return (None, None, None) if line is None else (line[0], line[1], line[2])
    key = text.find("title:", 0, body_start)
    start = text.find(title, max(key, 0), body_start)
    if start != -1:
        return title, start, start + len(title)
    if line is not None and line[0] == title:
        return title, line[1], line[2]
    return title, None, None


def _first_body_line(text: str, body_start: int) -> tuple[str, int, int] | None:
    """(line text, start, end) of the first body line with visible text, heading marks removed."""
    start = body_start
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        line = text[start:end]
        content = line.strip()
        if heading := _HEADING_MARKS.match(content):
            content = content[heading.end() :].lstrip()
        if content:
            offset = start + line.index(content)
            return content, offset, offset + len(content)
        start = end + 1
    return None


def _as_date(value: Any) -> date | None:
    """A date from a date, a datetime (its calendar date) or an ISO 8601 string, else None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            parsed = parse(value.strip())
        except ValueError:
            continue
        return parsed.date() if isinstance(parsed, datetime) else parsed
    return None
