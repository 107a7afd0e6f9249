"""The token patterns of patterns.yaml: constructions that generalise, not phrases from articles.

The data file documents each rule with examples it matches whole and counter-examples it
must not match; the first tests hold every rule (and every alternative pattern of a rule) to
them, so a dead or over-eager pattern fails. The tables below check the constructions in
sentences of their own, then what they change in the claims.
"""

from __future__ import annotations

import pytest

from pipeline.extract import lexicon, parse
from pipeline.extract.claimants import choose, find_speakers
from pipeline.extract.matchers import GROUPS, pattern_rules, rule_matches
from pipeline.extract.nlp import shared_nlp

from .support import PUBLISHED, body, claims_of, only_sentence, view_of

RULES = pattern_rules()
BY_NAME = {rule["name"]: rule for rule in RULES}

RU_MOD = ("Russian Ministry of Defence", "ministry_of_defence", "RU")
UA_AF = ("Ukrainian Air Force", "air_force", "UA")


def _doc(text: str):
    return shared_nlp()(text)


def _whole(rule: dict, text: str, pattern=None) -> bool:
    """The rule (or one pattern of it) matches the text whole, or its end after an anchor."""
    doc = _doc(text)
    return any(e == len(doc) and (s == 0 or rule.get("after")) for s, e in rule_matches(rule, doc, pattern))


# --- the data file ---

def test_rules_are_well_formed():
    assert len(BY_NAME) == len(RULES), "rule names repeat"
    for rule in RULES:
        assert rule["group"] in GROUPS, rule["name"]
        assert rule["label"] and rule["patterns"] and rule.get("examples"), rule["name"]
        if rule.get("after"):
            assert rule["after"]["group"] in GROUPS, rule["name"]


def test_word_classes_are_used():
    data = lexicon.load("patterns.yaml")
    text = (lexicon.DATA_DIR / "patterns.yaml").read_text(encoding="utf-8")
    for name in data["classes"]:
        assert f"${name}" in text, f"unused word class {name}"


@pytest.mark.parametrize(
    ("name", "example"), [(r["name"], e) for r in RULES for e in r["examples"]], ids=lambda v: str(v)
)
def test_every_example_matches_its_rule(name, example):
    assert _whole(BY_NAME[name], example), f"{name} does not match {example!r}"


@pytest.mark.parametrize(
    ("name", "index"), [(r["name"], i) for r in RULES for i in range(len(r["patterns"]))], ids=lambda v: str(v)
)
def test_every_pattern_matches_one_of_its_examples(name, index):
    rule = BY_NAME[name]
    pattern = rule["patterns"][index]
    assert any(_whole(rule, e, pattern) for e in rule["examples"]), f"pattern {index} of {name} matches no example"


@pytest.mark.parametrize(
    ("name", "counter"), [(r["name"], c) for r in RULES for c in r.get("counter", [])], ids=lambda v: str(v)
)
def test_no_counter_example_matches(name, counter):
    rule = BY_NAME[name]
    doc = _doc(counter)
    if not rule.get("after"):
        assert rule_matches(rule, doc) == [], f"{name} matches {counter!r}"
        return
    # a rule that continues a span: the tail may be there, but nothing before it to continue
    group = rule["after"]["group"] if rule.get("extend") else rule["group"]
    for start, end in rule_matches(rule, doc):
        spans = [s for s in doc.spans[group] if s.end == end and s.start <= start
                 and (rule.get("extend") or s.label_ == rule["label"])]
        assert not spans, f"{name} continues {spans} in {counter!r}"


@pytest.mark.parametrize(
    ("name", "example"), [(r["name"], e) for r in RULES if r.get("after") for e in r["examples"]],
    ids=lambda v: str(v),
)
def test_anchored_examples_take_in_the_vocabulary(name, example):
    """"the ministry" + "'s statement": the tail lands only after a span of the named labels."""
    rule = BY_NAME[name]
    doc = _doc(example)
    if rule.get("extend"):
        spans = [s for s in doc.spans[rule["after"]["group"]] if s.end == len(doc)]
        assert any(s.label_ in rule["after"]["labels"] and s.start < len(doc) - 1 for s in spans), example
    else:
        assert any(s.end == len(doc) and s.label_ == rule["label"] for s in doc.spans[rule["group"]]), example


