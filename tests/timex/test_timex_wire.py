"""Tagger and values on newspaper phrasing found by the blind wire-news gold
(bench/gold/README.md): sentences written for the purpose, 2024-03-13 a Wednesday."""
from __future__ import annotations

import pytest

from tests.timex.helpers import texts, value_of

WED = "2024-03-13"


@pytest.mark.parametrize("sentence, expected", [
    # a year after "of the" names the year ("the tone of the 2024 race") ...
    ("It reflects the tone of the 2024 race so far.", ["2024"]),
    # ... but a count after "of the" stays a count (the noun after it tells)
    ("Only 40 of the 2024 delegates voted.", []),
    # the newspaper, not the day
    ("Two of them spoke to USA TODAY about the plan.", []),
    ("The board meets today.", ["today"]),
    # a programme's title in quotes is not this week; the same words in a headline are
    ("He said on ABC’s “This Week” that he would run.", []),
    ("Trump To Visit Iowa This Week", ["This Week"]),
    # bare plural units after "for": vague durations
    ("The talks had stalled for months.", ["months"]),
    ("The family has farmed here for decades.", ["decades"]),
    ("They waited for days of talks to end.", []),
    ("The rule was written long ago.", ["long ago"]),
    ("The party will regroup in the weeks ahead.", ["the weeks ahead"]),
    ("Aides expect more in the days and weeks ahead.", ["the days and weeks ahead"]),
    # a vague stretch before "later" is a duration; "that night" is a day the text named
    ("Minutes later, the campaign issued a statement.", ["Minutes"]),
    ("He left; hours earlier he had spoken.", ["hours"]),
    ("They met again on the very day he proposed.", ["the very day"]),
    ("He had a rally scheduled for that night.", ["that night"]),
    ("The minutes of the meeting were published later.", []),
])
def test_tagger_on_newspaper_phrasing(sentence, expected):
    assert texts(sentence) == expected


def test_values_of_vague_durations_and_references(time_layer):
    layer = time_layer("The talks had stalled for months, long ago; the party will regroup in "
                       "the weeks ahead, as it did for decades.", WED)
    assert value_of(layer, "months") == ("PXM", None)
    assert value_of(layer, "decades") == ("PXDE", None)
    assert value_of(layer, "long ago") == ("PAST_REF", None)
    assert value_of(layer, "the weeks ahead") == ("FUTURE_REF", None)


def test_a_year_after_of_the_is_that_year(time_layer):
    layer = time_layer("The deteriorating tone of the 2024 race worries donors.", WED)
    assert value_of(layer, "2024") == ("2024-01-01", "year")


def test_future_auxiliary_with_a_curly_apostrophe_and_after_whether(time_layer):
    # "he’ll" (typographic apostrophe, as most news sites print it) is "he'll"; the future
    # auxiliary wins over "whether", which alone only says "no tense"
    layer = time_layer("Aides face questions about whether he’ll quit before Tuesday’s primary.", WED)
    assert value_of(layer, "Tuesday") == ("2024-03-19", "day")
    layer = time_layer("Aides face questions about whether he quit before Tuesday’s primary.", WED)
    assert value_of(layer, "Tuesday") == ("2024-03-12", "day")


def test_month_far_ahead_under_a_purpose_infinitive_is_the_one_just_gone(time_layer):
    # read in late June: "to fight Zika in February" is the February four months back, not
    # the one eight months ahead (the same six-month rule as for a month and day)
    layer = time_layer("The president asked Congress for $1.9 billion to fight the virus in February.",
                       "2024-06-28")
    assert value_of(layer, "February") == ("2024-02-01", "month")
    # a month two months ahead under the same infinitive stays ahead
    layer = time_layer("The council voted to hold the referendum in August.", "2024-06-28")
    assert value_of(layer, "August") == ("2024-08-01", "month")


def test_super_tuesday_is_the_first_tuesday_of_march(time_layer):
    layer = time_layer("Sanders won four states on Super Tuesday but lost Texas.", "2016-03-04")
    assert value_of(layer, "Super Tuesday") == ("2016-03-01", "day")
    layer = time_layer("Both campaigns are already planning for Super Tuesday.", "2024-01-10")
    assert value_of(layer, "Super Tuesday") == ("2024-03-05", "day")


