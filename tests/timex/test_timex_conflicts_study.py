"""Clues found by reading misdating misses on a study split of PolNeAR (timex/conflicts_posts.py,
conflicts_campaign.py, the full dates of conflicts_writing.py, the event rows and closeness of
conflicts_events.py), each on text written for it: the clue moves the fit towards the right
writing date, and a correctly dated text is not flagged."""
from __future__ import annotations

import datetime as dt

from tests.timex.helpers import conflicts


# --- embedded tweets dated by their status ids ------------------------------------------------

def test_a_snowflake_status_id_decodes_to_its_posting_day():
    from tidings.timex.conflicts_posts import tweet_date, tweet_posts

    # (id >> 22) + 1288834974657 ms: 1 January 2016 00:00:00 UTC is 1451606400000 ms
    sid = (1451606400000 - 1288834974657) << 22
    assert tweet_date(sid) == dt.date(2016, 1, 1)
    assert tweet_date(sid + (86400000 << 22)) == dt.date(2016, 1, 2)
    assert tweet_date(20) is None                      # an id from before the snowflake scheme
    text = f'The governor answered. <tweet tweet-id="{sid}"><tweet/> Later https://twitter.com/gov/status/{sid + (86400000 << 22) * 3}'
    assert [d for d, _, _ in tweet_posts(text)] == [dt.date(2016, 1, 1), dt.date(2016, 1, 4)]
    assert tweet_posts("A status update of 2016 with no id.") == []


def test_an_embedded_tweet_after_the_claimed_date_is_flagged(time_layer):
    sid = (dt.datetime(2016, 3, 9, 15, tzinfo=dt.timezone.utc).timestamp() * 1000 - 1288834974657)
    body = (f"The senator answered his critics on social media. <tweet tweet-id=\"{int(sid) << 22}\"><tweet/>. "
            "His office said he would say more later.")
    [flag] = conflicts(time_layer(body, "2015-09-09"))
    assert "embeds a post dated 9 March 2016" in flag.message
    assert conflicts(time_layer(body, "2016-03-10")) == []


# --- event names in title case, and "days before" an event --------------------------------------

def _event_clues(text: str, nlp) -> list:
    from tidings.timex.conflicts_events import event_clues

    return event_clues(text, nlp(text))


def test_title_case_primary_and_caucus_are_the_events(pipeline):
    [c] = _event_clues("Indiana's GOP Primary Will Be A Battle Between Two Candidates.", pipeline.nlp)
    assert c.office.startswith("a state's primary")
    [c] = _event_clues("Volunteers knocked on doors in the final hours before the Iowa Caucus.", pipeline.nlp)
    assert c.office == "the Iowa caucuses"
    [c] = _event_clues("Turnout was high in the Puerto Rico primary on Sunday.", pipeline.nlp)
    assert c.office.startswith("a state's primary")


def test_days_before_an_event_to_come_ties_it_to_the_writing_week(pipeline):
    from tidings.timex.conflicts_world import loglik

    [near] = _event_clues("Only days before the Republican Convention in Cleveland, a new poll shows the "
                          "candidate ahead.", pipeline.nlp)
    assert near.day == 6 and near.tense == "future"
    [far] = _event_clues("Before the Republican Convention in Cleveland, a new poll shows the candidate ahead.",
                         pipeline.nlp)
    assert not far.day
    # the 2016 convention opened on 18 July: a week before it against two months before it
    d_in, d_out = dt.date(2016, 7, 12), dt.date(2016, 5, 14)
    assert loglik(near, d_in) - loglik(near, d_out) > loglik(far, d_in) - loglik(far, d_out) + 1.5
    # told in a past narrative: not news of the writing week
    [past] = _event_clues("The campaign fired its manager days before the Republican Convention.", pipeline.nlp)
    assert not past.day
    # "the night before" is mostly a narrative's ("declared her the nominee the night before the
    # California primary"), whatever the parse says of its verb
    [night] = _event_clues("The count gave her enough delegates the night before the Republican Convention.",
                           pipeline.nlp)
    assert not night.day


def test_the_remaining_primaries_are_a_season_of_election_years():
    from tidings.timex.conflicts_events import season_clues
    from tidings.timex.conflicts_world import loglik

    [c] = season_clues("She plans to compete hard in the remaining primary states, particularly California.")
    assert c.office.startswith("the late primary season")
    assert loglik(c, dt.date(2016, 5, 20)) == 0.0
    assert loglik(c, dt.date(2015, 5, 20)) < -1 and loglik(c, dt.date(2016, 10, 20)) < -1


