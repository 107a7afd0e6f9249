"""Model objects (Article, Claim, Rejection) for the publish tests."""

import datetime as dt

import pytest

from pipeline.extract.model import Claim
from pipeline.ingest.model import Article, Rejection

FRONT = "---\ntitle: Air defences downed 8 missiles\nsource: Example Agency\npublished: 2025-01-02\n---\n"
BODY = (
    "Air defences downed 8 ATACMS missiles over the Belgorod region. "
    "Several drones were lost to electronic warfare. "
    "Russian forces captured Nadiya."
)
TEXT = FRONT + BODY


def make_article(**changes) -> Article:
    fields = dict(
        article_id="a1b2c3d4e5f60718",
        source_file="2025/01/agency-drones.txt",
        text=TEXT,
        body_start=len(FRONT),
        title="Air defences downed 8 missiles",
        title_start=None,
        title_end=None,
        source="Example Agency",
        url="https://example.org/news/123",
        published=dt.date(2025, 1, 2),
        language="en",
        encoding="utf-8",
        warnings=(),
    )
    fields.update(changes)
    return Article(**fields)


def claim_at(sentence: str, text: str = TEXT, **fields) -> Claim:
    start = text.index(sentence)
    defaults = dict(
        action="intercepted", count=None, count_qualifier=None, munition_class=None, munition_model=None,
        attacker=None, claimant=None, claimant_kind=None, claimant_country=None, location_admin1=None,
        location_country=None, location_name=None, latitude=None, longitude=None, location_precision="none",
        event_date=None,
    )
    defaults.update(fields)
    return Claim(**defaults, evidence=sentence, evidence_start=start, evidence_end=start + len(sentence))


@pytest.fixture
def article() -> Article:
    return make_article()


@pytest.fixture
def sample_article() -> Article:
    return make_article(
        article_id="00ff00ff00ff00ff",
        source_file="samples/seed.txt",
        source="Counterclaim sample",
        url=None,
        published=None,
        title=None,
        warnings=("decoded as cp1251", "replaced 2 control characters"),
        encoding="cp1251",
    )


@pytest.fixture
def claims() -> list[Claim]:
    """An interception, an unspecified suppression and a capture, in text order."""
    return [
        claim_at(
            "Air defences downed 8 ATACMS missiles over the Belgorod region.",
            count=8, count_qualifier="exact", munition_class="ballistic_missile", munition_model="ATACMS",
            attacker="UA", claimant="Russian Ministry of Defence", claimant_kind="ministry_of_defence",
            claimant_country="RU", location_admin1="RU-BEL", location_country="RU", location_precision="admin1",
            event_date=dt.date(2025, 1, 2),
        ),
        claim_at(
            "Several drones were lost to electronic warfare.",
            action="suppressed", count_qualifier="unspecified", munition_class="uav",
            claimant="Russian Ministry of Defence", claimant_kind="ministry_of_defence", claimant_country="RU",
        ),
        claim_at(
            "Russian forces captured Nadiya.",
            action="captured", attacker="RU", location_admin1="UA-09", location_country="UA",
            location_name="Nadiya", latitude=48.57, longitude=39.19, location_precision="settlement",
            event_date=dt.date(2025, 1, 2),
        ),
    ]


@pytest.fixture
def rejections() -> list[Rejection]:
    return [
        Rejection("z/map.png", "binary", "The file is binary, not text."),
        Rejection("copies/agency-drones.txt", "duplicate", "Same text as 2025/01/agency-drones.txt.", "a1b2c3d4e5f60718"),
        Rejection("a/huge.txt", "too_large", "The file is larger than 5 MB."),
        Rejection("a/huge.txt", "binary", "The file holds NUL bytes."),
    ]


@pytest.fixture
def article_factory():
    """make_article(**changes): an Article like the `article` fixture with some fields changed."""
    return make_article


@pytest.fixture(scope="session")
def sample_data(tmp_path_factory):
    """A data folder published from the invented sample articles of tests.release_data (read it, never write)."""
    from tests.release_data import extract, write_articles

    root = tmp_path_factory.mktemp("sample-data")
    return extract(write_articles(root / "articles"), root / "data")
