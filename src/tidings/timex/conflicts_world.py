"""World-knowledge clues to the writing date, for the aggregate fit of :mod:`.conflicts_fit`.

- The US presidential election cycle: the vocabulary of a presidential race ("the Iowa
  caucuses", "Super Tuesday", "the Republican nomination", "delegates", "the campaign
  trail") is written mostly in the two years up to a presidential election day (the first
  Tuesday after the first Monday of November in a year divisible by four) and the weeks
  after it, seldom in the two years between.  The calendar is a rule, so this clue has no
  cut-off.
- Ages of widely covered people ("Sanders, 74, said", "the 69-year-old Clinton"): with a
  birth date from ``data/timex_people.json`` an age pins the writing date to one year.
  The table is world knowledge with a cut-off (people prominent up to 2025).
- Names of things that did not exist before a date ("ISIS", "the San Bernardino shooting",
  "COVID-19"; ``data/timex_terms.json``, 1998-2023; product generations such as "iPhone X"
  in ``data/timex_products.json``): an anachronism before it.
- The dated events and seasons of the US election calendar: :mod:`.conflicts_events`.

Each finder returns :class:`~tidings.timex.conflicts_fit.Clue` objects; ``loglik`` and
``row`` give their log likelihood for one date and for an array of date ordinals.
"""
from __future__ import annotations

import datetime as dt
import logging
import math
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Optional, Sequence

from tidings.data import load_json


if TYPE_CHECKING:
    import numpy as np

    from spacy.tokens import Doc

    from tidings.timex.conflicts_fit import Clue

log = logging.getLogger(__name__)

# the presidential-race vocabulary (US-specific: "delegates" and "nomination" alone are not)
_CYCLE_TERMS = re.compile(
    r"\b(?:Iowa caucus(?:es)?|New Hampshire primary|Super Tuesday|(?:Republican|Democratic) National Convention"
    r"|(?:Republican|Democratic|GOP) (?:presidential )?(?:primary|primaries|nomination|nominating contest|field|debate)"
    r"|presidential (?:primary|primaries|nomination|race|campaign|contest|debate|hopefuls?|candidates?|field)"
    r"|race for the White House|White House race|campaign trail|running mate|Electoral College"
    r"|electoral votes|(?:swing|battleground) states|presumptive nominee|general election|caucuses"
    r"|pledged delegates|superdelegates|delegate count)\b")
CYCLE_SEASON_BEFORE = 700           # days before election day that the race is news
CYCLE_SEASON_AFTER = 75             # and after it, to the inauguration
CYCLE_OFF = 0.35                    # likelihood ratio of one such term between seasons
CYCLE_MAX_TERMS = 3                 # distinct terms counted at most (they come together)


_PLURAL = re.compile(r"(?:es|s)$")


def _norm(term: str) -> str:
    return _PLURAL.sub("", term.lower())


def cycle_clues(view: str) -> list["Clue"]:
    """One clue for the presidential-race vocabulary of ``view``, if it has any."""
    from tidings.timex.conflicts_fit import Clue

    found: dict[str, re.Match[str]] = {}
    for m in _CYCLE_TERMS.finditer(view):
        found.setdefault(_norm(m.group(0)), m)
    if not found:
        return []
    first = sorted(found.values(), key=lambda m: m.start())[:CYCLE_MAX_TERMS]
    k = min(len(found), CYCLE_MAX_TERMS)
    return [Clue("cycle", "none", vstart=first[0].start(), vend=first[0].end(), day=k,
                 office=" / ".join(m.group(0) for m in first))]


@lru_cache(maxsize=1)
def _election_days() -> tuple[int, ...]:
    """Ordinals of US presidential election days 1788-2200 (every fourth year from 1792)."""
    out = []
    for y in range(1792, 2201, 4):
        nov1 = dt.date(y, 11, 1)
        monday = nov1 + dt.timedelta(days=(0 - nov1.weekday()) % 7)
        out.append((monday + dt.timedelta(days=1)).toordinal())
    return tuple(out)


def _cycle_in_season(ords: "np.ndarray") -> "np.ndarray":
    import numpy as np

    e = np.array(_election_days())
    i = np.searchsorted(e, ords, side="left")           # next election day on or after
    nxt = e[np.clip(i, 0, len(e) - 1)]
    prev = e[np.clip(i - 1, 0, len(e) - 1)]
    return ((nxt - ords) <= CYCLE_SEASON_BEFORE) | ((ords - prev) <= CYCLE_SEASON_AFTER)


