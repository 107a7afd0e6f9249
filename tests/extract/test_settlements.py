"""Russian-style spellings of Ukrainian settlements meet their Ukrainian names."""

from __future__ import annotations

import pytest

from pipeline.extract.settlements import russian_form, skeleton, ukrainian_spelling

from .test_claims import RU_MOD, assert_claims, capture


@pytest.mark.parametrize(
    ("russian", "ukrainian"),
    [
        ("Netaylovo", "Netailove"),
        ("Peschanoye", "Pishchane"),
        ("Gulyaipole", "Huliaipole"),
        ("Aleksandrovka", "Oleksandrivka"),
        ("Bogdanovka", "Bohdanivka"),
    ],
)
def test_spellings_share_a_skeleton(russian, ukrainian):
    assert skeleton(russian) == skeleton(ukrainian)


def test_an_initial_vowel_is_kept_apart():
    assert skeleton("Udachne") != skeleton("Dachne")


@pytest.mark.parametrize(
    ("written", "admin1", "expected"),
    [
        ("Netaylovo", "UA-14", ("Netailove", "UA-14")),
        ("Dachnoye", "UA-14", ("Dachne", "UA-14")),
        ("Novoaleksandrovka", "UA-14", ("Novooleksandrivka", "UA-14")),
        ("Krasnogorovka", None, ("Krasnohorivka", None)),  # one name, in several regions
        ("Pokrovsk", "UA-14", None),  # already the Ukrainian name
        ("Shevchenko", None, None),  # short and common without a region
        ("Krasnoye", "UA-14", None),  # the same consonants as Korsun, but not its name
    ],
)
def test_ukrainian_spelling(written, admin1, expected):
    assert ukrainian_spelling(written, admin1) == expected


@pytest.mark.parametrize(
    ("name", "russian"),
    [("Bogdanovka", True), ("Peschanoye", True), ("Zalivnoye Pole", True), ("Kupyansk", False), ("Progres", False)],
)
def test_russian_form(name, russian):
    assert russian_form(name) is russian


def test_a_capture_in_russian_spelling_is_coded_by_its_ukrainian_name():
    assert_claims(
        "Units of the Centre group liberated the settlement of Netaylovo in the Donetsk People's Republic, "
        "the Russian Defence Ministry said.",
        [capture("Netailove", "UA-14", "UA", attacker="RU", by=RU_MOD)],
    )
