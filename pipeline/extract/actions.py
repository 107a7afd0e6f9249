"""Decide what a sentence says happened to a counted munition.

Without a parser, word order carries the grammar: a trigger after the munition in the
passive ("12 drones were downed") or with the munition as its subject ("a drone hit a
car"), or a trigger before it in the active ("downed 12 drones", "attacked Crimea with
25 drones", "an attack by 21 drones"). Participles that only describe the munition
("drones launched by Russia") are skipped, as are negated and hypothetical triggers.
"""

from __future__ import annotations

from dataclasses import dataclass

from .document import DocView, Match, Sentence

BE = {"was", "were", "been", "be", "being", "is", "are", "got", "get", "gets", "getting"}
ADVERBS = {
    "also", "reportedly", "allegedly", "successfully", "either", "eventually", "all", "both",
    "then", "later", "subsequently", "already", "just", "likely", "probably", "apparently",
    "each", "reliably", "promptly", "quickly", "immediately", "duly", "reportedly", "further",
    "earlier", "supposedly", "ultimately", "finally", "in", "turn", "successfully",
}
ATTRIBUTIVE_NEXT = {
    "by", "from", "at", "against", "into", "toward", "towards", "overnight", "on", "in",
    "over", "across", "during", "earlier", "last", "this", "late", "early", "since", ",",
}
CLAUSE_BREAKS = {";", "while", "whereas", "but", "although", "though", "because", "however", "meanwhile"}
RELATIVE = {"that", "which", "who", "whom"}
NEGATIONS = {"not", "never", "no", "n't", "neither", "nor", "nobody", "failed", "fail", "fails"}
DENIALS = {"denied", "denies", "deny", "denying", "dismissed", "rejected", "refuted"}
NOUN_BEFORE = {
    "a", "an", "the", "single", "massive", "combined", "air", "this", "that",
    "its", "their", "another", "new", "latest", "overnight", "russian", "ukrainian", "first",
    "direct", "such", "retaliatory", "large-scale", "major", "each", "aerial", "largest", "biggest",
    "heaviest", "deadliest", "previous", "recent", "similar",
}
REACH_NEGATIVE = {"did", "never", "failed", "without", "didn't", "not"}
MODALS = {
    "could", "would", "might", "may", "can", "cannot", "will", "shall", "should", "if",
    "unless", "able", "capable", "designed", "intended", "plans", "planned", "planning",
    "intends", "threatened", "threatens", "expected", "ready", "prepared", "wants", "want",
    "aims", "aim", "seeking", "seeks", "sought", "whether", "possible", "possibly", "potential",
    "plan", "intend", "threaten", "threat", "threats",
}
AIMED = {"attacked", "attack", "attacks", "attacking", "targeted", "target", "targets", "targeting"}
COORD = {"and", ",", "plus", "as", "well", "along", "with", "together", "or", "including"}


@dataclass(frozen=True)
class Link:
    """The action decided for a mention and the trigger that decided it."""

    action: str
    trigger: Match | None
    passive: bool = False


def triggers_in(view: DocView, sent: Sentence) -> list[Match]:
    return view.matches("triggers", sent)


def is_passive(view: DocView, trig: Match, floor: int) -> bool:
    """A be-form (with adverbs between) right before the trigger: "were also destroyed"."""
    k = trig.start - 1
    steps = 0
    while k >= floor and steps < 4:
        w = view.words[k]
        if w in BE:
            return True
        if w not in ADVERBS and w != "had" and w != "have" and w != "has":
            return False
        k -= 1
        steps += 1
    return False


def is_negated(view: DocView, trig: Match, floor: int) -> bool:
    for k in range(max(floor, trig.start - 3), trig.start):
        if view.words[k] in NEGATIONS:
            return True
    return False


def is_modal(view: DocView, trig: Match, floor: int) -> bool:
    """A modal or hypothetical word in the trigger's clause, up to six words before it
    ("might in fact have been struck")."""
    k = trig.start - 1
    while k >= max(floor, trig.start - 6) and view.words[k] not in (",", ";", ":", "(", ")"):
        if view.words[k] in MODALS:
            return True
        k -= 1
    if view.words[trig.start].endswith("ing") and trig.start > floor and view.words[trig.start - 1] in ("that", "of", "by", ","):
        # "destroying the aircraft on the ground would be the most reliable way": a gerund subject
        after = view.words[trig.end : trig.end + 12]
        if any(w in ("would", "could", "will", "might", "should") for w in after):
            return True
    return False


