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
- a copyright notice left in the text ("© 2019 Associated Press. All rights reserved.",
  "Copyright 2019 Hawaii News Now. All rights reserved.") names the year of writing, or a
  later one when a page's footer is stamped when it is served; an earlier year is rarer (a
  stale footer).  The cleaning leaves such lines out of the view, so the clue reads the
  non-body lines, with original offsets.
- an embedded post (a tweet's signature "(@handle) November 18, 2019") is mostly news of the
  days before the writing: the article is written on or after the latest one, mostly within
  two weeks, seldom months later.
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

Each clue is a :class:`~tidings.timex.conflicts_fit.Clue` whose ``unit`` is one of UNITS;
``row`` gives its log likelihood for every candidate writing date.
"""
from __future__ import annotations

import datetime as dt
import logging
import math
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from tidings.timex.patterns import ORDINALS

if TYPE_CHECKING:
    import numpy as np
    from spacy.tokens import Doc

    from tidings.timex import TimeMention
    from tidings.timex.conflicts_fit import Clue

log = logging.getLogger(__name__)

UNITS = ("q", "qy", "pos", "ry", "cr", "post", "rm", "win", "ymd", "dl")   # "win": a window clue (conflicts_campaign)
# a full date ("May 2, 2016", "on March 11, 2016"), by days from it to the writing date: weights
# of a near part (mean days), a wider part, and a long tail (history told as past, schedules as to
# come) spread evenly over YMD_TAIL_DAYS; the wrong side of its tense decays within days.  One
# full date moves the fit by at most YMD_MAX_LIFT (under the bar): the year named beside it is
# its clue too, and a lone date may be a schedule's or a document's
YMD_NEAR = {"past": (0.45, 15.0, 0.25, 90.0), "future": (0.4, 20.0, 0.3, 120.0), "none": (0.3, 7.0, 0.3, 60.0)}
YMD_TAIL = {"past": (0.3, 0.0), "future": (0.0, 0.3), "none": (0.3, 0.1)}     # tail weights (before, after)
YMD_TAIL_DAYS = 3650.0
YMD_WRONG = 0.02                    # weight of the wrong side (a date told as past after the writing)
YMD_MAX_LIFT = {"past": 1.0, "future": 3.0, "none": 2.0}  # a past full date is mostly history
YMD_GROUP_CAP = 1.0
# a dateline with a month and day but no year at the head of the body ("WASHINGTON, Aug. 19 (UPI)
# --", "Dec 29 (Reuters) -"): the dispatch day, so the article was written on it or a day or two
# later (a print edition is dated the next day); likelihood ratios by days from the dateline to
# the writing date: within DL_DAYS 1, up to DL_WEEK_DAYS DL_WEEK, up to half a year DL_FAR (a
# late reprint), and DL_BEFORE when the day is still to come within half a year (written before
# its own dispatch day)
# (DL_FAR was 0.05; every one of the 21 datelines of the correctly dated dev articles, PolNeAR,
# MEANTIME and other news, lay within a day of the claimed date, none weeks before it)
DL_DAYS, DL_WEEK_DAYS, DL_WEEK, DL_FAR, DL_BEFORE = (-1, 2), 14, 0.2, 0.02, 0.01
_DL_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_DATELINE = re.compile(
    r"(?:^|\n)[ \t]*(?P<head>(?:[A-Z][A-Z.'-]+(?:[ \t]+[A-Z][A-Z.'-]+){0,3}(?:,[ \t]*[A-Z][A-Za-z.]+(?:[ \t]+[A-Z][A-Za-z.]+)?)?,[ \t]+)?)"
    r"(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ \t]+(?P<day>\d{1,2})"
    r"(?P<agency>[ \t]*\((?:[A-Z][\w.&'-]*)(?:[ \t]+[A-Z][\w.&'-]*){0,3}\))?[ \t]*(?:--|[-\u2013\u2014])")
USE_DATELINES = True
USE_FULL_DATES = True
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
# a copyright year Y against the writing year W: likelihood ratios of W > Y (a stale footer),
# W = Y - 1, W < Y - 1 (a footer stamped when the page was served), against W = Y; the
# largest alone (-3.0) stays under the fit's bar
CR_AFTER, CR_YEAR_BEFORE, CR_LONG_BEFORE = 0.05, 0.3, 0.15
_COPYRIGHT = re.compile(r"(?:©|\(c\)|\bcopyright\b)[^\n]{0,60}?((?:19|20)\d\d)(?!\d)", re.I)
_NOTICE = re.compile(r"rights\s+reserved|may\s+not\s+be\s+(?:published|reproduced)", re.I)
# the latest embedded post, by days from it to the writing date: likelihood ratio 1 up to
# POST_FRESH days after, then decaying with POST_DECAY days to POST_FLOOR; before it POST_BEFORE.
# (Were 60 days and 0.2: on the study sample the latest post of 24 of the 26 articles embedding
# one lay within two days of the writing, the other two 14 and 16 days; the floor keeps one
# post alone under the fit's bar)
POST_FRESH, POST_DECAY, POST_FLOOR, POST_BEFORE = 14, 20.0, 0.05, 0.02
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


def full_date_clues(items: list["TimeMention"], tenses: list[str]) -> list["Clue"]:
    """A clue per full date of the body ("May 2, 2016", "11 March 2016": month, day and year
    named), with its tense (``tenses``: the clue tense of each item)."""
    from tidings.timex.conflicts_fit import Clue

    out = []
    for it, tense in zip(items, tenses):
        r = it.resolved
        if it.mention.kind not in ("mdy", "dmy") or r is None or r.start is None or not r.explicit_year \
                or it.headline or it.vstart is None or it.vend is None:
            continue
        out.append(Clue("ymd", tense, vstart=it.vstart, vend=it.vend, it=it,
                        year=r.start.year, month=r.start.month, day=r.start.day))
    # the dates of one episode ("met with Stevens on Sept. 10, 2012", "the Sept. 11, 2012,
    # attack") are one piece of evidence: those of one month told with one tense weigh
    # YMD_GROUP_CAP clues together at most
    groups: dict[tuple[int, int, str], list["Clue"]] = {}
    for c in {c.value() + (c.tense,): c for c in out}.values():
        groups.setdefault((c.year, c.month, c.tense), []).append(c)
    for group in groups.values():
        for c in group:
            c.share = min(1.0, YMD_GROUP_CAP / len(group))
    return out


# the closing weeks of the year, named as the time of the writing: "the holiday season" (late
# November to the new year) told without tense or as to come ("just in time for the holiday
# season", "before the holidays arrive") is written from September to December, told as past
# ("sales rose over the holidays") from December to March; a "year-end" deal, rush or news
# conference, or "as the year comes to an end", from November to January (dev sample: the 7
# pages naming the holiday season were all of November or December, the 5 year-end deals, rushes
# and news conferences all of December).  "last holiday season" names another year's, and a
# year-end result, target or bonus is a fiscal year's.  Each weighed as a season clue of
# conflicts_fit ("sn": the months it fits, SEASON_OFF outside them)
HOLIDAY_FIT = {"none": (9, 12), "future": (9, 12), "past": (12, 3)}
YEAR_END_FIT = {"none": (11, 1), "future": (11, 1), "past": (12, 2)}
_HOLIDAYS = re.compile(r"\b(?:(?P<rel>last|next|past|previous)\s+)?holiday\s+(?:shopping\s+|travel\s+|buying\s+|sales\s+)?season\b"
                       r"|\b(?:for|before|during|over|through|ahead\s+of|until|in\s+time\s+for)\s+the\s+holidays\b", re.I)
_YEAR_END = re.compile(r"\b(?:a|the|this|its|his|her|their|traditional|annual)\s+year-end(?!\s+(?:results?\b|targets?\b|forecasts?\b|"
                       r"price\b|goals?\b|figures?\b|earnings\b|reports?\b|estimates?\b|bonus|close\b|closing\b|level|balance|"
                       r"total|numbers?\b|outlook))"
                       r"|\bas\s+(?:the|this)\s+year\s+(?:comes\s+to\s+(?:an|a)\s+(?:end|close)|draws\s+to\s+a\s+close|winds\s+down)\b", re.I)


_YEAR_END_HINTS = ("ear-end", "year comes", "year draws", "year winds")


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
            if "rel" in rx.groupindex and m.group("rel"):
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


def dateline_clues(view: str, head: int = 600) -> list["Clue"]:
    """The yearless dateline at the head of the body, if any: a city in capitals or an agency
    in brackets beside it makes it a dateline ("WASHINGTON, Aug. 19 (UPI) --"), not a sentence."""
    from tidings.timex.conflicts_fit import Clue

    m = _DATELINE.search(view, 0, head)
    if m is None or not (m.group("head") or m.group("agency")):
        return []
    month, day = _DL_MONTHS[m.group("mon")[:3].lower()], int(m.group("day"))
    try:
        dt.date(2000, month, day)           # a leap year: 29 February is a day
    except ValueError:
        return []
    return [Clue("dl", "none", vstart=m.start("mon"), vend=m.end("day"), month=month, day=day)]


# "Today (Nov. 18), NASA announced", "launch tomorrow (November 19)": a day named beside today,
# yesterday or tomorrow is a dateline of its own (the writing day, or the day before or after it:
# all inside the dateline's window of a day before to two days after)
_TODAY_MD = re.compile(r"\b(?P<rel>[Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow)\s*\((?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|"
                       r"Nov|Dec)[a-z]*\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\)")
_TODAY_HINTS = ("oday (", "onight (", "esterday (", "omorrow (")


def today_clues(view: str) -> list["Clue"]:
    """The first "today (Nov. 18)" of the text as a dateline clue of the writing day."""
    from tidings.timex.conflicts_fit import Clue

    if not any(h in view for h in _TODAY_HINTS):
        return []
    m = _TODAY_MD.search(view)
    if m is None:
        return []
    month, day = _DL_MONTHS[m.group("mon")[:3].lower()], int(m.group("day"))
    try:
        dt.date(2000, month, day)           # a leap year: 29 February is a day
    except ValueError:
        return []
    return [Clue("dl", "none", vstart=m.start(), vend=m.end(), month=month, day=day)]


@lru_cache(maxsize=4)
def _ymd_table(tense: str) -> "np.ndarray":
    """The log likelihood of a full date told with ``tense`` for every offset from minus to plus
    YMD_TAIL_DAYS + 1 days (index 0 is the most negative), computed once."""
    import numpy as np

    reach = int(YMD_TAIL_DAYS) + 1
    o = np.arange(-reach, reach + 1).astype(float)
    return np.log((1 - Q_NOISE) * _ymd_density(o, tense) + Q_NOISE / YMD_TAIL_DAYS)


def _ymd_density(o: "np.ndarray", tense: str) -> "np.ndarray":
    """Density of a full date ``o`` days after the writing date (negative: before it)."""
    import numpy as np

    w1, m1, w2, m2 = YMD_NEAR[tense]
    before, after = YMD_TAIL[tense]
    a = np.abs(o)
    near = w1 * np.exp(-a / m1) / m1 + w2 * np.exp(-a / m2) / m2
    wrong = YMD_WRONG * np.exp(-a / 10) / 10
    if tense == "past":
        near = np.where(o <= 1, near, wrong)
    elif tense == "future":
        near = np.where(o >= -1, near, wrong)
    tail = np.where(o <= 0, before, after) / YMD_TAIL_DAYS * (a <= YMD_TAIL_DAYS)
    return near + tail


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


def copyright_clues(text: str, non_body: list[tuple[str, int, int]]) -> list["Clue"]:
    """A copyright notice among the lines the cleaning left out of the view: one clue, the
    latest year of the first notice."""
    from tidings.timex.conflicts_fit import Clue

    for _kind, start, end in non_body:
        line = text[start:end]
        if len(line) > 300 or not ("\u00a9" in line or "opyright" in line or "(c)" in line.lower()):
            continue
        m = _COPYRIGHT.search(line)
        if m is None or _NOTICE.search(line) is None:
            continue
        year = max(int(y) for y in re.findall(r"(?:19|20)\d\d", m.group(0)))
        clue = Clue("cr", "none", vstart=0, vend=0, year=year)
        clue.ospan = (start + m.start(), start + m.end())
        return [clue]
    return []


def post_clue(post: tuple[dt.date, int, int]) -> "Clue":
    """The clue of the latest embedded post: (its date, original start, end)."""
    from tidings.timex.conflicts_fit import Clue

    d, start, end = post
    clue = Clue("post", "past", vstart=0, vend=0, year=d.year, month=d.month, day=d.day)
    clue.ospan = (start, end)
    return clue


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
    if c.unit == "post":
        o = (ords - dt.date(c.year, c.month, c.day).toordinal()).astype(float)
        after = np.maximum(POST_FLOOR, np.exp(-np.clip(o - POST_FRESH, 0, None) / POST_DECAY))
        return np.log(np.where(o >= -1, after, POST_BEFORE))
    if c.unit == "dl":
        # days from the latest occurrence of the month-day on or before the day after each date
        ahead = ords + 1
        first_year = dt.date.fromordinal(int(ahead.min())).year - 8
        occ = np.array([_last_on_or_before(c.month, c.day, dt.date(y, 12, 31).toordinal())
                        for y in range(first_year, dt.date.fromordinal(int(ahead.max())).year + 1)])
        occ = np.unique(occ)
        last = occ[np.searchsorted(occ, ahead, side="right") - 1]
        o = (ahead - last).astype(float) - 1
        lo, hi = DL_DAYS
        return np.where((o >= lo) & (o <= hi), 0.0, np.where(o <= DL_WEEK_DAYS, math.log(DL_WEEK), np.where(
            o <= 182, math.log(DL_FAR), math.log(DL_BEFORE))))
    if c.unit == "ymd":
        reach = int(YMD_TAIL_DAYS) + 1          # beyond the tail the density no longer changes
        o = np.clip(dt.date(c.year, c.month, c.day).toordinal() - ords, -reach, reach)
        out = _ymd_table(c.tense)[o + reach]
        return np.maximum(out, out.max() - YMD_MAX_LIFT[c.tense])
    if c.unit == "win":
        # 1 inside a window, ``before`` before the first, ``year / 1000`` after one
        inside = np.zeros(len(ords), dtype=bool)
        for a, b in c.terms:
            inside |= (ords >= a.toordinal()) & (ords <= (dt.date.max if b == dt.date.max else b).toordinal())
        early = ords < min(a.toordinal() for a, _ in c.terms)
        return np.where(inside, 0.0, np.where(early, math.log(c.before), math.log(c.year / 1000)))
    if c.unit == "cr":
        o = ords_years(ords) - c.year
        return np.where(o == 0, 0.0, np.where(o > 0, math.log(CR_AFTER), np.where(
            o == -1, math.log(CR_YEAR_BEFORE), math.log(CR_LONG_BEFORE))))
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


def _last_on_or_before(month: int, day: int, ordinal: int) -> int:
    """The ordinal of the latest ``month``/``day`` on or before ``ordinal`` (29 February: the
    latest leap year's)."""
    d = dt.date.fromordinal(ordinal)
    for y in range(d.year, d.year - 9, -1):
        try:
            x = dt.date(y, month, day)
        except ValueError:
            continue
        if x <= d:
            return x.toordinal()
    return ordinal - 3000


def ords_years(ords: "np.ndarray") -> "np.ndarray":
    """The year of every ordinal."""
    import numpy as np

    d64 = (ords - dt.date(1970, 1, 1).toordinal()).astype("datetime64[D]")
    return d64.astype("datetime64[Y]").astype(np.int64) + 1970


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
    if c.unit == "post":
        return f"{quoted} (an embedded post: mostly written within two weeks after it)"
    if c.unit == "dl":
        return f"{quoted} (a dateline: written on that day or a day or two after)"
    if c.unit == "ymd":
        when = {"past": "told as past", "future": "told as still to come", "none": "no tense"}[c.tense]
        return f"{quoted} ({when}: a full date, mostly within weeks of the writing)"
    if c.unit == "win":
        spans = "; ".join(f"{a.day} {a.strftime('%B')} {a.year} to {b.day} {b.strftime('%B')} {b.year}"
                          for a, b in c.terms if b != dt.date.max)
        return f"{quoted} ({c.office}: mostly written {spans})"
    if c.unit == "cr":
        return f"{quoted} (a copyright notice: mostly the year of writing, seldom one before it)"
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
