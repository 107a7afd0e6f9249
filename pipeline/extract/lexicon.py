"""Load the vocabulary data files and expand their spelling variants.

The extractor's knowledge lives in `data/`: a maintainer extends a vocabulary by
editing YAML or CSV, never code. This module reads those files once per process.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).parent / "data"

_SPELLINGS = (
    ("defence", "defense"),
    ("armoured", "armored"),
    ("neutralis", "neutraliz"),
    ("recognis", "recogniz"),
    ("organis", "organiz"),
    ("centre", "center"),
    ("programme", "program"),
    ("kilometre", "kilometer"),
    ("'", "\u2019"),
)


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """Parse one YAML vocabulary file from the data folder.

    Every value is read as a string (YAML's BaseLoader), so words such as "no", "on"
    or "off" stay words instead of turning into booleans.
    """
    with (DATA_DIR / name).open(encoding="utf-8") as f:
        return yaml.load(f, Loader=yaml.BaseLoader) or {}


def variants(phrase: str) -> set[str]:
    """A phrase and its British/American spelling and apostrophe variants."""
    out = {phrase}
    for a, b in _SPELLINGS:
        for p in list(out):
            low = p.lower()
            if a in low:
                out.add(_replace_keep_case(p, a, b))
            if b in low:
                out.add(_replace_keep_case(p, b, a))
    return out


def _replace_keep_case(text: str, old: str, new: str) -> str:
    return re.sub(re.escape(old), new, text, flags=re.IGNORECASE)


def plural(phrase: str) -> str:
    """Regular English plural of a phrase's last word ("cruise missile" -> "cruise missiles")."""
    if phrase.endswith(("s", "x")):
        return phrase + "es" if phrase.endswith("x") else phrase
    if phrase.endswith("y") and not phrase.endswith(("ay", "ey", "oy", "uy")):
        return phrase[:-1] + "ies"
    return phrase + "s"


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """A short hash of every data file, so a vocabulary change invalidates cached extractions."""
    h = hashlib.sha256()
    for path in sorted(DATA_DIR.iterdir()):
        if path.suffix in (".yaml", ".csv"):
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:8]
