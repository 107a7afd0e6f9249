"""Bad input never crashes a run or loses an article.

One folder holds every kind of bad input met in scraped folders. `counterclaim extract` runs
on it once, as a user runs it, and each case then has its own assertion on the published
tables. Per-article failures inside the extractor have no known triggering input, so they are
tested in-process with the failing function patched.
"""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pandas as pd
import pytest

from pipeline import cli
from pipeline.ingest import Rejection, load_article
from pipeline.publish import read_parquet
from pipeline.stage import steps
from pipeline.stage.files import Layout, read_rows

SAMPLE = "source: Counterclaim sample\n"

UTF8 = (
    "---\ntitle: Air force reports a night of drone attacks on Odesa\n" + SAMPLE + "published: 2025-04-02\n"
    "language: en\n---\n"
    "Ukraine’s air force said air defences shot down 31 of 40 drones launched overnight.\n"
    "A warehouse in the port was damaged, regional officials said.\n"
)
UTF8_BOM = (
    "---\ntitle: Київ reports a quiet night\n" + SAMPLE + "---\n"
    "The Kyiv city military administration said no drones reached the capital on Thursday.\n"
)
UTF16 = (
    "---\ntitle: Kharkiv mayor describes strike on depot\n" + SAMPLE + "---\n"
    "Kharkiv’s mayor said a guided bomb hit a bus depot; nobody was hurt.\n"
)
CP1252 = (
    "Officials quote “forty” drones — the cheapest cost 5 € each\n\n"
    "A regional spokesman said the drones came in three waves before dawn.\n"
)
LATIN1 = (
    "Les forces armées déclarent avoir détruit douze drones près de Kherson\n\n"
    "Le porte-parole a précisé que les débris ont endommagé un entrepôt à l’écart.\n"
).replace("’", "'")
CRLF_NULS = (
    b"Regional officials said a drone hit an energy facility near Sumy.\r\n"
    b"No casualties\x00 were reported\x00, the governor added.\r\n"
)
CRLF_NULS_TEXT = (
    "Regional officials said a drone hit an energy facility near Sumy.\n"
    "No casualties were reported, the governor added.\n"
)
MALFORMED = (
    "---\ntitle: [unclosed bracket\n" + SAMPLE + "---\n"
    "Border guards said they saw several drones cross the river before midnight.\n"
)
INVALID_DATE = (
    "---\ntitle: Shelling reported in Nikopol\n" + SAMPLE + "published: 2025-13-45\n---\n"
    "Nikopol was shelled twice during the day, the district head said.\n"
)
FUTURE_DATE = (
    "---\ntitle: Report dated in the future\n" + SAMPLE + "published: 2099-06-01\n---\n"
    "The navy said it tracked two naval drones in the western Black Sea.\n"
)
HTML_PAGE = (
    "<!DOCTYPE html><html><head><title>Drones over Dnipro</title>"
    "<style>.SCRIPTLESS-STYLE-MARKER { color: red }</style>"
    "<script>var tracker = 'SCRIPT-MARKER'; track(tracker);</script></head>"
    "<body><h1>Drones over Dnipro</h1>"
    "<p>The regional governor said air defences destroyed\n 14 drones over Dnipro overnight.</p>"
    "<p>Debris damaged two houses.</p>"
    "<script>document.write('SECOND-SCRIPT-MARKER')</script></body></html>"
)
NESTED = (
    "---\ntitle: Nested report from Zaporizhzhia\n" + SAMPLE + "---\n"
    "The regional administration said a missile hit an industrial site in Zaporizhzhia.\n"
)
KYIV_NAME = "Міська влада повідомила, що уламки дрона пошкодили дах школи.\n"
SPACE_NAME = (
    "---\ntitle: A file name with spaces\n" + SAMPLE + "---\n"
    "Rescuers in Chernihiv said they cleared the rubble by the afternoon.\n"
)
ORIGINAL = (
    "---\ntitle: Drones over Poltava\n" + SAMPLE + "published: 2025-05-10\n---\n"
    "Poltava's governor said eleven drones were shot down overnight.\n\n"
    "An oil depot caught fire after one of them fell.\n"
)
COPY = (
    "---\ntitle: Copy of the Poltava report\n" + SAMPLE + "url: https://example.org/copy\n---\r\n"
    "Poltava's governor said eleven drones were shot down overnight.\r\n\r\n"
    "An oil depot caught fire after one of them fell.\r\n"
).encode("utf-8")
NUL_SOUP = b"\x00\x00\x00A\x00\x00\x13\x00\x00\x07\x00" * 400