def test_the_same_period_last_year_is_the_period_just_named_a_year_back(time_layer):
    # business news: the comparison period is the one the sentence has just named
    layer = time_layer("Sales rose 43 percent in February compared with the same period last year.",
                       "2024-03-13")
    assert value_of(layer, "the same period last year") == ("2023-02-01", "month")
    layer = time_layer("Revenue in the third quarter rose 5 percent from the same quarter a year earlier.",
                       "2024-11-20")
    assert value_of(layer, "the same quarter a year earlier") == ("2023-07-01", "quarter")
    # "the same month" after a day: that day's month; "the same week": the week a year back
    layer = time_layer("Exports fell on March 5, after a rise in the same month a year ago.", WED)
    assert value_of(layer, "the same month a year ago") == ("2023-03-01", "month")
    layer = time_layer("Visits in the week ending March 8 were down from the same week last year.", WED)
    assert value_of(layer, "the same week last year") == ("2023-03-06", "week")
    # nothing named before it: last year, and not the month of publication
    layer = time_layer("Profit was up 10 percent on the same period last year.", WED)
    assert value_of(layer, "the same period last year") == ("2023-01-01", "year")


def test_the_same_period_does_not_reach_back_over_paragraphs(time_layer):
    # a date named far earlier is not the period compared with
    filler = "The company has changed a great deal since its founding, its chief said. " * 6
    layer = time_layer("The plant opened in June. " + filler + "\n\nProfit was up 10 percent on the "
                       "same period last year.", WED)
    assert value_of(layer, "the same period last year") == ("2023-01-01", "year")


def test_a_date_inside_a_noun_phrase_under_a_past_verb_may_be_weeks_ahead(time_layer):
    # the past verb dates the intervening, not the primary two weeks on
    layer = time_layer("Finally, with New York's April 19 primary looming, the mayor intervened on Monday.",
                       "2016-04-05")
    assert value_of(layer, "April 19") == ("2016-04-19", "day")
    # a date told as past itself ("met on Jan. 5"), or a noun's date not close ahead, stays past
    layer = time_layer("The two leaders met on April 19 in Geneva.", "2016-04-05")
    assert value_of(layer, "April 19") == ("2015-04-19", "day")
    layer = time_layer("Trump, who won the Nov. 20 straw poll, spoke in Ohio.", "2016-04-05")
    assert value_of(layer, "Nov. 20") == ("2015-11-20", "day")


def test_that_night_is_the_day_just_named(time_layer):
    layer = time_layer("Clinton offered to debate on April 14 in Brooklyn. Sanders said he had a rally "
                       "scheduled for that night.", "2016-04-05")
    assert value_of(layer, "that night") == ("2016-04-14", "day")
    layer = time_layer("Minutes later, the campaign issued a statement.", WED)
    assert value_of(layer, "Minutes") == ("PTXM", None)


def test_a_month_on_a_present_say_has_no_tense(time_layer):
    # the parser hangs "in November" on "say"; a present "say" dates a weekday ("Trump says
    # Monday"), not the month of the election the subject is fighting
    layer = time_layer("Democrats trying to regain control of the Senate in November say they have a "
                       "powerful new weapon.", "2024-06-10")
    assert value_of(layer, "November") == ("2024-11-01", "month")
    layer = time_layer("Officials say the plant closed in March.", "2024-06-10")
    assert value_of(layer, "March") == ("2024-03-01", "month")


def test_numeric_dates_with_a_year(time_layer):
    layer = time_layer("He wrote about the attack on 2/26/2012, and the court filed it on 26/3/2013.", "2016-05-13")
    assert value_of(layer, "2/26/2012") == ("2012-02-26", "day")
    assert value_of(layer, "26/3/2013") == ("2013-03-26", "day")
    # fractions, scores and yearless pairs are not dates
    assert texts("Add 1/4 cup of sugar; they won 3/4 of the seats.") == []
