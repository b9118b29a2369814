"""The aggregate date-conflict check: which writing date do all the article's clues fit?

Each clue says something weak about when an article was written.  In news, a past-tense
"on Nov. 8" is mostly a few weeks back and a future one a few weeks ahead; a past-tense
weekday ("said Tuesday") is mostly one of the last three days; "this summer" told as past is
written from June on, as to come up to August; "the 2016 race" is mostly
this year's; a year told as past is not after the writing year; "President Barack Obama"
(not "former", not "then-") is mostly written during his term; "Republican presidential
candidate Ted Cruz" during his campaign; "Sanders, 74," within one year; "won the Iowa
caucuses" in the weeks after the caucuses of some cycle; "profit rose in the second quarter"
in the two months after June, "earlier this year" seldom in January (:mod:`.conflicts_writing`:
how news is written); "ISIS" not before 2013 (world
knowledge: :mod:`.conflicts_world`, :mod:`.conflicts_events` and the ``data/timex_*.json``
tables, which end in 2024/2025, so later articles get fewer clues).  Each clue has a likelihood
for every possible writing date (densities below, shaped on the dev sample of
``bench/eval_misdating.py``); their product is computed for every date within about three
years of the claimed one.  When some date at least three weeks away fits the article far
better than the claimed date does, that is a conflict: the flag names that date, the
dates that fit nearly as well, and the clues that weigh most.

The same value named twice counts once, and a value told both as past and as to come
counts with no tense.  A time expression's clue is made here (``_time_clue``) from parts in
:mod:`.conflicts_timeclues` (a month-day's tense, the months "this summer" fits, the week
words); the arrays of every candidate date are built in :mod:`.conflicts_rows`, the flag's
words in :mod:`.conflicts_text`.  This module holds the clue, the densities and the fit itself.
"""
from __future__ import annotations

import datetime as dt
import logging
import math
from typing import TYPE_CHECKING, Optional

from tidings.document import Flag, Span
from tidings.timex import conflicts_dates, conflicts_writing
from tidings.timex.conflicts_rows import _Days, _md_row, _office_row
from tidings.timex.conflicts_text import _describe, _fmt
from tidings.timex.conflicts_timeclues import SEASON_OFF, _md_tense, _season_clue, _week_key, _wk_loglik
from tidings.timex.conflicts_writing import writing_clue
from tidings.timex.patterns import month_number, weekday_number

if TYPE_CHECKING:
    import numpy as np
    from spacy.tokens import Doc

    from tidings.analysis import Analysis
    from tidings.timex import TimeMention

log = logging.getLogger(__name__)

KIND = "date_conflict"
FIT_DAYS = 3 * 366 + 45             # dates searched: the claimed date +- this many days
FIT_SLACK_DAYS = 1                  # the claimed date is taken at its best within +- this (time zones)
FIT_MIN_DISTANCE_DAYS = 21          # the better date must be at least this far away
FIT_MIN_GAIN = 3.7                  # natural-log likelihood ratio needed to flag (3.5 before the
                                    # world-knowledge clues; raised to keep false flags on all PolNeAR
                                    # under 3%: 3.1% at 3.6, 2.5% at 3.7; 3.5 was tried again with the
                                    # bare months' table: tuning false flags 2 of 200, but 8 of 200 on
                                    # the fresh sample, so it stays at 3.7) ...
FIT_CLUE_PENALTY = 0.1              # ... plus this for every date expression beyond the fourth (the
                                    # noise of many weak dates; titles and world clues are not counted)
# holidays ('before Christmas') are named as often out of season as in it: off
HOLIDAYS = False
MD_PAST = (0.45, 0.35, 60)          # past month-day: weights of a 15-day and a longer decay, its mean
# a month named without a year or a day ("in May"), by months back (past) or ahead (future)
# from the writing month: news says "earlier this month" or gives the day for the current
# month, so "said in May" is mostly one to five months back, seldom the writing month itself
# (dev sample: 2 of 72 past bare months were of the writing month, 42 one to three back;
# 1 of 20 future ones; was 0.3 * 0.75 ** months either way)
M_PAST = (0.05, 0.2, 0.2, 0.14, 0.1, 0.08, 0.05, 0.04, 0.04, 0.03, 0.025, 0.02)
M_FUTURE = (0.08, 0.15, 0.15, 0.14, 0.12, 0.1, 0.08, 0.06, 0.04, 0.03, 0.025, 0.02)
MONTH_DAYS_CAP = 2.0
MD_MAX_LIFT = 3.6                   # a month-day's log likelihood spans at most this (< the bar): one
                                    # yearless date months back is not enough alone (the single check
                                    # of conflicts.py wants 300 days for that); tuning sample -1 caught
