"""Recognise who makes a statement, and carry the claimant through a report.

A speaker is a claimant name, official, role or generic side ("Russia said") standing
next to a reporting word ("said", "according to", "citing", "'s statement"). A
sentence with no speaker takes the claimant of the report it belongs to: the quote it
sits in, the nearest one before it in the paragraph, the next sentence when that
sentence names the report's source, or the nearest one before it in the section.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import lexicon
from .document import DocView, Match, Sentence
from .gazetteer import load_places, load_regions
from .munitions import model_table
from .settlements import unambiguous

CITY_REGIONS = {"UA-30", "UA-40", "RU-MOW", "RU-SPE"}
REPORT_WINDOW_AFTER = 9
REPORT_WINDOW_BEFORE = 4
QUOTES_OPEN = {"\"", "\u201c", "\u00ab"}
QUOTES_CLOSE = {"\"", "\u201d", "\u00bb"}


@dataclass(frozen=True)
class Claimant:
    """Who makes a claim. A generic side ("Russia said") is resolved per action."""

    name: str | None
    kind: str | None
    country: str | None
    generic: str | None = None  # RU or UA when the text names only the side
    media: bool = False
    region: str | None = None  # the region a regional official speaks for

    def resolve(self, action: str) -> "Claimant":
        """The guide's usual source for a generic side: the MoD, the Air Force or the General Staff."""
        if self.generic is None:
            return self
        table = claimant_table()
        entry = table.generic[self.generic]
        name = entry["captured"] if action == "captured" else entry["default"]
        kind, country = table.info[name]
        return Claimant(name, kind, country)


@dataclass(frozen=True)
class Speaker:
    start: int
    end: int
    claimant: Claimant
    relayed: bool  # named after "citing"/"quoted ... as saying": the original source
    postposed: bool = False  # ", the ministry said": attributes what comes before it


@dataclass
class ClaimantTable:
    info: dict[str, tuple[str, str | None]]
    institutions: list[dict]
    officials: list[dict]
    generic: dict[str, dict]


@lru_cache(maxsize=1)
def claimant_table() -> ClaimantTable:
    data = lexicon.load("claimants.yaml")
    info: dict[str, tuple[str, str | None]] = {}
    for c in data["claimants"]:
        info[c["name"]] = (c["kind"], c.get("country"))
    for inst in data["institutions"]:
        for side in ("RU", "UA"):
            info.setdefault(inst[side]["name"], (inst[side]["kind"], side))
    return ClaimantTable(info, data["institutions"], data["regional_officials"]["people"], data["generic"])


def official_claimant(index: int) -> Claimant:
    entry = claimant_table().officials[index]
    region = load_regions()[entry["region"]]
    name = entry.get("role") or f"Governor of {region.name}"
    country = entry.get("installed_by") or region.country
    return Claimant(name, "regional_official", country, region=region.code)


