"""End-to-end throughput of `counterclaim extract` on N synthetic articles, against the tokenizer floor.

    .venv/bin/python benchmarks/throughput.py --n 2000 [--runs 1] [--batch-size 64] [--processes 2] [--keep DIR]

Writes N distinct articles into a temporary folder by varying the articles under --articles
(default raw/): numbers, publication dates, place names and the order of the paragraphs after
the lead change from one copy to the next, and every file is marked `source: Counterclaim
sample`. It then runs `counterclaim extract` on the folder as a subprocess, into a fresh output
folder (so no cache is reused), measuring wall time and the peak resident memory of the
command's whole process tree (the command plus any worker processes, polled every 50 ms).
Last, in this process and on one core, it times spaCy's blank English tokenizer plus the
sentencizer (`nlp.pipe`) over the same texts. It prints articles/s, words/s, peak RSS, both
times and their ratio, tokenizer seconds / extract seconds (higher is better).

With --warm it also times a second run into the same output folder, which reuses the cache of
extracted articles. This is a benchmark, not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

SAMPLE_SOURCE = "Counterclaim sample"

# Place names swapped for one another (whole words, within the same country).
PLACES = (
    ("Kharkiv", "Sumy", "Odesa", "Poltava", "Chernihiv", "Mykolaiv", "Kherson", "Dnipropetrovsk", "Kyiv", "Zhytomyr"),
    ("Belgorod", "Kursk", "Bryansk", "Voronezh", "Rostov", "Oryol", "Lipetsk", "Tula", "Kaluga", "Smolensk"),
)
_NUMBER = re.compile(r"(?<![\w.-])(\d{1,3})(?![\w.-]|\.\d)")


@dataclass(frozen=True)
class Template:
    title: str
    published: date
    paragraphs: tuple[str, ...]


def read_templates(folder: Path) -> list[Template]:
    """The articles under `folder` split into title, date and paragraphs."""
    templates = []
    for path in sorted(p for p in folder.rglob("*") if p.suffix.lower() in {".txt", ".md"} and p.is_file()):
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        meta: dict[str, str] = {}
        if text.startswith("---\n") and (end := text.find("\n---\n", 4)) > 0:
            for line in text[4:end].splitlines():
                key, _, value = line.partition(":")
                meta[key.strip()] = value.strip().strip('"')
            body = text[end + 5 :]
        else:
            first, _, body = text.partition("\n")
            meta["title"] = first.strip()
        paragraphs = tuple(p.strip() for p in re.split(r"\n\s*\n|\n", body) if p.strip())
        try:
            published = date.fromisoformat(meta.get("published", ""))
        except ValueError:
            published = date(2025, 1, 1)
        if paragraphs:
            templates.append(Template(meta.get("title") or paragraphs[0][:60], published, paragraphs))
    return templates


def _vary_numbers(text: str, rng: random.Random) -> str:
    def swap(m: re.Match[str]) -> str:
        value = int(m.group(1))
        if value == 0:
            return m.group(1)
        low, high = max(1, value // 2), max(2, value * 2)
        return str(rng.randint(low, min(high, 999)))

    return _NUMBER.sub(swap, text)


_PLACE = re.compile(r"\b(" + "|".join(name for names in PLACES for name in names) + r")\b")


def _place_mapping(rng: random.Random) -> dict[str, str]:
    """Each place name to another of the same country, one permutation per article."""
    mapping: dict[str, str] = {}
    for names in PLACES:
        mapping.update(zip(names, rng.sample(names, len(names))))
    return mapping


def article(template: Template, i: int, rng: random.Random) -> str:
    """One variant of `template`: new numbers, date, places and order of the paragraphs after the lead."""
    lead, *rest = template.paragraphs
    rng.shuffle(rest)
    places = _place_mapping(rng)

    def vary(text: str) -> str:
        return _PLACE.sub(lambda m: places[m.group(1)], _vary_numbers(text, rng))

    body = "\n\n".join(vary(p) for p in (lead, *rest))
    published = template.published + timedelta(days=rng.randint(-400, 300))
    title = vary(template.title).replace('"', "'")
    return (
        f'---\ntitle: "{title}"\nsource: {SAMPLE_SOURCE}\npublished: {published.isoformat()}\nlanguage: en\n---\n'
        f"{body}\n"
    )


def generate(templates: list[Template], n: int, folder: Path, seed: int = 1) -> tuple[int, int, int]:
    """Write `n` distinct articles under `folder`, 1,000 per sub-folder; returns (files, words, bytes)."""
    rng = random.Random(seed)
    seen: set[bytes] = set()
    words = size = 0
    for i in range(n):
        template = templates[i % len(templates)]
        for attempt in range(20):
            text = article(template, i, rng)
            if attempt == 19:  # a template with too little to vary: make the copy distinct outright
                text = text.rstrip("\n") + f"\n\nThis is sample copy {i}.\n"
            body = " ".join(text.split("\n---\n", 1)[-1].split())
            digest = hashlib.blake2b(body.encode("utf-8"), digest_size=16).digest()
            if digest not in seen:
                break
        seen.add(digest)
        path = folder / f"part-{i // 1000:04d}" / f"article-{i:07d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        words += len(text.split())
        size += len(text.encode("utf-8"))
    return n, words, size


def _texts(folder: Path) -> Iterator[str]:
    for path in sorted(folder.rglob("*.txt")):
        yield path.read_text(encoding="utf-8")


class TreeMemory:
    """Polls the peak memory of a process and its descendants (with psutil), in a thread.

    `peak` is the largest sum of their resident set sizes (RSS), which counts pages the
    processes share once per process, polled every `interval` seconds; `peak_pss` the largest
    sum of their proportional set sizes (PSS, Linux only), which splits shared pages among
    them. PSS is costly to read, so it is polled only every `pss_interval` seconds: reading
    it often would slow the measured run down.
    """

    def __init__(self, pid: int, interval: float = 0.05, pss_interval: float = 1.0) -> None:
        self.pid, self.interval, self.pss_interval, self.peak, self.peak_pss = pid, interval, pss_interval, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _poll(self) -> None:
        try:
            import psutil
        except ImportError:
            return
        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        next_pss = next_list = 0.0
        processes = [root]
        while not self._stop.is_set():
            now = time.monotonic()
            if now >= next_list:  # finding the children scans every process: not at every poll
                with contextlib.suppress(psutil.Error):
                    processes, next_list = [root, *root.children(recursive=True)], now + 0.25
            with_pss = now >= next_pss
            rss = pss = 0
            with contextlib.suppress(psutil.Error):
                for proc in processes:
                    with contextlib.suppress(psutil.Error):
                        if with_pss:
                            info = proc.memory_full_info()
                            pss += getattr(info, "pss", 0)
                        else:
                            info = proc.memory_info()
                        rss += info.rss
            self.peak = max(self.peak, rss)
            if with_pss:
                self.peak_pss, next_pss = max(self.peak_pss, pss), time.monotonic() + self.pss_interval
            self._stop.wait(self.interval)


def counterclaim_command() -> list[str]:
    script = Path(sys.executable).parent / "counterclaim"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "pipeline.cli"]


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss: int  # bytes, summed over the process tree
    peak_pss: int  # bytes, summed over the process tree; 0 where PSS is not available
    summary: str  # the command's output line


def run_extract(input_dir: Path, out: Path, extra: list[str]) -> Run:
    """Run `counterclaim extract` and measure its wall time and the peak memory of its process tree."""
    command = [*counterclaim_command(), "extract", str(input_dir), "--out", str(out), *extra]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with TreeMemory(process.pid) as memory:
        stdout, stderr = process.communicate()
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"counterclaim extract failed ({process.returncode}):\n{stderr}")
    # without psutil: the largest single process's peak, from the kernel
    peak = memory.peak or resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return Run(seconds, peak, memory.peak_pss, stdout.strip())


def tokenizer_seconds(folder: Path, batch_size: int) -> tuple[float, int]:
    """Seconds spaCy's blank English tokenizer plus sentencizer take over the texts, and the token count."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    texts = list(_texts(folder))  # read first: the floor times tokenizing, not the disk
    start = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
    return time.perf_counter() - start, tokens


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000, help="articles to generate (default: 2000)")
    ap.add_argument("--articles", type=Path, default=Path("raw"), help="articles to vary (default: raw)")
    ap.add_argument("--runs", type=int, default=1, help="cold extract runs, each into a fresh output folder (default: 1)")
    ap.add_argument("--warm", action="store_true", help="also time a rerun that reuses the cache")
    ap.add_argument("--batch-size", type=int, help="passed to counterclaim extract")
    ap.add_argument("--processes", type=int, help="passed to counterclaim extract")
    ap.add_argument("--keep", type=Path, help="generate into this folder and keep it (default: a temporary folder)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    templates = read_templates(args.articles)
    if not templates:
        raise SystemExit(f"no articles under {args.articles}")
    extra = []
    if args.batch_size:
        extra += ["--batch-size", str(args.batch_size)]
    if args.processes:
        extra += ["--processes", str(args.processes)]

    base = args.keep or Path(tempfile.mkdtemp(prefix="counterclaim-bench-"))
    try:
        input_dir = base / "articles"
        if input_dir.exists():
            shutil.rmtree(input_dir)
        n, words, size = generate(templates, args.n, input_dir, seed=args.seed)
        print(f"{n} articles from {len(templates)} templates: {words:,} words, {size / 1e6:.1f} MB, cpus {os.cpu_count()}")
        runs = []
        for number in range(args.runs):
            out = base / f"out-{number}"
            shutil.rmtree(out, ignore_errors=True)
            run = run_extract(input_dir, out, extra)
            runs.append(run)
            print(
                f"extract run {number + 1}: {run.seconds:.2f} s, peak RSS {run.peak_rss / 2**20:.0f} MB, "
                f"peak PSS {run.peak_pss / 2**20:.0f} MB ({run.summary})"
            )
        if args.warm:
            warm = run_extract(input_dir, base / "out-0", extra)
            print(
                f"warm rerun (cache reused): {warm.seconds:.2f} s, {n / warm.seconds:.0f} articles/s, "
                f"peak RSS {warm.peak_rss / 2**20:.0f} MB"
            )
        tok_seconds, tokens = tokenizer_seconds(input_dir, 256)
        best = min(runs, key=lambda r: r.seconds)
        print(f"articles/s      {n / best.seconds:.0f}")
        print(f"words/s         {words / best.seconds:,.0f}")
        print(f"peak RSS        {max(r.peak_rss for r in runs) / 2**20:.0f} MB  (sum over the process tree)")
        print(f"peak PSS        {max(r.peak_pss for r in runs) / 2**20:.0f} MB  (shared pages counted once)")
        print(f"extract s       {best.seconds:.2f}")
        print(f"tokenizer s     {tok_seconds:.2f}  ({tokens:,} tokens, blank('en') + sentencizer, one process)")
        print(f"ratio           {tok_seconds / best.seconds:.3f}  (tokenizer s / extract s; higher is better)")
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