def test_matching_around_anchor_words_finds_what_the_whole_doc_gives():
    """The matcher searches only around the words each pattern needs: the same matches, faster."""
    voc = shared_nlp().get_pipe("counterclaim_vocabulary")
    assert voc.groups is not None, "a pattern has no required word or number: the whole Doc is searched"
    text = " ".join(e for r in RULES for e in r["examples"] + r.get("counter", []))
    text += " Air defences shot it down. Russia fired 40 drones in the past three weeks, since May 2024."
    doc = _doc(text)
    assert sorted(voc._token_matches(doc)) == sorted(voc.gaps(doc))


# --- the constructions in sentences ---

def _cues(text: str, label: str) -> list[str]:
    doc = parse(body(text), {"published": PUBLISHED})
    return [s.text for s in doc.spans["cues"] if s.label_ == label]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Over the past three weeks Russia fired 1,200 drones at Ukraine.", "the past three weeks"),
        ("Since mid-January, air defences have downed 400 drones.", "Since mid-January"),
        ("Since 24 February 2022, Russia has fired 9,000 missiles.", "Since 24 February 2022"),
        ("Since Feb. 24, 2022, Russia has fired 9,000 missiles.", "Since Feb. 24, 2022"),
        ("Russia has sent 3,500 drones since the start of this year.", "since the start of this year"),
        ("Russia has fired 3,000 rockets since its full-scale invasion began.", "since its full-scale invasion began"),
        ("Moscow has fired 2,400 missiles over the course of the conflict.", "over the course of the conflict"),
        ("During the invasion Russia has fired 9,000 missiles.", "During the invasion"),
        ("This winter alone, Moscow launched more than 5,000 drones.", "This winter"),
        ("Russia fired 1,300 drones at Ukraine last week.", "last week"),
        ("In the first days of 2025, Russia fired over 300 missiles.", "the first days of"),
        ("Between Tuesday and today, 150 drones were shot down.", "Between Tuesday and today"),
        ("Russia has launched 2,000 glide bombs so far this month.", "so far this month"),
        ("Russia fired 40 missiles in December 2024.", "in December 2024"),
        ("Russia fired 40 missiles at Ukraine in 2023.", "in 2023"),
        ("Within two weeks, Russia launched 1,000 drones at Ukraine.", "Within two weeks"),
        ("In the space of ten days, 600 drones were shot down.", "In the space of ten days"),
        ("Russia launches about 100 drones a night.", "a night"),
        ("Ukraine downs 80 drones every night.", "every night"),
        ("On average, 80 drones were downed each night.", "On average"),
        ("Over the same period, Russia launched 1,400 glide bombs.", "Over the same period"),
        ("Russia has used 3,000 drones to date.", "to date"),
    ],
)
def test_periods_are_cumulative(text, period):
    assert period in _cues(text, "cumulative")


@pytest.mark.parametrize(
    "text",
    [
        "Over the past 24 hours, 20 drones were shot down.",
        "In the past day, air defences destroyed 12 drones.",
        "On the night of 12 March, Russia launched 50 drones.",
        "Overnight, Russia launched 80 drones.",
        "Last night, air defences downed 15 drones.",
        "A day earlier, 20 drones were shot down.",
        "In a single night, Russia launched 700 drones.",
        "Russia launched 30 drones between 7 p.m. and 7 a.m.",
        "Debris fell between Kharkiv and Kyiv after 12 drones were downed.",
        "Russia launched 500 drones in the largest attack since the invasion began.",
        "Kyiv came under its third attack in four days as 20 drones were downed.",
        "The list of targets is up to date.",
    ],
)
def test_single_days_and_ranked_attacks_are_not_periods(text):
    assert _cues(text, "cumulative") == []


@pytest.mark.parametrize(
    ("text", "frame"),
    [
        ("The figures were released by the defence ministry.", "figures were released by"),
        ("The data comes from the regional governor.", "data comes from"),
        ("In its nightly update, the air force reported 30 drones.", "In its nightly update"),
        ("The ministry put the tally at 42 drones.", "put the tally"),
        ("Forty drones were downed, the Telegram post reads.", "the Telegram post reads"),
        ("Twenty drones were downed, the Air Force's evening summary said.", "'s evening summary"),
        ("Gladkov's Telegram channel listed four drones.", "'s Telegram channel"),
        ("The governor, speaking of the attack, named no figure.", "speaking of"),
        ("Twelve drones were downed, the air force was telling reporters.", "telling"),
    ],
)
def test_reporting_frames(text, frame):
    assert frame in _cues(text, "reporting")


