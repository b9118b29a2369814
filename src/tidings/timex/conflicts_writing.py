"""Date clues of the aggregate fit (:mod:`.conflicts_fit`) that come from how news is
written, not from world knowledge: they hold for any subject and any year.

- a quarter named with its number and tense: "profit rose in the second quarter" is written
  after the quarter ended, mostly within the two months after (results come out then);
  "expects growth in the third quarter" before it ends.  Without a year the clue is about the
  writing month (months from the quarter's last month); with one ("the first quarter of
  2019", told as past) it is about the writing date.
- a position inside the current period: "earlier this year" is seldom written in January,
  "later this year" seldom in December, "earlier this month" seldom in its first days,
  "later this month" seldom in its last days.
- relative and explicit years name the same years: a writer who says "deliveries start in
  spring 2020" and "on sale midway through next year" writes in 2019; "last year" beside
  "In his previous physical in 2018" is written in 2019.  "next year" fits the writing years
  W for which W+1 is a year the text names as to come (or with no tense), "last year" those
  for which W-1 is named as past (or with no tense), "this year" those named in any tense,
  only where the text names a year within three of the one meant.  ("four years ago" beside
  the past years was tried: +1 on the tuning sample, but a false flag on the other-news half
  B, "a turnaround from four years ago" in an election story.)  Likewise "next month" /
  "last month" beside the months named ("a surprise event next month" and "on sale
  December 2": written in November), within two.
- the closing weeks of the year named as the time of the writing: "in time for the holiday
  season", "a year-end deal" (season clues, weighed by the fit).

The clues of dates the text gives whole - full dates, datelines, embedded posts, copyright
notices - are in :mod:`.conflicts_dates`.  Each clue is a
:class:`~tidings.timex.conflicts_fit.Clue` whose ``unit`` is one of UNITS (those of
:mod:`.conflicts_dates` included); ``row`` gives its log likelihood for every candidate
writing date, ``describe`` its words in the flag.
"""
from __future__ import annotations

import datetime as dt
import logging
import math
import re
from typing import TYPE_CHECKING, Optional

from tidings.timex import conflicts_dates
from tidings.timex.conflicts_dates import (  # noqa: F401  (re-exported: tests and tools import them from here)
    YMD_MAX_LIFT, copyright_clues, dateline_clues, full_date_clues, ords_years, post_clue, today_clues)
from tidings.timex.patterns import ORDINALS

if TYPE_CHECKING:
    import numpy as np
    from spacy.tokens import Doc

    from tidings.timex import TimeMention
    from tidings.timex.conflicts_fit import Clue

log = logging.getLogger(__name__)

UNITS = ("q", "qy", "pos", "ry", "cr", "post", "rm", "win", "ymd", "dl")   # "win": a window clue (conflicts_campaign)
# (cr, post, ymd, dl: the units of conflicts_dates, which row and describe hand on to it)
# a quarter told as past, no year: months from the quarter's last month to the writing month
# (0: written in the quarter's last month, as it ends; 1-2: the results season)
Q_PAST = (0.06, 0.3, 0.22, 0.1, 0.07, 0.05, 0.04, 0.04, 0.04, 0.03, 0.03, 0.02)
# told as to come: months from the writing month to the quarter's last month
Q_FUTURE = (0.12, 0.14, 0.14, 0.12, 0.1, 0.09, 0.08, 0.06, 0.05, 0.04, 0.03, 0.03)
Q_NOISE = 0.2                       # share of quarters that fit neither (fiscal years, quotes)
QY_PAST = (0.6, 45.0, 0.3, 365.0)   # a past quarter with its year: days after its end, two decays
QY_EARLY = 0.02                     # likelihood ratio of a past quarter told before it ended
QY_GRACE = 7                        # days before the end: "the quarter ended strongly" said on the 28th
# "earlier this year" / "later this year": likelihood ratios of the month at the year's edge
# (January, December) and the one next to it; "earlier / later this month": of the first or
# last two days of the month and the four next to them (a date a little off is common: time
# zones, an article written the day before it is published)
POS_YEAR = (0.15, 0.6)
POS_MONTH = (0.25, 0.6)
# "next/last/this year" when the year it names is not among the text's explicit years of the
# same tense (likelihood ratio; they often are not: "last year" of a figure, years of history)
RY_OFF = {1: 0.3, 0: 0.5}           # "next year", "this year"; 0.5 for "last year", "four years ago"
RY_WINDOW = 3                       # years: a named year this far from the one meant makes the clue speak
USE_MONTHS = True                   # "next month" beside the months the text names
RM_WINDOW = 2                       # months: a named month this near the one meant makes the clue speak
_RY_REL = {"next": 1, "coming": 1, "the coming": 1, "last": -1, "this": 0, "the current": 0, "current": 0}
_RY_TENSES = {1: ("future", "none"), -1: ("past", "none"), 0: ("past", "future", "none")}


