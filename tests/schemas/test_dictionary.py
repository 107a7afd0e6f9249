"""The data dictionary is read from the models and covers every column."""

import pytest

from schemas import TABLES, dictionary, vocab


@pytest.mark.parametrize("table", sorted(TABLES))
def test_lists_every_column_in_order_with_a_description(table):
    cols = dictionary.columns(table)
    assert [c.name for c in cols] == list(TABLES[table].to_schema().columns)
    for col in cols:
        assert col.description.strip(), col.name
        assert col.type in dictionary.LOGICAL_TYPES, col.name


@pytest.mark.parametrize("table", sorted(TABLES))
def test_table_has_title_description_and_rules(table):
    info = dictionary.table(table)
    assert info.title and info.description
    names = {c.name for c in info.columns}
    for rule in info.rules:
        assert rule.description and rule.columns
        assert set(rule.columns) <= names, rule.name


def by_name(table):
    return {c.name: c for c in dictionary.columns(table)}


@pytest.mark.parametrize(
    ("table", "column", "values"),
    [
        ("claims", "action", list(vocab.ACTIONS)),
        ("claims", "count_qualifier", list(vocab.COUNT_QUALIFIERS)),
        ("claims", "munition_class", list(vocab.MUNITION_CLASSES)),
        ("claims", "munition_model", list(vocab.MUNITION_MODELS)),
        ("claims", "claimant_kind", list(vocab.CLAIMANT_KINDS)),
        ("claims", "location_precision", list(vocab.LOCATION_PRECISIONS)),
        ("rejected", "reason", list(vocab.REJECT_REASONS)),
    ],
)
def test_enum_values_come_from_vocab(table, column, values):
    assert by_name(table)[column].allowed_values == values


@pytest.mark.parametrize(
    ("table", "column", "expected"),
    [
        ("claims", "count", dict(type="integer", dtype="Int64", nullable=True, minimum=0, exclusive_minimum=False)),
        ("claims", "evidence_end", dict(type="integer", nullable=False, minimum=0, exclusive_minimum=True)),
        ("claims", "latitude", dict(type="number", nullable=True, minimum=-90, maximum=90)),
        ("claims", "longitude", dict(type="number", minimum=-180, maximum=180)),
        ("claims", "event_date", dict(type="date", nullable=True)),
        ("claims", "claim_id", dict(type="string", unique=True, pattern="[0-9a-f]{16}")),
        ("claims", "location_precision", dict(nullable=False)),
        ("claims", "evidence", dict(min_length=1)),
        ("articles", "is_sample", dict(type="boolean", nullable=False)),
        ("articles", "published", dict(type="date", nullable=True)),
        ("articles", "n_chars", dict(type="integer", minimum=0, exclusive_minimum=True)),
        ("rejected", "duplicate_of", dict(type="string", nullable=True, pattern="[0-9a-f]{16}")),
    ],
)
def test_column_facts(table, column, expected):
    col = by_name(table)[column]
    for key, value in expected.items():
        assert getattr(col, key) == value, key


def test_iso_columns_carry_the_code_lists():
    cols = by_name("claims")
    for name in ("attacker", "claimant_country", "location_country"):
        assert "UA" in cols[name].allowed_values and "XX" not in cols[name].allowed_values
        assert "iso_3166_1_alpha2" in cols[name].checks
    assert "UA-43" in cols["location_admin1"].allowed_values
    assert "UA-99" not in cols["location_admin1"].allowed_values


@pytest.mark.parametrize("table", sorted(TABLES))
def test_markdown_has_a_row_per_column(table):
    md = dictionary.markdown(table)
    assert "| column | type | nullable | description | allowed values |" in md
    for col in dictionary.columns(table):
        assert f"| `{col.name}` | {col.type} |" in md
    for rule in dictionary.rules(table):
        assert f"`{rule.name}`" in md


def test_markdown_lists_short_enums_and_summarises_code_lists():
    md = dictionary.markdown("claims")
    assert "`launched`, `intercepted`, `suppressed`, `hit`, `captured`" in md
    assert "ISO 3166-1 alpha-2 country code (249 codes)" in md or "ISO 3166-1 alpha-2 country code (" in md
    assert "`RU-BEL`" not in md  # 5,000 subdivision codes are summarised, not listed


def test_unknown_table():
    with pytest.raises(KeyError, match="known tables"):
        dictionary.columns("events")
