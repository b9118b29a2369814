"""Events that come back every year in the same weeks, named with a tense, as clues to the
writing date.

General news (tech, business, culture, sports) dates itself by the events of its calendar:
"ahead of this year's CES" is written in the weeks before early January, "at last week's
Mobile World Congress" in early March, "Black Friday is approaching" in November, "since
Diwali" in the weeks after it.  The events, their names and when they fall (a window of
days every year, a rule such as "the Friday after the fourth Thursday of November", or the
dates of each year for the ones that move or are not annual, such as Olympics and G20
summits) are in ``data/timex_annual.json``.

Only a name told WITH A TENSE (from a preposition before it, "ahead of", "since", or the
verb it is an argument of; :func:`.conflicts_events._tense`) or tied to the writing week or
month ("Sunday's Super Bowl", "the Oscars next month"; :func:`.conflicts_events._closeness`)
is a clue: such events are named out of season as often as in it ("a Super Bowl ad", "the
Oscar-winning actor", "Black Friday deals"), so an untensed name weighs nothing.  A name
with its year ("CES 2020", "the 2018 World Cup", "Super Bowl LIII") is left to the year's
own clue, and "last year's"/"next year's" of an annual event says nothing (every year has
one).  The clue's likelihood is the election calendar's (:func:`.conflicts_events.event_row`:
its last occurrence before each candidate date and its next one, with the tense's density).

The clue's ``unit`` is "annual"; ``office`` holds the event's name, ``terms`` its
occurrences (first and last day), ``day`` the closeness in days (0: not tied to the writing).
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from tidings.data import load_json

if TYPE_CHECKING:
    import numpy as np
    from spacy.tokens import Doc

    from tidings.timex.conflicts_fit import Clue

log = logging.getLogger(__name__)

UNIT = "annual"
FIRST_YEAR, LAST_YEAR = 1995, 2030      # years an "every" row is expanded over (unless it says)
# "a Super Bowl", "every Black Friday", "two Grammys", "the 2018 World Cup": not this year's event
_GENERIC = re.compile(r"(?:\b(?:a|an|every|each|any|no|another|other|previous|past|future|annual|"
                      r"many|several|two|three|four|five|six|seven|\d+|last\s+year['’]s|next\s+year['’]s|"
                      r"(?:19|20)\d\d(?:['’]s)?)\s+)$", re.I)
_YEAR_NEAR = re.compile(r"^\s*(?:['’]\d\d\b|(?:19|20)\d\d\b|(?:of|in)\s+(?:19|20)\d\d\b)")
_ROMAN = re.compile(r"\b([LXVI]+)$")
# "Black Friday is approaching", "CES is just around the corner": still to come, within weeks
_COMING = re.compile(r"\s+(?:is|are)\s+(?:fast\s+|quickly\s+|rapidly\s+|just\s+|almost\s+|nearly\s+)?"
                     r"(?:approaching|coming|upon\s+us|around\s+the\s+corner|(?:only\s+)?(?:days|weeks)\s+away|here)\b", re.I)


# "in time for the holiday season", "ahead of this year's CES": still to come
_AHEAD_MORE = re.compile(r"\b(?:in\s+time\s+for|gear(?:s|ing)?\s+up\s+for|prepar(?:e|es|ing)\s+for)\s+(?:the\s+)?$", re.I)
_THIS_YEARS = re.compile(r"\s*\bthis\s+year['’]s\s+$", re.I)
# "drop on Black Friday": the weekday is the event's own name, not a day of the writing week
_WEEKDAY_NAME = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")


def _days(y: int, md: str) -> dt.date:
    m, d = map(int, md.split("-"))
    return dt.date(y, m, d)


def _nth_weekday(y: int, rule: dict) -> dt.date:
    """The ``nth`` ``weekday`` (0 = Monday) of ``month`` in year ``y``, plus ``plus_days``."""
    first = dt.date(y, rule["month"], 1)
    day = first + dt.timedelta(days=(rule["weekday"] - first.weekday()) % 7 + 7 * (rule["nth"] - 1))
    return day + dt.timedelta(days=rule.get("plus_days", 0))


def occurrences(row: dict) -> tuple[tuple[dt.date, dt.date], ...]:
    """Every occurrence (first day, last day) of a table row, in order."""
    out: dict[int, list[tuple[dt.date, dt.date]]] = {}
    every, rule = row.get("every"), row.get("rule")
    first, last = row.get("years", (FIRST_YEAR, LAST_YEAR))
    skip = set(row.get("skip", ()))
    for y in range(first, last + 1):
        if y in skip:
            continue
        if every is not None:
            out[y] = [(_days(y, every[0]), _days(y, every[1]))]
        elif rule is not None:
            day = _nth_weekday(y, rule)
            out[y] = [(day, day + dt.timedelta(days=rule.get("length", 1) - 1))]
    if every is not None or rule is not None:
        for a, _ in row.get("dates", ()):
            out.pop(int(a[:4]), None)       # a year's exception ("Prime Day" of 2020 in October)
    for a, b in row.get("dates", ()):       # the dates of a moving or non-annual event
        out.setdefault(int(a[:4]), []).append((dt.date.fromisoformat(a), dt.date.fromisoformat(b)))
    return tuple(sorted(x for occ in out.values() for x in occ))


class _Row:
    __slots__ = ("name", "rx", "needs", "terms", "near", "not_near", "roman", "hosted")

    def __init__(self, row: dict):
        self.name: str = row["event"]
        self.rx = re.compile(r"(?<![\w-])(?:" + "|".join(row["patterns"]) + r")(?![\w-])")
        self.needs: tuple[str, ...] = tuple(row["needs"])
        self.terms = occurrences(row)
        self.near = re.compile(row["near"]) if "near" in row else None
        self.not_near = re.compile(row["not_near"]) if "not_near" in row else None
        self.roman: int = int(row.get("numeral_year", 0))     # "Super Bowl LIII": 1966 + 53
        self.hosted: bool = bool(row.get("hosted"))             # "the London Olympics": one edition


@lru_cache(maxsize=1)
def _rows() -> tuple[_Row, ...]:
    return tuple(_Row(row) for row in load_json("timex_annual.json")["events"])


def _trie(words: "list[str]") -> str:
    """One regular expression matching any of ``words``, as a trie ("Super (?:Bowl|Games)"):
    Python's engine scans it about three times faster than an alternation or a test per word."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        alts = [re.escape(k) + pattern(v) for k, v in sorted(node.items()) if k]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and "" not in node else "(?:" + "|".join(alts) + ")"
        return body + ("?" if "" in node else "")

    return pattern(tree)


