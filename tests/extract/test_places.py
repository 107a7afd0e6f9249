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
            # the only Tonenke of Ukraine is in Donetsk Oblast; of a dozen oblasts with an Orlivka,
            # the sentence's other place picks Donetsk
            [("Tonenke", "settlement", "UA-14", "UA", "Tonenke"), ("Orlivka", "settlement", "UA-14", "UA", "Orlivka")],
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


# --- generated settlements (settlements.csv): namesakes, spellings, context ---

def _settlement(text: str, name: str) -> tuple:
    """(name, admin1, country) of the location written as `name` in the last sentence of `text`."""
    view = view_of(text)
    sent = view.sentences[-1]
    for loc in attach_regions(find_locations(view, sent), view.words):
        if " ".join(view.texts[loc.start : loc.end]) == name:
            return loc.name, loc.admin1, loc.country
    raise AssertionError(f"{name} not found")


@pytest.mark.parametrize(
    ("text", "written", "expected"),
    [
        # Makedonivka is a village of the Luhansk and of the Donetsk oblast: the text decides
        ("Russian forces entered Makedonivka.", "Makedonivka", ("Makedonivka", None, "UA")),
        ("Shelling went on in the Luhansk region. Russian forces entered Makedonivka.", "Makedonivka",
         ("Makedonivka", "UA-09", "UA")),
        ("Shelling went on in the Donetsk region. Russian forces entered Makedonivka.", "Makedonivka",
         ("Makedonivka", "UA-14", "UA")),
        # a town of one of the two oblasts in the same sentence
        ("Russian forces entered Makedonivka near Volnovakha.", "Makedonivka", ("Makedonivka", "UA-14", "UA")),
        # a region named in another paragraph of the article, when the paragraph names none
        ("Shelling went on in the Luhansk region.\n\nRussian forces entered Makedonivka.", "Makedonivka",
         ("Makedonivka", "UA-09", "UA")),
        # both oblasts named in the paragraph: left open
        ("Fighting raged in the Luhansk and Donetsk regions. Russian forces entered Makedonivka.", "Makedonivka",
         ("Makedonivka", None, "UA")),
        # the Russian-style spelling of a Ukrainian village is coded with its Ukrainian name
        ("Russian forces entered Khlebodarovka in the Donetsk region.", "Khlebodarovka", ("Khlibodarivka", "UA-14", "UA")),
        # a place of Russia spelled like a Ukrainian village's Russian name keeps the text's spelling
        ("Drones hit Bogdanovka in the Belgorod region.", "Bogdanovka", ("Bogdanovka", "RU-BEL", "RU")),
    ],
)
def test_namesakes_are_placed_by_the_regions_the_text_names(text, written, expected):
    assert _settlement(text, written) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Taras Shevchenko wrote about the steppe.",  # part of a person's name
        "Drones hit the Gora-Podol checkpoint.",  # part of a hyphenated name
        "The makedonivka road was closed.",  # not written as a name
    ],
)
def test_generated_names_inside_other_names_are_no_places(text):
    view = view_of(text)
    assert [l for l in find_locations(view, only_sentence(view)) if l.kind == "place"] == []


def test_capture_of_a_village_only_the_generated_gazetteer_knows():
    from pipeline.extract.gazetteer import load_hand_places

    from .support import claims_of

    assert not any(p.name == "Dorozhnianka" for p in load_hand_places())
    claims = claims_of("Russian troops have taken control of Dorozhnianka, the Russian Defence Ministry said on Tuesday.")
    assert [(c.action, c.location_name, c.location_admin1, c.location_country, c.attacker) for c in claims] == [
        ("captured", "Dorozhnianka", "UA-23", "UA", "RU")
    ]
