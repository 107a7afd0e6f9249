"""Write `pipeline/extract/data/settlements.csv` from KATOTTG and GeoNames.

    python -m pipeline.gazetteer.build            # rewrite the file
    python -m pipeline.gazetteer.build --check    # exit 1 if the file is not what the sources give

Ukraine: every KATOTTG settlement, named in the national romanisation, with its Ukrainian
name and the GeoNames spellings of the same place as aliases (those that write its Russian
name, "Novoaleksandrovka" for Novooleksandrivka, go to the `russian` column), and GeoNames'
coordinates where the GeoNames place can be only that settlement. The villages GeoNames
puts in Sevastopol, which the codifier counts as Crimea's, are coded UA-40, as ISO 3166-2
and the annotation guide have it. GeoNames places of Ukraine the codifier lacks (city
districts, places since renamed) and those of Russia, Belarus and Moldova come from
GeoNames alone. The output is sorted and byte-stable.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from . import geonames, katottg
from .names import acceptable, clean, russian_style, similar, variants
from .romanize import fold, is_cyrillic, romanize_uk

OUT_FILE = Path(__file__).resolve().parent.parent / "extract" / "data" / "settlements.csv"
COLUMNS = ("id", "name", "aliases", "russian", "kind", "admin1", "country", "latitude", "longitude", "source")


@dataclass
class Row:
    id: str
    name: str
    kind: str
    admin1: str
    country: str
    source: str
    aliases: list[str] = field(default_factory=list)
    russian: list[str] = field(default_factory=list)  # Latin aliases that write a Ukrainian place's Russian name
    latitude: float | None = None
    longitude: float | None = None
    population: int = -1  # of the GeoNames place the coordinates come from

    def add(self, names) -> None:
        for n in names:
            if n != self.name and n not in self.aliases:
                self.aliases.append(n)

    def cells(self) -> list[str]:
        latin = sorted(a for a in self.aliases if not is_cyrillic(a) and a not in self.russian)
        cyrillic = sorted(a for a in self.aliases if is_cyrillic(a))
        coords = ["", ""] if self.latitude is None else [f"{self.latitude:.4f}", f"{self.longitude:.4f}"]
        return [self.id, self.name, "|".join(latin + cyrillic), "|".join(sorted(self.russian)), self.kind,
                self.admin1, self.country, *coords, self.source]


def _kind(population: int) -> str:
    return "city" if population >= 50_000 else "town" if population >= 5_000 else "village"


def _key(name: str) -> str:
    return clean(name).casefold()


def ukraine(cities: list[geonames.City]) -> tuple[list[Row], list[geonames.City]]:
    """KATOTTG rows enriched with the GeoNames places that match them; and the GeoNames places left over."""
    rows: list[Row] = []
    by_name: dict[tuple[str, str], list[Row]] = defaultdict(list)
    namesakes: dict[str, list[Row]] = defaultdict(list)  # rows by Ukrainian name, all over Ukraine
    for s in katottg.settlements():
        name = romanize_uk(s.name)
        if not acceptable(name):
            continue
        row = Row(s.code, name, s.kind, s.admin1, "UA", "katottg")
        row.add([clean(s.name)] if acceptable(clean(s.name)) else [])
        rows.append(row)
        by_name[(s.admin1, _key(s.name))].append(row)
        by_name[(s.admin1, _key(name))].append(row)
        namesakes[s.name].append(row)
    left = []
    for city in cities:
        keys = {_key(a) for a in (city.name, *city.alternates)}
        # the codifier counts the villages around Sevastopol (Kacha, Inkerman) as Crimea's
        regions = (city.admin1, "UA-43") if city.admin1 == "UA-40" else (city.admin1,)
        found = list({id(r): r for k in sorted(keys) for a in regions for r in by_name.get((a, k), [])}.values())
        # the codifier name closest to GeoNames' own, so an old name among the alternates
        # ("Новопсков" for Aidar) cannot tie the place to a namesake of that old name
        found = [r for r in found if similar(r.name, fold(city.name))]
        if not found:
            left.append(city)
            continue
        best = min({r.name for r in found}, key=lambda n: (n != fold(city.name), n))
        targets = [r for r in found if r.name == best]
        if city.admin1 == "UA-40":
            if len(targets) > 1:
                left.append(city)
                continue
            targets[0].admin1 = "UA-40"  # ISO and the guide code Sevastopol's villages UA-40
        for row in targets:
            row.add(variants(row.name, (city.name, *city.alternates)))
        # the coordinates go to the one namesake the place can be: the only one in its oblast,
        # or a town of 5,000 people or more where its namesakes are villages
        towns = [r for r in targets if r.kind != "village"]
        spot = targets if len(targets) == 1 else towns if len(towns) == 1 and city.population >= 5_000 else []
        for row in spot:
            if city.population > row.population:  # ties keep the lowest GeoNames id
                row.latitude, row.longitude, row.population = city.latitude, city.longitude, city.population
                row.source = "katottg+geonames"
    # a spelling of a name is one for all its namesakes: GeoNames' "Novoaleksandrovka" for one
    # Novooleksandrivka is the Russian-style spelling of every other one as well
    for ukrainian, group in namesakes.items():
        spellings = [a for row in group for a in row.aliases]
        russian = [a for a in spellings if is_cyrillic(a) and a != clean(ukrainian)]
        marked = [a for a in dict.fromkeys(spellings) if not is_cyrillic(a) and russian_style(a, ukrainian, russian)]
        for row in group:
            row.add(spellings)
            row.russian = sorted(set(marked))
    return rows, left


def from_geonames(city: geonames.City) -> Row | None:
    """A row for a GeoNames place alone, or None when its name is not fit to match."""
    name = clean(city.name)
    if not acceptable(name):
        return None
    row = Row(str(city.geonameid), name, _kind(city.population), city.admin1, city.country, "geonames",
              latitude=city.latitude, longitude=city.longitude, population=city.population)
    row.add(variants(name, city.alternates))
    return row


def build() -> list[Row]:
    """Every row of the gazetteer, sorted by country, region, name and id."""
    cities = geonames.cities()
    rows, left = ukraine([c for c in cities if c.country == "UA"])
    rows += [r for c in left + [c for c in cities if c.country != "UA"] if (r := from_geonames(c))]
    return sorted(rows, key=lambda r: (r.country, r.admin1, r.name, r.id))


def render(rows: list[Row]) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(COLUMNS)
    for row in rows:
        w.writerow(row.cells())
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.gazetteer.build", description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed file instead of writing it")
    parser.add_argument("--out", type=Path, default=OUT_FILE, help=f"output file (default: {OUT_FILE.name})")
    args = parser.parse_args(argv)
    text = render(build())
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        print(f"{args.out}: {'up to date' if same else 'differs from the sources; rebuild it'}")
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({text.count(chr(10)) - 1} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
