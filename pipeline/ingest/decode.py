"""Turning a file's bytes into normalised text, or refusing content that is not text."""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from .errors import BinaryContent

# Legacy code pages charset-normalizer may choose from, most common first; the order breaks
# ties between code pages that fit a short text equally well.
LEGACY_ENCODINGS = (
    "cp1252", "cp1251", "koi8_u", "koi8_r", "cp1250", "iso8859_15", "latin_1", "iso8859_2",
    "iso8859_5", "cp866", "cp1253", "cp1254", "cp1257",
)

# Byte signatures of common non-text formats found in scraped folders.
SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive"),
    (b"PK\x05\x06", "a zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
)

# Control bytes that do not occur in text (tab, LF, CR and form feed are text; NUL is counted apart).
_CONTROL_BYTES = bytes(range(1, 9)) + b"\x0b" + bytes(range(0x0E, 0x20)) + b"\x7f"
_CONTROL_CHARS = re.compile(r"[\x01-\x08\x0b\x0e-\x1f\x7f]")
_NUL_HEAVY = 0.10  # share of NUL bytes above which content is binary (unless it is UTF-16)
_CONTROL_HEAVY = 0.05  # share of other control bytes above which content is binary
_MIN_NULS = 8  # a handful of stray NULs never makes a file binary


def decode(data: bytes) -> tuple[str, str]:
    """Return (normalised text, encoding name) for `data`, or raise BinaryContent."""
    text, encoding = _decode_raw(data)
    return normalise(text), encoding


def normalise(text: str) -> str:
    """LF line ends, no NUL characters or leading BOM, Unicode NFC."""
    text = text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text.removeprefix("\ufeff"))


def _decode_raw(data: bytes) -> tuple[str, str]:
    """Pick the encoding: BOMs first, then strict UTF-8, then charset-normalizer."""
    if data.startswith(codecs.BOM_UTF8):
        return _checked(data.decode("utf-8-sig", errors="replace")), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _checked(data.decode("utf-16")), "utf-16"
        except UnicodeDecodeError as exc:
            raise BinaryContent(f"content starts like UTF-16 text but is not valid UTF-16 ({exc.reason})") from exc
    for signature, kind in SIGNATURES:
        if data.startswith(signature):
            raise BinaryContent(f"content is not text (looks like {kind})")
    nuls = data.count(0)
    if nuls > _MIN_NULS and nuls / len(data) > _NUL_HEAVY:
        utf16 = _bomless_utf16(data)
        if utf16 is None:
            raise _binary(data)
        return utf16
    if data and (len(data) - len(data.translate(None, _CONTROL_BYTES))) / len(data) > _CONTROL_HEAVY:
        raise _binary(data)
    data = data.replace(b"\x00", b"")
    try:
        return _checked(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8 is not None:
        return _checked(mostly_utf8), "utf-8"
    return _detect_legacy(data)


def _binary(data: bytes) -> BinaryContent:
    """The exception for bytes full of NULs or other control bytes, with their share."""
    controls = len(data) - len(data.translate(None, b"\x00" + _CONTROL_BYTES))
    return BinaryContent(f"content is not text (looks binary: {round(100 * controls / len(data))}% control bytes)")


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """Text and codec for UTF-16 without a BOM, recognised by NULs sitting on one byte parity."""
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    codec = "utf-16-le" if odd > 4 * max(even, 1) else "utf-16-be" if even > 4 * max(odd, 1) else None
    if codec is None:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return (text, codec) if _control_share(text) <= _CONTROL_HEAVY else None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with its few invalid bytes replaced, when valid multi-byte characters dominate."""
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd")
    invalid = replaced - data.count("\ufffd".encode("utf-8"))
    valid_non_ascii = len(text) - len(text.encode("ascii", "ignore")) - replaced
    return text if valid_non_ascii >= 10 * invalid else None


def _detect_legacy(data: bytes) -> tuple[str, str]:
    """Ask charset-normalizer which legacy code page fits best; break ties by LEGACY_ENCODINGS order."""
    matches = list(from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)))
    if not matches:
        raise BinaryContent("content is not text in any known encoding")
    best = min((m.chaos, -m.coherence) for m in matches)
    tied = [m for m in matches if (m.chaos, -m.coherence) == best]
    names = {name for m in tied for name in m.could_be_from_charset}
    encoding = next(name for name in LEGACY_ENCODINGS + tuple(sorted(names)) if name in names)
    return _checked(data.decode(encoding, errors="replace")), encoding


def _checked(text: str) -> str:
    """Return `text`, or raise BinaryContent if control characters make up too much of it."""
    share = _control_share(text)
    if share > _CONTROL_HEAVY:
        raise BinaryContent(f"content is not text (looks binary: {round(100 * share)}% control bytes)")
    return text


def _control_share(text: str) -> float:
    """Share of non-NUL characters that are control characters other than tab, LF, CR and form feed."""
    size = len(text) - text.count("\x00")
    return len(_CONTROL_CHARS.findall(text)) / size if size else 0.0