def _cycle_off_loglik(c: "Clue") -> float:
    return c.day * math.log(CYCLE_OFF)


AGE_RIGHT = 0.85                    # an age given is the person's age at the writing date ...
AGE_OFF_BY_ONE = 0.07               # ... or a year off (a birthday the writer missed) ...
AGE_WRONG = 0.02                    # ... or further off (a slip, another person of that name)
# the words allowed between "the 69-year-old" and the name, and before a surname alone
_AGE_BETWEEN_WORD = re.compile(
    r"(?!(?:of|for|to|with|from|at|by|in|on|and|or|but|than|as|like|about|against|behind|under)\s)"
    r"(?:[a-z][\w'-]*|Republican|Democratic|Democrat|GOP|U\.S\.|Mr\.|Mrs\.|Ms\.|Sen\.|Gov\.|Rep\.|Dr\.)\s+")
_AGE_BETWEEN_MAX = 4
# after "the 74-year-old Sanders": a verb or a stop, not a noun ("a 78-year-old Trump supporter")
_AGE_AFTER = re.compile(r"(?=\s*[,.;:)]|'s?\s|\u2019s?\s|\s+(?:said|says|who|is|was|has|had|told|added|would|will|could|may|might|did|does|"
              r"and|replied|spoke|won|lost|wants|wanted|needs|faces|faced|remains|called|argued|insisted|noted|wrote|"
              r"came|went|took|made|got|ran|met|led|won|on|in|at|during|after|before|with|from|to|[a-z]{2,}ed)\b)")
# "86 percent ... of Hillary Clinton, 43 said": a poll's figures, not ages
_POLL = re.compile(r"percent|per cent|%|\bpoll|\bsurvey|\bpoints\b")
_TITLE_BEFORE = {"Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Gov.", "Rep.", "President", "Senator", "Governor",
                 "Secretary", "Speaker", "Leader", "Chancellor", "Minister", "Premier", "Chairman", "Chairwoman",
                 "Director", "General", "Gen.", "Judge", "Justice", "Attorney", "Mayor", "Vice", "Sheikh", "King"}

# a capitalised word right before a surname, in the same sentence
_WORD_BEFORE = re.compile(r"(?<![\w.'-])([A-Z][\w.'-]*)\s+$")


@lru_cache(maxsize=1)
def _people() -> tuple[tuple[tuple[str, ...], Optional[str], dt.date, frozenset[str]], ...]:
    """(full forms, surname or None, birth date, the last words of the full forms) for every
    row of data/timex_people.json."""
    out = []
    for row in load_json("timex_people.json")["people"]:
        forms = (row["name"], *row.get("also", ()))
        surname = row["surname"] if "surname" in row else row["name"].split()[-1]
        keys = frozenset(_WORD.findall(f)[-1] for f in forms)
        out.append((forms, surname, dt.date.fromisoformat(row["born"]), keys))
    return tuple(out)


_WORD = re.compile(r"\w+")
# what every age read by :func:`age_clues` is part of: ", 74," after a name, "the 74-year-old"
# before one
_AGE_COMMA = re.compile(r",\s+(?:aged?\s+)?(?P<age>\d\d),(?!\s*\d)")
_AGE_YEAR_OLD = re.compile(r"\b(?P<age>\d\d)-year-old\s+")
_NAME_CHAR = re.compile(r"[\w-]")


