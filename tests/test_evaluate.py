"""The scorer: claims compared as tuples of fields, level by level, article by article."""

from __future__ import annotations

import json
import math
from datetime import date

import pandas as pd
import pytest

from pipeline.evaluate import (
    EvaluationError, load_gold, load_pred, normalise_value, prf, read_rows, report, score,
)


def claim(article="a", **fields) -> dict:
    base = {
        "article": article, "action": "intercepted", "count": 12, "count_qualifier": "exact",
        "munition_class": "uav", "munition_model": None, "attacker": "UA", "claimant": "Russian Ministry of Defence",
        "claimant_kind": "ministry_of_defence", "claimant_country": "RU", "location_admin1": "RU-BEL",
        "location_country": "RU", "location_name": None, "event_date": "2025-03-14",
    }
    return {**base, **fields}


def capture(article="a", **fields) -> dict:
    place = {"action": "captured", "count": None, "count_qualifier": None, "munition_class": None, "attacker": "RU",
             "location_admin1": "UA-14", "location_country": "UA", "location_name": "Avdiivka"}
    return claim(article, **{**place, **fields})


def f1(result, level="full") -> float:
    return result["levels"][level]["f1"]


def test_the_same_claims_score_one_at_every_level():
    gold = [claim(), claim(count=3, location_admin1="RU-KRS"), capture()]
    result = score(gold, [dict(c) for c in reversed(gold)])
    assert {lvl: m["f1"] for lvl, m in result["levels"].items()} == dict.fromkeys(result["levels"], 1.0)
    assert (result["gold"], result["pred"], result["articles"]) == (3, 3, 1)
    assert result["errors"]["full"] == {}


@pytest.mark.parametrize(
    ("field", "gold_value", "pred_value"),
    [
        ("munition_model", "Shahed-136", "shahed 136"),
        ("munition_model", "Kh-59", "KH59"),
        ("munition_model", "Iskander-M", "Iskander M"),
        ("location_admin1", "RU-BEL", "ru-bel"),
        ("attacker", "UA", " ua "),
        ("claimant_kind", "ministry_of_defence", "Ministry_of_Defence"),
        ("count_qualifier", "exact", "EXACT"),
        ("munition_model", None, float("nan")),
        ("munition_model", None, ""),
        ("location_admin1", None, pd.NA),
        ("event_date", "2025-03-14", date(2025, 3, 14)),
        ("event_date", "2025-03-14", pd.Timestamp("2025-03-14")),
        ("event_date", "2025-03-14", "2025-03-14T00:00:00"),
        ("count", 12, 12.0),
        ("count", 12, "12"),
    ],
)
def test_values_are_normalised_before_they_are_compared(field, gold_value, pred_value):
    result = score([claim(**{field: gold_value})], [claim(**{field: pred_value})])
    assert f1(result) == 1.0


@pytest.mark.parametrize(
    ("field", "value", "core", "located", "attributed", "full"),
    [
        ("event_date", "2025-03-13", 1.0, 1.0, 1.0, 0.0),
        ("location_admin1", "RU-KRS", 1.0, 0.0, 1.0, 0.0),
        ("location_country", None, 1.0, 0.0, 1.0, 0.0),
        ("claimant_kind", "regional_official", 1.0, 1.0, 0.0, 0.0),
        ("munition_model", "Lancet", 1.0, 1.0, 1.0, 0.0),
        ("count_qualifier", "at_least", 1.0, 1.0, 1.0, 0.0),
        ("attacker", "RU", 1.0, 1.0, 1.0, 0.0),
        ("count", 13, 0.0, 0.0, 0.0, 0.0),
        ("munition_class", "missile", 0.0, 0.0, 0.0, 0.0),
        ("action", "launched", 0.0, 0.0, 0.0, 0.0),
        # not compared at any level
        ("claimant", "Governor of Belgorod Oblast", 1.0, 1.0, 1.0, 1.0),
        ("location_name", "Shebekino", 1.0, 1.0, 1.0, 1.0),
        ("evidence", "something else", 1.0, 1.0, 1.0, 1.0),
    ],
)
def test_each_level_compares_its_own_fields(field, value, core, located, attributed, full):
    result = score([claim()], [claim(**{field: value})])
    assert [f1(result, lvl) for lvl in ("core", "located", "attributed", "full")] == [core, located, attributed, full]


def test_matching_counts_each_claim_as_often_as_it_occurs():
    gold = [claim(), claim()]
    result = score(gold, [claim()])
    assert result["levels"]["full"] == {"tp": 1, "precision": 1.0, "recall": 0.5, "f1": 0.6667}
    assert score(gold, [claim(), claim()])["levels"]["full"]["tp"] == 2
    result = score([claim()], [claim(), claim(), claim()])
    assert result["levels"]["core"]["tp"] == 1
    assert result["levels"]["core"]["precision"] == pytest.approx(0.3333)


