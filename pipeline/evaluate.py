"""Scoring extracted claims against gold claims coded by the annotation guide.

    >>> from pipeline.evaluate import score
    >>> result = score(gold_rows, pred_rows)
    >>> result["levels"]["full"]["f1"]

A claim is a tuple of fields; the four levels compare more and more of them. Within one article
a tuple counts as often as it occurs on both sides (multiset matching), and a capture, which has
no count or munition, is told apart by its settlement instead. Values are normalised first:
missing values (None, NaN, "") are equal, country and region codes upper-cased, vocabulary
values lower-cased, model, place and claimant names compared without case, accents or
punctuation. Plain functions on rows (mappings); no Dagster.
"""

from __future__ import annotations

import csv
import json
import math
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

CORE = ("action", "count", "munition_class")
LEVELS: dict[str, tuple[str, ...]] = {
    "core": CORE,
    "located": CORE + ("location_country", "location_admin1"),
    "attributed": CORE + ("claimant_country", "claimant_kind"),
    "full": CORE
    + (
        "count_qualifier",
        "munition_model",
        "attacker",
        "claimant_country",
        "claimant_kind",
        "location_country",
        "location_admin1",
        "event_date",
    ),
}
# Fields whose agreement is reported for claims that match on the core fields.
SLOTS = (
    "count_qualifier",
    "munition_model",
    "attacker",
    "claimant_kind",
    "claimant_country",
    "location_country",
    "location_admin1",
    "location_name",
    "event_date",
)
CODES = frozenset({"attacker", "claimant_country", "location_country", "location_admin1"})
ENUMS = frozenset({"action", "count_qualifier", "munition_class", "claimant_kind"})
NAMES = frozenset({"munition_model", "location_name", "claimant"})
# Fields that do not apply to a capture; its settlement identifies it instead.
NOT_FOR_CAPTURES = frozenset({"count", "munition_class", "count_qualifier"})
_EMPTY_TEXTS = frozenset({"", "nan", "none", "null", "nat", "<na>"})


class EvaluationError(ValueError):
    """Rows or files that cannot be scored; the message is one line for the user."""


def is_missing(value: Any) -> bool:
    """True for None, NaN, pandas NA/NaT and empty or placeholder strings."""
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip().lower() in _EMPTY_TEXTS
    if isinstance(value, float):
        return math.isnan(value)
    try:
        return bool(value != value)  # NaN-like values are not equal to themselves
    except (TypeError, ValueError):  # pandas NA will not say
        return str(value).strip().lower() in _EMPTY_TEXTS


def fold(text: str) -> str:
    """Lower-case letters and digits only, accents removed: "Shahed-136" -> "shahed136"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed.lower() if c.isalnum())


def normalise_value(field: str, value: Any) -> Any:
    """The comparable form of one field's value; None when it is missing."""
    if is_missing(value):
        return None
    if field == "count":
        return int(float(value))
    if field == "event_date":
        if isinstance(value, datetime) or (not isinstance(value, date) and callable(getattr(value, "date", None))):
            value = value.date()  # datetime, pandas Timestamp
        return value.isoformat() if isinstance(value, date) else str(value).strip()[:10]
    text = str(value).strip()
    if field in CODES:
        return text.upper()
    if field in ENUMS:
        return text.lower()
    if field in NAMES:
        return fold(text)
    return text


def normalise(row: Mapping[str, Any]) -> dict[str, Any]:
    """A row's compared fields in comparable form, with its article id and evidence kept as they are."""
    fields = set(CORE) | set(SLOTS) | {"claimant"}
    out = {f: normalise_value(f, row.get(f)) for f in sorted(fields)}
    out["article"] = article_of(row)
    if not is_missing(row.get("evidence")):
        out["evidence"] = str(row["evidence"])
    return out


def article_of(row: Mapping[str, Any]) -> str | None:
    """The article id of a row: its `article`, else the file name of its `source_file` without extension."""
    if not is_missing(row.get("article")):
        return str(row["article"])
    if not is_missing(row.get("source_file")):
        return file_stem(row["source_file"])
    return None


