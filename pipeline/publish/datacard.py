"""The release's README.md, its data card: what the dataset is, how it was made, its columns, counts, accuracy and limits.

Everything in it is computed from the released tables, the Pandera models (the data
dictionary) and, when the maintainer provides one, the evaluation's JSON output.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import pycountry

from schemas import dictionary
from schemas.articles import SAMPLE_SOURCE
from schemas.vocab import ACTIONS

from .chart import CHART_FILE
from .citation import CITATION_FILE, citation_text
from .datapackage import LICENSE

DATACARD_FILE = "README.md"
UNKNOWN_DATE = "unknown date"
NOT_STATED = "not stated"

# What the evaluation's levels compare (see the evaluation script): fields that must all agree.
# Open data the place names and regions come from (pipeline/extract/data/settlements.csv).
SOURCES_CREDIT = (
    "settlement names, coordinates and regions come from [GeoNames](https://www.geonames.org) "
    "([CC BY 4.0](https://creativecommons.org/licenses/by/4.0/)) and from Ukraine's official codifier of "
    "administrative-territorial units, KATOTTG (Ministry for Communities and Territories Development); "
    "region codes follow ISO 3166-2."
)

LEVEL_FIELDS = {
    "core": "action, count and munition class",
    "located": "core fields plus location country and region",
    "attributed": "core fields plus claimant country and kind",
    "full": (
        "core fields plus qualifier, model, attacker, claimant country and kind, location country and region, "
        "event date"
    ),
}


@dataclass(frozen=True)
class CardFacts:
    """What the data card reports about one release."""

    version: str
    created: dt.datetime
    articles: pd.DataFrame
    claims: pd.DataFrame
    files: Sequence[tuple[str, str]]  # (file name, what it holds), in the order shown
    include_samples: bool = False
    samples_left_out: tuple[int, int] = (0, 0)  # (articles, claims) not released because they are samples
    previous: str | None = None
    accuracy: Mapping[str, Any] | None = None
    tables: Sequence[str] = field(default=("articles", "claims"))


def sample_counts(articles: pd.DataFrame, claims: pd.DataFrame) -> tuple[int, int]:
    """How many sample articles the tables hold, and how many claims come from them."""
    samples = set(articles.loc[articles["is_sample"].astype(bool), "article_id"])
    return len(samples), int(claims["article_id"].isin(samples).sum())


def description(n_claims: int, n_articles: int, sample_articles: int) -> str:
    """The one-paragraph description shared by the data card and datapackage.json."""
    text = (
        f"{n_claims} claims coded from {n_articles} news articles about the Russia-Ukraine war: who says how many "
        "missiles, drones and aircraft were launched, intercepted, suppressed by electronic warfare or hit "
        "their targets, and which settlements were captured. Each claim names its claimant when the text "
        "does and quotes the sentence it comes from, with offsets into the article."
    )
    if sample_articles:
        return f"{sample_warning(sample_articles)} {text}"
    return text


def sample_warning(sample_articles: int) -> str:
    return (
        f"TEST RELEASE: it contains {sample_articles} invented sample article{'s' if sample_articles != 1 else ''} "
        f"(source '{SAMPLE_SOURCE}') and their claims, which are not reporting; use it for testing only."
    )


def _side(code: Any) -> str:
    if code is None or pd.isna(code):
        return NOT_STATED
    country = pycountry.countries.get(alpha_2=str(code))
    return f"{code} ({country.name})" if country else str(code)


def _count_table(header: str, counts: Sequence[tuple[str, int]], total: int) -> list[str]:
    lines = [f"| {header} | claims | share |", "|---|---:|---:|"]
    for label, n in counts:
        share = f"{100 * n / total:.1f}%" if total else "–"
        lines.append(f"| {label} | {n} | {share} |")
    lines.append(f"| **total** | **{total}** | |")
    return lines


def counts_by_action(claims: pd.DataFrame) -> list[tuple[str, int]]:
    counts = claims["action"].value_counts()
    return [(a, int(counts.get(a, 0))) for a in ACTIONS]


def counts_by_side(claims: pd.DataFrame) -> list[tuple[str, int]]:
    sides = claims["claimant_country"].astype(object).where(claims["claimant_country"].notna(), None)
    counts: dict[Any, int] = {}
    for side in sides:
        counts[side] = counts.get(side, 0) + 1
    ordered = sorted(counts.items(), key=lambda kv: (kv[0] is None, -kv[1], kv[0] or ""))
    return [(_side(side), n) for side, n in ordered]


def counts_by_month(claims: pd.DataFrame) -> list[tuple[str, int]]:
    months: dict[str, int] = {}
    for day in claims["event_date"]:
        key = UNKNOWN_DATE if day is None or pd.isna(day) else f"{day.year:04d}-{day.month:02d}"
        months[key] = months.get(key, 0) + 1
    return sorted(months.items(), key=lambda kv: (kv[0] == UNKNOWN_DATE, kv[0]))


def _number(value: Any, digits: int = 3) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "–"
    return f"{value:.{digits}f}"


def accuracy_section(accuracy: Mapping[str, Any] | None) -> list[str]:
    """The evaluation's figures (levels with precision/recall/F1, slot accuracies), or a note that none were provided."""
    if not accuracy:
        return [
            "No accuracy figures were provided for this release. The maintainer adds them by passing the "
            "evaluation's JSON output (`--accuracy FILE`) when building the release.",
        ]
    lines: list[str] = []
    scope = [
        f"{accuracy[key]} {label}"
        for key, label in (("articles", "gold-annotated articles"), ("gold", "gold claims"), ("pred", "extracted claims"))
        if isinstance(accuracy.get(key), int)
    ]
    lines.append(
        "Measured by the project's evaluation, which runs the extractor on articles whose claims were coded by "
        "hand following the annotation guide and compares the two" + (f" ({', '.join(scope)})" if scope else "")
        + ". The figures describe the extractor that built this release, not a check of each released row."
    )
    levels = accuracy.get("levels") or {}
    if levels:
        lines += [
            "",
            "A claim counts as found at a level when every field the level compares agrees with a gold claim "
            "of the same article.",
            "",
            "| level | fields compared | precision | recall | F1 | matched |",
            "|---|---|---:|---:|---:|---:|",
        ]
        for level, m in levels.items():
            m = m if isinstance(m, Mapping) else {}
            matched = m.get("tp")
            lines.append(
                f"| {level} | {LEVEL_FIELDS.get(level, '')} | {_number(m.get('precision'))} | "
                f"{_number(m.get('recall'))} | {_number(m.get('f1'))} | {matched if isinstance(matched, int) else '–'} |"
            )
    slots = accuracy.get("slots") or {}
    if slots:
        lines += [
            "",
            "Slot accuracy: among extracted claims that match a gold claim on the core fields, the share whose "
            "other fields agree (pairs where either side sets the field).",
            "",
            "| field | accuracy | pairs |",
            "|---|---:|---:|",
        ]
        for slot, m in slots.items():
            value, n = (m.get("accuracy"), m.get("n")) if isinstance(m, Mapping) else (m, None)
            lines.append(f"| `{slot}` | {_number(value)} | {n if isinstance(n, int) else '–'} |")
    return lines


