"""Helpers shared by the extractor tests: parse a text once and look at its parts."""

from __future__ import annotations

from datetime import date

from pipeline.extract import extract_claims, parse
from pipeline.extract.document import DocView, Sentence
from pipeline.extract.mentions import Mention, find_mentions
from pipeline.extract.nlp import shared_nlp

PUBLISHED = "2025-03-14"  # a Friday
FRONT_MATTER = "---\nsource: unit test\n---\n"


def words_of(text: str) -> list[str]:
    """Lower-cased token texts, as the spaCy tokenizer splits them."""
    return [t.lower_ for t in shared_nlp().make_doc(text)]


def body(text: str) -> str:
    """An article whose body is `text`, with front matter so no line is read as a title."""
    return FRONT_MATTER + text


def view_of(text: str, published: str | None = PUBLISHED) -> DocView:
    """The parsed view of an article body (no title line)."""
    meta = {"published": published} if published else {}
    return DocView.from_doc(parse(body(text), meta))


def only_sentence(view: DocView) -> Sentence:
    assert len(view.sentences) == 1, [view.text[s.char_start : s.char_end] for s in view.sentences]
    return view.sentences[0]


def last_sentence(view: DocView) -> Sentence:
    return view.sentences[-1]


def mentions_by_sentence(view: DocView) -> list[list[Mention]]:
    """Mentions of every sentence, each sentence seeing the earlier ones as antecedents."""
    antecedents: list[Mention] = []
    out = []
    for sent in view.sentences:
        found = find_mentions(view, sent, antecedents)
        out.append(found)
        antecedents.extend(found)
    return out


def claims_of(text: str, published: str | None = PUBLISHED):
    meta = {"published": published} if published else {}
    return extract_claims(body(text), meta)


def day(iso: str | None) -> date | None:
    return date.fromisoformat(iso) if iso else None