def role_claimant(view: DocView, sent: Sentence, role: Match, context_region: str | None,
                  context_official: Claimant | None = None) -> Claimant | None:
    """A governor or mayor by role: "Governor of the Belgorod region", "Kyiv Oblast Governor"."""
    regions = load_regions()
    places = unambiguous([m for m in view.matches("places", sent) if m.label in ("region_bare", "region_full", "place")])
    near = [m for m in places if 0 <= role.start - m.end <= 2 or 0 <= m.start - role.end <= 3]
    # "the Kyiv City Military Administration": the city's full name runs into the role
    near = [m for m in places if m.label == "region_full" and m.start < role.start < m.end] + near
    code = None
    city = None
    def distance(m: Match) -> tuple[int, int]:
        nxt = view.words[m.end] if m.end < sent.end else ""
        # "the Kyiv Regional Military Administration" is the oblast's, "Kyiv City ..." the city's
        mismatch = (m.label in ("region_full", "place") and nxt in ("regional", "oblast", "region", "province")) \
            or (m.label == "region_bare" and nxt == "city")
        gap = 0 if m.start < role.start < m.end else min(abs(role.start - m.end), abs(m.start - role.end))
        return int(mismatch), gap

    for m in sorted(near, key=distance):
        if m.label in ("region_bare", "region_full"):
            code = m.key
            if role.key != "city" or m.label == "region_full":
                break
        if m.label == "place":
            place = load_places()[int(m.key)]
            code, city = place.admin1, place.name
            break
    if code is None and role.key == "head":
        return None  # "head of" names a region's head only next to the region
    if code is None and context_official is not None:
        return context_official  # "the governor" after "Governor Gladkov"
    if code is None:
        if role.key == "city":
            # "the city's military administration": a city named in the sentence
            cities = [m for m in places if m.label == "place" or (m.label == "region_full" and m.key in CITY_REGIONS)]
            if cities:
                m = cities[0]
                if m.label == "place":
                    place = load_places()[int(m.key)]
                    code, city = place.admin1, place.name
                else:
                    code = m.key
        if code is None:
            named = [m for m in places if m.label in ("region_bare", "region_full")]
            code = named[0].key if named else context_region
    if code is None or code not in regions:
        return None
    region = regions[code]
    installed = lexicon.load("claimants.yaml")["regional_officials"].get("occupied", {}).get(region.code)
    window = " ".join(view.words[max(sent.start, role.start - 5) : role.end + 5]).replace(" - ", "-")
    if region.country == "UA" and any(w in window for w in ("russian-installed", "moscow-installed", "occupation", "russia-installed", "annexed", "occupied", "russian-appointed", "moscow-appointed", "kremlin-installed")):
        installed = "RU"
    known = next((o for o in claimant_table().officials if o["region"] == region.code and o.get("role")
                  and o.get("installed_by") == installed), None)
    if known is not None and role.key != "city":
        name = known["role"]  # "the Russian-installed head of Crimea" is the Head of the Republic of Crimea
    elif role.key == "city":
        name = f"Mayor of {city or region.name}"
    else:
        name = f"Governor of {region.name}"
    return Claimant(name, "regional_official", installed or region.country, region=region.code)


