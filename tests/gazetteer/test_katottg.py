"""KATOTTG codes to ISO 3166-2, checked against the codifier's own names and pycountry's."""

from __future__ import annotations

import pycountry
import pytest

from pipeline.gazetteer import katottg
from pipeline.gazetteer.romanize import romanize_uk


@pytest.mark.parametrize(
    ("code", "iso"),
    [
        ("UA14160270010099426", "UA-14"),  # the oblast number is the ISO number ...
        ("UA63120070010057493", "UA-63"),
        ("UA74040110050051772", "UA-74"),  # Chernihiv
        ("UA01020010010075540", "UA-43"),  # ... except for Crimea,
        ("UA44060050060058185", "UA-09"),  # Luhansk Oblast,
        ("UA73060010010043030", "UA-77"),  # Chernivtsi Oblast,
        ("UA80000000000093317", "UA-30"),  # Kyiv
        ("UA85000000000065278", "UA-40"),  # and Sevastopol
    ],
)
def test_iso_region(code, iso):
    assert katottg.iso_region(code) == iso


def test_every_first_level_unit_maps_to_the_iso_region_of_its_name():
    """The codifier's 27 first-level names, romanised, are pycountry's names of the mapped codes."""
    units = katottg.top_level()
    assert len(units) == 27
    mapped = set()
    for code, name in units:
        iso = katottg.iso_region(code)
        subdivision = pycountry.subdivisions.get(code=iso)
        assert subdivision is not None, (code, iso)
        expected = romanize_uk(name) + ("" if code[2:4] in ("01", "80", "85") else " oblast")
        assert subdivision.name.casefold() == expected.casefold(), (code, name, iso, subdivision.name)
        mapped.add(iso)
    assert mapped == {s.code for s in pycountry.subdivisions.get(country_code="UA")}


def test_settlements_are_the_codifier_s_populated_places():
    found = katottg.settlements()
    assert len(found) > 29_000
    assert {"city", "village"} <= {s.kind for s in found} <= {"city", "town", "village"}
    kyiv_region = [s for s in found if s.name == "Бориспіль"]
    assert [(s.kind, s.admin1) for s in kyiv_region] == [("city", "UA-32")]
