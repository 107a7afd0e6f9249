"""Extract claims from article text with rules on a blank spaCy pipeline.

    >>> from pipeline.extract import extract_claims
    >>> claims = extract_claims(text, {"published": "2025-12-25"})

Usable without Dagster: the pipeline's assets call the same functions.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Iterable, Iterator, Mapping

from spacy.tokens import Doc

from .. import __version__
from . import lexicon
from .claims import extract
from .document import DocView
from .model import Claim
from .nlp import build_nlp, shared_nlp
from .segment import mask_front_matter

__all__ = ["Claim", "extract_claims", "extractor_version", "parse", "parse_many", "claims_from_doc", "build_nlp"]


def extractor_version() -> str:
    """Package version plus a hash of the vocabulary files: either change means re-extraction."""
    return f"{__version__}+{lexicon.fingerprint()}"


def prepare(text: str, metadata: Mapping[str, Any] | None = None) -> tuple[str, dict]:
    """The text the pipeline reads (front matter blanked, offsets kept) and the Doc's user data."""
    meta = dict(metadata or {})
    body_start = meta.get("body_start")
    if body_start is None:
        body_start = _front_matter_end(text)
    title_span = None
    if meta.get("title_start") is not None and meta.get("title_end") is not None:
        title_span = (int(meta["title_start"]), int(meta["title_end"]))
    elif body_start == 0:
        title_span = _first_line(text)
    masked = mask_front_matter(text, int(body_start or 0), title_span)
    user = {"title_span": title_span, "published": _iso(meta.get("published"))}
    return masked, user


def parse(text: str, metadata: Mapping[str, Any] | None = None, nlp=None) -> Doc:
    """Run the spaCy pipeline over one article."""
    nlp = nlp or shared_nlp()
    masked, user = prepare(text, metadata)
    doc = nlp.make_doc(masked)
    doc.user_data.update(user)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def parse_many(items: Iterable[tuple[str, Mapping[str, Any]]], nlp=None, batch_size: int = 64) -> Iterator[Doc]:
    """Parse articles in batches with `nlp.pipe`, keeping their order."""
    nlp = nlp or shared_nlp()

    def docs():
        for text, meta in items:
            masked, user = prepare(text, meta)
            doc = nlp.make_doc(masked)
            doc.user_data.update(user)
            yield doc

    yield from nlp.pipe(docs(), batch_size=batch_size)


def claims_from_doc(doc: Doc, published: date | str | None = None) -> list[Claim]:
    """Claims in a parsed article; `published` defaults to the date stored on the Doc."""
    when = _date(published if published is not None else doc.user_data.get("published"))
    return extract(DocView.from_doc(doc), when)


def extract_claims(text: str, metadata: Mapping[str, Any] | None = None) -> list[Claim]:
    """Claims in one article. `metadata` may give `published` (date or ISO string), `title_start`/`title_end` and `body_start`."""
    doc = parse(text, metadata)
    return claims_from_doc(doc)


def _front_matter_end(text: str) -> int:
    if not text.startswith("---"):
        return 0
    end = text.find("\n---", 3)
    if end < 0:
        return 0
    nl = text.find("\n", end + 4)
    return len(text) if nl < 0 else nl + 1


def _first_line(text: str) -> tuple[int, int] | None:
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            start = pos + (len(line) - len(line.lstrip()))
            return start, pos + len(line.rstrip())
        pos += len(line) + 1
    return None


def _iso(value) -> str | None:
    d = _date(value)
    return d.isoformat() if d else None


def _date(value) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