def find_speakers(view: DocView, sent: Sentence, context_side: str | None, context_region: str | None,
                  context_official: Claimant | None = None, context_person: Claimant | None = None,
                  context_bodies: dict[str, Claimant] | None = None) -> list[Speaker]:
    """Claimants in a sentence that stand next to a reporting word.

    `context_bodies` maps the head noun of bodies named earlier ("agency" for "Ukraine's
    military intelligence agency") to them, for "the agency said" later on.
    """
    words = view.words
    reports = view.matches("cues", sent, "reporting")
    relays = view.matches("cues", sent, "relay")
    report_positions = [(m.start, m.end) for m in reports]
    # "added that Black Sea Fleet helicopters had destroyed ...": who did it, not who says so
    trigger_starts = [t.start for t in view.matches("triggers", sent)]
    candidates: list[tuple[int, int, Claimant]] = []
    matches = view.matches("claimants", sent)
    for m in matches:
        c = None
        if m.label in ("claimant", "person", "institution"):
            c = _named(view, sent, m, context_side)
        elif m.label == "official":
            c = official_claimant(int(m.key))
        elif m.label == "role":
            c = role_claimant(view, sent, m, context_region, context_official)
        elif m.label == "generic":
            c = Claimant(None, None, m.key, generic=m.key)
        elif m.label == "generic_context":
            side = _side_near(view, sent, m) or _its(view, m, context_side) or context_side
            if side in ("RU", "UA"):
                c = Claimant(None, None, side, generic=side)
        if c is not None:
            candidates.append((m.start, m.end, c))
    if context_person is not None:
        for k in range(sent.start, sent.end):
            if words[k] in ("he", "she", "him", "her"):
                candidates.append((k, k + 1, context_person))
    if context_bodies:
        covered = {k for s, e, _ in candidates for k in range(s, e)}
        for k in range(sent.start + 1, sent.end):
            if words[k - 1] == "the" and words[k] in context_bodies and k not in covered:
                candidates.append((k - 1, k + 1, context_bodies[words[k]]))
        # "It said Russia had attacked with 579 drones": the body named last
        starts = {r[0] for r in report_positions}
        for k in range(sent.start, sent.end - 1):
            if words[k] == "it" and k + 1 in starts and "it" in context_bodies:
                candidates.append((k, k + 1, context_bodies["it"]))
    candidates = _prefer_longest(candidates)
    # each reporting word belongs to the nearest candidate before it ("X said") and the
    # nearest after it ("according to X", "said X"); other names in the sentence are not speakers
    chosen: dict[int, bool] = {}
    for rs, re_ in report_positions:
        inside = [i for i, (s, e, _) in enumerate(candidates) if rs <= s and e <= re_]
        if inside:
            chosen[inside[0]] = True  # "the statement read": the body whose statement it is
            continue
        before = [i for i, (s, e, _) in enumerate(candidates) if 0 <= _gap(words, e, rs) <= REPORT_WINDOW_AFTER]
        after = [i for i, (s, e, _) in enumerate(candidates) if 0 <= s - re_ <= REPORT_WINDOW_BEFORE
                 and not ("that" in words[rs:s] and any(0 <= t - e <= 3 for t in trigger_starts))]
        if before:
            chosen[before[-1]] = True
        if after and (not before or words[rs] in ("according", "citing", "quoting", "cited", "quoted", "source", "sources")
                      or words[re_ - 1] in ("to", "by", "from")):
            chosen[after[0]] = True
    # "the ministry, quoted by TASS, said": the outlet after "quoted by" only passes it on
    passers = {i for i, (start, _, _) in enumerate(candidates) if start >= sent.start + 2
               and words[start - 1] == "by" and words[start - 2] in ("quoted", "cited", "reported", "carried")}
    if any(i not in passers for i in chosen):
        chosen = {i: v for i, v in chosen.items() if i not in passers}
    speakers = []
    for i, (start, end, c) in enumerate(candidates):
        if c.generic and not _generic_reports(words, end, start, report_positions, sent):
            continue
        if i not in chosen and not _headline_colon(view, sent, end):
            continue
        relayed = any(0 <= start - r.end <= 3 for r in relays if words[r.start] in ("citing", "quoting", "quoted", "cited"))
        speakers.append(Speaker(start, end, c, relayed, _postposed(view, sent, start, end, report_positions)))
    return speakers


RELATIVE_ASIDE = {"which", "who", "whose"}


def _named(view: DocView, sent: Sentence, m: Match, context_side: str | None) -> Claimant | None:
    """The claimant a named body or person stands for; an institution takes its side from the
    words around it ("Russia's defence ministry"), its default, or the article's side."""
    table = claimant_table()
    if m.label in ("claimant", "person"):
        kind, country = table.info.get(m.key, ("other", None))
        return Claimant(m.key, kind, country, media=kind == "state_media")
    side = _side_near(view, sent, m) or table.institutions[int(m.key)].get("default") \
        or _side_from_sentence(view, sent) or context_side or "RU"
    if side not in ("RU", "UA"):
        return None
    entry = table.institutions[int(m.key)][side]
    return Claimant(entry["name"], entry["kind"], side)


AGENT_KINDS = {"air_force", "ministry_of_defence", "general_staff", "military_branch", "intelligence"}
AGENT_GAP = {"has", "have", "had", "also", "managed", "to", "successfully", "reportedly", "again", "then", "was", "were", "able"}


def agent_claimant(view: DocView, sent: Sentence, trigger_start: int) -> Claimant | None:
    """"Ukraine's Air Force shot down 30 drones": with nobody quoted, the military body that
    did it is the one stating it."""
    words = view.words
    for m in reversed(view.matches("claimants", sent)):
        if m.label not in ("claimant", "institution") or m.end > trigger_start:
            continue
        if trigger_start - m.end > 3 or not all(w in AGENT_GAP for w in words[m.end : trigger_start]):
            return None
        c = _named(view, sent, m, None)
        return c if c is not None and c.kind in AGENT_KINDS else None
    return None


