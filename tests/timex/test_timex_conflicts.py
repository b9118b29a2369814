"""Date-conflict flags, each check on a text written for it (and its negative)."""
from __future__ import annotations

from tests.timex.helpers import conflicts


def test_future_reference_to_a_date_already_past(time_layer):
    body = "The opposition leader announced tactical actions to begin on April 6."
    flags = conflicts(time_layer(body, "2024-06-24"))
    assert len(flags) == 1
    assert any(e.text == "to begin on April 6" for e in flags[0].evidence)
    assert "before 6 April 2024" in flags[0].message


def test_future_reference_to_a_date_still_ahead_is_fine(time_layer):
    body = "The opposition leader announced tactical actions to begin on April 6."
    layer = time_layer(body, "2024-03-20")
    assert conflicts(layer) == []
    assert any(t.text == "April 6" and t.value == "2024-04-06" for t in layer.times)


def test_will_with_an_explicit_past_date(time_layer):
    flags = conflicts(time_layer("The summit will be held on May 5, 2023, in Nairobi.", "2024-03-13"))
    assert flags and "before 5 May 2023" in flags[0].message


def test_past_event_dated_after_publication(time_layer):
    flags = conflicts(time_layer("The company closed the plant on April 2, 2025, after a long strike.",
                                 "2024-03-13"))
    assert flags and "after 2 April 2025" in flags[0].message


def test_past_event_before_publication_is_fine(time_layer):
    assert conflicts(time_layer("The company closed the plant on April 2, 2023, after a long strike.",
                                "2024-03-13")) == []


def test_impossible_weekday_date_pair_names_the_possible_years(time_layer):
    # 6 April 2024 is a Saturday (and 6 April 2025 a Sunday); it was a Wednesday in 2016 and 2022.
    flags = conflicts(time_layer("The vote took place on Wednesday, April 6, amid heavy rain.", "2024-06-01"))
    assert len(flags) == 1
    assert "2016" in flags[0].message and "2022" in flags[0].message
    assert flags[0].evidence[0].text == "Wednesday, April 6"


def test_possible_weekday_date_pair_is_fine(time_layer):
    assert conflicts(time_layer("The vote took place on Saturday, April 6, amid heavy rain.", "2024-06-01")) == []


def test_url_date_disagreeing_with_the_claimed_date(time_layer):
    url = "https://news.example.com/2024/03/13/minister-resigns"
    flags = conflicts(time_layer("The minister resigned on Tuesday.", "2025-01-10", url=url))
    assert flags and "13 March 2024" in flags[0].message and "URL" in flags[0].message
    assert conflicts(time_layer("The minister resigned on Tuesday.", "2024-03-13", url=url)) == []


def test_embedded_post_dated_after_the_claimed_date(time_layer):
    body = ("Supporters reacted online. Great rally tonight! — Jane Doe (@janedoe) September 1, 2016\n\n"
            "The campaign said the rally drew thousands.")
    flags = conflicts(time_layer(body, "2016-08-20"))
    assert flags and "1 September 2016" in flags[0].message
    assert conflicts(time_layer(body, "2016-09-02")) == []


def test_a_correctly_dated_wire_story_has_no_flags(time_layer):
    body = ("The central bank raised interest rates on Wednesday for the third time this year, "
            "citing inflation that reached 9% in February. The governor said the bank will meet "
            "again on April 30 and could act further in the second quarter. Markets fell 2% over "
            "the weekend after the finance ministry warned on March 8 that growth would slow in 2024. "
            "The bank last cut rates in November 2022.")
    layer = time_layer(body, "2024-03-13")
    assert conflicts(layer) == []
    assert len(layer.times) >= 8


def test_next_years_month_without_a_year_is_not_evidence(time_layer):
    # Written in January about the November election: nine months ahead, no year needed.
    body = "The super PAC wants to help her run against the Republican nominee in November."
    assert conflicts(time_layer(body, "2016-01-19")) == []


def test_a_hypothesis_carries_no_tense(time_layer):
    body = "Asked how ties would fare if he won the presidential election on Nov. 8, he laughed."
    assert conflicts(time_layer(body, "2016-05-16")) == []
