"""Date-conflict checks: where the article's content contradicts its claimed date.

Each check needs real evidence and says what date range the content implies:

- the article's own dateline, metadata or URL date disagrees with the claimed date;
- a future-tense reference to a date already past ("tactical actions to begin on April 6"
  in an article dated 24 June) → written before that date;
- an event described as past that resolves after the claimed date → written after it;
- a weekday–date pair ("Wednesday, April 6") impossible in the claimed year → the years in
  which it is possible;
- explicit years in the body all long before the claimed date (off, see USE_LATEST_YEAR);
- when none of these fires: all the article's date clues weighed together (bare
  month-days, months, years, weekdays, office-holders' and candidates' titles, and the
  world knowledge of :mod:`.conflicts_world` and :mod:`.conflicts_events`: ages, the US
  election calendar, names of things that did not exist before a date) fit a date far from
  the claimed one much better (:mod:`.conflicts_fit`).

The checks are conservative: a correctly dated article should almost never be flagged
(``bench/eval_misdating.py`` measures both sides).
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from typing import TYPE_CHECKING, Optional

from tidings.document import Flag, Span

if TYPE_CHECKING:
    from tidings.analysis import Analysis
    from tidings.timex import TimeMention

log = logging.getLogger(__name__)

KIND = "date_conflict"
CANDIDATE_TOLERANCE_DAYS = 2        # time zones and late editions
NEXT_YEAR_MIN_DAYS = 280            # "will ... on Jan. 5" in late autumn may mean next year, and a tour,
                                    # launch or summit is announced up to 8-9 months ahead ("stops in
                                    # Cleveland on July 22", written in November; was 150)
PREVIOUS_YEAR_MIN_DAYS = 300        # "... said on Dec. 20" in January may mean last year
EXPLICIT_TOLERANCE_DAYS = 7
MAX_VERB_DISTANCE = 40              # characters from the verb to the expression
PROSPECTIVE_PAST_DAYS = 45          # "to begin on April 6" needs April 6 this far back
LATEST_YEAR_GAP = 3                 # every explicit year at least this many years before
# off: on correctly dated PolNeAR articles it fired on 1 in 10 (history pieces and
# profiles name only old years); kept for experiments with bench/eval_misdating.py
USE_LATEST_YEAR = False
USE_FIT = True                      # the aggregate check of conflicts_fit.py
_FUTURE_PREPS = {"on", "in", "by", "until", "till", "during", "for", "at", "before"}
_PAST_PREPS = {"on", "in", "during", "at", None}
_NAMES = {"url": "URL", "dateline": "dateline", "metadata": "metadata", "given": "given date"}


def _fmt(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"


def _evidence(analysis: "Analysis", it: "TimeMention") -> Span:
    if it.vstart is not None and it.vend is not None:
        start = it.evidence_vstart if it.evidence_vstart is not None else it.vstart
        return analysis.span(start, it.vend)
    return Span.of(analysis.doc.text, it.ostart, it.oend)


def _quoted(text: str) -> str:
    return "\u201c" + " ".join(text.split()) + "\u201d"


def _candidate_flags(analysis: "Analysis", anchor: dt.date) -> list[Flag]:
    meta = analysis.cleaned.meta
    used = meta.published_from
    text = analysis.doc.text
    flags: list[Flag] = []
    for origin in ("metadata", "dateline", "url"):
        value = meta.candidates.get(origin)
        if not value or origin == used:
            continue
        try:
            d = dt.date.fromisoformat(str(value)[:10])
        except ValueError:
            continue
        if abs((d - anchor).days) <= CANDIDATE_TOLERANCE_DAYS:
            continue
        evidence: list[Span] = []
        if origin == "url":
            for u in meta.url_date_spans or ([meta.url] if meta.url else []):
                k = text.find(u)
                if k >= 0:
                    evidence.append(Span.of(text, k, k + len(u)))
        elif origin == "dateline":
            for kind, s, e in analysis.cleaned.non_body:
                if kind == "dateline":
                    evidence.append(Span.of(text, s, e))
                    break
        flags.append(Flag(kind=KIND, evidence=evidence, message=(
            f"The article is dated {_fmt(anchor)}, but its own {_NAMES[origin]} gives {_fmt(d)} "
            f"({abs((d - anchor).days)} days {'later' if d > anchor else 'earlier'}): "
            f"the content implies it was written around {_fmt(d)}.")))
    return flags


def _no_year_flag(analysis: "Analysis", it: "TimeMention", anchor: dt.date) -> Optional[Flag]:
    """A month or month-day without a year whose tense cannot fit the claimed date."""
    r = it.resolved
    if r is None or not r.needs_year or it.headline or not it.direct or not _close_to_verb(it):
        return None
    past, fut = r.alternatives.get("past"), r.alternatives.get("future")
    if past is None or fut is None or past == fut:
        return None
    ev = _evidence(analysis, it)
    day = r.granularity == "day"
    name = " ".join(it.mention.text.split()) if day else (it.mention.g("mon") or it.mention.text)
    if it.tense in ("future", "prospective") and it.prep in _FUTURE_PREPS | {None}:
        # an infinitive ("to file paperwork by March 15") may sit in a past narrative of a
        # deadline just gone: it needs a date well past, where "will" needs only a week
        min_past = EXPLICIT_TOLERANCE_DAYS if it.tense == "future" else PROSPECTIVE_PAST_DAYS
        # news style gives a date without a year in the current year: "to begin on April 6"
        # dated 24 June says April 6 of this year had not come yet (a late-year article
        # may name next January or February without a year, hence NEXT_YEAR_MIN_DAYS)
        if (day and past.year == anchor.year and (fut - anchor).days > NEXT_YEAR_MIN_DAYS
                and (anchor - past).days >= min_past):
            last = past if day else _month_end(past)
            return Flag(kind=KIND, evidence=[ev], message=(
                f"The article is dated {_fmt(anchor)}, but {_quoted(ev.text)} speaks of {name} as still to "
                f"come, and {_fmt(past) if day else past.strftime('%B %Y')} had already passed by then "
                f"(with no year given the next {name} is {max(1, (fut - anchor).days // 30)} months on). "
                f"The content implies writing before {_fmt(last)}."))
    if it.tense == "past" and it.prep in _PAST_PREPS and (r.start.month, r.start.day) != (9, 11):
        # (a bare "Sept. 11" in the past tense is mostly 2001)
        # a month alone is left alone both ways: writers drop the year of last year's months
        # ("In October, Mrs. Clinton said") and of next year's ("to run against her in
        # November", written in January) too often for it to be evidence
        if day and fut.year == anchor.year and (fut - anchor).days >= 3 \
                and (anchor - past).days > PREVIOUS_YEAR_MIN_DAYS:
            return Flag(kind=KIND, evidence=[ev], message=(
                f"The article is dated {_fmt(anchor)}, but {_quoted(ev.text)} describes {name} as past, "
                f"and {_fmt(fut)} was still to come then (with no year given, {name} is in the "
                f"current year; the one before is {(anchor - past).days // 30} months back). "
                f"The content implies writing after {_fmt(fut)}."))
    return None


def _month_end(d: dt.date) -> dt.date:
    nxt = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def _close_to_verb(it: "TimeMention") -> bool:
    """The verb comes shortly before the expression ("will be held on May 5, 2023"); a
    verb far back ("will bookend his address to the convention in 2004") may not be
    the one the date belongs to."""
    return it.verb_start is None or it.vstart is None or it.verb_start > it.vstart \
        or it.vstart - it.verb_start <= MAX_VERB_DISTANCE


def _explicit_flag(analysis: "Analysis", it: "TimeMention", anchor: dt.date) -> Optional[Flag]:
    """A date with its year given, whose tense cannot fit the claimed date."""
    r = it.resolved
    if r is None or not r.explicit_year or r.start is None or r.end is None or it.headline or not it.direct \
            or not _close_to_verb(it):
        return None
    if it.mention.kind not in ("mdy", "dmy", "iso", "my", "y"):
        return None
    ev = _evidence(analysis, it)
    if it.tense == "future" and it.prep in _FUTURE_PREPS | {None}:
        if (anchor - r.end).days > EXPLICIT_TOLERANCE_DAYS and (r.granularity != "year" or r.end.year < anchor.year):
            return Flag(kind=KIND, evidence=[ev], message=(
                f"The article is dated {_fmt(anchor)}, but {_quoted(ev.text)} speaks of "
                f"{' '.join(it.mention.text.split())} as still to come. "
                f"The content implies writing before {_fmt(r.end)}."))
    if it.tense == "past" and it.prep in _PAST_PREPS:
        # "boosted funding levels in 2016" in December 2015 is a fiscal year: a year
        # counts only from two years on, or from next year before the autumn
        year_ok = r.start.year >= anchor.year + 2 or (r.start.year == anchor.year + 1 and anchor.month < 10)
        if (r.start - anchor).days > CANDIDATE_TOLERANCE_DAYS and (r.granularity != "year" or year_ok):
            return Flag(kind=KIND, evidence=[ev], message=(
                f"The article is dated {_fmt(anchor)}, but {_quoted(ev.text)} describes "
                f"{' '.join(it.mention.text.split())} as past. "
                f"The content implies writing after {_fmt(r.start)}."))
    return None


def _weekday_flag(analysis: "Analysis", it: "TimeMention", anchor: dt.date) -> Optional[Flag]:
    """"Wednesday, April 6" without a year: the weekday must fit the year the claimed date gives."""
    r = it.resolved
    if r is None or r.weekday is None or not r.needs_year or r.start is None:
        return None
    cands = [d for d in r.alternatives.values()] + [r.start]
    if any(d.weekday() == r.weekday for d in cands):
        return None
    month, day = r.start.month, r.start.day
    years = []
    for y in range(anchor.year - 12, anchor.year + 3):
        try:
            if dt.date(y, month, day).weekday() == r.weekday:
                years.append(y)
        except ValueError:
            continue
    name = " ".join(it.mention.text.split())
    wd = dt.date(2024, 1, 1 + r.weekday).strftime("%A")   # 2024-01-01 was a Monday
    where = ", ".join(str(y) for y in years) if years else "none of the nearby years"
    return Flag(kind=KIND, evidence=[Span.of(analysis.doc.text, it.ostart, it.oend)], message=(
        f"The article is dated {_fmt(anchor)}, but {_quoted(name)} is impossible around that date: "
        f"{r.start.strftime('%B')} {day} is not a {wd} in {r.start.year} (nor in the year either side). "
        f"It is a {wd} in {where}: the content implies writing in one of those years."))


def _latest_year_flag(analysis: "Analysis", items: list["TimeMention"], anchor: dt.date) -> Optional[Flag]:
    """Every explicit year in the body is long before the claimed date."""
    dated = [it for it in items if it.resolved and it.resolved.explicit_year and it.resolved.start
             and it.mention.kind in ("mdy", "dmy", "iso", "my", "y", "quarter") and not it.headline]
    if not dated:
        return None
    latest = max(it.resolved.end.year for it in dated if it.resolved and it.resolved.end)  # type: ignore[union-attr]
    if anchor.year - latest < LATEST_YEAR_GAP:
        return None
    # relative references to the present ("this year", "next month") with no explicit
    # recent year are what a correctly dated article would carry; require several years
    years = {it.resolved.start.year for it in dated if it.resolved and it.resolved.start}
    if len(dated) < 2:
        return None
    ev = [Span.of(analysis.doc.text, it.ostart, it.oend) for it in dated
          if it.resolved and it.resolved.end and it.resolved.end.year == latest][:3]
    return Flag(kind=KIND, evidence=ev, message=(
        f"The article is dated {_fmt(anchor)}, but the latest year it mentions is {latest} "
        f"({anchor.year - latest} years earlier; years mentioned: {', '.join(map(str, sorted(years)))}). "
        f"The content implies writing around {latest}\u2013{latest + 1}."))


_POST_DATE = re.compile(r'datetime="(?P<iso>(?:19|20)\d\d-\d\d-\d\d)|\(@\w{1,30}\)\s+(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}, (?:19|20)\d\d)')


def embedded_posts(analysis: "Analysis", anchor: dt.date) -> list[tuple[dt.date, int, int]]:
    """(date, original start, end) of every embedded post: a tweet's "— Name (@handle)
    September 1, 2016" signature or a ``datetime`` attribute."""
    from tidings.timex.patterns import find_mentions
    from tidings.timex.resolve import resolve

    out: list[tuple[dt.date, int, int]] = []
    for m in _POST_DATE.finditer(analysis.doc.text):
        if m.group("iso"):
            try:
                d = dt.date.fromisoformat(m.group("iso"))
            except ValueError:
                continue
            s, e = m.span("iso")
        else:
            found = [x for x in find_mentions(m.group("date")) if x.kind == "mdy"]
            r = resolve(found[0], anchor) if found else None
            if r is None or r.start is None:
                continue
            d = r.start
            s, e = m.span("date")
        out.append((d, s, e))
    from tidings.timex.conflicts_posts import tweet_posts

    return out + tweet_posts(analysis.doc.text)     # tweets dated by their status ids


