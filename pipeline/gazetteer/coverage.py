"""Which settlement rows of places.csv the generated gazetteer makes redundant.

    python -m pipeline.gazetteer.coverage            # list them
    python -m pipeline.gazetteer.coverage --delete   # and remove them from places.csv

A hand-written city, town or village is covered when the generated settlements match
every one of its names and aliases, as written, and every generated place of that
spelling lies in the hand row's region, and no other hand row has that spelling:
deleting the row loses no spelling and makes no name ambiguous. Bases, plants, seas, districts and the like are never covered. A
spelling another vocabulary phrase has ("Kursk", a region name) is not matched as a
generated settlement, so it does not count as covered.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict

SETTLEMENT_KINDS = ("city", "town", "village")


def covered_rows() -> list[int]:
    """Positions in places.csv (0-based, header excluded) of the covered settlement rows."""
    from pipeline.extract import lexicon
    from pipeline.extract.gazetteer import load_hand_places, load_settlements
    from pipeline.extract.matchers import phrase_table

    taken = {form.lower() for group, label, _, phrase in phrase_table() if (group, label) != ("places", "place")
             for form in lexicon.variants(phrase)}
    regions: dict[str, set[str | None]] = defaultdict(set)
    for place in load_settlements():
        for name in (place.name, *place.aliases):
            regions[name].add(place.admin1)
    hand = load_hand_places()
    owners: dict[str, set[int]] = defaultdict(set)  # lower-cased spelling -> hand rows that have it
    for position, place in enumerate(hand):
        for name in (place.name, *place.aliases):
            for form in lexicon.variants(name):
                owners[form.lower()].add(position)
    out = []
    for position, place in enumerate(hand):
        if place.kind not in SETTLEMENT_KINDS:
            continue
        names = (place.name, *place.aliases)
        if all(name.lower() not in taken and owners[name.lower()] == {position} and regions.get(name) == {place.admin1}
               for name in names):
            out.append(position)
    return out


def delete_rows(positions: list[int]) -> None:
    """Remove rows from places.csv, keeping every other line exactly as it is."""
    from pipeline.extract.gazetteer import PLACES_FILE

    lines = PLACES_FILE.read_text(encoding="utf-8").splitlines(keepends=True)
    drop = {p + 1 for p in positions}  # line 0 is the header
    PLACES_FILE.write_text("".join(line for i, line in enumerate(lines) if i not in drop), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.gazetteer.coverage", description=__doc__.split("\n\n")[0])
    parser.add_argument("--delete", action="store_true", help="remove the covered rows from places.csv")
    args = parser.parse_args(argv)
    from pipeline.extract.gazetteer import load_hand_places

    positions = covered_rows()
    places = load_hand_places()
    for p in positions:
        print(f"{places[p].name} ({places[p].admin1})")
    print(f"{len(positions)} of {len(places)} hand-written places are covered by the generated settlements")
    if args.delete and positions:
        delete_rows(positions)
        print("deleted them from places.csv")
    return 0


if __name__ == "__main__":
    sys.exit(main())