FIT_NOISE = 0.2                     # share of date clues that fit no pattern (uniform)
OFFICE_IN_TERM = 0.96               # a title is used during the term this often
OFFICE_AFTER_TERM = 0.07            # likelihood ratio of a title used after the term (0.1 before the
                                    # world clues; 0.07: tuning sample +4 caught, no new false flag)
OFFICE_GRACE_BEFORE = 14            # days: "President Obama" a few days before the inauguration
OFFICE_GRACE_AFTER = 45             # and a few weeks after the term, by habit
# a weekday named without a date: days back from the writing date to the weekday named
# (index 0 = the writing day itself), counts on the dev sample per tense
_WD_BACK = {"past": (43, 69, 43, 15, 10, 9, 3), "none": (14, 18, 13, 5, 2, 2, 3),
            "future": (23, 9, 9, 6, 6, 6, 6)}
# per kind of clue (other weights were tried on the dev sample: no clear gain)
_WEIGHT = {"md": 1.0, "m": 1.0, "y": 1.0, "wd": 1.0, "office": 1.0, "cycle": 1.0, "age": 1.0, "event": 1.0, "season": 1.0, "term": 1.0, "sn": 1.0,
           "q": 1.0, "qy": 1.0, "pos": 1.0, "ry": 1.0, "cr": 1.0, "post": 1.0, "rm": 1.0, "untitled": 1.0, "context": 1.0,
           "win": 1.0, "ymd": 1.0, "dl": 1.0, "annual": 1.0, "death": 1.0, "wk": 1.0}
USE_UNTITLED = True                 # a president named in full, never with the title (conflicts_offices)
USE_CONTEXT = True                  # a candidate named in full in a sentence about the race
USE_POSTS = True                    # the latest embedded post ("(@handle) November 18, 2019"): written days after
USE_COPYRIGHT = True                # "© 2019 Associated Press. All rights reserved." (conflicts_dates)
SEASON_YEARS = True                 # "in summer 2020" is a year clue
USE_WEEK_WORDS = True               # "over the weekend", "earlier this week", "next week" (conflicts_timeclues)
USE_RELATIVE_YEARS = True           # "next year" beside the years the text names
USE_WITHDRAWAL = True               # "Rubio suspended his campaign": weeks after he quit
USE_PROSPECT = True                 # "a Trump presidency", "if Clinton wins": during the run (conflicts_campaign)
USE_HOLIDAY_SEASON = True           # "in time for the holiday season", "a year-end deal" (conflicts_writing)
USE_ANNUAL = True                   # "ahead of this year's CES", "at last week's MWC": events of every year (conflicts_annual)
USE_DEATHS = True                   # "the late Antonin Scalia", "Prince died Thursday": after a death (conflicts_deaths)
_WORLD = ("cycle", "age", "event", "season", "term")            # clues of conflicts_world.py


class Clue:
    """One piece of evidence about the writing date, with its view span."""
    __slots__ = ("vstart", "vend", "it", "unit", "tense", "year", "month", "day", "terms", "office", "grace", "before", "share", "ospan")

    def __init__(self, unit: str, tense: str, *, vstart: int, vend: int, it: Optional["TimeMention"] = None,
                 year: int = 0, month: int = 0, day: int = 0,
                 terms: tuple[tuple[dt.date, dt.date], ...] = (), office: str = "",
                 grace: int = OFFICE_GRACE_BEFORE, before: float = 0.0):
        self.unit, self.tense, self.vstart, self.vend, self.it = unit, tense, vstart, vend, it
        self.year, self.month, self.day, self.terms, self.office = year, month, day, terms, office
        self.grace = grace              # days before a term that the title is still fine
        # likelihood ratio of the title used before every term (0: the default)
        self.before = before or (1 - OFFICE_IN_TERM) / OFFICE_IN_TERM
        self.share = 1.0                # its weight, below 1 for one of many dates of a month (a list)
        self.ospan: Optional[tuple[int, int]] = None   # original offsets, for a clue outside the view

    def value(self) -> tuple:
        return (self.unit, self.year, self.month, self.day, self.office)


