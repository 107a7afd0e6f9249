"""Captured settlements: capture words, the loser's wording, anaphors, and what is not a capture."""

from __future__ import annotations

import pytest

from pipeline.extract.captures import find_captures
from pipeline.extract.places import attach_regions, find_locations

from .support import view_of


def _captures(text: str):
    view = view_of(text)
    last = None
    out = []
    for sent in view.sentences:
        locs = attach_regions(find_locations(view, sent), view.words)
        for c in find_captures(view, sent, locs, last):
            out.append((c.location.name, c.location.admin1, c.lost, c.subject_side))
        for loc in locs:
            if loc.kind in ("text", "place") and loc.precision == "settlement":
                last = loc
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian forces took control of the village of Berdychi in the Donetsk region.", [("Berdychi", "UA-14", False, "RU")]),
        ("Russian troops have captured Avdiivka.", [("Avdiivka", "UA-14", False, "RU")]),
        ("Ukrainian forces liberated the village of Urozhaine.", [("Urozhaine", "UA-14", False, "UA")]),
        ("Ukraine's troops retook Robotyne.", [("Robotyne", "UA-23", False, "UA")]),
        ("Ukrainian units retook the neighbouring village of Robotyne.", [("Robotyne", "UA-23", False, "UA")]),
        ("Ukrainian troops freed Kherson.", [("Kherson", "UA-65", False, "UA")]),
        ("Russian units gained full control of Chasiv Yar.", [("Chasiv Yar", "UA-14", False, "RU")]),
        ("Russian forces recaptured Sudzha in the Kursk region.", [("Sudzha", "RU-KRS", False, "RU")]),
        ("Moscow said its forces took Ocheretyne.", [("Ocheretyne", "UA-14", False, "RU")]),
        ("Russia claimed the capture of Marinka.", [("Marinka", "UA-14", False, "RU")]),
        ("The village of Pishchane was liberated.", [("Pishchane", None, False, None)]),
        ("Ukrainian forces withdrew from Avdiivka.", [("Avdiivka", "UA-14", True, "UA")]),
        ("Russian forces seized the settlements of Tonenke and Orlivka.",
         # one Tonenke (Donetsk Oblast); of the many Orlivkas, the one in Tonenke's oblast
         [("Tonenke", "UA-14", False, "RU"), ("Orlivka", "UA-14", False, "RU")]),
        ("Russian troops fought near Vuhledar. On Tuesday they captured the town.", [("Vuhledar", "UA-14", False, None)]),
    ],
)
def test_capture(text, expected):
    assert _captures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces did not capture Bakhmut.",
        "Russian forces could capture Kupiansk.",
        "Russian forces entered Vovchansk.",
        "Russian forces advanced on Pokrovsk.",
        "Russian troops are fighting for Toretsk.",
        "Russian forces captured 12 villages.",
        "Russian forces captured a Ukrainian soldier.",
    ],
)
def test_not_a_capture(text):
    assert _captures(text) == []