def file_stem(path: Any) -> str:
    """'sub/2025-12-13-ria-drones.txt' -> '2025-12-13-ria-drones'."""
    name = str(path).replace("\\", "/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name


def claim_key(claim: Mapping[str, Any], fields: Iterable[str]) -> tuple:
    """The tuple a normalised claim is compared by at a level of `fields`."""
    fields = tuple(fields)
    if claim.get("action") == "captured":
        fields = tuple(f for f in fields if f not in NOT_FOR_CAPTURES) + ("location_name",)
    return tuple((f, claim.get(f)) for f in fields)


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1; nothing predicted against nothing to find scores 1."""
    precision = tp / n_pred if n_pred else (0.0 if n_gold else 1.0)
    recall = tp / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score(
    gold_rows: Iterable[Mapping[str, Any]],
    pred_rows: Iterable[Mapping[str, Any]],
    articles: Iterable[str] | None = None,
) -> dict[str, Any]:
    """Compare predicted claims with gold claims, article by article.

    Rows are mappings with the claim fields and an `article` id (or a `source_file` path).
    `articles` is the set of articles scored (predictions for others are ignored); by default
    every article named on either side. Returns `articles`, `gold` and `pred` counts, `levels`
    (level -> tp, precision, recall, f1), `slots` (field -> accuracy and pairs among claims that
    match on the core fields) and `errors` (level -> article -> its `missing` gold claims and
    `spurious` predicted claims at that level; only articles with some).
    """
    gold, pred = _by_article(gold_rows, "gold"), _by_article(pred_rows, "predicted")
    scope = sorted(set(articles) if articles is not None else set(gold) | set(pred))
    n_gold = sum(len(gold.get(a, ())) for a in scope)
    n_pred = sum(len(pred.get(a, ())) for a in scope)
    result: dict[str, Any] = {"articles": len(scope), "gold": n_gold, "pred": n_pred, "levels": {}, "slots": {}, "errors": {}}
    for level, fields in LEVELS.items():
        tp, errors = 0, {}
        for a in scope:
            g, p = gold.get(a, []), pred.get(a, [])
            matched = Counter(claim_key(c, fields) for c in g) & Counter(claim_key(c, fields) for c in p)
            tp += sum(matched.values())
            missing, spurious = _unmatched(g, matched, fields), _unmatched(p, matched, fields)
            if missing or spurious:
                errors[a] = {"missing": missing, "spurious": spurious}
        precision, recall, f1 = prf(tp, n_pred, n_gold)
        result["levels"][level] = {
            "tp": tp, "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)
        }
        result["errors"][level] = errors
    result["slots"] = _slot_accuracy({a: gold.get(a, []) for a in scope}, {a: pred.get(a, []) for a in scope})
    return result


def _by_article(rows: Iterable[Mapping[str, Any]], side: str) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for i, row in enumerate(rows, 1):
        claim = normalise(row)
        if claim["article"] is None:
            raise EvaluationError(f"{side} claim {i} has no article (an `article` or `source_file` field)")
        out[claim["article"]].append(claim)
    return out


def _unmatched(claims: list[dict[str, Any]], matched: Counter, fields: tuple[str, ...]) -> list[dict[str, Any]]:
    """The claims left over once each matched tuple has taken as many as it matched."""
    left, out = Counter(matched), []
    for c in claims:
        k = claim_key(c, fields)
        if left[k] > 0:
            left[k] -= 1
        else:
            out.append(c)
    return out


def _slot_accuracy(gold: Mapping[str, list[dict]], pred: Mapping[str, list[dict]]) -> dict[str, dict[str, Any]]:
    """Per slot, the share of core-matched pairs that agree, over pairs where either side sets it.

    Each gold claim is paired with the unused predicted claim of the same core tuple that agrees
    with it on the most slots.
    """
    right, seen = Counter(), Counter()
    for a, gold_claims in gold.items():
        pool: dict[tuple, list[dict]] = defaultdict(list)
        for c in pred.get(a, []):
            pool[claim_key(c, CORE)].append(c)
        for g in gold_claims:
            candidates = pool.get(claim_key(g, CORE))
            if not candidates:
                continue
            best = max(candidates, key=lambda c: sum(c[s] == g[s] for s in SLOTS))
            candidates.remove(best)
            for s in SLOTS:
                if g[s] is None and best[s] is None:
                    continue
                seen[s] += 1
                right[s] += g[s] == best[s]
    return {s: {"accuracy": round(right[s] / seen[s], 4) if seen[s] else None, "n": seen[s]} for s in SLOTS}


# --- reading files -------------------------------------------------------------------------


def read_rows(path: str | Path) -> list[dict[str, Any]]:
    """Rows of a .jsonl, .csv or .parquet file."""
    path = Path(path)
    try:
        if path.suffix in (".jsonl", ".ndjson"):
            lines = path.read_text(encoding="utf-8").splitlines()
            return [json.loads(line) for line in lines if line.strip()]
        if path.suffix == ".csv":
            with path.open(newline="", encoding="utf-8") as handle:
                return list(csv.DictReader(handle))
        if path.suffix == ".parquet":
            import pyarrow.parquet as pq

            return pq.read_table(path).to_pylist()
    except FileNotFoundError:
        raise EvaluationError(f"{path} does not exist") from None
    except json.JSONDecodeError as exc:
        raise EvaluationError(f"{path} is not JSON Lines: {exc}") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise EvaluationError(f"cannot read {path}: {exc}") from None
    raise EvaluationError(f"cannot read {path}: use a .jsonl, .csv or .parquet file")


def load_gold(path: str | Path) -> tuple[list[dict[str, Any]], list[str] | None]:
    """Gold rows, and the article set when `path` is a corpus folder (articles/ beside gold.jsonl).

    A gold file alone gives no article set: articles without gold claims are then known only
    from the predictions.
    """
    path = Path(path)
    if path.is_dir():
        articles_dir = path / "articles"
        if not articles_dir.is_dir():
            raise EvaluationError(f"{path} has no articles/ folder beside its gold.jsonl")
        articles = sorted(file_stem(p.name) for p in articles_dir.iterdir() if p.is_file())
        return read_rows(path / "gold.jsonl"), articles
    return read_rows(path), None


def load_pred(path: str | Path) -> list[dict[str, Any]]:
    """Predicted rows: a claims file, or an output folder holding claims.parquet (or .jsonl, .csv)."""
    path = Path(path)
    if path.is_dir():
        found = [path / f"claims{ext}" for ext in (".parquet", ".jsonl", ".csv") if (path / f"claims{ext}").is_file()]
        if not found:
            raise EvaluationError(f"{path} holds no claims.parquet")
        path = found[0]
    return read_rows(path)


def report(result: Mapping[str, Any], errors: str | None = None) -> str:
    """The result as text: counts, the levels' table, slot accuracy, and the errors at level `errors`."""
    lines = [f"{result['articles']} articles, {result['gold']} gold claims, {result['pred']} predicted"]
    lines.append(f"{'level':<11}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}")
    for level, m in result["levels"].items():
        lines.append(f"{level:<11}{m['precision']:>7.3f}{m['recall']:>7.3f}{m['f1']:>7.3f}{m['tp']:>6}")
    if result.get("slots"):
        lines.append("slot accuracy on core-matched claims (pairs where either side is set):")
        for slot, m in result["slots"].items():
            accuracy = "-" if m["accuracy"] is None else f"{m['accuracy']:.3f}"
            lines.append(f"  {slot:<18}{accuracy:>7}  n={m['n']}")
    if errors:
        lines.append(f"claims not matched at the {errors} level:")
        lines += error_lines(result["errors"][errors], LEVELS[errors])
    return "\n".join(lines)


def error_lines(errors: Mapping[str, Mapping[str, list]], fields: Iterable[str] = LEVELS["full"]) -> list[str]:
    """One line per missing or spurious claim, article by article, with the fields compared."""
    shown = tuple(fields) + ("location_name",)
    lines = []
    for article, found in errors.items():
        lines.append(f"## {article}")
        for kind in ("missing", "spurious"):
            for c in found[kind]:
                values = " ".join(f"{f}={c[f]}" for f in shown if c.get(f) is not None)
                evidence = f"  <- {c['evidence'][:90]!r}" if c.get("evidence") else ""
                lines.append(f"  {kind:<8} {values}{evidence}")
    return lines
