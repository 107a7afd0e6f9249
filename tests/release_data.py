"""Invented sample articles and a quick in-process extraction, for the release tests."""

from __future__ import annotations

from pathlib import Path

from pipeline.stage import steps
from pipeline.stage.files import Layout

from .sample_articles import BELGOROD, kharkiv

KHARKIV = kharkiv("2025-03-09")

UNDATED = """---
title: Several drones lost to electronic warfare
source: Counterclaim sample
language: en
---
Ukraine's air force said several Russian drones were lost to electronic warfare over the Chernihiv region.
"""

# Added between two releases in the changelog tests.
ODESA = """---
title: Missiles and drones over Odesa
source: Counterclaim sample
published: 2025-04-10
language: en
---
Ukraine's air force said on Thursday that it shot down 11 of 14 drones Russia launched at the Odesa region overnight.
"""

ARTICLES = {
    "2025-03-01-belgorod.txt": BELGOROD,
    "2025-03-09-kharkiv.md": KHARKIV,
    "undated-chernihiv.txt": UNDATED,
}
ADDED = {"2025-04-10-odesa.txt": ODESA}


def write_articles(folder: Path, articles: dict[str, str] = ARTICLES) -> Path:
    """Write `articles` (file name -> text) under `folder`; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def extract(input_dir: Path, data_dir: Path) -> Path:
    """Run every stage step on `input_dir` and publish the tables to `data_dir`, without Dagster."""
    layout = Layout(data_dir)
    steps.ingest_to_stage(layout, input_dir, extensions=(".txt", ".md"), max_bytes=100_000, batch_size=8)
    steps.parse_to_stage(layout, batch_size=8)
    steps.extract_to_stage(layout, batch_size=8)
    steps.build_articles(layout, batch_size=8)
    steps.build_claims(layout)
    steps.build_rejected(layout, batch_size=8)
    steps.publish_tables(layout)
    return data_dir
