"""parse_front_matter(): metadata, the body offset in the untouched text, and warnings."""

from datetime import date

import pytest

from pipeline.ingest.frontmatter import parse_front_matter


def test_front_matter_metadata_and_body_offset():
    text = "---\ntitle: Drones over Kyiv\npublished: 2025-12-13\n---\nBody starts here.\n"
    front = parse_front_matter(text)
    assert front.metadata == {"title": "Drones over Kyiv", "published": date(2025, 12, 13)}
    assert text[front.body_start :] == "Body starts here.\n"
    assert front.warnings == ()


@pytest.mark.parametrize(
    "text",
    ["No front matter.\n---\nnot: yaml\n---\n", "", " ---\ntitle: x\n---\nbody", "--- not a fence\nbody"],
)
def test_text_without_front_matter(text):
    assert parse_front_matter(text) == ({}, 0, ())


def test_empty_front_matter_is_fine():
    text = "---\n---\nbody"
    front = parse_front_matter(text)
    assert (front.metadata, text[front.body_start :], front.warnings) == ({}, "body", ())


def test_front_matter_at_the_end_of_the_text():
    text = "---\ntitle: only metadata\n---"
    front = parse_front_matter(text)
    assert front.metadata == {"title": "only metadata"}
    assert front.body_start == len(text)


@pytest.mark.parametrize(
    ("text", "body", "reason"),
    [
        ("---\ntitle: [unclosed\n---\nThe body.", "The body.", "expected ',' or ']', but got '<stream end>' (line 3)"),
        ("---\n- one\n- two\n---\nThe body.", "The body.", "expected 'key: value' lines, found a list"),
        ("---\njust a sentence\n---\nThe body.", "The body.", "expected 'key: value' lines, found plain text"),
        ("---\ntitle: never closed\nThe body.", "---\ntitle: never closed\nThe body.", "no closing '---' line"),
    ],
    ids=["bad-yaml", "list", "scalar", "unclosed"],
)
def test_malformed_front_matter_keeps_the_body(text, body, reason):
    front = parse_front_matter(text)
    assert front.metadata == {}
    assert text[front.body_start :] == body
    assert front.warnings == (f"front matter could not be parsed: {reason}; kept the body",)


def test_impossible_date_stays_a_string_for_later_checks():
    front = parse_front_matter("---\ntitle: T\npublished: 2025-13-45\n---\nbody")
    assert front.metadata == {"title": "T", "published": "2025-13-45"}
    assert front.warnings == ()


def test_a_colon_inside_a_plain_title_is_read_line_by_line():
    text = "---\ntitle: Bombs, drones and missiles: what officials said\npublished: 2026-02-16\n---\nThe body."
    front = parse_front_matter(text)
    assert front.metadata == {"title": "Bombs, drones and missiles: what officials said", "published": "2026-02-16"}
    assert text[front.body_start :] == "The body."
    assert len(front.warnings) == 1 and "not valid YAML" in front.warnings[0]