# a quarter of a year is told with money or output near it ("profit rose in the second quarter",
# "raised $12 million in the third quarter"); without ("Schröder got a technical foul in the third
# quarter") it is a game's
_QUARTER_MONEY = re.compile(r"\b(?:profits?|revenues?|sales|earnings|results|income|loss(?:es)?|growth|GDP|econom\w*|"
                            r"quarterly|fiscal|rais\w*|fundrais\w*|donations|shipments|deliveries|percent|billion|million|"
                            r"forecasts?|guidance|shares|output|investments?|spending|prices|inflation|jobs)\b|[$%€£¥]", re.I)
QUARTER_CONTEXT = 150               # characters either side of the quarter looked at


def writing_clue(it: "TimeMention", tense: str, *, view: str = "") -> Optional["Clue"]:
    """The writing clue of a time expression, if it is one (``view``: the text, for a
    quarter's context)."""
    from tidings.timex.conflicts_fit import Clue

    m, r = it.mention, it.resolved
    if r is None or r.start is None or it.vstart is None or it.vend is None or it.headline:
        return None
    span = {"vstart": it.vstart, "vend": it.vend, "it": it}
    if m.kind == "quarter":
        ordv = (m.g("ord") or "").lower()
        q = ORDINALS.get(ordv) or (int(ordv) if ordv.isdigit() else 0)
        if not 1 <= q <= 4 or m.g("rel") or tense == "none":
            return None          # "the last quarter", "the first quarter of next year": no clue
        if view and not _QUARTER_MONEY.search(view, max(0, it.vstart - QUARTER_CONTEXT), it.vend + QUARTER_CONTEXT):
            return None          # a game's quarter
        if r.explicit_year:
            return Clue("qy", tense, year=r.start.year, month=3 * q, **span) if tense == "past" else None
        return Clue("q", tense, month=3 * q, **span)
    if m.kind == "rperiod":
        mod, rel, unit = ((m.g(g) or "").lower() for g in ("mod", "rel", "unit"))
        if rel in ("this", "the current", "current") and mod in ("earlier", "later") and unit in ("year", "month"):
            return Clue("pos", "none", day=-1 if mod == "earlier" else 1, office=unit, **span)
    return None


# the closing weeks of the year, named as the time of the writing: "the holiday season" (late
# November to the new year) told without tense or as to come ("just in time for the holiday
# season", "before the holidays arrive") is written from September to December, told as past
# ("sales rose over the holidays") from December to March; a "year-end" deal, rush or news
# conference, or "as the year comes to an end", from November to January (dev sample: the 7
# pages naming the holiday season were all of November or December, the 5 year-end deals, rushes
# and news conferences all of December).  "last holiday season" names another year's, and a
# year-end result, target or bonus is a fiscal year's.  Each weighed as a season clue of
# conflicts_fit ("sn": the months it fits, conflicts_timeclues.SEASON_OFF outside them)
HOLIDAY_FIT = {"none": (9, 12), "future": (9, 12), "past": (12, 3)}
YEAR_END_FIT = {"none": (11, 1), "future": (11, 1), "past": (12, 2)}
_HOLIDAYS = re.compile(r"\b(?:(?P<rel>last|next|past|previous)\s+)?holiday\s+(?:shopping\s+|travel\s+|buying\s+|sales\s+)?season\b"
                       r"|\b(?:for|before|during|over|through|ahead\s+of|until|in\s+time\s+for)\s+the\s+holidays\b", re.I)
_YEAR_END = re.compile(r"\b(?:a|the|this|its|his|her|their|traditional|annual)\s+year-end(?!\s+(?:results?\b|targets?\b|forecasts?\b|"
                       r"price\b|goals?\b|figures?\b|earnings\b|reports?\b|estimates?\b|bonus|close\b|closing\b|level|balance|"
                       r"total|numbers?\b|outlook))"
                       r"|\bas\s+(?:the|this)\s+year\s+(?:comes\s+to\s+(?:an|a)\s+(?:end|close)|draws\s+to\s+a\s+close|winds\s+down)\b", re.I)


_YEAR_END_HINTS = ("ear-end", "year comes", "year draws", "year winds")
# "the summer holiday season", "the Lunar New Year holiday season", "the Eid holidays": another
# season's holidays, not the year's closing weeks
_OTHER_HOLIDAYS = re.compile(r"\b(?:summer|spring|Easter|Lunar\s+New\s+Year|Chinese\s+New\s+Year|Spring\s+Festival|"
                             r"Eid|Ramadan|Passover|Golden\s+Week|Songkran|Nowruz|school|August|July)(?:['’]s)?\s+$", re.I)