# Article files (relative path -> bytes) and what each must become.
FILES: dict[str, bytes] = {
    "encodings/utf8.txt": UTF8.encode("utf-8"),
    "encodings/utf8-bom.txt": codecs.BOM_UTF8 + UTF8_BOM.encode("utf-8"),
    "encodings/utf16-le.md": codecs.BOM_UTF16_LE + UTF16.encode("utf-16-le"),
    "encodings/cp1252.txt": CP1252.encode("cp1252"),
    "encodings/latin1.txt": LATIN1.encode("latin-1"),
    "encodings/crlf and nuls.txt": CRLF_NULS,
    "binary/image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4,
    "binary/nul-soup.md": NUL_SOUP,
    "empty/empty.txt": b"",
    "empty/whitespace.md": b"  \r\n\t \n\n   ",
    "empty/front-matter-only.md": ("---\ntitle: Nothing follows\n" + SAMPLE + "---\n\n  \n").encode(),
    "front/malformed.md": MALFORMED.encode(),
    "front/invalid-date.md": INVALID_DATE.encode(),
    "front/future-date.md": FUTURE_DATE.encode(),
    "html/page.txt": HTML_PAGE.encode("utf-8"),
    "nested/deeper/still deeper/report.md": NESTED.encode(),
    "names/Київ звіт.txt": KYIV_NAME.encode("utf-8"),
    "names/field report.txt": SPACE_NAME.encode(),
    "duplicates/a-original.txt": ORIGINAL.encode(),
    "duplicates/b-copy.md": COPY,
}
BIG = "big/dump.txt"  # a sparse 40 MB file
LINK = "links/outside.txt"  # symlink to a file outside the root
LINKED_DIR = "links/outside-dir"  # symlink to a folder outside the root
BROKEN = "links/broken.txt"  # symlink to a file that does not exist
FIFO = "links/pipe.txt"  # a named pipe: opening it would block the run
IGNORED = ("ignored/data.json", "ignored/photo.png", "ignored/page.html", "ignored/notes.TXT.bak")
ARTICLE_FILES = {*FILES, BIG, LINK, BROKEN, FIFO}

KEPT = {
    "encodings/utf8.txt", "encodings/utf8-bom.txt", "encodings/utf16-le.md", "encodings/cp1252.txt",
    "encodings/latin1.txt", "encodings/crlf and nuls.txt", "front/malformed.md", "front/invalid-date.md",
    "front/future-date.md", "html/page.txt", "nested/deeper/still deeper/report.md", "names/Київ звіт.txt",
    "names/field report.txt", "duplicates/a-original.txt",
}
REJECTED = {
    "binary/image.txt": "binary",
    "binary/nul-soup.md": "binary",
    "empty/empty.txt": "empty",
    "empty/whitespace.md": "empty",
    "empty/front-matter-only.md": "empty",
    BIG: "too_large",
    LINK: "outside_root",
    "duplicates/b-copy.md": "duplicate",
    BROKEN: "unreadable",
    FIFO: "unreadable",
}
SUMMARY = "14 kept, 10 quarantined (binary 2, empty 3, too_large 1, outside_root 1, duplicate 1, unreadable 2)"


def counterclaim_command() -> list[str]:
    """The installed console script next to this interpreter, else the module."""
    script = Path(sys.executable).parent / "counterclaim"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "pipeline.cli"]


def write_bad_folder(base: Path) -> Path:
    """Write the input root under `base`, with an `outside` folder beside it for the symlinks."""
    root = base / "input"
    for name, data in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    big = root / BIG
    big.parent.mkdir(parents=True)
    with open(big, "wb") as handle:
        handle.truncate(40 * 1024 * 1024)
    outside = base / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("A file outside the input root must never be read.\n")
    (outside / "other.md").write_text("Another file outside the input root.\n")
    (root / LINK).parent.mkdir(parents=True)
    (root / LINK).symlink_to(outside / "secret.txt")
    (root / LINKED_DIR).symlink_to(outside, target_is_directory=True)
    (root / BROKEN).symlink_to(root / "links" / "missing.txt")
    os.mkfifo(root / FIFO)
    for name in IGNORED:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"\x89PNG\r\n\x1a\n" if name.endswith(".png") else b"<html><body><p>ignored</p></body></html>")
    return root


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """`counterclaim extract` run once on the bad folder; its output and tables."""
    base = tmp_path_factory.mktemp("bad_input")
    root = write_bad_folder(base)
    done = subprocess.run(
        [*counterclaim_command(), "extract", "input", "--out", "out"],
        cwd=base, capture_output=True, text=True, timeout=300,
    )
    out = base / "out"
    tables = {}
    if done.returncode == 0:
        tables = {name: read_parquet(out / f"{name}.parquet") for name in ("articles", "claims", "rejected")}
    staged = {}
    if (Layout(out).raw_articles).exists():
        staged = {row["source_file"]: row for row in read_rows(Layout(out).raw_articles, 64)}
    return {
        "done": done, "root": root, "out": out, "staged": staged,
        **tables,
    }


