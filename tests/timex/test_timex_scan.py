"""The one-pass scanner finds exactly what scanning with every pattern in turn finds."""
from __future__ import annotations

import random
import re

import pytest

from tidings.timex import patterns as P


def _reference(text: str) -> list[tuple[int, int, str, dict]]:
    """Every pattern's own ``finditer`` over the whole text (the tagger before the scanner)."""
    return [(m.start(), m.end(), name, m.groupdict())
            for name, rx in P._compiled() for m in rx.finditer(text)]


def _scanned(text: str) -> list[tuple[int, int, str, dict]]:
    return [(m.start(), m.end(), name, m.groupdict()) for _, name, m in P._matches(text)]


NEWS = (
    "WASHINGTON, Monday, March 3, 2015 — Officials said on Tuesday that the talks, which began "
    "three weeks ago, may resume in the spring of 2016 or early next year. The ministry's "
    "fiscal 2014 report, released at 10:30 a.m. GMT on 3 March 2015, covered the first "
    "quarter; Q4 2013 figures came out the same day. In the 1990s and '80s, 2,000 people "
    "left. Christmas 2012 was quiet; the weekend before, twice a week, every morning, until "
    "noon. He had served thirty-seven years, a decade in prison, until the day after."
)


def test_scanner_equals_every_pattern_on_news_text():
    found = _scanned(NEWS)
    assert found == _reference(NEWS)
    assert "Monday, March 3, 2015" in [NEWS[s:e] for s, e, name, _ in found if name == "mdy"]


def test_scanner_equals_every_pattern_on_shuffled_phrases():
    # adjacent and overlapping time words in every case, with odd spacing and case-folding
    # characters (Kelvin sign, long s, dotted I) that the case-insensitive patterns match
    words = ("the of on in last next this past early late mid end a one two twenty-one several "
             "3 10 2015 1990s '90s Q1 first half quarter year years month week day days ago "
             "from now earlier later Monday Mon. Friday March May may Sept. 3rd 31 12:30 a.m. "
             "GMT noon today tomorrow tonight morning spring Fall winter weekly every once "
             "twice times per FY same that following Christmas Easter recently future term "
             "\u212a \u017fpring \u0130 , . - ( ) / :").split()
    seps = [" ", " ", ", ", "-", "\n", "  ", "", "'s "]
    rnd = random.Random(3)
    for _ in range(300):
        text = "".join(rnd.choice(words) + rnd.choice(seps) for _ in range(rnd.randint(1, 12)))
        if rnd.random() < 0.3:
            text = text.upper()
        assert _scanned(text) == _reference(text), text


@pytest.mark.parametrize("pattern, flags, sample, other", [
    (r"(?:the\s+)?(?P<d>\d+)\s+days", 0, "the 3 days", "x"),
    (r"(?:(?:last|next)\s+)?(?-i:Monday)", re.I, "Next Monday", "a"),
    (r"\bnoon", re.I, "NOON", "m"),
])
def test_first_chars_holds_every_start_and_not_others(pattern, flags, sample, other):
    first = P.first_chars(pattern, flags)
    assert first is not None
    assert re.match(first, sample, flags)
    assert re.match(pattern, sample, flags)
    assert not re.match(first, other, flags)


def test_first_chars_gives_up_where_it_cannot_tell():
    assert P.first_chars(r"(?:x)?", 0) is None        # can match the empty string
    assert P.first_chars(r"[^a]b", 0) is None         # a negated set
    assert P.first_chars(r".b", 0) is None            # any character
