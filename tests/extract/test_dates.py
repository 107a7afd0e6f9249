"""Event dates relative to the published date: weekdays, relative words, explicit days."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.extract.dates import DateMention, find_dates, infer_year, last_weekday, pick_date

from .support import PUBLISHED, day, only_sentence, view_of


@pytest.mark.parametrize(
    ("month", "dom", "published", "expected"),
    [
        (3, 3, "2025-03-14", "2025-03-03"),
        (3, 15, "2025-03-14", "2025-03-15"),  # a day ahead: time zones
        (3, 20, "2025-03-14", "2024-03-20"),
        (12, 30, "2025-01-02", "2024-12-30"),
        (2, 30, "2025-03-14", None),
        (3, 3, None, None),
    ],
)
def test_infer_year(month, dom, published, expected):
    assert infer_year(month, dom, day(published)) == day(expected)


@pytest.mark.parametrize(
    ("weekday", "published", "expected"),
    [
        (4, "2025-03-14", "2025-03-14"),  # Friday on a Friday: the same day
        (5, "2025-03-14", "2025-03-08"),
        (0, "2025-03-14", "2025-03-10"),
        (0, None, None),
    ],
)
def test_last_weekday(weekday, published, expected):
    assert last_weekday(weekday, day(published)) == day(expected)


def _dates(text: str, published: str | None = PUBLISHED):
    view = view_of(text, published)
    sent = only_sentence(view)
    found = find_dates(view, sent, day(published))
    return [(" ".join(view.texts[d.start : d.end]), str(d.value) if d.value else None, d.kind, d.reporting) for d in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Drones were downed on Saturday.", [("Saturday", "2025-03-08", "weekday", False)]),
        ("Drones were downed on Friday.", [("Friday", "2025-03-14", "weekday", False)]),
        ("Yesterday the drones were downed.", [("Yesterday", "2025-03-13", "relative", False)]),
        ("The day before, 20 drones were shot down.", [("The day before", "2025-03-13", "relative", False)]),
        ("Overnight, 20 drones were downed.", [("Overnight", "2025-03-14", "relative", False)]),
        ("Over the past 24 hours, drones were downed.", [("Over the past 24 hours", "2025-03-14", "relative", False)]),
        ("This morning 20 drones were shot down.", [("This morning", "2025-03-14", "relative", False)]),
        ("The attack happened on March 3.", [("March 3", "2025-03-03", "explicit", False)]),
        ("The attack happened on 3 March.", [("3 March", "2025-03-03", "explicit", False)]),
        ("The attack happened on Sept. 22.", [("Sept. 22", "2024-09-22", "explicit", False)]),
        ("The attack happened on May 2, 2022.", [("May 2 , 2022", "2022-05-02", "explicit", False)]),
        ("The strike happened earlier.", [("earlier", None, "undated", False)]),
        ("Last week the drones were downed.", [("Last week", None, "undated", False)]),
        (
            "The ministry said on Sunday that drones were downed overnight.",
            [("Sunday", "2025-03-09", "weekday", True), ("overnight", "2025-03-14", "relative", False)],
        ),
        ("Drones were downed in the Kursk region.", []),
    ],
)
def test_find_dates(text, expected):
    assert _dates(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The attack happened on March 3.", [("March 3", None, "explicit", False)]),
        ("Drones were downed on Saturday.", [("Saturday", None, "weekday", False)]),
        ("Yesterday the drones were downed.", [("Yesterday", None, "relative", False)]),
        ("The attack happened on May 2, 2022.", [("May 2 , 2022", "2022-05-02", "explicit", False)]),
    ],
)
def test_find_dates_without_a_published_date(text, expected):
    assert _dates(text, None) == expected


def test_dispatch_dateline_is_not_an_event_date():
    view = view_of("July 28 (UPI) -- Drones were downed.", PUBLISHED)
    found = find_dates(view, view.sentences[0], day(PUBLISHED))
    assert found == []


D1, D2 = date(2025, 3, 9), date(2025, 3, 14)


@pytest.mark.parametrize(
    ("dates", "position", "expected"),
    [
        ([], 5, None),
        ([DateMention(2, 3, D1, "weekday", True), DateMention(8, 9, D2, "relative")], 5, D2),  # event beats statement
        ([DateMention(2, 3, D1, "weekday", True)], 5, D1),  # only the statement's day
        ([DateMention(2, 3, D1, "explicit"), DateMention(6, 7, None, "undated")], 5, D1),
        ([DateMention(1, 2, D1, "weekday"), DateMention(20, 21, D2, "relative")], 3, D1),  # nearest
        ([DateMention(1, 2, D1, "weekday"), DateMention(20, 21, D2, "relative")], 19, D2),
        ([DateMention(5, 6, D2, "relative"), DateMention(7, 8, D1, "weekday")], 2, D1),  # "overnight into Monday"
    ],
)
def test_pick_date(dates, position, expected):
    chosen = pick_date(dates, position)
    assert (chosen.value if chosen else None) == expected
