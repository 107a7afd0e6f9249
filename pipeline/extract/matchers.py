"""The spaCy component that finds every vocabulary phrase in a Doc in one pass.

Munitions, places, claimants, side words, action triggers and cue words are all
matched with one PhraseMatcher (case-insensitive) plus one Matcher for phrases with
a gap ("shot it down"). Matches land in span groups named after their vocabulary,
each span labelled with its kind and carrying its canonical key in `kb_id_`.
"""

from __future__ import annotations


from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from . import lexicon
from .gazetteer import load_places, load_regions

GROUPS = ("munitions", "places", "claimants", "sides", "triggers", "cues")
REGION_WORDS = (
    "region", "regions", "oblast", "oblasts", "krai", "kray", "territory", "province",
    "republic", "voivodeship", "county", "governorate", "area",
)
SEP = "\x1f"


def phrase_table() -> list[tuple[str, str, str, str]]:
    """Every (group, label, key, phrase) the matcher looks for, built from the data files."""
    rows: list[tuple[str, str, str, str]] = []
    add = rows.append

    munitions = lexicon.load("munitions.yaml")
    for m in munitions["models"]:
        for alias in m["aliases"]:
            add(("munitions", "model", m["model"], alias))
    for t in munitions.get("types", []):
        for alias in t["aliases"]:
            add(("munitions", "type", t["name"], alias))
    for cls, nouns in munitions["nouns"].items():
        for noun in nouns:
            add(("munitions", "noun", cls, noun))
    for noun in munitions.get("not_heads", []):
        add(("munitions", "not_head", noun, noun))

    for region in load_regions().values():
        for name in region.bare_names:
            add(("places", "region_bare", region.code, name))
        for name in region.full_names:
            add(("places", "region_full", region.code, name))
    for index, place in enumerate(load_places()):
        for name in (place.name, *place.aliases):
            add(("places", "place", str(index), name))
    for word in REGION_WORDS:
        add(("places", "region_word", word, word))
    for code, names in lexicon.load("countries.yaml").items():
        for name in names:
            add(("places", "country", code, name))

    claimants = lexicon.load("claimants.yaml")
    sides = claimants["sides"]
    for index, inst in enumerate(claimants["institutions"]):
        for name in inst["names"]:
            add(("claimants", "institution", str(index), name))
            for side, words in sides.items():
                for word in words:
                    phrase = f"{name} {word}" if word.startswith("of ") else f"{word} {name}"
                    add(("claimants", "claimant", inst[side]["name"], phrase))
    for c in claimants["claimants"]:
        for alias in c.get("aliases", []):
            add(("claimants", "claimant", c["name"], alias))
        for person in c.get("people", []):
            add(("claimants", "person", c["name"], person))
    officials = claimants["regional_officials"]
    for index, entry in enumerate(officials["people"]):
        for person in entry["people"]:
            add(("claimants", "official", str(index), person))
    for role in officials["roles"]:
        add(("claimants", "role", "region", role))
    for role in officials["city_roles"]:
        add(("claimants", "role", "city", role))
    for role in officials.get("head_roles", []):
        add(("claimants", "role", "head", role))
    for side, entry in claimants["generic"].items():
        for word in entry["words"]:
            add(("claimants", "generic", side, word))
    for word in claimants.get("context_generic", []):
        add(("claimants", "generic_context", "", word))

    for side, words in lexicon.load("sides.yaml").items():
        for word in words:
            add(("sides", "side", side, word))

    for frame, phrases in lexicon.load("actions.yaml").items():
        for phrase in phrases:
            if "..." not in phrase:
                add(("triggers", frame, frame, phrase))

    cues = lexicon.load("cues.yaml")
    for label, phrases in cues.items():
        for phrase in phrases:
            add(("cues", label, label, phrase))
    numbers = lexicon.load("numbers.yaml")
    for qualifier, phrases in numbers["qualifiers"].items():
        for phrase in phrases:
            add(("cues", "qualifier", qualifier, phrase))
    for phrase in numbers["vague"]:
        add(("cues", "vague", "unspecified", phrase))
    return rows


