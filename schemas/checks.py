"""Building blocks shared by the table models: dtypes, code lists and named checks."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import Annotated, Any

import pandas as pd
import pandera.pandas as pa
import pyarrow
import pycountry

# Dtypes of the published tables. Strings use pandas' nullable string dtype (nulls are
# pd.NA, Parquet type string); dates are Arrow date32 so they stay calendar dates in
# Parquet, pandas, DuckDB, R and Spark instead of turning into timestamps.
String = pd.StringDtype
Date = Annotated[pd.ArrowDtype, pyarrow.date32()]

# Hex identifiers: 16 lowercase hex digits (a truncated SHA-256).
HEX16_PATTERN = r"^[0-9a-f]{16}\Z"

# Valid ISO codes, read once from pycountry.
COUNTRY_CODES: tuple[str, ...] = tuple(sorted(c.alpha_2 for c in pycountry.countries))
SUBDIVISION_CODES: tuple[str, ...] = tuple(sorted(s.code for s in pycountry.subdivisions))


def hex16(**kwargs: Any) -> Any:
    """A Field for a 16-hex-digit identifier."""
    return pa.Field(
        str_matches={
            "pattern": HEX16_PATTERN,
            "name": "hex16",
            "error": "must be 16 lowercase hexadecimal digits",
        },
        **kwargs,
    )


def country_code(**kwargs: Any) -> Any:
    """A Field holding an ISO 3166-1 alpha-2 country code known to pycountry."""
    return pa.Field(
        isin={
            "allowed_values": COUNTRY_CODES,
            "name": "iso_3166_1_alpha2",
            "error": "must be an ISO 3166-1 alpha-2 country code",
        },
        **kwargs,
    )


def subdivision_code(**kwargs: Any) -> Any:
    """A Field holding an ISO 3166-2 subdivision code known to pycountry."""
    return pa.Field(
        isin={
            "allowed_values": SUBDIVISION_CODES,
            "name": "iso_3166_2",
            "error": "must be an ISO 3166-2 subdivision code",
        },
        **kwargs,
    )


def vocabulary(values: Sequence[str], vocab_name: str, **kwargs: Any) -> Any:
    """A Field restricted to one of the annotation guide's vocabularies (schemas.vocab)."""
    return pa.Field(
        isin={
            "allowed_values": tuple(values),
            "name": "vocabulary",
            "error": f"must be one of vocab.{vocab_name}",
        },
        **kwargs,
    )


def _is_relative_posix_path(value: Any) -> bool:
    if not isinstance(value, str) or not value:
        return False
    if value.startswith(("/", "~")) or "\\" in value or "\x00" in value or "\n" in value:
        return False
    if re.match(r"^[A-Za-z]:", value):  # a Windows drive
        return False
    parts = value.split("/")
    return all(part not in ("", ".", "..") for part in parts)


def relative_posix_path(series: pd.Series) -> pd.Series:
    """True where the value is a normalised POSIX path below the input root (no /, .., \\)."""
    return series.map(_is_relative_posix_path).astype(bool)


RELATIVE_PATH_CHECK = {
    "name": "relative_posix_path",
    "error": "must be a normalised POSIX path relative to the input root",
}


def rule(name: str, error: str, columns: Sequence[str]) -> Callable:
    """Declare a row-wise table rule: a dataframe check returning one boolean per row.

    Nulls are handled by each rule itself (ignore_na=False), and the columns the rule
    reads are recorded in the check's statistics so reports and docs can show them. A rule
    whose columns are missing passes: the missing column is already reported on its own.
    """
    needed = tuple(columns)

    def decorate(fn: Callable) -> Any:
        @functools.wraps(fn)
        def check(cls: Any, df: pd.DataFrame) -> Any:
            if any(c not in df.columns for c in needed):
                return True
            return fn(cls, df)

        return pa.dataframe_check(
            name=name,
            error=error,
            ignore_na=False,
            statistics={"columns": needed},
        )(check)

    return decorate


def is_value(series: pd.Series, value: Any) -> pd.Series:
    """Null-safe equality: False where the series is null."""
    return series.eq(value).fillna(False).astype(bool)


def is_set(series: pd.Series) -> pd.Series:
    """Null test as a plain boolean Series."""
    return series.notna().astype(bool)


BUILTIN_CHECKS = frozenset(
    {
        "equal_to", "not_equal_to", "greater_than", "greater_than_or_equal_to", "less_than",
        "less_than_or_equal_to", "in_range", "isin", "notin", "str_matches", "str_contains",
        "str_startswith", "str_endswith", "str_length", "unique_values_eq",
    }
)


def check_kind(check: Any) -> str:
    """The built-in check a Check was made from (e.g. 'isin' for a renamed isin), else its name."""
    fn_name = getattr(getattr(check, "_check_fn", None), "__name__", None)
    return fn_name if fn_name in BUILTIN_CHECKS else check.name
