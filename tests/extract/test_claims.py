"""End to end: article text in, claims out, field by field as the annotation guide codes them."""

from __future__ import annotations

import pytest

from .support import PUBLISHED, claims_of

FIELDS = (
    "action", "count", "count_qualifier", "munition_class", "munition_model", "attacker", "claimant",
    "claimant_kind", "claimant_country", "location_admin1", "location_country", "location_name", "event_date",
)

RU_MOD = ("Russian Ministry of Defence", "ministry_of_defence", "RU")
UA_AF = ("Ukrainian Air Force", "air_force", "UA")
UA_GS = ("General Staff of the Armed Forces of Ukraine", "general_staff", "UA")
TODAY = PUBLISHED  # "overnight", "today", "over the past 24 hours"
YESTERDAY = "2025-03-13"


def _by(claimant) -> dict:
    if claimant is None:
        return {"claimant": None, "claimant_kind": None, "claimant_country": None}
    if len(claimant) == 2:
        return {"claimant_kind": claimant[0], "claimant_country": claimant[1]}
    return dict(zip(("claimant", "claimant_kind", "claimant_country"), claimant))


def _at(place) -> dict:
    if place is None:
        place = (None, None, None)
    if len(place) == 2:
        place = (*place, None)
    return dict(zip(("location_admin1", "location_country", "location_name"), place))


def munition(action, count, qualifier, cls, model=None, *, attacker, by, at=None, on=TODAY) -> dict:
    """The expected fields of a launched/intercepted/suppressed/hit claim."""
    return {
        "action": action, "count": count, "count_qualifier": qualifier, "munition_class": cls,
        "munition_model": model, "attacker": attacker, "event_date": on, **_by(by), **_at(at),
    }


def capture(name, admin1, country, *, attacker, by, on=TODAY) -> dict:
    """The expected fields of a captured claim."""
    return {
        "action": "captured", "count": None, "count_qualifier": None, "munition_class": None,
        "munition_model": None, "attacker": attacker, "event_date": on, **_by(by), **_at((admin1, country, name)),
    }


def _row(claim) -> dict:
    row = {f: getattr(claim, f) for f in FIELDS}
    row["event_date"] = claim.event_date.isoformat() if claim.event_date else None
    return row


def assert_claims(text: str, expected: list[dict], published: str | None = PUBLISHED) -> None:
    """Every expected claim is found (on the fields it names) and there are no others."""
    rows = [_row(c) for c in claims_of(text, published)]
    left = list(rows)
    for want in expected:
        match = next((r for r in left if all(r[k] == v for k, v in want.items())), None)
        assert match is not None, f"missing {want}\n in {rows}"
        left.remove(match)
    assert not left, f"unexpected {left}"


