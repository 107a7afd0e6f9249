"""Which spellings become matchable names."""

from __future__ import annotations

import pytest

from pipeline.gazetteer.names import acceptable, russian_style, similar, variants


@pytest.mark.parametrize(
    ("name", "ok"),
    [
        ("Novooleksandrivka", True),
        ("Velyka Novosilka", True),
        ("Rostov-na-Donu", True),  # a lower-case word inside a hyphenated name
        ("Новоолександрівка", True),
        ("Кам'янське", True),
        ("Bar", False),  # too short
        ("Мир", False),
        ("UKBB", False),  # an airport code
        ("HUman", False),
        ("Ivanivka 2", False),
        ("selo Ivanivka", False),  # not a name as written
        ("Славјанск", False),  # Serbian Cyrillic
        ("Step", False),  # English words
        ("Police", False),
        ("Pravda", False),  # a newspaper, not the village the text means
        ("Nikita", False),  # a first name
    ],
)
def test_acceptable(name, ok):
    assert acceptable(name) is ok


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Novoaleksandrovka", "Novooleksandrivka", True),
        ("Ugledar", "Vuhledar", True),
        ("Угледар", "Vuhledar", True),
        ("Mogilev", "Mahilyow", True),
        ("Bolshevik", "Nekrasove", False),  # an old name
        ("Novopskov", "Aidar", False),  # a neighbour
        ("Petropavlivka", "Petrivka", False),
    ],
)
def test_similar(a, b, same):
    assert similar(a, b) is same


def test_variants_keep_spellings_and_drop_other_names_and_foreign_forms():
    alternates = ["Fontanka", "Makagonka", "Fontanka\u2019", "Фонтанка", "Fontanky", "FONTANKA", "Fontanka"]
    assert variants("Fontanka", alternates) == ["Фонтанка", "Fontanky"]
    assert variants("Novoaleksandrovka", ["Nowoaleksandrowka", "Novoaleksandrovka"]) == []


@pytest.mark.parametrize(
    ("spelling", "ukrainian", "russian", "expected"),
    [
        ("Novoaleksandrovka", "Новоолександрівка", ["Новоалександровка"], True),
        ("Bogdanovka", "Богданівка", ["Богдановка"], True),
        ("Nadiya", "Надія", ["Надия"], False),  # a Ukrainian transliteration, not the national one
        ("Kupyansk", "Куп'янськ", ["Купянск"], False),
        ("Novooleksandrivka", "Новоолександрівка", ["Новоалександровка"], False),
        ("Bogdanovka", "Богданівка", [], False),  # without a Russian name there is nothing to compare
    ],
)
def test_russian_style(spelling, ukrainian, russian, expected):
    assert russian_style(spelling, ukrainian, russian) is expected
