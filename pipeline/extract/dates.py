"""Resolve the day a claimed event happened, relative to the article's published date.

The guide's rules: explicit dates take the year from `published` ("on January 4");
"overnight", "today", "over the past 24 hours" are the published day; "yesterday" the
day before; a weekday the last such day on or before publication; "earlier",
"recently", "last week" or a month alone leave the date unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from . import lexicon
from .document import DocView, Sentence

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")
YEAR = re.compile(r"^(19|20)\d\d$")
REPORTING_NEAR = {"said", "says", "told", "reported", "announced", "wrote", "stated", "claimed", "added", "confirmed", "posted", "briefing", "statement", "update", "address", "cited", "quoted"}


@dataclass(frozen=True)
class DateMention:
    """A time expression in the text: tokens [start, end) and the day it gives, if any."""

    start: int
    end: int
    value: date | None
    kind: str  # explicit, weekday, relative, undated, day_before_that
    reporting: bool = False  # attached to a reporting verb: "said on Sunday"


@lru_cache(maxsize=1)
def _cue_phrases() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Relative time phrases from cues.yaml, indexed by first word, longest first."""
    cues = lexicon.load("cues.yaml")
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for key in ("undated", "overnight", "yesterday"):
        for p in cues[key]:
            phrase = tuple(p.lower().split())
            table.setdefault(phrase[0], []).append((phrase, key))
    for options in table.values():
        options.sort(key=lambda o: -len(o[0]))
    return table


def infer_year(month: int, day: int, published: date | None) -> date | None:
    """The most recent date with this month and day on or before publication."""
    if published is None:
        return None
    for year in (published.year, published.year - 1):
        try:
            d = date(year, month, day)
        except ValueError:
            return None
        if d <= published + timedelta(days=1):
            return d
    return None


def last_weekday(weekday: int, published: date | None) -> date | None:
    if published is None:
        return None
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def find_dates(view: DocView, sent: Sentence, published: date | None) -> list[DateMention]:
    """Time expressions in a sentence, left to right."""
    words = view.words
    out: list[DateMention] = []
    cues = _cue_phrases()
    k = sent.start
    while k < sent.end:
        w = words[k]
        found = _explicit(words, k, sent.end, published)
        if found:
            if not _dateline(words, found, sent):
                out.append(found)
            k = found.end
            continue
        day = w[:-2] if w.endswith(("'s", "\u2019s")) else w
        if day in WEEKDAYS:
            out.append(DateMention(k, k + 1, last_weekday(WEEKDAYS[day], published), "weekday"))
            k += 1
            continue
        if words[k : k + 4] == ["the", "day", "before", "that"]:
            out.append(DateMention(k, k + 4, None, "day_before_that"))
            k += 4
            continue
        for phrase, key in cues.get(w, ()):
            if tuple(words[k : k + len(phrase)]) == phrase:
                value = None
                if key == "overnight":
                    value = published
                elif key == "yesterday" and published:
                    value = published - timedelta(days=1)
                kind = "undated" if key == "undated" else "relative"
                out.append(DateMention(k, k + len(phrase), value, kind))
                k += len(phrase) - 1
                break
        k += 1
    return _anchored([_mark_reporting(words, d, sent) for d in out], words, sent)


def _anchored(dates: list[DateMention], words, sent: Sentence) -> list[DateMention]:
    """"On May 28, the spokesman said ... in the past day": a date opening the sentence is the day
    its "past day", "overnight" or "yesterday" count from, not the published date."""
    lead = next((d for d in dates if d.kind == "explicit" and d.value and d.start - sent.start <= 2
                 and d.end < sent.end and words[d.end] == ","), None)
    if lead is None:
        return dates
    out = []
    for d in dates:
        if d.kind == "relative" and d.value is not None and d.start > lead.end:
            value = lead.value - timedelta(days=1) if _is_yesterday(words, d) else lead.value
            d = DateMention(d.start, d.end, value, d.kind, d.reporting)
        out.append(d)
    return out


def _is_yesterday(words, d: DateMention) -> bool:
    phrases = _cue_phrases().get(words[d.start], ())
    return any(key == "yesterday" and tuple(words[d.start : d.start + len(p)]) == p for p, key in phrases)


