"""Office-holders and candidates named with their titles, as clues of the writing date
("President Barack Obama" is mostly written during his term, "Republican presidential
candidate Ted Cruz" during his campaign; not "former", not "then-").  The table is
``data/timex_offices.json``; :mod:`.conflicts_fit` weighs the clues
(``OFFICE_IN_TERM``, ``OFFICE_AFTER_TERM``, the grace days).

The same table gives three more clues: a US president (or president-elect) named in full and
never with the title was seldom written about during his term (the title habit,
:func:`untitled_clues`); a presidential candidate named in full in a sentence about the race
was mostly written about during the run (:func:`context_clues`); "Rubio suspended his
campaign" is news of the weeks after the run ended (:func:`withdrawal_clues`, an event clue).
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from tidings.data import load_json
from tidings.timex.conflicts_fit import OFFICE_GRACE_AFTER, OFFICE_GRACE_BEFORE, Clue

if TYPE_CHECKING:
    import numpy as np


@lru_cache(maxsize=1)
def _office_patterns() -> list[tuple[tuple[str, ...], re.Pattern[str], str, list[str],
                                     tuple[tuple[dt.date, dt.date], ...], int, float, tuple[str, ...], int]]:
    """Per row of the office table: its names (longest first), the titles that must end right
    before a name (a pattern anchored at the end), the row's data, the last words of its
    titles and how far back a title can start."""
    out = []
    table = load_json("timex_offices.json")
    for row in table["offices"]:
        # a row's titles are a list, or the name of a list in "title_sets"
        forms = table["title_sets"][row["titles"]] if isinstance(row["titles"], str) else row["titles"]
        # a title opening a sentence or a headline: "Presidential candidate Donald Trump announced"
        forms = list(forms) + [t[0].upper() + t[1:] for t in forms if t[:1].islower()]
        titles = "|".join(re.escape(t) for t in sorted(forms, key=len, reverse=True))
        terms = tuple((dt.date.fromisoformat(a), dt.date.fromisoformat(b) if b else dt.date.max)
                      for a, b in row["terms"])
        # "Vice President Biden", "vice presidential candidate Pence": not the president's row
        # "the Democratic front-runner, Hillary Rodham Clinton": a comma may part them
        title = re.compile(rf"(?<![\w.-])(?<![Vv]ice )(?<![Vv]ice-)(?:{titles}),?\s+$")
        name = tuple(sorted(row["names"], key=len, reverse=True))
        lasts = tuple(sorted({t.split()[-1] for t in forms}))
        reach = min(_TITLE_REACH, max(len(t) for t in forms) + 20)
        out.append((name, title, row["office"], row["names"], terms,
                    int(row.get("grace_before", OFFICE_GRACE_BEFORE)), float(row.get("before_term", 0.0)),
                    lasts, reach))
    return out


# "former President Obama", "a President Trump", "the late Pope John Paul II", "then-Republican
# presidential candidate Trump", "failed presidential candidate Romney": not in office
_NOT_IN_OFFICE = re.compile(r"\b(?:former|ex|late|a|an|future|would-be|next|incoming|onetime|one-time|erstwhile|"
                            r"potential|possible|hypothetical|likely|probable|presumed|expected|eventual|then|first|if|elect|"
                            r"failed|unsuccessful|defeated|losing|two-time|three-time|perennial)[\s-]+"
                            r"(?:U\.S\.\s+|Republican\s+|Democratic\s+|Democrat\s+|GOP\s+)?$"
                            r"|\b(?:19|20)\d\d(?:'s)?\s+$", re.I)     # "2012 Republican nominee Mitt Romney"


def office_clues(view: str) -> list[Clue]:
    """Title-and-name mentions of office-holders in ``view`` (see data/timex_offices.json)."""
    out: list[Clue] = []
    patterns = _office_patterns()
    # only the rows of names the text holds, in the table's order; each name found, then a
    # title right before it (cheaper than a scan of the text for every title)
    words = view_words(view)
    by_key = _rows_by_key()
    rows = sorted({i for key in words if key in by_key for name, idx in by_key[key] if name in view for i in idx})
    for row_names, title_rx, office, names, terms, grace, before, lasts, reach in (patterns[i] for i in rows):
        for s, e in _name_matches(view, row_names):
            # a title ends right before the name, after a space: the word there must end
            # like one of the row's titles (most mentions have no title: no search)
            j = s
            while j > 0 and view[j - 1].isspace():
                j -= 1
            k = j
            while k > 0 and not view[k - 1].isspace():
                k -= 1
            if j == s or not view[k:j].rstrip(",").endswith(lasts):
                continue
            m = title_rx.search(view, max(0, s - reach), s)
            if m is None or _NOT_IN_OFFICE.search(view[max(0, m.start() - 30):m.start()]):
                continue
            out.append(Clue("office", "none", vstart=m.start(), vend=e, terms=terms,
                            office=f"{office} {names[0]}", grace=grace, before=before))
    return out


_WORD = re.compile(r"\w+")


@lru_cache(maxsize=4)
def view_words(view: str) -> frozenset[str]:
    """The words of an article's text, found once for the checks that pick names by them."""
    return frozenset(_WORD.findall(view))
