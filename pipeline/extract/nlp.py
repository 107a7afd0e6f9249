"""Build the spaCy pipeline: blank English, the segmenter and the vocabulary matcher.

Everything is rule-based and ships with the package, so nothing is downloaded at run time.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from . import matchers, segment, settlements  # noqa: F401  (registers the components)


def build_nlp() -> Language:
    """A fresh pipeline; building it compiles every vocabulary, so reuse it."""
    nlp = spacy.blank("en")
    nlp.add_pipe("counterclaim_segmenter")
    nlp.add_pipe("counterclaim_vocabulary")
    settlements.warm()  # the spelling index the claim rules consult, built once with the rest
    return nlp


@lru_cache(maxsize=1)
def shared_nlp() -> Language:
    """One pipeline per process."""
    return build_nlp()