def _dateline(words, d: DateMention, sent: Sentence) -> bool:
    """"July 28 (UPI) --", "MOSCOW, May 27. /TASS/.": the date of the dispatch, not of an event."""
    if d.start - sent.start > 3:
        return False
    follow = words[d.end : d.end + 2]
    if len(follow) == 2 and follow[0] == "." and follow[1].startswith("/"):
        return True
    return bool(follow) and (follow[0] in ("(", "--", "\u2014", "\u2013", "/") or follow[0].startswith("/"))


def _mark_reporting(words, d: DateMention, sent: Sentence) -> DateMention:
    window = words[max(sent.start, d.start - 3) : d.start]
    if any(w in REPORTING_NEAR for w in window):
        return DateMention(d.start, d.end, d.value, d.kind, True)
    return d


def _explicit(words, k: int, end: int, published: date | None) -> DateMention | None:
    """"May 27", "27 May", "Jan. 4", "Sept. 22", "March 18 to 19", "May 2, 2022"."""
    w = words[k].rstrip(".")
    if w in MONTHS and k + 1 < end:
        nxt = words[k + 1]
        if nxt == ".":
            k2 = k + 2
        else:
            k2 = k + 1
        m = DAY.match(words[k2]) if k2 < end else None
        if m:
            day = int(m.group(1))
            stop = k2 + 1
            if stop + 1 < end and words[stop] in ("to", "-", "\u2013", "into") and DAY.match(words[stop + 1]):
                day = int(DAY.match(words[stop + 1]).group(1))
                stop += 2
            year = None
            if stop + 1 < end and words[stop] == "," and YEAR.match(words[stop + 1]):
                year, stop = int(words[stop + 1]), stop + 2
            elif stop < end and YEAR.match(words[stop]):
                year, stop = int(words[stop]), stop + 1
            value = _make(year, MONTHS[w], day, published)
            if value is not None and _night_ending_next_day(words, stop, end):
                value = value + timedelta(days=1)
            return DateMention(k, stop, value, "explicit")
    m = DAY.match(words[k])
    if m and k + 1 < end:
        j = k + 1
        if words[j] in ("to", "-", "\u2013", "into") and j + 1 < end and DAY.match(words[j + 1]):
            m = DAY.match(words[j + 1])
            j += 2
        mon = words[j].rstrip(".") if j < end else ""
        if mon in MONTHS and mon not in ("may", "mar") or (mon in ("may", "mar") and j + 1 <= end):
            if mon in MONTHS:
                day = int(m.group(1))
                stop = j + 1
                year = None
                if stop < end and YEAR.match(words[stop]):
                    year, stop = int(words[stop]), stop + 1
                return DateMention(k, stop, _make(year, MONTHS[mon], day, published), "explicit")
    return None


def _night_ending_next_day(words, stop: int, end: int) -> bool:
    """"from 11 p.m. on December 24 to 7 a.m.": an overnight period, dated by the morning it ends."""
    window = words[stop : min(end, stop + 10)]
    if "to" not in window and "until" not in window:
        return False
    after = window[window.index("to") if "to" in window else window.index("until"):]
    return any(w in ("a.m.", "am", "a.m", "morning") for w in after)


def _make(year: int | None, month: int, day: int, published: date | None) -> date | None:
    if not 1 <= day <= 31:
        return None
    if year is not None:
        try:
            return date(year, month, day)
        except ValueError:
            return None
    return infer_year(month, day, published)


def pick_date(dates: list[DateMention], position: int) -> DateMention | None:
    """The time expression that dates a claim at token `position` in the sentence.

    Event times win over the time of the statement ("said on Sunday"), an explicit
    date over a relative word, and the nearest over the farthest.
    """
    if not dates:
        return None
    event = [d for d in dates if not d.reporting]
    pool = event or dates
    dated = [d for d in pool if d.kind != "undated"]
    if dated:
        # a day named outright beats "overnight": "overnight into Monday", "on the night of 12 March"
        named = [d for d in dated if d.kind in ("explicit", "weekday")]
        relative = [d for d in dated if d.kind == "relative"]
        together = any(abs(n.start - r.end) <= 3 or abs(r.start - n.end) <= 3 for n in named for r in relative)
        if named and (any(d.kind == "undated" for d in pool) or together):
            pool = named
        else:
            pool = dated
    return min(pool, key=lambda d: abs(d.start - position))