CASES = [
    # --- interceptions, with the claimant before or after, in either spelling ---
    (
        "Russia's defence ministry said its air defences destroyed 12 Ukrainian drones over the Belgorod region overnight.",
        [munition("intercepted", 12, "exact", "uav", attacker="UA", by=RU_MOD, at=("RU-BEL", "RU"))],
    ),
    (
        "According to the Russian Defense Ministry, at least 30 Ukrainian drones were shot down over the Bryansk region.",
        [munition("intercepted", 30, "at_least", "uav", attacker="UA", by=RU_MOD, at=("RU-BRY", "RU"))],
    ),
    (
        "MOSCOW, May 8. /TASS/. Russian air defenses neutralized 35 Ukrainian unmanned aerial vehicles overnight, "
        "the Russian Defense Ministry said.",
        [munition("intercepted", 35, "exact", "uav", attacker="UA", by=RU_MOD)],
    ),
    (
        "Russian air defences intercepted and destroyed twenty-two drones over the Kursk Region, the ministry of defence said.",
        [munition("intercepted", 22, "exact", "uav", attacker="UA", by=RU_MOD, at=("RU-KRS", "RU"))],
    ),
    (
        "Over the past 24 hours, air defence means shot down two dozen UAVs, the Russian Defence Ministry said.",
        [munition("intercepted", 24, "exact", "uav", attacker="UA", by=RU_MOD)],
    ),
    (
        "Air defences downed a dozen drones over the Voronezh region, Governor Alexander Gusev said.",
        [munition("intercepted", 12, "exact", "uav", attacker="UA",
                  by=("Governor of Voronezh Oblast", "regional_official", "RU"), at=("RU-VOR", "RU"))],
    ),
    (
        "Air defences shot down nearly two dozen drones over the Bryansk region, Governor Bogomaz said.",
        [munition("intercepted", 24, "approximately", "uav", attacker="UA",
                  by=("Governor of Bryansk Oblast", "regional_official", "RU"), at=("RU-BRY", "RU"))],
    ),
    (
        "About 50 drones were downed over the Moscow region, Mayor Sergei Sobyanin said.",
        [munition("intercepted", 50, "approximately", "uav", attacker="UA",
                  by=("Mayor of Moscow", "regional_official", "RU"), at=("RU-MOS", "RU"))],
    ),
    (
        "Up to 10 drones were shot down over the Belgorod region, the governor said.",
        [munition("intercepted", 10, "at_most", "uav", attacker="UA",
                  by=("Governor of Belgorod Oblast", "regional_official", "RU"), at=("RU-BEL", "RU"))],
    ),
    (
        "Dozens of drones were shot down over the Moscow region, Sobyanin said.",
        [munition("intercepted", None, "unspecified", "uav", attacker="UA",
                  by=("Mayor of Moscow", "regional_official", "RU"), at=("RU-MOS", "RU"))],
    ),
    (
        "The defence ministry said a number of drones were destroyed over the Kaluga region.",
        [munition("intercepted", None, "unspecified", "uav", attacker="UA", by=RU_MOD, at=("RU-KLU", "RU"))],
    ),
    (
        "Russia's defence ministry said a record number of Ukrainian drones were destroyed overnight.",
        [munition("intercepted", None, "unspecified", "uav", attacker="UA", by=RU_MOD)],
    ),
    (
        "More than 70 drones were destroyed over Russian regions overnight, the ministry said.",
        [munition("intercepted", 70, "at_least", "uav", attacker="UA", by=RU_MOD, at=(None, "RU"))],
    ),
    (
        "Air defence destroyed 1,200 drones over Russian regions in a single night, the ministry said.",
        [munition("intercepted", 1200, "exact", "uav", attacker="UA", by=RU_MOD, at=(None, "RU"))],
    ),
    (
        "Russian air defences destroy 12 Ukrainian drones over Kursk region, the ministry says.",
        [munition("intercepted", 12, "exact", "uav", attacker="UA", by=RU_MOD, at=("RU-KRS", "RU"))],
    ),
    (
        "Ukraine has shot down 35 Russian drones overnight, the air force says.",
        [munition("intercepted", 35, "exact", "uav", attacker="RU", by=UA_AF)],
    ),
    (
        "Eight missiles fired by Ukraine were shot down over the Belgorod region, the ministry said.",
        [munition("intercepted", 8, "exact", "missile", attacker="UA", by=RU_MOD, at=("RU-BEL", "RU"))],
    ),
    (
        "Russia's defence ministry said it had shot down eight ATACMS missiles. Kyiv did not comment.",
        [munition("intercepted", 8, "exact", "ballistic_missile", "ATACMS", attacker="UA", by=RU_MOD)],
    ),
    (
        "Three missiles were shot down over the Black Sea, the Russian Defence Ministry said.",
        [munition("intercepted", 3, "exact", "missile", attacker="UA", by=RU_MOD, at=(None, None, "Black Sea"))],
    ),
    (
        "Ukraine's navy said it had destroyed a Russian Su-24 fighter over the Black Sea.",
        [munition("intercepted", 1, "exact", "aircraft", "Su-24", attacker="RU",
                  by=("Ukrainian Navy", "military_branch", "UA"), at=(None, None, "Black Sea"))],
    ),
    (
        "Ukraine's air force said it had destroyed a Russian Su-34 fighter jet in the Donetsk region.",
        [munition("intercepted", 1, "exact", "aircraft", "Su-34", attacker="RU", by=UA_AF, at=("UA-14", "UA"))],
    ),
    (
        "Two X-101 missiles were shot down over the Lugansk region, the air force said.",
        [munition("intercepted", 2, "exact", "cruise_missile", "Kh-101", attacker="RU", by=UA_AF, at=("UA-09", "UA"))],
    ),
    (
        "Ukraine's air force said three Russian drones were shot down in Kyiv Oblast.",
        [munition("intercepted", 3, "exact", "uav", attacker="RU", by=UA_AF, at=("UA-32", "UA"))],
    ),
    (
        "Sergei Aksyonov, the Russian-installed head of Crimea, said four drones were shot down over the peninsula.",
        [munition("intercepted", 4, "exact", "uav", attacker="UA",
                  by=("Head of the Republic of Crimea", "regional_official", "RU"), at=("UA-43", "UA"))],
    ),
    (
        "Six drones were destroyed over Sevastopol, Governor Mikhail Razvozhaev said.",
        [munition("intercepted", 6, "exact", "uav", attacker="UA",
                  by=("Governor of Sevastopol", "regional_official", "RU"), at=("UA-40", "UA"))],
    ),
    (
        "TASS reported that air defences shot down 12 drones over Crimea.",
        [munition("intercepted", 12, "exact", "uav", attacker="UA", by=("TASS", "state_media", "RU"), at=("UA-43", "UA"))],
    ),
    (
        "Russian state news agency RIA Novosti said 7 drones were destroyed over the Moscow region, citing the defence ministry.",
        [munition("intercepted", 7, "exact", "uav", attacker="UA", by=RU_MOD, at=("RU-MOS", "RU"))],
    ),
    (
        "Russia's Black Sea Fleet destroyed three Ukrainian naval drones, the defence ministry said.",
        [munition("intercepted", 3, "exact", "naval_drone", attacker="UA", by=RU_MOD)],
    ),
    # --- totals with breakdowns: the total takes the country, each part its region ---
    (
        "Air defence systems shot down 41 Ukrainian drones overnight, the Russian Defence Ministry said. "
        "28 were destroyed over the Saratov region, 4 over the Voronezh region and 9 over the Kursk region.",
        [
            munition("intercepted", 41, "exact", "uav", attacker="UA", by=RU_MOD, at=(None, "RU")),
            munition("intercepted", 28, "exact", "uav", attacker="UA", by=RU_MOD, at=("RU-SAR", "RU")),
            munition("intercepted", 4, "exact", "uav", attacker="UA", by=RU_MOD, at=("RU-VOR", "RU")),
            munition("intercepted", 9, "exact", "uav", attacker="UA", by=RU_MOD, at=("RU-KRS", "RU")),
        ],
    ),
    (
        "The ministry said 26 Ukrainian drones were destroyed overnight:\n\n"
        "7 \u2013 over the territory of Smolensk region\n"
        "12 \u2013 over the territory of Bryansk region\n"
        "7 \u2013 over the territory of Kaluga region",
        [
            munition("intercepted", 26, "exact", "uav", attacker="UA", by=RU_MOD, at=(None, "RU")),
            munition("intercepted", 7, "exact", "uav", attacker="UA", by=RU_MOD, at=("RU-SMO", "RU")),
            munition("intercepted", 12, "exact", "uav", attacker="UA", by=RU_MOD, at=("RU-BRY", "RU")),
            munition("intercepted", 7, "exact", "uav", attacker="UA", by=RU_MOD, at=("RU-KLU", "RU")),
        ],
    ),
    (
        "MOSCOW, March 12. /TASS/. Air defence forces destroyed 17 Ukrainian drones overnight, the Russian Defence "
        "Ministry said. Of these, 9 were downed over the Kursk region, 5 over the Belgorod region and 3 over the "
        "Oryol region.",
        [
            munition("intercepted", 17, "exact", "uav", attacker="UA", by=RU_MOD, at=(None, "RU")),
            munition("intercepted", 9, "exact", "uav", attacker="UA", by=RU_MOD, at=("RU-KRS", "RU")),
            munition("intercepted", 5, "exact", "uav", attacker="UA", by=RU_MOD, at=("RU-BEL", "RU")),
            munition("intercepted", 3, "exact", "uav", attacker="UA", by=RU_MOD, at=("RU-ORL", "RU")),
        ],
    ),
    (
        "Russian air defence shot down 19 Ukrainian drones overnight, the ministry said, including 11 over the Belgorod region.",
        [
            munition("intercepted", 19, "exact", "uav", attacker="UA", by=RU_MOD, at=(None, "RU")),
            munition("intercepted", 11, "exact", "uav", attacker="UA", by=RU_MOD, at=("RU-BEL", "RU")),
        ],
    ),
    (
        "Several drones were shot down over the Leningrad region and one in Kursk, the defence ministry said.",
        [
            munition("intercepted", None, "unspecified", "uav", attacker="UA", by=RU_MOD, at=("RU-LEN", "RU")),
            munition("intercepted", 1, "exact", "uav", attacker="UA", by=RU_MOD, at=("RU-KRS", "RU")),
        ],
    ),
    (
        "Air defences shot down 16 Ukrainian drones over the Kursk, Belgorod and Voronezh regions, "
        "the Russian Defence Ministry said.",
        [munition("intercepted", 16, "exact", "uav", attacker="UA", by=RU_MOD, at=(None, "RU"))],
    ),
    (
        "The Ukrainian Air Force said 20 drones were shot down over the Kyiv, Chernihiv and Sumy regions.",
        [munition("intercepted", 20, "exact", "uav", attacker="RU", by=UA_AF, at=(None, "UA"))],
    ),
    # --- launches, partitives and the two sides' claims ---
    (
        "Russia launched 81 drones at Ukraine overnight. Ukraine's Air Force reported downing 34 of them.",
        [
            munition("launched", 81, "exact", "uav", attacker="RU", by=UA_AF, at=(None, "UA")),
            munition("intercepted", 34, "exact", "uav", attacker="RU", by=UA_AF),
        ],
    ),
    (
        "Ukraine's air force said it downed 34 of the 81 drones launched by Russia overnight.",
        [
            munition("intercepted", 34, "exact", "uav", attacker="RU", by=UA_AF),
            munition("launched", 81, "exact", "uav", attacker="RU", by=UA_AF),
        ],
    ),
    (
        "Ukraine's air force said it shot down all but five of the 27 drones Russia launched overnight.",
        [
            munition("intercepted", 22, "exact", "uav", attacker="RU", by=UA_AF),
            munition("launched", 27, "exact", "uav", attacker="RU", by=UA_AF),
        ],
    ),
    (
        "Ukraine's air force said it downed 58 of the 60 Shahed drones launched overnight.",
        [
            munition("intercepted", 58, "exact", "uav", "Shahed-136", attacker="RU", by=UA_AF),
            munition("launched", 60, "exact", "uav", "Shahed-136", attacker="RU", by=UA_AF),
        ],
    ),
    (
        "Russia launched 40 drones overnight, the air force said. All of them were shot down.",
        [
            munition("launched", 40, "exact", "uav", attacker="RU", by=UA_AF),
            munition("intercepted", 40, "exact", "uav", attacker="RU", by=UA_AF),
        ],
    ),
    (
        "Russia attacked Ukraine with 100 drones overnight, of which 60 were shot down and 33 were locationally lost, "
        "the Ukrainian Air Force said.",
        [
            munition("launched", 100, "exact", "uav", attacker="RU", by=UA_AF, at=(None, "UA")),
            munition("intercepted", 60, "exact", "uav", attacker="RU", by=UA_AF),
            munition("suppressed", 33, "exact", "uav", attacker="RU", by=UA_AF),
        ],
    ),
    (
        "Ukraine's air force said 99 of the 128 drones were shot down and 29 were lost to electronic warfare.",
        [
            munition("intercepted", 99, "exact", "uav", attacker="RU", by=UA_AF),
            munition("launched", 128, "exact", "uav", attacker="RU", by=UA_AF),
            munition("suppressed", 29, "exact", "uav", attacker="RU", by=UA_AF),
        ],
    ),
    (
        "Russia launched 50 drones overnight, the air force said. 30 were shot down and the rest were locationally lost.",
        [
            munition("launched", 50, "exact", "uav", attacker="RU", by=UA_AF),
            munition("intercepted", 30, "exact", "uav", attacker="RU", by=UA_AF),
            munition("suppressed", 20, "exact", "uav", attacker="RU", by=UA_AF),
        ],
    ),
    (
        "The Ukrainian military said Russia had fired 12 Kh-101 cruise missiles and six Kalibr missiles at the country overnight.",
        [
            munition("launched", 12, "exact", "cruise_missile", "Kh-101", attacker="RU", by=UA_AF, at=(None, "UA")),
            munition("launched", 6, "exact", "cruise_missile", "Kalibr", attacker="RU", by=UA_AF, at=(None, "UA")),
        ],
    ),
    (
        "A total of 120 missiles and drones were launched at Ukraine overnight, the air force said.",
        [munition("launched", 120, "exact", "mixed", attacker="RU", by=UA_AF, at=(None, "UA"))],
    ),
    (
        "Zelensky said Russia had fired more than 400 drones at Ukraine overnight.",
        [munition("launched", 400, "at_least", "uav", attacker="RU",
                  by=("President of Ukraine", "national_leader", "UA"), at=(None, "UA"))],
    ),
    (
        "Russia launched 40 Geran-2 drones at Zaporozhye, Ukraine's air force said.",
        [munition("launched", 40, "exact", "uav", "Shahed-136", attacker="RU", by=UA_AF,
                  at=("UA-23", "UA", "Zaporizhzhia"))],
    ),
    (
        "Five missiles of the Iskander-M type were launched at Kharkov, the air force said.",
        [munition("launched", 5, "exact", "ballistic_missile", "Iskander-M", attacker="RU", by=UA_AF,
                  at=("UA-63", "UA", "Kharkiv"))],
    ),
    (
        "Yesterday, Russian forces launched 20 drones at the Odesa region, according to the air force.",
        [munition("launched", 20, "exact", "uav", attacker="RU", by=UA_AF, at=("UA-51", "UA"), on=YESTERDAY)],
    ),
    (
        "The air force said it had repelled an attack by 21 drones overnight.",
        [munition("launched", 21, "exact", "uav", attacker="RU", by=UA_AF)],
    ),
    (
        "The overnight attack by 21 Russian drones targeted Odesa, the air force said.",
        [munition("launched", 21, "exact", "uav", attacker="RU", by=UA_AF, at=("UA-51", "UA", "Odesa"))],
    ),
    (
        "Russia launched 40 drones overnight, the air force said. Most of them were shot down.",
        [
            munition("launched", 40, "exact", "uav", attacker="RU", by=UA_AF),
            munition("intercepted", None, "unspecified", "uav", attacker="RU", by=UA_AF),
        ],
    ),
    (
        "Two Ukrainian uncrewed boats tried to attack a Russian ship, the ministry said.",
        [munition("launched", 2, "exact", "naval_drone", attacker="UA", by=RU_MOD)],
    ),
    # --- electronic warfare ---
    (
        "Nine drones were suppressed by electronic warfare, Kyiv said.",
        [munition("suppressed", 9, "exact", "uav", attacker="RU", by=UA_AF)],
    ),
    (
        "Twelve drones did not reach their targets, the Ukrainian air force said.",
        [munition("suppressed", 12, "exact", "uav", attacker="RU", by=UA_AF)],
    ),
    (
        "The air force said 35 drones were shot down, while 12 were locationally lost.",
        [
            munition("intercepted", 35, "exact", "uav", attacker="RU", by=UA_AF),
            munition("suppressed", 12, "exact", "uav", attacker="RU", by=UA_AF),
        ],
    ),
    # --- hits ---
    (
        "Hits by eight missiles and 14 drones were recorded in six locations, the air force said.",
        [
            munition("hit", 8, "exact", "missile", attacker="RU", by=UA_AF),
            munition("hit", 14, "exact", "uav", attacker="RU", by=UA_AF),
        ],
    ),
    (
        "A drone struck a car in Shebekino, Gladkov said on Telegram.",
        [munition("hit", 1, "exact", "uav", attacker="UA", by=("Governor of Belgorod Oblast", "regional_official", "RU"),
                  at=("RU-BEL", "RU", "Shebekino"))],
    ),
    (
        "Governor Vyacheslav Gladkov said on Tuesday that a Ukrainian drone hit a car in Shebekino.",
        [munition("hit", 1, "exact", "uav", attacker="UA", by=("Governor of Belgorod Oblast", "regional_official", "RU"),
                  at=("RU-BEL", "RU", "Shebekino"), on="2025-03-11")],
    ),
    (
        "A Russian missile hit an apartment block in Odessa, regional governor Oleh Kiper said.",
        [munition("hit", 1, "exact", "missile", attacker="RU", by=("Governor of Odesa Oblast", "regional_official", "UA"),
                  at=("UA-51", "UA", "Odesa"))],
    ),
    (
        "The head of the Kharkiv regional military administration, Oleh Syniehubov, said three guided bombs hit the city.",
        [munition("hit", 3, "exact", "guided_bomb", attacker="RU",
                  by=("Governor of Kharkiv Oblast", "regional_official", "UA"), at=("UA-63", "UA"))],
    ),
    # --- dates ---
    (
        "Air defence shot down 40 drones over Russia on Saturday, Moscow said.",
        [munition("intercepted", 40, "exact", "uav", attacker="UA", by=RU_MOD, at=(None, "RU"), on="2025-03-08")],
    ),
    (
        "Ukraine said on Sunday it had downed 15 Russian drones overnight.",
        [munition("intercepted", 15, "exact", "uav", attacker="RU", by=UA_AF, on="2025-03-09")],
    ),
    (
        "The Ukrainian Air Force said 14 drones were downed on December 30.",
        [munition("intercepted", 14, "exact", "uav", attacker="RU", by=UA_AF, on="2024-12-30")],
    ),
    (
        "Russia fired five missiles at Kyiv on March 3, the air force said.",
        [munition("launched", 5, "exact", "missile", attacker="RU", by=UA_AF, at=("UA-30", "UA"), on="2025-03-03")],
    ),
    # --- captures ---
    (
        "Russian forces took control of the village of Nadiya in the Luhansk region, the Russian Defence Ministry said on Sunday.",
        [capture("Nadiya", "UA-09", "UA", attacker="RU", by=RU_MOD, on="2025-03-09")],
    ),
    (
        "Russia's defence ministry said its troops had taken control of the village of Ivanivka in the Kharkov region.",
        [capture("Ivanivka", "UA-63", "UA", attacker="RU", by=RU_MOD)],
    ),
    (
        # several villages of Ukraine are called Nadiya (Nadiia) and the text names no region
        "Russian troops liberated Nadiya, the defence ministry said on Saturday.",
        [capture("Nadiya", None, "UA", attacker="RU", by=RU_MOD, on="2025-03-08")],
    ),
    (
        "Ukrainian forces retook the village of Robotyne in the Zaporizhzhia region, Kyiv said on March 3.",
        [capture("Robotyne", "UA-23", "UA", attacker="UA", by=UA_GS, on="2025-03-03")],
    ),
    (
        "Russia said its forces had captured the village of Krasnoye in Ukraine's Donetsk region.",
        [capture("Krasnoye", "UA-14", "UA", attacker="RU", by=RU_MOD)],
    ),
    (
        "Kyiv said its forces had liberated the village of Staromaiorske in the Donetsk region.",
        [capture("Staromaiorske", "UA-14", "UA", attacker="UA", by=UA_GS)],
    ),
    (
        "Ukrainian troops recaptured Klishchiivka, the Ukrainian army said.",
        [capture("Klishchiivka", "UA-14", "UA", attacker="UA", by=UA_GS)],
    ),
    (
        "Ukraine's General Staff said its troops had withdrawn from Krynky.",
        [capture("Krynky", "UA-65", "UA", attacker="RU", by=UA_GS)],
    ),
    (
        "The village of Novomykhailivka was liberated by units of the Southern group of forces, the Russian Defence Ministry said.",
        [capture("Novomykhailivka", "UA-14", "UA", attacker="RU", by=RU_MOD)],
    ),
    (
        "Units of the Russian Battlegroup Centre liberated the settlements of Novoselivka and Kalynove in the Donetsk "
        "People's Republic, the ministry said on Sunday.",
        [
            capture("Novoselivka", "UA-14", "UA", attacker="RU", by=RU_MOD, on="2025-03-09"),
            capture("Kalynove", "UA-14", "UA", attacker="RU", by=RU_MOD, on="2025-03-09"),
        ],
    ),
    (
        "Avdiivka has been captured by Russian troops, the Russian Defence Ministry said.",
        [capture("Avdiivka", "UA-14", "UA", attacker="RU", by=RU_MOD)],
    ),
    (
        "The Ukrainian army said Kupiansk was back in Ukrainian hands.",
        [capture("Kupiansk", "UA-63", "UA", attacker="UA", by=UA_GS)],
    ),
    (
        "Russian forces retook Sudzha in the Kursk region, the Russian military said on March 12.",
        [capture("Sudzha", "RU-KRS", "RU", attacker="RU", by=RU_MOD, on="2025-03-12")],
    ),
    (
        "Russian troops fought near Vuhledar, the Russian defence ministry said. On Tuesday they captured the town.",
        [capture("Vuhledar", "UA-14", "UA", attacker="RU", by=RU_MOD, on="2025-03-11")],
    ),
    # --- a list's place, a clause's end, what an aside or a sea leaves out ---
    (
        # a vague share set off by commas describes the total; the place ends the whole list
        "Russia fired 40 drones, most of them Shaheds, and four Iskander-M missiles at the Kharkiv region, "
        "Ukraine's air force said.",
        [
            munition("launched", 40, "exact", "uav", attacker="RU", by=UA_AF, at=("UA-63", "UA")),
            munition("launched", 4, "exact", "ballistic_missile", "Iskander-M", attacker="RU", by=UA_AF,
                     at=("UA-63", "UA")),
        ],
    ),
    (
        # the attribution closes the claim's clause: the city after it is not where it happened
        "Russia launched 25 drones at the Sumy region overnight, the air force said on Friday, as rescuers worked in Kharkiv.",
        [munition("launched", 25, "exact", "uav", attacker="RU", by=UA_AF, at=("UA-59", "UA"))],
    ),
    (
        # "as well as" joins a second item to the same interception and place
        "Air defence downed 30 drones over the Mykolaiv region, as well as two Kalibr missiles, the air force said.",
        [
            munition("intercepted", 30, "exact", "uav", attacker="RU", by=UA_AF, at=("UA-48", "UA")),
            munition("intercepted", 2, "exact", "cruise_missile", "Kalibr", attacker="RU", by=UA_AF, at=("UA-48", "UA")),
        ],
    ),
    (
        # "It added that the fleet had destroyed": the fleet did it, the ministry says so
        "Russia's defence ministry said air defences downed five drones over Crimea. "
        "It added that Black Sea Fleet crews had destroyed two uncrewed boats.",
        [
            munition("intercepted", 5, "exact", "uav", attacker="UA", by=RU_MOD, at=("UA-43", "UA")),
            munition("intercepted", 2, "exact", "naval_drone", attacker="UA", by=RU_MOD),
        ],
    ),
    (
        # a sea with no name gives no place, not the governor's region
        "Most of the drones were brought down over the water, Governor Razvozhaev said.",
        [munition("intercepted", None, "unspecified", "uav", attacker="UA",
                  by=("Governor of Sevastopol", "regional_official", "RU"))],
    ),
    (
        # "he added" after "the regional governor said": the governor, not the source of the next paragraph
        "A drone hit a shop in the Belgorod region, the regional governor said.\n\n"
        "Air defences downed three more drones over the region, he added.\n\n"
        "The Russian Defence Ministry said ten drones were destroyed over the Kursk region.",
        [
            munition("hit", 1, "exact", "uav", attacker="UA", by=("Governor of Belgorod Oblast", "regional_official", "RU"),
                     at=("RU-BEL", "RU")),
            munition("intercepted", 3, "exact", "uav", attacker="UA",
                     by=("Governor of Belgorod Oblast", "regional_official", "RU"), at=("RU-BEL", "RU")),
            munition("intercepted", 10, "exact", "uav", attacker="UA", by=RU_MOD, at=("RU-KRS", "RU")),
        ],
    ),
    (
        # list lines are the lead-in's claims, whoever the paragraph after the list quotes
        "Air defences destroyed six drones overnight, the Russian Defence Ministry said. According to the ministry, "
        "the drones were downed as follows:\n\n- 4 over the Oryol region\n- 2 over the Tula region\n\n"
        "The governor of the Tula region said two drones were destroyed near Aleksin.",
        [
            munition("intercepted", 6, "exact", "uav", attacker="UA", by=RU_MOD, at=(None, "RU")),
            munition("intercepted", 4, "exact", "uav", attacker="UA", by=RU_MOD, at=("RU-ORL", "RU")),
            munition("intercepted", 2, "exact", "uav", attacker="UA", by=RU_MOD, at=("RU-TUL", "RU")),
            munition("intercepted", 2, "exact", "uav", attacker="UA",
                     by=("Governor of Tula Oblast", "regional_official", "RU"), at=("RU-TUL", "RU", "Aleksin")),
        ],
    ),
    (
        # "its units struck a target with N drones": the drones hit it
        "A spokesman for Ukraine's navy said its units had struck a Russian radar near Cape Tarkhankut with two attack drones.",
        [munition("hit", 2, "exact", "uav", attacker="UA", by=("Ukrainian Navy", "military_branch", "UA"),
                  at=("UA-43", "UA", "Cape Tarkhankut"))],
    ),
    (
        # "the agency" is the intelligence agency named before it, not the governor quoted earlier
        "Three uncrewed boats were destroyed off the coast, Governor Razvozhaev said.\n\n"
        "Ukraine's military intelligence agency gave a different version of events. "
        "The agency said two sea drones had hit a Russian landing ship near Sevastopol.",
        [
            munition("intercepted", 3, "exact", "naval_drone", attacker="UA",
                     by=("Governor of Sevastopol", "regional_official", "RU"), at=("UA-40", "UA")),
            munition("hit", 2, "exact", "naval_drone", attacker="UA",
                     by=("Ukrainian Defence Intelligence (HUR)", "intelligence", "UA"), at=("UA-40", "UA")),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[f"case{i:02d}" for i in range(len(CASES))])
def test_claims(text, expected):
    assert_claims(text, expected)


NO_CLAIMS = [
    "No drones were shot down over the Bryansk region overnight, Governor Alexander Bogomaz said.",
    "The air force said none of the missiles were intercepted.",
    "Russia could launch up to 300 missiles at Ukraine, Kyiv said.",
    "Moscow is capable of firing 50 Kinzhal missiles a month, Ukrainian intelligence said.",
    "If Russia launches 100 drones, air defences will shoot down most of them, the air force said.",
    "This week Russia launched 1,300 drones at Ukraine, Zelensky said.",
    "Since the war began, Ukraine's air force has downed more than 20,000 drones.",
    "The Ukrainian Air Force said it had neutralised 1,200 drones since the start of the full-scale invasion.",
    "In the past week, Russia fired 90 missiles at Ukraine, the president said.",
    "Drones struck Kherson overnight, the regional governor said.",
    "A drone strike hit a warehouse in Kursk, the governor said.",
    "Ukrainian drones attacked the Engels air base, the Saratov governor said.",
    "The Patriot system can intercept missiles that reach 300 km.",
    "Russian forces did not capture Chasiv Yar, the General Staff said.",
    "Russian troops entered Toretsk, Ukrainian officials said.",
    "Russian forces are fighting for Pokrovsk, the General Staff said.",
    "Russian forces could capture Kupiansk within weeks, analysts said.",
    "Russian forces captured 12 villages in the Zaporozhye region, the ministry said.",
    "The plant took two direct hits, the governor said.",
]


@pytest.mark.parametrize("text", NO_CLAIMS)
def test_no_claim(text):
    assert [(c.action, c.count, c.evidence) for c in claims_of(text)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Ukrainian Air Force said 14 drones were downed on December 30.",
            munition("intercepted", 14, "exact", "uav", attacker="RU", by=UA_AF, on=None),
        ),
        (
            "A drone was shot down over the Kursk region on Monday, the governor said.",
            munition("intercepted", 1, "exact", "uav", attacker="UA",
                     by=("Governor of Kursk Oblast", "regional_official", "RU"), at=("RU-KRS", "RU"), on=None),
        ),
        (
            "Russia launched 30 drones overnight, the air force said.",
            munition("launched", 30, "exact", "uav", attacker="RU", by=UA_AF, on=None),
        ),
        (
            "A Russian drone hit a school in Kharkiv on May 2, 2023, Governor Oleh Syniehubov said.",
            munition("hit", 1, "exact", "uav", attacker="RU", by=("Governor of Kharkiv Oblast", "regional_official", "UA"),
                     at=("UA-63", "UA", "Kharkiv"), on="2023-05-02"),
        ),
    ],
)
def test_without_a_published_date(text, expected):
    assert_claims(text, [expected], published=None)


def test_year_comes_from_the_published_date():
    text = "A drone was shot down over the Kursk region on Monday, the governor said."
    assert_claims(
        text,
        [munition("intercepted", 1, "exact", "uav", attacker="UA",
                  by=("Governor of Kursk Oblast", "regional_official", "RU"), at=("RU-KRS", "RU"), on="2024-12-30")],
        published="2025-01-02",
    )


def test_title_repeat_is_coded_once():
    text = (
        "---\ntitle: Air defences down 12 drones over Belgorod region\npublished: 2025-03-14\n---\n"
        "Russia's defence ministry said its air defences destroyed 12 Ukrainian drones over the Belgorod region overnight.\n"
    )
    from pipeline.extract import extract_claims

    title_start = text.index("Air defences")
    claims = extract_claims(text, {"published": "2025-03-14", "title_start": title_start,
                                   "title_end": text.index("\n", title_start)})
    assert [(c.action, c.count, c.location_admin1) for c in claims] == [("intercepted", 12, "RU-BEL")]
