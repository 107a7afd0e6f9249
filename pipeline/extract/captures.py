"""Captured settlements: "took control of Progres and Yevgenivka", "Novenke was liberated".

A capture needs a named settlement as the object of a capture word, its subject in the
passive, or an anaphor ("the village") pointing back at one. The side that took it
comes from the subject ("Ukrainian troops", "its forces") or, for "lost", is the other side.
"""

from __future__ import annotations

from dataclasses import dataclass

from .actions import is_denied, is_modal, is_negated, is_passive
from .document import DocView, Match, Sentence
from .places import Location, NOT_NAMES

FUNCTION_WORDS = {
    "with", "the", "in", "on", "at", "after", "before", "by", "for", "from", "as", "but", "and", "or",
    "a", "an", "this", "that", "these", "those", "it", "they", "he", "she", "we", "its", "their", "our",
    "since", "while", "when", "if", "of", "to", "into", "over", "under", "near", "meanwhile", "earlier",
    "later", "separately", "also", "however", "moscow", "kyiv", "russia", "ukraine",
}
NOT_SETTLEMENTS = {"europe", "asia", "africa", "america", "nato", "eu", "washington", "kremlin", "west", "east", "ukraine", "russia"}
ANAPHORS = {"village", "town", "settlement", "city", "hamlet"}
OBJECT_SKIP = {"russian", "ukrainian", "russian-held", "ukrainian-held", "occupied", '"', "\u201c", "\u201d", "'", "the", "village", "of", "town", "settlement", "settlements", "villages", "city", "nearby", "small", "key", "strategic", "eastern", "frontline", "front-line", "back", "all", "fully", "over", "its", "full", "control", "hamlet", "neighbouring", "neighboring", "adjacent"}
CLAIMED_NEEDS = {"village", "town", "settlement", "city", "villages", "settlements"}
SETTLEMENT_KINDS = {"place", "text"}
ATTEMPTS = {"trying", "tried", "try", "tries", "attempting", "attempted", "attempt", "attempts", "bid", "seeking", "aiming", "hoping", "struggling", "pushing", "push"}
NOUN_TRIGGERS = {"liberation", "capture", "recapture", "taking", "fall"}
STOP = {";", "while", "whereas", "but", "although", "because", "as", "after", "before", "which", "where", "when"}


@dataclass(frozen=True)
class Capture:
    """A captured settlement in a sentence, and the trigger that says so."""

    location: Location
    trigger: Match
    lost: bool  # written from the loser's side ("we lost X")
    subject_side: str | None


def find_captures(view: DocView, sent: Sentence, locs: list[Location], last_settlement: Location | None) -> list[Capture]:
    words = view.words
    out: list[Capture] = []
    seen: set[str] = set()
    for trig in view.matches("triggers", sent):
        if trig.label not in ("capture", "lose"):
            continue
        if is_negated(view, trig, sent.start) or is_modal(view, trig, sent.start) or is_denied(view, trig, sent.start):
            continue
        if any(w in ATTEMPTS for w in words[max(sent.start, trig.start - 4) : trig.start]):
            continue  # "the city Russia has been trying to capture": an aim, not a capture
        word = words[trig.start]
        if word in ("claimed", "took", "taken", "lost", "lose") and not _claimed_ok(view, sent, trig, locs):
            continue
        targets = _objects(view, sent, trig, locs)
        if not targets:
            targets = _subjects(view, sent, trig, locs, passive=is_passive(view, trig, sent.start) or word in ("back", "is"))
        if not targets and last_settlement is not None and _anaphor(view, sent, trig):
            targets = [last_settlement]
        side = _subject_side(view, sent, trig)
        for loc in targets:
            if loc.name and loc.name not in seen:
                seen.add(loc.name)
                out.append(Capture(loc, trig, trig.label == "lose", side))
    return out


def _claimed_ok(view: DocView, sent: Sentence, trig: Match, locs: list[Location]) -> bool:
    """"claimed", "took" and "lost" are captures only with a settlement right after them."""
    words = view.words
    window = words[trig.end : trig.end + 4]
    if any(w in CLAIMED_NEEDS for w in window):
        return True
    if words[trig.start] in ("took", "taken") and trig.end < sent.end and words[trig.end] in ("control", "back"):
        return True
    nearby = [l for l in locs if l.kind in SETTLEMENT_KINDS and 0 <= l.start - trig.end <= 1]
    return bool(nearby) or (words[trig.start] in ("lost", "took", "taken") and _raw_name(view, sent, trig.end) is not None)


def _objects(view: DocView, sent: Sentence, trig: Match, locs: list[Location]) -> list[Location]:
    words = view.words
    k = trig.end
    while k < sent.end and words[k] in OBJECT_SKIP:
        k += 1
    out, k = _names_at(view, sent, k, locs)
    more = _named_others(words, k, sent.end)
    if out and more is not None:
        # "control of Lysychansk and other nearby towns, notably A, B and C": the towns named too
        out += _names_at(view, sent, more, locs, listing=True)[0]
    return out


NAMING = {"notably", "including", "namely", "especially", "particularly"}
PLACE_PLURALS = {"towns", "villages", "settlements", "localities", "cities", "communities"}


