"""Places: regions with their region words, towns and their regions, seas, countries."""

from __future__ import annotations

import pytest

from pipeline.extract.places import Location, attach_regions, find_locations, introduced, merge

from .support import only_sentence, view_of


def _locations(text: str) -> list[tuple]:
    view = view_of(text)
    locs = attach_regions(find_locations(view, only_sentence(view)), view.words)
    return [(" ".join(view.texts[l.start : l.end]), l.precision, l.admin1, l.country, l.name) for l in locs]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Drones were downed over the Belgorod region.", ("Belgorod region", "admin1", "RU-BEL", "RU", None)),
        ("Drones were downed in Russia's Kursk Oblast.", ("Kursk Oblast", "admin1", "RU-KRS", "RU", None)),
        ("Seven drones were downed over the territory of Smolensk region.", ("Smolensk region", "admin1", "RU-SMO", "RU", None)),
        ("Drones were downed over the Krasnodar Territory.", ("Krasnodar Territory", "admin1", "RU-KDA", "RU", None)),
        ("Drones were downed over the Lugansk People's Republic.", ("Lugansk People 's Republic", "admin1", "UA-09", "UA", None)),
        ("Drones were downed over Crimea.", ("Crimea", "admin1", "UA-43", "UA", None)),
        ("Drones were downed over Sevastopol.", ("Sevastopol", "admin1", "UA-40", "UA", None)),
        ("Drones were downed over Moscow.", ("Moscow", "admin1", "RU-MOW", "RU", None)),
        ("Drones were downed over the Moscow region.", ("Moscow region", "admin1", "RU-MOS", "RU", None)),
        ("Drones hit Kyiv.", ("Kyiv", "admin1", "UA-30", "UA", None)),
        ("Drones were downed over the Kyiv region.", ("Kyiv region", "admin1", "UA-32", "UA", None)),
        # towns fix their region; transliterations give the English name
        ("Drones hit Kharkov.", ("Kharkov", "settlement", "UA-63", "UA", "Kharkiv")),
        ("A missile hit Odessa.", ("Odessa", "settlement", "UA-51", "UA", "Odesa")),
        ("Drones attacked Zaporozhye.", ("Zaporozhye", "settlement", "UA-23", "UA", "Zaporizhzhia")),
        ("Drones hit Shebekino.", ("Shebekino", "settlement", "RU-BEL", "RU", "Shebekino")),
        # seas have a name only
        ("Drones were downed over the Black Sea.", ("Black Sea", "settlement", None, None, "Black Sea")),
        # several regions named together give their country
        ("Drones were downed over the Moscow and Oryol regions.", ("Moscow and Oryol regions", "country", None, "RU", None)),
        ("Drones were downed over the Kherson, Mykolaiv and Odesa oblasts.",
         ("Kherson , Mykolaiv and Odesa oblasts", "country", None, "UA", None)),
        ("Drones were launched at Ukraine.", ("Ukraine", "country", None, "UA", None)),
    ],
)
def test_one_place(text, expected):
    assert expected in _locations(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Drones hit the village of Nadiya in the Luhansk region.",
            [("Nadiya", "settlement", "UA-09", "UA", "Nadiya"), ("Luhansk region", "admin1", "UA-09", "UA", None)],
        ),
        (
            "Drones hit Lezhyne, a village in the Zaporizhzhia region.",
            [("Lezhyne", "settlement", "UA-23", "UA", "Lezhyne"), ("Zaporizhzhia region", "admin1", "UA-23", "UA", None)],
        ),
        (
            "Troops seized the villages of Tonenke and Orlivka.",
            [("Tonenke", "settlement", None, None, "Tonenke"), ("Orlivka", "settlement", None, None, "Orlivka")],
        ),
        (
            "Drones were downed over the Leningrad region and St. Petersburg.",
            [("Leningrad region", "admin1", "RU-LEN", "RU", None), ("St. Petersburg", "admin1", "RU-SPE", "RU", None)],
        ),
    ],
)
def test_places_in_order(text, expected):
    assert _locations(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Drones were downed overnight.", "The ministry gave no further details."],
)
def test_no_place(text):
    assert _locations(text) == []


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("Drones were downed over the Belgorod region.", "Belgorod", True),
        ("Drones were downed in Russia's Kursk region.", "Kursk", True),
        ("The Kursk governor spoke.", "Kursk", False),
        ("A drone hit a car near Kursk.", "Kursk", True),
        ("Drones launched from the Kursk region hit a car.", "Kursk", False),
    ],
)
def test_introduced_by_a_preposition(text, target, expected):
    view = view_of(text)
    sent = only_sentence(view)
    locs = find_locations(view, sent)
    loc = next(l for l in locs if view.texts[l.start] == target)
    assert introduced(view.words, loc, sent.start, locs) is expected


def _loc(admin1, country, name=None, kind="region", regions=()):
    precision = "settlement" if name else ("admin1" if admin1 else "country")
    return Location(0, 1, precision, admin1, country, name, regions=regions or ((admin1,) if admin1 else ()), kind=kind)


@pytest.mark.parametrize(
    ("locs", "expected"),
    [
        ([_loc("RU-BEL", "RU")], ("RU-BEL", "RU", None)),
        ([_loc("RU-BEL", "RU", "Shebekino", "place"), _loc("RU-BEL", "RU")], ("RU-BEL", "RU", "Shebekino")),
        ([_loc(None, None, "Nadiya", "text"), _loc("UA-09", "UA")], ("UA-09", "UA", "Nadiya")),
        ([_loc("RU-KRS", "RU"), _loc("RU-BRY", "RU")], (None, "RU", None)),
        ([_loc(None, None, "Black Sea", "sea")], (None, None, "Black Sea")),
    ],
)
def test_merge(locs, expected):
    merged = merge(locs, ["x"])
    assert (merged.admin1, merged.country, merged.name) == expected
