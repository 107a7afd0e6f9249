"""Published tables as CSV: UTF-8, comma-separated, a header row, empty cells for nulls.

Dates are written YYYY-MM-DD and booleans true/false, the Table Schema defaults, so the
datapackage's schema reads the file back with the model's types.
"""

from __future__ import annotations

import pandas as pd


def csv_bytes(df: pd.DataFrame) -> bytes:
    """The table as CSV bytes; an equal frame always gives the same bytes."""
    out = df.copy()
    for name in out.columns:
        if pd.api.types.is_bool_dtype(out[name].dtype):
            out[name] = out[name].map({True: "true", False: "false"}).astype(object)
    return out.to_csv(index=False, lineterminator="\n", na_rep="").encode("utf-8")
