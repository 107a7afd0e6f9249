"""Sentences the extractor once read wrongly, with what the annotation guide codes for them."""

from __future__ import annotations

import pytest

from pipeline.extract import extract_claims
from pipeline.extract.numbers import parse_number
from pipeline.extract.segment import segment

from .support import claims_of, words_of
from .test_claims import RU_MOD, UA_AF, UA_GS, assert_claims, capture, munition

BLACK_SEA_FLEET = ("Black Sea Fleet", "military_branch", "RU")

CASES = [
    (
        "Russia launched 90 Shahed attack drones and decoys at Ukraine overnight, the Ukrainian Air Force said.",
        [munition("launched", 90, "exact", "uav", None, attacker="RU", by=UA_AF, at=(None, "UA"))],
    ),
    (
        "Of the 64 drones launched, 40 were locationally lost, the air force said.",
        [
            munition("launched", 64, "exact", "uav", attacker="RU", by=UA_AF),
            munition("suppressed", 40, "exact", "uav", attacker="RU", by=UA_AF),
        ],
    ),
    (
        "Russia attacked Ukraine overnight with 48 Shahed drones. Of those, 39 were downed, the air force reported on Telegram.",
        [
            munition("launched", 48, "exact", "uav", "Shahed-136", attacker="RU", by=UA_AF, at=(None, "UA")),
            munition("intercepted", 39, "exact", "uav", "Shahed-136", attacker="RU", by=UA_AF),
        ],
    ),
    (
        "Two Ukrainian uncrewed boats tried to attack a Russian ship and were destroyed, the ministry said.",
        [
            munition("launched", 2, "exact", "naval_drone", attacker="UA", by=RU_MOD),
            munition("intercepted", 2, "exact", "naval_drone", attacker="UA", by=RU_MOD),
        ],
    ),
    (
        "Russian forces foiled an attempt to attack Crimea with 25 drones, the defence ministry said.",
        [munition("launched", 25, "exact", "uav", attacker="UA", by=RU_MOD, at=("UA-43", "UA"))],
    ),
    (
        "Russia carried out an attack by 21 drones on Odesa overnight, the air force said.",
        [munition("launched", 21, "exact", "uav", attacker="RU", by=UA_AF, at=("UA-51", "UA", "Odesa"))],
    ),
    (
        "According to the air force, 50 drones were neutralised: 30 shot down and 20 lost to electronic warfare.",
        [
            munition("intercepted", 50, "exact", "uav", attacker="RU", by=UA_AF),
            munition("intercepted", 30, "exact", "uav", attacker="RU", by=UA_AF),
            munition("suppressed", 20, "exact", "uav", attacker="RU", by=UA_AF),
        ],
    ),
    (
        "The Russian Defence Ministry said air defence systems destroyed 337 drones over 10 Russian regions.",
        [munition("intercepted", 337, "exact", "uav", attacker="UA", by=RU_MOD, at=(None, "RU"))],
    ),
    (
        "The defence ministry said three drones were destroyed overnight, one apiece over the Leningrad, Bryansk and Tula regions.",
        [
            munition("intercepted", 3, "exact", "uav", attacker="UA", by=RU_MOD, at=(None, "RU")),
            munition("intercepted", 1, "exact", "uav", attacker="UA", by=RU_MOD, at=("RU-LEN", "RU")),
            munition("intercepted", 1, "exact", "uav", attacker="UA", by=RU_MOD, at=("RU-BRY", "RU")),
            munition("intercepted", 1, "exact", "uav", attacker="UA", by=RU_MOD, at=("RU-TUL", "RU")),
        ],
    ),
    (
        "Russia fired 10 missiles, including 4 Kh-101 missiles, at Ukraine overnight, the air force said.",
        [
            munition("launched", 10, "exact", "missile", attacker="RU", by=UA_AF, at=(None, "UA")),
            munition("launched", 4, "exact", "cruise_missile", "Kh-101", attacker="RU", by=UA_AF, at=(None, "UA")),
        ],
    ),
    (
        "Pishchane has been captured by Russian troops, the Russian Defence Ministry said.",
        [capture("Pishchane", None, "UA", attacker="RU", by=RU_MOD)],  # a name of villages in many oblasts
    ),
    (
        "The General Staff of Ukraine's Armed Forces said Russia had launched 40 drones overnight.",
        [munition("launched", 40, "exact", "uav", attacker="RU", by=UA_GS)],
    ),
    (
        "Russia's Black Sea Fleet said it had destroyed three Ukrainian naval drones.",
        [munition("intercepted", 3, "exact", "naval_drone", attacker="UA", by=BLACK_SEA_FLEET)],
    ),
    (
        "Air defences shot down a hundred and five drones over Russian regions, the ministry said.",
        [munition("intercepted", 105, "exact", "uav", attacker="UA", by=RU_MOD, at=(None, "RU"))],
    ),
    (
        "The ministry said 8 drones were downed overnight:\n1. Kursk region – 5\n2. Bryansk region – 3",
        [
            munition("intercepted", 8, "exact", "uav", attacker="UA", by=RU_MOD, at=(None, "RU")),
            munition("intercepted", 5, "exact", "uav", attacker="UA", by=RU_MOD, at=("RU-KRS", "RU")),
            munition("intercepted", 3, "exact", "uav", attacker="UA", by=RU_MOD, at=("RU-BRY", "RU")),
        ],
    ),
    (
        "Russia fired five missiles at Kyiv on March 3, the city's military administration said.",
        [munition("launched", 5, "exact", "missile", attacker="RU", by=("regional_official", "UA"),
                  at=("UA-30", "UA"), on="2025-03-03")],
    ),
    (
        "Belgorod Governor Vyacheslav Gladkov said the region had been attacked by 27 drones; 20 were shot down.",
        [
            munition("launched", 27, "exact", "uav", attacker="UA", by=("regional_official", "RU"), at=("RU-BEL", "RU")),
            munition("intercepted", 20, "exact", "uav", attacker="UA", by=("regional_official", "RU"), at=("RU-BEL", "RU")),
        ],
    ),
    (
        "According to the regional governor, Ukrainian drones attacked an oil depot in the Tambov region; "
        "three of them were shot down and one hit a fuel tank.",
        [
            munition("intercepted", 3, "exact", "uav", attacker="UA", by=("regional_official", "RU"), at=("RU-TAM", "RU")),
            munition("hit", 1, "exact", "uav", attacker="UA", by=("regional_official", "RU"), at=("RU-TAM", "RU")),
        ],
    ),
    (
        "Ukrainian forces liberated the villages of Kamianske and Stepove in the Zaporizhzhia region, the General Staff said.",
        [
            capture("Kamianske", "UA-23", "UA", attacker="UA", by=UA_GS),
            capture("Stepove", "UA-23", "UA", attacker="UA", by=UA_GS),
        ],
    ),
]

