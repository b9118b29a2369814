"""The title habit (timex/conflicts_offices.py): news written during a US president's term
names him "President ..." nearly always, so an article that names him in full and never
with the title was seldom written then; and party front-runner titles ("GOP frontrunner
Donald Trump", "the Democratic front-runner, Hillary Rodham Clinton") are candidacy titles.
Texts written for the tests."""
from __future__ import annotations

import datetime as dt
import math

from tests.timex.helpers import conflicts

RACE = ("Donald Trump told supporters at a rally in Ohio that he would build a wall on the southern "
        "border, as the Republican primary race moved to the Midwest. Hillary Clinton, campaigning in "
        "Iowa, said his plans would cost jobs. Polls show the race for the White House tightening in "
        "the battleground states.")


def test_a_president_named_in_full_without_the_title_is_a_clue():
    from tidings.timex.conflicts_offices import untitled_clues

    [c] = untitled_clues(RACE)
    assert RACE[c.vstart:c.vend] == "Donald Trump"
    # president-elect from election day, then president: one span
    assert (dt.date(2016, 11, 8), dt.date(2021, 1, 20)) in c.terms


def test_a_title_anywhere_before_a_mention_or_a_namesake_is_no_clue():
    from tidings.timex.conflicts_offices import untitled_clues

    # titled once is enough: "Mr. Trump" later is the same titled man
    assert untitled_clues("President Donald Trump spoke. Later Mr. Trump left, and Donald Trump "
                          "waved.") == []
    assert untitled_clues("The White House said Donald Trump would sign the bill.") == []
    # his son is not the president
    assert untitled_clues("Donald Trump Jr. met the lawyer in June.") == []
    # a surname alone says nothing about the habit
    assert untitled_clues("Trump told the crowd he would win.") == []
    # "President Bush" titles George W. Bush
    assert untitled_clues("George W. Bush flew to Texas, and President Bush spoke there.") == []


def test_the_untitled_clue_weighs_only_inside_a_term():
    from tidings.timex.conflicts_fit import loglik
    from tidings.timex.conflicts_offices import UNTITLED_IN_TERM, untitled_clues

    [c] = untitled_clues(RACE)
    assert loglik(c, dt.date(2018, 5, 10)) == math.log(UNTITLED_IN_TERM)
    assert loglik(c, dt.date(2016, 3, 10)) == 0.0
    # the habit takes a couple of weeks to settle after the election
    assert loglik(c, dt.date(2016, 11, 15)) == 0.0
    assert loglik(c, dt.date(2016, 12, 15)) == math.log(UNTITLED_IN_TERM)


def test_a_2016_race_story_dated_during_the_presidency_is_flagged(time_layer):
    # the race vocabulary alone (three terms off-season) stays under the bar; a candidate
    # never called President tips it
    flags = conflicts(time_layer(RACE, "2018-05-10"))
    assert len(flags) == 1
    assert "never with the title President" in flags[0].message
    assert any(e.text == "Donald Trump" for e in flags[0].evidence)


def test_the_same_story_in_its_season_or_with_the_title_is_not_flagged(time_layer):
    assert conflicts(time_layer(RACE, "2016-03-10")) == []
    titled = RACE.replace("Donald Trump told", "President Donald Trump told")
    assert conflicts(time_layer(titled, "2018-05-10")) == []


def test_party_front_runner_titles_are_candidacy_titles():
    from tidings.timex.conflicts_offices import office_clues

    [c] = office_clues("GOP frontrunner Donald Trump is facing attack ads in Indiana.")
    assert c.office == "Republican presidential candidate Donald Trump"
    assert (dt.date(2015, 6, 16), dt.date(2016, 11, 8)) in c.terms
    text = "Proposals so far from the Democratic front-runner, Hillary Rodham Clinton, would raise taxes."
    [c] = office_clues(text)
    assert c.office.startswith("Democratic presidential candidate")
    assert text[c.vstart:c.vend] == "Democratic front-runner, Hillary Rodham Clinton"
    # a past front-runner is none
    assert office_clues("The former Republican front-runner Donald Trump laughed.") == []


def test_an_event_told_with_a_weekday_on_its_verb_lies_in_the_writing_week(pipeline):
    from tidings.timex.conflicts_events import event_clues

    text = ("The Republican National Convention began the state-by-state roll call vote on Tuesday "
            "that will end with the nomination.")
    [c] = event_clues(text, pipeline.nlp(text))
    assert (c.tense, c.day) == ("past", 6)
    # the weekday belongs to another verb: the caucuses may be long past
    text = "On Tuesday, Cruz recalled winning the Iowa caucuses."
    [c] = event_clues(text, pipeline.nlp(text))
    assert c.day == 0


def test_a_convention_story_dated_months_later_is_flagged(time_layer):
    body = ("The Republican National Convention began the state-by-state roll call vote on Tuesday that "
            "will culminate in delegates formally nominating Donald Trump for president. He will accept "
            "the nomination Thursday.")
    flags = conflicts(time_layer(body, "2016-10-19"))
    assert len(flags) == 1 and "July 2016" in flags[0].message
    assert conflicts(time_layer(body, "2016-07-19")) == []