# --- a candidate's presidency told as a prospect ----------------------------------------------

def test_a_presidency_told_as_a_prospect_is_written_during_the_run():
    from tidings.timex.conflicts_campaign import prospect_clues
    from tidings.timex.conflicts_fit import loglik

    text = ("A radio host has set up a website for Americans fleeing a Trump presidency. "
            "Should Donald Trump win the presidency, he says, the island will welcome them.")
    [c] = prospect_clues(text)
    assert "Donald Trump" in c.office
    during, after, before = dt.date(2016, 2, 18), dt.date(2017, 2, 18), dt.date(2013, 2, 18)
    assert loglik(c, during) == 0.0
    assert loglik(c, after) < -1.5 and loglik(c, before) < -1
    # a real administration's staff is not a prospect
    assert prospect_clues("A Clinton White House official said the 1996 budget was a compromise.") == []
    assert prospect_clues("Donald Trump won the Indiana primary.") == []


def test_a_prospect_and_a_title_flag_an_article_dated_after_the_election(time_layer):
    body = ("Many Americans say they will move abroad if Donald Trump wins. A website for those fleeing "
            "a Trump presidency has had hundreds of emails, Republican presidential candidate Donald Trump "
            "mocked it at a rally on Tuesday, and his rival Hillary Clinton's campaign said nothing.")
    assert conflicts(time_layer(body, "2016-02-18")) == []
    assert conflicts(time_layer(body, "2017-09-18"))


# --- a full date is a clue of its own ------------------------------------------------------------

def test_a_full_date_with_no_tense_pulls_towards_its_weeks():
    import numpy as np

    from tidings.timex import conflicts_writing as cw
    from tidings.timex.conflicts_fit import Clue

    c = Clue("ymd", "none", vstart=0, vend=10, year=2016, month=5, day=2)
    ords = np.array([dt.date(2016, 5, 3).toordinal(), dt.date(2015, 5, 3).toordinal(), dt.date(2016, 9, 3).toordinal()])
    row = cw.row(c, ords, np.array([5, 5, 9]), np.array([3, 3, 3]))
    assert row[0] == row.max() and row[0] - row[1] > 1.9 and row[0] - row[2] > 1
    assert row[0] - row.min() <= cw.YMD_MAX_LIFT["none"] + 1e-9     # one date alone never reaches the bar
    # told as past, a full date is mostly history: it moves the fit less
    past = Clue("ymd", "past", vstart=0, vend=10, year=2012, month=9, day=11)
    prow = cw.row(past, ords, np.array([5, 5, 9]), np.array([3, 3, 3]))
    assert prow.max() - prow.min() <= cw.YMD_MAX_LIFT["past"] + 1e-9


def test_full_dates_of_the_body_flag_a_year_shift(time_layer):
    body = ("This is the poll report for Monday, May 2, 2016. Voters in Indiana go to the polls on Tuesday, "
            "and the survey, taken on April 28, 2016 and April 29, 2016, shows a close race.")
    assert conflicts(time_layer(body, "2016-05-02")) == []
    [flag] = conflicts(time_layer(body, "2015-05-02"))
    assert "2016" in flag.message


def test_a_tweet_embed_dated_by_its_attribute():
    from tidings.timex.conflicts_posts import tweet_posts

    text = '<tweet tweet-author="@aide" tweet-date="March 10, 2016">Photo from the break<tweet/>'
    [(d, s, e)] = tweet_posts(text)
    assert d == dt.date(2016, 3, 10) and text[s:e] == "March 10, 2016"


# --- the 2016 presidential primary calendar, state by state -------------------------------------

def test_a_states_2016_presidential_primary_is_read_on_its_day(pipeline):
    from tidings.timex.conflicts_world import loglik

    [c] = _event_clues("Ted Cruz has won the Wisconsin Republican primary, a blow to the front-runner.", pipeline.nlp)
    assert c.office.startswith("the Wisconsin primary") and c.tense == "past"
    # 5 April 2016: a week after it against a week before it and two months after it
    assert loglik(c, dt.date(2016, 4, 12)) > loglik(c, dt.date(2016, 3, 29)) + 1.5
    assert loglik(c, dt.date(2016, 4, 12)) > loglik(c, dt.date(2016, 6, 12)) + 0.5
    [c] = _event_clues("The delegates at stake in the Democratic presidential primary in New York are many.",
                       pipeline.nlp)
    assert c.office.startswith("the New York primary")


