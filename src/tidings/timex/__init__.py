"""Time: time expressions resolved to dates, and date-conflict flags.
``STAGE`` assigns a :class:`TimeLayer`."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from tidings.analysis import Analysis
from tidings.document import DateValue, Flag, Time
from tidings.stage import Stage


@dataclass
class TimeLayer:
    times: list[Time] = field(default_factory=list)
    # (view_start, view_end, value) for every time expression that names a date
    view_times: list[tuple[int, int, DateValue]] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)

    def date_in(self, vstart: int, vend: int) -> Optional[DateValue]:
        """The first dated time expression inside the view range."""
        for s, e, value in self.view_times:
            if s >= vstart and e <= vend:
                return value
        return None


def run(analysis: Analysis) -> TimeLayer:
    return TimeLayer()


STAGE = Stage("timex", assigns="times", requires=(), func=run)
