"""One extracted claim, with the annotation guide's fields and where it stands in the text."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date


@dataclass(frozen=True)
class Claim:
    """A statement, attributed to someone, of munitions launched, intercepted, suppressed or hit, or a settlement captured."""

    action: str
    count: int | None
    count_qualifier: str | None
    munition_class: str | None
    munition_model: str | None
    attacker: str | None
    claimant: str | None
    claimant_kind: str | None
    claimant_country: str | None
    location_admin1: str | None
    location_country: str | None
    location_name: str | None
    latitude: float | None
    longitude: float | None
    location_precision: str
    event_date: date | None
    evidence: str
    evidence_start: int
    evidence_end: int

    def as_dict(self) -> dict:
        return asdict(self)
