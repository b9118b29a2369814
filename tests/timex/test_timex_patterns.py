"""The tagger alone: what is and is not a time expression (no parse needed)."""
from __future__ import annotations

import pytest

from tests.timex.helpers import texts
from tidings.timex.patterns import find_mentions


@pytest.mark.parametrize("sentence, expected", [
    ("The law passed on May 24, 2008, in Washington.", ["May 24, 2008"]),
    ("Officials may meet again soon.", []),
    ("Protesters will march to the square.", []),
    ("Turnout was 2015 voters in the district.", []),
    ("The Russell 2000 Index fell.", []),
    ("After the Arab Spring, new firms spring up everywhere.", []),
    ("Talks resume in the spring.", ["spring"]),
    ("He served thirty-seven years in prison.", ["thirty-seven years"]),
    ("Shares fell 3% over the weekend.", ["the weekend"]),
    ("He met her two weeks ago.", ["two weeks ago"]),
    ("The vote is on Wednesday, April 6.", ["Wednesday, April 6"]),
])
def test_tagger(sentence, expected):
    assert texts(sentence) == expected


def test_spans_are_offsets_into_the_string():
    s = "Profits rose in the third quarter of 2009 and again last year."
    for m in find_mentions(s):
        assert s[m.start:m.end] == m.text
    assert texts(s) == ["the third quarter of 2009", "last year"]
