"""Deaths of widely covered people as clues to the writing date.

An article that names a death ("the late Antonin Scalia", "Scalia's death", "the death of
Prince", "Kobe Bryant, who died in a helicopter crash", "the funeral of Queen Elizabeth
II", "mourning John McCain") was written after it: before the day of death such a phrase is
an anachronism (likelihood ratio DEATH_BEFORE, as a name before the thing it names existed,
:data:`.conflicts_world.TERM_BEFORE`).  Told as recent ("died Saturday", "last week's death
of", "days after the death of", "the recent death of", "fans mourn"), it was written in the
days or weeks after it: the density of an event of the writing week or month of
:func:`.conflicts_events.event_row`, the death its event.  The days of death are the
``died`` field of ``data/timex_people.json`` (world knowledge with a cut-off: 2025).

Names are the table's full forms; a surname alone counts only when the article gives that
person's full name and no other full name of the table with that surname (as the ages of
:func:`.conflicts_world.age_clues`), and not as part of a longer name ("Prince Harry",
"Dale Earnhardt Jr.", "John Lewis Partnership").  A death told as a prospect, a rumour or a
hoax ("if Castro dies", "rumours of Castro's death", "awaiting the Queen's funeral") says
nothing.  One clue per person: the recent telling if there is one.

A person of the table quoted in the writing week ("Scalia said Tuesday", "McCain told
reporters on Monday", "Castro says") was alive then: after the death such a phrase has the
likelihood ratio ALIVE_AFTER (a quote of the dead comes with its date, and a person whose
death the article names gets no such clue).  This second clue is off (USE_ALIVE): it added
nothing on the dev articles.

Names are looked up only around the literals of a death's words and of "said Tuesday"
(:func:`_sites`): nothing is compiled per article, and an article with no such literal costs
a few ``in`` tests.

The clue's ``unit`` is "death"; ``office`` holds the person's name, ``terms`` the day of
death, ``tense`` "past" (the death named) or "future" (told as alive), ``day`` the closeness
in days of a death told as recent (0: not told as recent).
"""
from __future__ import annotations

import datetime as dt
import logging
import math
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from tidings.data import load_json

if TYPE_CHECKING:
    import numpy as np
    from spacy.tokens import Doc

    from tidings.timex.conflicts_fit import Clue

log = logging.getLogger(__name__)

UNIT = "death"
DEATH_BEFORE = 0.02                 # likelihood ratio of a death named before it happened
DEATH_GRACE_DAYS = 1                # the claimed date may be a day early (time zones)

# a person told as alive in the writing week: "Scalia said Tuesday", "McCain told reporters on
# Monday", "Castro says": before the death (a quote of the dead comes with its year or date)
_ALIVE = re.compile(r"\s+(?:(?:said|told\s+(?:reporters|\w+|the\s+\w+)|added|wrote|announced|tweeted)\s+"
                    r"(?:on\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|yesterday|this\s+week)\b"
                    r"(?!,?\s+(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|\d|the\s+\d))"
                    r"|says\b)")
# off: on the study split of bench/eval_misdating.py it caught nothing the deaths named did not
# (its only dev instances were "McCain says" in live blogs), and "Steve Jobs says in the video"
# of a retrospective would read as news of the writing week
USE_ALIVE = False
ALIVE_AFTER = 0.03                  # likelihood ratio of a person told as alive in the writing week after the death
_WORD = re.compile(r"\w+")
_NAME_CHAR = re.compile(r"[\w-]")
# the name goes on ("Prince Harry", "Dale Earnhardt Jr.", "John Lewis Partnership"): another person or thing
_NAME_GOES_ON = re.compile(r"\s+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|"
                           r"Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b)(?:[A-Z][\w'’-]*|\d)|,?\s+(?:Jr|Sr)\b|\s+I{2,3}\b")
