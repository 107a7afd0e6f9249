"""The `rejected` table: one row per input file set aside, and why."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing.pandas import Series

from schemas import vocab
from schemas.checks import RELATIVE_PATH_CHECK, String, hex16, is_set, is_value, relative_posix_path, rule, vocabulary


class RejectedSchema(pa.DataFrameModel):
    """Rejected files: inputs that did not become articles."""

    source_file: Series[String] = pa.Field(
        str_length={"min_value": 1},
        description="The rejected file as a POSIX path relative to the input root.",
    )
    reason: Series[String] = vocabulary(
        vocab.REJECT_REASONS,
        "REJECT_REASONS",
        description=(
            "Why the file was set aside: binary, empty, too_large, outside_root, duplicate, "
            "unreadable or extraction_error."
        ),
    )
    detail: Series[String] = pa.Field(
        str_length={"min_value": 1},
        description="One sentence explaining the rejection to a person.",
    )
    duplicate_of: Series[String] = hex16(
        nullable=True,
        description="For duplicates, the article_id (16 lowercase hex digits) of the copy that was kept; null otherwise.",
    )

    class Config:
        title = "Rejected files"
        description = "One row per input file that did not become an article, with the reason and a readable detail."
        strict = True
        ordered = True
        coerce = True

    @pa.check("source_file", **RELATIVE_PATH_CHECK)
    def source_file_is_relative(cls, series: Series[String]) -> Series[bool]:
        return relative_posix_path(series)

    @rule(
        "duplicate_of_iff_duplicate",
        "duplicate_of is set exactly when reason is duplicate",
        ["reason", "duplicate_of"],
    )
    def duplicate_of_iff_duplicate(cls, df: pd.DataFrame) -> Series[bool]:
        """Only duplicates point at the kept copy, and every duplicate does."""
        return is_value(df["reason"], "duplicate") == is_set(df["duplicate_of"])
