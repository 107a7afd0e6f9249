"""The committed settlements.csv: what rebuilding it from the installed sources gives, and its content."""

from __future__ import annotations

import csv
from collections import defaultdict

import pytest

from pipeline.extract.gazetteer import SETTLEMENTS_FILE, load_regions, load_settlements
from pipeline.gazetteer import build
from pipeline.gazetteer.names import acceptable


def test_rebuilding_from_the_installed_packages_gives_the_committed_file_byte_for_byte():
    assert build.render(build.build()) == SETTLEMENTS_FILE.read_text(encoding="utf-8")


def test_check_mode_compares_without_writing(tmp_path, monkeypatch):
    monkeypatch.setattr(build, "build", lambda: [])  # the header alone
    out = tmp_path / "settlements.csv"
    out.write_text("id,name\n", encoding="utf-8")
    assert build.main(["--check", "--out", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == "id,name\n"
    assert build.main(["--out", str(out)]) == 0
    assert build.main(["--check", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == ",".join(build.COLUMNS) + "\n"


def _rows() -> list[dict[str, str]]:
    with SETTLEMENTS_FILE.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_columns_order_and_ids():
    rows = _rows()
    assert tuple(rows[0]) == build.COLUMNS
    keys = [(r["country"], r["admin1"], r["name"], r["id"]) for r in rows]
    assert keys == sorted(keys)
    assert len({r["id"] for r in rows}) == len(rows)


def test_every_name_is_matchable_and_every_region_known():
    regions = load_regions()
    for place in load_settlements():
        assert regions[place.admin1].country == place.country, place.id
        assert acceptable(place.name), place.id
        assert all(acceptable(a) for a in place.aliases), place.id
        assert set(place.russian) <= set(place.aliases), place.id


def test_size_per_country():
    counts = defaultdict(int)
    for place in load_settlements():
        counts[place.country] += 1
    assert counts["UA"] > 29_000 and counts["RU"] > 5_000 and counts["BY"] > 250 and counts["MD"] > 80


def _named(name: str):
    return [p for p in load_settlements() if name == p.name or name in p.aliases]


def test_namesakes_share_the_russian_style_spelling():
    """"Novoaleksandrovka" is the Russian-style spelling of every Novooleksandrivka, in every oblast."""
    ukrainian = [p for p in load_settlements() if p.name == "Novooleksandrivka"]
    assert {"UA-09", "UA-12", "UA-14", "UA-23"} <= {p.admin1 for p in ukrainian}
    assert all("Novoaleksandrovka" in p.russian and "Новоолександрівка" in p.aliases for p in ukrainian)
    assert {p.admin1 for p in _named("Novoaleksandrovka")} >= {p.admin1 for p in ukrainian}


@pytest.mark.parametrize(
    ("name", "admin1", "alias"),
    [
        ("Vuhledar", "UA-14", "Ugledar"),  # KATOTTG with GeoNames' spelling
        ("Chaltyr", "RU-ROS", "Чалтырь"),  # GeoNames alone
        ("Kacha", "UA-40", "Кача"),  # the codifier's Crimea, Sevastopol by ISO 3166-2
        ("Baranovichi", "BY-BR", "Baranavichy"),
        ("Tiraspol", "MD-SN", "Тирасполь"),
    ],
)
def test_spot_checks(name, admin1, alias):
    assert any(p.admin1 == admin1 and alias in p.aliases for p in load_settlements() if p.name == name)


def test_coordinates_come_only_from_a_single_geonames_match():
    rows = _rows()
    assert all((r["latitude"] == "") == (r["source"] == "katottg") for r in rows)


def test_the_extractor_version_covers_the_generated_file(tmp_path, monkeypatch):
    """A rebuilt gazetteer re-extracts every article: the vocabulary hash reads settlements.csv."""
    from pipeline.extract import lexicon

    for path in lexicon.DATA_DIR.iterdir():
        if path.is_file():
            (tmp_path / path.name).write_bytes(path.read_bytes())
    monkeypatch.setattr(lexicon, "DATA_DIR", tmp_path)
    before = lexicon.fingerprint.__wrapped__()
    copy = tmp_path / SETTLEMENTS_FILE.name
    copy.write_text(copy.read_text(encoding="utf-8").replace("Tonenke", "Tonenka"), encoding="utf-8")
    assert lexicon.fingerprint.__wrapped__() != before