# a capitalised word right before a surname or a one-word name ("Crown Prince", "Chris Paul")
_WORD_BEFORE = re.compile(r"(?<![\w.'-])([A-Z][\w.'-]*)\s+$")
_TITLES = frozenset(("Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Senator", "Gov.", "Rep.", "President", "Justice",
                     "Judge", "Secretary", "Speaker", "Leader", "Chancellor", "Minister", "Premier", "Pope",
                     "King", "Queen", "General", "Gen.", "Ambassador", "Chairman", "Mayor", "Rev.", "Reverend",
                     "Coach", "The", "Late", "Former"))

# the words allowed between a death's word and the name: titles and descriptions ("the late
# Supreme Court Justice Antonin Scalia", "the death of music legend Prince"), not a clause
_BETWEEN = (r"(?:(?!(?:and|or|by|to|for|from|with|in|on|at|as|after|before|than|who|which|that|his|her|their)\s)"
            r"[\w.'’-]+\s+){0,5}")
_LATE = re.compile(r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Mm]y)\s+late\s+" + _BETWEEN + r"$")
_NOUNS = r"(?:deaths?|killing|assassination|murder|funeral|passing|burial|memorial\s+service|suicide|slaying)"
_OF = re.compile(r"\b(?P<noun>" + _NOUNS + r")(?P<when>\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|"
                 r"last\s+week|this\s+week))?\s+of\s+(?:the\s+)?" + _BETWEEN + r"$", re.I)
_MOURN = re.compile(r"\b(?P<noun>mourn(?:s|ed|ing)?)\s+(?:the\s+)?" + _BETWEEN + r"$", re.I)
# "Scalia's death", "McCain's sudden passing", "Floyd's killing", "McCain's widow"
# (not "Kobe Bryant's passing game", "O.J. Simpson's murder trial", "bin Laden's killing of
# Americans", "Scalia's death penalty opinions": the person's play, trial or deed)
_ADJ = r"(?:sudden|untimely|recent|tragic|unexpected|shocking|apparent|suspicious|brutal|violent|premature|early|own)"
_POSS = re.compile(r"['’]s?\s+(?P<noun>(?:" + _ADJ + r"\s+)?(?:deaths?|killing|assassination|murder|funeral|burial|"
                   r"memorial\s+service|suicide|slaying|widow|widower|casket|coffin)|" + _ADJ + r"\s+passing)\b"
                   r"(?!\s+(?:penalty|row|toll|threats?|squads?|tax|sentence|warrant|camp|march|knell|spiral|grip|"
                   r"trap|wish|star|metal|panels?|certificate|trials?|case|charges?|conviction|acquittal|plots?|"
                   r"attempts?|spree|suspects?|victims?|bomb\w*|attacks?|missions?|vests?|of)\b)", re.I)
# (not "Nancy Reagan, whose husband died": his death, not hers)
# "Bryant, who died", "Ali died", "Bin Laden was killed", "Castro, 90, died", "Antonin Scalia, the
# longest-serving justice, died Saturday"; "Fidel Castro dies at 90", "Prince dead at 57", "Castro
# has died" (group "now"): news of the days after the death
_VERB = re.compile(r"(?:,\s+(?:\d\d,\s+)?(?:who|whose\s+body)\s+|\s+|,\s+(?:\d\d,\s+)?"
                   r"|,\s+(?:the|a|an|[Ff]ormer|[Ll]ongtime|[Ll]egendary|[A-Z][\w-]*['’]s)\s+"
                   r"(?:(?!said\b|says\b|and\b)[\w'’-]+\s+){0,10}?[\w'’-]+,\s+(?:who\s+)?)"
                   r"(?P<now>(?:has|have)\s+)?(?:had\s+)?"
                   r"(?P<noun>died|passed\s+away|was\s+(?:killed|assassinated|murdered|shot\s+dead|found\s+dead|"
                   r"pronounced\s+dead|shot\s+and\s+killed|executed|hanged|laid\s+to\s+rest|buried)"
                   r"|(?:dies|is\s+dead|dead)(?=,?\s+(?:at\s+(?:age\s+)?\d|aged\s+\d)))\b")
