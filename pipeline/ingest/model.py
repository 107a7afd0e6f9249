"""What ingest hands to the rest of the pipeline: an article, or the reason a file was set aside."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Article:
    """One decoded article; every offset in the dataset points into `text`."""

    article_id: str  # hash of the normalised body text
    source_file: str  # POSIX path relative to the input root
    text: str  # decoded document: LF line ends, no BOM or NUL; front matter kept in place
    body_start: int  # offset where the body begins (0 without front matter)
    title: str | None
    title_start: int | None  # span of the title inside `text`, when it appears there verbatim
    title_end: int | None
    source: str | None
    url: str | None
    published: date | None
    language: str | None
    encoding: str
    warnings: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Rejection:
    """A file under the input root that did not become an article, and why."""

    source_file: str
    reason: str  # one of schemas.vocab.REJECT_REASONS
    detail: str  # a sentence a person understands
    duplicate_of: str | None = None  # article_id of the kept copy, for duplicates
