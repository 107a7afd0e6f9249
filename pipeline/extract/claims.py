"""Assemble claims: each counted munition or captured settlement with its action, claimant,
attacker, place and date, one claim per distinct statement in an article.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from .actions import is_negated, link_action
from .captures import find_captures
from .claimants import Claimant, Speaker, agent_claimant, bodies_named, choose, find_speakers, person_in, quote_spans
from .dates import DateMention, find_dates, pick_date
from .document import DocView, Sentence
from .mentions import Mention, find_mentions
from .numbers import parse_number
from .munitions import model_table
from .model import Claim
from .settlements import russian_form, ukrainian_spelling
from .places import ATTACH_GAP, DEFENDER, Location, attach_regions, find_locations, merge, scope_location
from .gazetteer import load_regions

CLAUSE_BREAKS = {";", "while", "whereas", "but", "although", "though", "however"}
ANAPHORIC = {"them", "those", "these", "it", "strike", "attack", "drones", "missiles", "figure", "information", "report", "so", "this"}
OPPOSITE = {"RU": "UA", "UA": "RU"}
DEFAULT_TO_PUBLISHED = True
FALLBACK_TO_LAST_DATE = True


@dataclass
class Context:
    """What the article has established so far: its side, region and last date."""

    side: str | None = None
    region: str | None = None
    last_date: date | None = None
    last_settlement: Location | None = None
    published: date | None = None


@dataclass
class Draft:
    """A claim before its final checks, tied to the sentence it came from."""

    sentence: Sentence
    mention: Mention | None
    action: str
    count: int | None
    qualifier: str | None
    cls: str | None
    model: str | None
    attacker: str | None
    claimant: Claimant | None
    location: Location | None
    date: date | None
    position: int
    from_title: bool = False
    extra: dict = field(default_factory=dict)


def extract(view: DocView, published: date | None) -> list[Claim]:
    """All claims in one parsed article."""
    sentences = view.sentences
    ctx = Context(published=published)
    locs = [attach_regions(find_locations(view, s), view.words, view.texts) for s in sentences]
    dates = [find_dates(view, s, published) for s in sentences]
    speakers = _speakers(view, sentences, locs)
    defaults = _carried_claimants(view, sentences, speakers)
    drafts: list[Draft] = []
    antecedents: list[Mention] = []
    prev_date: date | None = None
    cumulative_block = None
    block_target: dict[int, Location] = {}
    skipped: set[tuple] = set()  # counts the body gives as cumulative: a headline repeating them is too
    last_set: str | None = None  # "breaking the drones down by region": the set a list counts
    prev_sets: list[Mention] = []  # uncounted sets the sentence before named ("attacked with drones")
    block_frame: dict[int, Location] = {}  # "Kharkiv region." opening a paragraph: where its claims happened
    section_frame: Location | None = None  # a line "Kharkiv region:" above the paragraphs it heads
    for s, sent in enumerate(sentences):
        label = _block_label(view, sent, locs[s])
        if _alone_in_block(view, sent) and (label is not None or sent.kind == "heading"):
            section_frame = label
        elif label is not None:
            block_frame[sent.block] = label
        if sent.kind == "heading":
            continue
        words = view.words
        for loc in locs[s]:
            if loc.admin1 and _frames_region(view, sent, loc, locs[s]):
                ctx.region = loc.admin1
        cumulative = view.matches("cues", sent, "cumulative")
        whole = any(c.start - sent.start <= 3 for c in cumulative) or (
            cumulative_block == sent.block and not dates[s]
        )
        mentions = find_mentions(view, sent, antecedents, hint=last_set, sets=prev_sets)
        sentence_drafts: list[Draft] = []
        cumulative_hit = False
        ghosts = [m for m in mentions if m.kind == "ghost"]
        prev_sets = ghosts if sent.kind != "title" else prev_sets
        last_set = ghosts[-1].cls if ghosts and sent.end - ghosts[-1].end <= 8 else (None if mentions else last_set)
        mentions = [m for m in mentions if m.kind != "ghost"]
        _plain_drones_are_boats(words, mentions, ghosts)
        for m in mentions:
            if m.kind == "aside" or _generic(words, sent, m) or _not_all(words, sent, m):
                continue  # "70 drones, most of them Shaheds": what the counted items were, not a count
            if whole or _cumulative(view, cumulative, m):
                cumulative_hit = True
                skipped.add((m.count, m.cls))
                continue
            link = None
            action = m.action
            if action is None and m.kind == "bare" and m.parent is not None and m.parent.action:
                nxt = words[m.end] if m.end < sent.end else ""
                if nxt in ("was", "were") and m.end + 1 < sent.end:
                    nxt = words[m.end + 1]  # "Of these, 11 were over the Bryansk region"
                if nxt in ("over", "in", "above", "near", "across", "on", "off", "outside", "around", "each", "apiece") \
                        or m.region_hint or sent.kind == "item" or m.copular:
                    action = m.parent.action  # a breakdown item: "including 36 over the Rostov region"
            if action is None:
                others = [(o.start, o.end) for o in mentions if o is not m]
                link = link_action(view, sent, (m.start, m.end), m.head, others, is_aircraft=m.is_aircraft)
                if link is not None:
                    action = link.action
                else:
                    action = _part_of_total(words, sent, m, sentence_drafts) or _gapped(view, sent, m, sentence_drafts) \
                        or _listed(view, sent, m, mentions) or _list_line(view, sentences, sent)
                    if action is None:
                        continue
            m.action = action
            count = _resolve_count(m, antecedents, mentions)
            if count is False:
                continue
            if m.definite and _restates(m, count, action, drafts + sentence_drafts, claimant_hint=_claimant_for(speakers[s], defaults[s], m.start, m.start)):
                continue
            if m.cls == "missile" and m.model is None:
                _inherit_model(m, count, drafts + sentence_drafts,
                               _claimant_for(speakers[s], defaults[s], m.start, m.start), action)
            if m.cls == "missile" and m.model is None:
                m.cls = _missile_kind(view, [x for x in sentences[: s + 1] if x.block == sent.block], m.start) or m.cls
            position = link.trigger.start if link is not None and link.trigger is not None else m.start
            claimant = _claimant_for(speakers[s], defaults[s], position, m.start)
            if (claimant is None or claimant.media) and link is not None and link.trigger is not None:
                # "As Ukrinform reported, Ukraine's air defence forces destroyed 309": the outlet passes on
                # what the body that acted says
                claimant = agent_claimant(view, sent, link.trigger.start) or claimant
            if (claimant is None or claimant.media) and m.kind == "total":
                # "destroyed 309 of the 324 drones": the total is told by whoever tells its part
                part = next((d for d in sentence_drafts if d.mention is not None
                             and (d.mention.parent is m or d.mention.start < m.start < d.mention.end)), None)
                claimant = part.claimant if part is not None and part.claimant is not None else claimant
            loc = _location_for(view, sent, locs[s], m, mentions, action)
            if loc is not None and m.kind == "bare" and loc.kind == "place" and _names_region(loc):
                loc = _region_only(loc.admin1, loc)  # "one in Kursk": the region, in a breakdown
            if loc is not None and loc.kind == "text" and loc.admin1 is None:
                loc = _text_place_region(loc, locs[s], claimant)
            if loc is not None and loc.kind == "place" and loc.admin1 is None and claimant is not None \
                    and claimant.kind == "regional_official" and claimant.region \
                    and (claimant.region in loc.candidates or claimant.region[:2] not in EVERY_SETTLEMENT):
                # "Petrovka", told by the Belgorod governor: his region's, which the gazetteer may not list
                loc = _region_named(loc, claimant.region)
            if loc is None and m.kind == "part" and m.parent is not None and m.parent.action == "launched" \
                    and m.parent.place is not None and action == "hit":
                loc = m.parent.place  # "launched three missiles at Kharkiv; two of them hit homes"
            frame = block_frame.get(sent.block, section_frame)
            if loc is None and _unnamed_water(words, m, sent):
                frame = None  # "shot down over the sea": a place the guide leaves uncoded, not the paragraph's region
            if loc is None and frame is not None and (action != "launched" or _region_anaphor(words, m, sent)):
                loc = frame  # "Kharkiv region. ... destroyed 11 drones over the region"
            if loc is None and ctx.region and _over_the_region(words, m, sent):
                loc = _region_location(ctx.region)  # "Five of them were shot down over the region"
            if loc is None and action == "launched":
                loc = block_target.get(sent.block)
            if loc is None and action in ("intercepted", "hit", "suppressed", "launched") and not _heading(words, sent) \
                    and not _unnamed_water(words, m, sent):
                loc = _official_region(claimant)
            if action == "launched" and loc is not None and loc.kind == "country":
                block_target[sent.block] = loc
            m.place = loc
            when = _date_for(dates[s], position, prev_date, ctx, sent, s, sentences, dates)
            draft = Draft(sent, m, action, count, m.qualifier, m.cls, m.model, None, claimant, loc, when, m.start,
                          from_title=sent.kind == "title")
            draft.attacker = m.attacker = _attacker(view, sent, m, draft, link)
            if draft.attacker is None:
                # "the enemy attacked with 131 drones ... 102 enemy drones were shot down": the side
                # the report has been calling the enemy, or whose launch it has just told
                draft.attacker = m.attacker = next((d.attacker for d in reversed(drafts + sentence_drafts)
                                                    if d.attacker and d.action != "captured"
                                                    and ("enemy" in m.sides or d.sentence.index >= s - 2)), None)
            if loc is not None and loc.country == DEFENDER:
                draft.location = m.place = _defender(loc, draft)
            sentence_drafts.append(draft)
            then = _then_action(view, sent, link, mentions, m)
            if then is not None:
                # "two sea drones tried to attack the ship and were destroyed": both happened
                sentence_drafts.append(Draft(sent, m, then, count, m.qualifier, m.cls, m.model, draft.attacker,
                                             claimant, loc, when, m.start + 1, from_title=sent.kind == "title"))
        sentence_drafts = _all_of_previous(view, sent, sentence_drafts, drafts)
        for c in find_captures(view, sent, locs[s], ctx.last_settlement):
            loc = _capture_location(c.location, locs[s], ctx, view.words)
            claimant = _claimant_for(speakers[s], defaults[s], c.trigger.start, c.location.start)
            when = _date_for(dates[s], c.trigger.start, prev_date, ctx, sent, s, sentences, dates)
            side = c.subject_side
            d = Draft(sent, None, "captured", None, None, None, None, None, claimant, loc, when, c.location.start,
                      from_title=sent.kind == "title")
            own = claimant.resolve("captured").country if claimant else None
            if c.lost:
                d.attacker = OPPOSITE.get(side or own or "", None)
            else:
                d.attacker = side or _its_side(view, sent, c.trigger.start, own) or own
            sentence_drafts.append(d)
        for loc in locs[s]:
            if loc.kind in ("text", "place") and loc.precision == "settlement":
                ctx.last_settlement = loc
        antecedents.extend(m for m in mentions if m.action)
        if sentence_drafts:
            dated = [d.date for d in sentence_drafts if d.date]
            if dated:
                prev_date = dated[-1]
        drafts.extend(sentence_drafts)
        if cumulative_hit:
            cumulative_block = sent.block  # a weekly tally's next sentence is part of it
        elif cumulative_block != sent.block or sentence_drafts:
            cumulative_block = None
    drafts = _expand_distributed(drafts)
    _totals_take_country(drafts)
    drafts = [d for d in drafts if not (d.from_title and (d.count, d.cls) in skipped)]
    return _finish(view, drafts)


def _speakers(view: DocView, sentences: list[Sentence], locs) -> list[list[Speaker]]:
    out, side, region, official, person = [], None, None, None, None
    bodies: dict[str, Claimant] = {}  # "the agency": the body last named by that noun
    for s, sent in enumerate(sentences):
        for loc in locs[s]:
            if loc.admin1 and _frames_region(view, sent, loc, locs[s]):
                region = loc.admin1
        found = find_speakers(view, sent, side, region, official, person, bodies)
        bodies.update(bodies_named(view, sent, side))
        person = person_in(view, sent) or _official_by_role(view, found) or person
        for sp in found:
            country = sp.claimant.country
            if country in ("RU", "UA"):
                side = country
            if sp.claimant.kind in BODY_KINDS and sp.claimant.name:
                bodies["it"] = sp.claimant
        if found and not found[0].claimant.media:
            # "made the announcement in a statement on Facebook" ... "the statement read": that body's
            for noun in REPORT_NOUNS & set(view.words[sent.start : sent.end]):
                bodies[noun] = found[0].claimant
            if sp.claimant.kind == "regional_official":
                official = sp.claimant
        if not found:
            sides = [m.key for m in view.matches("sides", sent) if m.key in ("RU", "UA")]
            if sides and side is None:
                side = sides[0]
        out.append(found)
    return out


REPORT_NOUNS = {"statement", "report", "post", "update", "message", "briefing", "announcement", "bulletin"}
BODY_KINDS = {"air_force", "ministry_of_defence", "general_staff", "military_branch", "intelligence", "state_media"}
CITY_REGIONS = {"UA-30", "UA-40", "RU-MOW", "RU-SPE"}
PERSON_ROLES = {"governor", "mayor", "head"}


def _official_by_role(view: DocView, found: list[Speaker]) -> Claimant | None:
    """"the regional governor said": the one person a later "he added" refers to."""
    for sp in reversed(found):
        if sp.claimant.kind == "regional_official" and view.words[sp.end - 1] in PERSON_ROLES:
            return sp.claimant
    return None


def _frames_region(view: DocView, sent: Sentence, loc: Location, locs: list[Location]) -> bool:
    """Whether a place sets the region the text is about: a region named as such, or any
    place after a preposition ("Moscow said" names a government, not a place)."""
    from .places import introduced

    if loc.kind == "region" and loc.admin1 not in CITY_REGIONS:
        return True
    return introduced(view.words, loc, sent.start, locs)


def _carried_claimants(view: DocView, sentences: list[Sentence], speakers: list[list[Speaker]]) -> list[Claimant | None]:
    """The claimant a sentence without a speaker inherits, by the guide's carry-over rules."""
    closes = quote_spans(view, sentences)
    out: list[Claimant | None] = []
    for i, sent in enumerate(sentences):
        if speakers[i]:
            out.append(None)
            continue
        chosen = None
        close = closes.get(i)
        if close is not None and speakers[close]:
            chosen = choose(speakers[close], sentences[close].start)
        if chosen is None:
            chosen = _earlier(sentences, speakers, out, i, lambda s: s.block == sent.block)
        if chosen is None:
            chosen = _list_source(view, sentences, speakers, out, i)
        if chosen is None:
            chosen = _next_sentence_source(view, sentences, speakers, i)
        if chosen is None:
            chosen = _source_paragraph(view, sentences, speakers, i)
        if chosen is None:
            chosen = _earlier(sentences, speakers, out, i, lambda s: s.section == sent.section and s.kind != "title")
        out.append(chosen)
    return out


