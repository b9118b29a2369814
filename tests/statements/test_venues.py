"""The venue table: every entry's example yields its venue through the full matcher."""
from __future__ import annotations

import pytest

from tidings.data import load_json
from tidings.statements.attribute import find_venue

PATTERNS = load_json("statement_venues.json")["patterns"]


@pytest.mark.parametrize("entry", PATTERNS, ids=[p["venue"] for p in PATTERNS])
def test_table_example(entry):
    assert find_venue(entry["example"]["text"]) == entry["example"]["venue"]


def test_no_venue_in_a_plain_sentence():
    assert find_venue("The minister said the talks had failed.") is None


def test_cue_table_example_and_threshold():
    from tidings.statements import rules

    table = load_json("statement_cues.json")
    rates, speech = rules.tables()
    assert "say" in rates and "say" in speech
    assert not set(table["exclude"]) & set(rates)
    for lemma, v in table["learned"].items():
        if lemma in rates and lemma not in speech:
            assert v["rate"] >= table["threshold"] and v["cue"] >= table["min_count"]
