"""The `claims` table: one row per claim coded from an article, per the annotation guide."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.typing.pandas import DataFrame, Series

from schemas import vocab
from schemas.checks import (
    RELATIVE_PATH_CHECK,
    Date,
    String,
    country_code,
    hex16,
    is_set,
    is_value,
    relative_posix_path,
    rule,
    subdivision_code,
    vocabulary,
)


class ClaimsSchema(pa.DataFrameModel):
    """Claims: who says how many munitions were launched, intercepted, suppressed or hit, or which settlement was captured."""

    claim_id: Series[String] = hex16(
        unique=True,
        description=(
            "Stable identifier of the claim: the first 16 lowercase hex digits of a SHA-256 over "
            "the article id, the evidence offsets and the claim's coded fields."
        ),
    )
    article_id: Series[String] = hex16(
        description="Identifier of the article the claim comes from (16 lowercase hex digits; see the articles table).",
    )
    source_file: Series[String] = pa.Field(
        str_length={"min_value": 1},
        description="The article's file as a POSIX path relative to the input root.",
    )
    action: Series[String] = vocabulary(
        vocab.ACTIONS,
        "ACTIONS",
        description=(
            "What the claim says happened: launched, intercepted (shot down), suppressed "
            "(electronic warfare), hit (reached a target) or captured (a settlement)."
        ),
    )
    count: Series[pd.Int64Dtype] = pa.Field(
        ge=0,
        nullable=True,
        description=(
            "The number of munitions or aircraft claimed; null when no number is stated "
            "(qualifier unspecified) and for captures."
        ),
    )
    count_qualifier: Series[String] = vocabulary(
        vocab.COUNT_QUALIFIERS,
        "COUNT_QUALIFIERS",
        nullable=True,
        description=(
            "How the count is stated: exact, at_least, at_most, approximately, or unspecified "
            "(a quantifier such as 'several'); null for captures."
        ),
    )
    munition_class: Series[String] = vocabulary(
        vocab.MUNITION_CLASSES,
        "MUNITION_CLASSES",
        nullable=True,
        description=(
            "Kind of munition or aircraft counted (e.g. uav, cruise_missile; mixed for one count "
            "over several kinds); null for captures."
        ),
    )
    munition_model: Series[String] = vocabulary(
        vocab.MUNITION_MODELS,
        "MUNITION_MODELS",
        nullable=True,
        description=(
            "Canonical model name (e.g. Shahed-136, Kh-101) when every counted item is that model; "
            "null when several or no models are named, and for captures."
        ),
    )
    attacker: Series[String] = country_code(
        nullable=True,
        description=(
            "ISO 3166-1 alpha-2 code of the side that launched the munitions, flew the aircraft or "
            "captured the settlement; null when not stated."
        ),
    )
    claimant: Series[String] = pa.Field(
        nullable=True,
        description=(
            "Canonical name of who makes the claim (e.g. 'Russian Ministry of Defence'), not the "
            "outlet repeating it; null when no claimant is stated."
        ),
    )
    claimant_kind: Series[String] = vocabulary(
        vocab.CLAIMANT_KINDS,
        "CLAIMANT_KINDS",
        nullable=True,
        description="Kind of claimant (e.g. ministry_of_defence, air_force, regional_official); null when unknown.",
    )
    claimant_country: Series[String] = country_code(
        nullable=True,
        description="ISO 3166-1 alpha-2 code of the claimant's country; null when unknown.",
    )
    location_admin1: Series[String] = subdivision_code(
        nullable=True,
        description=(
            "ISO 3166-2 code of the first-level region where it happened (e.g. RU-BEL, UA-43 for "
            "Crimea); null when no region is stated."
        ),
    )
    location_country: Series[String] = country_code(
        nullable=True,
        description="ISO 3166-1 alpha-2 code of the country where it happened; null when not stated.",
    )
    location_name: Series[String] = pa.Field(
        nullable=True,
        description=(
            "Finest named place below region level (a town, village, airport, base or sea), "
            "English spelling; null when none is named."
        ),
    )
    latitude: Series[np.float64] = pa.Field(
        in_range={"min_value": -90.0, "max_value": 90.0},
        nullable=True,
        description="Latitude of the location in decimal degrees (WGS 84), at location_precision; null without coordinates.",
    )
    longitude: Series[np.float64] = pa.Field(
        in_range={"min_value": -180.0, "max_value": 180.0},
        nullable=True,
        description="Longitude of the location in decimal degrees (WGS 84), at location_precision; null without coordinates.",
    )
    location_precision: Series[String] = vocabulary(
        vocab.LOCATION_PRECISIONS,
        "LOCATION_PRECISIONS",
        description=(
            "Finest level the location is known at: settlement (a named place below region level: "
            "town, village, base, sea), admin1, country, or none."
        ),
    )
    event_date: Series[Date] = pa.Field(
        nullable=True,
        description="Calendar day the event happened (date, YYYY-MM-DD) as fixed by the text and the published date; null when not fixed.",
    )
    evidence: Series[String] = pa.Field(
        str_length={"min_value": 1},
        description="The sentence of the article that states the claim, quoted verbatim.",
    )
    evidence_start: Series[np.int64] = pa.Field(
        ge=0,
        description="Offset (in Unicode code points, 0-based) where the evidence starts in the article's decoded text.",
    )
    evidence_end: Series[np.int64] = pa.Field(
        gt=0,
        description="Offset (in Unicode code points, exclusive) where the evidence ends in the article's decoded text.",
    )
    extractor_version: Series[String] = pa.Field(
        str_length={"min_value": 1},
        description="Version of the extractor that produced the claim.",
    )

    class Config:
        title = "Claims"
        description = (
            "One row per claim coded from an article: who says how many munitions or aircraft were "
            "launched, intercepted, suppressed or hit, or which settlement was captured, where and "
            "when, with the sentence that states it."
        )
        strict = True
        ordered = True
        coerce = True

    @pa.check("source_file", **RELATIVE_PATH_CHECK)
    def source_file_is_relative(cls, series: Series[String]) -> Series[bool]:
        return relative_posix_path(series)

    @rule(
        "capture_has_no_count",
        "a capture (action captured) has no count and no count_qualifier",
        ["action", "count", "count_qualifier"],
    )
    def capture_has_no_count(cls, df: pd.DataFrame) -> Series[bool]:
        """A capture has no count and no count qualifier."""
        captured = is_value(df["action"], "captured")
        return ~captured | (~is_set(df["count"]) & ~is_set(df["count_qualifier"]))

    @rule(
        "capture_has_no_munition",
        "a capture (action captured) has no munition_class and no munition_model",
        ["action", "munition_class", "munition_model"],
    )
    def capture_has_no_munition(cls, df: pd.DataFrame) -> Series[bool]:
        """A capture has no munition class and no munition model."""
        captured = is_value(df["action"], "captured")
        return ~captured | (~is_set(df["munition_class"]) & ~is_set(df["munition_model"]))

    @rule(
        "capture_names_settlement",
        "a capture (action captured) names the settlement in location_name",
        ["action", "location_name"],
    )
    def capture_names_settlement(cls, df: pd.DataFrame) -> Series[bool]:
        """A capture names the captured settlement."""
        return ~is_value(df["action"], "captured") | is_set(df["location_name"])

    @rule(
        "non_capture_has_count_qualifier",
        "a launch, interception, suppression or hit has a count_qualifier",
        ["action", "count_qualifier"],
    )
    def non_capture_has_count_qualifier(cls, df: pd.DataFrame) -> Series[bool]:
        """Every claim other than a capture says how its count is qualified."""
        return is_value(df["action"], "captured") | is_set(df["count_qualifier"])

    @rule(
        "non_capture_has_munition_class",
        "a launch, interception, suppression or hit has a munition_class",
        ["action", "munition_class"],
    )
    def non_capture_has_munition_class(cls, df: pd.DataFrame) -> Series[bool]:
        """Every claim other than a capture says what kind of munition it counts."""
        return is_value(df["action"], "captured") | is_set(df["munition_class"])

    @rule(
        "count_null_iff_unspecified",
        "count is null exactly when count_qualifier is unspecified (captures aside)",
        ["action", "count", "count_qualifier"],
    )
    def count_null_iff_unspecified(cls, df: pd.DataFrame) -> Series[bool]:
        """Outside captures, the count is null exactly when the qualifier is unspecified."""
        unspecified = is_value(df["count_qualifier"], "unspecified")
        return is_value(df["action"], "captured") | (~is_set(df["count"]) == unspecified)

    @rule(
        "evidence_span_ordered",
        "evidence_end is greater than evidence_start",
        ["evidence_start", "evidence_end"],
    )
    def evidence_span_ordered(cls, df: pd.DataFrame) -> Series[bool]:
        """The evidence span is not empty."""
        return (df["evidence_end"] > df["evidence_start"]).fillna(False).astype(bool)

    @rule(
        "evidence_span_matches_text",
        "evidence_end - evidence_start equals the length of evidence",
        ["evidence", "evidence_start", "evidence_end"],
    )
    def evidence_span_matches_text(cls, df: pd.DataFrame) -> Series[bool]:
        """The evidence offsets span exactly the quoted evidence."""
        span = df["evidence_end"] - df["evidence_start"]
        return (span == df["evidence"].str.len()).fillna(False).astype(bool)

    @rule(
        "admin1_in_location_country",
        "the country prefix of location_admin1 equals location_country",
        ["location_admin1", "location_country"],
    )
    def admin1_in_location_country(cls, df: pd.DataFrame) -> Series[bool]:
        """A region lies in the stated country (UA-43 goes with UA)."""
        admin1, country = df["location_admin1"], df["location_country"]
        prefix = admin1.str.split("-", n=1).str[0]
        both = is_set(admin1) & is_set(country)
        return ~both | (prefix == country).fillna(False).astype(bool)

    @rule(
        "coordinates_paired",
        "latitude and longitude are both set or both null",
        ["latitude", "longitude"],
    )
    def coordinates_paired(cls, df: pd.DataFrame) -> Series[bool]:
        """Coordinates come in pairs."""
        return is_set(df["latitude"]) == is_set(df["longitude"])

    @rule(
        "location_precision_consistent",
        "location_precision matches the location fields: settlement needs location_name, "
        "admin1 needs location_admin1, country needs location_country, none has no location or coordinates",
        [
            "location_precision",
            "location_name",
            "location_admin1",
            "location_country",
            "latitude",
            "longitude",
        ],
    )
    def location_precision_consistent(cls, df: pd.DataFrame) -> Series[bool]:
        """The precision agrees with the location fields that are set."""
        precision = df["location_precision"]
        name, admin1, country = (
            is_set(df["location_name"]),
            is_set(df["location_admin1"]),
            is_set(df["location_country"]),
        )
        coords = is_set(df["latitude"]) | is_set(df["longitude"])
        ok = pd.Series(True, index=df.index)
        ok &= ~is_value(precision, "settlement") | name
        ok &= ~is_value(precision, "admin1") | admin1
        ok &= ~is_value(precision, "country") | country
        ok &= ~is_value(precision, "none") | ~(name | admin1 | country | coords)
        return ok


def evidence_outside_article(
    claims: DataFrame[ClaimsSchema] | pd.DataFrame, articles: pd.DataFrame
) -> pd.DataFrame:
    """Claim rows whose article is missing from `articles` or whose evidence ends past its text.

    A relational check across the claims and articles tables; returns the offending claim
    rows with their original index (empty when every claim points inside its article).
    """
    n_chars = articles.drop_duplicates("article_id").set_index("article_id")["n_chars"]
    article_len = pd.to_numeric(claims["article_id"].map(n_chars), errors="coerce")
    known = article_len.notna().astype(bool)
    ends = pd.to_numeric(claims["evidence_end"], errors="coerce")
    beyond = (ends > article_len).fillna(False).astype(bool)
    return claims.loc[~known | beyond]
