"""load_article(): one file in, one Article or Rejection out, never an exception."""

from __future__ import annotations

import builtins
import codecs
import io
import os
import pathlib
import time
from datetime import date
from pathlib import Path

import pytest

from pipeline.ingest import Article, Rejection, load_article
from pipeline.ingest.article import _read
from pipeline.ingest.identity import article_id
from schemas.vocab import REJECT_REASONS

TODAY = date(2026, 1, 10)

FRONT = """---
title: Drones over Kyiv
source: Ukrinform
url: https://example.org/drones
published: 2025-12-13
language: en
---
Air defence shot down 40 drones overnight.
"""


def load(path: Path, root: Path, **kwargs) -> Article | Rejection:
    return load_article(path, root, today=TODAY, **kwargs)


def test_article_with_front_matter(write, root):
    article = load(write("news/drones.md", FRONT), root)
    assert isinstance(article, Article)
    assert article.source_file == "news/drones.md"
    assert article.text == FRONT
    assert article.text[article.body_start :] == "Air defence shot down 40 drones overnight.\n"
    assert article.article_id == article_id("Air defence shot down 40 drones overnight.")
    assert (article.title, article.text[article.title_start : article.title_end]) == (
        "Drones over Kyiv",
        "Drones over Kyiv",
    )
    assert (article.source, article.url, article.published, article.language) == (
        "Ukrinform", "https://example.org/drones", date(2025, 12, 13), "en",
    )
    assert (article.encoding, article.warnings) == ("utf-8", ())


def test_front_matter_after_a_bom_and_crlf(write, root):
    article = load(write("bom.md", codecs.BOM_UTF8 + FRONT.replace("\n", "\r\n").encode()), root)
    assert (article.text, article.encoding, article.title) == (FRONT, "utf-8-sig", "Drones over Kyiv")


def test_plain_text_takes_its_first_line_as_title(write, root):
    article = load(write("plain.txt", b"\r\nHeadline here\r\n\r\nBody text.\r\n"), root)
    assert article.text == "\nHeadline here\n\nBody text.\n"
    assert article.body_start == 0
    assert (article.title, article.title_start, article.title_end) == ("Headline here", 1, 14)
    assert article.published is None


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (codecs.BOM_UTF8 + "Київ: збито 40 дронів.".encode(), "Київ: збито 40 дронів.", "utf-8-sig"),
        (codecs.BOM_UTF16_LE + "Київ: збито 40 дронів.".encode("utf-16-le"), "Київ: збито 40 дронів.", "utf-16"),
        (codecs.BOM_UTF16_BE + "Київ: збито 40 дронів.".encode("utf-16-be"), "Київ: збито 40 дронів.", "utf-16"),
        ("Officials said “forty” drones — cost 5 € each.".encode("cp1252"), "Officials said “forty” drones — cost 5 € each.", "cp1252"),
        (b"Stray\x00 NUL bytes\x00 are dropped from the article text.", "Stray NUL bytes are dropped from the article text.", "utf-8"),
    ],
    ids=["utf-8-bom", "utf-16-le", "utf-16-be", "cp1252", "stray-nuls"],
)
def test_encodings_are_decoded_and_recorded(write, root, data, text, encoding):
    article = load(write("a.txt", data), root)
    assert (article.text, article.encoding) == (text, encoding)


def test_latin1_accented_text(write, root):
    text = "Les forces armées ont déclaré que la défense aérienne a détruit les missiles à Kharkiv."
    article = load(write("fr.txt", text.encode("latin-1")), root)
    assert article.text == text
    assert text.encode("latin-1").decode(article.encoding) == text


@pytest.mark.parametrize(
    ("data", "reason", "detail"),
    [
        (b"", "empty", "file is empty"),
        (b"  \r\n\t\n ", "empty", "file holds only whitespace"),
        (b"---\ntitle: Only metadata\n---\n\n  \n", "empty", "no text after the front matter"),
        (b"<html><head><title>T</title><script>x()</script></head><body></body></html>", "empty", "HTML page has no visible text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", "content is not text (looks like a PNG image)"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "binary", "content is not text (looks like a zip archive)"),
        (bytes(range(1, 32)) * 10, "binary", "content is not text (looks binary: 87% control bytes)"),
    ],
)
def test_rejections_by_content(write, root, data, reason, detail):
    assert load(write("bad.txt", data), root) == Rejection("bad.txt", reason, detail)


def test_malformed_front_matter_keeps_the_article(write, root):
    article = load(write("a.md", "---\ntitle: [unclosed\n---\nThe body survives.\n"), root)
    assert isinstance(article, Article)
    assert article.text[article.body_start :] == "The body survives.\n"
    assert article.title == "The body survives."
    assert len(article.warnings) == 1
    assert article.warnings[0].startswith("front matter could not be parsed: ")
    assert article.warnings[0].endswith("; kept the body")


@pytest.mark.parametrize(
    ("published", "expected", "warning"),
    [
        ("not a date", None, "published date 'not a date' is not a date; left empty"),
        ("2031-01-01", date(2031, 1, 1), "published date 2031-01-01 is in the future"),
        ("2025-13-45", None, "published date '2025-13-45' is not a date; left empty"),
    ],
)
def test_published_problems_become_warnings(write, root, published, expected, warning):
    article = load(write("a.md", f"---\ntitle: T\npublished: {published}\n---\nBody.\n"), root)
    assert (article.title, article.published, article.warnings) == ("T", expected, (warning,))


