"""read_metadata() and its parts: typed dates, cleaned strings, the title and its span."""

from datetime import date, datetime, timezone

import pytest

from pipeline.ingest.metadata import clean_text, find_title, parse_published, read_metadata

TODAY = date(2026, 1, 10)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2025, 12, 13), date(2025, 12, 13)),
        (datetime(2025, 12, 13, 8, tzinfo=timezone.utc), date(2025, 12, 13)),
        ("2025-12-13", date(2025, 12, 13)),
        (" 2025-12-13T08:00:00Z ", date(2025, 12, 13)),
        ("2025-12-13T08:00:00+02:00", date(2025, 12, 13)),
        (None, None),
        ("  ", None),
    ],
)
def test_published_accepts_dates_datetimes_and_iso_strings(value, expected):
    assert parse_published(value, today=TODAY) == (expected, [])


@pytest.mark.parametrize(
    ("value", "warning"),
    [
        ("not a date", "published date 'not a date' is not a date; left empty"),
        ("2025-13-45", "published date '2025-13-45' is not a date; left empty"),
        (20251213, "published date 20251213 is not a date; left empty"),
    ],
)
def test_invalid_published_becomes_none_with_a_warning(value, warning):
    assert parse_published(value, today=TODAY) == (None, [warning])


def test_future_published_is_kept_with_a_warning():
    assert parse_published("2031-01-01", today=TODAY) == (
        date(2031, 1, 1),
        ["published date 2031-01-01 is in the future"],
    )


@pytest.mark.parametrize(("value", "expected"), [(" Kyiv Post ", "Kyiv Post"), ("", None), ("  ", None), (None, None), (42, "42")])
def test_clean_text(value, expected):
    assert clean_text(value) == expected


def test_clean_text_refuses_lists_with_a_warning():
    warnings: list[str] = []
    assert clean_text(["a", "b"], "source", warnings) is None
    assert warnings == ["front matter source is not a single value; left empty"]


def span(text, result):
    title, start, end = result
    return title, None if start is None else text[start:end]


def test_front_matter_title_found_in_the_block():
    text = "---\nsource: Drones Weekly\ntitle: Drones\n---\nFirst line.\n"
    title, start, end = find_title(text, text.index("First"), "Drones")
    assert (title, text[start:end]) == ("Drones", "Drones")
    assert start == text.index("title: Drones") + len("title: ")


def test_quoted_title_with_escapes_has_no_span():
    text = '---\ntitle: "Say \\"no\\""\n---\nBody.'
    assert find_title(text, text.index("Body"), 'Say "no"') == ('Say "no"', None, None)


@pytest.mark.parametrize(
    ("text", "title", "seen"),
    [
        ("\n\n  First line here.  \nSecond.", "First line here.", "First line here."),
        ("## Headline\n\nBody", "Headline", "Headline"),
        ("#hashtag opener\nBody", "#hashtag opener", "#hashtag opener"),
    ],
)
def test_first_body_line_is_the_fallback_title(text, title, seen):
    assert span(text, find_title(text, 0, None)) == (title, seen)


def test_given_title_equal_to_first_body_line_gets_its_span():
    text = "Drones over Kyiv\n\nBody."
    assert find_title(text, 0, "Drones over Kyiv") == ("Drones over Kyiv", 0, 16)


def test_title_absent_from_text_has_no_span():
    assert find_title("Body line.", 0, "Elsewhere") == ("Elsewhere", None, None)


def test_no_title_in_blank_body():
    assert find_title("---\n---\n  \n", 8, None) == (None, None, None)


def test_read_metadata_types_every_field():
    text = "---\ntitle: ' Drones '\nsource: Ukrinform\nurl: https://example.org/a\npublished: 2031-01-01\nlanguage: uk\n---\nBody."
    meta = read_metadata(
        {"title": " Drones ", "source": "Ukrinform", "url": "https://example.org/a", "published": date(2031, 1, 1), "language": "uk"},
        text,
        text.index("Body"),
        today=TODAY,
    )
    assert (meta.title, text[meta.title_start : meta.title_end]) == ("Drones", "Drones")
    assert (meta.source, meta.url, meta.published, meta.language) == (
        "Ukrinform", "https://example.org/a", date(2031, 1, 1), "uk",
    )
    assert meta.warnings == ("published date 2031-01-01 is in the future",)


def test_read_metadata_uses_fallback_title_before_first_line():
    meta = read_metadata({}, "Headline\n\nBody", 0, today=TODAY, fallback_title="Page title")
    assert (meta.title, meta.title_start) == ("Page title", None)
    meta = read_metadata({"title": ""}, "Headline\n\nBody", 0, today=TODAY)
    assert (meta.title, meta.title_start, meta.title_end) == ("Headline", 0, 8)