@lru_cache(maxsize=1)
def _any_need() -> "re.Pattern[str]":
    """Matches where some row's needed literal is: a text without any has no clue (the pre-filter)."""
    return re.compile(_trie(sorted({x for r in _rows() for x in r.needs})))


def _roman(s: str) -> int:
    vals = {"I": 1, "V": 5, "X": 10, "L": 50}
    n = 0
    for a, b in zip(s, s[1:] + " "):
        n += -vals[a] if b != " " and vals[a] < vals[b] else vals[a]
    return n


# "unveiled the phone at CES", "sales on Singles Day rose": a name in a place or time phrase of
# the verb's object or subject is told with the verb's tense ("a spokeswoman for CES said" is not)
_PLACE_PREPS = frozenset(("at", "on", "during", "in", "before", "after", "since", "until", "ahead", "over", "throughout"))


def _loose_tense(parsed: "Doc", start: int, end: int) -> str:
    from tidings.timex.tense import tense_of, tokens_in

    toks = tokens_in(parsed, start, end)
    ids = {t.i for t in toks}
    root = next((t for t in toks if t.head.i not in ids), None)
    if root is None or root.dep_ != "pobj" or root.head.lower_ not in _PLACE_PREPS:
        return "none"
    noun = root.head.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in ("dobj", "nsubj", "nsubjpass", "attr"):
        return "none"
    verb = tense_of(noun.head) if noun.head.pos_ in ("VERB", "AUX") else None
    return "past" if verb in ("past", "past_weak") else "future" if verb in ("future", "prospective") else "none"


def _past_plan(parsed: "Doc", start: int, end: int) -> bool:
    """The name hangs off an infinitive whose own verb is past ("urged him to skip the Oscars")."""
    from tidings.timex.tense import governing_verb, tense_of

    gov = governing_verb(parsed, start, end)
    return gov is not None and any(c.dep_ == "aux" and c.lower_ == "to" for c in gov.children) \
        and gov.head.i != gov.i and tense_of(gov.head) in ("past", "past_weak")


# the host before the name of an event held in turn by cities or countries ("the London Olympics",
# "the Brazil World Cup", "the Tokyo Games") names one edition, as its year does
_HOST = re.compile(r"\b(?!The\b|FIFA\b|Summer\b|Winter\b|Men|Women|This\b|Next\b|Last\b)[A-Z][\w.’'-]*\s+$")
# "Brady won the Super Bowl with the Patriots": a past title without a day is mostly a career's
# history; "could win the World Series", "hopes to reach the Super Bowl": a hope, at any time of a season
_HISTORY = frozenset(("win", "lose", "claim", "capture", "clinch", "reach"))


def _history(parsed: "Doc", start: int, end: int) -> bool:
    from tidings.timex.tense import governing_verb

    gov = governing_verb(parsed, start, end)
    return gov is not None and gov.lemma_.lower() in _HISTORY