def closing_year_clues(view: str, parsed: Optional["Doc"]) -> list["Clue"]:
    """A clue for the first "holiday season" and the first "year-end" of the text (the first
    whose tense the parse gives, else the first at all)."""
    from tidings.timex.conflicts_fit import Clue
    from tidings.timex.tense import governing_verb, tense_of

    out = []
    for rx, fit, name in ((_HOLIDAYS, HOLIDAY_FIT, "holiday season"), (_YEAR_END, YEAR_END_FIT, "year's end")):
        if not any(k in view for k in (("oliday",) if rx is _HOLIDAYS else _YEAR_END_HINTS)):
            continue            # a cheap look for the literals first
        found: list[tuple[str, int, int]] = []
        for m in rx.finditer(view):
            if "rel" in rx.groupindex and (m.group("rel") or _OTHER_HOLIDAYS.search(view, max(0, m.start() - 24), m.start())):
                continue
            tense = "none"
            if parsed is not None:
                t = tense_of(governing_verb(parsed, m.start(), m.end()))
                tense = "past" if t in ("past", "past_weak") else "future" if t in ("future", "prospective") else "none"
            found.append((tense, m.start(), m.end()))
        if found:
            tense, start, end = next((f for f in found if f[0] != "none"), found[0])
            out.append(Clue("sn", tense, vstart=start, vend=end, month=fit[tense][0], day=fit[tense][1], office=name))
    return out


def relative_year_clues(items: list["TimeMention"], tenses: list[str]) -> list["Clue"]:
    """One clue per kind of relative year ("next year", "last year", "this year") that the
    text uses, holding the explicit years it names with a fitting tense (``tenses``: the
    clue tense of each item)."""
    import datetime as _dt

    from tidings.timex.conflicts_fit import Clue

    named: dict[int, set[int]] = {1: set(), -1: set(), 0: set()}     # by the sign of the offset
    months: dict[int, set[int]] = {1: set(), -1: set(), 0: set()}
    rel_at: dict[int, "TimeMention"] = {}
    month_at: dict[int, "TimeMention"] = {}
    for it, tense in zip(items, tenses):
        m, r = it.mention, it.resolved
        if r is None or r.start is None or it.vstart is None or it.vend is None:
            continue
        if m.kind in ("m", "md", "dm", "my", "mdy", "dmy") and not it.headline:
            for off, ok in _RY_TENSES.items():
                if tense in ok:
                    months[off].add(r.start.month)
        if m.kind == "rperiod" and (m.g("unit") or "").lower() == "month" and not it.headline and USE_MONTHS:
            rel = " ".join((m.g("rel") or "").lower().split())
            if rel in ("next", "last") and not m.g("mod"):       # "last month", "next month"
                month_at.setdefault(_RY_REL[rel], it)
        if m.kind in ("y", "my", "mdy", "dmy") and r.explicit_year:
            for off, ok in _RY_TENSES.items():
                if tense in ok:
                    named[off].add(r.start.year)
        elif m.kind == "rperiod" and (m.g("unit") or "").lower() == "year" and not it.headline:
            rel = " ".join((m.g("rel") or "").lower().split())
            if rel in _RY_REL and not (m.g("mod") or "").lower().startswith("the"):
                rel_at.setdefault(_RY_REL[rel], it)
    out = []
    for off, it in rel_at.items():
        sign = (off > 0) - (off < 0)
        if not named[sign]:
            continue
        assert it.vstart is not None and it.vend is not None
        years = tuple(sorted(named[sign]))
        out.append(Clue("ry", "none", vstart=it.vstart, vend=it.vend, it=it, day=off,
                        terms=tuple((_dt.date(y, 1, 1), _dt.date(y, 12, 31)) for y in years)))
    for off, it in month_at.items():
        if not months[off]:
            continue
        assert it.vstart is not None and it.vend is not None
        out.append(Clue("rm", "none", vstart=it.vstart, vend=it.vend, it=it, day=off,
                        terms=tuple((_dt.date(2000, mo, 1), _dt.date(2000, mo, 1)) for mo in sorted(months[off]))))
    return out


def _quarter_end(year: int, last_month: int) -> dt.date:
    return dt.date(year + (last_month == 12), last_month % 12 + 1, 1) - dt.timedelta(days=1)


