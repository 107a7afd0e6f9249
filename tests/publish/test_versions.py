"""Release versions: semantic versions only, ordered by semantic-version precedence."""

import pytest

from pipeline.publish.versions import parse_version, previous_version


def test_parse():
    v = parse_version("1.2.3-rc.1")
    assert (v.major, v.minor, v.patch, v.prerelease, str(v)) == (1, 2, 3, ("rc", "1"), "1.2.3-rc.1")


@pytest.mark.parametrize("text", ["1.2", "1.2.3.4", "v1.2.3", "1.02.3", "1.2.3-01", "1.2.3+meta", "1.2.3-a..b", "../1.2.3", "1.2.3 "])
def test_refused(text):
    with pytest.raises(ValueError, match="invalid version"):
        parse_version(text)


def test_precedence():
    texts = ["1.0.0", "1.0.0-rc.1", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta.11", "1.0.0-beta.2", "0.9.9", "1.10.0", "1.2.0"]
    ordered = sorted(texts, key=lambda t: parse_version(t).key)
    assert ordered == [
        "0.9.9", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta.2", "1.0.0-beta.11",
        "1.0.0-rc.1", "1.0.0", "1.2.0", "1.10.0",
    ]


def test_previous_version_is_the_highest_below():
    names = ["0.9.0", "1.0.0", "1.0.1-rc.1", "2.0.0", "notes", ".1.1.0.abc.tmp"]
    assert str(previous_version(names, parse_version("1.1.0"))) == "1.0.1-rc.1"
    assert str(previous_version(names, parse_version("1.0.0"))) == "0.9.0"
    assert previous_version(names, parse_version("0.1.0")) is None
