"""Extractor throughput on one core: articles per second for parse + claims, no Dagster.

    .venv/bin/python benchmarks/extractor_speed.py [--articles DIR] [--repeat N]

Reads every article under DIR (default: raw/), repeats the set N times, and times the
spaCy pipeline plus the claim rules over all of them in one process. Target: >= 150/s.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from pipeline.extract import claims_from_doc, parse_many
from pipeline.extract.nlp import shared_nlp
from pipeline.ingest import ingest
from pipeline.ingest.model import Article


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=Path, default=Path("raw"), help="folder of articles (default: raw)")
    ap.add_argument("--repeat", type=int, default=20, help="times the set is processed (default: 20)")
    ap.add_argument("--batch-size", type=int, default=64)
    args = ap.parse_args()

    articles = [a for a in ingest(args.articles) if isinstance(a, Article)]
    if not articles:
        raise SystemExit(f"no articles under {args.articles}")
    items = [
        (a.text, {"published": a.published, "title_start": a.title_start, "title_end": a.title_end,
                  "body_start": a.body_start})
        for a in articles
    ]
    shared_nlp()  # build the pipeline before timing
    work = items * args.repeat
    chars = sum(len(t) for t, _ in work)
    start = time.perf_counter()
    claims = 0
    for doc in parse_many(work, batch_size=args.batch_size):
        claims += len(claims_from_doc(doc))
    seconds = time.perf_counter() - start
    print(f"{len(work)} articles ({len(articles)} distinct x {args.repeat}), {chars / 1e6:.2f} M chars, {claims} claims")
    print(f"{seconds:.2f} s: {len(work) / seconds:.0f} articles/s, {chars / seconds / 1e3:.0f} k chars/s on one core")


if __name__ == "__main__":
    main()