def _dictionary(name: str) -> list[str]:
    text = dictionary.markdown(name)
    return [("#" + line) if line.startswith("## ") else line for line in text.rstrip("\n").split("\n")]


LIMITATIONS = [
    "**Claims, not facts.** Each row records what someone says happened. The two sides' claims are not "
    "reconciled, and a total and its breakdown (\"41 drones, 28 of them over Saratov region\") are both coded, "
    "so counts must not simply be summed.",
    "**Rule-based extraction.** Claims are read by rules over vocabularies, not by people: phrasing the rules do "
    "not cover is missed, and some claims are coded wrongly. Every row quotes its evidence sentence with offsets "
    "into the article, so it can be checked; see the accuracy figures above.",
    "**English only.** Articles in other languages yield no claims.",
    "**Not coded.** Following the annotation guide, the dataset leaves out cumulative figures over more than one "
    "day or attack, threats, plans, capabilities, hypotheticals, denials and negations, ground equipment losses, "
    "casualties, damage without a count of munitions, and settlements only \"entered\" or fought for.",
    "**Dates are relative to the published date.** \"Overnight\", \"yesterday\" or a weekday are resolved "
    "against the article's published date; without one, or with vaguer words (\"recently\", \"last week\"), "
    "event_date is null and the claim is counted under \"unknown date\". A claim is dated when the event "
    "happened, not when it was reported.",
    "**One row per article.** The same claim reported by several outlets appears once for each article; "
    "claim_id identifies a claim within its article.",
    "**Coverage.** The claims come from the articles collected for the project, which are neither complete nor a "
    "representative sample of the reporting.",
]


def _samples_paragraph(facts: CardFacts) -> list[str]:
    articles, claims = facts.samples_left_out
    if facts.include_samples:
        n, m = sample_counts(facts.articles, facts.claims)
        return [
            f"This release was built with sample articles included: {n} of its articles are invented samples "
            f"(source '{SAMPLE_SOURCE}', `is_sample` true) with {m} claims. They show the format and exercise the "
            "extractor; they are not reporting.",
        ]
    return [
        f"Invented sample articles (source '{SAMPLE_SOURCE}') are never released as reporting: {articles} sample "
        f"article{'' if articles == 1 else 's'} and {claims} claim{'' if claims == 1 else 's'} from them "
        f"{'was' if articles + claims == 1 else 'were'} left out of this release.",
    ]


