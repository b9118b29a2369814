"""The words of the aggregate fit's flag (:mod:`.conflicts_fit`): dates as "8 November 2016"
and each clue that weighs most as its quoted text with what it says about the writing date
("“President Barack Obama” (in office 20 January 2009 to 20 January 2017)").
"""
from __future__ import annotations

import calendar
import datetime as dt
from typing import TYPE_CHECKING

from tidings.timex import conflicts_writing

if TYPE_CHECKING:
    from tidings.timex.conflicts_fit import Clue

_TENSE_WORDS = {"past": "told as past", "future": "told as still to come", "none": "no tense"}


def _fmt(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"


def _describe(c: "Clue", text: str) -> str:
    quoted = "\u201c" + " ".join(text.split()) + "\u201d"
    if c.unit == "office":
        spans = "; ".join(f"{_fmt(a)} to {'now' if b == dt.date.max else _fmt(b)}" for a, b in c.terms)
        return f"{quoted} (in office {spans})"
    if c.unit in ("context", "untitled"):
        from tidings.timex.conflicts_offices import describe

        return describe(c, quoted)
    if c.unit == "age":
        born = c.terms[0][0]
        from tidings.timex.conflicts_world import birthday

        start, end = birthday(born, born.year + c.day), birthday(born, born.year + c.day + 1) - dt.timedelta(days=1)
        return f"{quoted} ({c.office}, born {_fmt(born)}, was {c.day} from {_fmt(start)} to {_fmt(end)})"
    if c.unit == "term":
        return f"{quoted} ({c.office}, named from {_fmt(c.terms[0][0])} on)"
    if c.unit == "annual":
        from tidings.timex.conflicts_annual import describe as annual

        return annual(c, quoted)
    if c.unit == "death":
        from tidings.timex.conflicts_deaths import describe as death

        return death(c, quoted)
    if c.unit in ("event", "season"):
        from tidings.timex.conflicts_events import describe

        return describe(c, quoted)
    if c.unit == "cycle":
        more = f" and {c.day - 1} other terms" if c.day > 1 else ""
        return f"{quoted}{more} of a US presidential race (news mostly in the two years before an election)"
    if c.unit in conflicts_writing.UNITS:
        return conflicts_writing.describe(c, quoted)
    if c.unit == "sn":
        fits = f"{calendar.month_name[c.month]} to {calendar.month_name[c.day]}"
        return f"{quoted} ({_TENSE_WORDS[c.tense]}: written from {fits} of a year)"
    return f"{quoted} ({_TENSE_WORDS[c.tense]})"