def _claimant(text: str):
    view = view_of(text)
    sent = only_sentence(view)
    chosen = choose(find_speakers(view, sent, None, None), sent.start)
    if chosen is None:
        return None
    c = chosen.resolve("intercepted")
    return (c.name, c.kind, c.country)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian defence ministry spokesman Pavel Orlov said drones were downed.", RU_MOD),
        ("Air Force spokesperson Olena Marchuk said drones were downed.", UA_AF),
        ("The air force communications chief said drones were downed.", UA_AF),
        ("Navy spokeswoman Iryna Koval said drones were downed.", ("Ukrainian Navy", "military_branch", "UA")),
        ("The Black Sea Fleet press service said drones were downed.", ("Black Sea Fleet", "military_branch", "RU")),
        ("Kremlin spokesman Dmitry Peskov said drones were downed.", ("Kremlin", "national_leader", "RU")),
        ("Drones were downed, the Air Force's evening summary said.", UA_AF),
        ("According to the Russian Defence Ministry's latest bulletin, drones were downed.", RU_MOD),
    ],
)
def test_titles_and_reports_speak_for_their_body(text, expected):
    assert _claimant(text) == expected


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Air Force spokesman Yurii Ihnat said drones were downed.", "Air Force spokesman Yurii Ihnat"),
        ("The defence ministry press service said drones were downed.", "defence ministry press service"),
    ],
)
def test_a_title_lengthens_the_body_it_follows(text, span):
    doc = _doc(text)
    assert span in [s.text for s in doc.spans["claimants"] if s.label_ in ("institution", "claimant")]


# --- what they change in the claims ---

def _claims(text: str):
    return sorted((c.action, c.count, c.munition_class) for c in claims_of(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a total over a period is not a claim of one attack
        ("Zelensky said Russia had fired 1,500 drones at Ukraine over the past three weeks.", []),
        ("This winter, Russia launched more than 4,000 Shahed drones, the president said.", []),
        ("Since the start of the year, air defences have shot down 2,100 drones, the defence minister said.", []),
        ("In the first ten days of January, Russia fired 300 missiles, the president said.", []),
        ("Russia has fired close to 3,000 missiles since its full-scale invasion began, Zelensky said.", []),
        # one night or one attack stays a claim
        ("Over the past 24 hours, air defences shot down 20 drones, the air force said.", [("intercepted", 20, "uav")]),
        ("On the night of 12 March, Russia launched 50 drones, the air force said.", [("launched", 50, "uav")]),
        ("Russia launched 500 drones overnight in the largest attack since the invasion began, the air force said.",
         [("launched", 500, "uav")]),
        ("The Russian defence ministry, which has reported such attacks since 2022, said 10 drones were shot down.",
         [("intercepted", 10, "uav")]),
        # "all of them", "every one", "all N": the whole of the count before
        ("Russia launched 60 drones overnight, the air force said. Every one was shot down.",
         [("intercepted", 60, "uav"), ("launched", 60, "uav")]),
        ("The air force said Russia attacked with 35 drones overnight. They were all destroyed.",
         [("intercepted", 35, "uav"), ("launched", 35, "uav")]),
        ("Russia launched 12 missiles overnight, the air force said. Air defences downed all 12.",
         [("intercepted", 12, "missile"), ("launched", 12, "missile")]),
        ("Russia launched 40 drones overnight, the air force said. Not all were shot down.",
         [("launched", 40, "uav")]),
        # a platform is not a count
        ("The ministry said two sea drones were destroyed by fire from a frigate and a Ka-27 helicopter.",
         [("intercepted", 2, "naval_drone")]),
        ("Ukrainian forces fired four rockets from a HIMARS launcher and one missile from a Tochka-U launcher, "
         "the ministry said.", [("launched", 1, "ballistic_missile"), ("launched", 4, "rocket")]),
        ("A car in Kherson was hit by a drone, the governor said.", [("hit", 1, "uav")]),
        ("The ministry said a Ukrainian drone was shot down by a Su-35 fighter.", [("intercepted", 1, "uav")]),
    ],
)
def test_claims_over_periods_and_sets(text, expected):
    assert _claims(text) == expected


def test_all_with_another_number_takes_no_count_before():
    """"all 10" after a launch of 12 is not "all of the 12"."""
    claims = _claims("Russia launched 12 missiles overnight, the air force said. Air defences downed all 10 over Kyiv.")
    assert ("intercepted", 12, "missile") not in claims
