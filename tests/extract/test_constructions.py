"""End to end, by construction: lists, parts of totals, jamming, the attacked country and
captures that are only aims. Each sentence is a paraphrase written for the test."""

from __future__ import annotations

import pytest

from .test_claims import RU_MOD, UA_AF, assert_claims, capture, munition

UA_GOV_KHARKIV = ("Governor of Kharkiv Oblast", "regional_official", "UA")
RU_GOV_KURSK = ("Governor of Kursk Oblast", "regional_official", "RU")
UA_GS_KIND = ("general_staff", "UA")

CASES = {
    # a list after a colon takes the verb before it, the first item included
    "colon list with a total": (
        "The Air Force said 104 air attack means were shot down: 90 Shahed-type drones, 10 Kh-101 cruise missiles "
        "and 4 Kalibr missiles.",
        [
            munition("intercepted", 104, "exact", "mixed", attacker="RU", by=UA_AF),
            munition("intercepted", 90, "exact", "uav", "Shahed-136", attacker="RU", by=UA_AF),
            munition("intercepted", 10, "exact", "cruise_missile", "Kh-101", attacker="RU", by=UA_AF),
            munition("intercepted", 4, "exact", "cruise_missile", "Kalibr", attacker="RU", by=UA_AF),
        ],
    ),
    "colon list after an uncounted total": (
        "The Air Force said these targets were neutralised: 58 drones and 3 Iskander-M missiles.",
        [
            munition("intercepted", 58, "exact", "uav", attacker="RU", by=UA_AF),
            munition("intercepted", 3, "exact", "ballistic_missile", "Iskander-M", attacker="RU", by=UA_AF),
        ],
    ),
    "dash list of launches": (
        "The enemy attacked with the following \u2014 70 Shahed drones and 5 Kh-59 missiles, the Air Force said.",
        [
            munition("launched", 70, "exact", "uav", "Shahed-136", attacker="RU", by=UA_AF),
            munition("launched", 5, "exact", "cruise_missile", "Kh-59", attacker="RU", by=UA_AF),
        ],
    ),
    "per-type launch list with slashed models": (
        "Overnight the enemy attacked with 112 Shahed-type strike drones, 6 Iskander-M/KN-23 ballistic missiles, "
        "14 Kh-101/Kh-555 cruise missiles and 3 Kh-59 guided missiles, the Air Force said.",
        [
            munition("launched", 112, "exact", "uav", "Shahed-136", attacker="RU", by=UA_AF),
            munition("launched", 6, "exact", "ballistic_missile", None, attacker="RU", by=UA_AF),
            munition("launched", 14, "exact", "cruise_missile", None, attacker="RU", by=UA_AF),
            munition("launched", 3, "exact", "cruise_missile", "Kh-59", attacker="RU", by=UA_AF),
        ],
    ),
    "a model name in quotes": (
        "The Air Force said nine 'Kalibr' cruise missiles and 20 \"Shahed\" drones were fired overnight.",
        [
            munition("launched", 9, "exact", "cruise_missile", "Kalibr", attacker="RU", by=UA_AF),
            munition("launched", 20, "exact", "uav", "Shahed-136", attacker="RU", by=UA_AF),
        ],
    ),
    "class words joined before one noun": (
        "The Air Force said Russia fired eleven Iskander ballistic and cruise missiles at Dnipro.",
        [munition("launched", 11, "exact", "mixed", None, attacker="RU", by=UA_AF, at=("UA-12", "UA", "Dnipro"))],
    ),
    # a later count refers to the whole total a sentence broke into parts
    "of the total after its parts": (
        "The Air Force said Russia sent 300 aerial weapons at Ukraine, 280 of them drones and 20 of them missiles. "
        "Of the total, 190 were shot down, while 85 were jammed.",
        [
            munition("launched", 300, "exact", "mixed", attacker="RU", by=UA_AF, at=(None, "UA")),
            munition("launched", 280, "exact", "uav", attacker="RU", by=UA_AF, at=(None, "UA")),
            munition("launched", 20, "exact", "missile", attacker="RU", by=UA_AF, at=(None, "UA")),
            munition("intercepted", 190, "exact", "mixed", attacker="RU", by=UA_AF),
            munition("suppressed", 85, "exact", "mixed", attacker="RU", by=UA_AF),
        ],
    ),
    # a bare number as the object of the verb, its side from the launch it is part of
    "bare object of a shoot-down verb": (
        "Russia launched 60 drones. Air defence shot down 35 and 20 were locationally lost.",
        [
            munition("launched", 60, "exact", "uav", attacker="RU", by=None),
            munition("intercepted", 35, "exact", "uav", attacker="RU", by=None),
            munition("suppressed", 20, "exact", "uav", attacker="RU", by=None),
        ],
    ),
    "vague part jammed": (
        "The air force said Russia launched 85 drones overnight. Forty were shot down, and several were either "
        "redirected or turned out to be decoys.",
        [
            munition("launched", 85, "exact", "uav", attacker="RU", by=UA_AF),
            munition("intercepted", 40, "exact", "uav", attacker="RU", by=UA_AF),
            munition("suppressed", None, "unspecified", "uav", attacker="RU", by=UA_AF),
        ],
    ),
    "vanished from radar": (
        "Ukraine's Air Force said 40 decoy drones vanished from radar without causing damage.",
        [munition("suppressed", 40, "exact", "uav", attacker="RU", by=UA_AF)],
    ),
    "casualties are not counts": (
        "Russia sent 20 drones at Sumy, killing two people and wounding 14 others, the Air Force said.",
        [munition("launched", 20, "exact", "uav", attacker="RU", by=UA_AF, at=("UA-59", "UA", "Sumy"))],
    ),
    # a plain "missiles" is the one kind of missile its paragraph named
    "missile kind from the paragraph": (
        "The Air Force said Russia fired 39 drones and four ballistic missiles overnight. Air defence forces shot "
        "down two missiles and 24 drones.",
        [
            munition("launched", 39, "exact", "uav", attacker="RU", by=UA_AF),
            munition("launched", 4, "exact", "ballistic_missile", attacker="RU", by=UA_AF),
            munition("intercepted", 2, "exact", "ballistic_missile", attacker="RU", by=UA_AF),
            munition("intercepted", 24, "exact", "uav", attacker="RU", by=UA_AF),
        ],
    ),
    "two kinds named leave a plain missile generic": (
        "The Air Force said Russia fired three cruise missiles and two ballistic missiles. Two missiles were "
        "shot down.",
        [
            munition("launched", 3, "exact", "cruise_missile", attacker="RU", by=UA_AF),
            munition("launched", 2, "exact", "ballistic_missile", attacker="RU", by=UA_AF),
            munition("intercepted", 2, "exact", "missile", attacker="RU", by=UA_AF),
        ],
    ),
    # "across the country" is the attacked side's country, whoever speaks
    "across the country, Russian claimant": (
        "Russia's defence ministry said 46 Ukrainian drones were destroyed across the country overnight.",
        [munition("intercepted", 46, "exact", "uav", attacker="UA", by=RU_MOD, at=(None, "RU"))],
    ),
    "across several regions": (
        "Three missiles and 41 drones fired by Russia were downed across nine regions, the air force said.",
        [
            munition("intercepted", 3, "exact", "missile", attacker="RU", by=UA_AF, at=(None, "UA")),
            munition("intercepted", 41, "exact", "uav", attacker="RU", by=UA_AF, at=(None, "UA")),
        ],
    ),
    # on the way somewhere is not where it happened
    "heading towards the governor's region": (
        "The Kursk governor said eight drones were shot down as they flew towards Kursk.",
        [munition("intercepted", 8, "exact", "uav", attacker="UA", by=RU_GOV_KURSK, at=None)],
    ),
    "claims inside a quote take the speaker after it": (
        '"Overnight our air defence destroyed 23 enemy drones over the region. Another five were suppressed by '
        'electronic warfare," Governor Oleh Syniehubov wrote on Telegram.',
        [
            munition("intercepted", 23, "exact", "uav", attacker="RU", by=UA_GOV_KHARKIV, at=("UA-63", "UA")),
            munition("suppressed", 5, "exact", "uav", attacker="RU", by=UA_GOV_KHARKIV, at=("UA-63", "UA")),
        ],
    ),
    "copular breakdown by region": (
        "Air defence systems destroyed 27 Ukrainian drones overnight, the Russian Defence Ministry said. "
        "Of these, 11 were over the Bryansk region and nine over the Kursk region.",
        [
            munition("intercepted", 27, "exact", "uav", attacker="UA", by=RU_MOD, at=(None, "RU")),
            munition("intercepted", 11, "exact", "uav", attacker="UA", by=RU_MOD, at=("RU-BRY", "RU")),
            munition("intercepted", 9, "exact", "uav", attacker="UA", by=RU_MOD, at=("RU-KRS", "RU")),
        ],
    ),
    "the drones of a sentence about sea drones are sea drones": (
        "Russia's defence ministry said Ukrainian sea drones attacked the bridge; all three of the drones were destroyed.",
        [munition("intercepted", 3, "exact", "naval_drone", attacker="UA", by=RU_MOD)],
    ),
    "a plain count of drones beside sea drones stays drones": (
        "The Russian defence ministry said three naval drones and 12 drones were destroyed.",
        [
            munition("intercepted", 3, "exact", "naval_drone", attacker="UA", by=RU_MOD),
            munition("intercepted", 12, "exact", "uav", attacker="UA", by=RU_MOD),
        ],
    ),
    "an outlet quoting the ministry passes its claim on": (
        "Russia's Defence Ministry, quoted by TASS, said 41 Ukrainian drones had been intercepted over the Bryansk region.",
        [munition("intercepted", 41, "exact", "uav", attacker="UA", by=RU_MOD, at=("RU-BRY", "RU"))],
    ),
    "an unqualified ministry speaks for the side whose air defence acts": (
        "Ukraine's security service said its drones hit a refinery. Russian air defences destroyed 112 Ukrainian "
        "drones overnight, the ministry said.",
        [munition("intercepted", 112, "exact", "uav", attacker="UA", by=RU_MOD)],
    ),
    "the head of a city's military administration": (
        "The head of the Kyiv City Military Administration said two drones were shot down.",
        [munition("intercepted", 2, "exact", "uav", attacker="RU", by=("regional_official", "UA"), at=("UA-30", "UA"))],
    ),
    "the head of an oblast's military administration": (
        "The head of the Kyiv Regional Military Administration said two drones were shot down.",
        [munition("intercepted", 2, "exact", "uav", attacker="RU", by=("Governor of Kyiv Oblast", "regional_official", "UA"),
                  at=("UA-32", "UA"))],
    ),
    "where missiles were fired from is not where they went": (
        "The Air Force said Russia fired nine Kh-101 cruise missiles from strategic bombers over the Caspian Sea and "
        "14 Kalibr missiles launched from ships in the Black Sea.",
        [
            munition("launched", 9, "exact", "cruise_missile", "Kh-101", attacker="RU", by=UA_AF),
            munition("launched", 14, "exact", "cruise_missile", "Kalibr", attacker="RU", by=UA_AF),
        ],
    ),
    "a village named before its district": (
        "In the village of Nikolskoye in the Belgorod district, a drone struck a house, Governor Vyacheslav Gladkov said.",
        [munition("hit", 1, "exact", "uav", attacker="UA", by=("Governor of Belgorod Oblast", "regional_official", "RU"),
                  at=("RU-BEL", "RU", "Nikolskoye"))],
    ),
    "a Russian village the gazetteer does not place, told by its governor": (
        "In Petrovka, a drone hit a car, Governor Vyacheslav Gladkov said.",
        [munition("hit", 1, "exact", "uav", attacker="UA", by=("Governor of Belgorod Oblast", "regional_official", "RU"),
                  at=("RU-BEL", "RU", "Petrovka"))],
    ),
    "'it said' is the body named last": (
        "Ukraine's Air Force said the night was difficult. The president said it was a hard week. "
        "It said 50 drones were shot down.",
        [munition("intercepted", 50, "exact", "uav", attacker="RU", by=UA_AF)],
    ),
    "one count over a list of several classes": (
        "The Russian Defence Ministry said that 45 drones, missiles and other projectiles fired from Ukraine had been "
        "intercepted.",
        [munition("intercepted", 45, "exact", "mixed", attacker="UA", by=RU_MOD)],
    ),
    "a capture restated later keeps its date": (
        "The Russian Defence Ministry said on Friday that its forces had taken control of the village of Dalne. "
        "The capture of Dalne follows weeks of fighting.",
        [capture("Dalne", None, None, attacker="RU", by=RU_MOD)],
    ),
    "all of them after a list: each item": (
        "The Air Force said the enemy used 15 cruise missiles and 18 Shahed drones. All of them were destroyed.",
        [
            munition("launched", 15, "exact", "cruise_missile", attacker="RU", by=UA_AF),
            munition("launched", 18, "exact", "uav", "Shahed-136", attacker="RU", by=UA_AF),
            munition("intercepted", 15, "exact", "cruise_missile", attacker="RU", by=UA_AF),
            munition("intercepted", 18, "exact", "uav", "Shahed-136", attacker="RU", by=UA_AF),
        ],
    ),
    "all these targets in the same sentence": (
        "The Air Force said the enemy used 4 Kh-59 missiles and 20 drones - all these air targets were destroyed.",
        [
            munition("launched", 4, "exact", "cruise_missile", "Kh-59", attacker="RU", by=UA_AF),
            munition("launched", 20, "exact", "uav", attacker="RU", by=UA_AF),
            munition("intercepted", 4, "exact", "cruise_missile", "Kh-59", attacker="RU", by=UA_AF),
            munition("intercepted", 20, "exact", "uav", attacker="RU", by=UA_AF),
        ],
    ),
    "one count over several named types has no model": (
        "The Air Force said Russia attacked with 50 Shahed, Gerbera and other drones.",
        [munition("launched", 50, "exact", "uav", None, attacker="RU", by=UA_AF)],
    ),
    "a count of one type beside uncounted decoys keeps its model": (
        "The Air Force said Russia launched 39 Shahed drones, other simulator drones and four ballistic missiles.",
        [
            munition("launched", 39, "exact", "uav", "Shahed-136", attacker="RU", by=UA_AF),
            munition("launched", 4, "exact", "ballistic_missile", attacker="RU", by=UA_AF),
        ],
    ),
    "the region of a city's name is the region": (
        "The air force brought down 14 drones over the southern region of Mykolaiv, Governor Vitalii Kim said.",
        [munition("intercepted", 14, "exact", "uav", attacker="RU", by=("Governor of Mykolaiv Oblast", "regional_official", "UA"),
                  at=("UA-48", "UA", None))],
    ),
    "a quotation over two paragraphs, the speaker named at its end": (
        '"Tonight the enemy again attacked our region with drones. Air defence destroyed 14 of them over the '
        'Sumy district.\n\n"Two more drones hit a warehouse in Shostka. Nobody was hurt," Governor Oleh Hryhorov '
        "wrote on Telegram.",
        [
            munition("intercepted", 14, "exact", "uav", attacker="RU",
                     by=("Governor of Sumy Oblast", "regional_official", "UA"), at=("UA-59", "UA", "Sumy district")),
            munition("hit", 2, "exact", "uav", attacker="RU",
                     by=("Governor of Sumy Oblast", "regional_official", "UA"), at=("UA-59", "UA", "Shostka")),
        ],
    ),
    "electronic warfare as the subject of its own verb": (
        "The air force said 51 drones were shot down and electronic warfare diverted up to 30 more.",
        [
            munition("intercepted", 51, "exact", "uav", attacker="RU", by=UA_AF),
            munition("suppressed", 30, "at_most", "uav", attacker="RU", by=UA_AF),
        ],
    ),
    "drones that attacked an area were launched at it": (
        "Governor Ivan Fedorov said 373 drones attacked settlements across the Zaporizhzhia region.",
        [munition("launched", 373, "exact", "uav", attacker="RU",
                  by=("Governor of Zaporizhzhia Oblast", "regional_official", "UA"), at=("UA-23", "UA"))],
    ),
    "a drone that attacked one object hit it": (
        "Governor Vyacheslav Gladkov said a Ukrainian drone attacked an apartment block in Shebekino.",
        [munition("hit", 1, "exact", "uav", attacker="UA",
                  by=("Governor of Belgorod Oblast", "regional_official", "RU"), at=("RU-BEL", "RU", "Shebekino"))],
    ),
    "a town under attack from drones": (
        "Governor Vyacheslav Gladkov said the town of Graivoron came under attack from 31 drones.",
        [munition("launched", 31, "exact", "uav", attacker="UA",
                  by=("Governor of Belgorod Oblast", "regional_official", "RU"), at=("RU-BEL", "RU", "Graivoron"))],
    ),
    "earlier this week is one undated attack": (
        "Earlier this week, Russia attacked Ukraine with about 60 drones, the air force said.",
        [munition("launched", 60, "approximately", "uav", attacker="RU", by=UA_AF, at=(None, "UA"), on=None)],
    ),
    "one of the largest aerial attacks is no hit": (
        "Russia fired 40 cruise missiles and six Kinzhal missiles in one of the largest aerial attacks of the war, "
        "the air force said.",
        [
            munition("launched", 40, "exact", "cruise_missile", attacker="RU", by=UA_AF),
            munition("launched", 6, "exact", "ballistic_missile", "Kinzhal", attacker="RU", by=UA_AF),
        ],
    ),
    "one near one place and the other in another": (
        "Ukraine's military has destroyed two Ka-52 helicopters, one of them near Zaporizhzhia and the other in the "
        "Kyiv region, the General Staff said.",
        [
            munition("intercepted", 2, "exact", "aircraft", "Ka-52", attacker="RU", by=UA_GS_KIND, at=(None, "UA")),
            munition("intercepted", 1, "exact", "aircraft", "Ka-52", attacker="RU", by=UA_GS_KIND,
                     at=("UA-23", "UA", "Zaporizhzhia")),
            munition("intercepted", 1, "exact", "aircraft", "Ka-52", attacker="RU", by=UA_GS_KIND, at=("UA-32", "UA")),
        ],
    ),
    "an outlet retelling what a body did": (
        "As Ukrinform reported earlier, Ukraine's air defence forces destroyed 309 of the 324 drones overnight.",
        [
            munition("intercepted", 309, "exact", "uav", attacker="RU", by=UA_AF),
            munition("launched", 324, "exact", "uav", attacker="RU", by=UA_AF),
        ],
    ),
    "over the region: the region the article is about": (
        "Ukraine fired six ATACMS missiles at a facility in the Bryansk region, the Russian Defence Ministry said. "
        "Five of them were shot down over the region.",
        [
            munition("launched", 6, "exact", "ballistic_missile", "ATACMS", attacker="UA", by=RU_MOD, at=("RU-BRY", "RU")),
            munition("intercepted", 5, "exact", "ballistic_missile", "ATACMS", attacker="UA", by=RU_MOD, at=("RU-BRY", "RU")),
        ],
    ),
    "a mayor's claim is in his city; a city district is no village": (
        "Kharkiv Mayor Ihor Terekhov reported that three drones hit the city's Kyivskyi district.",
        [munition("hit", 3, "exact", "uav", attacker="RU", by=("Mayor of Kharkiv", "regional_official", "UA"),
                  at=("UA-63", "UA", "Kharkiv"))],
    ),
    "an apposition names the item just counted": (
        "The missile, an Iskander-M, struck near a playground, Governor Serhii Lysak said.",
        [munition("hit", 1, "exact", "ballistic_missile", "Iskander-M", attacker="RU",
                  by=("Governor of Dnipropetrovsk Oblast", "regional_official", "UA"), at=("UA-12", "UA"))],
    ),
    "a port opening the sentence frames it": (
        "In the Russian port of Novorossiysk, where much of the fleet is based, two sea drones tried to attack the "
        "naval base and were destroyed, said Veniamin Kondratyev, governor of the Krasnodar region.",
        [
            munition("launched", 2, "exact", "naval_drone", attacker="UA", by=("regional_official", "RU"),
                     at=("RU-KDA", "RU", "Novorossiysk")),
            munition("intercepted", 2, "exact", "naval_drone", attacker="UA", by=("regional_official", "RU"),
                     at=("RU-KDA", "RU", "Novorossiysk")),
        ],
    ),
    "all of which were destroyed elsewhere than their target": (
        "The Russian Defence Ministry said Ukraine tried to attack Crimea with four uncrewed boats, all of which were "
        "destroyed in the western part of the Black Sea.",
        [
            munition("launched", 4, "exact", "naval_drone", attacker="UA", by=RU_MOD, at=("UA-43", "UA")),
            munition("intercepted", 4, "exact", "naval_drone", attacker="UA", by=RU_MOD),
        ],
    ),
    "the side of a launch just told carries to its interception": (
        "On the night of March 5, the enemy attacked with 112 Shahed drones. By morning, 86 drones had been shot down "
        "in the north and east of the country.",
        [
            munition("launched", 112, "exact", "uav", "Shahed-136", attacker="RU", by=None, on="2025-03-05"),
            munition("intercepted", 86, "exact", "uav", attacker="RU", by=None, on="2025-03-05"),
        ],
    ),
    "a date opening the sentence anchors its 'past day'": (
        "On March 8, Konashenkov told reporters that Russian air defences had intercepted three Storm Shadow missiles "
        "in the past day.",
        [munition("intercepted", 3, "exact", "cruise_missile", "Storm Shadow", attacker="UA", by=RU_MOD, on="2025-03-08")],
    ),
    "lines of a list under the verb that opens it": (
        "The Air Force said the following were shot down overnight:\n- 45 Shahed drones;\n- 3 Kalibr missiles;\n"
        "- 2 Kh-59 missiles.",
        [
            munition("intercepted", 45, "exact", "uav", "Shahed-136", attacker="RU", by=UA_AF),
            munition("intercepted", 3, "exact", "cruise_missile", "Kalibr", attacker="RU", by=UA_AF),
            munition("intercepted", 2, "exact", "cruise_missile", "Kh-59", attacker="RU", by=UA_AF),
        ],
    ),
    "the statement read: the body whose statement it is": (
        "The General Staff of the Armed Forces of Ukraine made the announcement in a statement on Facebook.\n\n"
        '"Our defenders shot down a Ka-52 helicopter in the Kyiv region," the statement read.',
        [munition("intercepted", 1, "exact", "aircraft", "Ka-52", attacker="RU", by=UA_GS_KIND, at=("UA-32", "UA"))],
    ),
    "the body that did it states it": (
        "Ukraine's Air Force shot down 30 drones overnight.",
        [munition("intercepted", 30, "exact", "uav", attacker="RU", by=UA_AF)],
    ),
    "the source opens the next paragraph": (
        "Russian troops attacked Ukraine with 58 drones overnight. Air defence destroyed 25 of them.\n\n"
        'Quote from the Air Force: "Work on the consequences is under way."',
        [
            munition("launched", 58, "exact", "uav", attacker="RU", by=UA_AF, at=(None, "UA")),
            munition("intercepted", 25, "exact", "uav", attacker="RU", by=UA_AF),
        ],
    ),
    "a former name of a town elsewhere gives way to the region written": (
        "The General Staff said Ukrainian troops had recaptured Kamianka in the Kharkiv region.",
        [capture("Kamianka", "UA-63", "UA", attacker="UA",
                 by=("General Staff of the Armed Forces of Ukraine", "general_staff", "UA"))],
    ),
    "a town and the other villages named after it": (
        "The Russian Defence Ministry said its troops had established full control of Lysychansk and other "
        "nearby villages, including Verkhnokamianka, Zolotarivka and Bila Hora.",
        [
            capture("Lysychansk", "UA-09", "UA", attacker="RU", by=RU_MOD),
            capture("Verkhnokamianka", "UA-09", "UA", attacker="RU", by=RU_MOD),
            capture("Zolotarivka", "UA-09", "UA", attacker="RU", by=RU_MOD),
            capture("Bila Hora", "UA-09", "UA", attacker="RU", by=RU_MOD),
        ],
    ),
    "a person's name is not a place": (
        "Vladimir Putin said Russian forces captured the village of Dalne.",
        [capture("Dalne", None, None, attacker="RU", by=("President of Russia", "national_leader", "RU"))],
    ),
}

