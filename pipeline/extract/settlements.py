"""Match the generated settlements and tell namesakes apart by the regions the text names.

The names of `settlements.csv` ("Novooleksandrivka", "Velyka Novosilka", "Ugledar")
are looked up token by token in a dict rather than compiled into a PhraseMatcher: the
pipeline builds in a fraction of a second, and only a capitalised token can start a
match, so "zoria" or "ZORIA" never stand for the village of Zoria.

Dozens of villages share a name ("Novooleksandrivka"): `pick_namesakes` keeps the one
in the region the sentence, then the paragraph, then the article names, and none when
the text does not say.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache
from typing import NamedTuple

from spacy.attrs import ORTH
from spacy.tokens import Doc

from .document import DocView, Sentence
from .gazetteer import Place, load_hand_places, load_places

_PLAIN = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")  # letters and single spaces: split on spaces


def settlement_phrases(taken: set[str]) -> list[tuple[str, str]]:
    """(key, name) of every generated settlement name, the key its index in `load_places()`.

    A name that another vocabulary phrase already has ("Kharkiv", "Chechnya", "Kinzhal"),
    compared ignoring case, is left to that phrase: a hand-written place wins.
    """
    out = []
    hand = len(load_hand_places())
    for index, place in enumerate(load_places()[hand:], hand):
        for name in (place.name, *place.aliases):
            for form in (name, name.replace("'", "\u2019")) if "'" in name else (name,):
                if form.lower() not in taken:
                    out.append((str(index), form))
    return out


class NameIndex:
    """Finds names given as token sequences, exactly as written; each match yields its ids.

    Tokens are compared by their hashes in the vocabulary's string store, so a Doc is read
    with one `to_array` call and no Token objects.
    """

    def __init__(self, nlp, entries: list[tuple[int, str]]):
        strings = nlp.vocab.strings
        self.first: dict[int, dict[tuple[int, ...], list[int]]] = {}
        odd = [(i, form) for i, form in entries if not _PLAIN.fullmatch(form)]
        split = dict(zip(odd, ([t.text for t in doc] for doc in nlp.tokenizer.pipe(form for _, form in odd))))
        for match_id, form in entries:
            tokens = tuple(strings.add(t) for t in split.get((match_id, form)) or form.split(" "))
            self.first.setdefault(tokens[0], {}).setdefault(tokens[1:], []).append(match_id)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        orths = doc.to_array(ORTH).tolist()
        first = self.first
        out = []
        for i, orth in enumerate(orths):
            tails = first.get(orth)
            if tails is None:
                continue
            for rest, ids in tails.items():
                end = i + 1 + len(rest)
                if not rest or tuple(orths[i + 1 : end]) == rest:
                    out.extend((match_id, i, end) for match_id in ids)
        return out


class Context(NamedTuple):
    """Regions the text names around a sentence, nearest first, and those its sentence names
    as regions ("the Belgorod region", "Crimea"; not "near Kursk")."""

    levels: list[set[str]]  # the sentence, its paragraph, the article
    regions: set[str]


def context_levels(view: DocView, sent: Sentence, name: frozenset[int] = frozenset()) -> Context:
    """The regions around a sentence that may place a name.

    A region counts when it is named ("the Donetsk region", "DPR", "Kursk") or when a place
    whose region is not in doubt stands for it ("near Pokrovsk"); the name being placed
    (the `load_places()` indexes it matched) does not count for itself.
    """
    per_sentence = _named_regions(view)
    if sent.index >= len(per_sentence):
        return Context([set(), set(), set()], set())

    def regions(sentences) -> set[str]:
        return {code for s in sentences for codes, ident, _ in per_sentence[s.index] if ident != name for code in codes}

    levels = [regions([sent]), regions(s for s in view.sentences if s.block == sent.block), regions(view.sentences)]
    return Context(levels, {code for codes, _, explicit in per_sentence[sent.index] if explicit for code in codes})


def pick_namesakes(candidates: list[Place], context: Context) -> tuple[list[Place], str | None]:
    """The namesakes in the one region the context points to, and the country they are in.

    Candidates in a single region need no other context, unless their sentence names other
    regions only, as regions, and the gazetteer may lack the place: GeoNames lists Russia's villages of
    500 people or more, so "Dolgoye, a village in the Belgorod region" is not the Dolgoye of
    the Oryol region; KATOTTG lists every Ukrainian one, so only a region of another country
    contradicts it. Otherwise the nearest level that names any region decides: the namesakes
    in the one candidate region it names, or none if it names several or none of theirs.
    Without a pick, the country is the one all candidates share, unless that level names
    only regions of other countries.
    """
    levels = context.levels
    codes = {p.admin1 for p in candidates}
    countries = {p.country for p in candidates}
    country = next(iter(countries)) if len(countries) == 1 else None
    if len(codes) == 1:
        sentence = context.regions
        if not sentence or codes & levels[0]:
            return list(candidates), country
        foreign = all(code[:2] != country for code in sentence)
        if not foreign and all(p.source.startswith("katottg") for p in candidates):
            return list(candidates), country
        return [], None if foreign else country
    for named in levels:
        if not named:
            continue
        hit = codes & named
        if len(hit) == 1:
            code = hit.pop()
            return [p for p in candidates if p.admin1 == code], country
        if not hit and all(code[:2] != country for code in named):
            country = None
        return [], country
    return [], country


_last: list = [None, None]  # the view whose named regions were computed last, and those regions


def _named_regions(view: DocView) -> list[list[tuple[frozenset[str], frozenset[int] | None, bool]]]:
    """Per sentence, the regions each region name or unambiguous place stands for, with the
    place's indexes (None for a region name) and whether it is named as a region."""
    if _last[0] is view:
        return _last[1]
    places = load_places()
    out: list[list[tuple[frozenset[str], frozenset[int] | None, bool]]] = [[] for _ in view.sentences]
    for sent in view.sentences:
        by_range: dict[tuple[int, int], set[int]] = {}
        # "Kyiv said", "the Kyiv regime": a capital standing for a government names no region
        speakers = {k for m in view.matches("claimants", sent) for k in range(m.start, m.end)}
        region_words = {m.start for m in view.matches("places", sent, "region_word")}
        for m in view.matches("places", sent):
            if m.start in speakers:
                continue
            if m.label in ("region_full", "region_bare"):
                explicit = m.label == "region_full" or m.end in region_words
                out[sent.index].append((frozenset((m.key,)), None, explicit))
            elif m.label == "place":
                by_range.setdefault((m.start, m.end), set()).add(int(m.key))
        for indexes in by_range.values():
            cands = [places[k] for k in indexes]
            hand = [p for p in cands if not p.generated]
            codes = frozenset(p.admin1 for p in hand or cands)
            if len(codes) == 1 and None not in codes:
                out[sent.index].append((codes, frozenset(indexes), False))
    _last[0], _last[1] = view, out
    return out


