"""Dated events of the US election calendar as clues to the writing date.

"Cruz won the Iowa caucuses" is written mostly in the weeks (and some months) after the
caucuses of some cycle; "ahead of Super Tuesday" in the weeks before one.  The events and
their dates are in ``data/timex_events.json``; the tense comes from a preposition before the
name ("ahead of", "since") or else from the verb that governs it (:mod:`.tense`).  Each
event named counts once (told both as past and as to come: no tense).  An occurrence is a
day (the Iowa caucuses, each general-election debate) or a span (the party primary debates
of a cycle; a state's primary, any time from mid-January to mid-September of an even
year), the event's day taken as uniform over the span.  An event tied to the writing week
or month ("Tuesday's New York primary", "last week's debate", "the convention next month")
lies within days (weeks) of the writing: its density is narrower.

Seasons are parts of every presidential election year in which a phrase is written ("the
presumptive nominee": March to mid-September; the delegate race: January to July; a party's
"front-runner": from after the midterms to mid-June), a rule with no cut-off.  (Seasons of
the year named with tense, "this summer", are date clues of :mod:`.conflicts_fit`.)
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Optional, Sequence

from tidings.data import load_json
from tidings.timex.conflicts_offices import view_words
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
AHEAD = re.compile(r"\b(?:ahead of|before|until|till|leading up to|run-up to|in advance of|countdown to|"
                    r"upcoming|coming|next week's|next month's|looming)\s+(?:the\s+|this\s+)?$", re.I)
SINCE = re.compile(r"\b(?:since|last week's|last month's)\s+(?:the\s+)?$", re.I)
# "the 1992 Republican convention", "a Democratic convention in Nevada" (a state party's),
# "the convention of 1964": not the event of the current cycle
_NOT_THIS = re.compile(r"(?:\b(?:19|20)\d\d(?:'s)?\s+|\b(?:a|an|state|county|district|weekend|mock|model)\s+)$", re.I)
_YEAR_AFTER = re.compile(r"^\s+(?:of|in)\s+(?:19|20)\d\d\b")


def _needs(row: dict) -> Optional[tuple[str, ...]]:
    """Literals one of which every match of the row's patterns contains (its "needs", or
    found from the patterns), so that a text without any is not scanned; None: unknown."""
    from tidings.timex.conflicts_world import _literal

    if "needs" in row:
        return tuple(row["needs"])
    lits = [_literal(p) for p in row["patterns"]]
    return None if any(x is None for x in lits) else tuple(x for x in lits if x is not None)


_NEAR: dict[str, tuple[Optional[re.Pattern[str]], Optional[re.Pattern[str]]]] = {}
_NOT_INSIDE: set[str] = set()
_KEYED: set[str] = set()
_WORD_NEEDED: dict[str, str] = {}
_STATE_ROW: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}     # state -> (its row, occurrences)
_STATES_ROW = "a state's primary or caucuses"    # the every-even-year row of every state (its name starts so)
# the words every match of a keyed row holds; such a row is searched only around them (a state's
# name is at most KEY_REACH characters from the word), not over the whole text
_KEY = re.compile(r"[Pp]rimar|[Cc]aucus")
KEY_REACH = 70


@lru_cache(maxsize=1)
def _scanned() -> tuple[tuple[str, re.Pattern[str], tuple[tuple[int, int], ...]], ...]:
    """The rows scanned for their names: all but the states' own rows, whose names the
    every-even-year row's one pattern finds."""
    events = _events()
    own = {name for name, _ in _STATE_ROW.values()}
    return tuple(e for e in events if e[0] not in own)


@lru_cache(maxsize=1)
def _states() -> tuple[str, ...]:
    """The states with a row of their own, longest name first ("West Virginia" before "Virginia")."""
    _events()
    return tuple(sorted(_STATE_ROW, key=len, reverse=True))


def _matches(rx: re.Pattern[str], view: str, keys: "list[int]") -> "list[re.Match[str]]":
    """The matches of ``rx`` that lie around the key words at ``keys`` (left to right, once each)."""
    out: dict[tuple[int, int], re.Match[str]] = {}
    for k in keys:
        for m in rx.finditer(view, max(0, k - KEY_REACH), min(len(view), k + KEY_REACH)):
            out.setdefault(m.span(), m)
    return sorted(out.values(), key=lambda m: m.start())


