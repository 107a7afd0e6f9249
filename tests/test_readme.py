"""The README's column tables are generated from the schemas, so they cannot drift from them.

Run `python -m tests.test_readme` in the repository root to rewrite the README's tables after a schema change.
"""

import re
from pathlib import Path

from schemas import TABLES, dictionary

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCK = re.compile(r"(<!-- tables:start[^\n]*-->\n)(.*?)(<!-- tables:end -->)", re.S)


def tables_markdown() -> str:
    """Each table's data dictionary, its heading one level below the README's section."""
    return "\n".join("#" + dictionary.markdown(name) for name in TABLES)


def readme_block(text: str) -> str:
    match = BLOCK.search(text)
    assert match, "README.md has no <!-- tables:start --> ... <!-- tables:end --> block"
    return match.group(2)


def test_readme_tables_match_the_schemas():
    assert readme_block(README.read_text(encoding="utf-8")) == tables_markdown(), (
        "README.md's tables are out of date: run .venv/bin/python -m tests.test_readme"
    )


def test_readme_lists_every_column():
    block = readme_block(README.read_text(encoding="utf-8"))
    for name, model in TABLES.items():
        for column in model.to_schema().columns:
            assert f"| `{column}` |" in block, (name, column)


if __name__ == "__main__":
    text = README.read_text(encoding="utf-8")
    README.write_text(BLOCK.sub(lambda m: m.group(1) + tables_markdown() + m.group(3), text, count=1), encoding="utf-8")
