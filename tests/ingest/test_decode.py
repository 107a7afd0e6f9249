"""decode(): encodings recognised, binary refused, text normalised."""

from __future__ import annotations

import codecs
import random
import zipfile
from io import BytesIO

import pytest

from pipeline.ingest.decode import decode, normalise
from pipeline.ingest.errors import BinaryContent

UKRAINIAN = "Сили ППО збили 42 дрони над Києвом, повідомили в штабі."
CURLY = "The minister said: “We shot down 42 drones” — repairs cost 5 € per metre, he added."
ACCENTED = "Les forces armées ont déclaré que la défense aérienne a détruit les missiles à Kharkiv."


def zip_bytes() -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", "hello " * 100)
    return buffer.getvalue()


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (UKRAINIAN.encode("utf-8"), UKRAINIAN, "utf-8"),
        (codecs.BOM_UTF8 + UKRAINIAN.encode("utf-8"), UKRAINIAN, "utf-8-sig"),
        (codecs.BOM_UTF16_LE + UKRAINIAN.encode("utf-16-le"), UKRAINIAN, "utf-16"),
        (codecs.BOM_UTF16_BE + UKRAINIAN.encode("utf-16-be"), UKRAINIAN, "utf-16"),
        (b"plain ascii", "plain ascii", "utf-8"),
        (b"", "", "utf-8"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "ascii", "empty"],
)
def test_unicode_encodings(data, text, encoding):
    assert decode(data) == (text, encoding)


@pytest.mark.parametrize(
    ("text", "codec"),
    [(CURLY, "cp1252"), (ACCENTED, "latin-1"), (UKRAINIAN, "cp1251"), (UKRAINIAN, "koi8_u")],
)
def test_legacy_single_byte_encodings(text, codec):
    decoded, encoding = decode(text.encode(codec))
    assert decoded == text
    assert encoding not in ("utf-8", "utf-8-sig", "utf-16")
    assert text.encode(codec).decode(encoding) == text


def test_cp1252_is_named_for_curly_quotes_and_euro():
    assert decode(CURLY.encode("cp1252"))[1] == "cp1252"


def test_utf16_without_bom_is_recognised_by_its_nuls():
    assert decode("Forty drones were shot down overnight.".encode("utf-16-le")) == (
        "Forty drones were shot down overnight.",
        "utf-16-le",
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (PNG, "PNG image"),
        (zip_bytes(), "zip archive"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
        (random.Random(7).randbytes(4096), "looks binary"),
        (bytes(range(1, 32)) * 40, "looks binary"),
        (b"text" + b"\x00" * 200 + random.Random(3).randbytes(100), "looks binary"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8a", "not valid UTF-16"),
    ],
    ids=["png", "zip", "pdf", "random", "control-soup", "nul-heavy", "broken-utf-16"],
)
def test_binary_content_is_refused(data, message):
    with pytest.raises(BinaryContent, match=message):
        decode(data)


def test_binary_message_gives_the_control_share():
    with pytest.raises(BinaryContent, match=r"\(looks binary: \d+% control bytes\)"):
        decode(bytes(range(1, 32)) * 40)


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"one\r\ntwo\rthree\n", "one\ntwo\nthree\n"),
        (b"Forty\x00 drones were\x00 shot down over\x00night.", "Forty drones were shot down overnight."),
        ("cafe\u0301".encode("utf-8"), "caf\u00e9"),
        (codecs.BOM_UTF16_LE + "a\r\nb\x00".encode("utf-16-le"), "a\nb"),
    ],
    ids=["crlf-and-cr", "stray-nuls", "nfc", "utf-16-normalised"],
)
def test_normalisation(data, text):
    assert decode(data)[0] == text


def test_stray_nuls_in_legacy_text_are_removed_not_binary():
    data = CURLY.encode("cp1252").replace(b" ", b" \x00", 3)
    assert decode(data) == (CURLY, "cp1252")


def test_mostly_utf8_with_one_bad_byte_stays_utf8():
    text, encoding = decode(UKRAINIAN.encode("utf-8") + b" \xff")
    assert encoding == "utf-8"
    assert text == UKRAINIAN + " \ufffd"


def test_normalise_drops_a_leading_bom():
    assert normalise("\ufeffabc\r\n") == "abc\n"