def gap_patterns() -> list[tuple[str, list[dict]]]:
    """Trigger phrases written with `...`: words with up to three others in between."""
    out = []
    for frame, phrases in lexicon.load("actions.yaml").items():
        for phrase in phrases:
            if "..." in phrase:
                left, right = (p.split() for p in phrase.split("..."))
                pattern = [{"LOWER": w.lower()} for w in left] + [{"OP": "{0,3}", "IS_PUNCT": False}]
                pattern += [{"LOWER": w.lower()} for w in right]
                out.append((SEP.join(("triggers", frame, frame)), pattern))
    return out


class VocabularyMatcher:
    """Finds all vocabulary phrases and stores them as span groups on the Doc."""

    def __init__(self, nlp: Language):
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        # short acronyms ("RT", "SBU", "DPR") match only as written: "rt" or "Shot" are words
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        exact_by_id: dict[str, list[Doc]] = {}
        self.gaps = Matcher(nlp.vocab)
        by_id: dict[str, list[Doc]] = {}
        seen: set[tuple[str, str]] = set()
        for group, label, key, phrase in phrase_table():
            match_id = SEP.join((group, label, key))
            forms = set()
            for variant in lexicon.variants(phrase):
                forms.add(variant)
                if group == "munitions":
                    forms.add(lexicon.plural(variant))
            for form in forms:
                if (match_id, form.lower()) in seen:
                    continue
                seen.add((match_id, form.lower()))
                target = exact_by_id if _is_acronym(form) and group in ("claimants", "places") else by_id
                target.setdefault(match_id, []).append(nlp.make_doc(form))
        for match_id, docs in by_id.items():
            self.phrases.add(match_id, docs)
        for match_id, docs in exact_by_id.items():
            self.exact.add(match_id, docs)
        for match_id, pattern in gap_patterns():
            self.gaps.add(match_id, [pattern])
        self.strings = nlp.vocab.strings

    def __call__(self, doc: Doc) -> Doc:
        found: dict[str, list[Span]] = {g: [] for g in GROUPS}
        matches = list(self.phrases(doc)) + list(self.exact(doc)) + list(self.gaps(doc))
        for match_id, start, end in matches:
            group, label, key = self.strings[match_id].split(SEP)
            found[group].append(Span(doc, start, end, label=label, kb_id=key))
        for group, spans in found.items():
            doc.spans[group] = _resolve(group, spans)
        return doc


def _is_acronym(form: str) -> bool:
    letters = form.replace(".", "")
    return letters.isupper() and letters.isalpha() and len(letters) <= 5


def _resolve(group: str, spans: list[Span]) -> list[Span]:
    """Keep the longest match where matches overlap, with every reading of those words.

    Triggers compete across frames ("suppressed by air defence" beats "suppressed"),
    but a phrase with two readings keeps both ("lost" a drone or a village). Other
    groups compete within a label only: "Kursk" stays both a region name and a town.
    """
    if group == "triggers":
        return _longest(spans)
    by_label: dict[str, list[Span]] = {}
    for span in spans:
        by_label.setdefault(span.label_, []).append(span)
    out = [s for label_spans in by_label.values() for s in _longest(label_spans)]
    return sorted(out, key=lambda s: (s.start, -s.end, s.label_, s.kb_id_))


def _longest(spans: list[Span]) -> list[Span]:
    kept = {(s.start, s.end) for s in filter_spans(spans)}
    return sorted((s for s in spans if (s.start, s.end) in kept), key=lambda s: (s.start, -s.end, s.label_, s.kb_id_))


@Language.factory("counterclaim_vocabulary")
def make_vocabulary_matcher(nlp: Language, name: str):
    return VocabularyMatcher(nlp)
