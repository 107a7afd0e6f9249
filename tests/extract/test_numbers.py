"""Quantities: figures, number words, qualifiers, vague words and single items."""

from __future__ import annotations

import pytest

from pipeline.extract.numbers import is_number_word, parse_number, parse_quantity, quantity_before

from .support import words_of


@pytest.mark.parametrize(
    ("text", "value", "length"),
    [
        ("41", 41, 1),
        ("1,200 drones", 1200, 1),
        ("eight missiles", 8, 1),
        ("twenty-two drones", 22, 3),
        ("Ninety nine drones", 99, 2),
        ("two dozen drones", 24, 2),
        ("a dozen drones", 12, 2),
        ("half a dozen missiles", 6, 3),
        ("a couple of drones", 2, 3),
        ("both missiles", 2, 1),
        ("two hundred and fifty drones", 250, 4),
        ("a score of drones", 20, 3),
    ],
)
def test_parse_number_reads_figures_and_words(text, value, length):
    assert parse_number(words_of(text), 0) == (value, length)


@pytest.mark.parametrize(
    ("words", "i"),
    [
        (["$", "350"], 1),  # money
        (["#", "3"], 1),  # numbering
        (["drones"], 0),
        ([], 0),
    ],
)
def test_parse_number_rejects_non_counts(words, i):
    assert parse_number(words, i) is None


@pytest.mark.parametrize(
    ("text", "count", "qualifier", "kind", "length"),
    [
        ("at least 30 drones", 30, "at_least", "number", 3),
        ("more than 70 drones", 70, "at_least", "number", 3),
        ("over 100 missiles", 100, "at_least", "number", 2),
        ("more than a dozen drones", 12, "at_least", "number", 4),
        ("up to 10 drones", 10, "at_most", "number", 3),
        ("no more than 12 drones", 12, "at_most", "number", 4),
        ("as many as 40 drones", 40, "at_most", "number", 4),
        ("about 50 drones", 50, "approximately", "number", 2),
        ("nearly 100 drones", 100, "approximately", "number", 2),
        ("some 20 drones", 20, "approximately", "number", 2),
        ("nearly two dozen drones", 24, "approximately", "number", 3),
        ("nearly a dozen drones", 12, "approximately", "number", 3),
        ("several drones", None, "unspecified", "vague", 1),
        ("dozens of drones", None, "unspecified", "vague", 2),
        ("a number of drones", None, "unspecified", "vague", 3),
        ("a record number of drones", None, "unspecified", "vague", 4),
        ("most of them", None, "unspecified", "vague", 3),
        ("a drone", 1, "exact", "item", 1),
        ("an Su-34", 1, "exact", "item", 1),
        ("another drone", 1, "exact", "item", 1),
        ("two more drones", 2, "exact", "number", 2),
        ("a further 12 drones", 12, "exact", "number", 3),
        ("40-odd drones", 40, "approximately", "number", 3),
        ("sixty odd drones", 60, "approximately", "number", 2),
    ],
)
def test_parse_quantity(text, count, qualifier, kind, length):
    q = parse_quantity(words_of(text), 0)
    assert q is not None
    assert (q.count, q.qualifier, q.kind, q.start, q.end) == (count, qualifier, kind, 0, length)


@pytest.mark.parametrize("text", ["up to", "at least several"])
def test_parse_quantity_needs_a_quantity(text):
    assert parse_quantity(words_of(text), 0) is None


@pytest.mark.parametrize(
    ("text", "count", "qualifier", "start"),
    [
        ("air defences shot down at least 30", 30, "at_least", 4),
        ("Russia launched 1,200", 1200, "exact", 2),
        ("a total of 81", 81, "exact", 3),
        ("including twenty-two", 22, "exact", 1),
        ("all 14", 14, "exact", 0),  # "all" joins the quantity
    ],
)
def test_quantity_before_reads_back_from_a_noun(text, count, qualifier, start):
    words = words_of(text)
    q = quantity_before(words, len(words))
    assert q is not None
    assert (q.count, q.qualifier, q.start, q.end) == (count, qualifier, start, len(words))


def test_quantity_before_respects_the_floor():
    words = words_of("up to 10")
    q = quantity_before(words, len(words), floor=1)
    assert q is not None and q.qualifier == "exact" and q.count == 10


@pytest.mark.parametrize(
    ("word", "expected"),
    [("1,200", True), ("dozen", True), ("twenty", True), ("drones", False)],
)
def test_is_number_word(word, expected):
    assert is_number_word(word) is expected