@lru_cache(maxsize=1)
def _events() -> tuple[tuple[str, re.Pattern[str], tuple[tuple[int, int], ...]], ...]:
    """(event, pattern, its occurrences as (first, last) day ordinals) per row of the table:
    'dates' are one-day occurrences, 'periods' spans ("the presidential debates" of a cycle),
    'every' a span repeated by rule (the primaries of every even year)."""
    out = []
    for row in load_json("timex_events.json")["events"]:
        rx = re.compile(r"\b(?:" + "|".join(row["patterns"]) + r")\b")
        occ = [(dt.date.fromisoformat(d),) * 2 for d in row.get("dates", ())]
        occ += [(dt.date.fromisoformat(a), dt.date.fromisoformat(b)) for a, b in row.get("periods", ())]
        if "every" in row:
            e = row["every"]
            (fm, fd), (tm, td) = (map(int, e[k].split("-")) for k in ("from", "to"))
            skip = set(row.get("every_skip", ()))     # years whose days are in "dates"
            occ += [(dt.date(y, fm, fd), dt.date(y, tm, td)) for y in range(e["first"], e["last"] + 1, e["step"])
                    if y not in skip]
        out.append((row["event"], rx, tuple(sorted((a.toordinal(), b.toordinal()) for a, b in occ))))
        _NEEDS[row["event"]] = _needs(row)
        if len(row.get("needs", ())) == 1 and re.fullmatch(r"[A-Z][\w ]+", row["needs"][0]):
            _WORD_NEEDED[row["event"]] = row["needs"][0].split()[-1]   # a name: its last word first
        if all(("rimar" in p or "aucus" in p) for p in row["patterns"]):
            _KEYED.add(row["event"])            # every match holds "primar" or "caucus"
        if row.get("not_inside"):
            _NOT_INSIDE.add(row["event"])       # not a part of an earlier row's name ("Indiana's GOP primary")
        if "near" in row or "not_near" in row:
            # the row holds only where its sentence has words of "near" and none of "not_near"
            _NEAR[row["event"]] = tuple(re.compile(rf"\b(?:{row[k]})") if k in row else None  # type: ignore[assignment]
                                        for k in ("near", "not_near"))
            if len(row.get("needs", ())) == 1:
                # a state's own row: its names are read by the every-even-year row's one pattern
                _STATE_ROW[row["needs"][0]] = (row["event"], out[-1][2])
    return tuple(out)


_NEEDS: dict[str, Optional[tuple[str, ...]]] = {}


def event_tense(view: str, parsed: "Doc", start: int, end: int) -> str:
    toks = tokens_in(parsed, start, end)
    if toks and toks[-1].dep_ in ("compound", "nmod", "amod") and toks[-1].head.i > toks[-1].i:
        return "none"               # "the Super Tuesday states": a name used as a modifier
    gov = governing_verb(parsed, start, end)
    # the verb's tense tells the event's only when the name is its argument ("won the Iowa
    # caucuses"), not inside a noun phrase ("a spokeswoman for the convention said")
    verb = tense_of(gov) if attached_directly(parsed, start, end, gov) else None
    tense = "past" if verb in ("past", "past_weak") else "future" if verb in ("future", "prospective") else "none"
    before = text_before(view, start)
    if SINCE.search(before):
        return "past"
    if AHEAD.search(before):
        return "future" if tense != "past" else "none"
    return tense


_WD = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# "Tuesday's New York primary", "next week's debate", "the convention next month": the event
# lies within days (weeks) of the writing; (pattern, mean days, tense it gives or None)
_CLOSE_BEFORE = ((re.compile(rf"\b(?:{_WD}(?:\s+(?:night|morning|afternoon|evening))?|tonight|today|this\s+week)['’]s\s+(?:the\s+)?$"), 6, None),
                 (re.compile(r"\b(?:next\s+week|tomorrow)['’]s\s+(?:the\s+)?$", re.I), 6, "future"),
                 (re.compile(r"\b(?:last\s+week|yesterday|last\s+night)['’]s\s+(?:the\s+)?$", re.I), 6, "past"),
                 (re.compile(r"\bthis\s+month['’]s\s+(?:the\s+)?$", re.I), 20, None),
                 (re.compile(r"\bnext\s+month['’]s\s+(?:the\s+)?$", re.I), 20, "future"),
                 (re.compile(r"\blast\s+month['’]s\s+(?:the\s+)?$", re.I), 20, "past"))
