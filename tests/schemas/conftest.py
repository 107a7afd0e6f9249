"""Small valid frames for the three tables, built by hand so schema tests need no pipeline code."""

import datetime as dt

import pandas as pd
import pytest

TEXT = (
    "Air defences downed 8 ATACMS missiles over the Belgorod region. "
    "Several drones were lost to electronic warfare. "
    "Russian forces captured Nadiya."
)


def span(sentence: str) -> dict:
    start = TEXT.index(sentence)
    return {"evidence": sentence, "evidence_start": start, "evidence_end": start + len(sentence)}


BASE_CLAIM = {
    "claim_id": "0000000000000001",
    "article_id": "a1b2c3d4e5f60718",
    "source_file": "2025/01/ria-drones.txt",
    "action": "intercepted",
    "count": 8,
    "count_qualifier": "exact",
    "munition_class": "ballistic_missile",
    "munition_model": "ATACMS",
    "attacker": "UA",
    "claimant": "Russian Ministry of Defence",
    "claimant_kind": "ministry_of_defence",
    "claimant_country": "RU",
    "location_admin1": "RU-BEL",
    "location_country": "RU",
    "location_name": None,
    "latitude": None,
    "longitude": None,
    "location_precision": "admin1",
    "event_date": dt.date(2025, 1, 2),
    **span("Air defences downed 8 ATACMS missiles over the Belgorod region."),
    "extractor_version": "0.1.0",
}

UNSPECIFIED_CLAIM = {
    **BASE_CLAIM,
    "claim_id": "0000000000000002",
    "action": "suppressed",
    "count": None,
    "count_qualifier": "unspecified",
    "munition_class": "uav",
    "munition_model": None,
    "location_admin1": None,
    "location_country": None,
    "location_precision": "none",
    "event_date": None,
    **span("Several drones were lost to electronic warfare."),
}

CAPTURE_CLAIM = {
    **BASE_CLAIM,
    "claim_id": "0000000000000003",
    "action": "captured",
    "count": None,
    "count_qualifier": None,
    "munition_class": None,
    "munition_model": None,
    "attacker": "RU",
    "location_admin1": "UA-09",
    "location_country": "UA",
    "location_name": "Nadiya",
    "latitude": 48.57,
    "longitude": 39.19,
    "location_precision": "settlement",
    **span("Russian forces captured Nadiya."),
}

CLAIM_ROWS = [BASE_CLAIM, UNSPECIFIED_CLAIM, CAPTURE_CLAIM]

ARTICLE_ROWS = [
    {
        "article_id": "a1b2c3d4e5f60718",
        "source_file": "2025/01/ria-drones.txt",
        "title": "Russia says air defences downed 8 missiles",
        "source": "Example Agency",
        "url": "https://example.org/news/123",
        "published": dt.date(2025, 1, 2),
        "language": "en",
        "n_chars": len(TEXT),
        "encoding": "utf-8",
        "warnings": None,
        "is_sample": False,
    },
    {
        "article_id": "00ff00ff00ff00ff",
        "source_file": "samples/seed.txt",
        "title": None,
        "source": "Counterclaim sample",
        "url": None,
        "published": None,
        "language": None,
        "n_chars": 120,
        "encoding": "cp1251",
        "warnings": "decoded as cp1251; replaced 2 control characters",
        "is_sample": True,
    },
]

REJECTED_ROWS = [
    {"source_file": "images/map.png", "reason": "binary", "detail": "The file is binary, not text.", "duplicate_of": None},
    {
        "source_file": "copies/ria-drones.txt",
        "reason": "duplicate",
        "detail": "Same text as 2025/01/ria-drones.txt.",
        "duplicate_of": "a1b2c3d4e5f60718",
    },
]


@pytest.fixture
def claim_rows() -> list[dict]:
    """Fresh copies of the valid claim rows: 0 an interception, 1 an unspecified count, 2 a capture."""
    return [dict(r) for r in CLAIM_ROWS]


@pytest.fixture
def article_rows() -> list[dict]:
    """Fresh copies of the valid article rows: 0 a report, 1 a sample article."""
    return [dict(r) for r in ARTICLE_ROWS]


@pytest.fixture
def rejected_rows() -> list[dict]:
    """Fresh copies of the valid rejected rows: 0 a binary file, 1 a duplicate."""
    return [dict(r) for r in REJECTED_ROWS]


@pytest.fixture
def claims(claim_rows) -> pd.DataFrame:
    return pd.DataFrame(claim_rows)


@pytest.fixture
def articles(article_rows) -> pd.DataFrame:
    return pd.DataFrame(article_rows)


@pytest.fixture
def rejected(rejected_rows) -> pd.DataFrame:
    return pd.DataFrame(rejected_rows)
