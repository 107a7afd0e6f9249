"""Reading YAML front matter without moving it: metadata plus the offset where the body starts."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

import yaml
from frontmatter.default_handlers import YAMLHandler


class FrontMatter(NamedTuple):
    """Front matter metadata, the body's offset in the original text, and parse warnings."""

    metadata: dict[str, Any]
    body_start: int
    warnings: tuple[str, ...]


class _Loader(yaml.SafeLoader):
    """Safe YAML loader that keeps impossible dates such as 2025-13-45 as strings."""


def _timestamp(loader: _Loader, node: yaml.Node) -> Any:
    """Build a date or datetime, falling back to the plain string when the value is impossible."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)

_HANDLER = YAMLHandler()
_KINDS = {list: "a list", str: "plain text", int: "a number", float: "a number", bool: "a yes/no value"}
_NO_FRONT_MATTER = FrontMatter({}, 0, ())


def parse_front_matter(text: str) -> FrontMatter:
    """Parse a `---` fenced YAML block at the very start of `text`.

    Malformed front matter never loses the body: with a closing fence the body starts after
    it, without one the whole text is body; either way a warning says what went wrong.
    """
    if not _HANDLER.detect(text):
        return _NO_FRONT_MATTER
    opening_end = text.find("\n")
    closing = _HANDLER.FM_BOUNDARY.search(text, opening_end + 1) if opening_end != -1 else None
    if closing is None:
        return FrontMatter({}, 0, (_warning("no closing '---' line"),))
    closing_end = text.find("\n", closing.start())
    body_start = len(text) if closing_end == -1 else closing_end + 1
    block = text[opening_end + 1 : closing.start()]
    try:
        metadata = _HANDLER.load(block, Loader=_Loader)
    except yaml.YAMLError as exc:
        lines = _key_value_lines(block)
        if lines:
            # "title: Drones, bombs and Iskanders: what officials said" is not valid YAML, but a
            # person reads it as a title: keep each "key: value" line as written
            reason = f"front matter is not valid YAML ({_yaml_reason(exc)}); read it line by line as 'key: value'"
            return FrontMatter(lines, body_start, (reason,))
        return FrontMatter({}, body_start, (_warning(_yaml_reason(exc)),))
    if metadata is None:
        return FrontMatter({}, body_start, ())
    if not isinstance(metadata, dict):
        found = _KINDS.get(type(metadata), f"a {type(metadata).__name__}")
        reason = f"expected 'key: value' lines, found {found}"
        return FrontMatter({}, body_start, (_warning(reason),))
    return FrontMatter(metadata, body_start, ())


_KEY_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")


def _key_value_lines(block: str) -> dict[str, str]:
    """Each 'key: value' line of a block, split at the first colon; empty when any line is not one."""
    out: dict[str, str] = {}
    for line in block.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _KEY_LINE.match(line)
        if m is None or m.group(2)[:1] in tuple("[{&*!|>%@`"):
            return {}  # not plain "key: value" text: genuinely malformed
        value = m.group(2)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        out[m.group(1)] = value
    return out


def _warning(reason: str) -> str:
    """The warning attached to an article whose front matter was set aside."""
    return f"front matter could not be parsed: {reason}; kept the body"


def _yaml_reason(exc: yaml.YAMLError) -> str:
    """A one-line reason for a YAML error, with the line number in the file when known."""
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem:
        mark = exc.problem_mark
        return f"{exc.problem} (line {mark.line + 2})" if mark else exc.problem
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
