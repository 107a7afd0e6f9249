"""What happened to a counted munition: voice, word order, negation and modality."""

from __future__ import annotations

import pytest

from pipeline.extract.actions import is_modal, is_negated, is_passive, link_action

from .support import last_sentence, mentions_by_sentence, view_of


def _actions(text: str) -> list[str | None]:
    """The action linked to each counted munition of the text's last sentence."""
    view = view_of(text)
    sent = last_sentence(view)
    found = mentions_by_sentence(view)[-1]
    out = []
    for m in found:
        others = [(o.start, o.end) for o in found if o is not m]
        link = link_action(view, sent, (m.start, m.end), m.head, others, is_aircraft=m.is_aircraft)
        out.append(link.action if link else None)
    return out


@pytest.mark.parametrize(
    ("text", "action"),
    [
        # intercepted: active, passive, perfect, present, clipped passive
        ("Air defences shot down 12 drones.", "intercepted"),
        ("Twelve drones were shot down.", "intercepted"),
        ("Twelve drones have been destroyed.", "intercepted"),
        ("Air defence destroys 12 drones.", "intercepted"),
        ("Four drones shot down over the region.", "intercepted"),
        ("Air defence forces neutralised 15 drones.", "intercepted"),
        ("Air defense forces neutralized 15 drones.", "intercepted"),
        ("Air defences intercepted and destroyed 22 drones.", "intercepted"),
        ("Five drones were suppressed by air defence.", "intercepted"),
        ("Eight missiles fired by Ukraine were shot down.", "intercepted"),
        ("Our forces destroyed an Su-34.", "intercepted"),
        ("The drone was shot down and its debris fell on a house.", "intercepted"),
        # suppressed: electronic warfare and failure to reach
        ("Five drones were locationally lost.", "suppressed"),
        ("Five drones were lost locationally.", "suppressed"),
        ("Five drones were suppressed by electronic warfare.", "suppressed"),
        ("Five drones did not reach their targets.", "suppressed"),
        ("Five drones failed to reach their targets.", "suppressed"),
        # hit
        ("Three missiles hit the city.", "hit"),
        ("The city was hit by three missiles.", "hit"),
        ("A drone crashed into a house.", "hit"),
        ("Hits by eight missiles were recorded.", "hit"),
        ("The navy said its crews hit an enemy command post with two sea drones.", "hit"),
        # launched
        ("Russia launched 40 drones.", "launched"),
        ("Forty drones were launched.", "launched"),
        ("A Kh-59 missile was detected over the Sumy region.", "launched"),
        ("Russia attacked Kyiv with 40 drones.", "launched"),
        ("Russia struck Odesa with 12 missiles.", "launched"),
        ("Russia struck the capital with 30 drones.", "launched"),
        ("Two sea drones tried to attack the ship.", "launched"),
        ("The air force repelled an attack by 21 drones.", "launched"),
        ("Ukraine launched a barrage of 30 drones.", "launched"),
    ],
)
def test_single_mention(text, action):
    assert _actions(text) == [action]


@pytest.mark.parametrize(
    "text",
    [
        "Air defences did not shoot down 12 drones.",
        "Air defences never intercepted 12 drones.",
        "Russia could launch 300 missiles.",
        "Russia plans to launch 300 drones.",
        "Moscow is capable of firing 50 missiles.",
        "The army bought 12 drones.",
    ],
)
def test_negated_hypothetical_or_unrelated_gives_no_action(text):
    assert _actions(text) == [None]


@pytest.mark.parametrize(
    ("text", "actions"),
    [
        ("Russia launched 27 drones, of which 20 were shot down.", ["launched", "intercepted"]),
        ("Russia launched 36 drones and three missiles.", ["launched", "launched"]),
        ("Twelve drones and two missiles were shot down.", ["intercepted", "intercepted"]),
        ("35 drones were shot down, while 12 were locationally lost.", ["intercepted", "suppressed"]),
    ],
)
def test_several_mentions(text, actions):
    assert _actions(text) == actions


@pytest.mark.parametrize(
    ("text", "trigger", "passive", "negated", "modal"),
    [
        ("Twelve drones were also destroyed.", "destroyed", True, False, False),
        ("Air defences destroyed 12 drones.", "destroyed", False, False, False),
        ("No drones were destroyed.", "destroyed", True, True, False),
        ("Russia could launch missiles.", "launch", False, False, True),
    ],
)
def test_trigger_predicates(text, trigger, passive, negated, modal):
    view = view_of(text)
    sent = last_sentence(view)
    trig = next(t for t in view.matches("triggers", sent) if view.words[t.start] == trigger)
    assert is_passive(view, trig, sent.start) is passive
    assert is_negated(view, trig, sent.start) is negated
    assert is_modal(view, trig, sent.start) is modal
