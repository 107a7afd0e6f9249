"""The spaCy component that finds every vocabulary phrase in a Doc in one pass.

Munitions, places, claimants, side words, action triggers and cue words are all
matched with one PhraseMatcher (case-insensitive) plus one Matcher for phrases with
a gap ("shot it down") and for the token patterns of `data/patterns.yaml`
(constructions such as "since <month>", "over the past <N> <weeks>", "<institution>
spokesman"). Matches land in span groups named after their vocabulary, each span
labelled with its kind and carrying its canonical key in `kb_id_`.
"""

from __future__ import annotations


import numpy
from spacy.attrs import LIKE_NUM, LOWER
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from . import lexicon
from .gazetteer import load_hand_places, load_regions
from .settlements import NameIndex, settlement_phrases

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
    for index, place in enumerate(load_hand_places()):
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


BOOL_ATTRS = {
    "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE",
    "IS_STOP", "IS_SENT_START", "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL", "IS_BRACKET", "IS_QUOTE",
    "IS_CURRENCY", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "IS_OOV",
}
LOWER_ATTRS = {"LOWER", "NORM"}


def pattern_rules() -> list[dict]:
    """The rules of patterns.yaml, ready for the Matcher: word classes expanded, values typed.

    Each rule keeps its keys (name, group, label, examples ...) and gets `patterns` (a list
    of token patterns), `key`, and `not_before`/`not_after` as typed token dicts.
    """
    data = lexicon.load("patterns.yaml")
    classes = {name: list(words) for name, words in (data.get("classes") or {}).items()}
    rules = []
    for raw in data.get("rules") or []:
        rule = dict(raw)
        patterns = raw.get("patterns") or [raw["pattern"]]
        rule["patterns"] = [[_token(tok, classes) for tok in pattern] for pattern in patterns]
        rule["key"] = raw.get("key", raw["label"])
        for side in ("not_before", "not_after"):
            if raw.get(side):
                rule[side] = _token(raw[side], classes)
        rule["extend"] = str(raw.get("extend", "false")).lower() == "true"
        rules.append(rule)
    return rules


def _token(spec: dict, classes: dict[str, list[str]], attr: str = "") -> dict:
    """One token dict as the Matcher wants it, from its YAML strings."""
    out = {}
    for name, value in spec.items():
        name = str(name)
        if isinstance(value, dict):
            out[name] = _token(value, classes, attr=name if name.isupper() and name not in ("IN", "NOT_IN") else attr)
        elif name in ("IN", "NOT_IN"):
            out[name] = _words(value, classes, lower=attr in LOWER_ATTRS)
        elif name in BOOL_ATTRS:
            out[name] = str(value).lower() == "true"
        elif name == "LENGTH" or name in ("==", "!=", ">=", "<=", ">", "<"):
            out[name] = int(value)
        elif name in LOWER_ATTRS:
            out[name] = str(value).lower()
        else:
            out[name] = value
    return out


def _words(value, classes: dict[str, list[str]], lower: bool) -> list[str]:
    """A word list: `$name` stands for a word class; each word with its spelling variants."""
    items = value if isinstance(value, list) else [value]
    words: list[str] = []
    for item in items:
        item = str(item)
        if item.startswith("$"):
            if item[1:] not in classes:
                raise KeyError(f"patterns.yaml: no word class {item}")
            found = classes[item[1:]]
        else:
            found = [item]
        for word in found:
            for variant in sorted(lexicon.variants(word)):
                variant = variant.lower() if lower else variant
                if variant not in words:
                    words.append(variant)
    return words


def rule_matches(rule: dict, doc: Doc, pattern: list[dict] | None = None) -> list[tuple[int, int]]:
    """Where one rule of `pattern_rules()` (or one of its patterns) matches a Doc by itself,
    its `not_before`/`not_after` tokens applied but not `after`/`cancels` (they need the
    other vocabularies). For tests and for looking at what a rule does."""
    matcher = Matcher(doc.vocab)
    patterns = [pattern] if pattern is not None else rule["patterns"]
    matcher.add("rule", patterns)
    found = {(s, e) for _, s, e in matcher(doc)}
    for side, veto in (("before", rule.get("not_before")), ("after", rule.get("not_after"))):
        if veto:
            vetoes = Matcher(doc.vocab)
            vetoes.add("veto", [p + [veto] if side == "before" else [veto] + p for p in patterns])
            found -= {(s, e - 1) if side == "before" else (s + 1, e) for _, s, e in vetoes(doc)}
    return sorted(found)


def _conditional(rule: dict) -> bool:
    """A rule whose matches are checked one by one: vetoes, anchoring, cancelling."""
    return bool(rule["extend"] or rule.get("after") or rule.get("not_before") or rule.get("not_after")
                or rule.get("cancels"))


def _fixed_phrases(pattern: list[dict], limit: int = 500) -> list[list[str]] | None:
    """The word sequences a pattern of plain words stands for ("according to"), or None."""
    seqs: list[list[str]] = [[]]
    for token in pattern:
        if set(token) != {"LOWER"}:
            return None
        value = token["LOWER"]
        if isinstance(value, str):
            options = [value]
        elif isinstance(value, dict) and set(value) == {"IN"}:
            options = value["IN"]
        else:
            return None
        seqs = [seq + [w] for seq in seqs for w in options]
        if len(seqs) > limit:
            return None
    return seqs