def _has_year(view: str, m: "re.Match[str]", row: _Row) -> bool:
    """The name comes with its year ("CES 2020", "WWDC '19", "the World Cup of 2014",
    "Super Bowl LIII") or its host ("the Rio Olympics")."""
    if _YEAR_NEAR.match(view[m.end():m.end() + 12]):
        return True
    if row.hosted and _HOST.search(view, max(0, m.start() - 20), m.start()):
        return True
    return bool(row.roman and _ROMAN.search(m.group(0)))


def told_when(view: str, parsed: "Doc", start: int, end: int) -> tuple[str, int, bool]:
    """(tense, closeness in days, told as still ahead) of an event's name at ``view[start:end]``:
    the tense from a preposition before it ("ahead of this year's", "since") or the verb it is
    an argument of, the closeness from words tying it to the writing week or month ("last
    week's", "on Monday", "is approaching", "days before"; 0: none).  Shared by the annual
    events and the one-off news events of :mod:`.conflicts_news`."""
    from tidings.timex.conflicts_events import (
        AHEAD, NEAR_AHEAD, SINCE, text_before, closeness, event_tense, told_as_past, verb_has_weekday)

    tense = event_tense(view, parsed, start, end)
    before = text_before(view, start)
    plain = _THIS_YEARS.sub(" ", before)
    ahead = bool(_AHEAD_MORE.search(before) or AHEAD.search(plain))
    if ahead and (_AHEAD_MORE.search(before) or plain != before):
        tense = "future" if tense != "past" else "none"
    elif plain != before and SINCE.search(plain):
        tense = "past"
    if tense == "none" and not ahead:
        tense = _loose_tense(parsed, start, end)
    elif tense == "future" and _past_plan(parsed, start, end):
        tense = "none"          # "cautioned me not to make that speech at Davos": a past plan
    close, told = closeness(view, start, end)
    if _COMING.match(view, end):
        close, told = close or 20, "future"
    if not close and tense != "none" and not _WEEKDAY_NAME.search(view, start, end) \
            and verb_has_weekday(parsed, start, end):
        close = 6               # "Apple unveiled it at WWDC on Monday": this week
    if not close and tense == "future" and not told_as_past(parsed, start, end):
        close = next((days for rx, days in NEAR_AHEAD if rx.search(text_before(view, start))), 0)
    if close and told is None and tense == "future" and not ahead:
        tense = "none"
    return told or tense, close, ahead


def annual_clues(view: str, parsed: Optional["Doc"]) -> list["Clue"]:
    """One clue per event of the table named in ``view`` with a tense or tied to the
    writing week or month (the first such name; told both as past and as to come: none)."""
    if parsed is None or _any_need().search(view) is None:
        return []
    rows = [r for r in _rows() if any(x in view for x in r.needs)]
    if not rows:
        return []
    from tidings.timex.conflicts_events import holds
    from tidings.timex.conflicts_fit import Clue

    out: dict[str, "Clue"] = {}
    for row in rows:
        for m in row.rx.finditer(view):
            if _GENERIC.search(view, max(0, m.start() - 16), m.start()) or _has_year(view, m, row):
                continue
            if (row.near or row.not_near) and not holds(view, m.start(), m.end(), row.near, row.not_near):
                continue
            tense, close, ahead = told_when(view, parsed, m.start(), m.end())
            if tense == "none" and not close:
                continue                # named out of season as often as in it: no clue
            if not close and not ahead and _history(parsed, m.start(), m.end()):
                continue                # "won the World Series with the Giants": when, it does not say
            seen = out.get(row.name)
            if seen is None or (close and not seen.day):
                out[row.name] = Clue(UNIT, tense, vstart=m.start(), vend=m.end(), office=row.name, day=close,
                                     terms=row.terms)
            elif seen.tense != tense and (close or not seen.day):
                seen.tense = "none"
    # a name told both as past and as to come, and tied to no week, says nothing
    return [c for c in out.values() if c.tense != "none" or c.day]


def row(c: "Clue", ords: "np.ndarray") -> "np.ndarray":
    """Log likelihood of an annual clue for every date ordinal (the election calendar's density)."""
    from tidings.timex.conflicts_events import event_row

    return event_row(c, ords)


def loglik(c: "Clue", d: dt.date) -> float:
    import numpy as np

    return float(row(c, np.array([d.toordinal()]))[0])


def describe(c: "Clue", quoted: str) -> str:
    when = {"past": "told as past", "future": "told as still to come", "none": "no tense"}[c.tense]
    if c.day:
        when += ", within days of the writing" if c.day < 10 else ", within weeks of the writing"
    return f"{quoted} ({c.office}, {when}; {_when().get(c.office, '')})"


@lru_cache(maxsize=1)
def _when() -> dict[str, str]:
    return {row["event"]: row["when"] for row in load_json("timex_annual.json")["events"]}
