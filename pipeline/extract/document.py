"""A plain view of a parsed Doc: tokens, sentences with their block, and vocabulary matches.

The rule modules read this view rather than spaCy objects, which keeps them small,
fast and easy to test.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.tokens import Doc


@dataclass(frozen=True)
class Match:
    """A vocabulary match: tokens [start, end), its label and canonical key."""

    start: int
    end: int
    label: str
    key: str


@dataclass
class Sentence:
    """A sentence and where it stands: its block (paragraph, heading, title, list item)."""

    index: int
    start: int  # token positions [start, end)
    end: int
    char_start: int
    char_end: int
    block: int
    kind: str  # kind of its block: title, heading, para, item
    section: int  # count of headings before it


@dataclass
class DocView:
    """Tokens, sentences and matches of one article."""

    text: str
    words: list[str]  # lower-cased token texts
    texts: list[str]  # token texts as written
    idx: list[int]  # character offset of each token
    sentences: list[Sentence]
    groups: dict[str, list[Match]] = field(default_factory=dict)
    per_sentence: dict[str, list[list[Match]]] = field(default_factory=dict)
    _sent_starts: list[int] = field(default_factory=list)

    @classmethod
    def from_doc(cls, doc: Doc) -> "DocView":
        if len(doc):
            arr = doc.to_array([IDX, LENGTH, SENT_START]).tolist()
        else:
            arr = []
        text = doc.text
        idx = [a[0] for a in arr]
        texts = [text[a[0] : a[0] + a[1]] for a in arr]
        words = [t.lower() for t in texts]
        starts = [a[2] for a in arr]
        spaces = [t.isspace() for t in texts]
        blocks = sorted(doc.spans.get("blocks", []), key=lambda s: s.start)
        block_starts = [b.start for b in blocks]
        sentences: list[Sentence] = []
        section, last_block = 0, -1
        bounds = [i for i, v in enumerate(starts) if v == 1 or i == 0] + [len(texts)]
        for a, b in zip(bounds, bounds[1:]):
            toks = [i for i in range(a, b) if not spaces[i]]
            if not toks:
                continue
            start, end = toks[0], toks[-1] + 1
            blk = bisect_right(block_starts, start) - 1
            kind = blocks[blk].label_ if blk >= 0 else "para"
            if kind == "heading" and blk != last_block:
                section += 1
            last_block = blk
            sentences.append(
                Sentence(len(sentences), start, end, idx[start], idx[end - 1] + len(texts[end - 1]), blk, kind, section)
            )
        groups = {
            name: [Match(s.start, s.end, s.label_, s.kb_id_) for s in spans]
            for name, spans in doc.spans.items()
            if name != "blocks"
        }
        view = cls(doc.text, words, texts, idx, sentences, groups)
        view._sent_starts = [s.start for s in sentences]
        for name, matches in groups.items():
            buckets: list[list[Match]] = [[] for _ in sentences]
            for m in matches:
                sent = view.sentence_of(m.start)
                if sent is not None and m.end <= sent.end:
                    buckets[sent.index].append(m)
            view.per_sentence[name] = buckets
        return view

    def sentence_of(self, token: int) -> Sentence | None:
        i = bisect_right(self._sent_starts, token) - 1
        if i < 0:
            return None
        s = self.sentences[i]
        return s if token < s.end else None

    def matches(self, group: str, sentence: Sentence, label: str | None = None) -> list[Match]:
        """Matches of a group inside one sentence, optionally of one label."""
        found = self.per_sentence.get(group)
        if not found:
            return []
        return [m for m in found[sentence.index] if label is None or m.label == label]

    def in_range(self, group: str, start: int, end: int, label: str | None = None) -> list[Match]:
        """Matches of a group lying wholly inside tokens [start, end) of one sentence."""
        sent = self.sentence_of(start)
        if sent is None:
            return []
        return [m for m in self.matches(group, sent, label) if m.start >= start and m.end <= end]

    def char_span(self, start: int, end: int) -> tuple[int, int]:
        return self.idx[start], self.idx[end - 1] + len(self.texts[end - 1])