# words too common to narrow the search: a pattern is anchored on a rarer token when it has one
COMMON = (
    {"the", "a", "an", "in", "on", "of", "to", "and", "or", "for", "by", "from", "with", "at", "'s", "\u2019s",
     "'", ",", ".", "is", "was", "were", "be", "it", "its", "that", "said"},
    {"this", "over", "their", "his", "her", "they", "them", "all", "one", "these", "those", "as", "not", "no"},
)
NUMERIC = {"IS_DIGIT", "LIKE_NUM"}
NUMBER = "\x00number"  # the anchor of "any number"


def _anchor_of(pattern: list[dict]) -> tuple[frozenset[str], int, int] | None:
    """A token every match of the pattern contains, and how far a match reaches around it.

    The token is a word set (the rarest-looking one) or, for a pattern whose words are all
    common, a number ("in 2024", written NUMBER). Returns (words, most tokens before, most
    tokens after), or None: no such token or no bound, so the whole Doc must be searched.
    """
    lengths = [_repeat(token.get("OP")) for token in pattern]
    if sum(lengths) > 10_000:
        return None
    options: list[tuple[frozenset[str], int]] = []
    numeric = None
    for i, token in enumerate(pattern):
        op = token.get("OP")
        if op is not None and op != "+" and not (op.startswith("{") and not op.startswith("{0")):
            continue  # optional
        value = token.get("LOWER")
        if isinstance(value, str):
            options.append((frozenset([value]), i))
        elif isinstance(value, dict) and set(value) == {"IN"}:
            options.append((frozenset(value["IN"]), i))
        if numeric is None and any(token.get(attr) is True for attr in NUMERIC):
            numeric = i
    for common in ({w for c in COMMON for w in c}, COMMON[0], set()):
        rare = [o for o in options if not o[0] & common]
        if rare:
            words, i = min(rare, key=lambda o: len(o[0]))
            return words, sum(lengths[:i]), sum(lengths[i + 1 :])
        if numeric is not None and common:
            return frozenset([NUMBER]), sum(lengths[:numeric]), sum(lengths[numeric + 1 :])
    return None


def _anchor_groups(patterns: list[tuple[str, list[dict]]], nlp: Language):
    """The patterns grouped by anchor, one Matcher a group: (anchor word hashes, whether numbers
    anchor, {word hash or NUMBER: group indices}, [(matcher, reach before, reach after)]).
    None when a pattern has no anchor."""
    by_anchor: dict[frozenset[str], list[tuple[str, list[dict], int, int]]] = {}
    for match_id, pattern in patterns:
        anchor = _anchor_of(pattern)
        if anchor is None:
            return None
        by_anchor.setdefault(anchor[0], []).append((match_id, pattern, anchor[1], anchor[2]))
    groups = []
    by_word: dict = {}
    for index, (anchor, members) in enumerate(sorted(by_anchor.items(), key=lambda kv: sorted(kv[0]))):
        matcher = Matcher(nlp.vocab)
        for match_id, pattern, _, _ in members:
            matcher.add(match_id, [pattern])
        groups.append((matcher, max(m[2] for m in members), max(m[3] for m in members)))
        for word in anchor:
            key = NUMBER if word == NUMBER else nlp.vocab.strings.add(word)
            by_word[key] = by_word.get(key, ()) + (index,)
    words = numpy.array(sorted(k for k in by_word if k != NUMBER), dtype="uint64")
    return words, NUMBER in by_word, by_word, groups