# a death told as a prospect, a rumour or a hoax, a death of someone else ("the death of
# Castro's brother"), a film or a book ("The Death of Stalin")
_NOT_TOLD = re.compile(r"\b(?:until|await\w*|prepar\w*|rumou?r\w*|hoax\w*|fake\w*|false\w*|premature\w*|"
                       r"speculat\w*|fear\w*|eventual|eventually|impending|imminent|looming|possible|"
                       r"plot\w*|plan(?:s|ned|ning)?\b|deny|denied|denies|reports?\s+of|anticipat\w*|contingenc\w*|"
                       r"prospect\w*)\b", re.I)
# case-sensitive but for the sentence-initial forms: "In May, the late ..." is the month and "Will
# Smith said" a name, not a modal
_MODAL = re.compile(r"\b(?:[Ww]ould|will|[Cc]ould|[Mm]ight|may)\b")
_OTHERS = re.compile(r"['’]s?\s+(?!" + _NOUNS + r"|widow|sudden|untimely|recent|tragic|unexpected|shocking|apparent|"
                     r"suspicious|brutal|violent|premature|early|own)", re.I)
_WD = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# after the death's word: "died Saturday", "died on Tuesday night", "died last week", "passed
# away earlier this month" (mean days back); not "died on Saturday, Feb. 13" (a dated narrative)
_RECENT_AFTER = ((re.compile(rf"^\s+(?:(?:early|late)\s+)?(?:on\s+)?(?:(?:early|late)\s+)?(?:{_WD}|yesterday|today|"
                             r"overnight|last\s+night|this\s+morning|this\s+week|last\s+week|earlier\s+this\s+week)\b"
                             rf"(?!,?\s+(?:{_MONTH}\s+\d|\d|the\s+\d))"), 6),
                 (re.compile(r"^\s+(?:earlier\s+)?(?:this|last)\s+month\b"), 20))
# before the death's word: "days after the death of", "last week's death of", "the recent death of"
_RECENT_BEFORE = ((re.compile(r"\b(?:(?:hours|days|a\s+day|the\s+day|two\s+days|three\s+days|a\s+few\s+days)\s+"
                              r"(?:after|since)|last\s+week['’]s|this\s+week['’]s|" + _WD + r"['’]s|yesterday['’]s)"
                              r"\s+(?:the\s+)?(?:\w+\s+)?$", re.I), 6),
                  (re.compile(r"\b(?:weeks\s+(?:after|since)|last\s+month['’]s|this\s+month['’]s)\s+(?:the\s+)?"
                              r"(?:\w+\s+)?$", re.I), 20),
                  (re.compile(r"\b(?:the|his|her)\s+(?:recent|sudden\s+and\s+recent)\s+$", re.I), 30))
# "fans mourn Prince", "the nation is mourning": the present tense of mourning is of the days after
_MOURN_NOW = re.compile(r"\b(?:mourns|mourn|(?:is|are)\s+mourning)\b", re.I)
# "the anniversary of his death", "years after Scalia's death": not recent (but "the 90-year-old
# former president ... died Friday" is an age)
_LONG_AGO = re.compile(r"\b(?:anniversary|years?(?![-\s]old\b)|decades?|months)\b", re.I)


class _Person:
    __slots__ = ("name", "forms", "surname", "died", "keys")

    def __init__(self, row: dict):
        self.name: str = row["name"]
        self.forms: tuple[str, ...] = (row["name"], *row.get("also", ()))
        self.surname: Optional[str] = row["surname"] if "surname" in row else row["name"].split()[-1]
        self.died = dt.date.fromisoformat(row["died"])
        self.keys = frozenset(_WORD.findall(f)[-1] for f in self.forms)


