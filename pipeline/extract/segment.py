"""Split an article into blocks (title, headings, paragraphs, list items) and sentences.

Wire copy breaks naive splitters: datelines ("MOSCOW, May 8. /TASS/."), abbreviations
("Gov.", "Sept. 22", "U.S.-made"), breakdown lists one region a line, headlines and
bylines with no full stop. The rules here keep those intact, and the spaCy component
`counterclaim_segmenter` writes the result onto the Doc.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "cpt", "gov", "sen", "rep",
    "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "no", "co", "corp", "inc", "ltd", "vs", "approx", "est", "sgt", "adm", "brig", "cmdr",
    "pres", "prof", "jr", "sr", "mt", "ft", "fig", "vol", "u.s", "u.k", "u.n", "e.g", "i.e",
    "a.m", "p.m", "etc", "lt.-gen", "maj.-gen", "col.-gen",
}
SENTENCE_STARTERS = {
    "the", "a", "an", "it", "he", "she", "they", "we", "in", "on", "at", "according", "this",
    "that", "there", "earlier", "later", "his", "her",
}
CLOSERS = "\"'\u201d\u2019)]\u00bb"
OPENERS = "\"'\u201c\u2018([\u00ab"
TERMINAL = ".!?:;\u2026" + CLOSERS
LIST_ITEM = re.compile(r"^\s*(?:[-\u2013\u2014\u2022*]\s+|\d+\s*[\u2013\u2014-]\s+|\d+[.)]\s+(?=\D))")
MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s+")
SPLIT_CANDIDATE = re.compile(r"[.!?\u2026]+[" + re.escape(CLOSERS) + r"]*(?=\s+)")


@dataclass(frozen=True)
class Block:
    """A run of text with one role: title, heading, para or item (a list line)."""

    kind: str
    start: int
    end: int
    sentences: tuple[tuple[int, int], ...] = field(default=())


def mask_front_matter(text: str, body_start: int, title_span: tuple[int, int] | None) -> str:
    """Blank the front matter, keeping its title in place, so offsets stay those of `text`."""
    if body_start <= 0:
        return text
    head = "".join(c if c == "\n" else " " for c in text[:body_start])
    if title_span is not None:
        s, e = title_span
        if 0 <= s < e <= body_start:
            head = head[:s] + text[s:e] + head[e:]
    return head + text[body_start:]


def segment(text: str, *, title_span: tuple[int, int] | None = None) -> list[Block]:
    """Blocks in text order, each with its sentence spans (character offsets).

    The line holding `title_span` is the title; other short lines without a full
    stop are headings (section titles, bylines, datelines on their own line).
    """
    blocks: list[Block] = []
    lines = _lines(text)
    i = 0
    while i < len(lines):
        start, end = lines[i]
        line = text[start:end]
        if not line.strip():
            i += 1
            continue
        if title_span is not None and start <= title_span[0] < max(end, start + 1):
            kind = "title"
        else:
            kind = _line_kind(text, lines, i)
        if kind == "para":
            # a paragraph runs on over hard-wrapped lines
            while i + 1 < len(lines) and _continues(text, lines[i], lines[i + 1]):
                i += 1
                end = lines[i][1]
        s, e = _strip_span(text, start, end)
        if MARKDOWN_HEADING.match(text[s:e]):
            kind = "heading"
        sentences = ((s, e),) if kind in ("heading", "title") else tuple(_sentences(text, s, e))
        blocks.append(Block(kind, s, e, sentences))
        i += 1
    return blocks


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _line_kind(text: str, lines, i: int) -> str:
    start, end = lines[i]
    line = text[start:end].strip()
    if MARKDOWN_HEADING.match(line):
        return "heading"
    if LIST_ITEM.match(line):
        return "item"
    words = line.split()
    ends_open = line[-1] not in TERMINAL
    followed = any(text[s:e].strip() for s, e in lines[i + 1 :])
    if ends_open and len(words) <= 18 and followed and not _continues(text, lines[i], _next_nonblank(text, lines, i)):
        return "heading"
    if line.endswith("?") and len(words) <= 8 and followed:
        return "heading"
    return "para"


def _next_nonblank(text: str, lines, i: int):
    for s, e in lines[i + 1 :]:
        if text[s:e].strip():
            return (s, e)
    return None


def _continues(text: str, cur, nxt) -> bool:
    """A line break inside a sentence: the next line directly follows and starts in lower case."""
    if nxt is None or nxt[0] != cur[1] + 1:
        return False
    line, following = text[cur[0] : cur[1]].rstrip(), text[nxt[0] : nxt[1]].lstrip()
    return bool(line) and bool(following) and line[-1] not in TERMINAL and following[0].islower()


def _sentences(text: str, start: int, end: int):
    chunk = text[start:end]
    s = 0
    for m in SPLIT_CANDIDATE.finditer(chunk):
        cut = m.end()
        if _is_boundary(chunk, m.start(), cut):
            a, b = _strip_span(text, start + s, start + cut)
            if b > a:
                yield a, b
            s = cut
    a, b = _strip_span(text, start + s, end)
    if b > a:
        yield a, b


def _is_boundary(chunk: str, punct: int, cut: int) -> bool:
    rest = chunk[cut:].lstrip()
    if not rest:
        return False
    nxt = rest[0]
    if not (nxt.isupper() or nxt.isdigit() or nxt in OPENERS or nxt in "-\u2013\u2014"):
        return False
    if chunk[punct] != ".":
        return True
    if re.fullmatch(r"\s*\d{1,2}", chunk[:punct]):
        return False  # "1. Kursk region – 5": the number of a list item
    word = re.search(r"([\w.'\u2019-]+)$", chunk[:punct])
    token = word.group(1).lower() if word else ""
    if token in ABBREVIATIONS:
        if token in ("a.m", "p.m"):
            follower = re.match(r"[\w']+", rest)
            return bool(follower) and follower.group(0).lower() in SENTENCE_STARTERS
        return False
    if len(token) == 1 and token.isalpha() and chunk[punct - 1].isupper():
        return False  # an initial: "J. Smith"
    return True


@Language.component("counterclaim_segmenter")
def segmenter(doc: Doc) -> Doc:
    """Set sentence starts and store the blocks as the `blocks` span group.

    The title's character span, when known, is read from `doc.user_data["title_span"]`.
    """
    title = doc.user_data.get("title_span")
    blocks = segment(doc.text, title_span=tuple(title) if title else None)
    starts = {s for b in blocks for s, _ in b.sentences}
    if len(doc):
        idx = doc.to_array([IDX])
        flags = numpy.array([1 if (i == 0 or int(x) in starts) else -1 for i, x in enumerate(idx)], dtype="int32")
        doc.from_array([SENT_START], flags.astype("uint64").reshape(-1, 1))
    spans = [doc.char_span(b.start, b.end, label=b.kind, alignment_mode="expand") for b in blocks]
    doc.spans["blocks"] = [s for s in spans if s is not None]
    return doc
