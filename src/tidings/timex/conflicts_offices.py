"""Office-holders and candidates named with their titles, as clues of the writing date
("President Barack Obama" is mostly written during his term, "Republican presidential
candidate Ted Cruz" during his campaign; not "former", not "then-").  The table is
``data/timex_offices.json``; :mod:`.conflicts_fit` weighs the clues
(``OFFICE_IN_TERM``, ``OFFICE_AFTER_TERM``, the grace days).
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from tidings.data import load_json
from tidings.timex.conflicts_fit import OFFICE_GRACE_BEFORE, Clue


@lru_cache(maxsize=1)
def _office_patterns() -> list[tuple[re.Pattern[str], re.Pattern[str], str, list[str],
                                     tuple[tuple[dt.date, dt.date], ...], int, float]]:
    """Per row of the office table: its names (a pattern), the titles that must end right
    before a name (a pattern anchored at the end), and the row's data."""
    out = []
    table = load_json("timex_offices.json")
    for row in table["offices"]:
        # a row's titles are a list, or the name of a list in "title_sets"
        forms = table["title_sets"][row["titles"]] if isinstance(row["titles"], str) else row["titles"]
        titles = "|".join(re.escape(t) for t in sorted(forms, key=len, reverse=True))
        names = "|".join(re.escape(n) for n in sorted(row["names"], key=len, reverse=True))
        terms = tuple((dt.date.fromisoformat(a), dt.date.fromisoformat(b) if b else dt.date.max)
                      for a, b in row["terms"])
        # "Vice President Biden", "vice presidential candidate Pence": not the president's row
        title = re.compile(rf"(?<![\w.-])(?<![Vv]ice )(?<![Vv]ice-)(?:{titles})\s+$")
        name = re.compile(rf"(?<![\w-])(?:{names})(?![\w-])")
        out.append((name, title, row["office"], row["names"], terms,
                    int(row.get("grace_before", OFFICE_GRACE_BEFORE)), float(row.get("before_term", 0.0))))
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
    words = set(_WORD.findall(view))
    by_key = _rows_by_key()
    rows = sorted({i for key in words & by_key.keys() for name, idx in by_key[key] if name in view for i in idx})
    for name_rx, title_rx, office, names, terms, grace, before in (patterns[i] for i in rows):
        for n in name_rx.finditer(view):
            m = title_rx.search(view, max(0, n.start() - _TITLE_REACH), n.start())
            if m is None or _NOT_IN_OFFICE.search(view[max(0, m.start() - 30):m.start()]):
                continue
            out.append(Clue("office", "none", vstart=m.start(), vend=n.end(), terms=terms,
                            office=f"{office} {names[0]}", grace=grace, before=before))
    return out


_WORD = re.compile(r"\w+")
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