def _clue_tense(it: "TimeMention") -> str:
    if it.tense in ("past", "past_weak"):
        return "past"
    if it.tense in ("future", "prospective") or it.prep in ("by", "until", "till"):
        return "future"
    return "none"


def _time_clue(it: "TimeMention", view: str = "") -> Optional[Clue]:
    r = it.resolved
    year = it.mention.g("year") if it.mention.kind == "season" and SEASON_YEARS else None
    if year and year.isdigit() and not it.headline and it.vstart is not None and it.vend is not None:
        # "will go on sale in summer 2020": a year told with its tense, like "in 2020"
        return Clue("y", _clue_tense(it), year=int(year), vstart=it.vstart, vend=it.vend, it=it)
    if it.mention.kind == "season" and r is not None and not it.headline and it.vstart is not None:
        return _season_clue(it, _clue_tense(it), view)      # a season has no start date
    # a headline's weekday ("Senate passes budget Tuesday") is the news day, as in the body
    # (tuning sample +1 caught, no new false flag; its other dates: no change)
    if r is None or r.start is None or it.vstart is None or it.vend is None \
            or (it.headline and it.mention.kind != "weekday"):
        return None
    k, tense = it.mention.kind, _clue_tense(it)
    span = {"vstart": it.vstart, "vend": it.vend, "it": it}
    if k in ("md", "dm") and r.context_year:
        return None     # "On March 25" after "On March 2, 2015": that year's, as the full date says
    if k in ("md", "dm") and (r.start.month, r.start.day) != (9, 11):   # a bare "Sept. 11" is 2001
        return Clue("md", _md_tense(it, tense, view), month=r.start.month, day=r.start.day, **span)
    if k == "holiday" and not r.explicit_year and HOLIDAYS:
        return Clue("md", tense, month=r.start.month, day=r.start.day, **span)
    if k == "m" and month_number(it.mention.g("mon")):
        return Clue("m", tense, month=r.start.month, **span)
    if k in ("y", "my", "mdy", "dmy") and r.explicit_year:
        return Clue("y", tense, year=r.start.year, **span)
    wd = weekday_number(it.mention.g("wd")) if k == "weekday" and not it.mention.g("rel") else None
    if wd is not None:
        return Clue("wd", tense, day=wd, **span)
    week = _week_key(it, tense) if k in ("weekend", "rperiod") and USE_WEEK_WORDS and not it.headline else None
    if week is not None:
        return Clue("wk", tense, office=week, **span)
    return writing_clue(it, tense, view=view) if k in ("quarter", "rperiod") else None


