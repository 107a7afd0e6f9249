"""The map from GeoNames' region numbers to ISO 3166-2, checked against independent evidence."""

from __future__ import annotations

import csv
import math
from collections import Counter, defaultdict

import pycountry
import pytest

from pipeline.extract.gazetteer import load_hand_places, load_regions
from pipeline.gazetteer import geonames, katottg
from pipeline.gazetteer.romanize import romanize_uk


def _rows() -> list[dict[str, str]]:
    with geonames.ADMIN1_FILE.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _km(a_lat, a_lon, b_lat, b_lon) -> float:
    return math.hypot((a_lat - b_lat) * 111, (a_lon - b_lon) * 111 * math.cos(math.radians(a_lat)))


def test_every_region_number_in_the_data_is_mapped():
    present = {(c["countrycode"], c["admin1code"]) for c in geonames.raw_cities()}
    assert present - set(geonames.admin1_map()) == set()


def test_map_is_one_to_one_onto_the_regions_of_the_four_countries():
    codes = [r["code"] for r in _rows()]
    assert len(codes) == len(set(codes))
    regions = load_regions()
    expected = {code for code, r in regions.items() if r.country in geonames.COUNTRIES}
    assert set(codes) == expected
    assert all(regions[r["code"]].country == r["country"] for r in _rows())


@pytest.mark.parametrize("row", _rows(), ids=lambda r: f"{r['country']}.{r['geonames_admin1']}")
def test_each_region_s_centre_is_a_place_of_that_number(row):
    """The administrative centre the map names is a GeoNames place with that region number."""
    names = {c["name"] for c in geonames.raw_cities()
             if (c["countrycode"], c["admin1code"]) == (row["country"], row["geonames_admin1"])}
    assert row["capital"] in names


def test_ukrainian_numbers_agree_with_the_codifier():
    """Places whose Ukrainian name only one oblast has in KATOTTG lie in the mapped oblast."""
    oblasts = defaultdict(set)
    for s in katottg.settlements():
        oblasts[s.name.replace("\u2019", "'")].add(katottg.iso_region(s.code))
    votes: dict[str, Counter] = defaultdict(Counter)
    for city in geonames.cities():
        if city.country != "UA":
            continue
        for alt in city.alternates:
            found = oblasts.get(alt.replace("\u2019", "'"), set())
            if len(found) == 1 and romanize_uk(alt) == city.name:
                votes[city.admin1][next(iter(found))] += 1
    # the codifier has no settlements in Kyiv or Sevastopol, only city districts (GeoNames'
    # places there are neighbourhoods); it counts the villages around Sevastopol as Crimea's
    votes.pop("UA-30")
    assert set(votes.pop("UA-40")) == {"UA-43"}
    assert set(votes) == {s.code for s in pycountry.subdivisions.get(country_code="UA")} - {"UA-30", "UA-40"}
    for iso, counter in votes.items():
        top, n = counter.most_common(1)[0]
        assert top == iso and n >= 0.9 * sum(counter.values()), (iso, counter.most_common(3))


def test_hand_written_towns_lie_in_the_mapped_region_of_their_geonames_namesake():
    cities = defaultdict(list)
    for c in geonames.cities():
        cities[c.name].append(c)
    checked = 0
    for place in load_hand_places():
        if place.country not in geonames.COUNTRIES or place.kind not in ("city", "town", "village"):
            continue
        for name in (place.name, *place.aliases):
            for c in cities.get(name, []):
                if _km(c.latitude, c.longitude, place.latitude, place.longitude) < 15:
                    assert c.admin1 == place.admin1, (place.name, c.geonameid, c.admin1)
                    checked += 1
    assert checked > 100