def _earlier(sentences, speakers, carried, i: int, same) -> Claimant | None:
    """The nearest claimant before sentence i among the sentences `same` accepts, stopping at the first it rejects."""
    for j in range(i - 1, -1, -1):
        if not same(sentences[j]):
            return None
        if speakers[j]:
            return choose(speakers[j], sentences[j].end)
        if carried[j] is not None:
            return carried[j]
    return None


def _list_source(view: DocView, sentences, speakers, carried, i: int) -> Claimant | None:
    """"According to the ministry, the drones were destroyed as follows:" and the lines under
    it: each item is the lead-in's claim, whoever the paragraph after the list quotes."""
    if sentences[i].kind != "item":
        return None
    j = i - 1
    while j >= 0 and sentences[j].kind == "item":
        if speakers[j]:
            return choose(speakers[j], sentences[j].end)
        j -= 1
    if j < 0 or view.words[sentences[j].end - 1] != ":":
        return None
    return choose(speakers[j], sentences[j].end) if speakers[j] else carried[j]


def _source_paragraph(view: DocView, sentences, speakers, i: int) -> Claimant | None:
    """A paragraph that names no source, followed by one that opens by naming it ("Quote from
    the Air Force:", "Source: the governor"): the first paragraph retells that source."""
    sent = sentences[i]
    if sent.kind == "title" or any(speakers[k] for k in range(len(sentences)) if sentences[k].block == sent.block):
        return None
    nxt = next((x for x in sentences[i + 1 :] if x.block != sent.block), None)
    if nxt is None or nxt.block != sent.block + 1 or not speakers[nxt.index]:
        return None
    colon = next((k for k in range(nxt.start, min(nxt.end, nxt.start + 10)) if view.words[k] == ":"), None)
    opening = [sp for sp in speakers[nxt.index] if not sp.claimant.media and colon is not None and sp.end <= colon]
    return opening[0].claimant if opening else None