_NAME_EDGE = re.compile(r"[\w-]")


def _name_matches(view: str, names: "tuple[str, ...]") -> list[tuple[int, int]]:
    r"""Every occurrence of one of ``names`` (longest first) standing as a word of its own,
    left to right without overlaps: what ``re.finditer`` of their alternation between
    ``(?<![\w-])`` and ``(?![\w-])`` finds, from plain string searches (an alternation
    scanned over the whole text cost most of this check)."""
    found: list[tuple[int, int, int]] = []
    for rank, name in enumerate(names):
        at = view.find(name)
        while at >= 0:
            end = at + len(name)
            if not (at and _NAME_EDGE.match(view, at - 1)) and not _NAME_EDGE.match(view, end):
                found.append((at, rank, end))
            at = view.find(name, at + 1)
    found.sort()
    out: list[tuple[int, int]] = []
    last = 0
    for at, _, end in found:
        if at >= last:
            out.append((at, end))
            last = end
    return out
_TITLE_REACH = 120                  # characters before a name that a title may start


@lru_cache(maxsize=1)
def _rows_by_name() -> dict[str, tuple[str, tuple[int, ...]]]:
    """Each office-holder's name → (its last word, the rows of the office table that name them)."""
    out: dict[str, list[int]] = {}
    for i, row in enumerate(load_json("timex_offices.json")["offices"]):
        for n in row["names"]:
            out.setdefault(n, []).append(i)
    return {n: (_WORD.findall(n)[-1], tuple(v)) for n, v in out.items()}


@lru_cache(maxsize=1)
def _rows_by_key() -> dict[str, tuple[tuple[str, tuple[int, ...]], ...]]:
    """The same, grouped by the name's last word: an article's words pick the few names to
    look for, instead of every name of the table being tried on every article."""
    out: dict[str, list[tuple[str, tuple[int, ...]]]] = {}
    for name, (key, idx) in _rows_by_name().items():
        out.setdefault(key, []).append((name, idx))
    return {k: tuple(v) for k, v in out.items()}


# ---------------------------------------------------------------------------------------
# The title habit: news of a US president's term names him with the title ("President
# Barack Obama", "President Trump") nearly always, so an article that names him in full
# and never with the title was seldom written during his term.  Measured on the articles of
# bench/eval_misdating.py that name him in full: during Obama's term 42 of 132 PolNeAR
# articles never titled him; during Trump's first term 2 of 12 pages of other news; outside
# a term nearly every article leaves the title out (911 of 917 PolNeAR articles of 2015-16
# naming Donald Trump).  So the clue weighs UNTITLED_IN_TERM inside a term, 1 outside.
TITLED_OFFICES = ("President of the United States", "U.S. President-elect")
UNTITLED_IN_TERM = 0.3
UNTITLED_SETTLE_DAYS = 14           # days into a term before the habit holds
# a title or a mention of the office within this many characters before a mention
_TITLE_NEAR = 40
_TITLED = re.compile(r"\b(?:[Pp]resident(?:-elect)?|POTUS|White House|commander[- ]in[- ]chief)\b")
_SUFFIX = re.compile(r"\s*(?:Jr\b|Sr\b|,\s*Jr\b|,\s*Sr\b|II\b|III\b)")


