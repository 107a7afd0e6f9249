"""Find places in a sentence and decide where a claimed event happened.

Places come from the gazetteer (regions with their region words, towns, bases, seas),
from country phrases, and from the text itself ("the village of Nadiya in the Luhansk
region"), so captures of settlements the gazetteer lacks still get a name and region.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .document import DocView, Match, Sentence
from .gazetteer import load_places, load_regions
from .numbers import is_number_word
from .settlements import context_levels, pick_namesakes

LOCATIVE = {
    "over", "in", "above", "near", "across", "at", "on", "off", "outside", "around", "within",
    "into", "inside", "by", "onto", "throughout", "territory", "skies", "area", "outskirts",
    "waters", "coast", "vicinity", "close", "of", "the", "settlement", "settlements", "village",
    "villages", "town", "city", "community", "communities", "district", "region", "apiece", "each",
}
TARGET = {"at", "against", "on", "into", "toward", "towards", "targeting", "targeted"}
EXCLUDING = {"from", "heading", "headed", "towards", "toward", "for", "belonging", "via", "axis", "direction", "directions"}
SETTLEMENT_WORDS = {
    "village": "village", "villages": "village", "town": "town", "towns": "town", "city": "city",
    "settlement": "village", "settlements": "village", "community": "village", "communities": "village",
    "hamlet": "village", "township": "town",
}
NOT_NAMES = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "the", "a", "an", "russian", "ukrainian", "russia", "ukraine",
    "in", "on", "and", "of", "its", "their", "kyiv", "moscow",
}


@dataclass(frozen=True)
class Location:
    """A place mention: tokens [start, end) and what it denotes."""

    start: int
    end: int
    precision: str  # settlement, admin1, country
    admin1: str | None
    country: str | None
    name: str | None
    latitude: float | None = None
    longitude: float | None = None
    regions: tuple[str, ...] = ()  # several regions named together ("the Moscow and Orel regions")
    kind: str = ""  # region, place, sea, country, text, multi
    parts: tuple["Location", ...] = ()  # for "multi": the places a count is given for "apiece"
    candidates: tuple[str, ...] = ()  # a namesake the text does not place: the regions it may be in


def find_locations(view: DocView, sent: Sentence) -> list[Location]:
    """Every place mentioned in the sentence, longest readings first, left to right."""
    regions = load_regions()
    places = load_places()
    found: list[Location] = []
    matches = view.matches("places", sent)
    words = view.words
    region_words = {m.start: m for m in matches if m.label == "region_word"}
    bare = [m for m in matches if m.label == "region_bare"]
    taken: set[int] = set()

    # "the Moscow and Orel regions", "Kherson, Mykolaiv and Odesa oblasts", "Kursk Oblast"
    i = 0
    bare_sorted = sorted(bare, key=lambda m: (m.start, -m.end))
    while i < len(bare_sorted):
        group = [bare_sorted[i]]
        j = i
        while j + 1 < len(bare_sorted):
            a, b = group[-1], bare_sorted[j + 1]
            between = words[a.end : b.start]
            if b.start < a.end:
                j += 1
                continue
            if between and all(w in (",", "and", "&") for w in between):
                group.append(b)
                j += 1
            else:
                break
        last = group[-1]
        rw = region_words.get(last.end)
        if rw is not None and (rw.key.endswith("s") or len(group) == 1):
            members = group if rw.key.endswith("s") else [last]
            codes = tuple(dict.fromkeys(m.key for m in members))
            loc = _region_loc(regions, codes, members[0].start, rw.end)
            found.append(loc)
            taken.update(range(members[0].start, rw.end))
        elif rw is None and len(group) > 1 and last.end < sent.end and words[last.end] in ("regions", "oblasts"):
            pass
        i = j + 1

    for m in bare:
        # "the southern region of Mykolaiv": the region, not its city
        if m.start >= sent.start + 2 and words[m.start - 1] == "of" and words[m.start - 2] in ("region", "oblast", "province") \
                and not (set(range(m.start, m.end)) & taken):
            found.append(_region_loc(regions, (m.key,), m.start - 2, m.end))
            taken.update(range(m.start - 2, m.end))
    for m in matches:
        if m.label == "region_full" and not (set(range(m.start, m.end)) & taken):
            found.append(_region_loc(regions, (m.key,), m.start, m.end, full=True))
            taken.update(range(m.start, m.end))
    place_by_range: dict[tuple[int, int], list[int]] = {}
    for m in matches:
        if m.label == "place":
            place_by_range.setdefault((m.start, m.end), []).append(int(m.key))
    for (s, e), indexes in sorted(place_by_range.items()):
        if set(range(s, e)) & taken:
            continue
        candidates = [places[k] for k in indexes]
        if all(p.generated for p in candidates) and (_in_longer_name(view, sent, s, e, matches)
                                                     or (e < sent.end and words[e] in ("district", "raion", "microdistrict"))):
            continue  # "the city's Kyivskyi district" names a district, not the village of that name
        found.append(_pick_place(candidates, found, view, sent, s, e, frozenset(indexes)))
        taken.update(range(s, e))
    for m in bare:
        if set(range(m.start, m.end)) & taken:
            continue
        found.append(_region_loc(regions, (m.key,), m.start, m.end))
        taken.update(range(m.start, m.end))
    for m in matches:
        if m.label == "country" and not (set(range(m.start, m.end)) & taken):
            found.append(Location(m.start, m.end, "country", None, m.key, None, kind="country"))
            taken.update(range(m.start, m.end))
    found += _counted_regions(view, sent, taken)
    found += _text_settlements(view, sent, taken, found)
    found += _appositive_settlements(view, sent, taken)
    people = [(m.start, m.end) for m in view.matches("claimants", sent) if m.label in ("person", "official")]
    # "Vladimir Putin", "Kursk governor Khinshtein": a person's name is not a place
    found = [l for l in found if l.kind not in ("place", "text") or not any(a <= l.start < b for a, b in people)]
    generic = [(m.start, m.end) for m in view.matches("claimants", sent, "generic")]
    found = [l for l in found if not (l.start > sent.start and view.words[l.start - 1] == "by"
                                      and any(a <= l.start < b for a, b in generic))]
    return sorted(found, key=lambda l: l.start)


DEFENDER = "DEFENDER"  # the attacked side's country, fixed once the claim's attacker is known
REGION_NOUNS = {"regions", "oblasts", "provinces", "areas"}
SPREAD = {"across", "over", "in", "throughout", "above"}


def _counted_regions(view: DocView, sent: Sentence, taken: set[int]) -> list[Location]:
    """"across eight regions", "over several oblasts": a total over regions left unnamed is
    placed in the attacked country only."""
    words = view.words
    out = []
    for k in range(sent.start + 2, sent.end):
        if words[k] not in REGION_NOUNS or k in taken or words[k - 2] not in SPREAD:
            continue
        if not (words[k - 1].isdigit() or is_number_word(words[k - 1]) or words[k - 1] in ("several", "multiple", "many", "various", "numerous")):
            continue
        out.append(Location(k - 1, k + 1, "country", None, DEFENDER, None, kind="country"))
        taken.update(range(k - 1, k + 1))
    return out


def _region_loc(regions, codes: tuple[str, ...], start: int, end: int, full: bool = False) -> Location:
    if len(codes) == 1:
        r = regions[codes[0]]
        return Location(start, end, "admin1", r.code, r.country, None, r.latitude, r.longitude, codes, "region")
    countries = {regions[c].country for c in codes}
    country = countries.pop() if len(countries) == 1 else None
    return Location(start, end, "country", None, country, None, regions=codes, kind="region")


def _place_loc(place, start: int, end: int) -> Location:
    if not place.admin1:
        return Location(start, end, "settlement", None, None, place.name, place.latitude, place.longitude, kind="sea")
    lat, lon = place.latitude, place.longitude
    if lat is None:  # a generated settlement without coordinates: its region's centre
        region = load_regions()[place.admin1]
        lat, lon = region.latitude, region.longitude
    return Location(start, end, "settlement", place.admin1, place.country, place.name, lat, lon, (place.admin1,), "place")


def _pick_place(candidates, found: list[Location], view: DocView, sent: Sentence, start: int, end: int,
                keys: frozenset[int] = frozenset()) -> Location:
    """The place a name stands for.

    A hand-written place wins over generated namesakes; among hand rows, the one in a region
    the sentence names. Generated namesakes in several regions ("Novooleksandrivka") go by
    the region named in the sentence, then the paragraph, then the article (`keys`, their
    indexes in `load_places()`, keep the name from counting for itself); a town wins over
    village namesakes of its region ("Dobropillia"); if the text
    does not decide, the location keeps the name (and the country all of them share) only.
    A generated settlement keeps the Latin spelling the text uses ("Nadiya", "Kupyansk"), as
    the guide codes it, except that a Ukrainian place written by its Russian name
    ("Novoaleksandrovka", "Bogdanovka") and a Cyrillic one get the gazetteer's name.
    """
    hand = [p for p in candidates if not p.generated]
    if hand:
        named = {l.admin1 for l in found if l.admin1}
        return _place_loc(next((p for p in hand if p.admin1 in named), hand[0]), start, end)
    written = _join(view.texts, start, end)
    chosen, country = pick_namesakes(candidates, context_levels(view, sent, keys))
    if chosen:
        towns = [p for p in chosen if p.kind != "village"]
        p = chosen[0] if len(chosen) == 1 else towns[0] if len(towns) == 1 else None
        if p is None:  # several namesakes in one region: the region is known, the spot is not
            p = replace(chosen[0], latitude=None, longitude=None)
        return replace(_place_loc(p, start, end), name=_coded_name(written, [p]))
    name = _coded_name(written, candidates) if country else written  # "Bogdanovka" of the Belgorod region
    codes = tuple(sorted({p.admin1 for p in candidates if p.admin1}))
    return Location(start, end, "settlement", None, country, name, kind="place", candidates=codes)


def _coded_name(written: str, places) -> str:
    """The name a generated settlement is coded with: the text's spelling, or the gazetteer's
    name for a Russian-style spelling of a Ukrainian place or a Cyrillic one."""
    names = {p.name for p in places}
    if len(names) == 1 and (not written.isascii() or any(written in p.russian for p in places)):
        return names.pop()
    return written


NAME_WORDS = {
    "the", "in", "on", "at", "near", "of", "from", "to", "into", "over", "outside", "around", "and", "or",
    "by", "for", "after", "before", "as", "while", "but", "meanwhile", "village", "town", "city", "settlement",
    # what follows a place's name in a facility's or a unit's ("Kramatorsk Railway Station")
    "airport", "airfield", "air", "airbase", "base", "refinery", "oil", "plant", "station", "railway", "port",
    "bridge", "dam", "reservoir", "power", "nuclear", "thermal", "oblast", "region", "district", "raion",
    "hromada", "community", "council", "administration", "military", "direction", "axis", "front", "sector",
}


def _in_longer_name(view: DocView, sent: Sentence, start: int, end: int, matches: list[Match]) -> bool:
    """A generated name inside a longer proper name: "Taras Shevchenko", "Radio Svoboda",
    "Pushkin Street", "Gora-Podol". A capitalised word next to it that is no place itself,
    or a hyphen written tight against it, joins it to a longer name."""
    texts, words, idx = view.texts, view.words, view.idx
    placed = {k for m in matches if m.label != "place" or (m.start, m.end) != (start, end) for k in range(m.start, m.end)}

    def capital(k: int) -> bool:
        return (sent.start <= k < sent.end and texts[k][:1].isupper() and texts[k].isalpha()
                and words[k] not in NAME_WORDS and k not in placed)

    def hyphen(k: int, side: int) -> bool:  # "-" at k, touching the name on that side
        if not (sent.start <= k < sent.end and texts[k] == "-"):
            return False
        return idx[k] + 1 == idx[start] if side < 0 else idx[end - 1] + len(texts[end - 1]) == idx[k]

    if hyphen(start - 1, -1) or hyphen(end, 1):
        return True
    alpha = [t for t in texts[sent.start : sent.end] if t.isalpha()]
    if sum(t[:1].isupper() for t in alpha) > 0.6 * len(alpha):
        return False  # a headline in title case: "Russia Captures Novooleksandrivka Village"
    return capital(start - 1) or capital(end)


def _text_settlements(view: DocView, sent: Sentence, taken: set[int], found: list[Location]) -> list[Location]:
    """Named settlements the gazetteer lacks: "the village of Nadiya", "settlements of A and B"."""
    out = []
    words, texts = view.words, view.texts
    k = sent.start
    while k < sent.end - 2:
        if words[k] in SETTLEMENT_WORDS and words[k + 1] == "of":
            j = k + 2
            while j < sent.end:
                name_end = _name_end(view, j, sent.end)
                if name_end is None:
                    break
                if not (set(range(j, name_end)) & taken):
                    name = _join(texts, j, name_end)
                    out.append(Location(j, name_end, "settlement", None, None, name, kind="text"))
                    taken.update(range(j, name_end))
                j = name_end
                if j < sent.end and words[j] in (",", "and"):
                    nxt = j + 1 + (1 if j + 1 < sent.end and words[j + 1] == "and" else 0)
                    after = _name_end(view, nxt, sent.end)
                    # "the villages of A, B and C" is a list; "the town of A, President X said" is not
                    if after is not None and ("and" in words[j:nxt] or (after < sent.end and words[after] in (",", "and"))):
                        j = nxt
                        continue
                break
            k = j
        k += 1
    return out


APPOSITIVE = {"village", "town", "city", "settlement", "hamlet", "township"}


def _appositive_settlements(view: DocView, sent: Sentence, taken: set[int]) -> list[Location]:
    """"Lezhyne, a village in Zaporizhzhia district": a settlement named by its apposition."""
    out = []
    words, texts = view.words, view.texts
    for k in range(sent.start, sent.end - 3):
        if k in taken or not texts[k][:1].isupper() or words[k] in NOT_NAMES:
            continue
        end = _name_end(view, k, sent.end)
        if end is None or end >= sent.end - 2 or words[end] != ",":
            continue
        tail = words[end + 1 : end + 5]
        if tail and tail[0] in ("a", "the") and any(w in APPOSITIVE for w in tail[1:4]):
            if not (set(range(k, end)) & taken):
                out.append(Location(k, end, "settlement", None, None, _join(texts, k, end), kind="text"))
                taken.update(range(k, end))
    return out


def _name_end(view: DocView, j: int, end: int) -> int | None:
    texts, words = view.texts, view.words
    if j >= end or not texts[j][:1].isupper() or words[j] in NOT_NAMES:
        return None
    k = j + 1
    while k < end and (texts[k][:1].isupper() or (texts[k] in ("-",) and k + 1 < end and texts[k + 1][:1].isupper())):
        if words[k] in NOT_NAMES:
            break
        k += 1
    return k


def _join(texts: list[str], start: int, end: int) -> str:
    out = ""
    for t in texts[start:end]:
        out += t if (t == "-" or out.endswith("-")) else (" " + t if out else t)
    return out


ATTACH_GAP = {
    "in", "the", ",", "of", "outside", "near", "eastern", "western", "northern", "southern", "north",
    "south", "east", "west", "central", "'s", "\u2019s", "a", "village", "town", "small", "city",
    "settlement", "located", "lying", "russia", "ukraine", "russia's", "ukraine's", "russian", "ukrainian",
}


def attach_regions(locs: list[Location], words: list[str], texts: list[str] | None = None) -> list[Location]:
    """Give settlements the region written after them: "Petrivske in the Luhansk People's
    Republic", "Kamianske and Stepove in the Zaporizhzhia region". The text wins over a
    namesake the gazetteer places elsewhere, and then the name is the one written
    ("Kamianka in the Kharkiv region" is not the Zaporizhzhia town once called Kamianka)."""
    out = list(locs)
    for i, region in enumerate(out):
        if region.kind != "region" or region.precision != "admin1":
            continue
        j = i - 1
        while j >= 0:
            loc = out[j]
            gap = words[loc.end : out[j + 1].start]
            joined = all(w in ATTACH_GAP or w == "and" for w in gap) and len(gap) <= 7
            if not joined or loc.kind not in ("place", "text"):
                break
            if loc.admin1 != region.admin1:
                moved = loc.kind == "text" or loc.admin1 != region.admin1
                name = _join(texts, loc.start, loc.end) if texts is not None and loc.kind == "place" else loc.name
                out[j] = replace(
                    loc, admin1=region.admin1, country=region.country, regions=(region.admin1,), name=name,
                    latitude=region.latitude if moved else loc.latitude,
                    longitude=region.longitude if moved else loc.longitude,
                )
            if not any(w == "and" or w == "," for w in gap) and j < i - 1:
                break
            j -= 1
    return out


def scope_location(
    view: DocView,
    sent: Sentence,
    locs: list[Location],
    start: int,
    end: int,
    action: str,
) -> Location | None:
    """The place written for a claim within tokens [start, end) of its clause.

    One place gives it; a place with its region merges; places in several regions
    give only their shared country; seas give a name alone.
    """
    words = view.words
    if action != "launched":
        # "downed 718 of 728 drones that Russia launched against the country": the relative
        # clause places the launch, not the interception
        cut = next((k for k in range(start, end) if words[k] in ("that", "which")), None)
        if cut is not None:
            resume = next((k for k in range(cut, end) if words[k] == ","), None)
            skip = set(range(cut, resume if resume is not None else end))
            locs = [l for l in locs if l.start not in skip]
    else:
        # "attacked Crimea with four boats, all of which were destroyed over the Black Sea": what
        # became of them happened elsewhere than where they were sent
        cut = next((k for k in range(start, end) if words[k] == "which" and words[k - 1] in ("of", ",")), None)
        if cut is not None:
            locs = [l for l in locs if l.start < cut]
    inside = [l for l in locs if l.start >= start and l.end <= end]
    usable = []
    dropped: list[Location] = []
    for loc in inside:
        attached_to_dropped = any(
            0 <= loc.start - d.end <= 3
            and all(w in ("in", ",", "of", "the", "and", "region", "regions", "oblast", "oblasts", "krai") for w in words[d.end : loc.start])
            for d in dropped
        )
        if attached_to_dropped or _excluded(words, loc, sent.start, action) or not introduced(words, loc, sent.start, inside):
            dropped.append(loc)
            continue
        usable.append(loc)
    if not usable:
        return None
    return merge(usable, words)


PREPOSITIONS = {
    "over", "in", "above", "near", "across", "at", "on", "off", "outside", "around", "within",
    "into", "inside", "onto", "throughout", "of", "to", "against", "targeting", "attacked",
    "attack", "attacking", "hit", "struck", "targeted", "beyond", "along", "under", "through",
    "toward", "towards",
}
QUALIFYING = {
    "the", "a", "eastern", "western", "northern", "southern", "north-eastern", "north-western",
    "south-eastern", "south-western", "northeastern", "northwestern", "southeastern",
    "southwestern", "central", "occupied", "annexed", "russian-occupied", "russia's", "ukraine's",
    "'s", "\u2019s", "neighbouring", "neighboring", "nearby", "border", "frontline", "front-line",
    "temporarily", "russian-held", "ukrainian-held", "entire", "whole", "same", "russian", "ukrainian",
    "russia", "ukraine", "city", "town", "village", "port", "industrial", "regional", "capital",
    "north-west", "south-west", "north-east", "south-east", "north", "south", "east", "west",
    "an", "several", "various", "multiple", "many", "some", "numerous", "number", "other", "its",
    "their", "his", "her", "this", "that", "these", "those", "oil", "military", "southernmost",
}
PREPOSITION_LED = ("against", "at", "over", "across", "all", "in", "on", "into", "toward", "towards")


def introduced(words: list[str], loc: Location, floor: int, locs: list[Location] | None = None) -> bool:
    """Whether a preposition ("over the", "in Russia's") introduces the place."""
    if words[loc.start] in PREPOSITION_LED and loc.kind == "country":
        return True  # "against the country", "over the country"
    k = loc.start - 1
    while k >= floor and (words[k] in QUALIFYING or words[k].isdigit()):
        k -= 1
    if k < floor:
        return False
    if words[k] in PREPOSITIONS:
        return True
    if words[k] in (",", "and", "or") and locs:
        return any(other.end in (k, k - 1) for other in locs if other is not loc)
    return False


LAUNCHED_FROM = {"launched", "fired", "launching", "firing", "released", "dropped", "flying", "coming", "approaching",
                 "missiles", "missile", "drones", "rockets", "bombs"}


def _excluded(words: list[str], loc: Location, floor: int, action: str) -> bool:
    after = words[loc.end : loc.end + 2]
    if any(w in ("axis", "direction", "directions", "front", "sector") for w in after):
        return True  # "on the Mariupol axis": a front direction, not a place
    before = [words[k] for k in range(max(floor, loc.start - 3), loc.start)]
    near = before[-2:]
    excluding = EXCLUDING - TARGET if action == "launched" else EXCLUDING
    if any(w in excluding for w in near):
        return True
    if "to" in near and "from" in words[max(floor, loc.start - 8) : loc.start]:
        return True  # "from Lviv in the west to Sumy in the north-east": a range, not a place
    wider = [words[k] for k in range(max(floor, loc.start - 5), loc.start)]
    reach = [words[k] for k in range(max(floor, loc.start - 7), loc.start)]
    if "from" in reach[1:] and reach[reach.index("from", 1) - 1] in LAUNCHED_FROM \
            and not any(w in ("at", "against", "on", "towards", "toward") for w in reach[reach.index("from", 1) :]):
        return True  # "Kalibr missiles launched from ships in the Black Sea": where they were fired from
    if "from" in wider and "far" not in wider and not any(w in ("over", "in", "above", "near", "at", "into", "on") for w in wider[wider.index("from") + 1 :]):
        return True  # "from the directions of Kursk": where they came from
    if any(w in ("supplied", "delivered", "given", "handed", "transferred", "sold", "provided") for w in before):
        return True  # "missiles supplied to Ukraine": the recipient, not a place of the event
    if loc.kind == "country" and near and near[-1] == "by":
        return True  # "fired by Ukraine": the side that fired, not a place
    if any(w in ("operation", "war", "conflict", "invasion", "offensive", "counteroffensive", "zone", "front")
           for w in before):
        return True  # "the special military operation in Ukraine" names no place of the event
    if action != "launched" and any(w in ("attack", "attacking", "target", "targeting", "aimed") for w in before[-2:]):
        return True
    return False


def merge(locs: list[Location], words: list[str]) -> Location | None:
    """Combine the places written for one claim into one location."""
    if len(locs) == 1:
        loc = locs[0]
        if loc.kind == "region" and len(loc.regions) > 1:
            return loc
        return loc
    admin1s = {l.admin1 for l in locs if l.admin1}
    countries = {l.country for l in locs if l.country}
    settlements = [l for l in locs if l.kind in ("place", "text", "sea")]
    multi = [l for l in locs if len(l.regions) > 1]
    if any(l.kind == "sea" for l in locs) and admin1s:
        return None  # "over Crimea and the Black Sea": split between a region and a sea
    if len(admin1s) == 1 and not multi:
        code = admin1s.pop()
        best = next((l for l in settlements if l.admin1 in (code, None) and l.kind != "sea"), None)
        region = next((l for l in locs if l.kind == "region"), None)
        if best is not None:
            country = best.country or (region.country if region else None)
            lat = best.latitude if best.latitude is not None else (region.latitude if region else None)
            lon = best.longitude if best.longitude is not None else (region.longitude if region else None)
            return replace(best, admin1=code, country=country, latitude=lat, longitude=lon, precision="settlement")
        return next(l for l in locs if l.admin1 == code)
    if len(countries) == 1 and (admin1s or multi):
        c = countries.pop()
        return Location(locs[0].start, locs[-1].end, "country", None, c, None, kind="country")
    if not admin1s and not countries and settlements:
        return settlements[0]
    if len(countries) == 1:
        c = countries.pop()
        return Location(locs[0].start, locs[-1].end, "country", None, c, None, kind="country")
    return locs[0]
