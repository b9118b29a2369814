"""Where each PLOVER event type sits between cooperation (+1) and conflict (-1).

Used only for display: the colour of event highlights, timeline marks and network edges.
The order follows PLOVER's own grouping (verbal and material cooperation, then verbal and
material conflict); the numbers are a readable ranking, not a Goldstein score.
"""
from __future__ import annotations

from typing import Iterable, Optional

TONE: dict[str, float] = {
    "AID": 1.0,
    "COOPERATE": 0.8,
    "AGREE": 0.7,
    "SUPPORT": 0.6,
    "CONCEDE": 0.5,
    "RETREAT": 0.4,
    "CONSULT": 0.3,
    "REQUEST": 0.0,
    "ACCUSE": -0.3,
    "REJECT": -0.35,
    "PROTEST": -0.45,
    "MOBILIZE": -0.55,
    "THREATEN": -0.6,
    "SANCTION": -0.65,
    "COERCE": -0.85,
    "ASSAULT": -1.0,
}

_GREEN = (26, 127, 55)
_GREY = (110, 118, 129)
_RED = (200, 30, 30)


def tone(event_type: Optional[str]) -> float:
    """The tone of one PLOVER type; 0.0 for an unknown type."""
    return TONE.get((event_type or "").upper(), 0.0)


def mean_tone(types: Iterable[Optional[str]]) -> float:
    values = [tone(t) for t in types]
    return sum(values) / len(values) if values else 0.0


def colour(value: float) -> str:
    """A hex colour from red (-1, conflict) through grey (0) to green (+1, cooperation)."""
    value = max(-1.0, min(1.0, value))
    far = _GREEN if value >= 0 else _RED
    share = abs(value)
    rgb = tuple(round(g + (f - g) * share) for g, f in zip(_GREY, far))
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def label(value: float) -> str:
    if value >= 0.25:
        return "cooperation"
    if value <= -0.25:
        return "conflict"
    return "neutral"
