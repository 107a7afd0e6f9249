"""Counted munitions: stated counts, partitives, totals and counts implied by an antecedent."""

from __future__ import annotations

import pytest

from .support import mentions_by_sentence, view_of


def _mentions(text: str, uncounted: bool = False):
    """Counted mentions per sentence; `uncounted` adds the sets named without a count."""
    view = view_of(text)
    out = []
    for i, found in enumerate(mentions_by_sentence(view)):
        for m in found:
            if uncounted or m.kind != "ghost":
                out.append((i, " ".join(view.texts[m.start : m.end]), m))
    return out


def _summary(text: str):
    return [(i, m.count, m.qualifier, m.kind, m.cls, m.model, m.action) for i, _, m in _mentions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Air defences shot down 34 of the 81 drones.",
            [(0, 34, "exact", "stated", "uav", None, None), (0, 81, "exact", "total", "uav", None, "launched")],
        ),
        (
            "Air defences shot down 718 out of 728 drones.",
            [(0, 718, "exact", "stated", "uav", None, None), (0, 728, "exact", "total", "uav", None, "launched")],
        ),
        (
            "Air defences shot down all but five of the 27 drones.",
            [(0, 22, "exact", "stated", "uav", None, None), (0, 27, "exact", "total", "uav", None, "launched")],
        ),
        (
            "Air defences shot down every one of the 14 missiles.",
            [(0, 14, "exact", "stated", "missile", None, None)],
        ),
        ("All 14 drones were shot down.", [(0, 14, "exact", "stated", "uav", None, None)]),
        ("Air defences downed several drones.", [(0, None, "unspecified", "stated", "uav", None, None)]),
        (
            "Air defences downed a drone and two missiles.",
            [(0, 1, "exact", "stated", "uav", None, None), (0, 2, "exact", "stated", "missile", None, None)],
        ),
        (
            "Russia fired 10 missiles, including 4 Kh-101 missiles.",
            [(0, 10, "exact", "stated", "missile", None, None), (0, 4, "exact", "stated", "cruise_missile", "Kh-101", None)],
        ),
        (
            "Russia launched 60 Shahed drones. 58 of the drones were downed.",
            [(0, 60, "exact", "stated", "uav", "Shahed-136", None), (1, 58, "exact", "part", "uav", None, None)],
        ),
        (
            "Russia launched 40 drones. Nine of them were shot down.",
            [(0, 40, "exact", "stated", "uav", None, None), (1, 9, "exact", "part", "uav", None, None)],
        ),
        (
            "Russia launched 40 drones. All of them were shot down.",
            [(0, 40, "exact", "stated", "uav", None, None), (1, None, "exact", "every_one", "uav", None, None)],
        ),
        (
            "Russia launched 40 drones. Most of them were shot down.",
            [(0, 40, "exact", "stated", "uav", None, None), (1, None, "unspecified", "part", "uav", None, None)],
        ),
        (
            "Twelve drones were downed over the Kursk region and one in Bryansk.",
            [(0, 12, "exact", "stated", "uav", None, None), (0, 1, "exact", "bare", "uav", None, None)],
        ),
        (
            "The ministry said 20 drones were downed: 12 over the Kursk region, 8 over the Oryol region.",
            [(0, 20, "exact", "stated", "uav", None, None), (0, 12, "exact", "bare", "uav", None, None),
             (0, 8, "exact", "bare", "uav", None, None)],
        ),
        (
            "Russia launched 50 Kalibr missiles. 30 were shot down and the rest were lost.",
            [(0, 50, "exact", "stated", "cruise_missile", "Kalibr", None),
             (1, 30, "exact", "bare", "cruise_missile", "Kalibr", None),
             (1, None, "exact", "remainder", "cruise_missile", "Kalibr", None)],
        ),
        (
            "The air force said 16 drones were downed.\n\n\u2013 9 over the Sumy region\n\u2013 7 over the Poltava region",
            [(0, 16, "exact", "stated", "uav", None, None), (1, 9, "exact", "bare", "uav", None, None),
             (2, 7, "exact", "bare", "uav", None, None)],
        ),
    ],
)
def test_counted_mentions(text, expected):
    assert _summary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The attack lasted 3 hours and injured 12 people.",
        "The fire covered 300 square metres.",
        "Drones were shot down over the region.",
        "At 3:00 sirens sounded in 5 districts.",
        "The missiles have a range of 300 km.",
    ],
)
def test_numbers_that_count_no_munition(text):
    assert _mentions(text) == []


@pytest.mark.parametrize(
    ("text", "phrase", "cls"),
    [
        ("Drones were shot down over the region.", "Drones", "uav"),
        ("Ukrainian missiles hit a depot.", "Ukrainian missiles", "missile"),
    ],
)
def test_a_set_without_a_count_has_no_count(text, phrase, cls):
    found = _mentions(text, uncounted=True)
    assert [(t, m.count, m.cls, m.kind) for _, t, m in found] == [(phrase, None, cls, "ghost")]


@pytest.mark.parametrize(
    "text",
    [
        "Russia sent 45 drones, most of them Shaheds, towards the south.",
        "Moscow fired 30 missiles (some of them Kh-101s) overnight.",
    ],
)
def test_a_vague_share_set_off_by_commas_only_describes_the_total(text):
    kinds = [(m.count, m.kind) for _, _, m in _mentions(text)]
    assert kinds[0][1] == "stated" and kinds[0][0] in (45, 30)
    assert [k for _, k in kinds[1:]] == ["aside"]


def test_uncounted_set_is_the_antecedent_within_its_sentence():
    found = _mentions("Ukrainian drones attacked a depot, and three of them were shot down.")
    assert [(t, m.count, m.kind, m.parent.kind if m.parent else None) for _, t, m in found] == [
        ("three of them", 3, "part", "ghost")
    ]


def test_region_named_before_its_count():
    found = _mentions("Russia launched 30 drones. The Rostov region accounted for 25.")
    (_, _, total), (_, _, part) = found
    assert (total.count, part.count, part.kind, part.parent is total) == (30, 25, "bare", True)
    assert part.region_hint is not None


def test_count_apiece_is_distributed():
    found = _mentions("Russia launched 6 drones. The Kursk and Bryansk regions had two each.")
    part = found[-1][2]
    assert (part.count, part.distribute) == (2, True)


def test_definite_item_may_restate():
    found = _mentions("A drone was downed. The drone fell on a field.")
    assert [(i, m.count, m.definite) for i, _, m in found] == [(0, 1, False), (1, 1, True)]


def test_date_figures_are_not_counts():
    found = _mentions("On March 3, two drones were downed.")
    assert [(text, m.count) for _, text, m in found] == [("two drones", 2)]
