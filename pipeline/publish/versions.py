"""Release version strings: semantic versions MAJOR.MINOR.PATCH with an optional pre-release, and their order."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_NUMBER = r"(?:0|[1-9][0-9]*)"
_IDENTIFIER = r"(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)"
# Semantic Versioning 2.0.0 without build metadata; ASCII only, so nothing can name another folder.
_SEMVER = re.compile(rf"({_NUMBER})\.({_NUMBER})\.({_NUMBER})(?:-({_IDENTIFIER}(?:\.{_IDENTIFIER})*))?")


@dataclass(frozen=True, order=False)
class Version:
    """A parsed release version; `key` orders versions by semantic-version precedence."""

    text: str
    major: int
    minor: int
    patch: int
    prerelease: tuple[str, ...] = ()

    @property
    def key(self) -> tuple:
        # A release sorts after its pre-releases; numeric identifiers sort before alphanumeric ones.
        pre = tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in self.prerelease)
        return (self.major, self.minor, self.patch, 0 if self.prerelease else 1, pre)

    def __str__(self) -> str:
        return self.text


def parse_version(text: str) -> Version:
    """The Version written as `text`, or ValueError saying what a version looks like."""
    match = _SEMVER.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        prefixed = isinstance(text, str) and text[:1] in "vV" and _SEMVER.fullmatch(text[1:])
        hint = f"; write {text[1:]}, without the v" if prefixed else ""
        raise ValueError(
            f"invalid version {text!r}: use a semantic version MAJOR.MINOR.PATCH with an optional "
            f"pre-release, such as 1.2.0 or 0.1.0-rc.1{hint}"
        )
    major, minor, patch, pre = match.groups()
    return Version(text, int(major), int(minor), int(patch), tuple(pre.split(".")) if pre else ())


def is_version(text: str) -> bool:
    try:
        parse_version(text)
    except ValueError:
        return False
    return True


def previous_version(names: Iterable[str], version: Version) -> Version | None:
    """The highest version among `names` (others ignored) that sorts below `version`, or None."""
    earlier = [v for v in (parse_version(n) for n in names if is_version(n)) if v.key < version.key]
    return max(earlier, key=lambda v: v.key, default=None)
