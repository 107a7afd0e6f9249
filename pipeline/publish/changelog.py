"""The release's CHANGELOG.md: claims added, removed and changed by claim_id since the previous release."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .tables import plain_value

CHANGELOG_FILE = "CHANGELOG.md"
_EVIDENCE_WIDTH = 90


@dataclass(frozen=True)
class ClaimDiff:
    """Claims only in the new release, only in the old one, and in both with other values."""

    added: pd.DataFrame
    removed: pd.DataFrame
    changed: list[tuple[str, list[tuple[str, Any, Any]]]]  # (claim_id, [(column, old, new), ...])


def diff_claims(old: pd.DataFrame, new: pd.DataFrame) -> ClaimDiff:
    """Compare two claims tables by claim_id; columns present in only one of them are not compared."""
    old_ids, new_ids = set(old["claim_id"]), set(new["claim_id"])
    added = new[~new["claim_id"].isin(old_ids)].sort_values("claim_id", kind="mergesort")
    removed = old[~old["claim_id"].isin(new_ids)].sort_values("claim_id", kind="mergesort")
    columns = [c for c in new.columns if c in old.columns and c != "claim_id"]
    before = old.drop_duplicates("claim_id").set_index("claim_id")
    changed = []
    for row in new[new["claim_id"].isin(old_ids)].sort_values("claim_id", kind="mergesort").itertuples(index=False):
        cid = row.claim_id
        was = before.loc[cid]
        now = row._asdict()
        deltas = [
            (c, plain_value(was[c]), plain_value(now[c])) for c in columns if plain_value(was[c]) != plain_value(now[c])
        ]
        if deltas:
            changed.append((cid, deltas))
    return ClaimDiff(added=added.reset_index(drop=True), removed=removed.reset_index(drop=True), changed=changed)


def _text(value: Any) -> str:
    value = plain_value(value)
    return "null" if value is None else str(value)


def describe_claim(row: Any) -> str:
    """One line for a claim: what, how many, by whom, who says so, where, when, from which file."""
    get = row.get if isinstance(row, dict) else (lambda k: getattr(row, k, None))
    action, count = get("action"), plain_value(get("count"))
    if action == "captured":
        what = f"captured {get('location_name') or 'a settlement'}"
    else:
        qualifier = plain_value(get("count_qualifier"))
        amount = {"at_least": "at least ", "at_most": "at most ", "approximately": "about "}.get(qualifier, "")
        number = "an unstated number of" if count is None else f"{amount}{count}"
        model = plain_value(get("munition_model"))
        what = f"{action} {number} {get('munition_class') or 'munitions'}" + (f" ({model})" if model else "")
    attacker = plain_value(get("attacker"))
    if attacker:
        what += f" by {attacker}"
    claimant = plain_value(get("claimant")) or "no stated claimant"
    side = plain_value(get("claimant_country"))
    where = plain_value(get("location_name")) or plain_value(get("location_admin1")) or plain_value(get("location_country"))
    when = plain_value(get("event_date"))
    evidence = " ".join(str(get("evidence") or "").split())
    if len(evidence) > _EVIDENCE_WIDTH:
        evidence = evidence[: _EVIDENCE_WIDTH - 1] + "…"
    parts = [
        what,
        f"claimant {claimant}" + (f" ({side})" if side else ""),
        f"in {where}" if where else "no location",
        str(when) if when else "unknown date",
        f"{get('source_file')}: “{evidence}”",
    ]
    return "; ".join(parts)


def _changes(deltas: list[tuple[str, Any, Any]]) -> str:
    return "; ".join(f"{column} {_text(old)} → {_text(new)}" for column, old, new in deltas)


def changelog(
    version: str,
    released: dt.date,
    claims: pd.DataFrame,
    articles: pd.DataFrame,
    previous: tuple[str, pd.DataFrame, pd.DataFrame] | None,
) -> str:
    """CHANGELOG.md for `version`; `previous` is (version, claims, articles) of the release before it, or None."""
    lines = [f"# Changelog: Counterclaim {version}", "", f"Released {released.isoformat()}.", ""]
    if previous is None:
        lines += [
            "First release: there is no earlier release in this folder to compare with.",
            "",
            f"It holds {len(claims)} claims from {len(articles)} articles.",
        ]
        return "\n".join(lines) + "\n"
    before, old_claims, old_articles = previous
    diff = diff_claims(old_claims, claims)
    old_ids, new_ids = set(old_articles["article_id"]), set(articles["article_id"])
    lines += [
        f"Compared with release {before}: {len(diff.added)} claims added, {len(diff.removed)} removed, "
        f"{len(diff.changed)} changed; {len(old_claims)} → {len(claims)} claims. "
        f"Articles: {len(old_articles)} → {len(articles)} ({len(new_ids - old_ids)} added, "
        f"{len(old_ids - new_ids)} removed).",
        "",
        "A claim's id is a hash of its article, its evidence offsets and its coded fields, so a claim "
        "coded differently appears as one removed and one added; \"changed\" lists claims whose id is "
        "the same but whose other columns (such as coordinates or the extractor version) differ.",
    ]
    for title, rows in (("Added", diff.added), ("Removed", diff.removed)):
        lines += ["", f"## {title} ({len(rows)})", ""]
        lines += [f"- `{row.claim_id}`: {describe_claim(row)}" for row in rows.itertuples(index=False)] or ["None."]
    lines += ["", f"## Changed ({len(diff.changed)})", ""]
    lines += [f"- `{cid}`: {_changes(deltas)}" for cid, deltas in diff.changed] or ["None."]
    new_columns = [c for c in claims.columns if c not in old_claims.columns]
    dropped_columns = [c for c in old_claims.columns if c not in claims.columns]
    if new_columns or dropped_columns:
        lines += ["", "## Columns", ""]
        lines += [f"- added `{c}`" for c in new_columns] + [f"- removed `{c}`" for c in dropped_columns]
    return "\n".join(lines) + "\n"