def _next_sentence_source(view: DocView, sentences, speakers, i: int) -> Claimant | None:
    """"Russia launched 81 drones. The air force reported downing 34 of them": the next sentence names the source."""
    sent = sentences[i]
    j = i + 1
    if j >= len(sentences):
        return None
    nxt = sentences[j]
    last_in_block = nxt.block != sent.block
    source_line = view.words[nxt.start] in ("source", "sources")  # "Source: the regional governor, on Telegram"
    if last_in_block and not source_line and (nxt.kind not in ("para", "item") or any(sentences[k].block == sent.block for k in range(j, len(sentences)))):
        return None
    pool = [sp for sp in speakers[j] if not sp.claimant.media]
    if not pool:
        return None
    words = set(view.words[nxt.start : nxt.end])
    has_trigger = bool(view.matches("triggers", nxt))
    if has_trigger and not (words & ANAPHORIC):
        return None
    if sent.kind == "title":
        return None
    return pool[0].claimant


def _claimant_for(speakers: list[Speaker], default: Claimant | None, position: int, mention_start: int) -> Claimant | None:
    if speakers:
        return choose(speakers, mention_start)
    return default


SEPARATORS = {";", "adding", "while", "whereas", "but", "after", "when", "although", "though", "because", "before"}


def _cumulative(view: DocView, cues, m: Mention) -> bool:
    """A multi-day or since-the-start period in the mention's clause: not a claim of one attack."""
    words = view.words
    for cue in cues:
        if _in_aside(words, cue.start, cue.end, m):
            continue  # "Russia, which annexed Crimea in 2014, said ...": the period is the aside's
        a, b = (cue.end, m.start) if cue.end <= m.start else (m.end, cue.start)
        if not any(w in SEPARATORS for w in words[a:b]):
            return True
    return False


def _in_aside(words, start: int, end: int, m: Mention) -> bool:
    """Tokens [start, end) inside a relative clause after a comma (", which ...", ", a region
    where ...") that leaves the mention out."""
    k = start - 1
    relative = False
    while k >= 0 and start - k <= 12 and words[k] not in (",", ".", ";", ":"):
        relative = relative or words[k] in ("which", "who", "whose", "where")
        k -= 1
    if k < 0 or words[k] != "," or not relative:
        return False
    if m.end <= k:
        return True
    return m.start >= end and "," in words[end : m.start]


def _resolve_count(m: Mention, antecedents: list[Mention], mentions: list[Mention]):
    """The count a mention states or derives; False when it cannot be known."""
    antecedents = antecedents + [o for o in mentions if o.end <= m.start and o.count is not None and o is not m]
    if m.kind == "pronoun":
        return m.count
    if m.kind in ("stated", "total", "bare"):
        return m.count
    parent = m.parent or _matching(antecedents, m.cls)
    if m.kind == "part":
        if parent is not None and m.model is None and parent.model and _same_family(parent.cls, m.cls):
            m.model, m.cls = parent.model, parent.cls  # "58 of the drones" of "60 Shahed drones"
        return m.count
    if parent is not None and m.model is None and parent.model and _same_family(parent.cls, m.cls) and m.kind != "bare":
        m.model = parent.model  # "every drone except 19" of "479 Shahed drones"
    if m.kind in ("all", "every_one"):
        if m.count is not None:
            return m.count
        if parent is None or parent.count is None:
            return False
        if m.cls == "mixed" and parent.cls != "mixed":
            m.cls, m.model = parent.cls, parent.model  # "all of the aerial targets" after "174 drones"
        m.qualifier = parent.qualifier
        return parent.count
    if m.kind == "all_but":
        if m.count is not None:
            return m.count
        if parent is None or parent.count is None:
            return False
        m.qualifier = "exact"
        return parent.count - m.minus
    if m.kind == "remainder":
        parent = m.parent
        if parent is None or parent.count is None:
            return False
        siblings = [o.count for o in mentions if o.parent is parent and o is not m and o.count is not None]
        left = parent.count - sum(siblings)
        m.qualifier = "exact"
        return left if left > 0 else False
    return m.count


