"""Recognising HTML pages and reducing them to readable paragraphs and a title."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bs4 import BeautifulSoup
from bs4.element import NavigableString, PageElement, PreformattedString, Tag

# Elements whose content is never article text.
DROPPED = frozenset({"script", "style", "noscript", "template", "nav", "footer", "header", "aside", "head"})

# Elements that start a new paragraph.
BLOCKS = frozenset({
    "address", "article", "blockquote", "caption", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "li", "main", "ol", "p", "pre", "section", "summary", "table", "tr", "ul", "body",
})

# Table cells, kept apart by a space.
CELLS = frozenset({"td", "th"})

_PARAGRAPH_BREAK = "\u2029"  # Unicode paragraph separator, used as a marker between blocks
_DOCUMENT_START = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|h[1-6]|table|tr|td|article|section|main)\b[^<>]*>", re.IGNORECASE)
_SNIFF_CHARS = 1000  # where a document-level tag must appear
_MIN_BLOCK_TAGS = 5  # fewer block tags than this is text with some inline markup


def looks_like_html(text: str) -> bool:
    """A doctype, <html>, <head> or <body> near the start, or many block-level tags."""
    if _DOCUMENT_START.search(text, 0, _SNIFF_CHARS):
        return True
    count = 0
    for _ in _BLOCK_TAG.finditer(text):
        count += 1
        if count >= _MIN_BLOCK_TAGS:
            return True
    return False


def html_to_text(text: str) -> tuple[str, str | None]:
    """Return (paragraphs separated by blank lines, page title) for an HTML document.

    The title is the <title> text, else the first <h1>; navigation, scripts and other
    page furniture are dropped and whitespace inside each paragraph is collapsed.
    """
    soup = BeautifulSoup(text, "lxml")
    pieces = "".join(_text_pieces(soup)).split(_PARAGRAPH_BREAK)
    paragraphs = (_collapse(piece) for piece in pieces)
    return "\n\n".join(part for part in paragraphs if part), _title(soup)


def _text_pieces(soup: BeautifulSoup) -> Iterator[str]:
    """Visible strings in document order, with paragraph markers around blocks and at <br>.

    Walks with an explicit stack, so deep or very long pages cost linear time and no recursion.
    """
    stack: list[PageElement | str] = [soup]
    while stack:
        node = stack.pop()
        if isinstance(node, str) and not isinstance(node, NavigableString):
            yield node  # a marker pushed below
        elif isinstance(node, NavigableString):
            if not isinstance(node, PreformattedString):  # comments, doctypes, CDATA
                yield str(node)
        elif isinstance(node, Tag) and node.name not in DROPPED:
            if node.name == "br":
                yield _PARAGRAPH_BREAK
                continue
            if node.name in BLOCKS:
                yield _PARAGRAPH_BREAK
                stack.append(_PARAGRAPH_BREAK)
            elif node.name in CELLS:
                stack.append(" ")
            stack.extend(reversed(node.contents))


def _title(soup: BeautifulSoup) -> str | None:
    """Text of <title>, or of the first <h1> when there is no usable <title>."""
    for element in (soup.find("title"), soup.find("h1")):
        if element is not None and (title := _collapse(element.get_text())):
            return title
    return None


def _collapse(text: str) -> str:
    """Whitespace runs (including non-breaking spaces) become one space; ends are trimmed."""
    return " ".join(text.split())