def _frames(trigs: list[Match], start: int) -> list[Match]:
    return [t for t in trigs if t.start == start]


def link_action(
    view: DocView,
    sent: Sentence,
    span: tuple[int, int],
    head: int,
    mentions: list[tuple[int, int]],
    *,
    is_aircraft: bool = False,
) -> Link | None:
    """The action for the munition mention at tokens span=[start, end), or None."""
    trigs = triggers_in(view, sent)
    if not trigs:
        return None
    starts = sorted({t.start for t in trigs})
    # a trigger right before the munition ("destroyed another Ka-52") binds tighter than
    # one further on ("..., making it the third helicopter Russia has lost")
    right = _look_right(view, sent, span, mentions, trigs, starts, is_aircraft)
    if right is not None and right.trigger is not None and right.trigger.start - span[1] <= 4 \
            and all(w in BE or w in ADVERBS or w in ("had", "have", "has") for w in view.words[span[1] : right.trigger.start]):
        return right
    left = _look_left(view, sent, span, mentions, trigs, starts, is_aircraft)
    if left is not None and left.trigger is not None and span[0] - left.trigger.end <= 2:
        return left
    if left is not None and left.trigger is not None and _in_object_list(view, left.trigger.end, span[0], mentions):
        return left  # "launched 36 drones and three missiles": objects of one verb
    return right or left


def _usable(view: DocView, sent: Sentence, trig: Match) -> bool:
    if trig.label in ("capture", "lose"):
        return False
    if trig.label != "jam" and is_negated(view, trig, sent.start):
        return False
    if is_denied(view, trig, sent.start):
        return False
    if trig.label == "strike" and trig.start > sent.start and view.words[trig.start - 1] in NOUN_BEFORE \
            and view.words[trig.start] in ("strike", "strikes", "attack", "attacks", "hit", "hits"):
        return False  # "in a single strike": a noun, not something a munition did
    return not is_modal(view, trig, sent.start)


def is_denied(view: DocView, trig: Match, floor: int) -> bool:
    """"Russia denied that its forces had shot down ...": a denial is not a claim."""
    return any(w in DENIALS for w in view.words[max(floor, trig.start - 8) : trig.start])


def _look_right(view, sent, span, mentions, trigs, starts, is_aircraft=False) -> Link | None:
    words = view.words
    k = span[1]
    others = sorted(m for m in mentions if m[0] >= span[1])
    in_relative = False
    first = True
    while k < sent.end:
        w = words[k]
        if w in CLAUSE_BREAKS:
            return None
        if w in RELATIVE:
            in_relative = True
        elif w == "," and in_relative:
            in_relative = False  # "the plane, which cost $350m, had been brought down"
        other = next((m for m in others if m[0] == k), None)
        if other is not None:
            # another counted item: keep going only over a coordination ("X and Y were downed")
            between = words[span[1] : k]
            if not all(x in COORD or x in ("the", "of", "them", "more") for x in between) and not _coordinated(words, span[1], k):
                return None
            k = other[1]
            first = False
            continue
        if k in starts:
            group = _frames(trigs, k)
            trig = max(group, key=lambda t: t.end)
            attributive = first and k == span[1] and (trig.end >= sent.end or words[trig.end] in ATTRIBUTIVE_NEXT)
            if attributive and trig.label in ("down", "jam") and (trig.end >= sent.end or words[trig.end] != "by"):
                attributive = False  # "four drones shot down over X": a clipped passive
            attributive = attributive or (k - span[1] <= 1 and words[k - 1] == "," and trig.end < sent.end and words[trig.end] == "by")
            if in_relative or (attributive and not is_passive(view, trig, sent.start)):
                k = trig.end
                first = False
                continue
            link = _right_frame(view, sent, group, is_aircraft, adjacent=k == span[1])
            if link is not None:
                return link
            k = trig.end
            first = False
            continue
        first = False
        k += 1
    return None


JOINING = {"and", "or", ",", "/", "electronically", "were", "was", "also", "then", "either", "been"}


def _joined_with_down(view: DocView, sent: Sentence, trig: Match, trigs: list[Match]) -> bool:
    """A suppression word in one phrase with a shooting-down word: a total of both, so intercepted."""
    if trig.label != "jam":
        return False
    words = view.words
    for t in trigs:
        if t.label != "down":
            continue
        lo, hi = (t.end, trig.start) if t.end <= trig.start else (trig.end, t.start)
        between = words[lo:hi]
        if 0 < len(between) <= 3 and ("or" in between or "and" in between) \
                and all(w in JOINING for w in between):  # not "shot down and electronic warfare diverted 30"
            return True
    return False