@lru_cache(maxsize=1)
def _titled_rows() -> tuple[tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[dt.date, dt.date], ...]], ...]:
    """(full names, every name form with the surname, terms) per person of TITLED_OFFICES:
    the terms of the rows that name him in full (president and president-elect) together."""
    people: dict[str, tuple[set[str], set[str], set[tuple[dt.date, dt.date]]]] = {}
    for row in load_json("timex_offices.json")["offices"]:
        full = [n for n in row["names"] if " " in n]
        if row["office"] not in TITLED_OFFICES or not full:
            continue
        key = min(full, key=len)
        names, forms, terms = people.setdefault(key, (set(), set(), set()))
        names.update(full)
        forms.update(row["names"])
        forms.update(n.split()[-1] for n in full)          # "President Bush" titles George W. Bush
        terms.update((dt.date.fromisoformat(a), dt.date.fromisoformat(b) if b else dt.date.max)
                     for a, b in row["terms"])
    return tuple((tuple(sorted(names, key=len, reverse=True)), tuple(sorted(forms, key=len, reverse=True)),
                  _joined(sorted(terms))) for names, forms, terms in people.values())


def _joined(terms: list[tuple[dt.date, dt.date]]) -> tuple[tuple[dt.date, dt.date], ...]:
    """Terms that touch made one (president-elect, then president)."""
    out: list[tuple[dt.date, dt.date]] = []
    for a, b in terms:
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return tuple(out)


def untitled_clues(view: str) -> list[Clue]:
    """A clue per president of TITLED_OFFICES named in full ("Donald Trump", not "Donald
    Trump Jr.") whose mentions are never near a title ("President", "the White House"): the
    article was seldom written during his term.  ``terms`` holds the terms, ``office`` the name."""
    out: list[Clue] = []
    for full, forms, terms in _titled_rows():
        first = None
        for s, e in _name_matches(view, full):
            if not _SUFFIX.match(view, e):
                first = (s, e)
                break
        if first is None:
            continue
        if any(_TITLED.search(view, max(0, s - _TITLE_NEAR), s) for s, _ in _name_matches(view, forms)):
            continue
        out.append(Clue("untitled", "none", vstart=first[0], vend=first[1], terms=terms, office=full[0]))
    return out


# ---------------------------------------------------------------------------------------
# A presidential candidate named in full in a sentence about the race ("Hillary Clinton's
# selection of Tim Kaine as her running mate", "Donald Trump told the rally") with no title:
# the article was most likely written during the candidacy (less 120 days: the run-up; a run
# quit early lasts to its cycle's election day, as the race's news still names him), now and
# then before it (speculation about a run) or after it (a look back).  One clue per person,
# CONTEXT_MAX people at most (they tell of one race together).
CANDIDATE_OFFICES = ("Republican presidential candidate", "Democratic presidential candidate",
                     "U.S. independent or third-party presidential candidate")
CONTEXT_BEFORE = 0.25               # likelihood ratio before every candidacy (a guess: no
                                    # article of the dev data is from before a run)
CONTEXT_AFTER = 0.3                 # and after one
CONTEXT_GRACE_BEFORE = 120
CONTEXT_MAX = 2
CONTEXT_MENTIONS = 4                # a person's first mentions looked at
_RACE_WORDS = re.compile(
    r"\b(?:campaign(?:s|ed|ing)?|nominee|nomination|primar(?:y|ies)|caucus(?:es)?|delegates?|running mate|"
    r"rall(?:y|ies)|debates?|front-?runner|rivals?|candidates?|candidacy|opponents?|(?:run|running|ran|bid) for (?:the )?(?:White House|presidency|president)|"
    r"presidential (?:bid|run|race|campaign|contest))\b")