MISSILES = {"missile", "ballistic_missile", "cruise_missile", "rocket"}


def _inherit_model(m: Mention, count, earlier: list[Draft], claimant: Claimant | None = None, action: str | None = None) -> None:
    """"Ukraine fired six US-made missiles" after "six missiles, known as ATACMS": the same six,
    told by the same source."""
    for d in reversed(earlier):
        same_source = claimant is None or d.claimant is None or d.claimant.resolve(d.action) == claimant.resolve(d.action)
        if d.count == count and d.model and d.cls in MISSILES and same_source and action != "hit":
            m.model, m.cls = d.model, d.cls
            return


def _missile_kind(view: DocView, sentences: list[Sentence], before: int) -> str | None:
    """"Russia fired four ballistic missiles ... two missiles were shot down": a plain
    "missiles" is the one kind of missile the article has named so far, if it named one."""
    table = model_table()
    kinds: set[str] = set()
    for sent in sentences:
        for m in view.matches("munitions", sent):
            if m.start >= before:
                break
            cls = m.key if m.label == "noun" else table[m.key].cls if m.label in ("model", "type") else None
            if cls in ("ballistic_missile", "cruise_missile") or (cls == "missile" and m.label != "noun"):
                kinds.add(cls)
    return kinds.pop() if len(kinds) == 1 and "missile" not in kinds else None


def _same_family(parent_cls: str, cls: str) -> bool:
    """A generic "missiles" may stand for the ballistic or cruise missiles named before."""
    return parent_cls == cls or (cls == "missile" and parent_cls in MISSILES)


def _then_action(view: DocView, sent: Sentence, link, mentions: list[Mention], m: Mention) -> str | None:
    """A second verb of the same subject: "... tried to attack the ship and were destroyed"."""
    if link is None or link.trigger is None or link.trigger.start < m.end or link.action == "intercepted":
        return None
    words = view.words
    others = [o.start for o in mentions if o.start > link.trigger.end]
    stop = min(others) if others else sent.end
    for t in view.matches("triggers", sent):
        if t.start <= link.trigger.end or t.start >= stop or t.label not in ("down", "jam"):
            continue
        between = words[link.trigger.end : t.start]
        if "and" in between and any(w in ("were", "was") for w in between[between.index("and") :]) \
                and not any(w in (";", "while", "but") for w in between):
            return "intercepted" if t.label == "down" else "suppressed"
    return None


def _part_of_total(words, sent: Sentence, m: Mention, earlier: list[Draft]) -> str | None:
    """"215 weapons, including 206 drones, and 9 missiles", "among them nine Kinzhals": the
    parts of a total share its action when they have no verb of their own."""
    lead = words[max(sent.start, m.start - 2) : m.start]
    part = (
        (lead and lead[-1] in ("including", "among") and (len(lead) < 2 or lead[0] in (",", "(", "\u2014", "-")))
        or lead in (["among", "them"], ["including", "them"], ["of", "which"])
    )
    if part:
        total = next((d for d in reversed(earlier) if d.mention is not None and d.mention.end <= m.start), None)
        if total is not None:
            return total.action
    if _continues_list(words, m, earlier):
        return earlier[-1].action
    return None


def _continues_list(words, m: Mention, earlier: list[Draft]) -> bool:
    """A launch list going on past a comma: "206 drones, and 9 missiles"."""
    if not earlier or earlier[-1].mention is None:
        return False
    between = words[earlier[-1].mention.end : m.start]
    return 0 < len(between) <= 2 and all(w in (",", "and") for w in between) and earlier[-1].action == "launched"


def _gapped(view: DocView, sent: Sentence, m: Mention, earlier: list[Draft]) -> str | None:
    """"Two drones were downed over Moscow, and one over Tula": the verb is not repeated."""
    if not earlier or earlier[-1].mention is None:
        return None
    prev = earlier[-1]
    between = view.words[prev.mention.end : m.start]
    if any(w in (";", "while", "whereas", "but") for w in between[:1]):
        return None
    if "and" in between or "," in between or ";" in between:
        return prev.action
    return None


LIST_FRAMES = {"down": "intercepted", "jam": "suppressed", "launch": "launched", "attempt": "launched", "launch_nouns": "launched"}


def _listed(view: DocView, sent: Sentence, m: Mention, mentions: list[Mention]) -> str | None:
    """"104 targets were shot down: 90 drones, 10 cruise missiles and 4 Kalibrs": the items
    of a list after a colon or dash take the verb of the clause before it."""
    words = view.words
    k = m.start - 1
    while k >= sent.start and words[k] not in (":", "\u2014", "\u2013"):
        inside = next((o for o in mentions if o.start <= k < o.end), None)
        if inside is None and words[k] not in (",", "and", ";", "including", "plus", "also"):
            return None
        k = inside.start - 1 if inside is not None else k - 1
    if k < sent.start:
        return None
    return _listed_frame(view, sent, k)


def _listed_frame(view: DocView, sent: Sentence, k: int) -> str | None:
    """The action of the last list-opening verb before token k of a sentence ("were shot down:")."""
    before = [t for t in view.matches("triggers", sent) if t.end <= k and t.label in LIST_FRAMES]
    if not before:
        return None
    trig = max(before, key=lambda t: (t.end, t.end - t.start))
    if is_negated(view, trig, sent.start) or any(w in CLAUSE_BREAKS for w in view.words[trig.end : k]):
        return None
    return LIST_FRAMES[trig.label]


EVERY_SETTLEMENT = {"UA"}  # countries whose every village the gazetteer lists (KATOTTG); GeoNames has 500+ people


def _region_named(loc: Location, code: str) -> Location:
    """A settlement of several namesakes placed in the one region the context gives."""
    region = load_regions()[code]
    return replace(loc, admin1=code, country=region.country, regions=(code,),
                   latitude=region.latitude, longitude=region.longitude)


def _list_line(view: DocView, sentences: list[Sentence], sent: Sentence) -> str | None:
    """"Shot down overnight:" over lines "- 45 Shahed drones", "- 3 Kalibr missiles": each line
    takes the verb of the line that opens the list."""
    if sent.kind != "item":
        return None
    k = sent.index - 1
    while k >= 0 and sentences[k].kind == "item":
        k -= 1
    if k < 0 or view.words[sentences[k].end - 1] != ":":
        return None
    lead = sentences[k]
    return _listed_frame(view, lead, lead.end - 1)


def _text_place_region(loc: Location, locs: list[Location], claimant: Claimant | None) -> Location:
    """A village the gazetteer lacks takes the one region its sentence names, or its governor's."""
    codes = {l.admin1 for l in locs if l.admin1 and l.kind in ("region", "place")}
    code = codes.pop() if len(codes) == 1 else None
    if code is None and claimant is not None and claimant.kind == "regional_official":
        code = claimant.region
    region = load_regions().get(code or "")
    if region is None:
        return loc
    return Location(loc.start, loc.end, "settlement", region.code, region.country, loc.name,
                    region.latitude, region.longitude, (region.code,), "text")