def test_a_weekday_inside_the_events_name_is_not_a_weekday_of_its_verb(pipeline):
    from tidings.timex.conflicts_events import event_clues

    text = "The Republican field is still crowded, and Super Tuesday will thin it, an adviser said."
    [c] = event_clues(text, pipeline.nlp(text))
    assert c.day == 0


KAINE = ("Hillary Clinton picked Tim Kaine as her running mate, and Donald Trump mocked the choice at a "
         "rally in Ohio. Bernie Sanders urged his delegates to back the ticket.")


def test_candidates_named_in_a_sentence_about_the_race_are_clues():
    from tidings.timex.conflicts_offices import CONTEXT_MAX, context_clues, office_clues

    clues = context_clues(KAINE, office_clues(KAINE))
    assert len(clues) == CONTEXT_MAX == 2       # one race: two people are enough
    assert {KAINE[c.vstart:c.vend] for c in clues} <= {"Hillary Clinton", "Donald Trump", "Bernie Sanders"}
    # the people are taken in the office table's order: Trump's row comes before Clinton's
    clinton = next(c for c in clues if c.office == "Hillary Clinton")
    assert (dt.date(2015, 4, 12), dt.date(2016, 11, 8)) in clinton.terms


def test_no_race_words_or_a_title_make_no_candidate_context_clue():
    from tidings.timex.conflicts_offices import context_clues, office_clues

    text = "Donald Trump bought a golf course in Scotland. The course has 18 holes."
    assert context_clues(text, office_clues(text)) == []
    # the title is the clue then
    text = "Republican presidential candidate Donald Trump told the rally he would win."
    assert [c.unit for c in office_clues(text)] == ["office"]
    assert context_clues(text, office_clues(text)) == []


def test_the_context_clue_weighs_less_before_and_after_the_run():
    from tidings.timex.conflicts_fit import loglik
    from tidings.timex.conflicts_offices import CONTEXT_AFTER, CONTEXT_BEFORE, context_clues, office_clues

    c = next(c for c in context_clues(KAINE, office_clues(KAINE)) if c.office == "Hillary Clinton")
    assert loglik(c, dt.date(2016, 7, 25)) == 0.0
    assert loglik(c, dt.date(2013, 7, 25)) == math.log(CONTEXT_AFTER)      # after the 2008 run
    assert loglik(c, dt.date(2018, 7, 25)) == math.log(CONTEXT_AFTER)
    assert loglik(c, dt.date(2005, 7, 25)) == math.log(CONTEXT_BEFORE)


def test_a_running_mate_story_dated_three_years_early_is_flagged(time_layer):
    # two terms of the race vocabulary alone stay far under the bar; the two candidates tip it
    story = KAINE.replace("in Ohio.", "in Ohio, one of the battleground states.")
    flags = conflicts(time_layer(story, "2013-07-25"))
    assert len(flags) == 1 and "a sentence about the race" in flags[0].message
    assert conflicts(time_layer(story, "2016-07-25")) == []


def test_a_candidate_quitting_the_race_is_an_event_at_the_end_of_his_run():
    from tidings.timex.conflicts_offices import withdrawal_clues

    text = "Florida Sen. Marco Rubio suspended his campaign after losing his home-state primary."
    [c] = withdrawal_clues(text)
    assert (c.unit, c.tense) == ("event", "past")
    assert c.terms == ((dt.date(2016, 3, 15), dt.date(2016, 3, 15)),)
    assert text[c.vstart:c.vend] == "Marco Rubio suspended his campaign"
    # a run that ended on election day was not quit; a name alone is no withdrawal
    assert withdrawal_clues("Donald Trump suspended his campaign.") == []
    assert withdrawal_clues("Marco Rubio campaigned in Florida.") == []


def test_the_withdrawal_weighs_weeks_after_it_far_above_the_year_before():
    from tidings.timex.conflicts_fit import loglik
    from tidings.timex.conflicts_offices import withdrawal_clues

    [c] = withdrawal_clues("Ted Cruz dropped out of the race, his aides said.")
    assert loglik(c, dt.date(2016, 5, 10)) - loglik(c, dt.date(2015, 5, 10)) > 2.0


def test_a_candidate_who_quit_stays_in_the_races_news_until_election_day():
    from tidings.timex.conflicts_fit import loglik
    from tidings.timex.conflicts_offices import context_clues, office_clues

    text = "Jeb Bush's super PAC spent $100 million on the primary campaign and won few delegates."
    [c] = context_clues(text, office_clues(text))
    # Bush quit on 20 February 2016; May 2016 is still the same race, 2018 is a look back
    assert loglik(c, dt.date(2016, 5, 23)) == 0.0
    assert loglik(c, dt.date(2018, 5, 23)) < 0.0
