"""Article identity: the same body text gives the same id, whatever its layout or front matter."""

import hashlib
import re
import unicodedata

_WHITESPACE = re.compile(r"\s+")


def article_id(body: str) -> str:
    """First 16 hex digits of the SHA-256 of the body with Unicode NFC and whitespace runs collapsed."""
    normalised = _WHITESPACE.sub(" ", unicodedata.normalize("NFC", body)).strip()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]