def _gap(words, end: int, report: int) -> int:
    """Tokens between a name and its reporting word, not counting a relative clause set off
    by commas: "The X group, which is responsible for the sector, said"."""
    if end > report:
        return report - end
    between = words[end:report]
    for i, w in enumerate(between[:-1]):
        if w == "," and between[i + 1] in RELATIVE_ASIDE and "," in between[i + 2 :]:
            close = between.index(",", i + 2)
            return len(between) - (close + 1 - i)
    return len(between)


# head nouns by which a body named before is referred to: "the agency", "the fleet", "the group"
BODY_NOUNS = {"agency", "service", "directorate", "fleet", "command", "group", "administration"}


def bodies_named(view: DocView, sent: Sentence, context_side: str | None) -> dict[str, Claimant]:
    """Named bodies in a sentence by their head noun: "Ukraine's military intelligence agency"
    under "agency". A later "the agency said" refers to the last one."""
    table = claimant_table()
    out: dict[str, Claimant] = {}
    for m in sorted(view.matches("claimants", sent), key=lambda m: (m.start, m.end)):
        noun = view.words[m.end - 1]
        if noun not in BODY_NOUNS:
            continue
        if m.label == "claimant":
            kind, country = table.info.get(m.key, ("other", None))
            out[noun] = Claimant(m.key, kind, country, media=kind == "state_media")
        elif m.label == "institution":
            side = _side_near(view, sent, m) or table.institutions[int(m.key)].get("default") \
                or _side_from_sentence(view, sent) or context_side
            if side in ("RU", "UA"):
                entry = table.institutions[int(m.key)][side]
                out.setdefault(noun, Claimant(entry["name"], entry["kind"], side))
    return out


def _postposed(view: DocView, sent: Sentence, start: int, end: int, reports) -> bool:
    """", the air force said", "according to the ministry" after the claim, "said Gov. X"."""
    words = view.words
    k = start - 1
    while k >= sent.start and words[k] in ("the", "a", "an", "'s", "\u2019s") or (k >= sent.start and view.texts[k][:1].isupper() and k > sent.start and words[k - 1] != ","):
        if k < sent.start:
            break
        k -= 1
    lead = words[k] if k >= sent.start else ""
    if lead in (",", "\u201d", '"', "\u2014", "-", "\u2013"):
        return True
    if lead in ("to",) and k - 1 >= sent.start and words[k - 1] == "according":
        return True
    if lead in ("said", "says", "wrote", "added", "reported", "told", "stated", "claimed", "announced"):
        return True
    return False


def _generic_reports(words, end: int, start: int, reports, sent: Sentence) -> bool:
    """A side name is a claimant only as the one speaking: "Russia said", "according to Kyiv"."""
    for rs, re_ in reports:
        between = words[end:rs]
        aside = all(w in (",", "for", "its", "part", "in", "turn", "meanwhile", "however", "also", "too", "then") for w in between)
        if words[rs] != "according" and 0 <= rs - end and (rs - end <= 3 or (aside and rs - end <= 6)):
            return True  # "Russia said", "Moscow, for its part, said"
        if 0 <= start - re_ <= 2 and words[re_ - 1] in ("to", "by"):
            return True
    return False


def _headline_colon(view: DocView, sent: Sentence, end: int) -> bool:
    """Headline style "Kiper: 20 Shaheds destroyed"."""
    return sent.kind == "title" and end < sent.end and view.words[end] == ":"


def _prefer_longest(cands):
    cands = sorted(cands, key=lambda c: (c[0], -(c[1] - c[0])))
    out, last_end = [], -1
    for start, end, c in cands:
        if start >= last_end:
            out.append((start, end, c))
            last_end = end
        elif out and out[-1][2].generic and not c.generic and end > out[-1][1]:
            out[-1] = (start, end, c)
            last_end = end
    return out