@lru_cache(maxsize=1)
def _dead() -> tuple[_Person, ...]:
    """The people of data/timex_people.json who have died."""
    return tuple(_Person(row) for row in load_json("timex_people.json")["people"] if "died" in row)


@lru_cache(maxsize=1)
def death_days() -> dict[str, dt.date]:
    """The day of death of each dead person of the table, by name (the age clue of
    :mod:`.conflicts_world` stops ages there)."""
    return {p.name: p.died for p in _dead()}


# the literals of a death's words (the pre-filter), and of a person told as alive
_DEATH_LITS = ("he late ", "is late ", "er late ", "ir late ", "ur late ", "y late ", "eath", "died", "killing",
               "Killing", "ssassinat", "uneral", "passing", "Passing", "passed away", "mourn", "Mourn", "murder",
               "Murder", "widow", "was killed", "was shot", "was found", "burial", "uicide", "slaying", " dies", " dead",
               "executed", "hanged", "casket", "coffin")
_ALIVE_LITS = (" said ", " says", " told ")
SITE_REACH = 110                    # characters around a death's word where its person's name is
MAX_SITES = 60
# a word of any script ("Đinđić", not only "Djindjic"): looked up among the names' last words
_CAP_WORD = re.compile(r"(?<!\w)[^\W\d_]\w*")


@lru_cache(maxsize=1)
def _by_key() -> dict[str, tuple[_Person, ...]]:
    """The dead people by the last word of each of their names and of their surname."""
    out: dict[str, list[_Person]] = {}
    for p in _dead():
        keys = set(p.keys) | ({_WORD.findall(p.surname)[-1]} if p.surname else set())
        for k in keys:
            out.setdefault(k, []).append(p)
    return {k: tuple(v) for k, v in out.items()}


def _sites(view: str, *, dead: bool, alive: bool) -> list[tuple[int, int]]:
    """The stretches of ``view`` where a dead person's name may be told with a death's word
    or as alive in the writing week (found by literals: nothing is compiled per article)."""
    out: list[tuple[int, int]] = []
    for lit in (_DEATH_LITS if dead else ()):
        i = view.find(lit)
        while i >= 0 and len(out) < MAX_SITES:
            out.append((max(0, i - SITE_REACH), i + SITE_REACH))
            i = view.find(lit, i + 1)
    for lit in (_ALIVE_LITS if alive else ()):
        i = view.find(lit)
        while i >= 0 and len(out) < 2 * MAX_SITES:
            if _ALIVE.match(view, i):
                out.append((max(0, i - 60), i))
            i = view.find(lit, i + 1)
    return out


def _names(view: str, sites: list[tuple[int, int]]) -> dict[str, tuple[_Person, bool]]:
    """The name forms to look for in ``view``: every full form of a dead person the text
    names near a site, and the surnames of those no other person of the table named in full
    shares (name -> (person, surname alone))."""
    index = _by_key()
    near: dict[str, _Person] = {}
    for lo, hi in sites:
        for w in _CAP_WORD.findall(view, lo, hi):
            for p in index.get(w, ()):
                near[p.name] = p
    present = [p for p in near.values() if any(f in view for f in p.forms)]
    if not present:
        return {}
    out: dict[str, tuple[_Person, bool]] = {}
    for p in present:
        for f in p.forms:
            out[f] = (p, False)
    for p in present:
        if p.surname and p.surname not in out and _full_names(p.surname, view) <= 1 \
                and sum(1 for q in present if q.surname == p.surname) == 1:
            out[p.surname] = (p, True)
    return out


