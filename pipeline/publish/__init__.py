"""The publish stage: build the typed tables and write them as Parquet."""

from pipeline.publish.parquet import read_parquet, to_arrow, write_arrow_atomic, write_parquet_atomic
from pipeline.publish.tables import (
    CLAIMS_SORT,
    articles_frame,
    claim_id,
    claim_rows,
    claims_frame,
    rejected_frame,
    sort_articles,
    sort_claims,
    sort_rejected,
)

__all__ = [
    "CLAIMS_SORT",
    "articles_frame",
    "claim_id",
    "claim_rows",
    "claims_frame",
    "read_parquet",
    "rejected_frame",
    "sort_articles",
    "sort_claims",
    "sort_rejected",
    "to_arrow",
    "write_arrow_atomic",
    "write_parquet_atomic",
]