def _its(view: DocView, m: Match, context_side: str | None) -> str | None:
    """"its military", "the military": the side the text is about."""
    if m.start >= 1 and view.words[m.start - 1] in ("its", "the", "their"):
        return context_side
    return None


DEFENCE_WORDS = {"air", "defence", "defences", "defense", "defenses"}
OTHER_SIDE = {"RU": "UA", "UA": "RU"}


def _side_from_sentence(view: DocView, sent: Sentence) -> str | None:
    """"The ministry said Russian air defences destroyed 112 Ukrainian drones": an unqualified
    body speaks for the side whose air defence acts, the other side from the one whose
    munitions are counted; None when the sentence points both ways or nowhere."""
    words = view.words
    munition_starts = {m.start for m in view.matches("munitions", sent) if m.label in ("noun", "model", "type")}
    votes = set()
    for s in view.matches("sides", sent):
        if s.key not in OTHER_SIDE or s.end >= sent.end:
            continue
        if words[s.end] in DEFENCE_WORDS:
            votes.add(s.key)
        elif s.end in munition_starts:
            votes.add(OTHER_SIDE[s.key])
    table = model_table()
    for m in view.matches("munitions", sent):
        info = table.get(m.key) if m.label in ("model", "type") else None
        if info is not None and info.user in OTHER_SIDE:
            votes.add(OTHER_SIDE[info.user])
    return votes.pop() if len(votes) == 1 else None


def _side_near(view: DocView, sent: Sentence, m: Match) -> str | None:
    for s in view.matches("sides", sent):
        if 0 <= m.start - s.end <= 1 and s.key in ("RU", "UA"):
            return s.key
    return None


def person_in(view: DocView, sent: Sentence) -> Claimant | None:
    """The last person named in a sentence, for "he said" / "according to him" later on."""
    found = None
    table = claimant_table()
    for m in view.matches("claimants", sent):
        if m.label == "person":
            kind, country = table.info.get(m.key, ("other", None))
            found = Claimant(m.key, kind, country)
        elif m.label == "official":
            found = official_claimant(int(m.key))
    return found


def choose(speakers: list[Speaker], position: int) -> Claimant | None:
    """The claimant of a sentence for a mention at `position`."""
    if not speakers:
        return None
    relayed = [s for s in speakers if s.relayed]
    pool = relayed or speakers
    non_media = [s for s in pool if not s.claimant.media]
    pool = non_media or pool
    before = [s for s in pool if s.end <= position]
    after = [s for s in pool if s.start >= position]
    if before and after:
        # "Russia sent 12 drones ..., the air force said": a speaker after the claim that
        # closes the sentence is its source; otherwise the nearest one before
        return after[0].claimant if _closes(after[0], position) else before[-1].claimant
    if before:
        return before[-1].claimant
    if after:
        return after[0].claimant
    return pool[0].claimant


def _closes(speaker: Speaker, position: int) -> bool:
    """A speaker after the claim that attributes it: "..., the air force said"."""
    return speaker.postposed


def quote_spans(view: DocView, sentences: list[Sentence]) -> dict[int, int]:
    """For each sentence inside an open quotation, the index of the sentence that closes it.

    A quotation may run over paragraphs: a paragraph left open, followed by one that opens
    with a quotation mark, goes on with the same quotation (the speaker named at its end).
    """
    closes: dict[int, int] = {}
    open_since = None
    block = None
    for s in sentences:
        texts = view.texts[s.start : s.end]
        skip_first = False
        if s.block != block:
            block = s.block
            if open_since is not None and texts[:1] in (['"'], ["\u201c"]):
                skip_first = True  # the quotation goes on into this paragraph
            else:
                open_since = None
        depth_before = open_since is not None
        state = depth_before
        for i, t in enumerate(texts):
            if i == 0 and skip_first:
                continue
            if t in ("\u201c",):
                state = True
            elif t in ("\u201d",):
                state = False
            elif t == '"':
                state = not state
        if not depth_before and state:
            open_since = s.index
        elif depth_before and not state:
            for k in range(open_since, s.index):
                closes[k] = s.index
            open_since = None
    return closes
