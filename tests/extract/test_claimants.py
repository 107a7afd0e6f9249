"""Who makes a claim: named bodies, officials by name or role, generic sides, relays."""

from __future__ import annotations

import pytest

from pipeline.extract.claimants import Claimant, bodies_named, choose, claimant_table, find_speakers, official_claimant

from .support import only_sentence, view_of

RU_MOD = ("Russian Ministry of Defence", "ministry_of_defence", "RU")
UA_AF = ("Ukrainian Air Force", "air_force", "UA")
UA_GS = ("General Staff of the Armed Forces of Ukraine", "general_staff", "UA")


def _claimant(text: str, action: str = "intercepted"):
    view = view_of(text)
    sent = only_sentence(view)
    chosen = choose(find_speakers(view, sent, None, None), sent.start)
    if chosen is None:
        return None
    c = chosen.resolve(action)
    return (c.name, c.kind, c.country)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Russian Defence Ministry said drones were downed.", RU_MOD),
        ("Drones were downed, the Russian Defense Ministry said.", RU_MOD),
        ("Drones were downed, according to Russia's Ministry of Defence.", RU_MOD),
        ("Russia's defence ministry reported that drones were downed.", RU_MOD),
        ("Ukraine's air force said drones were downed.", UA_AF),
        ("Drones were downed, according to the air force.", UA_AF),
        ("The Air Force of the Armed Forces of Ukraine reported that drones were downed.", UA_AF),
        ("Yurii Ihnat, spokesman for the air force, said drones were downed.", UA_AF),
        ("Ukraine's General Staff said drones were downed.", UA_GS),
        ("Ukraine's navy said drones were downed.", ("Ukrainian Navy", "military_branch", "UA")),
        ("Natalia Humeniuk said drones were downed.", ("Ukrainian Operational Command South", "military_branch", "UA")),
        ("Ukrainian military intelligence said drones were downed.", ("Ukrainian Defence Intelligence (HUR)", "intelligence", "UA")),
        ("The SBU said drones were downed.", ("Security Service of Ukraine (SBU)", "intelligence", "UA")),
        ("Zelensky said drones were downed.", ("President of Ukraine", "national_leader", "UA")),
        ("TASS reported that drones were downed.", ("TASS", "state_media", "RU")),
        ("TASS reported, citing the defence ministry, that drones were downed.", RU_MOD),
        # regional officials, by name and by role; officials installed by Russia
        ("Governor Vyacheslav Gladkov said drones were downed.", ("Governor of Belgorod Oblast", "regional_official", "RU")),
        ("Drones were downed, Gladkov wrote on Telegram.", ("Governor of Belgorod Oblast", "regional_official", "RU")),
        ("The governor of the Kursk region said drones were downed.", ("Governor of Kursk Oblast", "regional_official", "RU")),
        ("Kursk Governor Alexander Khinshtein said drones were downed.", ("Governor of Kursk Oblast", "regional_official", "RU")),
        ("Oleh Syniehubov, the head of the Kharkiv regional military administration, said drones were downed.",
         ("Governor of Kharkiv Oblast", "regional_official", "UA")),
        ("Moscow Mayor Sergei Sobyanin said drones were downed.", ("Mayor of Moscow", "regional_official", "RU")),
        ("Sergei Aksyonov said drones were downed.", ("Head of the Republic of Crimea", "regional_official", "RU")),
        # generic sides stand for their usual source
        ("Russia said drones were downed.", RU_MOD),
        ("The Russian military said drones were downed.", RU_MOD),
        ("Kyiv said drones were downed.", UA_AF),
        ("According to Kiev, drones were downed.", UA_AF),
        ("The Ukrainian military said drones were downed.", UA_AF),
        ("The Russian Federation said drones were downed.", RU_MOD),
        # a relative clause between the body and its verb of saying
        ("The Khortytsia group, which is in charge of the front line around Kupiansk, said drones were downed.",
         ("Ukrainian Operational Command South", "military_branch", "UA")),
    ],
)
def test_speaker(text, expected):
    assert _claimant(text) == expected


@pytest.mark.parametrize(
    ("text", "action", "expected"),
    [
        ("Kyiv said its troops took the village.", "captured", UA_GS),
        ("Kyiv said its troops took the village.", "launched", UA_AF),
        ("Moscow said its troops took the village.", "captured", RU_MOD),
    ],
)
def test_generic_side_resolves_per_action(text, action, expected):
    assert _claimant(text, action) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Drones were downed over Russia.",
        "Drones were downed over the Kursk region.",
        # "added that X had destroyed": X did it; the one who added it is not named here
        "It added that Black Sea Fleet crews had destroyed two sea drones.",
    ],
)
def test_no_speaker(text):
    assert _claimant(text) is None


def test_relayed_source_beats_the_outlet():
    view = view_of("RIA Novosti reported, citing the Russian Defence Ministry, that drones were downed.")
    sent = only_sentence(view)
    speakers = find_speakers(view, sent, None, None)
    assert [(s.claimant.name, s.relayed) for s in speakers] == [
        ("RIA Novosti", False),
        ("Russian Ministry of Defence", True),
    ]


def test_postposed_speaker_is_marked():
    view = view_of("Drones were downed, the air force said.")
    (speaker,) = find_speakers(view, only_sentence(view), None, None)
    assert speaker.postposed is True


def test_role_takes_the_region_in_context():
    view = view_of("The governor said drones were downed.")
    (speaker,) = find_speakers(view, only_sentence(view), "RU", "RU-VOR")
    assert (speaker.claimant.name, speaker.claimant.region) == ("Governor of Voronezh Oblast", "RU-VOR")


def test_generic_claimant_resolution():
    generic = Claimant(None, None, "UA", generic="UA")
    assert generic.resolve("hit").name == "Ukrainian Air Force"
    assert generic.resolve("captured").name == "General Staff of the Armed Forces of Ukraine"
    named = Claimant("TASS", "state_media", "RU", media=True)
    assert named.resolve("captured") is named


def test_official_claimants_name_their_region():
    table = claimant_table()
    for index, entry in enumerate(table.officials):
        c = official_claimant(index)
        assert c.kind == "regional_official" and c.region == entry["region"]
        assert c.country == entry.get("installed_by", entry["region"].split("-")[0])


def test_the_agency_is_the_agency_named_before():
    view = view_of("Ukraine's military intelligence agency gave another version. The agency said two sea drones hit a ship.")
    bodies = bodies_named(view, view.sentences[0], None)
    assert bodies["agency"].name == "Ukrainian Defence Intelligence (HUR)"
    (speaker,) = find_speakers(view, view.sentences[1], "UA", None, context_bodies=bodies)
    assert speaker.claimant.name == "Ukrainian Defence Intelligence (HUR)"


@pytest.mark.parametrize(
    ("text", "name", "kind", "country"),
    [
        ("The Ukrainian military's Southern Command said 14 drones were destroyed.",
         "Ukrainian Operational Command South", "military_branch", "UA"),
        ("The Sumy military administration said 8 drones were downed.", "Governor of Sumy Oblast", "regional_official", "UA"),
        ("Russia's Ministry of Emergency Situations said a drone hit a house in Kursk.",
         "Russian emergency services", "other", "RU"),
        ("Ukraine's sea drone unit said three of its naval drones struck a Russian landing ship.",
         "Ukrainian Unmanned Systems Forces", "military_branch", "UA"),
    ],
)
def test_named_bodies_and_administrations(text, name, kind, country):
    from .support import claims_of

    (claim,) = claims_of(text)
    assert (claim.claimant, claim.claimant_kind, claim.claimant_country) == (name, kind, country)
