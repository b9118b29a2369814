"""Parts of the time clues of the aggregate fit (:mod:`.conflicts_fit`, whose ``_time_clue``
makes one clue of a time expression): the tense a month-day clue takes (a day under "ahead
of" in a past sentence, or under "after" in a plan, has none of its own: ``_md_tense``), the
week words ("over the weekend", "earlier this week", "next week": the writing weekdays they
fit, from counts on the dev sample) and "this summer" (the months in which it fits, by its
tense and by "earlier"/"later": ``_season_clue``).  The densities that weigh month-days,
months, years and weekdays are the fit's own.
"""
from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from tidings.timex import TimeMention
    from tidings.timex.conflicts_fit import Clue

# a week named relative to the writing ("over the weekend", "earlier this week", "next week"):
# the writing weekday it fits, from counts on the dev sample (PolNeAR 0-399 and other news half
# A, 474 articles) by writing weekday, Monday first: "over the weekend" is Monday's news,
# "earlier this week" seldom written on Monday or Tuesday, "next week" late in the week.  The
# likelihood is the share of the expression's articles on that weekday over the share of all
# articles (_WK_ALL; fewer are written at weekends), both smoothed by WK_PRIOR articles a day
_WK_ALL = (78, 92, 101, 77, 65, 31, 30)
_WK_COUNTS = {"weekend past": (6, 3, 1, 0, 0, 0, 1),        # "over the weekend", "this past weekend" (past)
              "this week past": (4, 2, 6, 9, 8, 3, 4),      # "said this week"
              "earlier this week": (0, 0, 2, 3, 4, 0, 2),
              "next week": (0, 2, 3, 7, 7, 2, 1)}
WK_PRIOR = 2


def _wk_loglik(key: str, weekday: int) -> float:
    n, base = _WK_COUNTS[key], _WK_ALL
    p = (n[weekday] + WK_PRIOR) / (sum(n) + 7 * WK_PRIOR)
    q = (base[weekday] + WK_PRIOR) / (sum(base) + 7 * WK_PRIOR)
    return math.log(p / q)


def _week_key(it: "TimeMention", tense: str) -> Optional[str]:
    """Which of the week expressions of _WK_COUNTS ``it`` is, if any."""
    m = it.mention
    rel = " ".join((m.g("rel") or "").lower().split())
    mod = " ".join((m.g("mod") or "").lower().split())
    if m.kind == "weekend":
        return "weekend past" if rel in ("the", "past", "this past") and tense == "past" else None
    if m.kind != "rperiod" or (m.g("unit") or "").lower() != "week":
        return None
    if rel == "this" and mod == "earlier":
        return "earlier this week"
    if rel == "this" and not mod and tense == "past":
        return "this week past"
    return "next week" if rel == "next" and not mod else None


# a month-day inside a noun phrase that a preposition of looking ahead governs ("campaigned in
# California ahead of the state's June 7 primary", "the nominee for the Nov. 8 election"): the past
# verb is the sentence's, not the day's, which is mostly still to come (dev sample: 7 of the 29
# past month-days not attached to their verb lay after the writing date, 2 of the 32 attached)
_AHEAD_OF = re.compile(r"\b(?:ahead\s+of|before|in\s+anticipation\s+of|looking\s+(?:to|ahead\s+to)|leading\s+up\s+to|"
                       r"run-?up\s+to|until|toward|towards|awaiting|await)\s+(?:the\s+|a\s+|this\s+|next\s+)?"
                       r"(?:[\w.’'-]+(?:’s|'s)?\s+){0,3}$", re.I)
# ... and one of looking back under an infinitive or modal ("was trying to ask a question after a
# March 8 appearance", "is likely to face questions about Trump's July 25 call"): the plan is
# ahead, the day it names mostly past (dev sample: 5 of the 13 such days lay before the writing)
_BACK_FROM = re.compile(r"\b(?:after|since|following|about|over|of|from|as\s+of)\s+(?:the\s+|a\s+|an\s+|this\s+|last\s+)?"
                        r"(?:[\w.’'-]+(?:’s|'s)?\s+){0,3}$", re.I)


def _md_tense(it: "TimeMention", tense: str, view: str) -> str:
    """The clue tense of a month-day: "none" when the tense is its verb's but not the day's -
    a day in a noun phrase under a preposition of looking ahead told in a past sentence, or
    of looking back under an infinitive or modal."""
    if it.direct or it.vstart is None:
        return tense
    before = view[max(0, it.vstart - 60):it.vstart]
    if tense == "past" and it.tense == "past" and _AHEAD_OF.search(before):
        return "none"
    if it.tense == "prospective" and _BACK_FROM.search(before) and not _AHEAD_OF.search(before):
        return "none"
    return tense


# "this summer": the months of each season (northern hemisphere; winter runs over the new year)
_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
SEASON_OFF = 0.2                    # likelihood ratio of "this summer" told against its tense
_SEASON_MOD = re.compile(r"\b(earlier|later|early|late)\s+$", re.I)


def _season_clue(it: "TimeMention", tense: str, view: str) -> Optional[Clue]:
    """"this summer" told as past is written from June on, as to come up to August; "later
    this spring" in the few months before or during spring, "earlier this fall" during it or
    just after.  ``month``/``day`` hold the months in which it fits (first, last)."""
    from tidings.timex.conflicts_fit import Clue

    rel = " ".join((it.mention.g("rel") or "").lower().split())
    months = _SEASON_MONTHS.get((it.mention.g("season") or "").lower())
    if rel != "this" or it.mention.g("year") or months is None:
        return None
    s0, s1 = months
    assert it.vstart is not None and it.vend is not None
    mod = _SEASON_MOD.search(view[max(0, it.vstart - 10):it.vstart])
    word = mod.group(1).lower() if mod else ""
    if word == "later":
        fit = ((s0 - 4 - 1) % 12 + 1, s1)
    elif word == "earlier":
        fit = (s0, s1 % 12 + 1)
    elif tense == "past":
        fit = (s0, 12) if s0 < s1 else (12, 4)
    elif tense == "future":
        fit = (1, s1) if s0 < s1 else (9, 2)
    else:
        return None
    return Clue("sn", tense, month=fit[0], day=fit[1], vstart=it.vstart, vend=it.vend, it=it,
                office=f"{(it.mention.g('season') or '').lower()} {word}".strip())