def clues_of(items: list["TimeMention"], view: str = "", parsed: Optional["Doc"] = None) -> list[Clue]:
    out: dict[tuple, Clue] = {}
    from tidings.timex.conflicts_world import world_clues

    from tidings.timex.conflicts_offices import context_clues, office_clues, untitled_clues, withdrawal_clues

    offices = office_clues(view)
    # a season's phrase inside a title ("presumptive Republican nominee Donald Trump") is the
    # title's evidence already
    world = world_clues(view, parsed, taken=[(c.vstart, c.vend) for c in offices])
    untitled = (untitled_clues(view) if USE_UNTITLED else []) + (context_clues(view, offices) if USE_CONTEXT else []) \
        + (withdrawal_clues(view) if USE_WITHDRAWAL else [])
    if USE_PROSPECT:
        from tidings.timex.conflicts_campaign import prospect_clues

        untitled += prospect_clues(view)
    if USE_ANNUAL:
        from tidings.timex.conflicts_annual import annual_clues

        world += annual_clues(view, parsed)
    if USE_DEATHS:
        from tidings.timex.conflicts_deaths import death_clues

        world += death_clues(view, parsed)
    relative = conflicts_writing.relative_year_clues(items, [_clue_tense(it) for it in items]) \
        if USE_RELATIVE_YEARS else []
    dated = [c for c in (_time_clue(it, view) for it in items) if c is not None]
    if conflicts_dates.USE_FULL_DATES:
        # a full date is one clue of its own (conflicts_dates), not the year named in it
        full = conflicts_dates.full_date_clues(items, [_clue_tense(it) for it in items])
        whole = {id(c.it) for c in full}
        dated = [c for c in dated if not (c.unit == "y" and id(c.it) in whole)] + full
    if conflicts_dates.USE_DATELINES:
        # a yearless dateline ("WASHINGTON, Aug. 19 (UPI) --") is the dispatch day, not a past date
        line = conflicts_dates.dateline_clues(view) + conflicts_dates.today_clues(view)
        dated = [c for c in dated if not any(d.vstart <= c.vstart < d.vend for d in line)] + line
    if USE_HOLIDAY_SEASON:
        dated += conflicts_writing.closing_year_clues(view, parsed)
    for clue in dated + offices + untitled + world + relative:
        v = clue.value()
        if v in out and out[v].tense != clue.tense:
            # told both as past and as to come: no tense evidence.  (Keeping the tense of a value
            # named once with a tense and once without - a schedule line - raised recall on the
            # other-news half A but made two false flags on half B: tour and hearing schedules)
            out[v].tense = "none"
        out.setdefault(v, clue)
    # a schedule ("July 19 Cleveland, July 22 Detroit, July 26 Chicago") is one piece of
    # evidence about the writing date, not one per line: the month-days of one month told
    # with one tense weigh MONTH_DAYS_CAP together at most
    groups: dict[tuple, list[Clue]] = {}
    for c in out.values():
        if c.unit == "md":
            groups.setdefault((c.month, c.tense), []).append(c)
    for group in groups.values():
        for c in group:
            c.share = min(1.0, MONTH_DAYS_CAP / len(group))
    return list(out.values())


def _exp(x: float, mean: float) -> float:
    return math.exp(-x / mean) / mean


def _md_density(o: int, tense: str) -> float:
    """Density of a month-day ``o`` days from the writing date (negative: before)."""
    if tense == "past":
        return MD_PAST[0] * _exp(-o, 15) + MD_PAST[1] * _exp(-o, MD_PAST[2]) if o <= 0 else 0.05 * _exp(o, 10)
    if tense == "future":
        return 0.5 * _exp(o, 20) + 0.3 * _exp(o, 100) if o >= 0 else 0.05 * _exp(-o, 10)
    return 0.4 * _exp(abs(o), 60)


def _year_density(o: int, tense: str, month: int = 6) -> float:
    """Probability of an explicit year ``o`` years after the writing year (in its ``month``)."""
    if tense == "past":
        return 0.06 * 0.9 ** max(0, -o - 8) if o <= 0 else 0.008 * 0.4 ** (o - 1)
    if tense == "future":
        if 0 <= o <= 5:
            return (0.2, 0.2, 0.08, 0.08, 0.08, 0.08)[o]
        return 0.02 if o > 5 else 0.02 * 0.3 ** (-o - 1)
    if o == 0:
        return 0.25
    # "the 2020 election", "fiscal year 2025", "to fly in 2022": later years are named without
    # tense too (dev sample: 10 of the 26 years told with no tense in the writing year or after
    # were 1-4 years on), and next year more as the year goes on ("in 2020" in November)
    if o == 1:
        return 0.04 + 0.12 * (month - 1) / 11
    if 2 <= o <= 4:
        return 0.04
    return 0.06 * 0.9 ** max(0, -o - 8) if o < 0 else max(0.04 * 0.5 ** (o - 4), 0.01)


def _occurrence(month: int, day: int, d: dt.date, *, back: bool) -> Optional[dt.date]:
    for y in ((d.year, d.year - 1) if back else (d.year, d.year + 1)):
        try:
            x = dt.date(y, month, day)
        except ValueError:
            continue
        if (x <= d) if back else (x > d):
            return x
    return None