def _age_matches(view: str, names: "list[str]") -> "list[tuple[int, int, int, str, int]]":
    """(start, end, where the name starts, the name, the age) for every "Sanders, 74," and
    "the 74-year-old (Sen.) Sanders said" in ``view``, where the name is one of ``names``
    (longest first) standing as a word of its own, left to right and without overlaps.  The
    ages are found first and the names looked for right next to them, so nothing is
    compiled per article."""
    found: list[tuple[int, int, int, str, int]] = []
    for m in _AGE_COMMA.finditer(view):
        p = m.start()
        for n in names:
            s = p - len(n)
            if s >= 0 and view.startswith(n, s) and not (s and _NAME_CHAR.match(view, s - 1)):
                found.append((s, m.end(), s, n, int(m.group("age"))))
                break
    for m in _AGE_YEAR_OLD.finditer(view):
        # "the 69-year-old Clinton", "the 74-year-old Vermont senator Bernie Sanders": up to
        # four lower-case words or titles between, as many as let a name follow
        at = [m.end()]
        while len(at) <= _AGE_BETWEEN_MAX:
            w = _AGE_BETWEEN_WORD.match(view, at[-1])
            if w is None:
                break
            at.append(w.end())
        hit = next(((s, n) for s in reversed(at) for n in names
                    if view.startswith(n, s) and not _NAME_CHAR.match(view, s + len(n))
                    and _AGE_AFTER.match(view, s + len(n))), None)
        if hit is not None:
            s, n = hit
            found.append((m.start(), s + len(n), s, n, int(m.group("age"))))
    found.sort()
    out: list[tuple[int, int, int, str, int]] = []
    for f in found:
        if not out or f[0] >= out[-1][1]:
            out.append(f)
    return out


def age_clues(view: str) -> list["Clue"]:
    """Ages given with the names of people in the birth-date table: "Sanders, 74, said",
    "the 69-year-old Clinton".  A surname alone counts only when the article gives that
    person's full name and no other full name of the table with the same surname, and it
    is not the end of another name ("Chris Paul")."""
    from tidings.timex.conflicts_fit import Clue

    if not _AGE_COMMA.search(view) and not _AGE_YEAR_OLD.search(view):
        return []                           # no ", 74," or "74-year-old" anywhere: no age to read
    words = set(_WORD.findall(view))
    present = [(forms, surname, born) for forms, surname, born, keys in _people()
               if not keys.isdisjoint(words) and any(f in view for f in forms)]
    if not present:
        return []
    by_name: dict[str, tuple[str, dt.date, bool]] = {}
    surnames: dict[str, list[int]] = {}
    for i, (forms, surname, born) in enumerate(present):
        for f in forms:
            by_name[f] = (forms[0], born, False)
        if surname:
            surnames.setdefault(surname, []).append(i)
    for surname, idx in surnames.items():
        if len(idx) == 1 and surname not in by_name:
            forms, _, born = present[idx[0]]
            by_name[surname] = (forms[0], born, True)
    out: list[Clue] = []
    for start, end, name_start, name, age in _age_matches(view, sorted(by_name, key=len, reverse=True)):
        full, born, alone = by_name[name]
        if not 18 <= age <= 105 or _POLL.search(view, max(0, start - 80), end + 40):
            continue
        if alone:
            before = _WORD_BEFORE.search(view, max(0, name_start - 40), name_start)
            if before and before.group(1) not in _TITLE_BEFORE and not before.group(1).endswith("."):
                continue                    # "Chris Paul, 31," is not Rand Paul
        out.append(Clue("age", "none", vstart=start, vend=end, day=age, office=full,
                        terms=((born, born),)))
    return out


# a birthday told with the age: "Donald Trump turns 70 on Tuesday", "As Bill Clinton turns 70",
# "Clinton celebrated his 70th birthday": the writing date lies within days of it (a window
# clue of conflicts_writing: BIRTHDAY_OFF outside the window, which depends on the tense)
_BIRTHDAY_AFTER = re.compile(
    r"(?:,?\s+who)?\s+(?P<verb>turns|turned|will\s+turn|is\s+turning|celebrates|celebrated|marks|marked)\s+"
    r"(?:(?:his|her)\s+)?(?P<age>\d{2,3})(?:st|nd|rd|th)?\b(?:\s+birthday)?"
    r"|['\u2019]s\s+(?P<age2>\d{2,3})(?:st|nd|rd|th)\s+birthday\b")
BIRTHDAY_OFF = 0.05
_TURN_AGE = re.compile(r"\bturn(?:s|ed|ing)?\s+(?:(?:his|her)\s+)?\d\d|\d(?:st|nd|rd|th)\s+birthday")
# days before and after the birthday, by the verb: "turns 70" is news of the days around it,
# "will turn 70" may be told months ahead, "turned 70" in the weeks after
_BIRTHDAY_WINDOWS = {"turns": (14, 3), "celebrates": (14, 3), "marks": (14, 3), "turn": (240, 3), "turning": (240, 3),
                     "turned": (3, 30), "celebrated": (3, 30), "marked": (3, 30), "": (14, 30)}


