"""Which spellings of a place become names the extractor matches.

A spelling is kept when it is Latin or Cyrillic, written as a name (capitalised, no
digits or codes), at least `MIN_LETTERS` letters long, not on the stoplist of English
words and generic names, and, for an alternate name, a spelling of the place's own name
rather than an old name, a translation or a neighbour ("Novoaleksandrovka" for
Novooleksandrivka is; "Bolshevik" for Nekrasove is not). Latin alternates must be
spelled the way English text transliterates: German, Polish, French or scholarly forms
("Nowoaleksandrowka", "Kadijivka", "Bourylove") are left out.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

import translitua
from translitua import RussianInternationalPassport, translit

from .romanize import fold, is_cyrillic, is_latin, romanize_uk

STOPLIST_FILE = Path(__file__).parent / "data" / "stoplist.txt"
MIN_LETTERS = 4
MIN_SIMILARITY = 0.8

_LATIN = re.compile(r"[A-Z][a-z]+(?:[ -][A-Za-z][a-z]*)*")
# the Russian, Ukrainian and Belarusian alphabets (not Serbian "ј" or Bulgarian forms)
_CYRILLIC = re.compile(r"[А-ЯЁІЇЄҐЎ][а-яёіїєґў']+(?:[ -][А-ЯЁІЇЄҐЎа-яёіїєґў][а-яёіїєґў']*)*")
_UKRAINIAN_ONLY = set("іїєґІЇЄҐ")
_NOT_ENGLISH = re.compile(r"[jwqx]|sch|cz|sz|ou", re.IGNORECASE)
# spelling differences between transliterations, folded before names are compared
_DIGRAPHS = (("shch", "s"), ("sch", "s"), ("kh", "g"), ("zh", "z"), ("ch", "c"), ("sh", "s"), ("ts", "c"),
             ("tz", "c"), ("ck", "k"), ("h", "g"), ("w", "v"), ("x", "ks"), ("q", "k"))


@lru_cache(maxsize=1)
def stoplist() -> frozenset[str]:
    """Lower-cased names never matched: English words, people's names, generic names."""
    words = set()
    for line in STOPLIST_FILE.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.add(word.casefold())
    return frozenset(words)


@lru_cache(maxsize=None)
def clean(name: str) -> str:
    """Latin names folded to ASCII; Cyrillic names with one kind of apostrophe; spaces collapsed."""
    name = " ".join(name.split())
    if is_latin(name):
        return fold(name)
    return name.replace("\u2019", "'").replace("\u02bc", "'")


@lru_cache(maxsize=None)
def acceptable(name: str) -> bool:
    """A spelling fit to be matched in text as written (see the module's docstring)."""
    if is_latin(name):
        if not _LATIN.fullmatch(name):
            return False
    elif not (is_cyrillic(name) and _CYRILLIC.fullmatch(name)):
        return False
    if any(w[:1].islower() for w in name.split(" ")):
        return False  # "Rostov-na-Donu" is a name; "selo Ivanivka" is not
    letters = sum(c.isalpha() for c in name)
    return letters >= MIN_LETTERS and name.casefold() not in stoplist()


@lru_cache(maxsize=None)
def latin_of(name: str) -> str:
    """A Latin reading of any spelling, for comparing spellings: Ukrainian or Russian Cyrillic or Latin."""
    if is_cyrillic(name):
        if any(c in _UKRAINIAN_ONLY for c in name):
            return romanize_uk(name)
        return translit(name, RussianInternationalPassport)
    return fold(name)


@lru_cache(maxsize=None)
def skeleton(name: str) -> str:
    """The consonants of a name with transliteration differences folded: Kharkiv, Kharkov -> grkv."""
    text = "".join(c for c in latin_of(name).lower() if c.isalpha())
    for a, b in _DIGRAPHS:
        text = text.replace(a, b)
    return "".join(c for c in text if c not in "aeiouyj")


@lru_cache(maxsize=None)
def similar(a: str, b: str) -> bool:
    """Whether two spellings write the same name ("Vuhledar", "Ugledar", "Угледар")."""
    sa, sb = skeleton(a), skeleton(b)
    if sa == sb or not sa or not sb:
        return sa == sb
    matcher = SequenceMatcher(None, sa, sb, autojunk=False)
    return matcher.real_quick_ratio() >= MIN_SIMILARITY and matcher.ratio() >= MIN_SIMILARITY


# Ukrainian transliteration tables that English text follows, besides the national one
UKRAINIAN_TABLES = ("UkrainianKMU", "UkrainianBGN", "UkrainianBGN2019", "UkrainianBritish", "UkrainianUNGEGN",
                    "UkrainianPassport2007", "UkrainianNational1996", "UkrainianSimple", "UkrainianALALC")


@lru_cache(maxsize=None)
def _plain(name: str) -> str:
    return "".join(c for c in fold(name).lower() if c.isalpha() or c == " ")


@lru_cache(maxsize=None)
def _ukrainian_spellings(ukrainian: str) -> frozenset[str]:
    return frozenset(_plain(translit(ukrainian, getattr(translitua, t))) for t in UKRAINIAN_TABLES)


@lru_cache(maxsize=None)
def _russian_spelling(russian: str) -> str:
    return _plain(translit(russian, RussianInternationalPassport))


def russian_style(spelling: str, ukrainian: str, russian: list[str]) -> bool:
    """Whether a Latin spelling of a Ukrainian place writes its Russian name ("Novoaleksandrovka"
    for Новоолександрівка, Russian Новоалександровка) rather than its Ukrainian one.

    A spelling some Ukrainian table gives ("Nadiya", "Kupyansk", "Zorya") is Ukrainian;
    otherwise it is Russian when it is closer to a romanised Russian name than to the
    national romanisation of the Ukrainian one.
    """
    plain = _plain(spelling)
    if plain in _ukrainian_spellings(ukrainian):
        return False
    national = _plain(romanize_uk(ukrainian))
    ratio = lambda other: SequenceMatcher(None, plain, other, autojunk=False).ratio()  # noqa: E731
    return any(ratio(_russian_spelling(r)) > ratio(national) for r in russian)


def variants(primary: str, alternates) -> list[str]:
    """The primary name's acceptable alternate spellings, cleaned, without duplicates or the name."""
    out = []
    for alt in alternates:
        alt = clean(alt)
        if is_latin(alt) and _NOT_ENGLISH.search(alt):
            continue
        if alt != primary and alt not in out and acceptable(alt) and similar(alt, primary):
            out.append(alt)
    return out
