"""Build the published tables from the pipeline's model objects.

Each builder collects values column by column and returns a frame with exactly its
schema's columns, in order, with the schema's dtypes (taken from the Pandera model, so the
two cannot disagree), sorted in the table's canonical order with a fresh RangeIndex.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd

from schemas import ArticlesSchema, ClaimsSchema, RejectedSchema
from schemas.articles import SAMPLE_SOURCE

if TYPE_CHECKING:  # only read attributes: publish needs neither stage at runtime
    from pipeline.extract.model import Claim
    from pipeline.ingest.model import Article, Rejection

CLAIMS_SORT = ["source_file", "evidence_start", "evidence_end", "action", "claim_id"]
ARTICLES_SORT = ["source_file"]
REJECTED_SORT = ["source_file", "reason"]

# Fields hashed into claim_id, in this order (see claim_id()).
CLAIM_ID_VERSION = "counterclaim-claim-id/1"
CLAIM_ID_FIELDS: tuple[str, ...] = (
    "evidence_start",
    "evidence_end",
    "action",
    "count",
    "count_qualifier",
    "munition_class",
    "munition_model",
    "attacker",
    "claimant",
    "claimant_kind",
    "claimant_country",
    "location_admin1",
    "location_country",
    "location_name",
    "event_date",
    "evidence",
)


def _dtypes(model: Any) -> dict[str, Any]:
    return {name: col.dtype.type for name, col in model.to_schema().columns.items()}


ARTICLES_DTYPES = _dtypes(ArticlesSchema)
CLAIMS_DTYPES = _dtypes(ClaimsSchema)
REJECTED_DTYPES = _dtypes(RejectedSchema)


def _frame(values: Mapping[str, list[Any]], dtypes: Mapping[str, Any]) -> pd.DataFrame:
    """A frame with the columns of `dtypes`, in order, each built from one list."""
    return pd.DataFrame(
        {name: pd.Series(values[name], dtype=dtype) for name, dtype in dtypes.items()},
        columns=list(dtypes),
    )


def _sorted(df: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    return df.sort_values(by, kind="mergesort", na_position="last").reset_index(drop=True)


def sort_claims(df: pd.DataFrame) -> pd.DataFrame:
    """Claims in canonical order: (source_file, evidence_start, evidence_end, action, claim_id)."""
    return _sorted(df, CLAIMS_SORT)


def sort_articles(df: pd.DataFrame) -> pd.DataFrame:
    """Articles in canonical order: by source_file."""
    return _sorted(df, ARTICLES_SORT)


def sort_rejected(df: pd.DataFrame) -> pd.DataFrame:
    """Rejected files in canonical order: by (source_file, reason)."""
    return _sorted(df, REJECTED_SORT)


def articles_frame(articles: Iterable[Article]) -> pd.DataFrame:
    """The articles table: one row per Article, sorted by source_file."""
    cols: dict[str, list[Any]] = {name: [] for name in ARTICLES_DTYPES}
    for a in articles:
        cols["article_id"].append(a.article_id)
        cols["source_file"].append(a.source_file)
        cols["title"].append(a.title)
        cols["source"].append(a.source)
        cols["url"].append(a.url)
        cols["published"].append(a.published)
        cols["language"].append(a.language)
        cols["n_chars"].append(len(a.text))
        cols["encoding"].append(a.encoding)
        cols["warnings"].append("; ".join(a.warnings) if a.warnings else None)
        cols["is_sample"].append(a.source == SAMPLE_SOURCE)
    return sort_articles(_frame(cols, ARTICLES_DTYPES))


def rejected_frame(rejections: Iterable[Rejection]) -> pd.DataFrame:
    """The rejected table: one row per Rejection, sorted by (source_file, reason)."""
    cols: dict[str, list[Any]] = {name: [] for name in REJECTED_DTYPES}
    for r in rejections:
        cols["source_file"].append(r.source_file)
        cols["reason"].append(r.reason)
        cols["detail"].append(r.detail)
        cols["duplicate_of"].append(r.duplicate_of)
    return sort_rejected(_frame(cols, REJECTED_DTYPES))


def plain_value(value: Any) -> Any:
    """A JSON-ready scalar: nulls to None, numpy/pandas numbers to int/float, dates to ISO text."""
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, pd.Timestamp | dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return value
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _get(claim: Claim | Mapping[str, Any], name: str) -> Any:
    return claim[name] if isinstance(claim, Mapping) else getattr(claim, name)


def claim_id(article_id: str, claim: Claim | Mapping[str, Any]) -> str:
    """A deterministic id for a claim: first 16 hex digits of a SHA-256.

    The hashed text is the compact JSON array (UTF-8, no ASCII escaping, separators "," and
    ":") of CLAIM_ID_VERSION, the article_id, then the values of CLAIM_ID_FIELDS in that
    order: the evidence offsets (position), then the coded fields and the evidence (content).
    Nulls are null, counts and offsets integers, event_date "YYYY-MM-DD". Coordinates and
    location_precision are left out: they are looked up from the coded location, so a
    gazetteer update does not renumber claims.
    """
    payload = [CLAIM_ID_VERSION, article_id, *(plain_value(_get(claim, f)) for f in CLAIM_ID_FIELDS)]
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def claim_rows(article: Article, claims: Iterable[Claim], extractor_version: str) -> Iterable[dict[str, Any]]:
    """The claims of one article as row dicts for claims_frame()."""
    for claim in claims:
        row = claim.as_dict()
        row.update(
            article_id=article.article_id,
            source_file=article.source_file,
            extractor_version=extractor_version,
        )
        yield row


def claims_frame(
    rows: Iterable[Mapping[str, Any] | tuple[Article, Claim]],
    extractor_version: str | None = None,
) -> pd.DataFrame:
    """The claims table, sorted with sort_claims().

    `rows` are dicts with the Claim fields plus article_id, source_file and
    extractor_version (claim_id is computed when absent), or (Article, Claim) pairs, which
    take `extractor_version` from the argument. `extractor_version` also fills dicts that
    lack one.
    """
    cols: dict[str, list[Any]] = {name: [] for name in CLAIMS_DTYPES}
    for row in rows:
        if isinstance(row, tuple):
            article, claim = row
            row = {
                **claim.as_dict(),
                "article_id": article.article_id,
                "source_file": article.source_file,
                "extractor_version": extractor_version,
            }
        version = plain_value(row.get("extractor_version")) or extractor_version
        if not version:
            raise ValueError(f"claim row without extractor_version: {row.get('source_file')!r}")
        cid = plain_value(row.get("claim_id")) or claim_id(row["article_id"], row)
        for name in CLAIMS_DTYPES:
            if name == "claim_id":
                cols[name].append(cid)
            elif name == "extractor_version":
                cols[name].append(version)
            else:
                cols[name].append(row[name])
    return sort_claims(_frame(cols, CLAIMS_DTYPES))