def test_html_page_is_reduced_to_text(write, root):
    page = (
        "<!DOCTYPE html><html><head><title>Drones over Kyiv</title>"
        "<style>p { color: red }</style><script>track()</script></head>"
        "<body><nav>Home</nav><h1>Drones over Kyiv</h1><p>Air defence shot down\n 40 drones.</p></body></html>"
    )
    article = load(write("page.txt", page.encode("cp1252")), root)
    assert article.text == "Drones over Kyiv\n\nAir defence shot down 40 drones."
    assert (article.title, article.title_start, article.title_end) == ("Drones over Kyiv", 0, 16)
    assert article.body_start == 0
    assert article.encoding == "utf-8"
    assert article.article_id == article_id(article.text)


def test_html_body_after_front_matter_keeps_the_front_matter(write, root):
    doc = "---\ntitle: From front matter\n---\n<html><body><p>One.</p><p>Two.</p></body></html>"
    article = load(write("a.md", doc), root)
    assert article.text == "---\ntitle: From front matter\n---\nOne.\n\nTwo."
    assert article.title == "From front matter"
    assert article.text[article.body_start :] == "One.\n\nTwo."


def test_sparse_40_mb_file_is_too_large_without_being_read(write, root, monkeypatch):
    big = write("dump.txt", b"")
    with open(big, "r+b") as handle:
        handle.truncate(40 * 1024 * 1024)

    def refuse(original):
        def guarded(file, *args, **kwargs):
            if Path(os.fspath(file)).name == "dump.txt":
                raise AssertionError("the oversized file was opened")
            return original(file, *args, **kwargs)

        return guarded

    monkeypatch.setattr(builtins, "open", refuse(builtins.open))
    monkeypatch.setattr(io, "open", refuse(io.open))
    monkeypatch.setattr(pathlib.Path, "read_bytes", lambda self: pytest.fail("read_bytes called"))
    started = time.perf_counter()
    result = load(big, root)
    assert time.perf_counter() - started < 1.0
    assert result == Rejection("dump.txt", "too_large", "file is 41,943,040 bytes, above the 2,000,000-byte limit")


def test_max_bytes_is_configurable(write, root):
    path = write("a.txt", "x" * 101)
    assert load(path, root, max_bytes=100).reason == "too_large"
    assert isinstance(load(path, root, max_bytes=101), Article)


def test_symlink_outside_the_root_is_refused_unread(write, root, tmp_path, monkeypatch):
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("secret text")
    (root / "link.txt").symlink_to(outside)
    monkeypatch.setattr(builtins, "open", lambda *a, **k: pytest.fail("file was opened"))
    result = load(root / "link.txt", root)
    assert result == Rejection(
        "link.txt", "outside_root", f"resolves outside the input root (symlink to {outside.resolve()})"
    )


def test_file_inside_a_symlinked_directory_outside_is_refused(root, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "a.txt").write_text("text")
    (root / "linked").symlink_to(outside, target_is_directory=True)
    result = load(root / "linked" / "a.txt", root)
    assert (result.source_file, result.reason) == ("linked/a.txt", "outside_root")


def test_symlink_inside_the_root_is_read(write, root):
    write("real.txt", "Same text.")
    (root / "alias.txt").symlink_to(root / "real.txt")
    article = load(root / "alias.txt", root)
    assert (article.source_file, article.text) == ("alias.txt", "Same text.")


def test_broken_symlink_is_unreadable(root):
    (root / "gone.txt").symlink_to(root / "missing.txt")
    assert load(root / "gone.txt", root) == Rejection("gone.txt", "unreadable", "symlink points to a missing file")


def test_fifo_is_not_opened(root):
    os.mkfifo(root / "pipe.txt")
    assert load(root / "pipe.txt", root) == Rejection("pipe.txt", "unreadable", "not a regular file")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(write, root):
    path = write("locked.txt", "text")
    path.chmod(0)
    try:
        result = load(path, root)
    finally:
        path.chmod(0o644)
    assert result == Rejection("locked.txt", "unreadable", "cannot read the file: Permission denied")


def test_permission_error_on_open_is_unreadable(write, root, monkeypatch):
    path = write("locked.txt", "text")

    def deny(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(builtins, "open", deny)
    assert load(path, root) == Rejection("locked.txt", "unreadable", "cannot read the file: Permission denied")


def test_unexpected_error_becomes_unreadable(write, root, monkeypatch, capsys):
    path = write("a.txt", "text")

    def explode(data):
        raise RuntimeError("decoder exploded")

    monkeypatch.setattr("pipeline.ingest.article.decode", explode)
    result = load(path, root)
    assert result == Rejection("a.txt", "unreadable", "could not load the file: RuntimeError: decoder exploded")
    assert capsys.readouterr() == ("", "")


def test_non_ascii_name(write, root):
    article = load(write("звіти/Київ звіт.txt", "Текст."), root)
    assert article.source_file == "звіти/Київ звіт.txt"


def test_rejection_reasons_come_from_the_vocabulary(write, root):
    assert {"binary", "empty", "too_large", "outside_root", "unreadable", "duplicate"} <= set(REJECT_REASONS)


@pytest.mark.parametrize(("measured", "limit", "expected"), [(3, 100, 8), (3, 5, 6), (8, 8, 8)])
def test_read_follows_a_file_that_grew_after_stat_up_to_the_limit(write, measured, limit, expected):
    path = write("growing.txt", b"12345678")
    assert len(_read(path, measured, limit)) == expected
