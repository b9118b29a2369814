"""Resolution of tagged time expressions to dates, anchored at the publication date.

News anchoring rules (each has its own unit test in ``tests/timex``):

- a bare weekday is the most recent such day on or before the reference day (that day
  included), unless its verb is future, then the next one on or after it;
- "the weekend" is the most recent weekend (the coming one for a future verb);
- a month (or month and day) without a year is the nearest one consistent with the verb's
  tense: on or before publication for the past, on or after for the future, else the
  nearest;
- "N days after X" is anchored at X (see :func:`shift`), "the same day" at the last day
  the text named;
- durations and sets are not dates: TimeML values (``P3D``, ``P1W``) and no granularity.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from typing import Optional

from tidings.data import load_json
from tidings.timex.patterns import (Mention, ORDINALS, month_number, number_value,
                                    weekday_number)

Tense = Optional[str]   # "past" | "future" | "present" | None (unknown)


@dataclass
class Resolved:
    value: str
    granularity: Optional[str]
    start: Optional[dt.date] = None          # first day of the period (None: not a date)
    end: Optional[dt.date] = None            # last day of the period
    explicit_year: bool = False              # the text itself gives the year
    needs_year: bool = False                 # month(-day) whose year was inferred
    alternatives: dict[str, dt.date] = field(default_factory=dict)  # past/future readings
    weekday: Optional[int] = None            # weekday named together with a date
    context_year: bool = False               # the year was taken from a full date just before

    @property
    def is_date(self) -> bool:
        return self.start is not None


def period(start: dt.date, gran: str) -> tuple[dt.date, dt.date]:
    """First and last day of the period of ``gran`` that starts at ``start``."""
    if gran == "day":
        return start, start
    if gran == "week":
        return start, start + dt.timedelta(days=6)
    if gran == "weekend":
        return start, start + dt.timedelta(days=1)
    if gran == "month":
        return start, start.replace(day=calendar.monthrange(start.year, start.month)[1])
    if gran == "quarter":
        m = start.month + 2
        return start, start.replace(month=m, day=calendar.monthrange(start.year, m)[1])
    if gran in ("half", "season"):
        return start, _add_months(start, 6 if gran == "half" else 3) - dt.timedelta(days=1)
    if gran == "year":
        return start, start.replace(month=12, day=31)
    if gran == "decade":
        return start, dt.date(start.year + 9, 12, 31)
    return start, start


def _make(start: dt.date, gran: str, **kw: object) -> Resolved:
    s, e = period(start, gran)
    return Resolved(value=s.isoformat(), granularity=gran, start=s, end=e, **kw)  # type: ignore[arg-type]


def _add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    return dt.date(d.year + y, m + 1, 1)


def _safe_date(y: int, m: int, d: int) -> Optional[dt.date]:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


LOOSE_PAST_MAX_DAYS = 300   # see _year_for: "past_loose"
LOOSE_AHEAD_DAYS = 45


def _year_for(month: int, day: int, anchor: dt.date, tense: Tense) -> tuple[Optional[dt.date], dict[str, dt.date]]:
    """The date of month/day without a year, nearest to ``anchor`` given the tense."""
    past = next((d for y in (anchor.year, anchor.year - 1) if (d := _safe_date(y, month, day)) and d <= anchor), None)
    fut = next((d for y in (anchor.year, anchor.year + 1) if (d := _safe_date(y, month, day)) and d >= anchor), None)
    alts = {k: v for k, v in (("past", past), ("future", fut)) if v}
    if past and fut and past == fut:
        return past, alts
    if tense == "past":
        chosen = past
        # a "past" date that is more than ten months back while the next one is close is
        # still the past reading; conflicts are judged elsewhere
    elif tense == "past_loose":
        # a date inside a noun phrase under a past verb ("with New York's April 19 primary
        # looming, the mayor intervened"): the verb's past does not date the noun's event,
        # and a date a few weeks ahead is far likelier than one eleven months back
        chosen = past
        if past and fut and (anchor - past).days > LOOSE_PAST_MAX_DAYS and (fut - anchor).days <= LOOSE_AHEAD_DAYS:
            chosen = fut
    elif tense == "future":
        chosen = fut
        # "to begin on April 6" read in June: the April just gone is far likelier than
        # one ten months ahead with no year given (and is reported as a conflict)
        if fut and past and (fut - anchor).days > 183 and fut.year > anchor.year and (anchor - past).days < 183:
            chosen = past
    else:
        if past and fut:
            chosen = past if (anchor - past) <= (fut - anchor) else fut
        else:
            chosen = past or fut
    return chosen, alts


def _month_for(month: int, anchor: dt.date, tense: Tense) -> tuple[dt.date, dict[str, dt.date]]:
    this = dt.date(anchor.year, month, 1)
    past = this if month <= anchor.month else dt.date(anchor.year - 1, month, 1)
    fut = this if month >= anchor.month else dt.date(anchor.year + 1, month, 1)
    alts = {"past": past, "future": fut}
    if tense == "past":
        return past, alts
    if tense == "future":
        # as for a month and day (_year_for): a month more than six months ahead, in the next
        # year, while the one just gone is less than six months back, is the one just gone
        # ("asked for $1.9 billion to fight Zika in February", read in late June)
        ahead = (fut.year - anchor.year) * 12 + fut.month - anchor.month
        back = (anchor.year - past.year) * 12 + anchor.month - past.month
        if fut.year > anchor.year and (back <= 2 or (ahead > 6 and back < 6)):
            return past, alts
        return fut, alts
    # no tense: the nearest, ties to the past
    dp = (anchor.year - past.year) * 12 + anchor.month - past.month
    df = (fut.year - anchor.year) * 12 + fut.month - anchor.month
    return (past if dp <= df else fut), alts


def _weekday(wd: int, ref: dt.date, tense: Tense, rel: Optional[str]) -> dt.date:
    rel = (rel or "").lower().replace("  ", " ")
    back = (ref.weekday() - wd) % 7
    fwd = (wd - ref.weekday()) % 7
    if rel in ("last", "past", "previous"):
        return ref - dt.timedelta(days=back or 7)
    if rel in ("next", "coming", "this coming"):
        return ref + dt.timedelta(days=fwd or 7)
    if rel == "this":
        return ref - dt.timedelta(days=back) if tense == "past" else ref + dt.timedelta(days=fwd)
    if tense == "future":
        return ref + dt.timedelta(days=fwd)
    return ref - dt.timedelta(days=back)


def monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def _holiday(name: str, year: int) -> Optional[dt.date]:
    for h in load_json("timex_holidays.json")["holidays"]:
        if h["name"].lower() != name.lower():
            continue
        if "day" in h:
            return dt.date(h.get("year", year), h["month"], h["day"])
        first = dt.date(year, h["month"], 1)
        days = [first + dt.timedelta(days=i) for i in range(calendar.monthrange(year, h["month"])[1])]
        hits = [d for d in days if d.weekday() == h["weekday"]]
        return hits[h["nth"] if h["nth"] < 0 else h["nth"] - 1] + dt.timedelta(days=h.get("plus_days", 0))
    return None


_UNIT_CODE = {"second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
              "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
              "century": "CE"}


def duration_value(num: Optional[str], unit: str) -> str:
    unit = unit.lower()
    n = number_value(num)
    code = _UNIT_CODE.get(unit, "D")
    if unit == "fortnight" and n is not None:
        n *= 2
    if unit == "decade" and n is not None:
        n, code = n * 10, "Y"
    if unit == "century" and n is not None:
        n, code = n * 100, "Y"
    if unit == "quarter" and n is not None:
        n, code = n * 3, "M"
    amount = "X" if n is None else (str(int(n)) if n == int(n) else str(n))
    prefix = "PT" if unit in ("second", "minute", "hour") else "P"
    return f"{prefix}{amount}{code}"


_REL_STEP = {"this": 0, "current": 0, "the current": 0, "the same": 0, "last": -1, "previous": -1,
             "the previous": -1, "prior": -1, "the prior": -1, "past": -1, "next": 1, "coming": 1,
             "the coming": 1, "following": 1, "the following": 1, "the": 0}


def _period_of(unit: str, anchor: dt.date, step: int) -> Optional[Resolved]:
    if unit == "week":
        return _make(monday(anchor) + dt.timedelta(weeks=step), "week")
    if unit == "month":
        return _make(_add_months(anchor.replace(day=1), step), "month")
    if unit == "year":
        return _make(dt.date(anchor.year + step, 1, 1), "year")
    if unit == "quarter":
        q0 = dt.date(anchor.year, 3 * ((anchor.month - 1) // 3) + 1, 1)
        return _make(_add_months(q0, 3 * step), "quarter")
    if unit == "decade":
        return _make(dt.date(anchor.year // 10 * 10 + 10 * step, 1, 1), "decade")
    return None


def resolve(m: Mention, anchor: Optional[dt.date], *, tense: Tense = None,
            ref: Optional[dt.date] = None, last_day: Optional[dt.date] = None,
            last_period: Optional[Resolved] = None) -> Optional[Resolved]:
    """The value of mention ``m``; ``ref`` is the reference day for weekdays (defaults to the
    anchor), ``last_day`` the last day the text named before ``m`` (for "the same day"),
    ``last_period`` the last date the text named close before ``m`` (for "the same period
    last year")."""
    k = m.kind
    ref = ref or anchor
    if k == "sameago":
        return _same_year_ago((m.g("unit") or "period").lower(), anchor, last_period)
    if k in ("mdy", "dmy", "iso"):
        month = int(m.g("mnum")) if m.g("mnum") else month_number(m.g("mon"))
        d = _safe_date(int(m.g("year") or 0), month or 0, int(m.g("day") or 0))
        if d is None:
            return None
        return _make(d, "day", explicit_year=True, weekday=weekday_number(m.g("wd")))
    if k in ("md", "dm"):
        month, day = month_number(m.g("mon")), int(m.g("day") or 0)
        if anchor is None or not month:
            return None
        d, alts = _year_for(month, day, anchor, tense)
        if d is None:
            return None
        return _make(d, "day", needs_year=True, alternatives=alts, weekday=weekday_number(m.g("wd")))
    if k in ("my", "m"):
        month = month_number(m.g("mon"))
        if not month:
            return None
        if k == "my":
            return _make(dt.date(int(m.g("year") or 0), month, 1), "month", explicit_year=True)
        if anchor is None:
            return None
        d, alts = _month_for(month, anchor, tense)
        return _make(d, "month", needs_year=True, alternatives=alts)
    if k == "mthis":
        month = month_number(m.g("mon"))
        if not month or anchor is None:
            return None
        rel = " ".join((m.g("rel") or "").lower().split())
        if rel in ("last", "past", "this past"):
            y = anchor.year if month < anchor.month else anchor.year - 1
        elif rel in ("next", "coming", "this coming"):
            y = anchor.year if month > anchor.month else anchor.year + 1
        else:
            y = anchor.year
        return _make(dt.date(y, month, 1), "month")
    if k == "mrel":
        month = month_number(m.g("mon"))
        if not month or anchor is None:
            return None
        step = {"this": 0, "last": -1, "next": 1}.get((m.g("rel") or "").lower(), 0)
        return _make(dt.date(anchor.year + step, month, 1), "month")
    if k == "y":
        return _make(dt.date(int(m.g("year") or 0), 1, 1), "year", explicit_year=True)
    if k == "decade":
        cent = m.g("cent")
        if cent is None:
            base = anchor.year if anchor else 2000
            cent = str(base // 100 if int(m.g("dec") or 0) * 10 <= base % 100 + 5 else base // 100 - 1)
        return _make(dt.date(int(cent) * 100 + int(m.g("dec") or 0) * 10, 1, 1), "decade",
                     explicit_year=m.g("cent") is not None)
    if k == "quarter":
        ordv = (m.g("ord") or "").lower()
        year = int(m.g("year")) if m.g("year") else None
        rel = (m.g("rel") or "").lower()
        if year is None and anchor is None:
            return None
        if year is None and rel:
            year = anchor.year + _REL_STEP.get(rel, 0)  # type: ignore[union-attr]
        if ordv in ORDINALS or ordv.isdigit():
            q = ORDINALS.get(ordv) or int(ordv)
            if year is None:
                year = anchor.year  # type: ignore[union-attr]
                cur_q = (anchor.month - 1) // 3 + 1  # type: ignore[union-attr]
                if q > cur_q and tense == "past":
                    year -= 1
            return _make(dt.date(year, 3 * q - 2, 1), "quarter", explicit_year=m.g("year") is not None)
        if anchor is None:
            return None
        step = -1 if ordv in ("last", "previous", "past", "latest", "final") else 0
        return _period_of("quarter", anchor, step)
    if k == "half":
        year = int(m.g("year")) if m.g("year") else (anchor.year + _REL_STEP.get((m.g("rel") or "").lower(), 0)
                                                     if anchor else None)
        if year is None:
            return None
        h = 1 if (m.g("ord") or "").lower() in ("first", "1st") else 2
        return Resolved(value=f"{year}-H{h}", granularity=None)
    if k == "season":
        code = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}[
            (m.g("season") or "").lower()]
        if m.g("year"):
            return Resolved(value=f"{m.g('year')}-{code}", granularity=None)
        if anchor is None:
            return None
        step = {"last": -1, "the past": -1, "next": 1, "the coming": 1}.get(
            " ".join((m.g("rel") or "").lower().split()), 0)
        return Resolved(value=f"{anchor.year + step}-{code}", granularity=None)
    if k == "holiday":
        year = int(m.g("year")) if m.g("year") else None
        if year is None:
            if anchor is None:
                return None
            cands = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _holiday(m.g("hol") or "", y))]
            if tense == "past":
                cands = [d for d in cands if d <= anchor] or cands
            elif tense == "future":
                cands = [d for d in cands if d >= anchor] or cands
            d = min(cands, key=lambda x: abs((x - anchor).days))
        else:
            d = _holiday(m.g("hol") or "", year)  # type: ignore[assignment]
        return _make(d, "day", explicit_year=year is not None or d.year not in range(anchor.year - 1, anchor.year + 2)
                     if anchor else year is not None) if d else None
    if k in ("duration",):
        if m.g("vague"):                    # "for months", "for decades": PXM, PXDE
            return Resolved(value=duration_value(None, m.g("vague").lower()[:-1]), granularity=None)
        unit = (m.g("unit") or "day").lower()
        pre = " ".join((m.g("pre") or "").lower().split())
        if unit == "decade" and not m.g("num") and pre in ("the past", "the last", "the previous") and anchor:
            return _make(dt.date((anchor.year - 10) // 10 * 10, 1, 1), "decade")
        num = m.g("num") or (None if m.text.rstrip().lower().endswith("s") else "1")   # "the past year"
        return Resolved(value=duration_value(num, unit), granularity=None)
    if k == "set":
        adv = (m.g("adv") or "").lower()
        unit = {"weekly": "W", "daily": "D", "monthly": "M", "annually": "Y", "annual": "Y", "yearly": "Y",
                "quarterly": "Q", "biweekly": "W", "hourly": "H", "nightly": "D"}.get(adv)
        if unit is None:
            u = (m.g("unit") or "day").lower()
            unit = {"day": "D", "week": "W", "month": "M", "year": "Y", "morning": "D", "night": "D",
                    "evening": "D", "weekend": "W"}.get(u, "D")
        n = "2" if adv == "biweekly" else "1"
        return Resolved(value=("PT1H" if unit == "H" else f"P{n}{unit}"), granularity=None)
    if k == "ref":
        r = (m.g("ref") or "").lower()
        if r in ("now", "currently", "nowadays", "presently", "at present"):
            return Resolved(value="PRESENT_REF", granularity=None)
        if r == "recently" or r.endswith("past") or r.endswith("ago"):
            return Resolved(value="PAST_REF", granularity=None)
        return Resolved(value="FUTURE_REF", granularity=None)
    if anchor is None:
        return None
    if k == "weekday":
        wd = weekday_number(m.g("wd"))
        if wd is None:
            return None
        d = _weekday(wd, ref or anchor, tense, m.g("rel"))
        return _make(d, "day")
    if k == "rday":
        rd = " ".join((m.g("rd") or "").lower().split())
        off = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
               "the day after tomorrow": 2}.get(rd, 0)
        return _make(anchor + dt.timedelta(days=off), "day")
    if k == "rpart":
        rel = (m.g("rel") or "").lower()
        part = (m.g("part") or "").lower()
        off = {"this": 0, "tomorrow": 1, "yesterday": -1}.get(rel, -1 if part == "night" else 0)
        return _make(anchor + dt.timedelta(days=off), "day")
    if k == "rperiod":
        unit = (m.g("unit") or "").lower()
        rel = " ".join((m.g("rel") or "").lower().split())
        return _period_of(unit, anchor, _REL_STEP.get(rel, 0))
    if k == "weekend":
        rel = (m.g("rel") or "").lower()
        sat_back = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)
        if rel in ("last", "past"):
            d = sat_back if anchor.weekday() < 5 else sat_back - dt.timedelta(days=7)
        elif rel in ("next", "coming"):
            d = sat_back + dt.timedelta(days=7)
        elif tense == "future" or (rel == "this" and tense != "past"):
            d = sat_back if anchor.weekday() >= 5 else sat_back + dt.timedelta(days=7)
        else:
            d = sat_back
        return _make(d, "weekend")
    if k == "ago":
        n = number_value(m.g("num"))
        unit = (m.g("unit") or "").lower()
        if n is None:
            return Resolved(value="PAST_REF", granularity=None)
        sign = -1 if (m.g("dir") or "").lower() in ("ago", "earlier") else 1
        return shift(anchor, unit, sign * n)
    if k == "yearago":
        unit = (m.g("unit") or "year").lower()
        if unit == "quarter":
            return _period_of("quarter", anchor, -4)
        return shift(anchor, unit, -1)
    if k == "clock":
        d = anchor
        if m.g("wd"):
            d = _weekday(weekday_number(m.g("wd")) or 0, ref or anchor, tense, None)
        if m.g("named"):
            return Resolved(value=d.isoformat() + ("T12:00" if m.g("named") != "midnight" else "T00:00"),
                            granularity="time", start=d, end=d)
        h = int(m.g("h") or 0)
        ampm = (m.g("ampm") or "").lower().replace(".", "")
        if ampm == "pm" and h < 12:
            h += 12
        if ampm == "am" and h == 12:
            h = 0
        return Resolved(value=f"{d.isoformat()}T{h:02d}:{int(m.g('mi') or 0):02d}", granularity="time",
                        start=d, end=d)
    if k == "narr":
        narr = " ".join((m.g("narr") or "").lower().split())
        base = (anchor if narr.endswith("in the day") and not last_day else last_day) or anchor
        off = 0
        if narr in ("the following day", "the next day", "the day after"):
            off = 1
        elif narr in ("the previous day", "the prior day", "the day before"):
            off = -1
        return _make(base + dt.timedelta(days=off), "day")
    return None