def loglik(c: Clue, d: dt.date) -> float:
    """Log likelihood of clue ``c`` if the article was written on ``d``."""
    if c.unit in _WORLD:
        from tidings.timex import conflicts_world

        return conflicts_world.loglik(c, d)
    if c.unit in conflicts_writing.UNITS:
        return conflicts_writing.loglik(c, d)
    if c.unit == "annual":
        from tidings.timex import conflicts_annual

        return conflicts_annual.loglik(c, d)
    if c.unit == "death":
        from tidings.timex import conflicts_deaths

        return conflicts_deaths.loglik(c, d)
    if c.unit == "sn":
        a, b = c.month, c.day
        inside = a <= d.month <= b if a <= b else (d.month >= a or d.month <= b)
        return 0.0 if inside else math.log(SEASON_OFF)
    if c.unit == "wk":
        return _wk_loglik(c.office, d.weekday())
    if c.unit == "wd":
        table = _WD_BACK[c.tense]
        return math.log(table[(d.weekday() - c.day) % 7] / sum(table))
    if c.unit in ("untitled", "context"):
        from tidings.timex.conflicts_offices import habit_ratio

        return math.log(habit_ratio(c, d.toordinal()))
    if c.unit == "office":
        if any(a - dt.timedelta(days=c.grace) <= d
               and (b == dt.date.max or d <= b + dt.timedelta(days=OFFICE_GRACE_AFTER)) for a, b in c.terms):
            return 0.0
        # before every term the title is an anachronism; after one it is often a
        # retrospective "President Bill Clinton signed ... in 1996"
        before = all(d < a for a, _ in c.terms)
        return math.log(c.before if before else OFFICE_AFTER_TERM)
    if c.unit == "md":
        near = (_occurrence(c.month, c.day, d, back=True), _occurrence(c.month, c.day, d, back=False))
        p = sum(_md_density((x - d).days, c.tense) for x in near if x is not None)
        return math.log((1 - FIT_NOISE) * p + FIT_NOISE / 365)
    if c.unit == "m":
        back, fwd = (d.month - c.month) % 12, (c.month - d.month) % 12
        p = M_PAST[back] if c.tense == "past" else M_FUTURE[fwd] if c.tense == "future" \
            else 0.15 * (0.75 ** back + 0.75 ** fwd)
        return math.log((1 - FIT_NOISE) * p + FIT_NOISE / 12)
    return math.log((1 - FIT_NOISE) * _year_density(c.year - d.year, c.tense, d.month) + FIT_NOISE / 60)


def _clue_row(c: Clue, cal: _Days) -> "np.ndarray":
    """The weighted log likelihood of clue ``c`` for every candidate date, computed once
    per distinct value of what the clue depends on (year, weekday, month), for month-days
    and titles from arrays."""
    import numpy as np

    w = _WEIGHT[c.unit] * c.share
    if c.unit in ("y", "wd", "m", "sn", "wk"):
        keys = (cal.years * 12 + cal.months if c.tense == "none" else cal.years) if c.unit == "y" \
            else (cal.ords + 6) % 7 if c.unit in ("wd", "wk") else cal.months
        values, first = np.unique(keys, return_index=True)     # (ords + 6) % 7 is date.weekday()
        table = np.array([w * loglik(c, cal.date(i)) for i in first])
        return table[np.searchsorted(values, keys)]
    if c.unit == "office":
        return w * _office_row(c, cal.ords, after=OFFICE_AFTER_TERM, grace_after=OFFICE_GRACE_AFTER)
    if c.unit in ("untitled", "context"):
        from tidings.timex.conflicts_offices import habit_ratio

        return w * np.log(habit_ratio(c, cal.ords))
    if c.unit in conflicts_writing.UNITS:
        return w * conflicts_writing.row(c, cal.ords, cal.months, cal.mdays)
    if c.unit in _WORLD:
        from tidings.timex import conflicts_world

        return w * conflicts_world.row(c, cal.ords)
    if c.unit == "annual":
        from tidings.timex import conflicts_annual

        return w * conflicts_annual.row(c, cal.ords)
    if c.unit == "death":
        from tidings.timex import conflicts_deaths

        return w * conflicts_deaths.row(c, cal.ords)
    row = _md_row(c, cal, density=_md_density, noise=FIT_NOISE)
    # one month-day alone ("was doing on the night of March 10") never reaches the bar
    return w * np.maximum(row, row.max() - MD_MAX_LIFT) if MD_MAX_LIFT else w * row