def birthday_clues(view: str) -> list["Clue"]:
    """A window clue per person of the birth-date table whose birthday the text tells with
    the age it brings ("Sanders turns 75 on Tuesday"); the age must be the one the birth date
    gives on some birthday."""
    from tidings.timex.conflicts_fit import Clue

    if ("turn" not in view and "birthday" not in view) or not _TURN_AGE.search(view):
        return []
    words = set(_WORD.findall(view))
    present = [(forms, surname, born) for forms, surname, born, keys in _people()
               if not keys.isdisjoint(words) and any(f in view for f in forms)]
    names: dict[str, dt.date] = {}
    surnames: dict[str, list[dt.date]] = {}
    for forms, surname, born in present:
        for f in forms:
            names[f] = born
        if surname:
            surnames.setdefault(surname, []).append(born)
    for surname, borns in surnames.items():
        if len(borns) == 1:
            names.setdefault(surname, borns[0])
    out: list[Clue] = []
    for name in sorted(names, key=len, reverse=True):
        at = view.find(name)
        while at >= 0 and len(out) < 2:
            end = at + len(name)
            m = None if (at and _NAME_CHAR.match(view, at - 1)) or _NAME_CHAR.match(view, end) \
                else _BIRTHDAY_AFTER.match(view, end)
            if m is not None:
                age = int(m.group("age") or m.group("age2"))
                born = names[name]
                verb = m.group("verb").split()[-1] if m.group("verb") else ""
                day = birthday(born, born.year + age)
                if 1 <= age <= 110:
                    before, after = _BIRTHDAY_WINDOWS[verb]
                    out.append(Clue("win", "none", vstart=at, vend=m.end(), office=f"{names_of(name, present)}'s {age}th birthday",
                                    terms=((day - dt.timedelta(days=before), day + dt.timedelta(days=after)),),
                                    year=round(BIRTHDAY_OFF * 1000), before=BIRTHDAY_OFF))
                    return out          # one birthday is enough
            at = view.find(name, at + 1)
    return out


def names_of(name: str, present: "list[tuple[tuple[str, ...], Optional[str], dt.date]]") -> str:
    """The full name of the person a name form is of."""
    return next((forms[0] for forms, surname, _ in present if name in forms or name == surname), name)


def _ages(born: dt.date, ords: "np.ndarray") -> "np.ndarray":
    """The age in whole years of someone born on ``born`` at every date ordinal."""
    import numpy as np

    years = (ords - dt.date(1970, 1, 1).toordinal()).astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970
    ys = np.arange(int(years.min()), int(years.max()) + 1)
    birthdays = np.array([birthday(born, int(y)).toordinal() for y in ys])
    return years - born.year - (ords < birthdays[years - ys[0]])


def birthday(born: dt.date, year: int) -> dt.date:
    try:
        return born.replace(year=year)
    except ValueError:                      # 29 February in a common year
        return dt.date(year, 3, 1)


def loglik(c: "Clue", d: dt.date) -> float:
    import numpy as np

    return float(row(c, np.array([d.toordinal()]))[0])


def row(c: "Clue", ords: "np.ndarray") -> "np.ndarray":
    """Log likelihood of a world clue for every date ordinal in ``ords``."""
    import numpy as np

    if c.unit == "cycle":
        return np.where(_cycle_in_season(ords), 0.0, _cycle_off_loglik(c))
    if c.unit == "event":
        from tidings.timex.conflicts_events import event_row

        return event_row(c, ords)
    if c.unit == "term":
        return np.where(ords < c.terms[0][0].toordinal() - TERM_GRACE_DAYS, math.log(TERM_BEFORE), 0.0)
    if c.unit == "season":
        from tidings.timex.conflicts_events import season_row

        return season_row(c, ords)
    if c.unit == "age":
        from tidings.timex.conflicts_deaths import death_days

        died = death_days().get(c.office)   # the dead age no more ("the 18-year-old Michael Brown" in 2016)
        off = np.abs(_ages(c.terms[0][0], ords if died is None else np.minimum(ords, died.toordinal())) - c.day)
        return np.where(off == 0, math.log(AGE_RIGHT), np.where(off == 1, math.log(AGE_OFF_BY_ONE), math.log(AGE_WRONG)))
    raise ValueError(f"not a world clue: {c.unit}")


