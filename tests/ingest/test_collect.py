"""ingest(): a whole root in, one record per article file out, duplicates set aside."""

from __future__ import annotations

import tracemalloc
from datetime import date

import pytest

from pipeline.ingest import Article, IngestError, Rejection, ingest
from pipeline.ingest.collect import drop_duplicates

TODAY = date(2026, 1, 10)


def run(root, **kwargs):
    return list(ingest(root, today=TODAY, **kwargs))


def test_messy_folder_gives_one_record_per_article_file(write, root, tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("outside text")
    write("a.txt", "First article.")
    write("b/nested.md", "---\ntitle: Nested\n---\nSecond article.")
    write("b/deeper/Київ звіт.txt", "Третя стаття.")
    write("c/empty.txt", b"")
    write("c/image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write("c/page.html", "<html><body><p>not an article extension</p></body></html>")
    write("c/data.json", "{}")
    write("c/picture.png", b"\x89PNG")
    (tmp_path / "outside_dir").mkdir()
    (tmp_path / "outside_dir" / "hidden.txt").write_text("not under the root")
    (root / "d link.txt").symlink_to(outside)
    (root / "e linked dir").symlink_to(tmp_path / "outside_dir", target_is_directory=True)
    records = run(root)
    assert [(r.source_file, type(r).__name__, getattr(r, "reason", None)) for r in records] == [
        ("a.txt", "Article", None),
        ("b/deeper/Київ звіт.txt", "Article", None),
        ("b/nested.md", "Article", None),
        ("c/empty.txt", "Rejection", "empty"),
        ("c/image.txt", "Rejection", "binary"),
        ("d link.txt", "Rejection", "outside_root"),
    ]


def test_duplicates_keep_the_first_in_path_order(write, root):
    write("a.txt", "Forty drones were shot down.\nOfficials said so.\n")
    write("b.md", "---\ntitle: Copy\nsource: Elsewhere\n---\r\nForty drones were shot down.\r\n\r\nOfficials said so.")
    write("c.txt", "Different text.")
    first, duplicate, other = run(root)
    assert isinstance(first, Article) and isinstance(other, Article)
    assert duplicate == Rejection(
        "b.md", "duplicate", f"same text as a.txt (article {first.article_id})", duplicate_of=first.article_id
    )


def test_order_is_deterministic(write, root):
    for name in ["z.txt", "a/b.txt", "A.txt", "m.md", "a/a.txt"]:
        write(name, f"Text of {name}.")
    first = [r.source_file for r in run(root)]
    assert first == ["A.txt", "a/a.txt", "a/b.txt", "m.md", "z.txt"]
    assert [r.source_file for r in run(root)] == first


def test_extensions_and_limits_are_passed_through(write, root):
    write("page.html", "<html><body><p>Hello.</p></body></html>")
    write("big.txt", "x" * 50)
    assert [(r.source_file, getattr(r, "reason", None)) for r in run(root, extensions=(".html", ".txt"), max_bytes=40)] == [
        ("big.txt", "too_large"),
        ("page.html", None),
    ]


def test_future_dates_use_the_given_today(write, root):
    write("a.md", "---\npublished: 2026-02-01\n---\nBody.")
    (article,) = run(root)
    assert article.warnings == ("published date 2026-02-01 is in the future",)


def test_missing_root_raises_before_iteration(tmp_path):
    with pytest.raises(IngestError, match="does not exist"):
        ingest(tmp_path / "missing")


def test_empty_root_gives_nothing(root):
    assert run(root) == []


def test_drop_duplicates_streams():
    def records():
        for index in range(3):
            yield Article(
                article_id="same", source_file=f"{index}.txt", text="t", body_start=0, title=None,
                title_start=None, title_end=None, source=None, url=None, published=None,
                language=None, encoding="utf-8",
            )
        raise AssertionError("read past what was asked for")

    stream = drop_duplicates(records())
    assert next(stream).source_file == "0.txt"
    assert next(stream).duplicate_of == "same"


def peak_memory(root) -> int:
    tracemalloc.start()
    try:
        for _ in ingest(root, today=TODAY):
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_does_not_grow_with_the_number_of_files(tmp_path):
    roots = {}
    for count in (4, 40):
        roots[count] = tmp_path / f"root{count}"
        for index in range(count):
            path = roots[count] / f"{index:02}.txt"
            path.parent.mkdir(exist_ok=True)
            path.write_text(f"Article {index} " + "word " * 2_000)
    peak_memory(roots[4])  # warm up imports and caches
    assert peak_memory(roots[40]) < 2 * peak_memory(roots[4])