CASES += [
    (
        "Russian forces attacked Ukraine overnight with 215 aerial attack assets, including 206 Shahed-type attack UAVs "
        "and decoy drones, and 9 missiles, the Air Force reported. Ukraine's air defence neutralised 199 aerial targets: "
        "87 drones were shot down and 103 drones were locationally lost, while 9 missiles were downed.",
        [
            munition("launched", 215, "exact", "mixed", attacker="RU", by=UA_AF, at=(None, "UA")),
            munition("launched", 206, "exact", "uav", None, attacker="RU", by=UA_AF, at=(None, "UA")),
            munition("launched", 9, "exact", "missile", attacker="RU", by=UA_AF, at=(None, "UA")),
            munition("intercepted", 199, "exact", "mixed", attacker="RU", by=UA_AF),
            munition("intercepted", 87, "exact", "uav", attacker="RU", by=UA_AF),
            munition("suppressed", 103, "exact", "uav", attacker="RU", by=UA_AF),
            munition("intercepted", 9, "exact", "missile", attacker="RU", by=UA_AF),
        ],
    ),
    (
        "The Russian Defence Ministry said its forces destroyed 174 Ukrainian drones over Russian regions overnight. "
        "The ministry insisted that all of the aerial targets had been neutralised.",
        [munition("intercepted", 174, "exact", "uav", attacker="UA", by=RU_MOD, at=(None, "RU"))],
    ),
]

SEVASTOPOL_GOVERNOR = ("Governor of Sevastopol", "regional_official", "RU")