def test_a_down_ballot_primary_falls_to_the_every_even_year_row(pipeline):
    [c] = _event_clues("She won Tuesday's Wyoming Republican primary for the state's congressional district.",
                       pipeline.nlp)
    assert c.office.startswith("a state's primary")
    [c] = _event_clues("The mayor won the Ohio primary by ten points.", pipeline.nlp)     # no race words
    assert c.office.startswith("a state's primary")


def test_a_party_primary_without_a_state_is_an_even_year_event(pipeline):
    from tidings.timex.conflicts_world import loglik

    [c] = _event_clues("Sanders won the Democratic caucuses by a wide margin.", pipeline.nlp)
    assert c.office.startswith("a party's primaries") and c.tense == "past"
    assert loglik(c, dt.date(2016, 4, 1)) > loglik(c, dt.date(2015, 4, 1)) + 1
    assert _event_clues("The Democratic primary voters were polled.", pipeline.nlp) == []


# --- a yearless dateline ---------------------------------------------------------------------------

def test_a_yearless_dateline_is_the_dispatch_day():
    from tidings.timex.conflicts_fit import loglik
    from tidings.timex.conflicts_writing import dateline_clues

    view = "Clinton turns 70.\n\nWASHINGTON, Aug. 19 (UPI) -- Former President Bill Clinton celebrated Friday."
    [c] = dateline_clues(view)
    assert view[c.vstart:c.vend] == "Aug. 19" and (c.month, c.day) == (8, 19)
    on, next_day = dt.date(2016, 8, 19), dt.date(2016, 8, 20)
    assert loglik(c, on) == loglik(c, next_day) == 0.0
    # written before its own dispatch day is rarer than a late reprint, and both rarer than the day
    before, reprint = dt.date(2016, 6, 19), dt.date(2016, 10, 19)
    assert loglik(c, before) < loglik(c, reprint) < -2.5
    assert dateline_clues("Head.\n\nDec 29 (Reuters) - The senator said.")[0].month == 12
    # a sentence opening with a date is no dateline
    assert dateline_clues("Head.\n\nOn June 24 - the talks ended.") == []
    assert dateline_clues("Head.\n\nJune 24 - the talks ended, aides said.") == []


def test_a_dateline_flags_a_month_shift(time_layer):
    body = ("WASHINGTON, Aug. 19 (UPI) -- The senator said on Friday that the bill would pass. Aides said the "
            "vote would come soon.")
    assert conflicts(time_layer(body, "2016-08-19")) == []
    assert conflicts(time_layer(body, "2016-06-19"))


# --- a birthday told with its age, early contests named after the word ------------------------------

def test_a_birthday_with_its_age_is_news_of_its_days():
    from tidings.timex.conflicts_fit import loglik
    from tidings.timex.conflicts_world import birthday_clues

    view = "Donald Trump at 70. Donald Trump turns 70 on Tuesday, and many Republicans hope he changes."
    [c] = birthday_clues(view)
    assert view[c.vstart:c.vend] == "Donald Trump turns 70"
    assert loglik(c, dt.date(2016, 6, 13)) == 0.0                 # born 14 June 1946
    assert loglik(c, dt.date(2016, 9, 13)) < -2.5 and loglik(c, dt.date(2015, 6, 13)) < -2.5
    # "will turn" may be told months ahead; "turned" in the weeks after
    [c] = birthday_clues("Donald Trump will turn 70 before the convention.")
    assert loglik(c, dt.date(2016, 3, 1)) == 0.0
    [c] = birthday_clues("Donald Trump turned 70 last week.")
    assert loglik(c, dt.date(2016, 7, 1)) == 0.0 and loglik(c, dt.date(2016, 6, 1)) < -2.5
    assert birthday_clues("Shares of the company turned 70 percent higher.") == []


def test_early_contests_named_after_the_word(pipeline):
    [c] = _event_clues("Sanders is expected to win Tuesday's primary in New Hampshire.", pipeline.nlp)
    assert c.office == "the New Hampshire primary" and c.day
