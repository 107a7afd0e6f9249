"""The design's example article: every claim the annotation guide's worked example lists, exactly."""

from pathlib import Path

import pytest

from pipeline.extract import extract_claims
from pipeline.ingest import load_article

RAW = Path(__file__).resolve().parents[2] / "raw"

# action, count, qualifier, class, model, attacker, claimant kind, claimant country, admin1, country, place
EXPECTED = [
    ("intercepted", 8, "exact", "ballistic_missile", "ATACMS", "UA", "ministry_of_defence", "RU", None, None, None),
    ("intercepted", 72, "exact", "uav", None, "UA", "ministry_of_defence", "RU", None, None, None),
    ("intercepted", None, "unspecified", "uav", None, "UA", "ministry_of_defence", "RU", "RU-LEN", "RU", None),
    ("intercepted", 1, "exact", "uav", None, "UA", "ministry_of_defence", "RU", "RU-KRS", "RU", None),
    ("intercepted", 4, "exact", "uav", None, "UA", "regional_official", "RU", "RU-LEN", "RU", None),
    ("launched", 81, "exact", "uav", None, "RU", "air_force", "UA", None, "UA", None),
    ("intercepted", 34, "exact", "uav", None, "RU", "air_force", "UA", None, None, None),
    ("captured", None, None, None, None, "RU", "ministry_of_defence", "RU", "UA-09", "UA", "Nadiya"),
]


@pytest.fixture(scope="module")
def seed_claims():
    article = load_article(RAW / "seed-atacms.txt", RAW)
    meta = {"published": article.published, "title_start": article.title_start,
            "title_end": article.title_end, "body_start": article.body_start}
    return article, extract_claims(article.text, meta)


def _row(c):
    return (c.action, c.count, c.count_qualifier, c.munition_class, c.munition_model, c.attacker,
            c.claimant_kind, c.claimant_country, c.location_admin1, c.location_country, c.location_name)


def test_seed_article_gives_exactly_the_worked_example(seed_claims):
    _, claims = seed_claims
    assert sorted(map(_row, claims), key=repr) == sorted(EXPECTED, key=repr)


def test_seed_claims_have_no_date_without_a_published_date(seed_claims):
    _, claims = seed_claims
    assert all(c.event_date is None for c in claims)


def test_seed_evidence_offsets_point_at_the_sentence(seed_claims):
    article, claims = seed_claims
    for c in claims:
        assert article.text[c.evidence_start : c.evidence_end] == c.evidence
        assert c.evidence.strip() == c.evidence


def test_seed_claimants_are_canonical(seed_claims):
    _, claims = seed_claims
    names = {c.claimant for c in claims}
    assert names == {"Russian Ministry of Defence", "Governor of Leningrad Oblast", "Ukrainian Air Force"}
