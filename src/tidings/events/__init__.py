"""Events: who did what to whom, coded in PLOVER and CAMEO."""
from __future__ import annotations

from tidings.analysis import Analysis
from tidings.document import Event
from tidings.stage import Stage


def run(analysis: Analysis) -> list[Event]:
    return []


STAGE = Stage("events", assigns="events", requires=("entities", "times"), func=run)