def unambiguous(matches: list) -> list:
    """The place matches without generated namesakes in several regions, and every other match:
    what a governor's or mayor's title may be read against ("the Novooleksandrivka head" names none)."""
    places = load_places()
    regions: dict[tuple[int, int], set] = {}
    for m in matches:
        if m.label == "place":
            regions.setdefault((m.start, m.end), set()).add((places[int(m.key)].admin1, places[int(m.key)].generated))
    return [m for m in matches if m.label != "place" or len(regions[(m.start, m.end)]) == 1
            or not all(generated for _, generated in regions[(m.start, m.end)])]


_SKELETON_STEPS = (
    ("shch", "\u0161"), ("sch", "\u0161"), ("zh", "\u017e"), ("kh", "h"), ("ch", "\u010d"), ("sh", "s"),
    ("ts", "c"), ("tz", "c"), ("g", "h"), ("x", "ks"), ("w", "v"), ("ck", "k"), ("q", "k"),
)
_VOWELS = re.compile(r"[aeiouyj'\u2019\u02bc\s-]+")


def skeleton(name: str) -> str:
    """The consonants of a romanised name, so that Russian-style and Ukrainian spellings of
    one place meet: "Netaylovo" and "Netailove", "Peschanoye" and "Pishchane", "Gulyaipole"
    and "Huliaipole" all keep only their consonants in the same letters."""
    s = unicodedata.normalize("NFKD", name.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    for a, b in _SKELETON_STEPS:
        s = s.replace(a, b)
    initial = "V" if s[:1] in "aeiouyj" else ""  # "Udachne" is not "Dachne"; "Aleksandrovka" is "Oleksandrivka"
    s = initial + _VOWELS.sub("", s)
    return re.sub(r"(.)\1+", r"\1", s)


@lru_cache(maxsize=1)
def _ukrainian_skeletons() -> dict[str, list[Place]]:
    out: dict[str, list[Place]] = {}
    for place in load_places():
        if place.country == "UA" and place.generated:
            out.setdefault(skeleton(place.name), []).append(place)
    return out


def warm() -> None:
    """Build the spelling index now rather than at the first Russian-style name."""
    _ukrainian_skeletons()


def ukrainian_spelling(written: str, admin1: str | None) -> tuple[str, str | None] | None:
    """The gazetteer's name and region of a Ukrainian settlement the text spells another way
    ("Netaylovo" in the Donetsk region is Netailove), when the region written (or, without
    one, the whole country) holds exactly one name of that shape; else None."""
    key = skeleton(written)
    if len(key) < (3 if admin1 else 5) or not written[:1].isupper():
        return None
    low = written.lower()
    places = [p for p in _ukrainian_skeletons().get(key, ()) if (admin1 is None or p.admin1 == admin1)
              and SequenceMatcher(None, low, p.name.lower()).ratio() >= 0.68]  # "Krasnoye" is not Korsun
    names = {p.name for p in places}
    if len(names) != 1 or _fold(written) == _fold(next(iter(names))):
        return None
    regions = {p.admin1 for p in places}
    return names.pop(), (regions.pop() if len(regions) == 1 else None)


def _fold(name: str) -> str:
    return "".join(c for c in name.lower() if c.isalpha())



RUSSIAN_ENDINGS = ("ovka", "evka", "oye", "oe", "aya", "iy", "yy", "oy", "ovo", "evo", "itsa", "ino")


def russian_form(name: str) -> bool:
    """Whether a Latin name is written the Russian way ("Bogdanovka", "Peschanoye",
    "Netaylovo"), which the guide codes by its Ukrainian name; "Kupyansk" or "Progres" are
    left as written."""
    return any(word.lower().endswith(RUSSIAN_ENDINGS) for word in name.replace("-", " ").split())
