"""One-off news events named with a tense, as clues of WHEN an article was written.

The names-before-they-existed clue of :mod:`.conflicts_world` reads a name of the terms
table ("the Brussels attacks", ``data/timex_terms.json``) only one way: not before its
date.  But news names a one-off event mostly in the weeks after it, and says so: "in the
wake of last week's Brussels attacks", "days after the Orlando shooting", "since the Paris
attacks", "ahead of the Brexit referendum".  An article claimed to be written five months
after an event it calls "last week's" is misdated.

Rows of the table with ``"kind": "event"`` are such events (attacks, shootings, disasters,
air crashes, votes, coups, rulings, resignations, leaks, hacks ...); their ``day`` is the day
the event happened (by default their ``first``: a hurricane is named days before landfall,
a scheduled vote or summit before it is held), ``days`` the days of the events one name is
used for.  A name gives a clue of unit "event" with the event's day(s) as its occurrences:
the election calendar's density (:func:`.conflicts_events.event_row`), with the tense and
the closeness to the writing week or month that :func:`.conflicts_annual.told_when` reads
for the annual events ("last week's", "since", "ahead of", "days before"; "days after the
Orlando shooting" is read as told as past, not yet as within days of it).

An UNTENSED name of an unforeseen event counts as told as past: such a name is only
written after the event, and it is written mostly in the weeks after it.  Measured on all
840 PolNeAR and 146 other-news articles at their TRUE dates (the first name of each table
event per article): untensed names (64) lay 0-30 days after the event in 25 cases, 1-6
months in 6, 6 months to 3 years in 8, over 3 years in 25 ("since 9/11"); names told as past
(44) in 12 / 7 / 1 / 24.  Within the three years the fit looks at, both are mostly weeks
after the event, so one density serves both (over three years every candidate date gets
the same floor).  A scheduled event (``"scheduled": true``) may also be told as still to
come ("ahead of the Brexit referendum"); its untensed name says nothing (it is named both
before and after).  A future-tense name of an unforeseen event ("will never forget the
Orlando shooting") is read as an untensed one: the verb's plan is not the event's.

A name gives no clue when it is generic ("another Orlando shooting", "a second Brexit
referendum"), carries a year ("the 2015 Paris attacks", "the Brussels attacks of 2016",
the event's year within YEAR_REACH characters), or when the article writes the event's own
full date ("on Sept. 11, 2012"): the writer then dates a past that is no longer news, and
the full date is a clue of its own.  Deaths of people are the deaths clue's
(:mod:`.conflicts_deaths`), not rows here.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator, Optional

from tidings.data import load_json

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from tidings.timex.conflicts_fit import Clue

log = logging.getLogger(__name__)

USE_NEWS = True                     # one-off events told with a tense ("last week's Brussels attacks")
UNIT = "event"                      # the election calendar's unit: conflicts_world.row reads it
# "a Brussels attack", "another Orlando shooting", "the 2015 Paris attacks", "last year's":
# not news of the writing weeks
_GENERIC = re.compile(r"(?:\b(?:a|an|another|any|every|no|similar|earlier|previous|past|other|second|new|"
                      r"last\s+year['’]s|(?:19|20)\d\d(?:['’]s)?)\s+)$", re.I)
_YEAR_AFTER = re.compile(r"^\s*(?:of|in)\s+(?:19|20)\d\d\b")
# the event's year written this near the name: the writer dates what is no longer news (and the
# date, if given, is a clue of its own)
YEAR_REACH = 120


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "June?", "July?", "Aug", "Sept?", "Oct", "Nov", "Dec")


class NewsEvent:
    __slots__ = ("name", "first", "days", "scheduled", "_dated")

    def __init__(self, row: dict):
        self.name: str = row["term"]
        self.first = dt.date.fromisoformat(row["first"])
        # the day of the event, or the days of the events one name is used for ("the Paris
        # attacks" of January and of November 2015)
        self.days: tuple[dt.date, ...] = tuple(sorted(
            dt.date.fromisoformat(x) for x in row.get("days", (row.get("day", row["first"]),))))
        self.scheduled: bool = bool(row.get("scheduled"))
        self._dated: Optional[re.Pattern[str]] = None

    @property
    def day(self) -> dt.date:
        return self.days[-1]

    def label(self) -> str:
        return f"{self.name}, " + " or ".join(f"{d.day} {d.strftime('%B')} {d.year}" for d in self.days)

    def dated_in(self, view: str) -> bool:
        """``view`` writes the event's day with its year ("on Sept. 11, 2012", "12 June 2016"):
        that full date is a clue of its own, and the article tells the event as a past it dates."""
        if not any(str(day.year) in view for day in self.days):
            return False
        if self._dated is None:
            self._dated = re.compile("|".join(
                rf"\b{_MONTHS[day.month - 1]}[a-z]*\.?\s+{day.day}(?:st|nd|rd|th)?,?\s+{day.year}\b"
                rf"|\b{day.day}\s+{_MONTHS[day.month - 1]}[a-z]*\.?,?\s+{day.year}\b" for day in self.days))
        return self._dated.search(view) is not None


# by id of the row, the row kept with its event: a dict freed and another made at its address
# must not get the first one's event
_EVENTS: dict[int, tuple[dict, NewsEvent]] = {}


def news_event(row: dict) -> Optional[NewsEvent]:
    """The event of a row of the terms table, or None for a thing (no ``"kind": "event"``)."""
    if row.get("kind") != "event":
        return None
    seen = _EVENTS.get(id(row))
    if seen is None or seen[0] is not row:
        seen = _EVENTS[id(row)] = (row, NewsEvent(row))
    return seen[1]


def mentions(view: str, parsed: "Doc", found: "list[tuple[dict, re.Pattern[str]]]") -> \
        Iterator[tuple[NewsEvent, "re.Match[str]", str, int]]:
    """(event, match, tense, closeness) for every name of an event in ``view`` among the rows
    ``found`` (row of the table, its pattern), the tense as the clue reads it."""
    from tidings.timex.conflicts_annual import told_when

    for row, rx in found:
        ev = news_event(row)
        if ev is None or ev.dated_in(view):
            continue
        for m in rx.finditer(view):
            if _GENERIC.search(view, max(0, m.start() - 16), m.start()) or _YEAR_AFTER.match(view, m.end()):
                continue
            near = view[max(0, m.start() - YEAR_REACH):m.end() + YEAR_REACH]
            if any(str(day.year) in near for day in ev.days):
                continue            # "attacked the compound in Benghazi on Sept. 11, 2012": a past told with its date
            tense, close, _ = told_when(view, parsed, m.start(), m.end())
            if not ev.scheduled and tense != "past":
                # the name of an unforeseen event is only written after it: an untensed name is
                # past, and a future one ("will never forget the Orlando shooting") no plan
                close = close if tense == "none" else 0
                tense = "past"
            yield ev, m, tense, close


@lru_cache(maxsize=1)
def _news_rows() -> tuple[tuple[dict, re.Pattern[str], Optional[tuple[str, ...]]], ...]:
    """(row, pattern, literals one of which a match contains or None) of the rows with
    ``news_patterns``: names too plain to date their first use ("the attacks in Paris": not
    an anachronism before 2015) that still name the event when the text tells it as news."""
    from tidings.timex.conflicts_world import _literal

    out = []
    for row in load_json("timex_terms.json")["terms"]:
        if row.get("kind") == "event" and row.get("news_patterns"):
            lits = [_literal(p) for p in row["news_patterns"]]
            out.append((row, re.compile(r"(?<![\w#-])(?:" + "|".join(row["news_patterns"]) + r")(?![\w-])"),
                        None if any(x is None for x in lits) else tuple(x for x in lits if x is not None)))
    return tuple(out)


def _news_found(view: str) -> "list[tuple[dict, re.Pattern[str]]]":
    return [(row, rx) for row, rx, lits in _news_rows()
            if (lits is None or any(x in view for x in lits)) and rx.search(view)]


def news_clues(view: str, parsed: Optional["Doc"], found: "list[tuple[dict, re.Pattern[str]]]") -> list["Clue"]:
    """One clue per event among the rows ``found`` (the table's rows named in ``view``, with
    their patterns): its first name tied to the writing week or month, else its first name
    with a tense (a scheduled event told both as past and as to come, and tied to no week:
    none)."""
    if parsed is None or not USE_NEWS:
        return []
    from tidings.timex.conflicts_fit import Clue

    out: dict[str, "Clue"] = {}
    for ev, m, tense, close in mentions(view, parsed, [*found, *_news_found(view)]):
        if tense == "none" and not close:
            continue
        seen = out.get(ev.name)
        if seen is None or (close and not seen.day):
            out[ev.name] = Clue(UNIT, tense, vstart=m.start(), vend=m.end(), day=close, office=ev.label(),
                                terms=tuple((d, d) for d in ev.days))
        elif seen.tense != tense and (close or not seen.day):
            seen.tense = "none"
    return [c for c in out.values() if c.tense != "none" or c.day]