def article(run, name: str) -> pd.Series:
    rows = run["articles"][run["articles"]["source_file"] == name]
    assert len(rows) == 1, f"{name} is not one row of articles"
    return rows.iloc[0]


def rejection(run, name: str) -> pd.Series:
    rows = run["rejected"][run["rejected"]["source_file"] == name]
    assert len(rows) == 1, f"{name} is not one row of rejected"
    return rows.iloc[0]


def staged_text(run, name: str) -> str:
    """The decoded text of an article, as the run staged it (the tables hold only its length)."""
    text = run["staged"][name]["text"]
    assert len(text) == article(run, name)["n_chars"]
    return text


# --- the run ---------------------------------------------------------------------------


def test_run_exits_0_with_one_summary_line(run):
    done = run["done"]
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [SUMMARY]
    assert done.stderr == ""


def test_no_traceback_is_printed(run):
    assert "Traceback" not in run["done"].stdout + run["done"].stderr


def test_every_article_file_is_exactly_one_row(run):
    seen = list(run["articles"]["source_file"]) + list(run["rejected"]["source_file"])
    assert sorted(seen) == sorted(ARTICLE_FILES)
    assert set(run["articles"]["source_file"]) == KEPT
    assert dict(zip(run["rejected"]["source_file"], run["rejected"]["reason"])) == REJECTED


def test_other_files_are_ignored(run):
    seen = set(run["articles"]["source_file"]) | set(run["rejected"]["source_file"])
    assert not seen & set(IGNORED)
    assert not {name for name in seen if name.startswith("ignored/")}


def test_every_rejection_has_a_readable_detail(run):
    for detail in run["rejected"]["detail"]:
        assert len(detail) > 10 and "\n" not in detail and "Traceback" not in detail


def test_claims_come_only_from_kept_articles(run):
    assert set(run["claims"]["source_file"]) <= KEPT
    assert len(run["claims"]) > 0


# --- encodings -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "encoding", "title"),
    [
        ("encodings/utf8.txt", "utf-8", "Air force reports a night of drone attacks on Odesa"),
        ("encodings/utf8-bom.txt", "utf-8-sig", "Київ reports a quiet night"),
        ("encodings/utf16-le.md", "utf-16", "Kharkiv mayor describes strike on depot"),
        ("encodings/cp1252.txt", "cp1252", "Officials quote “forty” drones — the cheapest cost 5 € each"),
    ],
)
def test_encoding_is_decoded_and_recorded(run, name, encoding, title):
    row = article(run, name)
    assert (row["encoding"], row["title"]) == (encoding, title)
    assert pd.isna(row["warnings"])
    assert "\ufeff" not in staged_text(run, name)


def test_utf16_text_is_the_original_text(run):
    assert staged_text(run, "encodings/utf16-le.md") == UTF16


def test_latin1_is_detected_as_a_legacy_code_page(run):
    row = article(run, "encodings/latin1.txt")
    assert row["encoding"] in {"cp1252", "latin_1", "iso8859_15"}  # identical for these letters
    assert row["title"] == "Les forces armées déclarent avoir détruit douze drones près de Kherson"
    assert staged_text(run, "encodings/latin1.txt") == LATIN1


def test_crlf_and_stray_nuls_are_normalised(run):
    row = article(run, "encodings/crlf and nuls.txt")
    assert row["encoding"] == "utf-8"
    assert staged_text(run, "encodings/crlf and nuls.txt") == CRLF_NULS_TEXT
    assert row["n_chars"] == len(CRLF_NULS_TEXT)


def test_png_bytes_are_binary(run):
    row = rejection(run, "binary/image.txt")
    assert (row["reason"], row["detail"]) == ("binary", "content is not text (looks like a PNG image)")


def test_nul_soup_is_binary(run):
    row = rejection(run, "binary/nul-soup.md")
    assert row["reason"] == "binary"
    assert row["detail"].startswith("content is not text (looks binary: ")


