"""Read quantities: "1,200", "twenty-two", "two dozen", "at least 30", "several", "a drone".

Functions work on a sequence of lower-cased token texts, so they can be tested
without spaCy. Each returns a `Quantity` spanning token positions [start, end).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Sequence

from . import lexicon

DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")
HYPHENS = {"-", "\u2010", "\u2011", "\u2013"}


@dataclass(frozen=True)
class Quantity:
    """A count as the text states it.

    kind: "number" (a stated figure), "item" (a single item: "a drone", "another"),
    "vague" ("several": no number), "all" ("every one of them": the antecedent's count),
    "all_but" ("all but 3", "every drone except 19": the antecedent's count minus `minus`),
    "remainder" ("the rest": what a breakdown leaves).
    """

    start: int
    end: int
    count: int | None
    qualifier: str
    kind: str = "number"
    minus: int = 0


@lru_cache(maxsize=1)
def _vocab():
    """Number words, multipliers, and phrase tables indexed by their first word, longest first."""
    data = lexicon.load("numbers.yaml")
    words = {k.lower(): int(v) for k, v in data["words"].items()}
    multipliers = {k.lower(): int(v) for k, v in data["multipliers"].items()}
    phrases = _by_first_word((tuple(k.lower().split()), int(v)) for k, v in data["phrases"].items())
    qualifiers = _by_first_word(
        (tuple(item.lower().split()), qualifier)
        for qualifier, items in data["qualifiers"].items()
        for item in items
    )
    vague = _by_first_word((tuple(v.lower().split()), "unspecified") for v in data["vague"])
    items = _by_first_word((tuple(v.lower().split()), 1) for v in data["items"])
    return words, multipliers, phrases, qualifiers, vague, items


def _by_first_word(entries) -> dict[str, list[tuple[tuple[str, ...], object]]]:
    table: dict[str, list] = {}
    for phrase, value in entries:
        table.setdefault(phrase[0], []).append((phrase, value))
    for options in table.values():
        options.sort(key=lambda o: -len(o[0]))
    return table


def _starting(table, words: Sequence[str], i: int):
    """Entries of a first-word table that match the words from position i, longest first."""
    if i >= len(words):
        return
    for phrase, value in table.get(words[i], ()):
        if tuple(words[i : i + len(phrase)]) == phrase:
            yield phrase, value


def parse_number(words: Sequence[str], i: int) -> tuple[int, int] | None:
    """A number starting at token i, as (value, end); digits, words or fixed phrases."""
    if i >= len(words):
        return None
    w = words[i]
    if w[0].isdigit() and DIGITS.match(w):
        if i > 0 and words[i - 1] in ("$", "\u20ac", "\u00a3", "\u20b4", "\u20bd", "#", "no."):
            return None  # "$350m", "No. 3": money and numbering, not counts
        value, end = int(w.replace(",", "")), i + 1
        # "1.5 thousand" is rare in reports; "3 dozen" is not
        if end < len(words) and words[end] in ("dozen", "hundred", "thousand"):
            value, end = value * _vocab()[1][words[end]], end + 1
        return value, end
    nums, mult, phrases, *_ = _vocab()
    for phrase, value in _starting(phrases, words, i):
        end = i + len(phrase)
        if end < len(words) and words[end] in mult and phrase[-1] not in ("of",):
            return value * mult[words[end]], end + 1
        return value, end
    if w not in nums and w not in mult and w != "a":
        return None
    return _number_words(words, i, nums, mult)


def _number_words(words, i, nums, mult) -> tuple[int, int] | None:
    total, current, end, j = 0, None, None, i
    if words[i] == "a" and i + 1 < len(words) and words[i + 1] in ("hundred", "thousand"):
        current, j = 1, i + 1  # "a hundred and five"
    while j < len(words):
        w = words[j]
        if w in nums:
            if current is not None and current % 10 == 0 and 20 <= current < 100 and nums[w] < 10:
                current += nums[w]
            elif current is None:
                current = nums[w]
            else:
                break
            end = j + 1
            j += 1
            if j + 1 < len(words) and words[j] in HYPHENS and words[j + 1] in nums:
                j += 1  # "twenty-two"
            continue
        if w in mult and (current is not None or (j == i + 1 and words[i] in ("a", "one"))):
            base = current if current is not None else 1
            if mult[w] == 12:
                current = base * 12
            else:
                total += base * mult[w]
                current = None
            end = j + 1
            j += 1
            continue
        if w == "and" and end == j and j + 1 < len(words) and words[j + 1] in nums and total:
            j += 1
            continue
        break
    if end is None:
        return None
    return total + (current or 0), end


def parse_quantity(words: Sequence[str], i: int) -> Quantity | None:
    """A quantity starting at token i: an optional qualifier, then a number, item or vague word."""
    _, _, _, qualifiers, vague, items = _vocab()
    start = i
    qualifier = "exact"
    for phrase, q in _starting(qualifiers, words, i):
        if parse_number(words, i + len(phrase)):
            qualifier, i = q, i + len(phrase)
            break
    if words[i : i + 2] in (["a", "further"], ["one", "further"]) or (i < len(words) and words[i] in ("another", "further")):
        skip = 2 if words[i] in ("a", "one") else 1
        number = parse_number(words, i + skip)
        if number:
            value, end = number
            return Quantity(start, _more(words, end), value, qualifier)
    number = parse_number(words, i)
    if number:
        value, end = number
        if qualifier == "exact" and (words[end : end + 2] == ["-", "odd"] or words[end : end + 1] == ["odd"]):
            end += 2 if words[end] == "-" else 1
            qualifier = "approximately"  # "40-odd drones"
        return Quantity(start, _more(words, end), value, qualifier)
    if qualifier == "exact":
        for phrase, _ in _starting(vague, words, i):
            return Quantity(start, i + len(phrase), None, "unspecified", "vague")
        for phrase, _ in _starting(items, words, i):
            return Quantity(start, i + len(phrase), 1, "exact", "item")
    return None


def _more(words: Sequence[str], end: int) -> int:
    """Swallow "more"/"further"/"additional" after a number ("two more drones")."""
    if end < len(words) and words[end] in ("more", "further", "additional", "other"):
        return end + 1
    return end


def quantity_before(words: Sequence[str], end: int, floor: int = 0) -> Quantity | None:
    """The quantity whose last token is at end-1 (the word just before a noun phrase)."""
    best = None
    for start in range(max(floor, end - 8), end):
        q = parse_quantity(words, start)
        if q is not None and q.end == end:
            if best is None or q.start < best.start:
                best = q
    if best is None:
        return None
    return _extend_left(words, best, floor)


def _extend_left(words: Sequence[str], q: Quantity, floor: int) -> Quantity:
    """Grow a quantity over "all", "every one of", "all but 5 of" written before it."""
    s = q.start
    if s - 1 >= floor and words[s - 1] == "all" and q.kind == "number":
        return replace(q, start=s - 1)
    return q


def starts_vague(word: str) -> bool:
    """Whether a token can open a vague quantity ("several", "a number of")."""
    return word in _vocab()[4]


def is_number_word(word: str) -> bool:
    """Whether a token is a digit string or a number word."""
    nums, mult, *_ = _vocab()
    return bool(DIGITS.match(word)) or word in nums or word in mult
