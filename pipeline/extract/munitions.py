"""Find munition noun phrases and decide their class and model.

A phrase is a run of munition words and modifiers ("U.S.-made ATACMS ballistic
missiles", "Shahed-131/136 attack drones"), plus what follows it and names the
type ("of the Iskander-M or KN-23 type", "(S-400, Iskander-M)", "fired by HIMARS
systems"). The model is set only when every counted item is that model.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import lexicon
from .document import DocView, Match, Sentence

PLURAL_EXEMPT = {"atacms", "himars", "uas", "nasams", "gmlrs", "usvs", "scalp", "kabs", "aircraft"}
LAUNCH_PREPS = {"by", "from"}
TYPE_TAILS = {"type", "types", "class", "family", "variant", "variants", "modification", "system", "systems", "launcher", "launchers", "mlrs"}


@dataclass(frozen=True)
class Munition:
    """A munition noun phrase: tokens [start, end), its head, class, model and side words."""

    start: int
    end: int
    head: int  # last token of the head word
    cls: str
    model: str | None
    models: tuple[str, ...]
    sides: tuple[str, ...]  # RU/UA/enemy/own words inside the phrase or its "by ..." tail
    user: str | None  # side that usually launches this model or type
    plural: bool


@dataclass(frozen=True)
class ModelInfo:
    cls: str
    user: str | None
    canonical: bool


@lru_cache(maxsize=1)
def model_table() -> dict[str, ModelInfo]:
    """Canonical models and named types, keyed by name."""
    data = lexicon.load("munitions.yaml")
    table = {m["model"]: ModelInfo(m["class"], m.get("user") or None, True) for m in data["models"]}
    for t in data.get("types", []):
        table[t["name"]] = ModelInfo(t["class"], t.get("user") or None, False)
    return table


@lru_cache(maxsize=1)
def modifier_words() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.load("munitions.yaml").get("modifiers", []))


def find_munitions(view: DocView, sent: Sentence) -> list[Munition]:
    """Every munition phrase in a sentence, left to right."""
    heads = [m for m in view.matches("munitions", sent) if m.label in ("noun", "model", "type")]
    if not heads:
        return []
    not_heads = {m.start: m for m in view.matches("munitions", sent, "not_head")}
    sides = {m.start: m for m in view.matches("sides", sent)}
    by_start: dict[int, list[Match]] = {}
    for m in heads:
        by_start.setdefault(m.start, []).append(m)
    modifiers = modifier_words()
    out: list[Munition] = []
    i = sent.start
    while i < sent.end:
        if i not in by_start:
            i += 1
            continue
        parts: list[Match] = []
        j = i
        while j < sent.end:
            if j in by_start:
                m = max(by_start[j], key=lambda x: x.end)
                parts.append(m)
                j = m.end
            elif view.words[j] in modifiers and _more_munition_ahead(view, j, sent.end, by_start, modifiers):
                j += 1
            elif view.words[j] in ("or", "and", "/", ",") and parts and parts[-1].label in ("model", "type") \
                    and not any(p.label == "noun" for p in parts) and j + 1 in by_start \
                    and any(x.label in ("model", "type") for x in by_start[j + 1]) \
                    and _noun_ahead(view, j + 1, sent.end, by_start, modifiers):
                j += 1  # "Iskander-M or KN-23 ballistic missiles": one noun, two types
            else:
                break
        start = i
        while start - 1 >= sent.start and (view.words[start - 1] in modifiers or start - 1 in sides) \
                and view.words[start - 1] not in ('"', "'", "\u201c", "\u201d"):
            start -= 1
        i = j
        if j in not_heads or (j < sent.end and view.words[j] in ("-", "\u2013") and j + 1 in not_heads):
            continue  # "drone strike", "HIMARS systems", "missile-carrier"
        out.append(_build(view, sent, start, j, parts, sides))
    return _join_classes(view.words, out)


def _join_classes(words, found: list[Munition]) -> list[Munition]:
    """"ballistic and cruise missiles": class words joined before one plural noun name one
    set of several classes, so the count is mixed and no single model holds."""
    out: list[Munition] = []
    for m in found:
        prev = out[-1] if out else None
        if prev is not None and not prev.plural and m.plural and prev.cls != m.cls and m.start == prev.end + 1 \
                and words[prev.end] in ("and", "or", "/"):
            users = {prev.user, m.user} - {None}
            out[-1] = Munition(prev.start, m.end, m.head, "mixed", None, prev.models + m.models, prev.sides + m.sides,
                               users.pop() if len(users) == 1 else None, True)
            continue
        out.append(m)
    return out


def _noun_ahead(view: DocView, j: int, end: int, by_start, modifiers) -> bool:
    k = j
    while k < end:
        if k in by_start:
            m = max(by_start[k], key=lambda x: x.end)
            if m.label == "noun":
                return True
            k = m.end
        elif view.words[k] in modifiers or view.words[k] in ("or", "and", "/", ","):
            k += 1
        else:
            return False
    return False


def _more_munition_ahead(view: DocView, j: int, end: int, by_start, modifiers) -> bool:
    k = j
    while k < end and view.words[k] in modifiers and k not in by_start:
        k += 1
    return k in by_start


def _build(view: DocView, sent: Sentence, start: int, end: int, parts: list[Match], sides) -> Munition:
    table = model_table()
    nouns = [p for p in parts if p.label == "noun"]
    named = [p.key for p in parts if p.label in ("model", "type")]
    head_match = nouns[-1] if nouns else parts[-1]
    head = head_match.end - 1
    tail_end, tail_named, tail_sides = _tail(view, sent, end)
    named = _unique(named + tail_named)
    side_words = tuple(sides[k].key for k in range(start, end) if k in sides) + tail_sides
    noun_cls = nouns[-1].key if nouns else None
    cls, model, user = _classify(noun_cls, named, table)
    if nouns and " and " in " ".join(view.words[nouns[-1].start : nouns[-1].end]):
        model = None  # "Shahed drones and decoys": not every counted item is that model
    word = view.words[head]
    plural = (word.endswith("s") and word not in PLURAL_EXEMPT) or (noun_cls == "mixed")
    return Munition(start, max(end, tail_end), head, cls, model, tuple(named), side_words, user, plural)


def _classify(noun_cls: str | None, named: list[str], table: dict[str, ModelInfo]):
    infos = [table[n] for n in named if n in table]
    users = {i.user for i in infos if i.user}
    user = users.pop() if len(users) == 1 else None
    if not infos:
        return noun_cls or "uav", None, user
    classes = {i.cls for i in infos}
    canonical = [n for n in named if n in table and table[n].canonical]
    model = canonical[0] if len(named) == 1 and canonical else None
    if len(classes) > 1:
        cls = "mixed"
    else:
        cls = classes.pop()
        if noun_cls in ("mixed",) and len(named) > 0 and model is None:
            cls = noun_cls
    return cls, model, user


def _tail(view: DocView, sent: Sentence, end: int) -> tuple[int, list[str], tuple[str, ...]]:
    """Type names written after the phrase: "(S-400, Iskander-M)", "of the KN-23 type",
    "known as ATACMS", "fired by Ukrainian HIMARS and Uragan launchers"."""
    words = view.words
    named: list[str] = []
    side_words: list[str] = []
    models_at = {m.start: m for m in view.matches("munitions", sent) if m.label in ("model", "type")}
    sides_at = {m.start: m for m in view.matches("sides", sent)}
    k = end
    # "(UAVs)", "(S-400, 'Iskander-M')", "(ATACMS)"
    if k < sent.end and words[k] == "(":
        close = next((x for x in range(k + 1, min(sent.end, k + 12)) if words[x] == ")"), None)
        if close is not None:
            named += [models_at[x].key for x in range(k + 1, close) if x in models_at]
            return close + 1, named, tuple(side_words)
    # "of the Iskander-M or KN-23 type"
    if words[k : k + 2] == ["of", "the"]:
        stop = next((x for x in range(k + 2, min(sent.end, k + 10)) if words[x] in TYPE_TAILS), None)
        if stop is not None:
            named += [models_at[x].key for x in range(k + 2, stop) if x in models_at]
            return stop + 1, named, tuple(side_words)
    # ", known as ATACMS"
    if words[k : k + 3] == [",", "known", "as"] or words[k : k + 2] == ["known", "as"]:
        s = k + (3 if words[k] == "," else 2)
        if s in models_at:
            return models_at[s].end, [models_at[s].key], tuple(side_words)
    # "fired by Ukrainian HIMARS and Uragan multiple rocket launchers", "from a Vampire launcher"
    x = k
    if x < sent.end and words[x] in ("fired", "launched", "shot", "sent"):
        x += 1
    if x < sent.end and words[x] in LAUNCH_PREPS:
        window = range(x + 1, min(sent.end, x + 9))
        found = [models_at[y].key for y in window if y in models_at]
        system = any(words[y].startswith(("system", "launcher", "complex", "battery", "mlrs")) for y in window)
        if found and (system or words[x] == "by"):
            named += found
            side_words += [sides_at[y].key for y in window if y in sides_at]
    return k, named, tuple(side_words)


def _unique(items: list[str]) -> list[str]:
    seen, out = set(), []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out