def _block_label(view: DocView, sent: Sentence, locs: list[Location]) -> Location | None:
    """A paragraph that opens with a place alone ("Kharkiv region.") is about that place."""
    if sent.end - sent.start > 5 or len(locs) != 1 or not locs[0].admin1:
        return None
    first_of_block = sent.index == 0 or view.sentences[sent.index - 1].block != sent.block
    rest = [w for k, w in enumerate(view.words[sent.start : sent.end], sent.start) if not (locs[0].start <= k < locs[0].end)]
    if first_of_block and all(w in (".", ":", "-", "\u2013", "\u2014", "region", "oblast") for w in rest):
        return locs[0]
    return None


def _alone_in_block(view: DocView, sent: Sentence) -> bool:
    """The sentence is its block's only one: a line of its own."""
    before = sent.index > 0 and view.sentences[sent.index - 1].block == sent.block
    after = sent.index + 1 < len(view.sentences) and view.sentences[sent.index + 1].block == sent.block
    return not before and not after


def _region_anaphor(words, m: Mention, sent: Sentence) -> bool:
    """"at the region", "on the region": a launch aimed at the region the paragraph is about."""
    tail = " ".join(words[m.end : sent.end])
    return any(p in tail for p in ("the region", "the oblast", "the city"))


def _defender(loc: Location, d: Draft) -> Location | None:
    """"destroyed across the country": the country of the side attacked, from the attacker
    or, failing that, the claimant's own country."""
    country = OPPOSITE.get(d.attacker or "")
    if country is None and d.claimant is not None:
        country = d.claimant.resolve(d.action).country
    return replace(loc, country=country) if country else None


def _plain_drones_are_boats(words, mentions: list[Mention], ghosts: list[Mention]) -> None:
    """"its Magura sea drones sank a patrol ship; two of the five drones were destroyed": a
    plain "the drones" after sea drones in the same sentence counts those sea drones."""
    for m in mentions:
        definite = any(w in ("the", "these", "those") for w in words[max(0, m.start - 1) : m.end])
        boats = [g for g in ghosts + mentions if g is not m and g.cls == "naval_drone" and g.end <= m.start]
        if definite and boats and m.cls == "uav" and m.model is None and words[m.head] in ("drone", "drones"):
            m.cls = "naval_drone"
            m.user = m.user or boats[-1].user
            m.sides = m.sides or boats[-1].sides


def _not_all(words, sent: Sentence, m: Mention) -> bool:
    """"Not all of them were shot down", "not every drone was intercepted": no count is claimed."""
    return m.start > sent.start and words[m.start - 1] == "not" and words[m.start] in ("all", "every", "each")


GENERIC_QUANTIFIERS = {"most", "many", "some"}


def _generic(words, sent: Sentence, m: Mention) -> bool:
    """"Most Russian missiles are shot down": a quantifier with a noun in the present tense
    says what usually happens, not what happened in an attack."""
    if m.count is not None or words[m.start] not in GENERIC_QUANTIFIERS or words[m.start + 1] == "of":
        return False
    k = m.end
    while k < sent.end and words[k] in ("also", "usually", "often", "generally", "typically", "still"):
        k += 1
    return k < sent.end and words[k] in ("are", "is", "get")


def _heading(words, sent: Sentence) -> bool:
    """"downed as they flew towards Kursk": the sentence places the drones on their way, so
    the speaker's own region is not where it happened."""
    return any(w in ("towards", "toward", "heading", "headed") for w in words[sent.start : sent.end])


WATER = {"sea", "water", "waters"}


def _unnamed_water(words, m: Mention, sent: Sentence) -> bool:
    """"Most of the drones were shot down over the sea": a sea with no name, after the claim."""
    return any(
        words[k] in ("over", "above", "into", "in", "at") and (
            (words[k + 1] in WATER and words[k + 1] != "sea")
            or (words[k + 1] == "the" and k + 2 < sent.end and words[k + 2] in WATER
                and (k + 3 >= sent.end or words[k + 3] != "of"))
        )
        for k in range(m.end, sent.end - 1)
    )


def _official_region(claimant: Claimant | None) -> Location | None:
    """A governor's claim with no place stated happened in the governor's region."""
    if claimant is None or claimant.kind != "regional_official" or not claimant.region:
        return None
    region = _region_location(claimant.region)
    city = claimant.name[len("Mayor of ") :] if claimant.name and claimant.name.startswith("Mayor of ") else None
    if region is not None and city and not _is_region_city(region.admin1, city) \
            and city != load_regions()[region.admin1].name:
        return replace(region, name=city, precision="settlement", kind="place")  # a mayor's claim: his city
    return region


def _region_location(code: str) -> Location | None:
    r = load_regions().get(code)
    if r is None:
        return None
    return Location(0, 0, "admin1", r.code, r.country, None, r.latitude, r.longitude, (r.code,), "region")


def _over_the_region(words, m: Mention, sent: Sentence) -> bool:
    """"shot down over the region", "in the oblast": the region the article has been about."""
    tail = words[m.end : sent.end]
    return any(tail[i] in ("over", "in", "above", "across") and tail[i + 1 : i + 3] in (["the", "region"], ["the", "oblast"])
               for i in range(len(tail) - 2))


def _restates(m: Mention, count, action: str, earlier: list[Draft], claimant_hint: Claimant | None = None) -> bool:
    """"The missile was brought down near the coast": the same item counted before.

    A definite phrase repeating an earlier count of the same kind and action adds no
    claim; with another action it does, and takes the earlier phrase's model.
    """
    for d in reversed(earlier):
        if d.count != count or d.action == "captured":
            continue
        same_kind = d.cls == m.cls or (d.cls in MISSILES and m.cls in MISSILES)
        if not same_kind:
            continue
        if m.model is None and d.model is not None and _same_family(d.cls, m.cls):
            m.model, m.cls = d.model, d.cls
        if d.action == action:
            return claimant_hint is None or d.claimant is None or \
                d.claimant.resolve(action) == claimant_hint.resolve(action)
        return False
    return False


def _matching(antecedents: list[Mention], cls: str) -> Mention | None:
    """The set a partitive or "all of them" refers to: the last of the same kind, a named type first."""
    antecedents = [a for a in antecedents if a.kind != "ghost"]
    for a in reversed(antecedents):
        if a.count is not None and a.model and _same_family(a.cls, cls):
            return a
    for a in reversed(antecedents):
        if a.cls == cls and a.count is not None:
            return a
    return antecedents[-1] if antecedents else None


LIST_WORDS = {",", "and", "plus", "as", "well", "along", "with", "including"}