def test_claims_match_only_within_their_article():
    result = score([claim("a")], [claim("b")])
    assert result["levels"]["core"]["tp"] == 0
    assert result["articles"] == 2
    errors = result["errors"]["core"]
    assert {a: (len(e["missing"]), len(e["spurious"])) for a, e in errors.items()} == {"a": (1, 0), "b": (0, 1)}


def test_a_capture_is_told_apart_by_its_settlement_not_its_count():
    assert f1(score([capture()], [capture(count=1, munition_class="uav", count_qualifier="exact")])) == 1.0
    assert f1(score([capture()], [capture(location_name="Avdeevka")])) == 0.0
    assert f1(score([capture()], [capture(location_name="AVDIIVKA")])) == 1.0


def test_missing_and_spurious_claims_are_listed_per_article_and_level():
    gold = [claim(), claim(count=3)]
    pred = [claim(event_date="2025-03-13"), claim(count=3), claim(count=99, evidence="99 drones")]
    result = score(gold, pred)
    full = result["errors"]["full"]["a"]
    assert [c["count"] for c in full["missing"]] == [12]
    assert [(c["count"], c["event_date"]) for c in full["spurious"]] == [(12, "2025-03-13"), (99, "2025-03-14")]
    assert full["spurious"][1]["evidence"] == "99 drones"
    core = result["errors"]["core"]["a"]
    assert core["missing"] == [] and [c["count"] for c in core["spurious"]] == [99]


def test_the_article_set_limits_what_is_scored():
    gold = [claim("a")]
    pred = [claim("a"), claim("elsewhere"), claim("quiet")]
    result = score(gold, pred, articles=["a", "quiet"])
    assert (result["articles"], result["gold"], result["pred"]) == (2, 1, 2)
    assert result["levels"]["full"]["precision"] == 0.5
    assert list(result["errors"]["full"]) == ["quiet"]


def test_the_article_comes_from_the_source_file_when_not_given():
    pred = [{**claim(), "article": None, "source_file": "sub/a.txt"}]
    assert f1(score([claim("a")], pred)) == 1.0


def test_a_row_without_an_article_is_an_error():
    with pytest.raises(EvaluationError, match="predicted claim 1 has no article"):
        score([claim()], [{**claim(), "article": None}])


def test_slot_accuracy_pairs_core_matches():
    result = score([claim(), claim(count=3)], [claim(location_admin1="RU-KRS"), claim(count=3)])
    assert result["slots"]["location_admin1"] == {"accuracy": 0.5, "n": 2}
    assert result["slots"]["munition_model"] == {"accuracy": None, "n": 0}


@pytest.mark.parametrize(
    ("tp", "n_pred", "n_gold", "expected"),
    [(0, 0, 0, (1.0, 1.0, 1.0)), (0, 2, 0, (0.0, 1.0, 0.0)), (0, 0, 2, (0.0, 0.0, 0.0)), (1, 2, 4, (0.5, 0.25, 1 / 3))],
)
def test_precision_recall_f1(tp, n_pred, n_gold, expected):
    assert prf(tp, n_pred, n_gold) == pytest.approx(expected)


def test_missing_values_normalise_to_none():
    for value in (None, float("nan"), "", " ", "None", "nan", pd.NaT, pd.NA):
        assert normalise_value("munition_model", value) is None
    assert not math.isnan(normalise_value("count", 3.0))


def test_files_and_folders_are_read(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "articles").mkdir(parents=True)
    (corpus / "articles" / "a.txt").write_text("text")
    (corpus / "articles" / "quiet.md").write_text("text")
    (corpus / "gold.jsonl").write_text(json.dumps(claim()) + "\n\n")
    gold, articles = load_gold(corpus)
    assert articles == ["a", "quiet"] and len(gold) == 1
    out = tmp_path / "out"
    out.mkdir()
    pd.DataFrame([{**claim(), "article": None, "source_file": "a.txt"}]).to_parquet(out / "claims.parquet")
    pred = load_pred(out)
    assert f1(score(gold, pred, articles)) == 1.0
    pd.DataFrame([claim()]).to_csv(tmp_path / "claims.csv", index=False)
    assert f1(score(gold, read_rows(tmp_path / "claims.csv"), articles)) == 1.0


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.jsonl", None, "does not exist"),
        ("claims.txt", "x", "use a .jsonl, .csv or .parquet file"),
        ("broken.jsonl", "{not json", "is not JSON Lines"),
    ],
)
def test_unreadable_files_are_one_line_errors(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_text(content)
    with pytest.raises(EvaluationError, match=message):
        read_rows(path)


def test_an_output_folder_without_claims_is_an_error(tmp_path):
    with pytest.raises(EvaluationError, match="holds no claims.parquet"):
        load_pred(tmp_path)


def test_report_shows_the_levels_and_the_errors():
    result = score([claim()], [claim(event_date="2025-03-13", evidence="the sentence")])
    text = report(result, errors="full")
    assert "full         0.000  0.000  0.000     0" in text
    assert "core         1.000  1.000  1.000     1" in text
    assert "## a" in text and "missing  action=intercepted count=12" in text
    assert "spurious" in text and "'the sentence'" in text
