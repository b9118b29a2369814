"""Clues of the election calendar read with tense and closeness (timex/conflicts_events.py),
and seasons named with tense ("this summer"; timex/conflicts_fit.py), each on text written
for it: flagged when the claimed date is wrong, not when it is right."""
from __future__ import annotations

import datetime as dt

from tests.timex.helpers import conflicts


def _event_clues(text: str, nlp) -> list:
    from tidings.timex.conflicts_events import event_clues

    return event_clues(text, nlp(text))


def test_events_table_rows_parse_and_debates_cover_every_cycle():
    from tidings.data import load_json
    from tidings.timex.conflicts_events import _events

    rows = load_json("timex_events.json")["events"]
    assert len(_events()) == len(rows)
    years = {int(d[:4]) for row in rows if "presidential debate" in row["event"] for d in row["dates"]}
    assert set(range(1992, 2025, 4)) <= years          # every cycle 1992-2024, not one year's
    [debates] = [row for row in rows if row["event"].startswith("the party primary debates")]
    assert len(debates["periods"]) == 9 and all(a < b for a, b in debates["periods"])


def test_general_election_debate_told_as_to_come(pipeline):
    from tidings.timex.conflicts_world import loglik

    [c] = _event_clues("Clinton will prepare for the first presidential debate at Hofstra.", pipeline.nlp)
    assert c.office == "the first general-election presidential debate" and c.tense == "future"
    # the weeks before 26 September 2016 fit; a date after it (a plan told after the fact) does not
    assert loglik(c, dt.date(2016, 9, 10)) > loglik(c, dt.date(2016, 11, 20)) + 2.5
    # a party's debate is not the general election's
    assert all(c.office != "the first general-election presidential debate"
               for c in _event_clues("Trump skipped the first Republican presidential debate.", pipeline.nlp))


def test_debate_after_the_fact_is_flagged(time_layer):
    text = ("Donald Trump said on Tuesday that he won the vice-presidential debate for Mike Pence, and his "
            "aides said he would rest ahead of the second presidential debate in St. Louis.")
    flags = conflicts(time_layer(text, "2016-12-05"))
    assert len(flags) == 1 and "second general-election presidential debate, told as still to come" in flags[0].message
    assert conflicts(time_layer(text, "2016-10-05")) == []


def test_party_debates_are_a_period_of_the_cycle(pipeline):
    from tidings.timex.conflicts_world import loglik

    [c] = _event_clues("At the Republican debate, Cruz attacked Rubio on immigration.", pipeline.nlp)
    assert c.office.startswith("the party primary debates") and c.tense == "past"
    # inside the 2015-16 debates any day fits alike; before them a past debate cannot be told
    assert abs(loglik(c, dt.date(2015, 11, 1)) - loglik(c, dt.date(2016, 2, 1))) < 0.3
    assert loglik(c, dt.date(2015, 11, 1)) > loglik(c, dt.date(2015, 6, 1)) + 1.5
    # "the Republican debate over trade" is an argument, not a debate night
    assert _event_clues("The Republican debate over trade divided the party.", pipeline.nlp) == []


def test_state_primaries_every_even_year(pipeline):
    from tidings.timex.conflicts_world import loglik

    # (no word of the presidential race in the sentence: not the 2016 calendar's Indiana row)
    [c] = _event_clues("Smith won the Indiana primary, and Jones left the race.", pipeline.nlp)
    assert c.office.startswith("a state's primary") and c.tense == "past"
    assert loglik(c, dt.date(2016, 5, 10)) > loglik(c, dt.date(2015, 12, 10)) + 1.5
    assert abs(loglik(c, dt.date(2018, 5, 10)) - loglik(c, dt.date(2016, 5, 10))) < 0.01   # any even year


def test_a_weekday_tie_puts_the_event_within_days(pipeline):
    from tidings.timex.conflicts_world import loglik

    [c] = _event_clues("Clinton campaigned in Harlem ahead of Tuesday's New York primary.", pipeline.nlp)
    assert c.day and c.tense == "future"
    [far] = _event_clues("Clinton campaigned in Harlem ahead of the New York primary.", pipeline.nlp)
    assert not far.day
    # a month before any primary season is much less likely when the primary is "Tuesday's"
    d_in, d_out = dt.date(2016, 4, 15), dt.date(2015, 12, 10)
    assert loglik(c, d_in) - loglik(c, d_out) > loglik(far, d_in) - loglik(far, d_out) + 1
    # "this month" gives no direction: a plan word does not make the event still to come
    [c] = _event_clues("Cruz rallied to win the Iowa caucuses this month.", pipeline.nlp)
    assert c.day == 20 and c.tense == "none"


