"""CHANGELOG.md: claims added, removed and changed by claim_id, against the previous release in the same folder."""

import datetime as dt
import re
import shutil

import pandas as pd

from pipeline.publish import claim_rows, claims_frame, read_parquet
from pipeline.publish.changelog import changelog, describe_claim, diff_claims
from pipeline.publish.release import build_release
from tests.release_data import ADDED, extract, write_articles

RELEASED = dt.date(2025, 5, 1)


def claims_table(article, claims):
    return claims_frame(claim_rows(article, claims, "test-1"))


def test_diff_by_claim_id(article, claims):
    old = claims_table(article, claims[:2])
    new = claims_table(article, claims[1:])
    new.loc[new["action"] == "suppressed", "extractor_version"] = "test-2"
    diff = diff_claims(old, new)
    assert list(diff.added["claim_id"]) == [new.loc[new["action"] == "captured", "claim_id"].item()]
    assert list(diff.removed["claim_id"]) == [old.loc[old["action"] == "intercepted", "claim_id"].item()]
    ((cid, deltas),) = diff.changed
    assert cid == new.loc[new["action"] == "suppressed", "claim_id"].item()
    assert deltas == [("extractor_version", "test-1", "test-2")]


def test_first_release(article, claims):
    text = changelog("1.0.0", RELEASED, claims_table(article, claims), pd.DataFrame({"article_id": [article.article_id]}), None)
    assert "First release" in text and "3 claims from 1 articles" in text


def test_changelog_lists_each_claim_once_under_its_heading(article, claims):
    old, new = claims_table(article, claims[:1]), claims_table(article, claims)
    articles = pd.DataFrame({"article_id": [article.article_id]})
    text = changelog("1.1.0", RELEASED, new, articles, ("1.0.0", old, articles))
    assert "Compared with release 1.0.0: 2 claims added, 0 removed, 0 changed" in text
    added = text.split("## Added (2)")[1].split("## Removed")[0]
    for cid in set(new["claim_id"]) - set(old["claim_id"]):
        assert f"- `{cid}`: " in added
    assert "## Removed (0)\n\nNone." in text and "## Changed (0)\n\nNone." in text


def test_claim_description_is_one_line(article, claims):
    rows = list(claims_table(article, claims).itertuples(index=False))
    lines = [describe_claim(row) for row in rows]
    assert all("\n" not in line for line in lines)
    assert lines[0].startswith("intercepted 8 ballistic_missile (ATACMS) by UA; claimant Russian Ministry of Defence (RU)")
    assert "an unstated number of uav" in lines[1] and "unknown date" in lines[1]
    assert lines[2].startswith("captured Nadiya by RU;")


def test_release_changelog_lists_a_claim_added_between_releases(sample_data, tmp_path):
    releases = tmp_path / "releases"
    first = build_release(sample_data, releases, "1.0.0", include_samples=True)
    assert "First release" in (first / "CHANGELOG.md").read_text(encoding="utf-8")
    build_release(sample_data, releases, "0.9.0", include_samples=True)  # lower: not the previous of 1.1.0
    build_release(sample_data, releases, "2.0.0", include_samples=True)  # higher: not the previous either

    data = shutil.copytree(sample_data, tmp_path / "data")
    articles = write_articles(tmp_path / "articles")
    write_articles(articles, ADDED)  # an article is added, then the tables are extracted again
    extract(articles, data)
    second = build_release(data, releases, "1.1.0", include_samples=True)

    new_ids = set(read_parquet(second / "claims.parquet")["claim_id"]) - set(read_parquet(first / "claims.parquet")["claim_id"])
    assert new_ids, "the added article yields claims"
    text = (second / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"Compared with release 1.0.0: {len(new_ids)} claims added, 0 removed" in text
    added = text.split(f"## Added ({len(new_ids)})")[1].split("## Removed")[0]
    assert set(re.findall(r"^- `([0-9a-f]{16})`: .*2025-04-10-odesa\.txt", added, re.M)) == new_ids
    assert "## Removed (0)" in text
    assert "release 1.0.0" in (second / "README.md").read_text(encoding="utf-8")