def _attribution_start(view: DocView, sent: Sentence, start: int, end: int) -> int:
    """Where a claim's clause gives way to its attribution: "..., Ukraine's air force said on
    Thursday, targeting Izmail" places nothing after the comma. `end` when there is none."""
    words = view.words
    triggers = [t.start for t in view.matches("triggers", sent)]
    for cue in view.matches("cues", sent, "reporting"):
        if not start < cue.start < end + 8:
            continue
        commas = [k for k in range(max(start, cue.start - 6), cue.start) if words[k] == ","]
        if commas and not any(commas[-1] < t < cue.start for t in triggers):
            return min(end, commas[-1])
    return end


OTHER_ITEMS = (["the", "other"], ["another"], ["the", "rest"], ["the", "remaining"], ["others"], ["the", "others"])


def _location_for(view: DocView, sent: Sentence, locs: list[Location], m: Mention, mentions: list[Mention], action: str) -> Location | None:
    words = view.words
    if m.region_hint:
        s, e = m.region_hint
        inside = [l for l in locs if l.start >= s and l.end <= e]
        if inside:
            return merge(inside, words) if not m.distribute else _multi(inside)
    later = [o.start for o in mentions if o.start >= m.end]
    end = min(later) if later else sent.end
    k = m.end
    while k < end:
        if words[k] in CLAUSE_BREAKS or (words[k] in ("and", ",") and words[k + 1 : k + 3] in OTHER_ITEMS):
            end = k  # "one of them near Zaporizhzhia and the other in the Kyiv region": each its own place
            break
        k += 1
    end = min(end, _attribution_start(view, sent, m.end, end))
    loc = scope_location(view, sent, locs, m.end, end, action)
    item = m
    while loc is None:
        # "fired 479 Shahed drones plus 20 missiles at Ukraine": the place ends the list
        nxt_m = min((o for o in mentions if o.start >= item.end), key=lambda o: o.start, default=None)
        if nxt_m is None or not all(w in LIST_WORDS for w in words[item.end : nxt_m.start]) or nxt_m.parent is item:
            break  # a part of this count ("two helicopters, one of them near X") is placed on its own
        after_next = [o.start for o in mentions if o.start > nxt_m.start]
        stop = min(after_next) if after_next else sent.end
        stop = min(stop, _attribution_start(view, sent, nxt_m.end, stop))
        loc = scope_location(view, sent, locs, nxt_m.end, stop, action)
        item = nxt_m
    if loc is not None and m.distribute:
        inside = [l for l in locs if l.start >= m.end and l.end <= end]
        return _multi(inside) if inside else loc
    if loc is not None:
        return loc
    # a frame before the claim: "In the Voronezh region, a drone ...", "attack on X by 21 drones"
    earlier = [o.end for o in mentions if o.end <= m.start]
    breaks = [k + 1 for k in range(sent.start, m.start) if words[k] in ("when", "after", "while", ";", "before", "as")
              and not _as_well_as(words, k)]
    start = max(earlier + breaks) if (earlier or breaks) else sent.start
    before = [l for l in locs if l.start >= start and l.end <= m.start]
    if before:
        frame = _frame(words, before, sent, action, m)
        if frame is not None:
            return frame
    return None


def _as_well_as(words, k: int) -> bool:
    """Whether the "as" at k belongs to "as well as", which joins items and opens no clause."""
    return words[k : k + 3] == ["as", "well", "as"] or words[max(0, k - 2) : k + 1] == ["as", "well", "as"]


FRAME_LEAD = {"in", "over", "above", "near", "across", "on", "the", "a", "village", "town", "city", "settlement", "of", "outskirts", "small",
              "port", "russian", "ukrainian", "occupied", "southern", "northern", "eastern", "western", "border", "frontline"}


def _frame(words, before: list[Location], sent: Sentence, action: str, m: Mention) -> Location | None:
    from .places import introduced

    before = [l for l in before if introduced(words, l, sent.start, before) and not _agent_country(words, l)]
    if not before:
        return None
    first = before[0]
    lead = words[sent.start : first.start]
    opening = first.start - sent.start <= 3 or all(w in FRAME_LEAD for w in lead)  # "In the village of X in the Y district,"
    if opening and lead and lead[0] in ("in", "over", "above", "near", "across", "on"):
        return merge([l for l in before if l.start < m.start and l.start - first.end <= 6], words) if len(before) > 1 else first
    last = before[-1]
    prev = words[max(sent.start, last.start - 3) : last.start]
    if action == "launched" and any(w in ("attack", "attacked", "attacking", "on", "at", "against", "strike", "struck", "targeted") for w in prev):
        return last
    if action == "launched" and any(w in ("attack", "attacked", "targeted") for w in words[last.end : m.start]) \
            and last.kind in ("place", "text", "region"):
        return last  # "the town of Graivoron came under attack from 31 drones"
    if action in ("hit",) and any(w in ("in", "over", "on", "near", "at") for w in prev[-2:]):
        return last
    if action in ("intercepted", "suppressed", "hit") and any(w in ("over", "above", "in", "near") for w in prev):
        # "Ukrainian defenders in the Kherson region destroyed another Ka-52"
        return merge([l for l in before if l.start >= last.start - 8], words) if len(before) > 1 else last
    return None


def _agent_country(words, loc: Location) -> bool:
    return loc.kind == "country" and loc.start > 0 and words[loc.start - 1] == "by"


def _multi(inside: list[Location]) -> Location:
    """Several places for a count given "apiece": one part each, kept for expansion."""
    parts: list[Location] = []
    for l in inside:
        if l.kind == "region" and len(l.regions) > 1:
            parts.extend(_region_only(code, l) for code in l.regions)
        else:
            parts.append(l)
    first = inside[0]
    return Location(first.start, inside[-1].end, "country", None, first.country, None,
                    regions=tuple(p.admin1 or "" for p in parts), kind="multi", parts=tuple(parts))


def _names_region(loc: Location) -> bool:
    region = load_regions().get(loc.admin1 or "")
    return region is not None and loc.name is not None and loc.name.lower() in {n.lower() for n in region.bare_names}


def _region_only(code: str, like: Location) -> Location:
    r = load_regions()[code]
    return Location(like.start, like.end, "admin1", code, r.country, None, r.latitude, r.longitude, (code,), "region")


def _capture_location(loc: Location, locs: list[Location], ctx: Context, words: list[str]) -> Location:
    """A captured settlement's region: the one written right after it ("Lukyantsy in the
    Kharkov region"), else the one its sentence names, else the one the text is about."""
    if loc.admin1:
        return loc
    regions = load_regions()
    named = [l for l in locs if l.admin1 and l.kind in ("region", "place") and l is not loc]
    after = [l for l in named if l.start >= loc.end and l.start - loc.end <= 7]
    after = [l for l in after if all(w in ATTACH_GAP or w == "and" for w in words[loc.end : l.start])]
    if after:
        named = after[:1]
    code = named[0].admin1 if named else ctx.region
    if loc.candidates and code not in loc.candidates and not after:
        return loc  # a gazetteer name of villages elsewhere, which the text does not pick from
    if code and code in regions:
        r = regions[code]
        return Location(loc.start, loc.end, "settlement", code, r.country, loc.name, r.latitude, r.longitude, (code,), loc.kind)
    return loc