@lru_cache(maxsize=1)
def _by_surname() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The full forms of every person of the table (the living too), by surname."""
    from tidings.timex.conflicts_world import _people

    out: dict[str, list[tuple[str, ...]]] = {}
    for forms, surname, _, _ in _people():
        if surname:
            out.setdefault(surname, []).append(forms)
    return {k: tuple(v) for k, v in out.items()}


def _full_names(surname: str, view: str) -> int:
    """How many people of the table with this surname the text names in full ("Jeb Bush" and
    "George H.W. Bush" keep "Bush" from either)."""
    return sum(1 for forms in _by_surname().get(surname, ()) if any(f in view for f in forms))


def _sentence_start(view: str, at: int) -> int:
    lo = max(view.rfind(". ", 0, at), view.rfind("\n", 0, at), view.rfind("? ", 0, at), view.rfind("! ", 0, at))
    return max(lo + 1, at - 160)


def _recency(view: str, start: int, end: int) -> int:
    """Mean days back to a death told as recent by the words around its word
    ``view[start:end]``, or 0."""
    after = view[end:end + 45]
    for rx, days in _RECENT_AFTER:
        if rx.match(after):
            return days
    before = view[max(0, start - 45):start]
    for rx, days in _RECENT_BEFORE:
        if rx.search(before):
            return days
    return 0


def _told(view: str, s: int, e: int, alone: bool) -> Optional[tuple[int, int, int]]:
    """(start, end, days) of a death named around the name at ``view[s:e]``, or None."""
    if (s and _NAME_CHAR.match(view, s - 1)) or _NAME_CHAR.match(view, e) or _NAME_GOES_ON.match(view, e):
        return None
    if alone or " " not in view[s:e]:
        w = _WORD_BEFORE.search(view, max(0, s - 40), s)
        if w and w.group(1) not in _TITLES and not w.group(1).endswith("."):
            return None                 # "Crown Prince", "Chris Paul"
    before = view[max(0, s - 90):s]
    found: Optional[tuple[int, int]] = None
    mourn = False
    when: Optional[str] = None
    m = _POSS.match(view, e)
    if m is not None:
        found = (m.start("noun"), m.end("noun"))
    elif (m := _VERB.match(view, e)) is not None:
        found = (m.start("noun"), m.end("noun"))
        if m.group("now") or not m.group("noun").startswith(("died", "passed", "was")):
            when = "now"
    elif (m := _LATE.search(before)) is not None:
        off = max(0, s - 90)            # "the late Justice Antonin Scalia('s legacy)": "the late" is the word
        found = (off + m.start(), off + m.start() + len(m.group(0).split()[0]) + len(" late"))
    elif not _OTHERS.match(view, e):
        off = max(0, s - 90)
        if (m := _OF.search(before)) is not None or (m := _MOURN.search(before)) is not None:
            found = (off + m.start("noun"), off + m.end("noun"))
            mourn = m.group("noun").lower().startswith("mourn")
            when = m.groupdict().get("when")
    if found is None:
        return None
    first = min(found[0], s)
    lo = _sentence_start(view, first)
    if _NOT_TOLD.search(view, max(lo, first - 60), first) or _MODAL.search(view, max(lo, first - 30), first):
        return None
    days = 6 if when else _recency(view, *found)      # "the unexpected death Saturday of", "has died"
    if not days and found[0] < s and not mourn:       # "the death of X on Saturday"
        days = next((d for rx, d in _RECENT_AFTER if rx.match(view[e:e + 45])), 0)
    if not days and mourn and _MOURN_NOW.search(view, max(lo, found[0] - 12), found[1]):
        days = 6                        # "fans mourn Prince", "the nation is mourning"
    if days and _LONG_AGO.search(view, max(lo, found[0] - 30), min(len(view), found[1] + 20)):
        days = 0                        # "the anniversary of his death", "two years after the death of"
    return min(found[0], s), max(found[1], e), days


def death_clues(view: str, parsed: Optional["Doc"] = None) -> list["Clue"]:
    """One clue per dead person of the table whose death ``view`` names (told as recent if
    any mention is), and one per dead person it tells as alive in the writing week (none for
    a person whose death it names).  ``parsed`` is not read (the signature of the other
    finders of the fit)."""
    dead = any(lit in view for lit in _DEATH_LITS)
    alive = USE_ALIVE and any(lit in view for lit in _ALIVE_LITS)
    sites = _sites(view, dead=dead, alive=alive) if dead or alive else []
    if not sites:
        return []
    names = _names(view, sites)
    if not names:
        return []
    from tidings.timex.conflicts_fit import Clue

    out: dict[str, "Clue"] = {}
    living: dict[str, "Clue"] = {}
    for name in sorted(names, key=len, reverse=True):
        person, alone = names[name]
        at = view.find(name)
        while at >= 0:
            end = at + len(name)
            hit = _told(view, at, end, alone) if dead else None
            if hit is not None and (_other_named(view, hit[0], at, person, names)
                                    or _other_named(view, end, hit[1], person, names)):
                hit = None              # "Queen Elizabeth, the Queen Mother, died", "the funeral of
                #                         Barbara Bush included George H.W. Bush": another's death
            if hit is not None:
                a, b, days = hit
                seen = out.get(person.name)
                if seen is None or (days and not seen.day):
                    out[person.name] = Clue(UNIT, "past", vstart=a, vend=b, office=person.name, day=days,
                                            terms=((person.died, person.died),))
            elif alive and person.name not in living and _alive(view, at, end, alone):
                m = _ALIVE.match(view, end)
                assert m is not None
                living[person.name] = Clue(UNIT, "future", vstart=at, vend=m.end(), office=person.name, year=1,
                                           terms=((person.died, person.died),))
            at = view.find(name, end)
    return list(out.values()) + [c for name, c in living.items() if name not in out]


def _other_named(view: str, start: int, end: int, person: _Person, names: dict[str, tuple[_Person, bool]]) -> bool:
    """Another person of the table is named in full in ``view[start:end]`` (between a name
    and its death's word: the death is the other's)."""
    return any(q is not person and not alone and name in view[start:end] for name, (q, alone) in names.items())


def _alive(view: str, s: int, e: int, alone: bool) -> bool:
    """The name at ``view[s:e]`` is told as alive in the writing week ("Scalia said Tuesday")."""
    if (s and _NAME_CHAR.match(view, s - 1)) or _NAME_CHAR.match(view, e) or _ALIVE.match(view, e) is None:
        return False
    w = _WORD_BEFORE.search(view, max(0, s - 40), s)
    if w and w.group(1) not in _TITLES and not w.group(1).endswith("."):
        return False                    # "Cindy McCain said Tuesday"
    lo = _sentence_start(view, s)
    return _LATE.search(view, max(0, s - 90), s) is None and _NOT_TOLD.search(view, lo, s) is None


def row(c: "Clue", ords: "np.ndarray") -> "np.ndarray":
    """Log likelihood of a death clue for every date ordinal: an anachronism before the day of
    death; told as recent, the density of the weeks after it (conflicts_events.event_row)."""
    import numpy as np

    died = c.terms[0][0].toordinal()
    if c.tense == "future":             # told as alive
        return np.where(ords > died + DEATH_GRACE_DAYS, math.log(ALIVE_AFTER), 0.0)
    if c.day:
        from tidings.timex.conflicts_events import event_row

        return event_row(c, ords)
    return np.where(ords < died - DEATH_GRACE_DAYS, math.log(DEATH_BEFORE), 0.0)


def loglik(c: "Clue", d: dt.date) -> float:
    import numpy as np

    return float(row(c, np.array([d.toordinal()]))[0])


def describe(c: "Clue", quoted: str) -> str:
    died = c.terms[0][0]
    when = f"{died.day} {died.strftime('%B')} {died.year}"
    if c.tense == "future":
        return f"{quoted} (told as alive in the writing week; {c.office} died {when}: written before it)"
    if c.day:
        return f"{quoted} ({c.office} died {when}; told as recent: written within " \
               f"{'days' if c.day < 10 else 'weeks'} after it)"
    return f"{quoted} ({c.office} died {when}: written after it)"
