"""The aggregate date-conflict check (timex/conflicts_fit.py), each clue kind on a text
written for it, flagged when the claimed date is wrong and not when it is right."""
from __future__ import annotations

import datetime as dt

from tests.timex.helpers import conflicts

CAMPAIGN = ("The senator said on Sept. 14 that the bill was dead. Her office released a longer "
            "statement on Sept. 16, and the committee met again on Sept. 8 to review the budget. "
            "She told reporters on Tuesday that she had not changed her mind.")


def test_past_month_days_all_months_back_are_flagged(time_layer):
    # dated 20 September 2016 the three dates are days back; dated 20 March 2016 they are
    # six months back (and no single one is far enough to be a conflict on its own)
    flags = conflicts(time_layer(CAMPAIGN, "2016-03-20"))
    assert len(flags) == 1
    msg = flags[0].message
    assert "20 March 2016" in msg and "September" in msg and "told as past" in msg
    assert any("Sept. 14" in e.text for e in flags[0].evidence)


def test_past_month_days_just_before_the_date_are_fine(time_layer):
    assert conflicts(time_layer(CAMPAIGN, "2016-09-20")) == []


OFFICES = ("President Barack Obama and Secretary of State John Kerry met the Saudi king at the "
           "White House, the administration said.")


def test_office_holders_out_of_office_at_the_claimed_date(time_layer):
    flags = conflicts(time_layer(OFFICES, "2018-03-01"))
    assert len(flags) == 1
    msg = flags[0].message
    # Obama's term and Kerry's, as the table gives them
    assert "20 January 2009 to 20 January 2017" in msg and "1 February 2013 to 20 January 2017" in msg
    assert {e.text for e in flags[0].evidence} == {"President Barack Obama", "Secretary of State John Kerry"}


def test_office_holders_in_office_are_fine(time_layer):
    assert conflicts(time_layer(OFFICES, "2016-03-01")) == []


def test_former_office_holders_are_no_evidence(time_layer):
    text = ("Former President Barack Obama and former Secretary of State John Kerry met the Saudi king "
            "in New York, their offices said.")
    assert conflicts(time_layer(text, "2018-03-01")) == []


def test_office_table_entries_parse_and_the_example_holds():
    from tidings.data import load_json
    from tidings.timex.conflicts_offices import office_clues

    for row in load_json("timex_offices.json")["offices"]:
        assert row["titles"] and row["names"] and row["terms"]
        for start, end in row["terms"]:
            assert end is None or dt.date.fromisoformat(start) < dt.date.fromisoformat(end)
    clues = office_clues("President Barack Obama said on Tuesday that he would veto it.")
    assert len(clues) == 1 and clues[0].terms[0] == (dt.date(2009, 1, 20), dt.date(2017, 1, 20))
    # a hypothetical or a vice president is not the president
    assert office_clues("a President Trump would scrap the deal") == []
    assert [c.office for c in office_clues("Vice President Joe Biden spoke.")] == \
        ["Vice President of the United States Joe Biden"]


def test_this_years_race_and_an_office_holder_not_yet_in_office(time_layer):
    # "the 2016 race" is mostly written in 2016, and Loretta Lynch became Attorney General
    # in April 2015: an article claiming July 2013 fits neither
    text = ("The 2016 race is already the most expensive in history, Attorney General Loretta Lynch "
            "told a Senate panel on Monday, as she defended the department's budget.")
    assert conflicts(time_layer(text, "2016-07-19")) == []
    flags = conflicts(time_layer(text, "2013-07-19"))
    assert len(flags) == 1
    msg = flags[0].message
    assert "taken together" in msg and "\u201c2016\u201d (no tense)" in msg and "27 April 2015 to" in msg


def test_a_title_after_the_term_is_weak_evidence_before_it_strong(time_layer):
    # "Secretary of State Hillary Clinton" in a 2016 story about 2012 is a retrospective
    # title (Clinton left office in February 2013); in a story claiming 2007 it is an
    # anachronism (she took office in January 2009), and with "President Barack Obama"
    # (January 2009) the two together are a conflict
    text = ("Secretary of State Hillary Clinton approved the plan, and President Barack Obama "
            "signed it, according to the documents released by the committee.")
    assert conflicts(time_layer(text, "2016-05-02")) == []
    flags = conflicts(time_layer(text, "2007-05-02"))
    assert len(flags) == 1 and "21 January 2009 to 1 February 2013" in flags[0].message


def test_an_absurd_claimed_date_does_not_break_the_fit():
    from tidings.timex.conflicts_fit import Clue, fit_dates

    clue = Clue("y", "past", vstart=0, vend=4, year=2016)
    assert fit_dates([clue], dt.date(9999, 12, 31)) is None
    assert fit_dates([], dt.date(2016, 5, 1)) is None
    gain, best, runs = fit_dates([clue], dt.date(2013, 5, 1))   # 2016 told as past in 2013
    assert gain > 0 and best.year >= 2016 and runs


def test_clue_likelihoods_follow_news_habits():
    from tidings.timex.conflicts_fit import Clue, loglik

    def clue(unit: str, tense: str, **kw: int) -> Clue:
        return Clue(unit, tense, vstart=0, vend=1, **kw)

    tuesday = clue("wd", "past", day=1)           # "said Tuesday"
    assert loglik(tuesday, dt.date(2016, 3, 2)) > loglik(tuesday, dt.date(2016, 3, 7))  # Wed vs next Mon
    sept14 = clue("md", "past", month=9, day=14)  # "said on Sept. 14"
    assert loglik(sept14, dt.date(2016, 9, 19)) > loglik(sept14, dt.date(2017, 2, 10))
    assert loglik(sept14, dt.date(2016, 9, 19)) > loglik(sept14, dt.date(2016, 9, 1))  # before it
    ahead = clue("md", "future", month=11, day=8)  # "will vote on Nov. 8"
    assert loglik(ahead, dt.date(2016, 10, 28)) > loglik(ahead, dt.date(2016, 11, 20))
    race = clue("y", "none", year=2016)            # "the 2016 race"
    assert loglik(race, dt.date(2016, 5, 1)) > loglik(race, dt.date(2018, 5, 1)) > loglik(race, dt.date(2013, 5, 1))
    told_past = clue("y", "past", year=2012)       # "won in 2012": any later year fits alike
    assert loglik(told_past, dt.date(2014, 5, 1)) == loglik(told_past, dt.date(2016, 5, 1))
    assert loglik(told_past, dt.date(2010, 5, 1)) < loglik(told_past, dt.date(2014, 5, 1))