_SAME_UNIT = {"month": "month", "months": "month", "quarter": "quarter", "quarters": "quarter",
              "week": "week", "weeks": "week", "day": "day"}


def _same_year_ago(unit: str, anchor: Optional[dt.date], last: Optional[Resolved]) -> Optional[Resolved]:
    """"Sales rose 43% in February from the same period last year": the period the text has
    just named (February), one year back; with none named, the unit holding the anchor."""
    gran = _SAME_UNIT.get(unit)
    if last is not None and last.start is not None and last.granularity in ("day", "week", "month", "quarter", "year"):
        base, lgran = last.start, last.granularity
        order = ("day", "week", "month", "quarter", "year")
        # "the same month" after a day names that day's month; "the same period" is the period named
        gran = lgran if gran is None or order.index(gran) < order.index(lgran) else gran
    elif anchor is not None:
        base = anchor
        gran = gran or "year"     # "the same period last year", nothing named: last year
    else:
        return None
    if gran == "year":
        return _make(dt.date(base.year - 1, 1, 1), "year")
    back = _safe_date(base.year - 1, base.month, base.day) or dt.date(base.year - 1, base.month, 28)
    if gran == "week":
        return _make(monday(back), "week")
    if gran == "month":
        return _make(back.replace(day=1), "month")
    if gran == "quarter":
        return _make(dt.date(back.year, 3 * ((back.month - 1) // 3) + 1, 1), "quarter")
    return _make(back, "day")


def shift(base: dt.date, unit: str, n: float) -> Resolved:
    """The date ``n`` units after (before, when negative) ``base``, at the unit's granularity
    (days and weeks give a day, months a month, years a year)."""
    unit = unit.lower()
    k = int(n)
    if unit in ("day", "night"):
        return _make(base + dt.timedelta(days=k), "day")
    if unit in ("week", "fortnight"):
        return _make(base + dt.timedelta(weeks=k * (2 if unit == "fortnight" else 1)), "day")
    if unit == "month":
        return _make(_add_months(base.replace(day=1), k), "month")
    if unit == "quarter":
        return _make(_add_months(base.replace(day=1), 3 * k), "month")
    if unit == "decade":
        return _make(dt.date(base.year + 10 * k, 1, 1), "year")
    if unit in ("hour", "minute", "second"):
        return _make(base, "day")
    return _make(dt.date(base.year + k, 1, 1), "year")
