"""A candidate's presidency told as a prospect, as a clue of the writing date.

"a Trump presidency", "if Clinton wins", "should Donald Trump win the presidency", "until
Donald Trump is elected president", "Donald Trump may become the President": the person is
still running, so the article was mostly written during one of his runs for the White House
(from PROSPECT_GRACE_BEFORE days before it to a few weeks after its cycle's election day: a
run quit early still ends, for the race's news, on election day); seldom before every run
(PROSPECT_BEFORE: speculation about a run) or after one (PROSPECT_AFTER: "a Clinton
presidency would have ..." in a look back).  The runs are the candidacies of the office table
(``data/timex_offices.json``); the name forms are the table's full names and, for "a Trump
presidency", the surname, whose runs are those of every candidate of that surname.

The clue is a window clue of :mod:`.conflicts_writing` (unit ``win``): ratio 1 inside the
windows, ``before`` before the first, ``year / 1000`` after one.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from typing import TYPE_CHECKING

from tidings.timex.conflicts_offices import _candidates_in, _name_matches, _to_cycle_end

if TYPE_CHECKING:
    from tidings.timex.conflicts_fit import Clue

log = logging.getLogger(__name__)

PROSPECT_BEFORE = 0.3
PROSPECT_AFTER = 0.15
PROSPECT_GRACE_BEFORE = 120         # days before a run: "a Clinton presidency" as she prepares one
PROSPECT_GRACE_AFTER = 45           # days after election day ("what a Trump presidency will mean")
# "a Trump presidency", "a possible Clinton White House" (not "a Bush White House official",
# not "an Obama administration official": a real administration's staff)
_A_BEFORE = re.compile(r"\b(?:[Aa]n?|[Aa]ny)\s+(?:(?:potential|possible|hypothetical|future|prospective|would-be)\s+)?$")
_A_AFTER = re.compile(r"\s+(?:presidency|White\s+House(?!\s+(?:aide|official|staff|spokes\w*|press|counsel|"
                      r"correspondent|bid|run|race|hopeful|campaign|lawyer|adviser|advisor|chief|years?)\b))")
# "if Clinton wins", "should Trump win the presidency", "until Donald Trump is elected president"
_IF_BEFORE = re.compile(r"\b(?:[Ii]f|[Ss]hould|[Uu]nless|[Uu]ntil|[Oo]nce|[Ww]hether)\s+$")
_IF_AFTER = re.compile(r"\s+(?:is\s+elected|gets\s+elected|were\s+elected|wins?\b(?!\s+(?:a|an|the)\s+"
                       r"(?:state|primary|caucus|debate|seat|case|award|lawsuit|vote|majority|delegates?)\b))")
# "Donald Trump may become the President", "Clinton could win the White House"
_MAY_AFTER = re.compile(r"\s+(?:may|might|could|would|will)\s+(?:well\s+)?(?:become\s+(?:the\s+)?(?:next\s+)?[Pp]resident\b|"
                        r"win\s+the\s+(?:presidency|White\s+House)\b|be\s+(?:the\s+)?next\s+[Pp]resident\b|be\s+elected\s+[Pp]resident\b)")
# the three shapes, found from their last words back (str.find is far cheaper than a scan of
# the whole text with a pattern that may start at every word)
_SHAPES = (("presidency", re.compile(r"\b(?:[Aa]n?|[Aa]ny)\s+(?:\w+\s+)?[A-Z][\w'-]+\s+$")),
           ("White House", re.compile(r"\b(?:[Aa]n?|[Aa]ny)\s+(?:\w+\s+)?[A-Z][\w'-]+\s+$")),
           (" win", re.compile(r"\b(?:[Ii]f|[Ss]hould|[Uu]nless|[Uu]ntil|[Oo]nce|[Ww]hether)\s+(?:[A-Z][\w.'-]*\s+){0,2}[A-Z][\w.'-]*$"
                               r"|\s(?:may|might|could|would|will)(?:\s+well)?$")),
           (" elected", re.compile(r"\b(?:[Ii]f|[Ss]hould|[Uu]nless|[Uu]ntil|[Oo]nce|[Ww]hether)\s+(?:[A-Z][\w.'-]*\s+){1,3}"
                                   r"(?:is|gets|were|be)$")),
           (" become", re.compile(r"\s(?:may|might|could|would|will)(?:\s+well)?$")),
           (" be the next", re.compile(r"\s(?:may|might|could|would|will)(?:\s+well)?$")))


def _any_prospect(view: str) -> bool:
    """Whether one of the shapes of a prospect is somewhere in ``view``."""
    for word, before in _SHAPES:
        at = view.find(word)
        while at >= 0:
            if before.search(view, max(0, at - 60), at):
                return True
            at = view.find(word, at + 1)
    return False


def prospect_clues(view: str) -> list["Clue"]:
    """One window clue per candidate whose presidency ``view`` tells as a prospect (at most two)."""
    from tidings.timex.conflicts_fit import Clue

    out: list[Clue] = []
    if not _any_prospect(view):
        return out
    rows = _candidates_in(view)
    by_surname: dict[str, list[tuple[tuple[str, ...], str, tuple[tuple[dt.date, dt.date], ...]]]] = {}
    for row in rows:
        for n in row[0]:
            by_surname.setdefault(n.split()[-1], []).append(row)
    for surname, group in by_surname.items():
        if len(out) == 2:
            break
        forms = tuple(sorted({n for row in group for n in row[0]} | {surname}, key=len, reverse=True))
        for s, e in _name_matches(view, forms):
            name = view[s:e]
            before = view[max(0, s - 40):s]
            hit = (_A_BEFORE.search(before) and name == surname and _A_AFTER.match(view, e)) \
                or (_IF_BEFORE.search(before) and _IF_AFTER.match(view, e)) or _MAY_AFTER.match(view, e)
            if not hit:
                continue
            runs = [r for r in group if name in r[0]] or group
            terms = sorted({t for r in runs for t in _to_cycle_end(r[2])})
            windows = tuple((a - dt.timedelta(days=PROSPECT_GRACE_BEFORE),
                             b if b == dt.date.max else b + dt.timedelta(days=PROSPECT_GRACE_AFTER)) for a, b in terms)
            out.append(Clue("win", "none", vstart=s, vend=hit.end() if hasattr(hit, "end") else e,
                            terms=windows, office=f"{runs[0][1]}'s presidency told as a prospect",
                            year=round(PROSPECT_AFTER * 1000), before=PROSPECT_BEFORE))
            break
    return out