# --- empty input -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "detail"),
    [
        ("empty/empty.txt", "file is empty"),
        ("empty/whitespace.md", "file holds only whitespace"),
        ("empty/front-matter-only.md", "no text after the front matter"),
    ],
)
def test_empty_input(run, name, detail):
    row = rejection(run, name)
    assert (row["reason"], row["detail"]) == ("empty", detail)
    assert pd.isna(row["duplicate_of"])


# --- front matter ----------------------------------------------------------------------


def test_malformed_front_matter_keeps_the_body_with_a_warning(run):
    row = article(run, "front/malformed.md")
    assert row["warnings"].startswith("front matter could not be parsed: ")
    assert row["warnings"].endswith("; kept the body")
    assert row["title"] == "Border guards said they saw several drones cross the river before midnight."
    text = staged_text(run, "front/malformed.md")
    assert text.endswith("Border guards said they saw several drones cross the river before midnight.\n")


def test_invalid_published_becomes_null_with_a_warning(run):
    row = article(run, "front/invalid-date.md")
    assert pd.isna(row["published"])
    assert row["warnings"] == "published date '2025-13-45' is not a date; left empty"
    assert row["title"] == "Shelling reported in Nikopol"


def test_future_published_is_kept_with_a_warning(run):
    row = article(run, "front/future-date.md")
    assert str(row["published"]) == "2099-06-01"
    assert row["warnings"] == "published date 2099-06-01 is in the future"


# --- size ------------------------------------------------------------------------------


def test_40_mb_file_is_too_large(run):
    row = rejection(run, BIG)
    assert (row["reason"], row["detail"]) == (
        "too_large", "file is 41,943,040 bytes, above the 2,000,000-byte limit",
    )