@lru_cache(maxsize=1)
def _candidate_rows() -> tuple[tuple[tuple[str, ...], str, tuple[tuple[dt.date, dt.date], ...]], ...]:
    """(full names, office, terms) per person of CANDIDATE_OFFICES, the terms of all rows joined."""
    people: dict[str, tuple[set[str], set[tuple[dt.date, dt.date]]]] = {}
    for row in load_json("timex_offices.json")["offices"]:
        full = [n for n in row["names"] if " " in n]
        if row["office"] not in CANDIDATE_OFFICES or not full:
            continue
        names, terms = people.setdefault(min(full, key=len), (set(), set()))
        names.update(full)
        terms.update((dt.date.fromisoformat(a), dt.date.fromisoformat(b) if b else dt.date.max)
                     for a, b in row["terms"])
    return tuple((tuple(sorted(n, key=len, reverse=True)), key, _joined(sorted(t)))
                 for key, (n, t) in people.items())


@lru_cache(maxsize=1)
def _candidates_by_surname() -> dict[str, tuple[int, ...]]:
    out: dict[str, list[int]] = {}
    for i, (names, _, _) in enumerate(_candidate_rows()):
        for last in {n.split()[-1] for n in names}:
            out.setdefault(last, []).append(i)
    return {k: tuple(v) for k, v in out.items()}


def _candidates_in(view: str) -> list[tuple[tuple[str, ...], str, tuple[tuple[dt.date, dt.date], ...]]]:
    """The rows of _candidate_rows whose surname is a word of ``view``, in the table's order."""
    by = _candidates_by_surname()
    rows = _candidate_rows()
    return [rows[i] for i in sorted({i for w in view_words(view) & by.keys() for i in by[w]})]


def context_clues(view: str, offices: "list[Clue]") -> list[Clue]:
    """Candidates named in full in a sentence with the race's words, and never with a title
    (a title is the stronger clue, :func:`office_clues`)."""
    out: list[Clue] = []
    titled = " ".join(c.office for c in offices)
    for names, key, terms in _candidates_in(view):
        if len(out) == CONTEXT_MAX:
            break
        if key in titled:
            continue
        for s, e in _name_matches(view, names)[:CONTEXT_MENTIONS]:
            if _SUFFIX.match(view, e):
                continue
            if _RACE_WORDS.search(view, *_sentence(view, s, e)):
                out.append(Clue("context", "none", vstart=s, vend=e, terms=_to_cycle_end(terms), office=key,
                                grace=CONTEXT_GRACE_BEFORE))
                break
    return out


def _to_cycle_end(terms: tuple[tuple[dt.date, dt.date], ...]) -> tuple[tuple[dt.date, dt.date], ...]:
    """A run that ended early ends, for the race's news, on its cycle's election day: a
    candidate who quit in February is still in the race's stories until November."""
    out = []
    for a, b in terms:
        if b != dt.date.max:
            year = b.year + (-b.year) % 4
            nov = dt.date(year, 11, 2)
            day = nov + dt.timedelta(days=(1 - nov.weekday()) % 7)      # first Tuesday after Nov. 1
            b = max(b, day) if day >= b else b
        out.append((a, b))
    return _joined(sorted(out))


def _sentence(view: str, s: int, e: int) -> tuple[int, int]:
    """The bounds of the sentence around ``view[s:e]`` (at most 300 characters either side)."""
    lo = max(0, s - 300)
    a = max(view.rfind(". ", lo, s), view.rfind("? ", lo, s), view.rfind("! ", lo, s), view.rfind("\n", lo, s))
    hi = min(len(view), e + 300)
    ends = [i for i in (view.find(". ", e, hi), view.find("? ", e, hi), view.find("! ", e, hi), view.find("\n", e, hi)) if i >= 0]
    return (a + 1 if a >= 0 else lo), (min(ends) if ends else hi)