def datacard(facts: CardFacts) -> str:
    """The data card (README.md) of one release."""
    released = facts.created.date()
    n_claims, n_articles = len(facts.claims), len(facts.articles)
    sample_articles = sample_counts(facts.articles, facts.claims)[0] if facts.include_samples else 0
    versions = sorted(set(facts.claims["extractor_version"])) if n_claims else []
    lines = [f"# Counterclaim dataset {facts.version}", ""]
    if sample_articles:
        lines += [f"> **{sample_warning(sample_articles)}**", ""]
    lines += [
        f"Version {facts.version}, released {released.isoformat()}. {n_claims} claims from {n_articles} articles. "
        f"Licence: [{LICENSE['title']}]({LICENSE['path']}) ({LICENSE['name']}).",
        "",
        "## What this dataset is",
        "",
        description(n_claims, n_articles, 0),
        "",
        "Claims are coded as the annotation guide defines them: one row per distinct claim in an article, with "
        "the action, the count and how it is qualified, the kind and model of munition, the attacking side, the "
        "claimant and their side, the place and the day.",
        "",
        "## How it was made",
        "",
        "- **Articles**: text files, one article each, with optional YAML front matter (title, source, url, "
        "published date, language). Unusable files (binary, empty, duplicate, too large) are set aside.",
        "- **Extraction**: the texts are parsed with spaCy and read by Counterclaim's rule-based extractor, whose "
        "vocabularies of munitions, claimants and places are data files"
        + (f" (extractor version {', '.join(f'`{v}`' for v in versions)})." if versions else "."),
        "- **Sources**: " + SOURCES_CREDIT,
        "- **Checks**: every table is validated against its Pandera schema, and every claim's evidence must lie "
        "inside its article, before the tables are published and again before this release was built.",
        "- **Samples**: " + " ".join(_samples_paragraph(facts)),
        "",
        "## Files",
        "",
        "| file | contents |",
        "|---|---|",
        *[f"| [`{name}`]({name}) | {what} |" for name, what in facts.files],
        "",
        "`datapackage.json` describes the tables as a [Frictionless Data Package](https://datapackage.org): the "
        "CSV files are its tabular resources, with the column types, descriptions and allowed values below, "
        "`claim_id` as primary key and a foreign key from `claims.article_id` to `articles.article_id`. The "
        "Parquet files hold the same rows and columns with typed values (integers, dates, booleans); Frictionless "
        "tools do not all read Parquet, so they are listed as file resources, whose size and SHA-256 hash are "
        "verified like the CSV files'.",
        "",
        "Load the tables with, for example:",
        "",
        "```python",
        "import pandas as pd",
        'claims = pd.read_parquet("claims.parquet")  # count: Int64, event_date: date',
        "```",
        "",
        "```sql",
        "SELECT action, sum(count) FROM 'claims.parquet' GROUP BY action;  -- DuckDB",
        "```",
        "",
        "## Counts",
        "",
        "### By action",
        "",
        *_count_table("action", counts_by_action(facts.claims), n_claims),
        "",
        "### By claimant side",
        "",
        "The claimant's country (`claimant_country`).",
        "",
        *_count_table("claimant side", counts_by_side(facts.claims), n_claims),
        "",
        "### By month",
        "",
        f"The month of the event date (`event_date`); claims whose date the text does not fix are counted as "
        f"\"{UNKNOWN_DATE}\".",
        "",
        *_count_table("month", counts_by_month(facts.claims), n_claims),
        "",
        "### Claims per week",
        "",
        f"![Claims per ISO week, by action and by claimant side]({CHART_FILE})",
        "",
        f"[`{CHART_FILE}`]({CHART_FILE}): claims per ISO week of the event date, by action and by claimant side; "
        "claims without an event date are left out of the chart.",
        "",
        "## Accuracy",
        "",
        *accuracy_section(facts.accuracy),
        "",
        "## Data dictionary",
        "",
        "Generated from the schema every table is validated against.",
        "",
    ]
    for name in facts.tables:
        lines += [*_dictionary(name), ""]
    lines += ["## Known limitations", ""]
    lines += [f"- {item}" for item in LIMITATIONS]
    if sample_articles:
        lines.append(f"- **Samples.** {sample_warning(sample_articles)}")
    lines += [
        "",
        "## Changes",
        "",
        (f"[`CHANGELOG.md`](CHANGELOG.md) lists the claims added, removed and changed since release {facts.previous}."
         if facts.previous else "This is the first release: [`CHANGELOG.md`](CHANGELOG.md) says so."),
        "",
        "## How to cite",
        "",
        citation_text(facts.version, released),
        "",
        f"[`{CITATION_FILE}`]({CITATION_FILE}) holds the same reference in the Citation File Format. The data is "
        f"released under {LICENSE['name']}: share and adapt it, with credit.",
        "",
        "## Verifying the files",
        "",
        "```sh",
        "sha256sum -c SHA256SUMS                # every file is as released",
        "frictionless validate datapackage.json  # sizes, hashes, types and keys",
        "```",
        "",
        "A release never changes once published; corrections come as a new version.",
    ]
    return "\n".join(lines) + "\n"