def _date_for(found: list[DateMention], position: int, prev_date, ctx: Context, sent: Sentence, s: int, sentences, dates) -> date | None:
    chosen = pick_date(found, position)
    if chosen is not None:
        if chosen.kind == "day_before_that":
            return prev_date - timedelta(days=1) if prev_date else None
        if chosen.kind == "relative" and chosen.value == ctx.published:
            # "overnight, officials said yesterday": the night before the statement
            stated = [d for d in found if d.reporting and d.value is not None and d.kind != "undated"]
            if stated:
                return stated[0].value
        return chosen.value
    # no time word: the report's date, from the sentence before in the paragraph or the article
    for j in range(s - 1, -1, -1):
        if sentences[j].block != sent.block:
            break
        picked = pick_date(dates[j], sentences[j].end)
        if picked is not None and picked.kind != "day_before_that":
            return picked.value
    if FALLBACK_TO_LAST_DATE and prev_date is not None:
        return prev_date
    return ctx.published if DEFAULT_TO_PUBLISHED else None


def _attacker(view: DocView, sent: Sentence, m: Mention, d: Draft, link) -> str | None:
    claimant_country = d.claimant.resolve(d.action).country if d.claimant else None
    sides = [x for x in m.sides if x in ("RU", "UA")]
    if sides:
        return sides[-1]
    if "enemy" in m.sides and claimant_country in OPPOSITE:
        return OPPOSITE[claimant_country]
    agent = _agent(view, sent, m, link)
    if agent:
        return agent
    if m.parent is not None and m.parent.attacker:
        return m.parent.attacker  # "Russia launched 60 drones ... 35 were shot down"
    if m.user:
        return m.user
    if d.action == "hit" and d.claimant is not None and claimant_country in OPPOSITE:
        kind = d.claimant.resolve(d.action).kind
        if kind in ("intelligence", "military_branch", "general_staff"):
            return claimant_country  # a side's forces reporting their own strike
    if claimant_country in OPPOSITE:
        return OPPOSITE[claimant_country]
    loc = d.location
    if loc is not None and loc.country in OPPOSITE and d.action != "launched":
        return OPPOSITE[loc.country]
    if loc is not None and loc.country in OPPOSITE and d.action == "launched":
        return OPPOSITE[loc.country]
    return None


def _agent(view: DocView, sent: Sentence, m: Mention, link) -> str | None:
    """The side that launched: "Russia launched", "fired by Ukraine", "that Russia launched"."""
    words = view.words
    claimant_spans = [(c.start, c.end) for c in view.matches("claimants", sent) if c.label != "generic"]
    sides = [x for x in view.matches("sides", sent) if x.key in ("RU", "UA")
             and not any(a <= x.start < b for a, b in claimant_spans)]
    generic = [x for x in view.matches("claimants", sent, "generic")]
    cands = sides + generic
    # "fired by Ukraine", "launched by Russia", "that Russia launched"
    tail = words[m.end : m.end + 6]
    for k in range(m.end, min(sent.end, m.end + 7)):
        if words[k] in CLAUSE_BREAKS or words[k] in (".",):
            break
        if words[k] in ("by", "that", "which") or (k > m.end and words[k - 1] in ("by", "that", "which")):
            near = [c for c in cands if c.start in (k, k + 1, k + 2)]
            if near and any(w in ("fired", "launched", "sent", "by", "that", "which", "operated") for w in tail):
                return near[0].key
    if link is not None and link.trigger is not None and m.action == "launched":
        before = [c for c in cands if c.end <= link.trigger.start and link.trigger.start - c.end <= 4
                  and not (c.start > sent.start and words[c.start - 1] in ("on", "at", "against", "over", "in", "into", "of", "from"))]
        if before:
            if words[link.trigger.start] in ("foiled", "thwarted", "repelled", "repulsed", "stopped"):
                return OPPOSITE.get(before[-1].key)  # "Russian forces foiled an attempt to attack ..."
            return before[-1].key
    if link is not None and link.trigger is not None and m.action == "hit" and not link.passive:
        return None
    return None


def _its_side(view: DocView, sent: Sentence, position: int, own: str | None) -> str | None:
    words = view.words
    window = words[max(sent.start, position - 5) : position]
    if any(w in ("its", "our", "their") for w in window):
        return own
    return None


def _all_of_previous(view: DocView, sent: Sentence, current: list[Draft], previous: list[Draft]) -> list[Draft]:
    """"All of them were shot down", "every one was destroyed", "air defences downed all 40"
    after "Russia launched 40 drones": the sentence's action applied to the whole of each
    launch counted in the sentence before. Returns the sentence's drafts with these added.

    The construction is an `every_one` cue (patterns.yaml). A cue that a counted mention of
    this sentence already covers ("all of them" read as a part) adds nothing; a count of one
    read inside it ("every one was ...") was the quantifier, not a count, and gives way.
    """
    cues = view.matches("cues", sent, "every_one")
    if not cues:
        return current
    words = view.words
    out = list(current)
    for cue in cues:
        # the launches listed in the sentence before, or earlier in this one ("... and 18 drones - all
        # these air targets were destroyed")
        prior = [d for d in out if d.action == "launched" and d.mention is not None and d.mention.end <= cue.start] \
            or [d for d in previous if d.sentence.index == sent.index - 1 and d.action == "launched"]
        if not prior:
            continue
        covering = [d for d in out if d.mention is not None and d.mention.start <= cue.start < d.mention.end]
        if covering and len(prior) > 1 and all(d.mention.kind in ("all", "every_one") for d in covering):
            out = [d for d in out if d not in covering]  # "all of them" after a list: each item, not the last
        elif covering:
            continue
        if cue.start > sent.start and words[cue.start - 1] == "not":
            continue  # "not all of them were shot down" claims no count
        out = [d for d in out if d.mention is None or not cue.start < d.mention.start < cue.end
               or words[d.mention.start] != "one"]  # "every one": not a count of one
        number = next((n[0] for k in range(cue.start, cue.end) if words[k] != "one"
                       for n in [parse_number(words[: cue.end], k)] if n is not None), None)
        others = [(d.mention.start, d.mention.end) for d in out if d.mention is not None]
        link = link_action(view, sent, (cue.start, cue.end), cue.end - 1, others)
        if link is None or link.action == "launched" or any(d.action == link.action for d in out):
            continue
        for d in prior:
            if number is not None and number != d.count:
                continue  # "all 40" names the count it takes
            out.append(Draft(sent, d.mention, link.action, d.count, d.qualifier, d.cls, d.model, d.attacker, d.claimant,
                             None, d.date, cue.start))
    return out


def _expand_distributed(drafts: list[Draft]) -> list[Draft]:
    """"One apiece over the Leningrad, Bryansk and Tula regions": one claim per region."""
    out = []
    for d in drafts:
        parts = d.location.parts if d.location is not None else ()
        if d.mention is not None and d.mention.distribute and parts and len(parts) > 1:
            for loc in parts:
                out.append(Draft(d.sentence, d.mention, d.action, d.count, d.qualifier, d.cls, d.model, d.attacker,
                                 d.claimant, loc, d.date, d.position, d.from_title))
        else:
            out.append(d)
    return out