USE_BIRTHDAYS = True
TERM_BEFORE = 0.02                  # likelihood ratio of a name written before the thing existed
TERM_GRACE_DAYS = 7                 # the name may come a few days before the date of the table


@lru_cache(maxsize=1)
def _terms() -> tuple[tuple[str, re.Pattern[str], dt.date, Optional[tuple[str, ...]], dict], ...]:
    """(thing, pattern, first date, the literals one of which a match must contain or None,
    the table's row)."""
    out = []
    for row in [*load_json("timex_terms.json")["terms"], *load_json("timex_products.json")["terms"]]:
        rx = re.compile(r"(?<![\w#-])(?:" + "|".join(row["patterns"]) + r")(?![\w-])")
        lits = row.get("needs") or [_literal(p) for p in row["patterns"]]
        out.append((row["term"], rx, dt.date.fromisoformat(row["first"]),
                    None if any(x is None for x in lits) else tuple(x for x in lits if x is not None), row))
    return tuple(out)


def _literal(pattern: str) -> Optional[str]:
    """The longest run of plain characters every match of ``pattern`` contains (groups,
    classes, escapes and optional characters left out), or None."""
    s = re.sub(r"\((?:[^()]|\([^()]*\))*\)[?*+]?", " ", pattern)
    s = re.sub(r"\[[^\]]*\][?*+]?", " ", s)
    s = re.sub(r"\\.", " ", s)
    s = re.sub(r".[?*]|[{}+|^$]", " ", s)
    runs = re.findall(r"[A-Za-z0-9#]{3,}", s)
    return max(runs, key=len) if runs else None


@lru_cache(maxsize=1)
def _term_literals() -> tuple["re.Pattern[str]", frozenset[str]]:
    """A pattern finding, at every position, the longest literal of the terms' rows that starts
    there (one trie for all rows, the pre-filter), and the set of literals."""
    from tidings.timex.conflicts_annual import _trie

    lits = frozenset(x for *_, found, _ in _terms() if found for x in found)
    return re.compile("(?=(" + _trie(sorted(lits)) + "))"), lits


def _present(view: str) -> set[str]:
    """The terms' literals that ``view`` contains (each found literal's shorter literal
    prefixes too: the trie gives the longest at a position)."""
    rx, lits = _term_literals()
    found = {m.group(1) for m in rx.finditer(view)}
    for x in list(found):
        found.update(x[:k] for k in range(3, len(x)) if x[:k] in lits)
    return found


def term_clues(view: str, *, found: Optional[list[tuple[dict, re.Pattern[str]]]] = None) -> list["Clue"]:
    """Names of things that did not exist before a date ("the San Bernardino shooting",
    "ISIS", "COVID-19"; data/timex_terms.json), one clue per thing named; the (row,
    pattern) of every row found is appended to ``found``."""
    from tidings.timex.conflicts_fit import Clue

    out = []
    present = _present(view)
    for name, rx, first, lits, row in _terms():
        if lits is not None and present.isdisjoint(lits):
            continue
        m = rx.search(view)
        if m is not None:
            out.append(Clue("term", "none", vstart=m.start(), vend=m.end(), office=name, terms=((first, dt.date.max),)))
            if found is not None:
                found.append((row, rx))
    return out


def world_clues(view: str, parsed: Optional["Doc"] = None, *, taken: Sequence[tuple[int, int]] = ()) -> list["Clue"]:
    """Every world-knowledge clue of ``view`` (titles of office-holders come from
    :func:`~tidings.timex.conflicts_offices.office_clues`); the dated campaign events need the
    parse ``parsed`` of ``view`` for their tense.  A season's phrase inside a span of
    ``taken`` (titles already read) does not count."""
    from tidings.timex.conflicts_events import season_clues

    found: list[tuple[dict, re.Pattern[str]]] = []
    out = cycle_clues(view) + age_clues(view) + season_clues(view, taken=taken) + term_clues(view, found=found) \
        + (birthday_clues(view) if USE_BIRTHDAYS else [])
    if parsed is not None:
        from tidings.timex.conflicts_events import event_clues
        from tidings.timex.conflicts_news import news_clues

        out += event_clues(view, parsed) + news_clues(view, parsed, found)
    return out
