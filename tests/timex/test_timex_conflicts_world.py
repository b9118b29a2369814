"""World-knowledge clues of the aggregate date fit: US presidential candidacies in the office
table and the presidential-race vocabulary (timex/conflicts_world.py), each on a text
written for it, flagged when the claimed date is wrong and not when it is right."""
from __future__ import annotations

import datetime as dt

from tests.timex.helpers import conflicts

CRUZ = ("Republican presidential candidate Ted Cruz told supporters in Des Moines that he would "
        "repeal the health law, as the campaign trail turned to the early voting states.")


def test_a_candidacy_years_before_it_began_is_flagged(time_layer):
    # Cruz ran from March 2015 to May 2016; in mid-2013 nobody called him a presidential
    # candidate, and the race itself was not yet news
    flags = conflicts(time_layer(CRUZ, "2013-06-14"))
    assert len(flags) == 1
    msg = flags[0].message
    assert "23 March 2015 to 3 May 2016" in msg
    assert any(e.text == "Republican presidential candidate Ted Cruz" for e in flags[0].evidence)


def test_a_candidacy_during_the_campaign_is_fine(time_layer):
    assert conflicts(time_layer(CRUZ, "2015-12-14")) == []


def test_candidate_titles_are_matched_with_their_terms():
    from tidings.timex.conflicts_fit import office_clues

    [c] = office_clues("GOP presidential front-runner Donald Trump said on Tuesday.")
    assert c.office == "Republican presidential candidate Donald Trump"
    assert (dt.date(2015, 6, 16), dt.date(2016, 11, 8)) in c.terms and c.grace == 120
    # a surname two candidates share gets the terms of both
    [c] = office_clues("Democratic presidential hopeful Clinton spoke.")
    assert (dt.date(1991, 10, 3), dt.date(1992, 11, 3)) in c.terms
    assert (dt.date(2015, 4, 12), dt.date(2016, 11, 8)) in c.terms


def test_running_mates_and_past_candidates_are_not_presidential_candidates():
    from tidings.timex.conflicts_fit import office_clues

    [c] = office_clues("Republican vice presidential nominee Mike Pence spoke in Ohio.")
    assert c.office.startswith("U.S. vice-presidential running mate")
    assert office_clues("then-Republican presidential candidate Donald Trump") == []
    assert office_clues("failed presidential candidate Mitt Romney") == []


RACE = ("Ten days before the Iowa caucuses, the candidates crossed the state in buses. The Republican "
        "field is still crowded, and Super Tuesday will thin it, an adviser said.")


def test_race_vocabulary_is_one_capped_clue():
    from tidings.timex.conflicts_world import CYCLE_MAX_TERMS, cycle_clues

    [c] = cycle_clues(RACE)
    assert c.day == 3 == CYCLE_MAX_TERMS and RACE[c.vstart:c.vend] == "Iowa caucuses"
    assert cycle_clues("The French presidential election is in April.") == []


def test_race_vocabulary_fits_the_years_before_an_election():
    from tidings.timex.conflicts_world import cycle_clues, loglik

    [c] = cycle_clues(RACE)
    # 10 January 2016: ten months before election day 2016; 10 January 2018: between two
    # presidential elections; 20 November 2020: after the election, before the inauguration
    assert loglik(c, dt.date(2016, 1, 10)) == 0.0
    assert loglik(c, dt.date(2020, 11, 20)) == 0.0
    assert loglik(c, dt.date(2018, 1, 10)) < -3.0


def test_race_vocabulary_alone_never_flags(time_layer):
    # at most three terms count, each a likelihood ratio of 0.35: short of the bar
    assert conflicts(time_layer(RACE, "2018-01-22")) == []