def _describes_other(view: DocView, sent: Sentence, trig: Match, mentions) -> bool:
    """"five rockets fired by HIMARS launchers and 31 drones": a participle that describes
    the item before it, not a verb for the items after it."""
    words = view.words
    after = words[trig.end] if trig.end < sent.end else ""
    return trig.label == "launch" and any(m[1] == trig.start for m in mentions) and after in ("by", "from", "at", "against", "toward", "towards")


def _noun_use(view: DocView, sent: Sentence, trig: Match) -> bool:
    """"multiple launch rocket system", "launch site": the word names a thing, not an act."""
    words = view.words
    w = words[trig.start]
    after = words[trig.end] if trig.end < sent.end else ""
    before = words[trig.start - 1] if trig.start > sent.start else ""
    return w in ("launch", "launches", "fire", "strike") and (
        before in ("multiple", "rocket") or after in ("rocket", "rockets", "system", "systems", "site", "sites", "pad", "pads", "platform", "vehicle", "vehicles", "complex", "complexes", "tube", "tubes")
    )


def _in_object_list(view: DocView, a: int, b: int, mentions: list[tuple[int, int]]) -> bool:
    """Only other counted items and list words between a trigger and the mention."""
    k = a
    while k < b:
        m = next((m for m in mentions if m[0] == k), None)
        if m is not None:
            k = m[1]
            continue
        if view.words[k] not in COORD and view.words[k] not in ("more", "than", "about", "some", "nearly", "almost", "up", "to", "at", "least"):
            return False
        k += 1
    return True


def _coordinated(words, a: int, b: int) -> bool:
    return b - a <= 3 and any(x in ("and", ",", "plus") for x in words[a:b])


def _right_frame(view: DocView, sent: Sentence, group: list[Match], is_aircraft: bool = False, adjacent: bool = False) -> Link | None:
    """A trigger after the munition: passive forms, or the munition as subject."""
    for trig in sorted(group, key=lambda t: ("down", "jam", "launch", "strike", "attempt").index(t.label)
                       if t.label in ("down", "jam", "launch", "strike", "attempt") else 9):
        if trig.label == "strike" and view.words[trig.start] in ("reached", "reach", "hit", "reaches") \
                and is_negated(view, trig, sent.start):
            return Link("suppressed", trig, False)  # "never reached its target"
        if not _usable(view, sent, trig):
            return None
        if trig.end + 1 < sent.end and view.words[trig.end + 1] in ("km", "kilometres", "kilometers", "miles", "metres"):
            return None  # "the Patriot reaches 160 km": a range, not a hit
        passive = is_passive(view, trig, sent.start)
        label = trig.label
        if label == "down" and (passive or adjacent):
            return Link(_down_or_jam(view, sent, trig), trig, True)
        if label == "jam":
            if is_aircraft and view.words[trig.start] == "lost":
                return Link("intercepted", trig, passive)  # a lost aircraft was brought down
            return Link("suppressed", trig, passive)
        if label == "launch" and passive:
            joined = next((t for t in triggers_in(view, sent) if t.label == "down" and t.start > trig.end
                           and view.words[trig.end : t.start] == ["and"]), None)
            if joined is not None:
                return Link("intercepted", joined, True)  # "were detected and destroyed"
            return Link("launched", trig, True)
        if label == "strike" and not passive:
            if view.words[trig.start] in AIMED and _area_after(view, sent, trig.end):
                return Link("launched", trig, False)  # "373 drones attacked settlements across the region"
            return Link("hit", trig, False)
        if label == "strike" and passive and trig.end < sent.end and view.words[trig.end] != "by":
            return Link("intercepted", trig, True)  # "an enemy drone was hit over the pier"
        if label == "attempt":
            return Link("launched", trig, False)
    return None


AREA_WORDS = {"settlements", "villages", "towns", "cities", "region", "regions", "oblast", "country", "territory",
              "ukraine", "russia", "areas", "districts", "communities", "front", "positions"}


def _area_after(view: DocView, sent: Sentence, k: int) -> bool:
    """Whether an area follows a verb of attack ("attacked settlements across the region",
    "attacked the Kharkiv region") rather than one object it struck ("attacked a bus")."""
    words = view.words
    while k < sent.end and words[k] in ("the", "several", "many", "various", "frontline", "border", "our", "its"):
        k += 1
    if k >= sent.end:
        return False
    regions = {m.start for m in view.matches("places", sent) if m.label in ("region_bare", "region_full", "country")}
    return words[k] in AREA_WORDS or k in regions


