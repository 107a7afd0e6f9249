"""Consistency checks for the place gazetteer data files and their loader."""

from __future__ import annotations

import csv

import pycountry
import pytest

from pipeline.extract.gazetteer import (
    PLACES_FILE,
    REGIONS_FILE,
    Place,
    Region,
    load_hand_places,
    load_places,
    load_regions,
)

COUNTRIES = ("UA", "RU", "BY", "MD", "PL", "RO")

# Generous (lat_min, lat_max, lon_min, lon_max) boxes around each country.
BOXES = {
    "UA": (44.0, 52.6, 22.0, 40.5),
    "RU": (41.0, 82.0, 19.5, 191.0),  # Chukotka reaches past the 180th meridian
    "BY": (51.2, 56.2, 23.1, 32.8),
    "MD": (45.4, 48.6, 26.6, 30.2),
    "PL": (49.0, 54.9, 14.1, 24.2),
    "RO": (43.6, 48.3, 20.2, 29.8),
}
# Box for water bodies that belong to no single country.
WATER_BOX = (35.0, 70.0, 10.0, 60.0)

KINDS = {
    "city", "town", "village", "district", "airbase", "airport", "port", "refinery",
    "plant", "sea", "lake", "cape", "strait", "bay", "bridge", "island", "river",
}
# Kinds that may lie outside any single region.
UNREGIONED_KINDS = {"sea", "strait", "bay", "river"}


def _raw_rows(path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def _in_box(lat: float, lon: float, box: tuple[float, float, float, float]) -> bool:
    lat_min, lat_max, lon_min, lon_max = box
    return lat_min <= lat <= lat_max and lon_min <= lon <= lon_max


def _places_named(text: str) -> list[Place]:
    return [p for p in load_places() if text == p.name or text in p.aliases]


def test_loaders_return_cached_typed_records():
    regions, places = load_regions(), load_places()
    assert regions is load_regions() and places is load_places()
    assert all(isinstance(r, Region) and r.code == code for code, r in regions.items())
    assert all(isinstance(p, Place) for p in places)
    assert len(regions) >= 200 and len(places) >= 500


def test_region_codes_are_iso_3166_2_and_match_country():
    for code, region in load_regions().items():
        subdivision = pycountry.subdivisions.get(code=code)
        assert subdivision is not None, code
        assert subdivision.parent_code is None, code
        assert code.split("-")[0] == region.country == subdivision.country_code, code


@pytest.mark.parametrize("country", COUNTRIES)
def test_every_first_level_subdivision_is_present(country):
    expected = {
        s.code
        for s in pycountry.subdivisions.get(country_code=country)
        if s.parent_code is None
    }
    present = {code for code, r in load_regions().items() if r.country == country}
    assert expected - present == set()


def test_place_regions_exist_and_countries_match():
    regions = load_regions()
    for place in load_places():
        if place.admin1 is None:
            assert place.country is None, place.name
            assert place.kind in UNREGIONED_KINDS, place.name
            continue
        assert place.admin1 in regions, place.name
        assert place.country == regions[place.admin1].country, place.name


def test_seas_and_straits_have_no_region():
    for place in load_places():
        if place.kind in {"sea", "strait"}:
            assert place.admin1 is None and place.country is None, place.name


def test_place_kinds_are_known():
    assert {p.kind for p in load_places()} <= KINDS


def test_region_centres_lie_in_their_country():
    for code, region in load_regions().items():
        assert _in_box(region.latitude, region.longitude, BOXES[region.country]), code


def test_place_coordinates_lie_in_their_country():
    for place in load_places():
        if place.latitude is None:
            assert place.generated, place.name  # a generated settlement whose sources give none
            continue
        box = BOXES[place.country] if place.country else WATER_BOX
        lon = place.longitude + 360 if place.longitude < -168 else place.longitude  # east of 180
        assert _in_box(place.latitude, lon, box), place.name


SPOT_CHECKS = [
    ("place", "Kharkov", "UA-63"),
    ("place", "Shebekino", "RU-BEL"),
    ("place", "Belbek", "UA-40"),
    ("place", "Sea of Azov", None),
    ("place", "Azov Sea", None),
    ("place", "Kerch Strait", None),
    ("place", "Artemovsk", "UA-14"),
    ("place", "Krasnoarmeysk", "UA-14"),
    ("place", "Berdyansk", "UA-23"),
    ("place", "Engels air base", "RU-SAR"),
    ("place", "Eisk", "RU-KDA"),
    ("place", "Przewodow", "PL-06"),
    ("bare", "Zaporozhye", "UA-23"),
    ("bare", "Lugansk", "UA-09"),
    ("bare", "Brjansk", "RU-BRY"),
    ("bare", "Odessa", "UA-51"),
    ("bare", "Moscow", "RU-MOS"),
    ("full", "Crimea", "UA-43"),
    ("full", "DPR", "UA-14"),
    ("full", "Kuban", "RU-KDA"),
    ("full", "Moscow", "RU-MOW"),
]


@pytest.mark.parametrize(("table", "text", "code"), SPOT_CHECKS)
def test_spot_checks(table, text, code):
    if table == "place":
        matches = _places_named(text)
        assert matches, text
        assert code in {p.admin1 for p in matches}
        return
    names = {"bare": "bare_names", "full": "full_names"}[table]
    assert text in getattr(load_regions()[code], names)


def test_full_names_are_unique_across_regions():
    seen: dict[str, str] = {}
    for code, region in load_regions().items():
        for name in region.full_names:
            key = name.casefold()
            assert key not in seen, f"{name!r} in {seen.get(key)} and {code}"
            seen[key] = code


def test_city_regions_have_no_bare_names():
    regions = load_regions()
    for code in ("UA-30", "UA-40", "RU-MOW", "RU-SPE"):
        assert regions[code].bare_names == ()


def test_oblast_full_names_are_not_city_names():
    towns = {
        (p.name.casefold(), p.admin1) for p in load_places() if p.kind in {"city", "town"}
    }
    for code, region in load_regions().items():
        if not region.bare_names:
            continue
        for name in region.full_names:
            assert (name.casefold(), code) not in towns, (code, name)


def test_place_names_repeat_only_across_regions():
    keys = [(p.name, p.admin1) for p in load_hand_places()]  # generated namesakes may share a region
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("path", [REGIONS_FILE, PLACES_FILE], ids=lambda p: p.name)
def test_cells_are_trimmed_and_lists_have_no_empty_parts(path):
    rows = _raw_rows(path)
    width = len(rows[0])
    for row in rows:
        assert len(row) == width, row
        for cell in row:
            assert cell == cell.strip(), row
            if cell:
                assert all(part and part == part.strip() for part in cell.split("|")), row


@pytest.mark.parametrize(
    ("path", "required"),
    [
        (REGIONS_FILE, ("code", "country", "name", "latitude", "longitude")),
        (PLACES_FILE, ("name", "kind", "latitude", "longitude")),
    ],
    ids=["regions", "places"],
)
def test_required_fields_are_filled(path, required):
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            assert all(row[field] for field in required), row
