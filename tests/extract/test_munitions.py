"""Munition phrases: class, canonical model (across transliterations), side words."""

from __future__ import annotations

import pytest

from pipeline.extract.munitions import find_munitions, model_table
from schemas.vocab import MUNITION_CLASSES, MUNITION_MODELS

from .support import only_sentence, view_of


def _phrases(text: str):
    view = view_of(text)
    sent = only_sentence(view)
    return [(m, " ".join(view.texts[m.start : m.end])) for m in find_munitions(view, sent)]


@pytest.mark.parametrize(
    ("text", "cls", "model"),
    [
        ("Russia fired six Kh-101 cruise missiles.", "cruise_missile", "Kh-101"),
        ("Eight X-101 missiles were downed.", "cruise_missile", "Kh-101"),
        ("Nine Kalibr missiles were fired from the sea.", "cruise_missile", "Kalibr"),
        ("Three Storm Shadow cruise missiles were shot down.", "cruise_missile", "Storm Shadow"),
        ("Two Neptune missiles were intercepted.", "cruise_missile", "Neptune"),
        ("Two U.S.-made ATACMS ballistic missiles were intercepted.", "ballistic_missile", "ATACMS"),
        ("Two Kinzhal hypersonic missiles were shot down.", "ballistic_missile", "Kinzhal"),
        ("Three S-300 missiles hit the city.", "missile", "S-300"),
        ("The army downed 20 Geran-2 drones.", "uav", "Shahed-136"),
        ("Ten Shahed-type drones were downed.", "uav", "Shahed-136"),
        ("Two Geran-3 drones were downed.", "uav", "Shahed-238"),
        ("Two jet-powered Shaheds were downed.", "uav", "Shahed-238"),
        ("Fifteen Gerbera decoy drones were launched.", "uav", "Gerbera"),
        ("An Orlan-10 reconnaissance drone was downed.", "uav", "Orlan-10"),
        ("Four aircraft-type UAVs were destroyed.", "uav", None),
        ("Russian aircraft dropped 30 KAB guided bombs.", "guided_bomb", "KAB"),
        ("Six HIMARS rockets were intercepted.", "rocket", "HIMARS"),
        ("Two naval drones were destroyed.", "naval_drone", None),
        ("Three uncrewed boats were destroyed.", "naval_drone", None),
        ("An Su-34 was shot down.", "aircraft", "Su-34"),
        ("A Ka-52 helicopter was downed.", "aircraft", "Ka-52"),
        ("Russia launched 120 missiles and drones.", "mixed", None),
        ("Two Iskander-M or KN-23 ballistic missiles were fired.", "ballistic_missile", None),
        ("Five rockets fired by HIMARS systems were downed.", "rocket", "HIMARS"),
    ],
)
def test_class_and_model_of_the_last_phrase(text, cls, model):
    phrases = _phrases(text)
    assert phrases, text
    mun, _ = phrases[-1]
    assert (mun.cls, mun.model) == (cls, model)


@pytest.mark.parametrize(
    ("text", "sides", "user"),
    [
        ("Two U.S.-made ATACMS ballistic missiles were intercepted.", ("UA",), "UA"),
        ("Twelve Ukrainian drones were downed.", ("UA",), None),
        ("Twelve enemy drones were downed.", ("enemy",), None),
        ("Eight Kh-101 missiles were downed.", (), "RU"),
        ("Two Storm Shadow missiles were downed.", (), "UA"),
    ],
)
def test_side_words_and_usual_user(text, sides, user):
    mun, _ = _phrases(text)[-1]
    assert (mun.sides, mun.user) == (sides, user)


@pytest.mark.parametrize(
    ("text", "plural"),
    [("Six HIMARS rockets were intercepted.", True), ("A drone was downed.", False), ("Two ATACMS were downed.", False)],
)
def test_plural(text, plural):
    mun, _ = _phrases(text)[-1]
    assert mun.plural is plural


@pytest.mark.parametrize(
    "text",
    [
        "The drone strike damaged a house.",
        "A missile strike hit the port.",
    ],
)
def test_not_a_munition_head(text):
    assert _phrases(text) == []


def test_two_phrases_in_one_sentence():
    found = [(m.cls, m.model, text) for m, text in _phrases("Ten Shahed drones and two Kinzhal missiles were downed.")]
    assert found == [
        ("uav", "Shahed-136", "Shahed drones"),
        ("ballistic_missile", "Kinzhal", "Kinzhal missiles"),
    ]


def test_model_table_uses_the_guide_vocabulary():
    table = model_table()
    canonical = {name for name, info in table.items() if info.canonical}
    assert canonical <= set(MUNITION_MODELS)
    assert {info.cls for info in table.values()} <= set(MUNITION_CLASSES)