def test_40_mb_file_costs_neither_memory_nor_time(run):
    """Loading the sparse file again in-process: only its size is read."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        result = load_article(run["root"] / BIG, run["root"])
        seconds = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(result, Rejection) and result.reason == "too_large"
    assert seconds < 0.5
    assert peak < 1_000_000


# --- HTML ------------------------------------------------------------------------------


def test_html_is_reduced_to_text_without_scripts_or_styles(run):
    row = article(run, "html/page.txt")
    assert row["title"] == "Drones over Dnipro"
    text = staged_text(run, "html/page.txt")
    assert text == (
        "Drones over Dnipro\n\n"
        "The regional governor said air defences destroyed 14 drones over Dnipro overnight.\n\n"
        "Debris damaged two houses."
    )
    for leftover in ("SCRIPT-MARKER", "STYLE-MARKER", "color: red", "track(", "<p>", "<"):
        assert leftover not in text


# --- files outside the root ------------------------------------------------------------


def test_symlink_outside_the_root_is_refused(run):
    row = rejection(run, LINK)
    assert row["reason"] == "outside_root"
    assert row["detail"].startswith("resolves outside the input root (symlink to ")


def test_symlinked_directory_outside_the_root_is_not_walked(run):
    seen = set(run["articles"]["source_file"]) | set(run["rejected"]["source_file"])
    assert not {name for name in seen if name.startswith(LINKED_DIR)}
    staged = " ".join(row["text"] for row in run["staged"].values())
    assert "outside the input root" not in staged


def test_broken_symlink_is_unreadable(run):
    row = rejection(run, BROKEN)
    assert (row["reason"], row["detail"]) == ("unreadable", "symlink points to a missing file")


def test_named_pipe_is_not_opened(run):
    row = rejection(run, FIFO)
    assert (row["reason"], row["detail"]) == ("unreadable", "not a regular file")


# --- names and folders -----------------------------------------------------------------


def test_nested_folders_are_walked(run):
    assert article(run, "nested/deeper/still deeper/report.md")["title"] == "Nested report from Zaporizhzhia"


def test_non_ascii_file_name(run):
    row = article(run, "names/Київ звіт.txt")
    assert row["title"] == KYIV_NAME.strip()
    assert row["encoding"] == "utf-8"


def test_file_name_with_spaces(run):
    assert article(run, "names/field report.txt")["title"] == "A file name with spaces"


# --- duplicates ------------------------------------------------------------------------


def test_duplicate_points_at_the_kept_article(run):
    kept = article(run, "duplicates/a-original.txt")
    row = rejection(run, "duplicates/b-copy.md")
    assert row["reason"] == "duplicate"
    assert row["duplicate_of"] == kept["article_id"]
    assert row["detail"] == f"same text as duplicates/a-original.txt (article {kept['article_id']})"
    assert pd.isna(run["rejected"].loc[run["rejected"]["reason"] != "duplicate", "duplicate_of"]).all()


# --- per-article failures, in-process --------------------------------------------------

GOOD = (
    "---\ntitle: Drones over Sumy\n" + SAMPLE + "published: 2025-06-01\n---\n"
    "The Sumy regional administration said air defences shot down nine drones overnight.\n"
)
OTHER = (
    "---\ntitle: Drones over Chernihiv\n" + SAMPLE + "published: 2025-06-02\n---\n"
    "Chernihiv's governor said six drones were shot down before dawn.\n"
)
FAILING = (
    "---\ntitle: The article the extractor fails on\n" + SAMPLE + "---\n"
    "This article carries the FAILME marker. Officials said four drones were shot down.\n"
)


@pytest.fixture
def small_folder(tmp_path: Path) -> Path:
    root = tmp_path / "input"
    root.mkdir()
    for name, text in {"a-good.md": GOOD, "b-failing.md": FAILING, "c-other.txt": OTHER}.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def run_cli_in_process(root: Path, out: Path, capsys) -> tuple[int, str, str]:
    """`counterclaim extract` through cli.main in this process, so patches apply."""
    code = cli.main(["extract", str(root), "--out", str(out), "--batch-size", "2"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_one_extraction_error(out: Path, detail: str) -> None:
    articles, rejected = read_parquet(out / "articles.parquet"), read_parquet(out / "rejected.parquet")
    claims = read_parquet(out / "claims.parquet")
    assert list(articles["source_file"]) == ["a-good.md", "c-other.txt"]
    assert rejected[["source_file", "reason", "detail"]].values.tolist() == [["b-failing.md", "extraction_error", detail]]
    assert pd.isna(rejected["duplicate_of"]).all()
    assert "b-failing.md" not in set(claims["source_file"])


def test_extraction_error_is_recorded_and_the_run_continues(small_folder, tmp_path, monkeypatch, capsys):
    real = steps.claims_from_doc

    def claims_from_doc(doc, published=None):
        if "FAILME" in doc.text:
            raise RuntimeError("boom")
        return real(doc, published)

    monkeypatch.setattr(steps, "claims_from_doc", claims_from_doc)
    code, stdout, stderr = run_cli_in_process(small_folder, tmp_path / "out", capsys)
    assert code == 0
    assert stdout.splitlines() == ["2 kept, 1 quarantined (extraction_error 1)"]
    assert "Traceback" not in stdout + stderr
    assert_one_extraction_error(tmp_path / "out", "extraction failed: RuntimeError: boom")


def test_parse_error_is_recorded_and_the_run_continues(small_folder, tmp_path, monkeypatch, capsys):
    real = steps.parse_many

    def parse_many(items, **kwargs):
        items = list(items)
        if any("FAILME" in text for text, _ in items):
            raise ValueError("tokenizer exploded")
        return real(items, **kwargs)

    monkeypatch.setattr(steps, "parse_many", parse_many)
    code, stdout, stderr = run_cli_in_process(small_folder, tmp_path / "out", capsys)
    assert code == 0
    assert stdout.splitlines() == ["2 kept, 1 quarantined (extraction_error 1)"]
    assert "Traceback" not in stdout + stderr
    assert_one_extraction_error(tmp_path / "out", "parsing failed: ValueError: tokenizer exploded")


# --- schema violations -----------------------------------------------------------------


def test_schema_violation_publishes_nothing_and_exits_non_zero(small_folder, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    assert run_cli_in_process(small_folder, out, capsys)[0] == 0
    before = {name: (out / f"{name}.parquet").read_bytes() for name in ("articles", "claims", "rejected")}
    real = steps.build_rejected

    def build_rejected(layout, *, batch_size):
        summary = real(layout, batch_size=batch_size)
        df = read_parquet(summary.path)
        df.loc[0, "duplicate_of"] = "not-an-article-id"
        steps.write_parquet_atomic(df, summary.path)
        return summary

    (small_folder / "d-empty.txt").write_bytes(b"")  # so the rejected table has a row to break
    monkeypatch.setattr(steps, "build_rejected", build_rejected)
    code, stdout, stderr = run_cli_in_process(small_folder, out, capsys)
    assert code == 1
    assert stdout == ""
    assert stderr.startswith("counterclaim: error: check rejected_schema failed: ")
    assert "duplicate_of" in stderr and "nothing was published" in stderr
    assert "Traceback" not in stderr
    for name, data in before.items():
        assert (out / f"{name}.parquet").read_bytes() == data
