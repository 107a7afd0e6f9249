"""The plain steps, without Dagster: ingest, parse, extract, build and publish through the stage."""

import pandas as pd
import pytest

from spacy.tokens import DocBin

from pipeline.extract import extract_claims
from pipeline.extract.nlp import shared_nlp
from pipeline.ingest import load_article
from pipeline.publish import read_parquet
from pipeline.stage import steps
from pipeline.stage.files import Layout, read_rows
from schemas import TABLES


def run_all(input_dir, layout, batch_size=1):
    steps.ingest_to_stage(layout, input_dir, extensions=(".txt", ".md"), max_bytes=100_000, batch_size=batch_size)
    steps.parse_to_stage(layout, batch_size=batch_size)
    steps.extract_to_stage(layout, batch_size=batch_size)
    steps.build_articles(layout, batch_size=batch_size)
    steps.build_claims(layout)
    steps.build_rejected(layout, batch_size=batch_size)
    return steps.publish_tables(layout)


def test_ingest_stages_articles_with_text_and_rejections(article_folder, tmp_path, sample_articles):
    layout = Layout(tmp_path / "out")
    summary = steps.ingest_to_stage(
        layout, article_folder, extensions=(".txt", ".md"), max_bytes=100_000, batch_size=1
    )
    assert summary.kept == 2
    assert summary.quarantined == {"empty": 1, "duplicate": 1}
    rows = list(read_rows(layout.raw_articles, batch_size=10))
    assert [r["source_file"] for r in rows] == ["2025-03-01-belgorod.txt", "2025-03-02-kharkiv.md"]
    assert rows[0]["text"] == sample_articles.files["2025-03-01-belgorod.txt"]


def test_parse_writes_one_docbin_per_batch_and_keeps_only_the_latest(article_folder, tmp_path):
    layout = Layout(tmp_path / "out")
    steps.ingest_to_stage(layout, article_folder, extensions=(".txt", ".md"), max_bytes=100_000, batch_size=1)
    first = steps.parse_to_stage(layout, batch_size=1, keep_docs=True)
    second = steps.parse_to_stage(layout, batch_size=2, keep_docs=True)
    assert (first.parsed, first.batches) == (2, 2)
    assert (second.parsed, second.batches) == (2, 1)
    (run,) = layout.parsed_docs.iterdir()
    assert [p.name for p in run.iterdir()] == ["batch-00000.spacy"]
    index = list(read_rows(layout.parsed_index, batch_size=10))
    docs = list(DocBin().from_disk(run / "batch-00000.spacy").get_docs(shared_nlp().vocab))
    assert [row["position"] for row in index] == [0, 1]
    assert [len(doc) for doc in docs] == [row["tokens"] for row in index]


def test_parse_keeps_no_docs_by_default(article_folder, tmp_path):
    layout = Layout(tmp_path / "out")
    steps.ingest_to_stage(layout, article_folder, extensions=(".txt", ".md"), max_bytes=100_000, batch_size=1)
    summary = steps.parse_to_stage(layout, batch_size=1)
    assert (summary.parsed, summary.reused, summary.processes) == (2, 0, 1)
    assert not layout.parsed_docs.exists()
    index = list(read_rows(layout.parsed_index, batch_size=10))
    assert [(row["from_cache"], row["batch_file"]) for row in index] == [(False, None), (False, None)]
    assert all(row["tokens"] > 0 for row in index)


def test_claims_from_staged_docs_match_direct_extraction(article_folder, tmp_path):
    layout = Layout(tmp_path / "out")
    run_all(article_folder, layout)
    claims = read_parquet(layout.published("claims"))
    for name in ("2025-03-01-belgorod.txt", "2025-03-02-kharkiv.md"):
        article = load_article(article_folder / name, article_folder)
        meta = {k: getattr(article, k) for k in ("published", "title_start", "title_end", "body_start")}
        direct = extract_claims(article.text, meta)
        staged = claims[claims["source_file"] == name]
        assert sorted(zip(staged["evidence_start"], staged["action"])) == sorted(
            (c.evidence_start, c.action) for c in direct
        )


def test_a_failing_parse_becomes_an_extraction_error(article_folder, tmp_path, monkeypatch):
    real = steps.parse_many

    def parse_many(items, **kwargs):
        items = list(items)
        if any("Kharkiv" in text for text, _ in items):
            raise ValueError("tokenizer exploded")
        return real(items, **kwargs)

    monkeypatch.setattr(steps, "parse_many", parse_many)
    layout = Layout(tmp_path / "out")
    summary = run_all(article_folder, layout, batch_size=2)
    rejected = read_parquet(layout.published("rejected"))
    failed = rejected[rejected["reason"] == "extraction_error"]
    assert list(failed["source_file"]) == ["2025-03-02-kharkiv.md"]
    assert failed["detail"].iloc[0] == "parsing failed: ValueError: tokenizer exploded"
    assert summary.kept == 1 and summary.quarantined == {"empty": 1, "duplicate": 1, "extraction_error": 1}
    assert list(read_parquet(layout.published("articles"))["source_file"]) == ["2025-03-01-belgorod.txt"]


def test_a_failing_extraction_becomes_an_extraction_error(article_folder, tmp_path, monkeypatch):
    real = steps.claims_from_doc

    def claims_from_doc(doc, published=None):
        if "Belgorod" in doc.text:
            raise KeyError("no rule")
        return real(doc, published)

    monkeypatch.setattr(steps, "claims_from_doc", claims_from_doc)
    layout = Layout(tmp_path / "out")
    run_all(article_folder, layout)
    claims = read_parquet(layout.published("claims"))
    rejected = read_parquet(layout.published("rejected"))
    assert "2025-03-01-belgorod.txt" not in set(claims["source_file"])
    assert "2025-03-01-belgorod.txt" in set(rejected.loc[rejected["reason"] == "extraction_error", "source_file"])


def test_tables_are_the_same_whatever_the_batch_size(article_folder, tmp_path):
    small, large = Layout(tmp_path / "small"), Layout(tmp_path / "large")
    run_all(article_folder, small, batch_size=1)
    run_all(article_folder, large, batch_size=64)
    for name in TABLES:
        pd.testing.assert_frame_equal(read_parquet(small.published(name)), read_parquet(large.published(name)))


def test_by_reason_follows_the_vocabulary_order():
    assert list(steps.by_reason({"duplicate": 2, "binary": 1, "empty": 0})) == ["binary", "duplicate"]


@pytest.mark.parametrize("name", list(TABLES))
def test_publish_copies_each_staged_table(article_folder, tmp_path, name):
    layout = Layout(tmp_path / "out")
    summary = run_all(article_folder, layout)
    assert layout.published(name).read_bytes() == layout.table(name).read_bytes()
    assert summary.tables[name].rows == len(read_parquet(layout.published(name)))
