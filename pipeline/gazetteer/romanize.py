"""Latin spellings of place names: the Ukrainian national standard and plain ASCII folding.

Ukrainian names are romanised by the Cabinet of Ministers resolution No. 55 of
27 January 2010 (the "KMU 2010" table), as implemented by the `translitua` package:
word-initial є ї й ю я give Ye Yi Y Yu Ya, зг gives zgh, and the soft sign and the
apostrophe are dropped.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from translitua import UkrainianKMU, translit

APOSTROPHES = str.maketrans({c: "'" for c in "\u2019\u02bc\u02bb`\u00b4\u2018"})
# marks GeoNames writes for the soft and hard signs ("Ryazan’", "Dem”yanivka")
SIGN_MARKS = "'\u2019\u02bc\u02b9\u02ba\u201d\u201c\"\u2032"


@lru_cache(maxsize=None)
def romanize_uk(name: str) -> str:
    """A Ukrainian Cyrillic name in the national Latin transliteration ("Згурівка" -> "Zghurivka")."""
    return translit(name.translate(APOSTROPHES), UkrainianKMU)


@lru_cache(maxsize=None)
def fold(name: str) -> str:
    """A Latin name in plain ASCII as English text writes it ("Orël" -> "Orel", "Ryazan’" -> "Ryazan")."""
    text = "".join(c for c in name if c not in SIGN_MARKS)
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


_CYRILLIC = re.compile(r"(?=.*[\u0400-\u04ff])[\u0400-\u04ff\W\d_]*")
# Basic Latin, Latin-1 letters, Latin Extended-A/B and Additional: "Orël", "Bălţi", "Quru Özen"
_LATIN = re.compile(r"(?=.*[A-Za-z\u00c0-\u024f\u1e00-\u1eff])(?:[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]|[\W\d_])*")


def is_cyrillic(name: str) -> bool:
    """Only Cyrillic letters, with spaces, hyphens and apostrophes between them."""
    return _CYRILLIC.fullmatch(name) is not None


def is_latin(name: str) -> bool:
    """Only Latin letters (accents allowed), with spaces, hyphens and apostrophes between them."""
    return _LATIN.fullmatch(name) is not None
