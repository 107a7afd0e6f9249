"""Blocks and sentences: wire datelines, abbreviations, breakdown lists, headings."""

from __future__ import annotations

import pytest

from pipeline.extract.segment import mask_front_matter, segment


def _layout(text: str, title_span=None) -> list[tuple[str, list[str]]]:
    return [(b.kind, [text[s:e] for s, e in b.sentences]) for b in segment(text, title_span=title_span)]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "MOSCOW, May 8. /TASS/. Air defences destroyed 12 drones over the Bryansk region. The ministry said so.",
            ["MOSCOW, May 8. /TASS/.", "Air defences destroyed 12 drones over the Bryansk region.", "The ministry said so."],
        ),
        (
            "Gov. Vyacheslav Gladkov said two drones were downed. Nobody was hurt.",
            ["Gov. Vyacheslav Gladkov said two drones were downed.", "Nobody was hurt."],
        ),
        (
            "The raid began on Sept. 22 at 4 a.m. The drones came from the east.",
            ["The raid began on Sept. 22 at 4 a.m.", "The drones came from the east."],
        ),
        (
            "Sirens sounded at 5 a.m. local time. Nobody was hurt.",
            ["Sirens sounded at 5 a.m. local time.", "Nobody was hurt."],
        ),
        (
            "U.S.-made ATACMS missiles were used. J. Smith reported it.",
            ["U.S.-made ATACMS missiles were used.", "J. Smith reported it."],
        ),
        (
            "Was it a record? The air force said 500 drones were launched! Officials agreed.",
            ["Was it a record?", "The air force said 500 drones were launched!", "Officials agreed."],
        ),
        (
            "\u201cWe shot down 12 drones.\u201d The governor said so.",
            ["\u201cWe shot down 12 drones.\u201d", "The governor said so."],
        ),
        (
            "Air defences downed 40 drones. 25 of them were over the Kursk region.",
            ["Air defences downed 40 drones.", "25 of them were over the Kursk region."],
        ),
    ],
)
def test_sentence_splitting(text, sentences):
    layout = _layout(text)
    assert [kind for kind, _ in layout] == ["para"]
    assert layout[0][1] == sentences


def test_breakdown_list_lines_are_items():
    text = (
        "Drones downed over regions\n\n"
        "The ministry gave a breakdown:\n"
        "7 \u2013 over the territory of Smolensk region\n"
        "3 \u2013 over the territory of Tula region\n"
        "- 2 over the Moscow region\n\n"
        "No one was hurt."
    )
    assert _layout(text, title_span=(0, 26)) == [
        ("title", ["Drones downed over regions"]),
        ("para", ["The ministry gave a breakdown:"]),
        ("item", ["7 \u2013 over the territory of Smolensk region"]),
        ("item", ["3 \u2013 over the territory of Tula region"]),
        ("item", ["- 2 over the Moscow region"]),
        ("para", ["No one was hurt."]),
    ]


@pytest.mark.parametrize(
    ("text", "layout"),
    [
        (
            "## Overnight attack\n\nThe air force said 40 drones were downed.",
            [("heading", ["## Overnight attack"]), ("para", ["The air force said 40 drones were downed."])],
        ),
        (
            "By Jane Doe\n\nThe air force said 40 drones were downed.",
            [("heading", ["By Jane Doe"]), ("para", ["The air force said 40 drones were downed."])],
        ),
        (
            "What happened?\nThe air force said 40 drones were downed.",
            [("heading", ["What happened?"]), ("para", ["The air force said 40 drones were downed."])],
        ),
        (
            "The air force said 40 drones\nwere shot down overnight.",
            [("para", ["The air force said 40 drones\nwere shot down overnight."])],
        ),
        (
            "First paragraph ends here.\n\nSecond paragraph ends here.",
            [("para", ["First paragraph ends here."]), ("para", ["Second paragraph ends here."])],
        ),
    ],
)
def test_blocks(text, layout):
    assert _layout(text) == layout


def test_block_offsets_index_the_text():
    text = "Title line\n\n  Body sentence one. Body sentence two.  \n"
    blocks = segment(text, title_span=(0, 10))
    assert [(b.kind, text[b.start : b.end]) for b in blocks] == [
        ("title", "Title line"),
        ("para", "Body sentence one. Body sentence two."),
    ]


def test_mask_front_matter_keeps_offsets_and_title():
    text = "---\ntitle: Hello\nsource: X\n---\nBody."
    body_start = text.index("Body.")
    title = (text.index("Hello"), text.index("Hello") + 5)
    masked = mask_front_matter(text, body_start, title)
    assert len(masked) == len(text)
    assert masked[body_start:] == "Body."
    assert masked[title[0] : title[1]] == "Hello"
    assert masked.count("\n") == text.count("\n")
    assert "source" not in masked and "title:" not in masked


def test_mask_front_matter_without_front_matter_is_identity():
    assert mask_front_matter("Plain text.", 0, None) == "Plain text."