# ---------------------------------------------------------------------------------------
# "Marco Rubio suspended his campaign", "Cruz dropped out of the race": a candidate's
# withdrawal is news in the weeks after the day his candidacy ended (the end of a term in the
# table that is not an election day), told as past: an event clue of conflicts_events.
_QUIT = re.compile(r"\s+(?:(?:has|had)\s+)?(?:suspended|ended|dropped|quit|abandoned|withdrew|exited)\b"
                   r"(?:\s+(?:his|her)\s+(?:presidential\s+)?(?:campaign|bid|candidacy)|\s+out\b|\s+(?:from\s+)?the\s+race)")


_QUIT_WORDS = ("suspended", "ended", "dropped", "quit", "abandoned", "withdrew", "exited")


def withdrawal_clues(view: str) -> list[Clue]:
    """An event clue per candidate of CANDIDATE_OFFICES told as having quit the race right
    after his name; its occurrences are the ends of his candidacies that are not election
    days (every fourth 20 January less the 75 days of a transition, roughly)."""
    out: list[Clue] = []
    if not any(w in view for w in _QUIT_WORDS):
        return out
    for names, key, terms in _candidates_in(view):
        if not any(n in view for n in names):
            continue
        forms = names + tuple({n.split()[-1] for n in names})
        quits = tuple((b, b) for a, b in terms if b != dt.date.max and not _is_election_day(b))
        if not quits:
            continue
        for s, e in _name_matches(view, tuple(sorted(forms, key=len, reverse=True))):
            if _QUIT.match(view, e):
                out.append(Clue("event", "past", vstart=s, vend=_QUIT.match(view, e).end(), terms=quits,
                                office=f"{key} quitting the race"))
                break
    return out


def _is_election_day(d: dt.date) -> bool:
    """The first Tuesday after the first Monday of November of a year divisible by four."""
    if d.month != 11 or d.year % 4 or d.weekday() != 1:
        return False
    return 2 <= d.day <= 8


def habit_ratio(c: Clue, ords: "np.ndarray | int") -> "np.ndarray":
    """The likelihood ratio of an untitled president (UNTITLED_IN_TERM well inside a term, 1
    elsewhere) or of a candidate named in the race's words (1 during the run, CONTEXT_BEFORE
    before every run, CONTEXT_AFTER after one), for every date ordinal in ``ords``."""
    import numpy as np

    ords = np.asarray(ords)
    if c.unit == "context":
        during = np.zeros(ords.shape, dtype=bool)
        for a, b in c.terms:
            hi = dt.date.max.toordinal() if b == dt.date.max else b.toordinal() + OFFICE_GRACE_AFTER
            during |= (ords >= a.toordinal() - c.grace) & (ords <= hi)
        before = ords < min(a.toordinal() for a, _ in c.terms) - c.grace
        return np.where(during, 1.0, np.where(before, CONTEXT_BEFORE, CONTEXT_AFTER))
    inside = np.zeros(ords.shape, dtype=bool)
    for a, b in c.terms:
        hi = dt.date.max.toordinal() if b == dt.date.max else b.toordinal()
        inside |= (ords >= a.toordinal() + UNTITLED_SETTLE_DAYS) & (ords <= hi)
    return np.where(inside, UNTITLED_IN_TERM, 1.0)


def describe(c: Clue, quoted: str) -> str:
    """The flag's words for an untitled-president or a candidate-context clue."""
    def when(a: dt.date, b: dt.date) -> str:
        return f"{a.day} {a.strftime('%B')} {a.year} to " + ("now" if b == dt.date.max else f"{b.day} {b.strftime('%B')} {b.year}")
    spans = "; ".join(when(a, b) for a, b in c.terms)
    if c.unit == "context":
        return f"{quoted} (named in a sentence about the race; a presidential candidate {spans})"
    return f"{quoted} (named in full and never with the title President, seldom done during his terms: {spans})"