NOT_CLAIMED = {
    "a habit in the present tense": "Most Russian missiles are shot down by Ukrainian air defence, the air force said.",
    "a modal several words back": "Residents speculated that the town might in fact have been struck by a missile.",
    "not all of them": "Not all of them were shot down, the air force said.",
}

NO_CAPTURES = {
    "an earlier occupation is background": "Russian troops had occupied the village since early in the war, the governor said.",
    "an aim is not a capture": "Russian troops kept advancing near Bakhmut, the city Moscow has been trying to capture for months.",
    "a town passed on the way": "Russian forces, edging closer to the town of Kurakhove, have seized a village, the ministry said.",
    "the liberation of a region names no settlement": (
        "Shoigu reported to Vladimir Putin on the liberation of the Luhansk People's Republic, the ministry said."
    ),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_construction(text, expected):
    assert_claims(text, expected)


@pytest.mark.parametrize("text", NO_CAPTURES.values(), ids=NO_CAPTURES.keys())
def test_no_capture(text):
    from .support import claims_of

    assert [(c.action, c.location_name) for c in claims_of(text) if c.action == "captured"] == []


@pytest.mark.parametrize("text", NOT_CLAIMED.values(), ids=NOT_CLAIMED.keys())
def test_not_claimed(text):
    from .support import claims_of

    assert [(c.action, c.count) for c in claims_of(text)] == []


def test_not_all_of_a_launch():
    assert_claims(
        "Russia launched 30 drones at Odesa, the air force said. Not all of them were shot down.",
        [munition("launched", 30, "exact", "uav", attacker="RU", by=UA_AF, at=("UA-51", "UA", "Odesa"))],
    )
