"""Dates told relative to the narrative rather than to publication: "the following day" after
a named day, a month-day in the story of a full date of an earlier year, and the infinitive
of a past attempt.  Texts written for the purpose."""
from __future__ import annotations

import pytest

from tests.timex.helpers import conflicts, texts, value_of

STORY = ("On March 2, 2015, the newspaper revealed that the secretary had used a private account, "
         "and the following day the committee asked for the records. On March 25, the company "
         "that ran the server held a conference call with her staff.")


@pytest.mark.parametrize("sentence, expected", [
    ("She arrived on March 2, and the next day she left.", ["March 2", "the next day"]),
    ("The previous day he had slept.", ["The previous day"]),
    # a stretch, not a day
    ("Over the next day or two, talks will continue.", ["the next day"]),
])
def test_following_day_is_tagged_whole(sentence, expected):
    assert texts(sentence) == expected


def test_the_following_day_is_the_day_after_the_last_one_named(time_layer):
    layer = time_layer("She arrived on March 2, and the following day she left. The previous day "
                       "had been quiet.", "2016-09-07")
    assert value_of(layer, "following day") == ("2016-03-03", "day")
    assert value_of(layer, "previous day") == ("2016-03-02", "day")


def test_over_the_next_day_or_two_is_a_duration(time_layer):
    assert value_of(time_layer("Over the next day or two, talks will continue.", "2016-09-07"),
                    "next day") == ("P1D", None)


def test_a_month_day_in_the_story_of_an_earlier_year_keeps_its_year(time_layer):
    layer = time_layer(STORY, "2016-09-07")
    assert value_of(layer, "March 2, 2015") == ("2015-03-02", "day")
    assert value_of(layer, "following day") == ("2015-03-03", "day")
    assert value_of(layer, "March 25") == ("2015-03-25", "day")
    # and it is no evidence that the article was written in the spring of 2016
    assert conflicts(layer) == []


def test_a_month_day_before_the_full_date_or_far_after_it_is_left_alone(time_layer):
    # a date earlier in the calendar than the full one is not its sequel
    early = time_layer("He was hired on June 14, 2015. On May 3 he won the state's primary.",
                       "2016-09-07")
    assert value_of(early, "May 3") == ("2016-05-03", "day")
    # a birth date decades back sets no narrative year
    born = time_layer("She was born on June 14, 1946. On Aug. 5 she won the primary.", "2016-09-07")
    assert value_of(born, "Aug. 5") == ("2016-08-05", "day")
    # nor does a full date far back in the text
    far = time_layer("On March 2, 2015, the paper ran the story. " + "Officials declined to comment. " * 16
                     + "On March 25, the committee met.", "2016-09-07")
    assert value_of(far, "March 25") == ("2016-03-25", "day")


def test_the_infinitive_of_a_past_attempt_is_past(time_layer):
    layer = time_layer("The senator tried to reach the governor on Monday.", "2016-09-07")
    assert value_of(layer, "Monday") == ("2016-09-05", "day")
    # still ahead when the attempt is going on
    ahead = time_layer("The senator is trying to close the deal by Friday.", "2016-09-07")
    assert value_of(ahead, "Friday") == ("2016-09-09", "day")
