"""places.csv keeps no settlement the generated gazetteer already gives with the same region."""

from __future__ import annotations

from pipeline.extract.gazetteer import load_hand_places
from pipeline.gazetteer.coverage import covered_rows


def test_no_hand_written_settlement_is_redundant():
    hand = load_hand_places()
    assert [f"{hand[p].name} ({hand[p].admin1})" for p in covered_rows()] == []


def test_hand_rows_kept_for_what_the_sources_lack():
    kept = {p.name for p in load_hand_places()}
    # a base, a sea, a refinery, and towns whose aliases the sources lack (an apostrophe spelling)
    assert {"Engels air base", "Black Sea", "Donetsk", "Bakhmut"} <= kept
