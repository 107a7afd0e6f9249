"""Load the place gazetteer: first-level regions and named places with their codes.

Locations in claims are coded with ISO 3166-2 regions; these tables map the names
reports use onto those codes. They are CSV files in `data/`, read once per process:
`regions.csv`, the hand-written `places.csv` (bases, plants, seas, districts, and towns
whose spellings the generated file lacks) and `settlements.csv`, generated from KATOTTG
and GeoNames by `python -m pipeline.gazetteer.build`.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
REGIONS_FILE = DATA_DIR / "regions.csv"
PLACES_FILE = DATA_DIR / "places.csv"
SETTLEMENTS_FILE = DATA_DIR / "settlements.csv"


@dataclass(frozen=True)
class Region:
    """A first-level subdivision (oblast, krai, republic, city of federal status...)."""

    code: str
    country: str
    name: str
    bare_names: tuple[str, ...]
    full_names: tuple[str, ...]
    latitude: float
    longitude: float


@dataclass(frozen=True)
class Place:
    """A named location below region level: settlement, facility or water body."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    admin1: str | None
    country: str | None
    latitude: float | None  # None for a generated settlement whose sources give no coordinates
    longitude: float | None
    source: str = "hand"  # or the generated file's: katottg, geonames, katottg+geonames
    id: str = ""  # KATOTTG code or GeoNames id of a generated settlement
    russian: tuple[str, ...] = ()  # aliases that write a Ukrainian place's Russian name ("Novoaleksandrovka")

    @property
    def generated(self) -> bool:
        return self.source != "hand"


def _split(cell: str) -> tuple[str, ...]:
    """A `|`-separated cell as a tuple of its non-empty parts."""
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def _read(path: Path) -> list[dict[str, str]]:
    """All rows of one CSV file as dicts keyed by header."""
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@lru_cache(maxsize=None)
def load_regions() -> dict[str, Region]:
    """All regions keyed by ISO 3166-2 code, so a claim's admin1 can be looked up."""
    regions = {}
    for row in _read(REGIONS_FILE):
        region = Region(
            code=row["code"].strip(),
            country=row["country"].strip(),
            name=row["name"].strip(),
            bare_names=_split(row["bare_names"]),
            full_names=_split(row["full_names"]),
            latitude=float(row["latitude"]),
            longitude=float(row["longitude"]),
        )
        regions[region.code] = region
    return regions


@lru_cache(maxsize=None)
def load_hand_places() -> tuple[Place, ...]:
    """The places of places.csv in file order; admin1 and country are None for seas, straits and rivers."""
    return tuple(_place(row) for row in _read(PLACES_FILE))


@lru_cache(maxsize=None)
def load_settlements() -> tuple[Place, ...]:
    """The generated settlements of settlements.csv, sorted by country, region and name."""
    return tuple(_place(row, row["source"], row["id"], _split(row["russian"])) for row in _read(SETTLEMENTS_FILE))


@lru_cache(maxsize=None)
def load_places() -> tuple[Place, ...]:
    """Every place: the hand-written ones first, then the generated settlements.

    A match's key is an index into this tuple. Where a hand row and a generated one share
    a name, the matcher leaves the generated one out: the hand row wins.
    """
    return load_hand_places() + load_settlements()


def _place(row: dict[str, str], source: str = "hand", ident: str = "", russian: tuple[str, ...] = ()) -> Place:
    lat, lon = row["latitude"].strip(), row["longitude"].strip()
    return Place(
        name=row["name"].strip(),
        aliases=_split(row["aliases"]) + russian,
        kind=row["kind"].strip(),
        admin1=row["admin1"].strip() or None,
        country=row["country"].strip() or None,
        latitude=float(lat) if lat else None,
        longitude=float(lon) if lon else None,
        source=source,
        id=ident,
        russian=russian,
    )