def _repeat(op: str | None) -> int:
    """The most tokens one pattern token can take: "?" 1, "{0,3}" 3; unbounded counts as many."""
    if op is None or op in ("?", "!", "1"):
        return 1
    if op in ("*", "+"):
        return 100_000
    inner = op.strip("{}").split(",")
    if len(inner) == 2 and inner[1] == "":
        return 100_000
    return int(inner[-1])


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
        # generated settlements: case-sensitive, looked up as written (see settlements.py)
        named = settlement_phrases({form for _, form in seen})
        self.names = NameIndex(nlp, [(nlp.vocab.strings.add(SEP.join(("places", "place", key))), form)
                                               for key, form in named])
        for match_id, docs in by_id.items():
            self.phrases.add(match_id, docs)
        for match_id, docs in exact_by_id.items():
            self.exact.add(match_id, docs)
        for match_id, pattern in gap_patterns():
            self.gaps.add(match_id, [pattern])
        # token pattern rules (patterns.yaml): a fixed word sequence joins the phrases, the
        # others the gap patterns. A plain rule lands in its group directly; a rule with a
        # condition (a token it must not touch, a span it must follow) is checked per match
        self.rules = pattern_rules()
        token_patterns = list(gap_patterns())
        for index, rule in enumerate(self.rules):
            conditional = _conditional(rule)
            match_id = SEP.join((rule["group"], rule["label"], rule["key"]) + ((str(index),) if conditional else ()))
            for pattern in rule["patterns"]:
                fixed = None if conditional else _fixed_phrases(pattern)
                if fixed is not None:
                    self.phrases.add(match_id, [Doc(nlp.vocab, words=words) for words in fixed])
                else:
                    self.gaps.add(match_id, [pattern])
                    token_patterns.append((match_id, pattern))
            for side, veto in (("before", rule.get("not_before")), ("after", rule.get("not_after"))):
                if veto:
                    vetoes = [p + [veto] if side == "before" else [veto] + p for p in rule["patterns"]]
                    self.gaps.add(SEP.join(("veto", str(index), side)), vetoes)
                    token_patterns += [(SEP.join(("veto", str(index), side)), v) for v in vetoes]
        # the Matcher tries every pattern at every token it is given: give it only the tokens
        # around a word that some pattern cannot do without ("since", "spokesman", "shot" ...)
        self.groups = _anchor_groups(token_patterns, nlp)
        self.strings = nlp.vocab.strings

    def __call__(self, doc: Doc) -> Doc:
        found: dict[str, list[Span]] = {g: [] for g in GROUPS}
        matches = list(self.phrases(doc)) + list(self.exact(doc)) + self._token_matches(doc) + self.names(doc)
        conditional: list[tuple[int, int, int]] = []
        vetoed: set[tuple[int, int, int]] = set()
        for match_id, start, end in matches:
            parts = self.strings[match_id].split(SEP)
            if parts[0] == "veto":
                # the rule's match is this one without the token it must not touch
                index = int(parts[1])
                vetoed.add((index, start, end - 1) if parts[2] == "before" else (index, start + 1, end))
                continue
            if len(parts) == 4:
                conditional.append((int(parts[3]), start, end))
                continue
            group, label, key = parts
            found[group].append(Span(doc, start, end, label=label, kb_id=key))
        anchored = []
        cancelling = []
        for index, start, end in conditional:
            if (index, start, end) in vetoed:
                continue
            rule = self.rules[index]
            if rule.get("after"):
                anchored.append((rule, start, end))
                continue
            found[rule["group"]].append(Span(doc, start, end, label=rule["label"], kb_id=rule["key"]))
            if rule.get("cancels"):
                cancelling.append((rule, start, end))
        for rule, start, end in cancelling:
            # "the largest attack since ...": the period ranks the attack, it is not a total
            labels = set(rule["cancels"])
            found[rule["group"]] = [s for s in found[rule["group"]]
                                    if not (s.label_ in labels and end - 1 <= s.start <= end)]
        for group, spans in found.items():
            doc.spans[group] = _resolve(group, spans)
        if anchored:
            self._anchor(doc, anchored)
        return doc

    def _token_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The matches of `self.gaps`, found by the smaller matchers of its anchor groups, each
        run only on the tokens around that group's anchor words."""
        if self.groups is None or not len(doc):
            return list(self.gaps(doc))
        words, numbers, by_word, groups = self.groups
        lowers = doc.to_array([LOWER])
        mask = numpy.isin(lowers, words)
        likes = doc.to_array([LIKE_NUM]) == 1 if numbers else mask & False
        mask |= likes
        n = len(doc)
        windows: dict[int, list[tuple[int, int]]] = {}
        hits = numpy.flatnonzero(mask)
        for p, word, like in zip(hits.tolist(), lowers[hits].tolist(), likes[hits].tolist()):
            found = by_word.get(word, ())
            if like:
                found = found + by_word[NUMBER]
            for g in found:
                before, after = groups[g][1], groups[g][2]
                windows.setdefault(g, []).append((max(0, p - before), min(n, p + after + 1)))
        out: list[tuple[int, int, int]] = []
        for g, spans in windows.items():
            matcher = groups[g][0]
            start = end = -1
            for a, b in sorted(spans) + [(n + 1, n + 1)]:
                if a > end:
                    if end > start:
                        out += [(m, s + start, e + start) for m, s, e in matcher(doc[start:end])]
                    start, end = a, b
                else:
                    end = max(end, b)
        return out

    def _anchor(self, doc: Doc, anchored: list[tuple[dict, int, int]]) -> None:
        """Rules that continue a span: "the ministry" + "'s statement", "Air Force" + "spokesman"."""
        changed: dict[str, list[Span]] = {}
        for rule, start, end in anchored:
            after = rule["after"]
            group = after["group"]
            labels = set(after.get("labels") or [])
            for span in doc.spans[group]:
                if span.end != start or (labels and span.label_ not in labels):
                    continue
                if rule["extend"]:
                    new = Span(doc, span.start, end, label=span.label_, kb_id=span.kb_id_)
                    changed.setdefault(group, list(doc.spans[group])).append(new)
                else:
                    new = Span(doc, start, end, label=rule["label"], kb_id=rule["key"])
                    changed.setdefault(rule["group"], list(doc.spans[rule["group"]])).append(new)
                    break
        for group, spans in changed.items():
            doc.spans[group] = _resolve(group, spans)


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
