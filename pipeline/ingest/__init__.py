"""Ingest: every article file under an input root becomes an Article or a Rejection."""

from .article import load_article
from .collect import ingest
from .errors import IngestError
from .model import Article, Rejection

__all__ = ["Article", "IngestError", "Rejection", "ingest", "load_article"]
