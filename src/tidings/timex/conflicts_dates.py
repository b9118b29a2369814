"""Date clues of the aggregate fit (:mod:`.conflicts_fit`) from dates the text gives whole
(a day of a month, and for most a year), each with how news is written around it; the
dispatch of :mod:`.conflicts_writing` (``row``, ``loglik``, ``describe``) weighs them.

- a full date in the body ("May 2, 2016", "on March 11, 2016") is mostly within weeks of the
  writing, before it when told as past and after it when told as to come, with a long tail
  (history, schedules); the dates of one month told with one tense count as one clue, and
  one full date alone never reaches the fit's bar.
- a yearless dateline at the head of the body ("WASHINGTON, Aug. 19 (UPI) --", "Dec 29
  (Reuters) -") is the dispatch day: written on it or a day or two after.  So is a day named
  beside today, yesterday or tomorrow ("Today (Nov. 18), NASA announced").
- an embedded post (a tweet's signature "(@handle) November 18, 2019") is mostly news of the
  days before the writing: the article is written on or after the latest one, mostly within
  two weeks, seldom months later.
- a copyright notice left in the text ("© 2019 Associated Press. All rights reserved.",
  "Copyright 2019 Hawaii News Now. All rights reserved.") names the year of writing, or a
  later one when a page's footer is stamped when it is served; an earlier year is rarer (a
  stale footer).  The cleaning leaves such lines out of the view, so the clue reads the
  non-body lines, with original offsets.

Each clue is a :class:`~tidings.timex.conflicts_fit.Clue` whose ``unit`` is one of UNITS;
``row`` gives its log likelihood for every candidate writing date.
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

    from tidings.timex import TimeMention
    from tidings.timex.conflicts_fit import Clue

log = logging.getLogger(__name__)

UNITS = ("cr", "post", "ymd", "dl")   # also in conflicts_writing.UNITS, whose row and describe hand them on
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


def dateline_clues(view: str, head: int = 600) -> list["Clue"]:
    """The yearless dateline at the head of the body, if any: a city in capitals or an agency
    in brackets beside it makes it a dateline ("WASHINGTON, Aug. 19 (UPI) --"), not a sentence."""
    m = _DATELINE.search(view, 0, head)
    if m is None or not (m.group("head") or m.group("agency")):
        return []
    return _dl_clue(m, m.start("mon"), m.end("day"))


def _dl_clue(m: "re.Match[str]", start: int, end: int) -> list["Clue"]:
    """The dateline clue of a match with groups "mon" and "day" (none if no such day)."""
    from tidings.timex.conflicts_fit import Clue

    month, day = _DL_MONTHS[m.group("mon")[:3].lower()], int(m.group("day"))
    try:
        dt.date(2000, month, day)           # a leap year: 29 February is a day
    except ValueError:
        return []
    return [Clue("dl", "none", vstart=start, vend=end, month=month, day=day)]


# "Today (Nov. 18), NASA announced", "launch tomorrow (November 19)": a day named beside today,
# yesterday or tomorrow is a dateline of its own (the writing day, or the day before or after it:
# all inside the dateline's window of a day before to two days after)
_TODAY_MD = re.compile(r"\b(?P<rel>[Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow)\s*\((?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|"
                       r"Nov|Dec)[a-z]*\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\)")
_TODAY_HINTS = ("oday (", "onight (", "esterday (", "omorrow (")


def today_clues(view: str) -> list["Clue"]:
    """The first "today (Nov. 18)" of the text as a dateline clue of the writing day."""
    if not any(h in view for h in _TODAY_HINTS):
        return []
    m = _TODAY_MD.search(view)
    return [] if m is None else _dl_clue(m, m.start(), m.end())


@lru_cache(maxsize=4)
def _ymd_table(tense: str) -> "np.ndarray":
    """The log likelihood of a full date told with ``tense`` for every offset from minus to plus
    YMD_TAIL_DAYS + 1 days (index 0 is the most negative), computed once."""
    import numpy as np

    from tidings.timex.conflicts_writing import Q_NOISE   # full dates share the quarters' noise share

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


def row(c: "Clue", ords: "np.ndarray") -> "np.ndarray":
    """Log likelihood of clue ``c`` (a unit of UNITS) for every candidate writing date
    (ordinals)."""
    import numpy as np

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
    if c.unit == "cr":
        o = ords_years(ords) - c.year
        return np.where(o == 0, 0.0, np.where(o > 0, math.log(CR_AFTER), np.where(
            o == -1, math.log(CR_YEAR_BEFORE), math.log(CR_LONG_BEFORE))))
    raise ValueError(f"not a clue of a whole date: {c.unit!r}")


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


def describe(c: "Clue", quoted: str) -> str:
    """What clue ``c`` (a unit of UNITS) says about the writing date, after its quoted text."""
    if c.unit == "post":
        return f"{quoted} (an embedded post: mostly written within two weeks after it)"
    if c.unit == "dl":
        return f"{quoted} (a dateline: written on that day or a day or two after)"
    if c.unit == "ymd":
        when = {"past": "told as past", "future": "told as still to come", "none": "no tense"}[c.tense]
        return f"{quoted} ({when}: a full date, mostly within weeks of the writing)"
    assert c.unit == "cr", c.unit
    return f"{quoted} (a copyright notice: mostly the year of writing, seldom one before it)"