CASES += [
    (  # a copular breakdown of a launched total
        "Russia launched 400 aerial weapons overnight; 372 were drones and 28 were missiles, the air force said.",
        [
            munition("launched", 400, "exact", "mixed", attacker="RU", by=UA_AF),
            munition("launched", 372, "exact", "uav", attacker="RU", by=UA_AF),
            munition("launched", 28, "exact", "missile", attacker="RU", by=UA_AF),
        ],
    ),
    (  # "among them": a part of the total, with its own model
        "Russia launched 45 drones overnight, among them 30 Shaheds, the Ukrainian Air Force said.",
        [
            munition("launched", 45, "exact", "uav", attacker="RU", by=UA_AF),
            munition("launched", 30, "exact", "uav", "Shahed-136", attacker="RU", by=UA_AF),
        ],
    ),
    (  # "shot down or suppressed": one neutralised total, coded as intercepted
        "Russia launched 120 drones overnight; 98 were shot down or suppressed by electronic warfare, the air force said.",
        [
            munition("launched", 120, "exact", "uav", attacker="RU", by=UA_AF),
            munition("intercepted", 98, "exact", "uav", attacker="RU", by=UA_AF),
        ],
    ),
    (  # the Russian-installed head of an occupied region speaks for Russia, about that region
        "Sevastopol governor Mikhail Razvozhayev said air defences shot down six drones over the city overnight.",
        [munition("intercepted", 6, "exact", "uav", attacker="UA", by=SEVASTOPOL_GOVERNOR, at=("UA-40", "UA"))],
    ),
    (  # a paragraph opened by a place alone is about that place
        "Kharkiv region. Air defences destroyed 11 drones over the region overnight, the air force said.",
        [munition("intercepted", 11, "exact", "uav", attacker="RU", by=UA_AF, at=("UA-63", "UA"))],
    ),
    (  # a label on a line of its own heads the paragraphs below it, up to the next label
        "Kharkiv region:\nAir defences destroyed 11 drones, the air force said.\n\n"
        "Odesa region:\nTwo drones hit a port, the air force said.",
        [
            munition("intercepted", 11, "exact", "uav", attacker="RU", by=UA_AF, at=("UA-63", "UA")),
            munition("hit", 2, "exact", "uav", attacker="RU", by=UA_AF, at=("UA-51", "UA")),
        ],
    ),
    (  # captured settlements take the region written right after them
        "Russian forces captured Lukyantsy and Hlyboke in the Kharkiv region, the Russian Defence Ministry said.",
        [
            capture("Lukyantsy", "UA-63", "UA", attacker="RU", by=RU_MOD),
            capture("Hlyboke", "UA-63", "UA", attacker="RU", by=RU_MOD),
        ],
    ),
]

NO_CLAIM = [
    "Russia could launch up to 300 missiles in a single strike, Zelensky warned.",
    "Russia denied that its forces had shot down 12 Ukrainian drones.",
    "Russian forces failed to capture Bakhmut, the General Staff said.",
    "Russian forces plan to seize Kramatorsk, the General Staff said.",
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[f"case{i:02d}" for i in range(len(CASES))])
def test_regression(text, expected):
    assert_claims(text, expected)


@pytest.mark.parametrize("text", NO_CLAIM)
def test_regression_no_claim(text):
    assert claims_of(text) == []


def test_headline_repeating_a_cumulative_figure_is_not_a_claim():
    article = (
        "---\ntitle: Air defences have destroyed more than 80,000 aerial targets so far, president says\n"
        "source: unit test\npublished: 2025-03-14\n---\n"
        "Since the start of the war, air defence forces have destroyed over 80,000 aerial targets, the president said.\n"
    )
    title = "Air defences have destroyed more than 80,000 aerial targets so far, president says"
    start = article.index(title)
    meta = {"published": "2025-03-14", "title_start": start, "title_end": start + len(title)}
    assert extract_claims(article, meta) == []
    # the same headline over an article that does not give the figure as cumulative is a claim
    plain = article.replace("Since the start of the war, air", "Air")
    assert [c.count for c in extract_claims(plain, meta)] == [80000]


def test_a_hundred_and_five():
    assert parse_number(words_of("a hundred and five drones"), 0) == (105, 4)


def test_numbered_list_items_stay_whole():
    text = "1. Kursk region – 5\n2. Bryansk region – 3"
    sentences = [text[s:e] for b in segment(text) for s, e in b.sentences]
    assert sentences == ["1. Kursk region – 5", "2. Bryansk region – 3"]
