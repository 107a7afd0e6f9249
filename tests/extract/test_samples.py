"""The sample articles in raw/ against their gold claims, coded by the annotation guide.

The extractor runs on each file as the pipeline does (ingest reads the front matter, the
published date and the title's span), and must find the gold claims, every field right, with F1
of at least MIN_F1 at the full level. On failure the claims it missed or made up are listed.
"""

from pathlib import Path

import pytest

from pipeline.evaluate import LEVELS, error_lines, read_rows, score
from pipeline.extract import extract_claims
from pipeline.ingest import Article, ingest

ROOT = Path(__file__).resolve().parents[2]
RAW = ROOT / "raw"
GOLD = ROOT / "tests" / "fixtures" / "samples_gold.jsonl"
MIN_F1 = 0.95


def extracted(article: Article) -> list[dict]:
    meta = {k: getattr(article, k) for k in ("published", "title_start", "title_end", "body_start")}
    article_name = Path(article.source_file).stem
    return [{**c.as_dict(), "article": article_name} for c in extract_claims(article.text, meta)]


@pytest.fixture(scope="module")
def samples():
    articles = list(ingest(RAW))
    assert articles and all(isinstance(a, Article) for a in articles), articles
    gold = read_rows(GOLD)
    pred = [claim for article in articles for claim in extracted(article)]
    return gold, pred, [Path(a.source_file).stem for a in articles]


def test_gold_names_only_sample_articles(samples):
    gold, _, names = samples
    assert {g["article"] for g in gold} <= set(names)


def test_samples_are_found_with_every_field_right(samples):
    gold, pred, names = samples
    result = score(gold, pred, articles=names)
    full = result["levels"]["full"]
    table = "\n".join(f"{lvl}: {m}" for lvl, m in result["levels"].items())
    errors = "\n".join(error_lines(result["errors"]["full"], LEVELS["full"]))
    assert full["f1"] >= MIN_F1, f"full F1 {full['f1']} < {MIN_F1}\n{table}\n{errors}"
