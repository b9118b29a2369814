"""World-knowledge clues to the writing date, for the aggregate fit of :mod:`.conflicts_fit`.

- The US presidential election cycle: the vocabulary of a presidential race ("the Iowa
  caucuses", "Super Tuesday", "the Republican nomination", "delegates", "the campaign
  trail") is written mostly in the two years up to a presidential election day (the first
  Tuesday after the first Monday of November in a year divisible by four) and the weeks
  after it, seldom in the two years between.  The calendar is a rule, so this clue has no
  cut-off.
- Ages of widely covered people ("Sanders, 74, said", "the 69-year-old Clinton"): with a
  birth date from ``data/timex_people.json`` an age pins the writing date to one year.
  The table is world knowledge with a cut-off (people prominent up to 2025).

Each finder returns :class:`~tidings.timex.conflicts_fit.Clue` objects; ``loglik`` and
``row`` give their log likelihood for one date and for an array of date ordinals.
"""
from __future__ import annotations

import datetime as dt
import logging
import math
import re
from functools import lru_cache
from typing import TYPE_CHECKING


if TYPE_CHECKING:
    import numpy as np

    from tidings.timex.conflicts_fit import Clue

log = logging.getLogger(__name__)

# the presidential-race vocabulary (US-specific: "delegates" and "nomination" alone are not)
_CYCLE_TERMS = re.compile(
    r"\b(?:Iowa caucus(?:es)?|New Hampshire primary|Super Tuesday|(?:Republican|Democratic) National Convention"
    r"|(?:Republican|Democratic|GOP) (?:presidential )?(?:primary|primaries|nomination|nominating contest|field|debate)"
    r"|presidential (?:primary|primaries|nomination|race|campaign|contest|debate|hopefuls?|candidates?|field)"
    r"|race for the White House|White House race|campaign trail|running mate|Electoral College"
    r"|electoral votes|(?:swing|battleground) states|presumptive nominee|general election|caucuses"
    r"|pledged delegates|superdelegates|delegate count)\b")
CYCLE_SEASON_BEFORE = 700           # days before election day that the race is news
CYCLE_SEASON_AFTER = 75             # and after it, to the inauguration
CYCLE_OFF = 0.35                    # likelihood ratio of one such term between seasons
CYCLE_MAX_TERMS = 3                 # distinct terms counted at most (they come together)


def _norm(term: str) -> str:
    t = term.lower()
    return re.sub(r"(?:es|s)$", "", t)


def cycle_clues(view: str) -> list["Clue"]:
    """One clue for the presidential-race vocabulary of ``view``, if it has any."""
    from tidings.timex.conflicts_fit import Clue

    found: dict[str, re.Match[str]] = {}
    for m in _CYCLE_TERMS.finditer(view):
        found.setdefault(_norm(m.group(0)), m)
    if not found:
        return []
    first = sorted(found.values(), key=lambda m: m.start())[:CYCLE_MAX_TERMS]
    k = min(len(found), CYCLE_MAX_TERMS)
    return [Clue("cycle", "none", vstart=first[0].start(), vend=first[0].end(), day=k,
                 office=" / ".join(m.group(0) for m in first))]


@lru_cache(maxsize=1)
def _election_days() -> tuple[int, ...]:
    """Ordinals of US presidential election days 1788-2200 (every fourth year from 1792)."""
    out = []
    for y in range(1792, 2201, 4):
        nov1 = dt.date(y, 11, 1)
        monday = nov1 + dt.timedelta(days=(0 - nov1.weekday()) % 7)
        out.append((monday + dt.timedelta(days=1)).toordinal())
    return tuple(out)


def _cycle_in_season(ords: "np.ndarray") -> "np.ndarray":
    import numpy as np

    e = np.array(_election_days())
    i = np.searchsorted(e, ords, side="left")           # next election day on or after
    nxt = e[np.clip(i, 0, len(e) - 1)]
    prev = e[np.clip(i - 1, 0, len(e) - 1)]
    return ((nxt - ords) <= CYCLE_SEASON_BEFORE) | ((ords - prev) <= CYCLE_SEASON_AFTER)


def _cycle_off_loglik(c: "Clue") -> float:
    return c.day * math.log(CYCLE_OFF)


def loglik(c: "Clue", d: dt.date) -> float:
    import numpy as np

    return float(row(c, np.array([d.toordinal()]))[0])


def row(c: "Clue", ords: "np.ndarray") -> "np.ndarray":
    """Log likelihood of a world clue for every date ordinal in ``ords``."""
    import numpy as np

    if c.unit == "cycle":
        return np.where(_cycle_in_season(ords), 0.0, _cycle_off_loglik(c))
    raise ValueError(f"not a world clue: {c.unit}")


def world_clues(view: str) -> list["Clue"]:
    """Every world-knowledge clue of ``view`` (titles of office-holders come from
    :func:`~tidings.timex.conflicts_fit.office_clues`)."""
    return cycle_clues(view)