_CLOSE_AFTER = ((re.compile(rf"^\s+(?:on\s+)?{_WD}\b|^\s+(?:this|later\s+this|earlier\s+this)\s+week\b"), 6, None),
                (re.compile(r"^\s+next\s+week\b"), 6, "future"), (re.compile(r"^\s+last\s+week\b"), 6, "past"),
                (re.compile(r"^\s+(?:later|earlier)?\s*this\s+month\b"), 20, None),
                (re.compile(r"^\s+next\s+month\b"), 20, "future"), (re.compile(r"^\s+last\s+month\b"), 20, "past"))


# "only days before the Republican Convention", "in the final hours before the Iowa caucus", "on
# the eve of Super Tuesday": an event still to come within days (weeks) of the writing; (pattern,
# mean days), taken only when the event is told as to come (a past narrative's "days before the
# convention" is no news of the writing week)
# ("the night before the California primary", "the day before the convention" are mostly told in
# a narrative of what happened then: not taken)
NEAR_AHEAD = ((re.compile(r"\b(?:days|hours)\s+(?:before|ahead\s+of)"
                           r"\s+(?:the\s+|this\s+)?$|\bon\s+the\s+eve\s+of\s+(?:the\s+|this\s+)?$", re.I), 6),
               (re.compile(r"\bweeks\s+(?:before|ahead\s+of)\s+(?:the\s+|this\s+)?$", re.I), 20))


def holds(view: str, start: int, end: int, near: Optional[re.Pattern[str]],
           not_near: Optional[re.Pattern[str]]) -> bool:
    """The sentence around ``view[start:end]`` has a word of ``near`` and none of ``not_near``."""
    lo = max(view.rfind(". ", 0, start), view.rfind("\n", 0, start)) + 1
    ends = [i for i in (view.find(". ", end), view.find("\n", end)) if i >= 0]
    sentence = view[max(lo, start - 300):min(min(ends) if ends else len(view), end + 300)]
    return (near is None or near.search(sentence) is not None) \
        and (not_near is None or not_near.search(sentence) is None)


def told_as_past(parsed: "Doc", start: int, end: int) -> bool:
    """The verb governing the event's name, directly or not, is told as past ("fired its
    manager days before the convention")."""
    gov = governing_verb(parsed, start, end)
    return gov is not None and tense_of(gov) in ("past", "past_weak")


_CLOSE_WORDS = re.compile(rf"\b(?:{_WD}(?:\s+(?:night|morning|afternoon|evening))?|tonight|today|tomorrow|yesterday)['’]s\s+$")


def text_before(view: str, start: int) -> str:
    """The text before an event's name, less a weekday's ("ahead of Tuesday's primary")."""
    return _CLOSE_WORDS.sub("", view[max(0, start - 60):start])


def closeness(view: str, start: int, end: int) -> tuple[int, Optional[str]]:
    """(mean days, tense or None) when the event is tied to the writing week or month, else (0, None)."""
    before, after = view[max(0, start - 30):start], view[end:end + 22]
    for rx, days, tense in _CLOSE_BEFORE:
        if rx.search(before):
            return days, tense
    for rx, days, tense in _CLOSE_AFTER:
        if rx.search(after):
            return days, tense
    return 0, None


_WEEKDAYS = frozenset(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                       "today", "tonight", "yesterday", "tomorrow"))


def verb_has_weekday(parsed: "Doc", start: int, end: int) -> bool:
    """The verb the event's name is an argument of is also told with a weekday ("The
    Republican National Convention began the roll call vote on Tuesday", "Cruz won the Iowa
    caucuses Monday night"): the event happened (or happens) in the writing week."""
    gov = governing_verb(parsed, start, end)
    if gov is None or not attached_directly(parsed, start, end, gov):
        return False
    for child in gov.children:
        if start <= child.idx < end:
            continue                    # the name's own word ("Super Tuesday will thin it")
        if child.text in _WEEKDAYS and child.dep_ in ("npadvmod", "tmod", "obl", "advmod", "nmod"):
            return True
        if child.dep_ == "prep" and child.lower_ in ("on", "by", "until") \
                and any(g.text in _WEEKDAYS and g.dep_ == "pobj" for g in child.children):
            return True
    return False


