"""The vocabulary data files: they load, and their values belong to the guide's vocabularies."""

from __future__ import annotations

import re

import pycountry
import pytest

from pipeline.extract import lexicon
from pipeline.extract.gazetteer import load_places, load_regions
from pipeline.extract.matchers import gap_patterns, phrase_table
from schemas.vocab import CLAIMANT_KINDS, COUNT_QUALIFIERS, MUNITION_CLASSES, MUNITION_MODELS

YAML_FILES = sorted(p.name for p in lexicon.DATA_DIR.glob("*.yaml"))
SIDES = {"RU", "UA"}


def _alpha2(code: str) -> bool:
    return pycountry.countries.get(alpha_2=code) is not None


def _claimants() -> dict:
    return lexicon.load("claimants.yaml")


@pytest.mark.parametrize("name", YAML_FILES)
def test_yaml_file_loads_as_a_mapping(name):
    data = lexicon.load(name)
    assert isinstance(data, dict) and data, name


def test_expected_data_files_are_present():
    names = {p.name for p in lexicon.DATA_DIR.iterdir()}
    expected = {"actions.yaml", "claimants.yaml", "countries.yaml", "cues.yaml", "munitions.yaml", "numbers.yaml",
                "sides.yaml", "places.csv", "regions.csv"}
    assert expected <= names


def test_csv_files_load():
    assert load_regions() and load_places()


def test_vocabulary_compiles():
    rows = phrase_table()
    assert rows and all(phrase.strip() for _, _, _, phrase in rows)
    assert gap_patterns()


def test_fingerprint_is_short_hex():
    assert re.fullmatch(r"[0-9a-f]{8}", lexicon.fingerprint())


# --- munitions.yaml ---

def test_every_canonical_model_is_a_guide_model():
    models = [m["model"] for m in lexicon.load("munitions.yaml")["models"]]
    assert set(models) <= set(MUNITION_MODELS)
    assert len(models) == len(set(models))


def test_every_guide_model_has_an_entry():
    models = {m["model"] for m in lexicon.load("munitions.yaml")["models"]}
    assert set(MUNITION_MODELS) - models == set()


@pytest.mark.parametrize("section", ["models", "types"])
def test_munition_entries_are_well_formed(section):
    for entry in lexicon.load("munitions.yaml")[section]:
        assert entry["class"] in MUNITION_CLASSES, entry
        assert entry.get("user", "") in ("", "RU", "UA"), entry
        assert entry["aliases"] and all(a.strip() == a and a for a in entry["aliases"]), entry


def test_type_names_are_not_canonical_models():
    types = {t["name"] for t in lexicon.load("munitions.yaml").get("types", [])}
    assert types & set(MUNITION_MODELS) == set()


def test_no_alias_names_two_models():
    owner: dict[str, str] = {}
    data = lexicon.load("munitions.yaml")
    for entry in data["models"] + data.get("types", []):
        key = entry.get("model") or entry["name"]
        for alias in entry["aliases"]:
            folded = alias.casefold()
            assert owner.setdefault(folded, key) == key, (alias, owner[folded], key)


def test_noun_classes_are_guide_classes():
    assert set(lexicon.load("munitions.yaml")["nouns"]) <= set(MUNITION_CLASSES)


@pytest.mark.parametrize(
    ("alias", "model"),
    [("Geran-2", "Shahed-136"), ("X-101", "Kh-101"), ("Su-24M", "Su-24"), ("Geran-3", "Shahed-238")],
)
def test_spelling_variants_map_to_the_canonical_model(alias, model):
    entries = {m["model"]: m["aliases"] for m in lexicon.load("munitions.yaml")["models"]}
    assert alias in entries[model]


# --- claimants.yaml ---

def test_named_claimants_have_valid_kind_and_country():
    for c in _claimants()["claimants"]:
        assert c["kind"] in CLAIMANT_KINDS, c["name"]
        assert _alpha2(c["country"]), c["name"]


def test_institutions_have_both_sides():
    for inst in _claimants()["institutions"]:
        assert inst["names"], inst
        for side in SIDES:
            assert inst[side]["kind"] in CLAIMANT_KINDS and inst[side]["name"], inst
        assert inst.get("default", "RU") in SIDES


def test_generic_sides_resolve_to_named_claimants():
    data = _claimants()
    known = {c["name"] for c in data["claimants"]}
    known |= {inst[side]["name"] for inst in data["institutions"] for side in SIDES}
    assert set(data["generic"]) == SIDES
    for side, entry in data["generic"].items():
        assert entry["words"], side
        assert entry["default"] in known and entry["captured"] in known, side


def test_generic_defaults_follow_the_guide():
    generic = _claimants()["generic"]
    assert (generic["RU"]["default"], generic["RU"]["captured"]) == ("Russian Ministry of Defence", "Russian Ministry of Defence")
    assert (generic["UA"]["default"], generic["UA"]["captured"]) == (
        "Ukrainian Air Force", "General Staff of the Armed Forces of Ukraine")


def test_regional_officials_use_known_regions():
    regions = load_regions()
    for entry in _claimants()["regional_officials"]["people"]:
        assert entry["region"] in regions, entry
        assert entry.get("installed_by", "RU") in SIDES, entry
        if entry.get("installed_by"):
            assert regions[entry["region"]].country != entry["installed_by"], entry
        assert entry["people"], entry


def test_every_region_code_in_claimants_exists():
    regions = load_regions()
    text = (lexicon.DATA_DIR / "claimants.yaml").read_text(encoding="utf-8")
    codes = set(re.findall(r"\b(?:RU|UA)-[A-Z0-9]{2,3}\b", text))
    assert codes and codes - set(regions) == set()


# --- the smaller files ---

def test_number_qualifiers_are_guide_qualifiers():
    data = lexicon.load("numbers.yaml")
    assert set(data["qualifiers"]) <= set(COUNT_QUALIFIERS)
    assert all(int(v) >= 0 for v in data["words"].values())
    assert {int(v) for v in data["multipliers"].values()} == {12, 100, 1000}


def test_action_frames_are_known():
    frames = set(lexicon.load("actions.yaml"))
    assert frames == {"down", "jam", "strike", "launch", "attempt", "launch_nouns", "hit_nouns", "capture", "lose"}


def test_cue_groups_used_by_the_rules_exist():
    cues = lexicon.load("cues.yaml")
    for key in ("reporting", "relay", "cumulative", "undated", "overnight", "yesterday"):
        assert cues[key], key


def test_side_and_country_words():
    assert {"RU", "UA"} <= set(lexicon.load("sides.yaml"))
    countries = lexicon.load("countries.yaml")
    region_countries = {r.country for r in load_regions().values()}
    assert set(countries) - {"DEFENDER"} <= region_countries  # DEFENDER: the attacked side, whichever it is
    assert "across the country" in countries["DEFENDER"]


@pytest.mark.parametrize(
    ("phrase", "variant"),
    [("air defence", "air defense"), ("neutralised", "neutralized"), ("armored", "armoured"), ("Russia's", "Russia\u2019s")],
)
def test_spelling_variants(phrase, variant):
    assert variant in lexicon.variants(phrase)


@pytest.mark.parametrize(
    ("phrase", "plural"),
    [("cruise missile", "cruise missiles"), ("UAV", "UAVs"), ("Shahed", "Shaheds")],
)
def test_plural(phrase, plural):
    assert lexicon.plural(phrase) == plural
