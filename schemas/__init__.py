"""Pandera models of the published tables, and a registry of them by table name."""

from schemas.articles import ArticlesSchema
from schemas.claims import ClaimsSchema, evidence_outside_article
from schemas.rejected import RejectedSchema

TABLES = {
    "articles": ArticlesSchema,
    "claims": ClaimsSchema,
    "rejected": RejectedSchema,
}

__all__ = [
    "TABLES",
    "ArticlesSchema",
    "ClaimsSchema",
    "RejectedSchema",
    "evidence_outside_article",
]
