"""looks_like_html() and html_to_text(): pages become paragraphs and a title."""

import pytest

from pipeline.ingest.html import html_to_text, looks_like_html

PAGE = """<!DOCTYPE html>
<html><head><title>  Drones over Kyiv | News  </title>
<style>body { color: red }</style>
<script>var tracking = "do not keep";</script></head>
<body>
<header><h1>Site name</h1></header>
<nav><a href="/">Home</a> <a href="/war">War</a></nav>
<article>
  <h2>Drones   over Kyiv</h2>
  <p>Air defence shot down
     <b>40</b> drones overnight.</p>
  <p>Officials&nbsp;said <a href="#">more</a> would come.<br>Second line.</p>
  <ul><li>one</li><li>two</li></ul>
  <!-- a comment -->
  <noscript>Enable JavaScript</noscript>
  <template><p>hidden</p></template>
</article>
<aside>Related stories</aside>
<footer>Copyright</footer>
</body></html>"""


def test_page_becomes_paragraphs_without_page_furniture():
    text, title = html_to_text(PAGE)
    assert title == "Drones over Kyiv | News"
    assert text == (
        "Drones over Kyiv\n\n"
        "Air defence shot down 40 drones overnight.\n\n"
        "Officials said more would come.\n\n"
        "Second line.\n\n"
        "one\n\n"
        "two"
    )
    for dropped in ("tracking", "color", "Home", "Site name", "Related", "Copyright", "JavaScript", "hidden", "comment"):
        assert dropped not in text


@pytest.mark.parametrize(
    ("page", "title"),
    [
        ("<html><body><h1> Main   headline </h1><p>text</p></body></html>", "Main headline"),
        ("<html><head><title> </title></head><body><h1>Fallback</h1></body></html>", "Fallback"),
        ("<html><body><p>no title here</p></body></html>", None),
    ],
)
def test_title_from_title_element_or_first_h1(page, title):
    assert html_to_text(page)[1] == title


def test_table_cells_are_separated():
    text, _ = html_to_text("<table><tr><td>Kyiv</td><td>40</td></tr><tr><td>Odesa</td><td>12</td></tr></table>")
    assert text == "Kyiv 40\n\nOdesa 12"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (PAGE, True),
        ("<html><body>x</body></html>", True),
        ("  \n<!doctype HTML>\n<p>x</p>", True),
        ("<body><p>fragment</p></body>", True),
        ("<div><p>One</p><p>Two</p><p>Three</p></div>", True),
        ("Plain article text about drones.", False),
        ("A Markdown article with <b>bold</b> and a <br> break and <sup>1</sup>.", False),
        ("# Heading\n\nSee <a href='x'>this</a> and <a href='y'>that</a>.", False),
        ("Compare 3 < 4 and 5 > 2 in the text.", False),
    ],
)
def test_looks_like_html(text, expected):
    assert looks_like_html(text) is expected
