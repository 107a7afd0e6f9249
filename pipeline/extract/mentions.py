"""Counted munitions in a sentence: a quantity with its munition, stated or implied.

Stated: "eight ATACMS missiles", "several UAVs", "a drone", "48 of the 53 drones" (48,
and the total 53 as a launch), "all but five of the 27 drones" (22). Implied by the
sentence before or the total they break down: "one in Kursk", "33 were suppressed",
"the Rostov region accounted for 25", "every drone except 19", "the remainder".
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

from . import lexicon
from .document import DocView, Sentence
from .munitions import Munition, find_munitions, model_table, modifier_words
from .numbers import Quantity, parse_number, parse_quantity, quantity_before, starts_vague

BREAKDOWN_PREPS = {"over", "in", "above", "near", "across", "on", "off", "outside", "around"}
UNIT_WORDS = {
    "km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "metres", "meters",
    "%", "percent", "per", "people", "persons", "civilians", "residents", "children", "soldiers",
    "servicemen", "troops", "houses", "homes", "buildings", "years", "year", "days", "day", "hours",
    "hour", "minutes", "times", "dollars", "million", "billion", "tonnes", "tons", "villages",
    "settlements", "regions", "oblasts", "towns", "cities", "kg", "lb", "lbs", "square", "sq",
    "am", "pm", "a.m.", "p.m.", "gmt", "utc", "injured", "wounded", "killed", "dead", "attacks",
    "assaults", "ships", "vessels", "tanks", "vehicles", "patients", "brigade", "th", "st", "nd",
    "rd", "locations", "sites", "districts", "communities", "workers", "people's", "fires",
    "shells", "strikes", "blasts", "explosions", "times", "sorties", "weeks", "months",
}
ALL_WORDS = {"all", "every", "each"}
CASUALTY_VERBS = {"killing", "killed", "wounding", "wounded", "injuring", "injured", "hurting", "hurt", "leaving", "left"}
OBJECT_END = {"", ",", ".", ";", "and", "while", "whereas", "but", "overnight", "today", "yesterday", "\u2014", "-", "(", ")"}
EXCEPT_WORDS = {"except", "but", "save"}


@dataclass
class Mention:
    """A counted munition: tokens [start, end), its count and what it is."""

    start: int
    end: int
    head: int
    count: int | None
    qualifier: str
    cls: str
    model: str | None
    sides: tuple[str, ...] = ()
    user: str | None = None
    kind: str = "stated"  # stated, part ("34 of the drones"), total, bare, all, all_but, remainder, every_one, ghost, aside
    minus: int = 0
    action: str | None = None  # fixed by the mention's form (a partitive total is a launch)
    parent: "Mention | None" = None
    distribute: bool = False  # "one apiece over the X, Y and Z regions"
    is_aircraft: bool = False
    definite: bool = False  # "the missile", "the pair of missiles": may restate an earlier count
    region_hint: str | None = None  # "the Rostov region accounted for 25"
    place: object = None  # where the claim built from this mention was placed
    attacker: str | None = None  # the side the claim built from this mention gives
    copular: bool = False  # "372 were drones": a part of its parent, named by kind
    children: list = field(default_factory=list)

    @classmethod
    def from_munition(cls, mun: Munition, q: Quantity | None, **kw) -> "Mention":
        start = q.start if q is not None else mun.start
        return cls(
            start, mun.end, mun.head,
            q.count if q is not None else None,
            q.qualifier if q is not None else "unspecified",
            mun.cls, mun.model, mun.sides, mun.user,
            is_aircraft=mun.cls == "aircraft", **kw,
        )


def find_mentions(view: DocView, sent: Sentence, antecedents: list[Mention], hint: str | None = None,
                  sets: list[Mention] = ()) -> list[Mention]:
    """Counted munitions in a sentence, stated and implied, left to right.

    `hint` is the class of an uncounted set the text named just before ("breaking the drones
    down by region as follows:"), which implied counts then refer to.
    """
    words = view.words
    out: list[Mention] = []
    muns = find_munitions(view, sent)
    for mun in muns:
        out.extend(_stated(view, sent, mun))
    out = _join_uncounted(view.words, out)
    out = _appositives(view.words, out)
    _shared_counts(view, sent, out)
    covered = set()
    for m in out:
        covered.update(range(m.start, m.end))
    if hint is not None:
        preferred = [a for a in antecedents if a.cls == hint and a.kind != "ghost"]
        if preferred:
            antecedents = [a for a in antecedents if a not in preferred] + preferred[-1:]
    out += _implied(view, sent, out, covered, antecedents, muns, sets)
    out.sort(key=lambda m: (m.start, m.end))
    for m in out:
        k = m.end
        while k < sent.end and words[k] in (",", "a", "the"):
            k += 1
        if k < sent.end and words[k] in ("apiece", "each"):
            m.distribute = True
    return out


LIST_GLUE = {",", "and", "or", "other", "various", "different", "as", "well", "plus", "also", "decoy", "imitator",
             "simulator", "types", "type", "of", "the", "several", "kinds", "/"}


def _shared_counts(view: DocView, sent: Sentence, found: list[Mention]) -> None:
    """"50 Shahed, Gerbera and other drones", "40 Shahed and Geran-3 drones": one count over
    several named types, so no model holds for every item counted."""
    words = view.words
    table = model_table()
    heads = sorted((m.start, m.key if m.label == "noun" else table[m.key].cls, m.label)
                   for m in view.matches("munitions", sent) if m.label in ("model", "type", "noun"))
    counted_starts = {m.start for m in found if m.count is not None}
    for m in found:
        if m.model is None or m.count is None or m.count < 2 or m.kind not in ("stated", "total"):
            continue
        start, cls, label = next(((s, c, l) for s, c, l in heads if s >= m.end), (None, None, None))
        if start is None or start in counted_starts or cls != m.cls or label == "noun":
            continue  # "50 Shahed drones and Kalibr missiles", "39 Shahed drones, other decoy drones": the Shaheds'
        gap = words[m.end : start]
        if any(parse_number(words, k) for k in range(m.end, start)):
            continue  # "12 Kh-101 cruise missiles and six Kalibrs": each type has its own count
        glue = all(w in LIST_GLUE or (w.isalpha() and w.islower() and w not in ("were", "was", "at", "on")) for w in gap)
        if gap and glue and any(w in (",", "and", "or", "/", "plus") for w in gap):
            m.model = None  # another type joins the count


def _appositives(words, found: list[Mention]) -> list[Mention]:
    """"The missile, an Iskander-M, struck ...": the apposition names the item just counted,
    so the two are one mention with the apposition's model."""
    out: list[Mention] = []
    for m in found:
        prev = out[-1] if out else None
        if prev is not None and prev.count == 1 and m.count == 1 and words[prev.end : m.start] == [","] \
                and words[m.start] in ("a", "an") and m.end < len(words) and words[m.end] == "," \
                and (prev.cls == m.cls or prev.cls in ("missile", "uav") and m.model is not None):
            prev.cls, prev.model, prev.user = m.cls, m.model or prev.model, m.user or prev.user
            prev.sides = prev.sides or m.sides
            continue
        out.append(m)
    return out


def _join_uncounted(words, found: list[Mention]) -> list[Mention]:
    """"206 Shahed-type drones and decoy drones": one count over both nouns, so no single model."""
    out: list[Mention] = []
    for i, m in enumerate(found):
        prev = out[-1] if out else None
        if m.kind == "ghost" and prev is not None and prev.kind == "stated" and words[prev.end : m.start] == ["and"] \
                and prev.count is not None and m.cls in (prev.cls, "uav"):
            prev.end = m.end
            if m.model != prev.model:
                prev.model = None
            continue
        if m.kind == "ghost" and prev is not None and prev.kind == "stated" and prev.count is not None \
                and _uncounted_list(words, prev, found[i:]):
            # "45 drones, missiles and other projectiles": one count over nouns of several classes
            prev.end, prev.cls, prev.model, prev.is_aircraft = m.end, "mixed", None, False
            continue
        out.append(m)
    return out


def _uncounted_list(words, counted: Mention, rest: list[Mention]) -> bool:
    """Whether the uncounted nouns from rest[0] on continue a list after `counted` with a comma
    ("drones, missiles and other projectiles") and end in a noun of another class."""
    chain, k = [], counted.end
    for m in rest:
        if m.kind != "ghost" or [w for w in words[k : m.start] if w != "other"] not in ([","], ["and"], [",", "and"], ["or"], [",", "or"]):
            break
        chain.append(m)
        k = m.end
    return bool(chain) and words[counted.end] == "," and any(m.cls != counted.cls for m in chain) \
        and words[chain[-1].start - 1] in ("and", "or", "other")


def _stated(view: DocView, sent: Sentence, mun: Munition) -> list[Mention]:
    words = view.words
    s = mun.start
    q = quantity_before(words, s, sent.start)
    if q is None:
        q = _quantity_over_adjectives(view, sent, s)
    if q is not None and q.kind == "item" and _platform(words, q.start, sent.start, mun.cls == "aircraft"):
        return []  # "fired from a Vampire launcher", "fire from a patrol ship and a helicopter": a platform
    if mun.cls == "aircraft" and _on_the_ground(words[mun.end : mun.end + 6]):
        return []  # aircraft destroyed on the ground are equipment losses, not interceptions
    if (q is not None and q.kind == "vague" and words[q.start : q.end][-2:] == ["number", "of"]) or (
        q is None and words[max(sent.start, s - 2) : s] == ["number", "of"]
    ):
        at = _stated_total(words, mun.end, sent.end)
        if at is not None:
            q = at  # "put the total number of Iskander missiles fired at four"
    if q is not None and q.kind == "item" and mun.plural:
        q = None
    if q is not None and _appositive_share(words, q, mun, sent):
        return [Mention.from_munition(mun, q, kind="aside")]
    if q is not None and q.kind == "item" and words[q.start] == "the" and q.start - 2 >= sent.start and words[q.start - 1] == "of":
        q = None  # "one of the missiles": the partitive below reads it
    if q is None:
        found = _partitive_definite(view, sent, mun)
        if not found and mun.plural:
            # "Ukrainian drones attacked a depot; three of them were shot down": no count of
            # its own, but the set that later counts refer to
            return [Mention.from_munition(mun, None, kind="ghost")]
        return found
    if q.kind == "number":
        part = _partitive_total(view, sent, q)
        if part is not None:
            claim_q, same_set = part
            claim = Mention.from_munition(mun, claim_q)
            if claim_q.kind == "every_one" or (same_set and claim_q.count is None):
                claim.count, claim.qualifier = q.count, q.qualifier
            if claim_q.kind == "all_but":
                claim.count = q.count - claim_q.minus if q.count is not None else None
                claim.qualifier = "exact"
            if same_set:
                claim.start = claim_q.start
                return [claim]
            total = Mention.from_munition(mun, q, kind="total", action="launched")
            claim.start = claim_q.start
            return [claim, total]
        of = q.start - 1 - (1 if q.start - 1 >= sent.start and words[q.start - 1] == "the" else 0)
        if of >= sent.start and words[of] == "of" and (of == sent.start or words[of - 1] == ","):
            return [Mention.from_munition(mun, q, kind="total", action="launched")]  # "Of the 64 drones, 40 ..."
    if q.kind == "item" and words[q.start] in ("every", "each", "all"):
        return []
    if q.kind == "item" and words[mun.end : mun.end + 3] in (["of", "this", "kind"], ["of", "its", "kind"], ["of", "this", "type"]):
        return []  # "the first time an advanced missile of this kind was downed": no count
    m = Mention.from_munition(mun, q)
    if q.start - 1 >= sent.start and words[q.start - 1] in ALL_WORDS and q.kind == "number":
        m.start = q.start - 1
    m.definite = words[q.start] == "the" or (q.start - 1 >= sent.start and words[q.start - 1] == "the")
    return [m]


LOOSE_STOP = {
    "of", "in", "over", "at", "by", "from", "to", "on", "with", "and", "or", "but", "that", "which",
    "were", "was", "is", "are", "been", "be", "had", "has", "have", "said", "says", "the", "its",
    "their", "his", "her", "it", "they", "he", "she", "we", "as", "for", "into", "after", "while",
    "these", "those", "this", "all", "every", "each", "drones", "missiles", "rockets", "bombs",
}


def _appositive_share(words, q: Quantity, mun: Munition, sent: Sentence) -> bool:
    """"70 drones, most of them Shahed-type, and ...": a vague share set off by commas that
    says what the counted items were, with no verb of its own; not a count."""
    if q.kind != "vague" or words[q.end - 2 : q.end] not in (["of", "them"], ["of", "which"]):
        return False
    before = words[q.start - 1] if q.start - 1 >= sent.start else ""
    after = words[mun.end] if mun.end < sent.end else ""
    return before in (",", "(", "\u2014", "-") and after in ("", ",", ")", "\u2014", "-", ";", ".", "and")


def _quantity_over_adjectives(view: DocView, sent: Sentence, s: int) -> Quantity | None:
    """A quantity with quotes or up to two plain adjectives before the noun phrase:
    '20 "Shahed" drones', "an unusual Iranian-designed drone"."""
    words = view.words
    triggers = {m.start for m in view.matches("triggers", sent)}
    sides = {m.start for m in view.matches("sides", sent)}
    modifiers = modifier_words()
    k = s
    skipped = 0
    while k - 1 >= sent.start and skipped < 3:
        w = words[k - 1]
        if w in ('"', "'", "\u201c", "\u201d", "\u2018", "\u2019") or w in modifiers or (k - 1) in sides:
            k -= 1
            q = quantity_before(words, k, sent.start)
            if q is not None:
                return q  # "nine 'Kalibr' cruise missiles"
            continue
        if w.isalpha() and w.islower() and len(w) > 2 and w not in LOOSE_STOP and w not in UNIT_WORDS \
                and (k - 1) not in triggers and not view.texts[k - 1][:1].isupper():
            k -= 1
            skipped += 1
            q = quantity_before(words, k, sent.start)
            if q is not None:
                return q
            continue
        break
    if k < s:
        return quantity_before(words, k, sent.start)
    return None


def _on_the_ground(after: list[str]) -> bool:
    text = " ".join(after)
    if text.startswith(("on the ground", "parked")):
        return True
    return bool(after) and after[0] in ("at", "on", "in") and any(
        w in ("airfield", "airfields", "airbase", "hangar", "hangars", "aerodrome") or (w == "base" and "air" in after)
        for w in after[1:]
    )


def _platform(words, start: int, floor: int, is_aircraft: bool = False) -> bool:
    """An item named as what fired or carried a weapon, not as a count: "from a Vampire
    launcher", "fire from a patrol ship and a helicopter", "downed by a fighter jet".

    The item right after "from"/"aboard" is one; an aircraft is one also at the end of a
    list of platforms (launchers, ships, aircraft: munitions.yaml) after "from"/"aboard"/"by".
    "by" alone makes a platform only of an aircraft: "hit by a drone" is a count of one.
    """
    platforms = _platform_words()
    k = start - 1
    while k >= floor and start - k <= 10:
        w = words[k]
        if w in ("from", "aboard", "onboard"):
            return True
        if w == "by":
            return is_aircraft
        if w in ("and", "or", ","):
            if not is_aircraft:
                return False  # "from a Tochka-U launcher and one missile": the missile is counted
            k -= 1
            continue
        if w not in platforms:
            return False
        # the platform's noun phrase: up to two modifiers after its determiner ("a patrol ship")
        j = k - 1
        while j >= floor and k - j <= 3 and words[j] not in ("a", "an", "the", "its", "their", "one") \
                and words[j].isalpha() and words[j] not in ("from", "by", "aboard", "onboard", "and", "or"):
            j -= 1
        k = j - 1 if j >= floor and words[j] in ("a", "an", "the", "its", "their", "one") else j
    return False


@lru_cache(maxsize=1)
def _platform_words() -> frozenset[str]:
    data = lexicon.load("munitions.yaml")
    words = {w.lower() for w in data.get("platforms", [])}
    words |= {n.lower().split()[-1] for n in data["nouns"].get("aircraft", [])}
    return frozenset(words | {lexicon.plural(w) for w in words})


def _stated_total(words, start: int, end: int) -> Quantity | None:
    for k in range(start, min(end, start + 8)):
        if words[k] == "at":
            n = parse_number(words, k + 1)
            if n is not None:
                return Quantity(k, n[1], n[0], "exact")
    return None


def _partitive_total(view: DocView, sent: Sentence, q: Quantity):
    """The count before "of (the) N": "48 of the 53", "718 out of 728", "all but 5 of the 27",
    "every one of the 14" (the same set)."""
    words = view.words
    k = q.start
    if k - 1 >= sent.start and words[k - 1] == "the":
        k -= 1
    if k - 1 < sent.start or words[k - 1] != "of":
        return None
    k -= 1
    if k - 1 >= sent.start and words[k - 1] == "out":
        k -= 1
    return _count_before_of(view, sent, k)


def _count_before_of(view: DocView, sent: Sentence, of_pos: int):
    """Read "N", "every one", "all", "all but N", "none" ending at of_pos."""
    words = view.words
    if of_pos - 2 >= sent.start and words[of_pos - 2] in ALL_WORDS and words[of_pos - 1] == "one":
        return Quantity(of_pos - 2, of_pos, None, "exact", "every_one"), True
    if of_pos - 1 >= sent.start and words[of_pos - 1] in ("all", "each"):
        return Quantity(of_pos - 1, of_pos, None, "exact", "every_one"), True
    if of_pos - 1 >= sent.start and words[of_pos - 1] in ("most", "some", "several", "many", "majority", "dozens", "hundreds"):
        start = of_pos - 2 if of_pos - 2 >= sent.start and words[of_pos - 2] == "the" else of_pos - 1
        return Quantity(start, of_pos, None, "unspecified", "vague"), False  # "most of them"
    for start in range(max(sent.start, of_pos - 5), of_pos):
        cand = parse_quantity(words, start)
        if cand is not None and cand.end == of_pos and cand.kind in ("number", "vague"):
            if start - 2 >= sent.start and words[start - 2] == "all" and words[start - 1] in EXCEPT_WORDS and cand.kind == "number":
                return Quantity(start - 2, of_pos, None, "exact", "all_but", minus=cand.count or 0), False
            if start - 1 >= sent.start and words[start - 1] == "all" and cand.kind == "number":
                return replace(cand, start=start - 1), True
            return cand, False
    return None


def _partitive_definite(view: DocView, sent: Sentence, mun: Munition) -> list[Mention]:
    """"34 of the drones", "all of the drones but one", "every drone except 19", "the pair of missiles"."""
    words = view.words
    s = mun.start
    after = mun.end
    minus = None
    if after + 1 < sent.end and words[after] in EXCEPT_WORDS:
        n = parse_number(words, after + 1)
        if n is not None:
            minus = n[0]
    k = s
    while k - 1 >= sent.start and words[k - 1] in ("the", "its", "their", "these", "those", "own"):
        k -= 1
    if k - 1 >= sent.start and words[k - 1] == "of" and k < s:
        part = _count_before_of(view, sent, k - 1)
        if part is not None:
            q, _ = part
            if q.kind == "every_one":
                kind = "all_but" if minus is not None else "all"
                m = Mention.from_munition(mun, None, kind=kind, minus=minus or 0)
                m.start, m.qualifier = q.start, "exact"
                if minus is not None:
                    m.end = after + 2
                return [m]
            if q.kind == "all_but":
                m = Mention.from_munition(mun, None, kind="all_but", minus=q.minus)
                m.start, m.qualifier = q.start, "exact"
                return [m]
            m = Mention.from_munition(mun, q, kind="part")
            return [m]
    if s - 1 >= sent.start and words[s - 1] in ALL_WORDS:
        kind = "all_but" if minus is not None else "all"
        m = Mention.from_munition(mun, None, kind=kind, minus=minus or 0)
        m.start, m.qualifier = s - 1, "exact"
        if minus is not None:
            m.end = after + 2
        return [m]
    return []


def _implied(view: DocView, sent: Sentence, stated: list[Mention], covered: set[int], antecedents: list[Mention],
             muns: list[Munition] = (), sets: list[Mention] = ()) -> list[Mention]:
    """Counts whose munition is understood from an earlier mention; `sets` are the uncounted
    sets the sentence before named ("attacked with drones. Air defence destroyed 14 of them")."""
    words = view.words
    out: list[Mention] = []
    k = sent.start
    places = view.matches("places", sent)
    place_starts = {m.start for m in places}
    trigger_starts = {m.start for m in view.matches("triggers", sent) if m.label in ("down", "jam")}
    trigger_ends = {m.end for m in view.matches("triggers", sent) if m.label in ("down", "jam")}
    while k < sent.end:
        if k in covered:
            k += 1
            continue
        w = words[k]
        # "every one of them", "all of them", "all 17 of them", "Nine of them", "some of them"
        if w in ("them", "those") and k - 1 >= sent.start and words[k - 1] == "of":
            part = _count_before_of(view, sent, k - 1)
            if part is not None:
                q, _ = part
                parent = _antecedent(stated, antecedents, k)
                if parent is None and q.kind == "number" and sets \
                        and (q.start == sent.start or words[q.start - 1] not in ("in", "on", "at", "to", "from", "into", "near")):
                    parent = sets[-1]  # the count is stated; only the kind comes from the set named before
                if parent is not None or q.kind == "every_one":
                    m = _from_parent(parent, q.start, k + 1, k, q, antecedents)
                    m.kind = {"number": "part", "vague": "part"}.get(q.kind, m.kind)
                    pair = _coordinated_pair(view, stated, k)
                    if pair is not None and pair[0].cls != pair[1].cls:
                        m.cls, m.model = "mixed", None  # "36 drones and three missiles ... most of them"
                    if q.kind == "vague":
                        m.count, m.qualifier = None, "unspecified"
                    noun = next((n for n in muns if n.start == k + 1), None)
                    if noun is not None and not any(o.start <= noun.head < o.end for o in stated if o.kind != "ghost"):
                        # "537 weapons, 477 of them drones and decoys": the noun names the kind
                        m.cls, m.model, m.end = noun.cls, noun.model, noun.end
                        covered.update(range(noun.start, noun.end))
                    out.append(m)
                    covered.update(range(q.start, k + 1))
            k += 1
            continue
        if w == "it" and _pronoun_object(view, sent, k):
            parent = _antecedent(stated, antecedents, k)
            if parent is not None and parent.count == 1:
                # "Russia flew an Orlan-10 into the region, and our air defence shot it down"
                m = _from_parent(parent, k, k + 1, k, Quantity(k, k + 1, 1, "exact"), antecedents)
                m.kind = "pronoun"
                out.append(m)
                covered.add(k)
            k += 1
            continue
        number = parse_number(words, k)
        if number is not None and _is_date_or_time(words, k, sent):
            number = None
        if number is not None and k - 1 >= sent.start and words[k - 1] in ("no", "none", "not"):
            number = None  # "no one was hurt"
        if number is not None and k - 1 >= sent.start and words[k - 1] in CASUALTY_VERBS:
            number = None  # "killing two people and wounding 14 others"
        remainder = words[k : k + 2] in (["the", "remainder"], ["the", "rest"]) or (
            words[k : k + 2] == ["the", "other"] and k + 2 < sent.end
            and words[k + 2] in BREAKDOWN_PREPS | {"was", "were", "had", "crashed", "fell"})  # "one near X and the other in Y"
        vague = parse_quantity(words, k) if number is None and not remainder and starts_vague(words[k]) else None
        if vague is not None and (vague.kind != "vague" or vague.end >= sent.end or words[vague.end] not in ("were", "was")
                                  or "of" in words[k : vague.end]):
            vague = None  # "several were jammed": a vague part as the subject of its own verb
        if number is None and not remainder and vague is None:
            k += 1
            continue
        if remainder:
            q = Quantity(k, k + 2, None, "exact", "remainder")
            end = k + 2
        elif vague is not None:
            q, end = vague, vague.end
        else:
            q0 = None
            for start in range(max(sent.start, k - 4), k + 1):
                cand = parse_quantity(words, start)
                if cand is not None and cand.end >= number[1] and start not in covered:
                    q0 = cand
                    break
            q = q0 or Quantity(k, number[1], number[0], "exact")
            end = q.end
        if end < sent.end and (words[end] in UNIT_WORDS or words[end].endswith(("km", "th"))):
            k = end
            continue
        parent = _antecedent(stated, antecedents, k)
        nxt = words[end] if end < sent.end else ""
        hint = None
        copula = None
        implied = False
        if nxt in BREAKDOWN_PREPS and any(end < p <= end + 6 for p in place_starts):
            implied = True  # "36 over the Rostov region"
        elif nxt in ("were", "was") and any(n.start in (end + 1, end + 2) for n in muns):
            implied = True  # "Of those, 372 were drones and 26 were missiles": the kind of each part
            noun = next(n for n in muns if n.start in (end + 1, end + 2))
            copula = noun
        elif nxt in ("were", "was", "had", "have", "more", "others", "reached", "hit", "struck", "fell", "did", "failed", "never") \
                or end in trigger_starts:
            implied = True  # "33 were suppressed", "30 shot down and 20 lost to electronic warfare"
        elif q.start in trigger_ends and nxt in OBJECT_END:
            implied = True  # "Air defence shot down 35, and 20 were jammed": the object of the verb
        elif k - 1 >= sent.start and words[k - 1] == "for" and _place_before(view, sent, places, k - 1):
            implied = True  # "the Rostov region accounted for 25", "Kursk for six"
            hint = _place_before(view, sent, places, k - 1)
        elif k - 1 >= sent.start and words[k - 1] == "had" and nxt in ("each", "apiece"):
            implied = True  # "the Krasnodar and Belgorod regions had two each"
            hint = _place_before(view, sent, places, k - 1)
        elif nxt in ("apiece", "each") and parent is not None:
            implied = True  # "one apiece over the Leningrad, Bryansk and Tula regions"
        elif sent.kind == "item" and _list_number(words, k, end, sent):
            pass  # "1. Kursk region – 5": the item's number, not a count
        elif sent.kind == "item" and k - 1 >= sent.start and words[k - 1] in ("-", "\u2013", "\u2014", ":") \
                and _place_before(view, sent, places, k - 1):
            implied = True  # "Kursk region – 5"
            hint = _place_before(view, sent, places, k - 1)
        elif sent.kind == "item" and (nxt in ("-", "\u2013", "\u2014") or k == sent.start or words[k - 1] in ("-", "\u2013", "\u2022", "*")):
            implied = True  # a breakdown list line: "- 7 over the territory of Smolensk region"
        if implied and parent is not None:
            m = _from_parent(parent, q.start, end, k, q, antecedents)
            m.region_hint = hint
            if copula is not None:
                m.cls, m.model, m.end, m.copular = copula.cls, copula.model, copula.end, True
                covered.update(range(q.start, copula.end))
            if hint and nxt in ("each", "apiece"):
                m.distribute = True
            out.append(m)
            covered.update(range(q.start, end))
        k = end if end > k else k + 1
    return out


def _list_number(words, k: int, end: int, sent: Sentence) -> bool:
    return k == sent.start and end < sent.end and words[end] in (".", ")")


def _coordinated_pair(view: DocView, stated: list[Mention], position: int):
    """The last two counted items before a position when they are joined by "and"."""
    before = [m for m in stated if m.end <= position and m.kind not in ("ghost", "total", "aside")]
    if len(before) < 2:
        return None
    a, b = before[-2], before[-1]
    if view.words[a.end : b.start] in (["and"], [",", "and"], ["plus"]):
        return a, b
    return None


def _pronoun_object(view: DocView, sent: Sentence, k: int) -> bool:
    """"shot it down", "destroyed it", "it was intercepted": the pronoun is what was intercepted."""
    words = view.words
    for t in view.matches("triggers", sent):
        if t.label != "down":
            continue
        if t.start < k < t.end or t.end == k:
            return True
        if t.start - k in (2, 3) and words[k + 1] in ("was", "had") and all(w in ("was", "been", "had", "also", "then") for w in words[k + 1 : t.start]):
            return True
    return False


def _place_before(view: DocView, sent: Sentence, places, pos: int):
    """The place named just before "for"/"had": returns the token range start of that place."""
    cands = [p for p in places if p.end <= pos and pos - p.end <= 3]
    if cands and all(p.label == "region_word" for p in cands):
        cands = [p for p in places if p.end <= pos and pos - p.end <= 4]
    if not cands:
        return None
    first = min(cands, key=lambda p: p.start)
    # take in the whole coordinated list: "the Krasnodar, Belgorod and Voronezh regions"
    k = first.start
    for p in sorted(places, key=lambda p: -p.start):
        if p.end <= k and k - p.end <= 2 and all(w in (",", "and", "the") for w in view.words[p.end : k]):
            k = p.start
    return (k, pos)


def _antecedent(stated: list[Mention], antecedents: list[Mention], position: int) -> Mention | None:
    """The counted set an implied count refers to: this sentence's first, then earlier ones.

    A set named without a count ("Ukrainian drones attacked ...; three of them were shot
    down") serves only within its own sentence.
    """
    before = [m for m in stated if m.end <= position]
    before = [m for m in before if m.kind != "aside"]
    for pool in (
        [m for m in before if m.kind not in ("total", "ghost")],
        [m for m in before if m.kind != "ghost"],
        [m for m in before if m.kind == "ghost"],
    ):
        if pool:
            return pool[-1]
    earlier = [m for m in antecedents if m.kind != "ghost"]
    return _whole(earlier[-1], earlier) if earlier else None


def _whole(m: Mention, antecedents: list[Mention]) -> Mention:
    """A sentence that breaks a total into parts ("537 weapons, 477 of them drones and 60
    missiles") hands the next sentence the total: "of these, 249 were downed" counts all."""
    while m.kind == "part" and m.parent is not None and m.parent in antecedents and m.parent.cls == "mixed":
        m = m.parent
    return m


def _from_parent(parent: Mention | None, start: int, end: int, head: int, q: Quantity, antecedents: list[Mention]) -> Mention:
    if parent is None:
        counted = [a for a in antecedents if a.kind != "ghost"]
        parent = counted[-1] if counted else None
    cls = parent.cls if parent else "uav"
    model = parent.model if parent else None
    m = Mention(
        start, end, head, q.count, q.qualifier, cls, model,
        parent.sides if parent else (), parent.user if parent else None,
        kind="bare" if q.kind in ("number", "vague") else q.kind, minus=q.minus, parent=parent,
        is_aircraft=cls == "aircraft",
    )
    if q.kind == "vague":
        m.count, m.qualifier = None, "unspecified"
    return m


def _is_date_or_time(words, k: int, sent: Sentence) -> bool:
    from .dates import MONTHS

    w = words[k]
    if len(w) == 4 and w.isdigit() and 1900 <= int(w) <= 2100:
        return True
    prev = words[k - 1].rstrip(".") if k - 1 >= sent.start else ""
    nxt = words[k + 1].rstrip(".") if k + 1 < sent.end else ""
    if prev in MONTHS or nxt in MONTHS:
        return True
    if nxt in (":", "a.m.", "p.m.", "am", "pm", "o'clock", "gmt", "utc"):
        return True
    return False
