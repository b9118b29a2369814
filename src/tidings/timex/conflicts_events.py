"""Dated events of the US election calendar as clues to the writing date.

"Cruz won the Iowa caucuses" is written mostly in the weeks (and some months) after the
caucuses of some cycle; "ahead of Super Tuesday" in the weeks before one.  The events and
their dates are in ``data/timex_events.json``; the tense comes from a preposition before the
name ("ahead of", "since") or else from the verb that governs it (:mod:`.tense`).  Each
event named counts once (told both as past and as to come: no tense).

Seasons are parts of every presidential election year in which a phrase is written ("the
presumptive nominee": March to mid-September; the delegate race: January to July), a rule
with no cut-off.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

from tidings.data import load_json
from tidings.timex.tense import attached_directly, governing_verb, tense_of, tokens_in

if TYPE_CHECKING:
    import numpy as np
    from spacy.tokens import Doc

    from tidings.timex.conflicts_fit import Clue

log = logging.getLogger(__name__)

EVENT_NOISE = 0.2                   # share of event mentions that fit no pattern (uniform over a year)
EVENT_NEAR, EVENT_FAR = 30, 150     # mean days of the near and far parts of the densities
# "ahead of the Iowa caucuses": still to come, unless told in a past narrative ("released the
# emails just before the convention"); "since Super Tuesday": past
_AHEAD = re.compile(r"\b(?:ahead of|before|until|till|leading up to|run-up to|in advance of|countdown to|"
                    r"upcoming|coming|next week's|next month's|looming)\s+(?:the\s+|this\s+)?$", re.I)
_SINCE = re.compile(r"\b(?:since|last week's|last month's)\s+(?:the\s+)?$", re.I)
# "the 1992 Republican convention", "a Democratic convention in Nevada" (a state party's),
# "the convention of 1964": not the event of the current cycle
_NOT_THIS = re.compile(r"(?:\b(?:19|20)\d\d(?:'s)?\s+|\b(?:a|an|state|county|district|weekend|mock|model)\s+)$", re.I)
_YEAR_AFTER = re.compile(r"^\s+(?:of|in)\s+(?:19|20)\d\d\b")


@lru_cache(maxsize=1)
def _events() -> tuple[tuple[str, re.Pattern[str], tuple[int, ...]], ...]:
    out = []
    for row in load_json("timex_events.json")["events"]:
        rx = re.compile(r"\b(?:" + "|".join(row["patterns"]) + r")\b")
        out.append((row["event"], rx, tuple(sorted(dt.date.fromisoformat(d).toordinal() for d in row["dates"]))))
    return tuple(out)


def _tense(view: str, parsed: "Doc", start: int, end: int) -> str:
    toks = tokens_in(parsed, start, end)
    if toks and toks[-1].dep_ in ("compound", "nmod", "amod") and toks[-1].head.i > toks[-1].i:
        return "none"               # "the Super Tuesday states": a name used as a modifier
    gov = governing_verb(parsed, start, end)
    # the verb's tense tells the event's only when the name is its argument ("won the Iowa
    # caucuses"), not inside a noun phrase ("a spokeswoman for the convention said")
    verb = tense_of(gov) if attached_directly(parsed, start, end, gov) else None
    tense = "past" if verb in ("past", "past_weak") else "future" if verb in ("future", "prospective") else "none"
    before = view[max(0, start - 40):start]
    if _SINCE.search(before):
        return "past"
    if _AHEAD.search(before):
        return "future" if tense != "past" else "none"
    return tense


def event_clues(view: str, parsed: "Doc") -> list["Clue"]:
    """One clue per event of the table named in ``view``, with its tense."""
    from tidings.timex.conflicts_fit import Clue

    out: dict[str, "Clue"] = {}
    for name, rx, dates in _events():
        for m in rx.finditer(view):
            if _NOT_THIS.search(view, max(0, m.start() - 12), m.start()) or _YEAR_AFTER.match(view[m.end():m.end() + 12]):
                continue
            tense = _tense(view, parsed, m.start(), m.end())
            seen = out.get(name)
            if seen is None:
                out[name] = Clue("event", tense, vstart=m.start(), vend=m.end(), office=name,
                                 terms=tuple((dt.date.fromordinal(d), dt.date.fromordinal(d)) for d in dates))
            elif seen.tense != tense:
                seen.tense = "none"
    return list(out.values())


@lru_cache(maxsize=1)
def _seasons() -> tuple[tuple[str, re.Pattern[str], tuple[tuple[dt.date, dt.date], ...], float], ...]:
    out = []
    for row in load_json("timex_events.json")["seasons"]:
        rx = re.compile(r"\b(?:" + "|".join(row["patterns"]) + r")\b")
        (fm, fd), (tm, td) = (map(int, row[k].split("-")) for k in ("from", "to"))
        windows = tuple((dt.date(y, fm, fd), dt.date(y, tm, td)) for y in range(1900, 2101, 4))
        out.append((row["season"], rx, windows, float(row["outside"])))
    return tuple(out)


def season_clues(view: str, *, taken: Sequence[tuple[int, int]] = ()) -> list["Clue"]:
    """One clue per season of the table whose phrase ``view`` holds ("the presumptive
    nominee"), the first mention its evidence; ``year`` holds the ratio outside the season
    in thousandths."""
    from tidings.timex.conflicts_fit import Clue

    out = []
    for name, rx, windows, outside in _seasons():
        m = next((m for m in rx.finditer(view) if not any(a <= m.start() and m.end() <= b for a, b in taken)), None)
        if m is not None:
            out.append(Clue("season", "none", vstart=m.start(), vend=m.end(), office=name, terms=windows,
                            year=round(outside * 1000)))
    return out


def season_row(c: "Clue", ords: "np.ndarray") -> "np.ndarray":
    import numpy as np

    inside = np.zeros(len(ords), dtype=bool)
    for a, b in c.terms:
        inside |= (ords >= a.toordinal()) & (ords <= b.toordinal())
    return np.where(inside, 0.0, np.log(c.year / 1000))


def _density(o: "np.ndarray", tense: str) -> "np.ndarray":
    """Density of an event ``o`` days from the writing date (negative: before it)."""
    import numpy as np

    a = np.abs(o).astype(float)
    near = 0.5 * np.exp(-a / EVENT_NEAR) / EVENT_NEAR + 0.5 * np.exp(-a / EVENT_FAR) / EVENT_FAR
    wrong = 0.05 * np.exp(-a / 10) / 10
    if tense == "past":
        return np.where(o <= 0, near, wrong)
    if tense == "future":
        return np.where(o >= 0, near, wrong)
    return 0.5 * np.exp(-a / 90) / 90


def event_row(c: "Clue", ords: "np.ndarray") -> "np.ndarray":
    """Log likelihood of an event clue for every date ordinal: its last occurrence on or
    before each date and its next one after it, through ``_density``."""
    import numpy as np

    occ = np.array([a.toordinal() for a, _ in c.terms])
    i = np.searchsorted(occ, ords, side="right") - 1
    p = np.zeros(len(ords))
    ok = i >= 0
    p[ok] += _density(occ[i[ok]] - ords[ok], c.tense)
    ok = i + 1 < len(occ)
    p[ok] += _density(occ[i[ok] + 1] - ords[ok], c.tense)
    return np.log((1 - EVENT_NOISE) * p + EVENT_NOISE / 365)


def describe(c: "Clue", quoted: str) -> str:
    if c.unit == "season":
        a, b = c.terms[0]
        return (f"{quoted} ({c.office}: {a.day} {a.strftime('%B')} to {b.day} {b.strftime('%B')} "
                f"of a presidential election year)")
    when = {"past": "told as past", "future": "told as still to come", "none": "no tense"}[c.tense]
    return f"{quoted} ({c.office}, {when})"