def fit_dates(clues: list[Clue], anchor: dt.date) -> Optional[tuple[float, dt.date, list[tuple[dt.date, dt.date]]]]:
    """(gain, best date, the runs of dates fitting nearly as well) for the date at least
    FIT_MIN_DISTANCE_DAYS from ``anchor`` that the clues fit best; ``gain`` is its log
    likelihood ratio against the best date within FIT_SLACK_DAYS of ``anchor``."""
    import numpy as np

    if not clues or not 1900 <= anchor.year <= 2100:
        return None
    days = np.arange(-FIT_DAYS, FIT_DAYS + 1)
    cal = _Days(anchor, span=FIT_DAYS)
    total = np.zeros(len(days))
    for c in clues:
        total += _clue_row(c, cal)
    mid = FIT_DAYS                                  # index of the claimed date
    base = float(total[mid - FIT_SLACK_DAYS:mid + FIT_SLACK_DAYS + 1].max())
    far = np.abs(days) >= FIT_MIN_DISTANCE_DAYS
    top = total[far].max()
    # ties go to the date nearest the claimed one, the earlier of two as near
    tied = days[far & (total == top)]
    best = int(tied[np.argmin(np.abs(tied))])
    # every run of dates that fits nearly as well as the best one (another year may fit too)
    good = days[far & (total >= top - 1)]
    runs: list[tuple[int, int]] = []
    for k in good.tolist():
        if runs and k - runs[-1][1] <= 7:     # weekdays make gaps inside one period
            runs[-1] = (runs[-1][0], k)
        else:
            runs.append((k, k))
    day = dt.timedelta(days=1)
    runs.sort(key=lambda r: 0 if r[0] <= best <= r[1] else min(abs(r[0] - best), abs(r[1] - best)))
    return float(top) - base, anchor + best * day, [(anchor + a * day, anchor + b * day) for a, b in runs]


def fit_flag(analysis: "Analysis", items: list["TimeMention"], anchor: dt.date, *,
             posts: Optional[list[tuple[dt.date, int, int]]] = None) -> Optional[Flag]:
    """A flag when the clues together fit a date far from the claimed one much better
    (``posts``: the embedded posts' dates and original spans, see conflicts.embedded_posts)."""
    clues = clues_of(items, analysis.view.text, analysis.parsed)
    if USE_POSTS and posts:
        clues.append(conflicts_dates.post_clue(max(posts, key=lambda p: p[0])))
    if USE_COPYRIGHT and analysis.cleaned is not None:
        clues += conflicts_dates.copyright_clues(analysis.doc.text, analysis.cleaned.non_body)
    fit = fit_dates(clues, anchor)
    # a long article has many weak clues, and some date always fits them a little better
    n_dates = sum(1 for c in clues if c.unit in ("md", "m", "y", "wd", "sn"))
    if fit is None or fit[0] - FIT_CLUE_PENALTY * max(0, n_dates - 4) < FIT_MIN_GAIN:
        return None
    gain, best, runs = fit
    near = [anchor + dt.timedelta(days=k) for k in range(-FIT_SLACK_DAYS, FIT_SLACK_DAYS + 1)]

    def lift(c: Clue) -> float:
        return loglik(c, best) - max(loglik(c, d) for d in near)

    top: list[Clue] = []
    ev: list[Span] = []
    for c in sorted(clues, key=lift, reverse=True):
        start = c.it.evidence_vstart if c.it is not None and c.it.evidence_vstart is not None else c.vstart
        span = Span.of(analysis.doc.text, *c.ospan) if c.ospan is not None else analysis.span(start, c.vend)
        if lift(c) <= 0 or len(top) == 4:
            break
        if all((span.start, span.end) != (e.start, e.end) for e in ev):   # an event and the race vocabulary
            top.append(c)
            ev.append(span)
    said = "; ".join(_describe(c, e.text) for c, e in zip(top, ev))
    ratio = math.exp(min(gain, 50))
    likelier = "over 1000 times likelier" if ratio > 1000 else f"about {ratio:.0f} times likelier"
    ranges = " or ".join(_fmt(a) if a == b else f"between {_fmt(a)} and {_fmt(b)}" for a, b in runs[:3])
    more = f" (or {len(runs) - 3} other periods that fit as well)" if len(runs) > 3 else ""
    return Flag(kind=KIND, evidence=ev, message=(
        f"The article is dated {_fmt(anchor)}, but its {len(clues)} date clues taken together fit writing "
        f"around {_fmt(best)} far better ({likelier}), chiefly {said}. "
        f"The content implies writing {ranges}{more}."))
