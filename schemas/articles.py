"""The `articles` table: one row per input file that became an article."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.typing.pandas import Series

from schemas.checks import RELATIVE_PATH_CHECK, Date, String, hex16, is_value, relative_posix_path, rule

SAMPLE_SOURCE = "Counterclaim sample"
"""Front-matter `source` of the invented sample articles shipped with the project."""


class ArticlesSchema(pa.DataFrameModel):
    """Articles: the news texts the claims were coded from."""

    article_id: Series[String] = hex16(
        unique=True,
        description="Identifier of the article: 16 lowercase hex digits of a hash of its normalised body text.",
    )
    source_file: Series[String] = pa.Field(
        unique=True,
        str_length={"min_value": 1},
        description="The article's file as a POSIX path relative to the input root.",
    )
    title: Series[String] = pa.Field(
        nullable=True,
        description="Headline from the front matter, else the first non-empty line; null when there is none.",
    )
    source: Series[String] = pa.Field(
        nullable=True,
        description="Publisher named in the front matter (e.g. a news agency); null when not given.",
    )
    url: Series[String] = pa.Field(
        nullable=True,
        description="Address of the original article from the front matter; null when not given.",
    )
    published: Series[Date] = pa.Field(
        nullable=True,
        description="Publication date from the front matter (date, YYYY-MM-DD); null when not given.",
    )
    language: Series[String] = pa.Field(
        nullable=True,
        description="Language code from the front matter (e.g. en); null when not given.",
    )
    n_chars: Series[np.int64] = pa.Field(
        gt=0,
        description="Length of the decoded text in Unicode code points; every claim offset lies within it.",
    )
    encoding: Series[String] = pa.Field(
        str_length={"min_value": 1},
        description="Character encoding the file was decoded from (e.g. utf-8).",
    )
    warnings: Series[String] = pa.Field(
        nullable=True,
        description="Problems met while reading the file, joined with '; '; null when there were none.",
    )
    is_sample: Series[bool] = pa.Field(
        description=(
            f"True for invented sample articles (front-matter source '{SAMPLE_SOURCE}'), "
            "which are not reporting and must never be published as such."
        ),
    )

    class Config:
        title = "Articles"
        description = (
            "One row per input file that became an article: its identifier, file, front-matter "
            "metadata, decoded length and encoding."
        )
        strict = True
        ordered = True
        coerce = True

    @pa.check("source_file", **RELATIVE_PATH_CHECK)
    def source_file_is_relative(cls, series: Series[String]) -> Series[bool]:
        return relative_posix_path(series)

    @rule(
        "is_sample_matches_source",
        f"is_sample is true exactly when source is '{SAMPLE_SOURCE}'",
        ["is_sample", "source"],
    )
    def is_sample_matches_source(cls, df: pd.DataFrame) -> Series[bool]:
        """Sample articles are exactly those whose source is the sample marker."""
        return df["is_sample"].astype(bool) == is_value(df["source"], SAMPLE_SOURCE)