def test_next_months_convention_is_flagged_when_dated_after_it(time_layer):
    text = ("Delegates are packing for next month's Republican National Convention in Cleveland, and Ohio "
            "Gov. John Kasich said on Thursday that he would not attend.")
    flags = conflicts(time_layer(text, "2016-10-16"))
    assert len(flags) == 1 and "within weeks of the writing" in flags[0].message
    assert conflicts(time_layer(text, "2016-06-16")) == []


def test_front_runner_season(pipeline):
    from tidings.timex.conflicts_events import season_clues
    from tidings.timex.conflicts_world import loglik

    [c] = season_clues("The Republican front-runner skipped the forum.")
    assert c.office.startswith("the front-runner season")
    # from after the midterms two years before to mid-June of the election year
    assert loglik(c, dt.date(2015, 3, 1)) == 0.0 == loglik(c, dt.date(2016, 5, 1))
    assert loglik(c, dt.date(2016, 9, 1)) < -1 and loglik(c, dt.date(2018, 9, 1)) < -1
    assert season_clues("The front-runner in the poll was the mayor.") == []


def _season_clues(pipeline, body: str, published: str) -> list:
    from tidings import timex
    from tidings.analysis import Analysis
    from tidings.timex.conflicts_fit import clues_of

    prep = pipeline._prepare({"id": "t", "text": f"Report from the capital\n\n{body}\n", "published": published}, None)
    analysis = Analysis(doc=prep.doc, cleaned=prep.cleaned, parsed=pipeline.nlp(prep.cleaned.view.text))
    return [c for c in clues_of(timex.run(analysis).resolved, analysis.view.text) if c.unit == "sn"]


def test_this_summer_with_tense(pipeline):
    from tidings.timex.conflicts_fit import loglik

    summer, fall = _season_clues(pipeline, "The Senate passed the bill this summer, and the House will vote on it "
                                           "this fall.", "2016-10-01")
    assert (summer.office, summer.month, summer.day) == ("summer", 6, 12)
    assert (fall.office, fall.month, fall.day) == ("fall", 1, 11)
    assert loglik(summer, dt.date(2016, 9, 1)) == 0.0 > loglik(summer, dt.date(2016, 3, 1))
    assert loglik(fall, dt.date(2016, 9, 1)) == 0.0 > loglik(fall, dt.date(2016, 12, 10))
    # "later this spring": the months before or during spring
    [spring] = _season_clues(pipeline, "The agency will publish its rules later this spring.", "2016-02-01")
    assert (spring.month, spring.day) == (11, 5)
    assert loglik(spring, dt.date(2016, 2, 1)) == 0.0 > loglik(spring, dt.date(2016, 7, 1))
    # "last summer" and a bare "in the summer" say nothing about the month of writing
    assert _season_clues(pipeline, "He moved to Ohio last summer and will return in the summer.", "2016-02-01") == []


def test_seasons_with_other_clues_flag_the_wrong_months(time_layer):
    text = ("The council approved the budget on Tuesday and will vote on the new stadium {}. Construction "
            "could begin {}, the mayor said on Wednesday. The first hearing is set for March 3.")
    flags = conflicts(time_layer(text.format("this summer", "later this spring"), "2016-10-14"))
    assert len(flags) == 1 and "this summer" in flags[0].message and "written from January to August" in flags[0].message
    assert conflicts(time_layer(text.format("this summer", "later this spring"), "2016-02-26")) == []
    # without the seasons the other clues are not enough
    assert conflicts(time_layer(text.format("soon", "later"), "2016-10-14")) == []


def test_the_november_election_is_election_day(pipeline):
    from tidings.timex.conflicts_world import loglik

    [c] = _event_clues("Both parties will court suburban women before the November election.", pipeline.nlp)
    assert c.office.startswith("US Election Day") and c.tense == "future"
    # the weeks before 8 November 2016 fit; the weeks after it do not
    assert loglik(c, dt.date(2016, 10, 1)) > loglik(c, dt.date(2016, 12, 1)) + 1.5
    assert _event_clues("The November rains flooded the valley.", pipeline.nlp) == []