def event_clues(view: str, parsed: "Doc") -> list["Clue"]:
    """One clue per event of the table named in ``view``, with its tense."""
    from tidings.timex.conflicts_fit import Clue

    out: dict[str, "Clue"] = {}
    named: list[tuple[int, int]] = []       # every name read
    keys = [m.start() for m in _KEY.finditer(view)] if ("rimar" in view or "aucus" in view) else []
    words = view_words(view)
    states = _states()
    for name, rx, dates in _scanned():
        if name in _KEYED and not keys:
            continue                    # no "primary" or "caucus" anywhere: no match
        word = _WORD_NEEDED.get(name)
        if word is not None and word not in words:
            continue                    # the state's name is not there
        needs = _NEEDS.get(name)
        if needs is not None and not any(x in view for x in needs):
            continue                    # no literal that every match contains: no match
        cond = _NEAR.get(name)
        if name in _KEYED:
            found = _matches(rx, view, keys)
        else:
            found = list(rx.finditer(view))
        for m in found:
            if _NOT_THIS.search(view, max(0, m.start() - 12), m.start()) or _YEAR_AFTER.match(view[m.end():m.end() + 12]):
                continue
            if cond is not None and not holds(view, m.start(), m.end(), *cond):
                continue
            if name in _NOT_INSIDE and any(a <= m.start() and m.end() <= b for a, b in named):
                continue
            named.append(m.span())
            ename, edates = name, dates
            if name.startswith(_STATES_ROW):
                # the state's own row (its 2016 day) where its sentence speaks of the presidential race
                state = next((x for x in states if x in m.group(0)), None)
                own = _STATE_ROW.get(state) if state is not None else None
                if own is not None and holds(view, m.start(), m.end(), *_NEAR[own[0]]):
                    ename, edates = own
            tense = event_tense(view, parsed, m.start(), m.end())
            close, told = closeness(view, m.start(), m.end())
            if not close and tense != "none" and verb_has_weekday(parsed, m.start(), m.end()):
                close = 6               # "the convention began the roll call on Tuesday": this week
            if not close and tense == "future" and not told_as_past(parsed, m.start(), m.end()):
                ahead = text_before(view, m.start())
                close = next((days for rx, days in NEAR_AHEAD if rx.search(ahead)), 0)
            if close and told is None and tense == "future" and not AHEAD.search(text_before(view, m.start())):
                tense = "none"          # "rallied to win the Iowa caucuses this month": no plan
            tense = told or tense
            seen = out.get(ename)
            if seen is None or (close and not seen.day):
                out[ename] = Clue("event", tense, vstart=m.start(), vend=m.end(), office=ename, day=close,
                                  terms=tuple((dt.date.fromordinal(a), dt.date.fromordinal(b)) for a, b in edates))
            elif seen.tense != tense and (close or not seen.day):
                seen.tense = "none"
    return list(out.values())


@lru_cache(maxsize=1)
def _seasons() -> tuple[tuple[str, re.Pattern[str], tuple[tuple[dt.date, dt.date], ...], float], ...]:
    out = []
    for row in load_json("timex_events.json")["seasons"]:
        rx = re.compile(r"\b(?:" + "|".join(row["patterns"]) + r")\b")
        (fm, fd), (tm, td) = (map(int, row[k].split("-")) for k in ("from", "to"))
        back = int(row.get("from_years_before", 0))     # a season begun in an earlier year
        windows = tuple((dt.date(y - back, fm, fd), dt.date(y, tm, td)) for y in range(1900, 2101, 4))
        out.append((row["season"], rx, windows, float(row["outside"])))
        _NEEDS[row["season"]] = _needs(row)
    return tuple(out)


def season_clues(view: str, *, taken: Sequence[tuple[int, int]] = ()) -> list["Clue"]:
    """One clue per season of the table whose phrase ``view`` holds ("the presumptive
    nominee"), the first mention its evidence; ``year`` holds the ratio outside the season
    in thousandths."""
    from tidings.timex.conflicts_fit import Clue

    out = []
    for name, rx, windows, outside in _seasons():
        needs = _NEEDS.get(name)
        if needs is not None and not any(x in view for x in needs):
            continue
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