def _totals_take_country(drafts: list[Draft]) -> None:
    """A total broken down by region is placed in the regions' shared country."""
    for d in drafts:
        if d.mention is None or d.location is not None:
            continue
        children = [c for c in drafts if c.mention is not None and c.mention.parent is d.mention and c.location is not None]
        countries = {c.location.country for c in children if c.location.country}
        if len(children) >= 1 and len(countries) == 1:
            c = countries.pop()
            d.location = Location(0, 0, "country", None, c, None, kind="country")


def _finish(view: DocView, drafts: list[Draft]) -> list[Claim]:
    """Resolve claimants, drop duplicates and headline repeats, and build the claims."""
    body_keys = {(d.action, d.count, d.cls) for d in drafts if not d.from_title}
    body_places = {(d.action, d.location.name if d.location else None) for d in drafts if not d.from_title}
    claims: list[Claim] = []
    seen = set()
    for d in sorted(drafts, key=lambda d: (d.from_title, d.sentence.index, d.position)):
        if d.from_title:
            if d.action == "captured" and (d.action, d.location.name if d.location else None) in body_places:
                continue
            if d.action != "captured" and (d.action, d.count, d.cls) in body_keys:
                continue
        claimant = d.claimant.resolve(d.action) if d.claimant else None
        loc = d.location
        if loc is not None and loc.kind == "multi":
            loc = Location(loc.start, loc.end, "country", None, loc.country, None, kind="country")
        precision = "none"
        admin1 = country = name = None
        lat = lon = None
        if loc is not None:
            admin1, country, name = loc.admin1, loc.country, loc.name
            if country is None and admin1:
                country = admin1.split("-")[0]
            precision = "settlement" if name else ("admin1" if admin1 else ("country" if country else "none"))
            if precision in ("settlement", "admin1"):
                lat, lon = loc.latitude, loc.longitude
            if name and admin1 and _is_region_city(admin1, name):
                name, precision = None, "admin1"
            if name and d.action == "captured" and loc.kind in ("place", "text") and country in ("UA", None) \
                    and russian_form(name):
                spelled = ukrainian_spelling(name, admin1)
                if spelled is not None:  # "Netaylovo" in the Donetsk region is coded Netailove
                    name, admin1 = spelled[0], admin1 or spelled[1]
                    country = "UA"
        if d.action == "captured" and not name:
            continue
        start, end = d.sentence.char_start, d.sentence.char_end
        claim = Claim(
            action=d.action,
            count=None if d.action == "captured" else d.count,
            count_qualifier=None if d.action == "captured" else (d.qualifier or "exact"),
            munition_class=None if d.action == "captured" else d.cls,
            munition_model=None if d.action == "captured" else d.model,
            attacker=d.attacker,
            claimant=claimant.name if claimant else None,
            claimant_kind=claimant.kind if claimant else None,
            claimant_country=claimant.country if claimant else None,
            location_admin1=admin1,
            location_country=country,
            location_name=name,
            latitude=lat if lat is None else round(float(lat), 4),
            longitude=lon if lon is None else round(float(lon), 4),
            location_precision=precision,
            event_date=d.date,
            evidence=view.text[start:end],
            evidence_start=start,
            evidence_end=end,
        )
        if claim.count is None and claim.count_qualifier not in (None, "unspecified"):
            claim = _replace(claim, count_qualifier="unspecified")
        if claim.count is not None and claim.count_qualifier == "unspecified":
            claim = _replace(claim, count_qualifier="exact")
        key = (claim.claimant, claim.action, claim.count, claim.count_qualifier, claim.munition_class,
               claim.munition_model, claim.attacker, claim.location_admin1, claim.location_country,
               claim.location_name, claim.event_date)
        if key in seen:
            continue
        seen.add(key)
        claims.append(claim)
    return _drop_refined(claims)


LOCATION_FIELDS = ("location_country", "location_admin1", "location_name", "latitude", "longitude", "location_precision")


def _drop_refined(claims: list[Claim]) -> list[Claim]:
    """One statement told twice is one claim: "27 drones launched at the country" and
    "27 Shahed drones" from the same source on the same day merge, keeping every detail
    either gives, as long as none contradicts the other."""
    out: list[Claim] = []
    for c in claims:
        for i, o in enumerate(out):
            if _compatible(o, c):
                out[i] = _combine(o, c)
                break
        else:
            out.append(c)
    return out


def _compatible(a: Claim, b: Claim) -> bool:
    same = ("claimant", "action", "count", "count_qualifier", "attacker")
    if any(getattr(a, f) != getattr(b, f) for f in same):
        return False
    if a.event_date != b.event_date and not (a.action == "captured" and None in (a.event_date, b.event_date)):
        return False  # a settlement is taken once: "the capture of X" later on restates the dated claim
    if a.munition_class != b.munition_class and not (
        {a.munition_class, b.munition_class} <= MISSILES and "missile" in (a.munition_class, b.munition_class)
        and (a.munition_model or b.munition_model)
    ):
        return False
    if a.action == "captured":
        return _same_name(a.location_name, b.location_name)
    if a.munition_model and b.munition_model and a.munition_model != b.munition_model:
        return False
    loc_a = {f: getattr(a, f) for f in ("location_country", "location_admin1", "location_name") if getattr(a, f) is not None}
    loc_b = {f: getattr(b, f) for f in ("location_country", "location_admin1", "location_name") if getattr(b, f) is not None}
    small, big = (loc_a, loc_b) if len(loc_a) <= len(loc_b) else (loc_b, loc_a)
    return all(big.get(f) == v for f, v in small.items())  # one place contains the other


def _combine(a: Claim, b: Claim) -> Claim:
    from dataclasses import replace

    finer = b if _detail(b) > _detail(a) else a
    changes = {f: getattr(finer, f) for f in LOCATION_FIELDS}
    changes["munition_model"] = a.munition_model or b.munition_model
    changes["event_date"] = a.event_date or b.event_date
    if a.munition_class != b.munition_class:
        changes["munition_class"] = b.munition_class if a.munition_class == "missile" else a.munition_class
    return replace(a, **changes)


def _detail(c: Claim) -> int:
    return sum(x is not None for x in (c.location_country, c.location_admin1, c.location_name))


def _same_name(a: str | None, b: str | None) -> bool:
    """Two spellings of one settlement ("Volnoye Pole", "Volnoe Pole")."""
    if a is None or b is None:
        return a == b
    from difflib import SequenceMatcher

    fold = lambda s: "".join(ch for ch in s.lower() if ch.isalpha())
    return SequenceMatcher(None, fold(a), fold(b)).ratio() >= 0.85


def _is_region_city(admin1: str, name: str) -> bool:
    region = load_regions().get(admin1)
    return region is not None and name in region.full_names


def _replace(claim: Claim, **changes) -> Claim:
    from dataclasses import replace

    return replace(claim, **changes)
