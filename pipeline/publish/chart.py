"""The release chart: claims per ISO week, by action and by claimant side, as a reproducible PNG.

Drawn on matplotlib's Agg canvas without pyplot (no global state, no display), at a fixed
size and resolution, with no Software entry in the PNG, so the same claims give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from schemas.vocab import ACTIONS

CHART_FILE = "claims_per_week.png"
FIGSIZE = (10.0, 7.0)
DPI = 100
NOT_STATED = "not stated"
_PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]
_MAX_SIDES = 8  # further claimant sides are drawn together as "other"


def iso_week(day: dt.date) -> str:
    """'2025-W09': the ISO year and week of `day`."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def weekly_counts(claims: pd.DataFrame, by: str) -> pd.DataFrame:
    """Claims with an event date per ISO week (rows, every week from first to last) and value of `by` (columns)."""
    dated = claims[claims["event_date"].notna()]
    if dated.empty:
        return pd.DataFrame()
    days = [d if isinstance(d, dt.date) else pd.Timestamp(d).date() for d in dated["event_date"]]
    mondays = [d - dt.timedelta(days=d.weekday()) for d in days]
    values = dated[by].astype(object).where(dated[by].notna(), NOT_STATED)
    frame = pd.DataFrame({"week": mondays, by: list(values)})
    table = frame.groupby(["week", by]).size().unstack(fill_value=0)
    first, last = min(mondays), max(mondays)
    weeks = [first + dt.timedelta(weeks=i) for i in range((last - first).days // 7 + 1)]
    table = table.reindex(weeks, fill_value=0)
    table.index = [iso_week(w) for w in weeks]
    return table


def _action_columns(table: pd.DataFrame) -> pd.DataFrame:
    return table[[a for a in ACTIONS if a in table.columns]]


def _side_columns(table: pd.DataFrame) -> pd.DataFrame:
    totals = table.sum()
    order = sorted(table.columns, key=lambda c: (c == NOT_STATED, -int(totals[c]), str(c)))
    if len(order) > _MAX_SIDES:
        kept = order[: _MAX_SIDES - 1]
        other = table[[c for c in order if c not in kept]].sum(axis=1)
        return table[kept].assign(other=other)
    return table[order]


def _stacked(ax, table: pd.DataFrame, title: str, legend_title: str) -> None:
    positions = list(range(len(table.index)))
    bottom = [0] * len(positions)
    for i, column in enumerate(table.columns):
        heights = [int(v) for v in table[column]]
        ax.bar(positions, heights, bottom=bottom, width=0.8, color=_PALETTE[i % len(_PALETTE)], label=str(column))
        bottom = [b + h for b, h in zip(bottom, heights)]
    step = max(1, len(positions) // 20)  # at most about 20 week labels
    ax.set_xticks(positions[::step], list(table.index)[::step], rotation=60, ha="right", fontsize=8)
    ax.set_xlim(-0.6, len(positions) - 0.4)
    ax.set_ylabel("claims")
    ax.set_title(title, fontsize=11, loc="left")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(title=legend_title, fontsize=8, title_fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))


def claims_per_week_png(claims: pd.DataFrame, title: str = "Claims per week") -> bytes:
    """The chart as PNG bytes: two stacked bar panels over the same weeks (by action, by claimant side)."""
    fig = Figure(figsize=FIGSIZE, dpi=DPI)
    FigureCanvasAgg(fig)
    undated = int(claims["event_date"].isna().sum()) if len(claims) else 0
    note = f"{undated} claim{'' if undated == 1 else 's'} without an event date not shown" if undated else ""
    by_action = weekly_counts(claims, "action")
    if by_action.empty:
        ax = fig.add_subplot(1, 1, 1)
        ax.set_axis_off()
        ax.text(0.5, 0.5, "No claims with an event date", ha="center", va="center", fontsize=14)
    else:
        top, bottom = fig.subplots(2, 1, sharex=True)
        _stacked(top, _action_columns(by_action), "By action", "action")
        _stacked(bottom, _side_columns(weekly_counts(claims, "claimant_country")), "By claimant side", "claimant side")
        bottom.set_xlabel("ISO week of the event date")
    fig.suptitle(title, fontsize=13, x=0.02, ha="left")
    if note:
        fig.text(0.02, 0.01, note, fontsize=8, color="#555555")
    fig.tight_layout(rect=(0, 0.02, 1, 0.97))
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()