def row(c: "Clue", ords: "np.ndarray", months: "np.ndarray", mdays: "np.ndarray") -> "np.ndarray":
    """Log likelihood of clue ``c`` for every candidate writing date (ordinals, their
    months and days of the month)."""
    import numpy as np

    if c.unit == "q":
        if c.tense == "past":
            p = np.array(Q_PAST)[(months - c.month) % 12]
        else:
            p = np.array(Q_FUTURE)[(c.month - months) % 12]
        return np.log((1 - Q_NOISE) * p + Q_NOISE / 12)
    if c.unit == "qy":
        o = (ords - _quarter_end(c.year, c.month).toordinal()).astype(float)   # days after its end
        w1, m1, w2, m2 = QY_PAST
        after = w1 * np.exp(-np.clip(o, 0, None) / m1) / m1 + w2 * np.exp(-np.clip(o, 0, None) / m2) / m2
        p = np.where(o >= -QY_GRACE, after, QY_EARLY * w1 / m1)
        return np.log((1 - Q_NOISE) * p + Q_NOISE / 3650)
    if c.unit in conflicts_dates.UNITS:
        return conflicts_dates.row(c, ords)
    if c.unit == "win":
        # 1 inside a window, ``before`` before the first, ``year / 1000`` after one
        inside = np.zeros(len(ords), dtype=bool)
        for a, b in c.terms:
            inside |= (ords >= a.toordinal()) & (ords <= (dt.date.max if b == dt.date.max else b).toordinal())
        early = ords < min(a.toordinal() for a, _ in c.terms)
        return np.where(inside, 0.0, np.where(early, math.log(c.before), math.log(c.year / 1000)))
    if c.unit == "rm":
        target = (months - 1 + c.day) % 12 + 1
        named_m = np.array([a.month for a, _ in c.terms])
        hit = np.isin(target, named_m)
        near = np.zeros(len(ords), dtype=bool)
        for mo in named_m:
            dist = np.abs(target - mo)
            near |= np.minimum(dist, 12 - dist) <= RM_WINDOW
        return np.where(hit | ~near, 0.0, math.log(RY_OFF.get(c.day, 0.5)))
    if c.unit == "ry":
        years = ords_years(ords)
        named = np.array([a.year for a, _ in c.terms])
        target = years + c.day
        hit = np.isin(target, named)
        if RY_WINDOW:
            # only where the text names a year near the one meant: "early next year" beside
            # "by 2024" and "through 2028" says nothing about 2020 or 2021
            near = np.zeros(len(ords), dtype=bool)
            for y in named:
                near |= np.abs(target - y) <= RY_WINDOW
            hit |= ~near
        return np.where(hit, 0.0, math.log(RY_OFF.get(c.day, 0.5)))
    # "pos": the edge of the period the phrase points away from
    if c.office == "year":
        off, near_off = POS_YEAR
        at, near = (months == 1, months == 2) if c.day < 0 else (months == 12, months == 11)
    else:
        off, near_off = POS_MONTH
        # from the month's edge: its first day is 1 away, and so is its last
        edge = mdays if c.day < 0 else _days_to_end(ords)
        at, near = edge <= 2, edge <= 6
    return np.where(at, math.log(off), np.where(near, math.log(near_off), 0.0))


def _days_to_end(ords: "np.ndarray") -> "np.ndarray":
    """1 for the last day of its month, 2 for the day before, ..."""
    import numpy as np

    d64 = (ords - dt.date(1970, 1, 1).toordinal()).astype("datetime64[D]")
    return ((d64.astype("datetime64[M]") + 1).astype("datetime64[D]") - d64).astype(np.int64)


def loglik(c: "Clue", d: dt.date) -> float:
    import numpy as np

    return float(row(c, np.array([d.toordinal()]), np.array([d.month]), np.array([d.day]))[0])


def describe(c: "Clue", quoted: str) -> str:
    if c.unit == "q":
        when = "after that quarter ended, mostly within two months" if c.tense == "past" \
            else "before that quarter ended"
        return f"{quoted} ({'told as past' if c.tense == 'past' else 'told as still to come'}: written {when})"
    if c.unit == "qy":
        end = _quarter_end(c.year, c.month)
        return f"{quoted} (told as past: written after {end.day} {end.strftime('%B')} {end.year}, mostly within months)"
    if c.unit in conflicts_dates.UNITS:
        return conflicts_dates.describe(c, quoted)
    if c.unit == "win":
        spans = "; ".join(f"{a.day} {a.strftime('%B')} {a.year} to {b.day} {b.strftime('%B')} {b.year}"
                          for a, b in c.terms if b != dt.date.max)
        return f"{quoted} ({c.office}: mostly written {spans})"
    if c.unit == "rm":
        names = ", ".join(a.strftime("%B") for a, _ in c.terms)
        word = "the month after" if c.day > 0 else "the month before"
        return f"{quoted} (the text names {names}: it fits writing when {word} is one of them)"
    if c.unit == "ry":
        years = ", ".join(str(a.year) for a, _ in c.terms)
        word = {1: "the year after", 0: "the year", -1: "the year before"}.get(c.day, f"{-c.day} years before")
        return f"{quoted} (the text names {years}: it fits writing when {word} is one of them)"
    edge = ("January" if c.day < 0 else "December") if c.office == "year" else \
        ("the first days of a month" if c.day < 0 else "the last days of a month")
    return f"{quoted} (seldom written in {edge})"