def _scales(close: int) -> tuple[float, float, float]:
    """(near mean, far mean, wrong-side mean) in days: an event named with "Tuesday's" or
    "next week's" lies within days of the writing, "next month's" within weeks."""
    return (EVENT_NEAR, EVENT_FAR, 10.0) if not close else (float(close), float(close), 3.0)


def _density(o: "np.ndarray", tense: str, close: int = 0) -> "np.ndarray":
    """Density of an event ``o`` days from the writing date (negative: before it)."""
    import numpy as np

    n, f, w = _scales(close)
    a = np.abs(o).astype(float)
    near = 0.5 * np.exp(-a / n) / n + 0.5 * np.exp(-a / f) / f
    wrong = 0.05 * np.exp(-a / w) / w
    if tense == "past":
        return np.where(o <= 0, near, wrong)
    if tense == "future":
        return np.where(o >= 0, near, wrong)
    if close:
        return 0.5 * near
    return 0.5 * np.exp(-a / 90) / 90


def _cdf(o: "np.ndarray", tense: str, close: int = 0) -> "np.ndarray":
    """The integral of ``_density`` from minus infinity to ``o`` (for spans)."""
    import numpy as np

    n, f, w = _scales(close)
    o = o.astype(float)
    neg, pos = np.minimum(o, 0), np.maximum(o, 0)
    near_neg = 0.5 * np.exp(neg / n) + 0.5 * np.exp(neg / f)          # mass below o <= 0
    near_pos = 1 - 0.5 * np.exp(-pos / n) - 0.5 * np.exp(-pos / f)    # mass in (0, o]
    if tense == "past":             # near for o <= 0, wrong for o > 0
        return np.where(o <= 0, near_neg, 1 + 0.05 * (1 - np.exp(-pos / w)))
    if tense == "future":           # wrong for o < 0, near for o >= 0
        return np.where(o < 0, 0.05 * np.exp(neg / w), 0.05 + near_pos)
    if close:
        return np.where(o <= 0, 0.5 * near_neg, 0.5 + 0.5 * near_pos)
    return np.where(o <= 0, 0.25 * np.exp(neg / 90), 0.5 - 0.25 * np.exp(-pos / 90))


def _occ_density(first: "np.ndarray", last: "np.ndarray", ords: "np.ndarray", tense: str,
                 close: int = 0) -> "np.ndarray":
    """Density of an occurrence spanning ``first``..``last`` (ordinals), the event's day
    uniform over the span; a one-day occurrence through ``_density`` itself."""
    import numpy as np

    span = last - first
    if not span.any():
        return _density(first - ords, tense, close)
    spread = (_cdf(last - ords + 0.5, tense, close) - _cdf(first - ords - 0.5, tense, close)) / np.maximum(span + 1, 1)
    return spread if span.all() else np.where(span > 0, spread, _density(first - ords, tense, close))


def event_row(c: "Clue", ords: "np.ndarray") -> "np.ndarray":
    """Log likelihood of an event clue for every date ordinal: its last occurrence begun on
    or before each date and its next one after it, through ``_occ_density``."""
    import numpy as np

    first = np.array([a.toordinal() for a, _ in c.terms])
    last = np.array([b.toordinal() for _, b in c.terms])
    i = np.searchsorted(first, ords, side="right") - 1
    p = np.zeros(len(ords))
    ok = i >= 0
    p[ok] += _occ_density(first[i[ok]], last[i[ok]], ords[ok], c.tense, c.day)
    ok = i + 1 < len(first)
    p[ok] += _occ_density(first[i[ok] + 1], last[i[ok] + 1], ords[ok], c.tense, c.day)
    return np.log((1 - EVENT_NOISE) * p + EVENT_NOISE / 365)


def describe(c: "Clue", quoted: str) -> str:
    if c.unit == "season":
        a, b = c.terms[0]
        before = {0: "", 1: " of the year before", 2: " two years before"}.get(b.year - a.year, "")
        return (f"{quoted} ({c.office}: {a.day} {a.strftime('%B')}{before} to {b.day} {b.strftime('%B')} "
                f"of a presidential election year)")
    when = {"past": "told as past", "future": "told as still to come", "none": "no tense"}[c.tense]
    if c.day:
        when += ", within days of the writing" if c.day < 10 else ", within weeks of the writing"
    return f"{quoted} ({c.office}, {when})"
