"""Time: time expressions resolved to dates, and date-conflict flags.
``STAGE`` assigns a :class:`TimeLayer`.

The tagger (:mod:`.patterns`) finds expressions in the normalised view and in dateline
lines; :mod:`.tense` reads the tense of each one's governing verb; :mod:`.resolve` turns
them into dates anchored at the publication date; :mod:`.conflicts` compares what the
content implies with the claimed date.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from typing import Optional

from tidings.analysis import Analysis
from tidings.document import DateValue, Flag, Time
from tidings.stage import Stage
from tidings.timex.patterns import Mention, find_mentions, weekday_number
from tidings.timex.resolve import Resolved, resolve, shift
from tidings.timex.tense import attached_directly, governing_verb, tense_of

log = logging.getLogger(__name__)


@dataclass
class TimeLayer:
    times: list[Time] = field(default_factory=list)
    # (view_start, view_end, value) for every time expression that names a date
    view_times: list[tuple[int, int, DateValue]] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    # parallel to view_times: does the expression hang off its sentence's main verb?
    view_main: list[bool] = field(default_factory=list)
    # every resolved expression (dated or not), for the conflict checks and debugging
    resolved: list["TimeMention"] = field(default_factory=list)
    # "a day after Monday's vote": (view_start, view_end, value) anchored at the named day
    view_anchored: list[tuple[int, int, DateValue]] = field(default_factory=list)

    def date_in(self, vstart: int, vend: int) -> Optional[DateValue]:
        """The best date for the view range (a sentence): an anchored phrase ("a day after
        Monday's vote") if there is one, else the expression attached to its main verb,
        else the first dated expression inside the range."""
        for s, e, value in self.view_anchored:
            if s >= vstart and e <= vend:
                return value
        inside = [k for k, (s, e, _) in enumerate(self.view_times) if s >= vstart and e <= vend]
        if not inside:
            return None
        main = [k for k in inside if k < len(self.view_main) and self.view_main[k]]
        return self.view_times[(main or inside)[0]][2]


@dataclass
class TimeMention:
    """One tagged expression with what resolution and the conflict checks need."""
    mention: Mention
    vstart: Optional[int]          # view offsets (None for a dateline outside the view)
    vend: Optional[int]
    ostart: int                    # original offsets
    oend: int
    tense: Optional[str]
    resolved: Optional[Resolved]
    verb_start: Optional[int] = None   # view offset of the governing verb
    main: bool = False                 # the governing verb is its sentence's root
    headline: bool = False
    evidence_vstart: Optional[int] = None  # view start of "to begin on April 6" (verb + time)
    prep: Optional[str] = None             # the preposition right before the expression
    direct: bool = False                   # an argument of its verb itself (see tense.attached_directly)


# the tense the resolver uses for the finer tenses the conflict checks distinguish
_RESOLVE_TENSE = {"prospective": "future", "past_weak": "past"}
_SAME_REACH = 300    # "the same period last year" looks back this many characters for its period


def _published(analysis: Analysis) -> Optional[dt.date]:
    """The claimed publication date; when it is unreadable, the first readable candidate."""
    try:
        return analysis.published
    except ValueError:
        log.info("unreadable publication date %r", analysis.cleaned.meta.published)
    for value in analysis.cleaned.meta.candidates.values():
        try:
            return dt.date.fromisoformat(str(value)[:10])
        except ValueError:
            continue
    return None


_NEXT_DAY_CUE = re.compile(r"\b(?:a|one)\s+day\s+(?:after|before|earlier|later)\b|"
                           r"\bthe\s+(?:previous|next|following)\s+day\b|\bthe\s+day\s+(?:before|after)\b", re.I)


def _weekday_reference(items: list[TimeMention], anchor: dt.date, view: str = "") -> dt.date:
    """The reference day for bare past weekdays.  Normally the publication day; when the
    article ties its events a day apart ("a day after ...") and the weekdays it names
    only fit one news cycle if read a week back (dated Wednesday, it says "on Wednesday"
    and, of the day after, "on Thursday"), the latest day that makes them one cycle."""
    from tidings.timex.resolve import _weekday

    if not _NEXT_DAY_CUE.search(view):
        return anchor
    wds = [it for it in items if it.mention.kind == "weekday" and not it.mention.g("rel")
           and it.tense not in ("future", "prospective")]
    names = {it.mention.g("wd") for it in wds}
    if len(names) < 2:
        return anchor

    def spread(ref: dt.date) -> int:
        nums = {weekday_number(n) for n in names}
        days = [_weekday(wd, ref, "past", None) for wd in nums if wd is not None]
        return (max(days) - min(days)).days

    base = spread(anchor)
    if base < 5:
        return anchor
    best = min(range(1, 7), key=lambda k: (spread(anchor - dt.timedelta(days=k)), k))
    ref = anchor - dt.timedelta(days=best)
    return ref if spread(ref) <= 2 else anchor


_COMPOSITE = re.compile(r"\s+(?P<dir>after|before|later\s+than|earlier\s+than|following|prior\s+to)\s+(?:the\s+)?$")


def run(analysis: Analysis) -> TimeLayer:
    layer = TimeLayer()
    anchor = _published(analysis)
    view = analysis.view.text
    parsed = analysis.parsed
    head_range = analysis.cleaned.view_headline
    items: list[TimeMention] = []
    for m in find_mentions(view):
        verb = governing_verb(parsed, m.start, m.end) if parsed is not None else None
        in_head = bool(head_range and head_range[0] <= m.start < head_range[1])
        tense = tense_of(verb, headline=in_head)
        if m.kind == "m" and tense == "past" and not in_head and verb is not None and verb.tag_ in ("VBZ", "VBP"):
            tense = None         # "Democrats [...] in November say": a month on a present "say" has no tense
        if tense == "present" and m.kind in ("weekday", "weekend", "md", "dm", "holiday", "clock") and not in_head:
            tense = "future"     # "the talks resume on Monday"
        o = analysis.span(m.start, m.end)
        prep = re.search(r"(\S+)\s*$", view[max(0, m.start - 20):m.start])
        items.append(TimeMention(mention=m, vstart=m.start, vend=m.end, ostart=o.start, oend=o.end,
                                 tense=tense, resolved=None,
                                 verb_start=verb.idx if verb is not None else None,
                                 main=bool(verb is not None and verb.dep_ == "ROOT"), headline=in_head,
                                 evidence_vstart=_evidence_start(verb, m.start, view),
                                 prep=(prep.group(1).lower() if prep and prep.group(1).isalpha() else
                                       prep.group(1)[-1:] if prep else None),
                                 direct=attached_directly(parsed, m.start, m.end, verb) if parsed is not None else False))
    ref = _weekday_reference(items, anchor, view) if anchor else None
    last_day: Optional[dt.date] = None
    last_period: Optional[tuple[int, Resolved]] = None     # (where it ended, its value)
    year_ctx: Optional[tuple[int, dt.date]] = None         # the last full date of an earlier year
    for it in items:
        near = last_period[1] if last_period and it.vstart is not None and it.vstart - last_period[0] < _SAME_REACH \
            else None
        rtense = _RESOLVE_TENSE.get(it.tense or "", it.tense)
        if rtense == "past" and it.mention.kind in ("md", "dm") and not it.direct:
            rtense = "past_loose"      # "the April 19 primary" under a past verb
        it.resolved = resolve(it.mention, anchor, tense=rtense,
                              ref=ref if (it.mention.kind in ("weekday", "clock") and it.tense not in ("future", "prospective"))
                              else anchor,
                              last_day=last_day, last_period=near)
        if anchor is not None and year_ctx is not None:
            it.resolved = _narrative_year(it, year_ctx, anchor)
        if it.resolved and it.resolved.granularity == "day" and it.resolved.start:
            last_day = it.resolved.start
        if it.resolved and it.resolved.explicit_year and it.resolved.granularity in ("day", "month") \
                and it.resolved.start and anchor is not None and it.vend is not None \
                and anchor.year - NARRATIVE_YEARS <= it.resolved.start.year < anchor.year:
            year_ctx = (it.vend, it.resolved.start)
        if it.resolved and it.resolved.is_date and it.vend is not None and it.mention.kind not in ("ref", "sameago"):
            last_period = (it.vend, it.resolved)
    items.extend(_dateline_items(analysis, anchor))
    items.sort(key=lambda it: it.ostart)

    for it in items:
        r = it.resolved
        layer.times.append(Time(start=it.ostart, end=it.oend, text=analysis.doc.text[it.ostart:it.oend],
                                value=r.value if r else None, granularity=r.granularity if r else None))
        if r and r.is_date and it.vstart is not None and it.vend is not None:
            gran = "day" if r.granularity == "time" else r.granularity
            layer.view_times.append((it.vstart, it.vend, DateValue(value=r.value[:10], granularity=gran)))
            layer.view_main.append(it.main)
    _add_composites(layer, items, view)
    layer.resolved = items
    if anchor is not None:
        from tidings.timex.conflicts import find_conflicts

        layer.flags = find_conflicts(analysis, items, anchor)
    return layer


NARRATIVE_REACH = 400     # characters: "On March 2, 2015, ... On March 25, ..." keeps the year
NARRATIVE_YEARS = 3       # only for a year this close before the publication's


def _narrative_year(it: TimeMention, ctx: tuple[int, dt.date], anchor: dt.date) -> Optional[Resolved]:
    """A month-day without a year told in the narrative of a full date of an earlier year
    ("On March 2, 2015, the Times revealed ... On March 25, the firm had a call") is of that
    year when it follows the full date in the calendar; otherwise it is left as resolved."""
    r = it.resolved
    if r is None or not r.needs_year or r.start is None or r.weekday is not None or r.granularity != "day" \
            or it.mention.kind not in ("md", "dm") or it.tense in ("future", "prospective") \
            or it.vstart is None or it.vstart - ctx[0] > NARRATIVE_REACH:
        return r
    try:
        d = dt.date(ctx[1].year, r.start.month, r.start.day)
    except ValueError:
        return r
    if d < ctx[1] or d == r.start:
        return r
    return Resolved(value=d.isoformat(), granularity="day", start=d, end=d, context_year=True)


def _evidence_start(verb: object, mstart: int, view: str) -> Optional[int]:
    """Where "to begin on April 6" starts: the verb (with its auxiliaries) when it comes
    shortly before the expression in the same sentence."""
    if verb is None:
        return None
    idxs = [verb.idx] + [c.idx for c in verb.children if c.dep_ in ("aux", "auxpass")]  # type: ignore[attr-defined]
    start = min(idxs)
    if start >= mstart or mstart - start > 80 or re.search(r"[.!?;]\s", view[start:mstart]):
        return None
    return start


def _add_composites(layer: TimeLayer, items: list[TimeMention], view: str) -> None:
    """"a day after Monday's vote": the date is Monday + 1 (anchored at X, not at publication)."""
    from tidings.timex.patterns import number_value

    for a, b in zip(items, items[1:]):
        if a.mention.kind != "duration" or a.vend is None or b.vstart is None or not b.resolved \
                or not b.resolved.is_date or b.resolved.granularity not in ("day", "time"):
            continue
        between = view[a.vend:b.vstart]
        mm = _COMPOSITE.match(between + " ")
        if not mm and not re.fullmatch(r"\s+(?:after|before|following)\s+(?:the\s+)?", between):
            continue
        n = number_value(a.mention.g("num"))
        if n is None or b.resolved.start is None:
            continue
        sign = -1 if re.search(r"before|earlier|prior", between) else 1
        r = shift(b.resolved.start, a.mention.g("unit") or "day", sign * n)
        if r.granularity != "day":
            continue
        layer.view_anchored.append((a.vstart or 0, b.vend or 0, DateValue(value=r.value, granularity="day")))


def _dateline_items(analysis: Analysis, anchor: Optional[dt.date]) -> list[TimeMention]:
    """Dates in dateline lines, which cleaning keeps out of the view."""
    out: list[TimeMention] = []
    text = analysis.doc.text
    for kind, s, e in analysis.cleaned.non_body:
        if kind != "dateline":
            continue
        for m in find_mentions(text[s:e]):
            if m.kind not in ("mdy", "dmy", "iso", "md", "dm"):
                continue
            out.append(TimeMention(mention=m, vstart=None, vend=None, ostart=s + m.start, oend=s + m.end,
                                   tense=None, resolved=resolve(m, anchor), headline=False))
    return out


STAGE = Stage("timex", assigns="times", requires=(), func=run)
