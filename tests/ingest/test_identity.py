"""article_id(): equal for the same words however they are laid out, different otherwise."""

import unicodedata

import pytest

from pipeline.ingest.identity import article_id


@pytest.mark.parametrize(
    "variant",
    [
        "Forty drones were shot down.\nOfficials said so.",
        "Forty drones were shot down.\r\nOfficials said so.\r\n",
        "  Forty   drones were shot down.\n\n\tOfficials said so.  ",
    ],
)
def test_whitespace_and_line_ends_do_not_change_the_id(variant):
    assert article_id(variant) == article_id("Forty drones were shot down. Officials said so.")


def test_unicode_normal_forms_give_the_same_id():
    composed = "Київ café"
    assert article_id(unicodedata.normalize("NFD", composed)) == article_id(composed)


def test_different_text_gives_a_different_id():
    assert article_id("Forty drones.") != article_id("Fifty drones.")


def test_id_is_sixteen_hex_digits():
    value = article_id("text")
    assert len(value) == 16
    int(value, 16)