def _named_others(words, k: int, end: int) -> int | None:
    """Where the names begin in "and other nearby towns, notably ...", "and other villages,
    including ...", "and other settlements such as ..."; None when no such list follows."""
    if words[k : k + 2] != ["and", "other"]:
        return None
    j = next((x for x in range(k + 2, min(end, k + 6)) if words[x] in PLACE_PLURALS), None)
    if j is None:
        return None
    j += 1 + (j + 1 < end and words[j + 1] == ",")
    if j < end and words[j] in NAMING:
        return j + 1
    if words[j : j + 2] in (["such", "as"], ["among", "them"]):
        return j + 2
    return None


def _names_at(view: DocView, sent: Sentence, k: int, locs: list[Location], listing: bool = False) -> tuple[list[Location], int]:
    """The settlement names listed from token k ("Progres and Yevgenivka"), and where they end;
    `listing` when a word such as "notably" has announced a list, so commas go on with it."""
    words = view.words
    out: list[Location] = []
    while k < sent.end:
        loc = next((l for l in locs if l.start == k), None)
        if loc is not None and loc.kind in SETTLEMENT_KINDS:
            out.append(loc)
            k = loc.end
        elif loc is None:
            raw = _raw_name(view, sent, k)
            if raw is None:
                break
            out.append(raw)
            k = raw.end
        else:
            break
        if k < sent.end and words[k] in (",", "and") and k + 1 < sent.end:
            nxt = k + 1 + (1 if words[k + 1] == "and" else 0)
            known = any(l.start == nxt and l.kind in SETTLEMENT_KINDS for l in locs)
            # "took Progres and Yevgenivka": a list; "took Sudzha, President Zelensky said": not
            if nxt < sent.end and view.texts[nxt][:1].isupper() and (known or listing or "and" in words[k : nxt]):
                k = nxt
                continue
        break
    return out, k


def _raw_name(view: DocView, sent: Sentence, k: int) -> Location | None:
    """A capitalised name the gazetteer does not know, read as a settlement."""
    texts, words = view.texts, view.words
    if k >= sent.end or not texts[k][:1].isupper() or words[k] in NOT_NAMES or words[k] in FUNCTION_WORDS:
        return None
    if any(m.start <= k < m.end or k <= m.start < k + 3 for m in view.matches("claimants", sent)):
        return None
    if any(m.start == k for m in view.matches("sides", sent)):
        return None
    end = k + 1
    while end < sent.end and (texts[end][:1].isupper() or texts[end] == "-") and words[end] not in NOT_NAMES:
        end += 1
    name = " ".join(texts[k:end]).replace(" - ", "-")
    if name.isupper() and len(name) <= 4:
        return None
    if words[k] in NOT_SETTLEMENTS or any(m.start <= k < m.end for m in view.matches("places", sent) if m.label in ("country", "region_full", "region_bare")):
        return None
    return Location(k, end, "settlement", None, None, name, kind="text")


def _subjects(view: DocView, sent: Sentence, trig: Match, locs: list[Location], passive: bool) -> list[Location]:
    words = view.words
    if not passive and words[trig.start] not in ("back", "fall", "is", "liberation", "capture", "recapture", "taking"):
        return []
    cands = [l for l in locs if l.kind in SETTLEMENT_KINDS and l.end <= trig.start]
    cands = [l for l in cands if not any(w in STOP for w in words[l.end : trig.start])]
    if words[trig.start] in NOUN_TRIGGERS:
        # "Bakhmut's capture", "Avdiivka's fall": the name right before the noun, nothing further
        cands = [l for l in cands if all(w in ("'s", "\u2019s", "the") for w in words[l.end : trig.start])]
    if not cands:
        raw = _raw_name(view, sent, sent.start)
        # "Pishchane has been captured by Russian troops": a name opening the clause
        if raw is not None and trig.start - raw.end <= 4 and all(w in ("has", "have", "had", "been", "was", "were", "is", "now", "fully", "reportedly") for w in words[raw.end : trig.start]):
            return [raw]
        return []
    last = cands[-1]
    group = [last]
    for l in reversed(cands[:-1]):
        if all(w in (",", "and") for w in words[l.end : group[0].start]):
            group.insert(0, l)
    return group


def _anaphor(view: DocView, sent: Sentence, trig: Match) -> bool:
    """"the village had been liberated", "taken the village back": a settlement named before."""
    words = view.words
    lo = max(sent.start, trig.start - 6)
    window = words[lo : trig.end + 4]
    # "the village was liberated"; not "closer to the town of Kurakhove, ... seized a village"
    return any(w in ANAPHORS and i > 0 and window[i - 1] in ("the", "that") and window[i + 1 : i + 2] != ["of"]
               for i, w in enumerate(window))


def _subject_side(view: DocView, sent: Sentence, trig: Match) -> str | None:
    """Side of the forces that took it: "Russian forces captured", "back in Ukrainian hands"."""
    words = view.words
    sides = view.matches("sides", sent)
    after = [s for s in sides if trig.start <= s.start <= trig.end + 1 and words[trig.end - 1] in ("hands", "control")]
    if after:
        return after[0].key if after[0].key in ("RU", "UA") else None
    tail = " ".join(words[trig.start : trig.end])
    if "ukrainian" in tail:
        return "UA"
    if "russian" in tail:
        return "RU"
    before = [s for s in sides if s.end <= trig.start and trig.start - s.end <= 6 and s.key in ("RU", "UA")]
    if before:
        return before[-1].key
    return None