def _down_or_jam(view: DocView, sent: Sentence, trig: Match) -> str:
    """"shot down or suppressed by electronic warfare" is a total of interceptions."""
    return "intercepted"


STRUCK = {"struck", "hit", "hits", "hitting", "strike", "strikes", "striking"}
OBJECT_ENDS = {"near", "in", "at", "on", "over", "outside", "off", "inside", "close", "overnight", ","}
AREA_WORDS = {
    "city", "cities", "capital", "region", "regions", "oblast", "oblasts", "town", "towns", "village",
    "villages", "country", "territory", "territories", "area", "areas", "district", "districts",
    "settlement", "settlements", "front", "positions", "peninsula",
}


def _struck_target(view: DocView, trig: Match, with_at: int, mentions) -> bool:
    """"struck a radar station with several drones": the drones hit that target. Not so for a
    place ("struck Kharkiv with 20 drones", an attack) or no object ("struck with 27 drones")."""
    words = view.words
    if words[trig.start] not in STRUCK or trig.end >= with_at:
        return False
    end = next((k for k in range(trig.end, with_at) if words[k] in OBJECT_ENDS), with_at)
    obj = words[trig.end : end]
    if not obj or any(w in AREA_WORDS for w in obj) or any(trig.end <= m[0] < with_at for m in mentions):
        return False
    return not view.in_range("places", trig.end, end)


def _look_left(view, sent, span, mentions, trigs, starts, is_aircraft) -> Link | None:
    words = view.words
    prev = span[0] - 1
    before = words[prev] if prev >= sent.start else ""
    nearest = None
    k = span[0] - 1
    while k >= sent.start:
        w = words[k]
        if w in CLAUSE_BREAKS:
            break
        ending = [t for t in trigs if t.end - 1 == k or (t.start <= k < t.end)]
        ending = [t for t in ending if not _describes_other(view, sent, t, mentions) and not _noun_use(view, sent, t)]
        if ending:
            nearest = ending
            break
        k -= 1
    if nearest is None:
        return None
    trig = max(nearest, key=lambda t: t.end)
    if not _usable(view, sent, trig):
        return None
    gap = words[trig.end : span[0]]
    labels = {t.label for t in nearest}
    if "launch_nouns" in labels:
        if len(gap) <= 6 and (not gap or gap[-1] in ("by", "of", "with", "involving", "from")):
            return Link("launched", trig)
        if trig.end == span[0]:
            return Link("launched", trig)
    if "hit_nouns" in labels and (not gap or gap[-1] in ("by",)):
        return Link("hit", trig)
    if before == "with" and labels & {"strike", "attempt", "launch"}:
        if _struck_target(view, trig, prev, mentions):
            return Link("hit", trig)  # "its units struck a radar station with several drones"
        return Link("launched", trig)  # "attacked the region with 40 drones"
    if before == "by" and "attempt" in labels and len(gap) <= 2:
        return Link("launched", trig)  # "carried out an attack by 21 drones"
    if words[trig.end - 1] == "with" and labels & {"launch"}:
        return Link("launched", trig)
    if is_passive(view, trig, sent.start):
        if labels & {"strike", "attempt"} and before == "by":
            if words[trig.start] in ("attacked", "targeted", "attack"):
                return Link("launched", trig, True)  # "the region was attacked by 27 drones"
            return Link("hit", trig, True)  # "the ship was hit by two missiles"
        return None
    if "down" in labels or _joined_with_down(view, sent, trig, trigs):
        return Link("intercepted", trig)  # "shot down or electronically suppressed 341 of the drones"
    if "launch" in labels and words[trig.start] not in ("struck", "hit", "attacked", "targeted"):
        return Link("launched", trig)
    if "jam" in labels and words[trig.start] in ("suppressed", "jammed", "suppressing", "suppress", "lost", "diverted",
                                                 "redirected", "diverting", "redirecting", "jamming", "jams", "suppresses"):
        if words[trig.start] == "lost" and is_aircraft:
            return Link("intercepted", trig)  # "Russia lost two helicopters"
        return Link("suppressed", trig)  # "lost 12 rockets to electronic warfare"
    if "strike" in labels and is_aircraft and not any(m[1] <= trig.start for m in mentions):
        return Link("intercepted", trig)  # "our missile system struck a Su-34"; not "a drone struck an Il-76"
    return None
