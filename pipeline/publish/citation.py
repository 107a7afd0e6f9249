"""The release's CITATION.cff (Citation File Format 1.2.0), and the same reference as plain text."""

from __future__ import annotations

import datetime as dt
import json

from .datapackage import AUTHOR, LICENSE, TITLE

CITATION_FILE = "CITATION.cff"
MESSAGE = "If you use this dataset, please cite it using the metadata from this file."


def citation_cff(version: str, released: dt.date) -> str:
    """CITATION.cff text; strings are JSON-quoted, which YAML reads as they are."""
    q = json.dumps
    return "\n".join(
        [
            "cff-version: 1.2.0",
            f"message: {q(MESSAGE)}",
            "type: dataset",
            f"title: {q(TITLE)}",
            f"version: {q(version)}",
            f"date-released: {released.isoformat()}",
            f"license: {LICENSE['name']}",
            "authors:",
            f"  - name: {q(AUTHOR)}",
            "keywords:",
            "  - Russia-Ukraine war",
            "  - claims",
            "  - open data",
            "",
        ]
    )


def citation_text(version: str, released: dt.date) -> str:
    """A one-paragraph reference for people who do not read CITATION.cff."""
    return (
        f"{AUTHOR} ({released.year}). {TITLE} (version {version}, released {released.isoformat()}). "
        f"Dataset, {LICENSE['name']}."
    )