def _embedded_post_flag(analysis: "Analysis", anchor: dt.date,
                        posts: list[tuple[dt.date, int, int]]) -> Optional[Flag]:
    """An embedded post dated after the claimed date: the article cannot predate it."""
    latest = max(posts, key=lambda p: p[0]) if posts else None
    if latest is None or (latest[0] - anchor).days <= 1:
        return None
    d, s, e = latest
    return Flag(kind=KIND, evidence=[Span.of(analysis.doc.text, s, e)], message=(
        f"The article is dated {_fmt(anchor)}, but it embeds a post dated {_fmt(d)}, "
        f"{(d - anchor).days} days later. The content implies writing on or after {_fmt(d)}."))


def find_conflicts(analysis: "Analysis", items: list["TimeMention"], anchor: dt.date) -> list[Flag]:
    """Every date conflict between the article's content and its claimed date ``anchor``."""
    flags = _candidate_flags(analysis, anchor)
    posts = embedded_posts(analysis, anchor)
    post = _embedded_post_flag(analysis, anchor, posts)
    if post is not None:
        flags.append(post)
    for it in items:
        for check in (_weekday_flag, _no_year_flag, _explicit_flag):
            flag = check(analysis, it, anchor)
            if flag is not None:
                flags.append(flag)
                break
    if USE_LATEST_YEAR:
        latest = _latest_year_flag(analysis, items, anchor)
        if latest is not None:
            flags.append(latest)
    if USE_FIT and not flags:
        from tidings.timex.conflicts_fit import fit_flag

        fit = fit_flag(analysis, items, anchor, posts=posts)
        if fit is not None:
            flags.append(fit)
    return flags

