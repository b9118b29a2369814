"""The news anchoring rules, one test each, on sentences written for the purpose.

2024-03-13 is a Wednesday; its ISO week starts on Monday 2024-03-11."""
from __future__ import annotations

from tests.timex.helpers import value_of

WED = "2024-03-13"


def test_bare_weekday_is_the_most_recent_such_day(time_layer):
    layer = time_layer("The minister resigned on Tuesday after weeks of pressure.", WED)
    assert value_of(layer, "Tuesday") == ("2024-03-12", "day")


def test_bare_weekday_includes_the_publication_day(time_layer):
    layer = time_layer("The minister resigned on Wednesday after weeks of pressure.", WED)
    assert value_of(layer, "Wednesday") == ("2024-03-13", "day")


def test_weekday_with_future_verb_is_the_next_one(time_layer):
    layer = time_layer("The minister will resign on Tuesday, her office said.", WED)
    assert value_of(layer, "Tuesday") == ("2024-03-19", "day")


def test_the_weekend_is_the_most_recent_weekend(time_layer):
    layer = time_layer("Thousands of protesters marched through the city over the weekend.", WED)
    assert value_of(layer, "weekend") == ("2024-03-09", "weekend")


def test_the_weekend_with_future_verb_is_the_coming_one(time_layer):
    layer = time_layer("Organisers said protesters will march again over the weekend.", WED)
    assert value_of(layer, "weekend") == ("2024-03-16", "weekend")


def test_month_without_year_past_tense_is_the_last_one(time_layer):
    layer = time_layer("Parliament passed the law in November after a long debate.", WED)
    assert value_of(layer, "November") == ("2023-11-01", "month")


def test_month_without_year_future_tense_is_the_next_one(time_layer):
    layer = time_layer("The law will take effect in November, the ministry said.", WED)
    assert value_of(layer, "November") == ("2024-11-01", "month")


def test_month_day_without_year_follows_the_tense(time_layer):
    past = time_layer("The talks collapsed on March 20 amid mutual accusations.", WED)
    assert value_of(past, "March 20") == ("2023-03-20", "day")
    future = time_layer("The talks will resume on March 20 in Geneva.", WED)
    assert value_of(future, "March 20") == ("2024-03-20", "day")


def test_a_day_after_x_is_anchored_at_x(time_layer):
    body = "The opposition called for protests a day after Monday's vote."
    layer = time_layer(body, WED)
    assert value_of(layer, "Monday") == ("2024-03-11", "day")
    view = layer.view
    s = view.index("The opposition")
    date = layer.date_in(s, s + len(body))
    assert date is not None and date.value == "2024-03-12"


def test_durations_and_sets_are_not_dates(time_layer):
    layer = time_layer("The strike lasted three days. The council meets weekly to review it.", WED)
    assert value_of(layer, "three days") == ("P3D", None)
    assert value_of(layer, "weekly") == ("P1W", None)
    assert all(v.value[:4].isdigit() for _, _, v in layer.view_times)
    assert not any("days" in layer.view[s:e] or "weekly" in layer.view[s:e] for s, e, _ in layer.view_times)


def test_yesterday_and_last_week(time_layer):
    layer = time_layer("The ministry said yesterday that exports fell sharply last week.", WED)
    assert value_of(layer, "yesterday") == ("2024-03-12", "day")
    assert value_of(layer, "last week") == ("2024-03-04", "week")


def test_explicit_dates_keep_their_year(time_layer):
    layer = time_layer("The treaty was signed on March 3, 2019, in Vienna.", WED)
    assert value_of(layer, "March 3, 2019") == ("2019-03-03", "day")


def test_weekdays_of_one_news_cycle_read_a_week_back(time_layer):
    # Dated Wednesday, saying the ministry spoke "a day after" the president, and naming
    # "Thursday" and "Wednesday": read as one cycle, Wednesday is the day before last
    # Thursday, not today.
    body = ("The ministry replied a day after the president spoke. It said on Thursday that it "
            "had acted. The president had spoken on Wednesday in the capital.")
    layer = time_layer(body, WED)
    assert value_of(layer, "Thursday") == ("2024-03-07", "day")
    assert value_of(layer, "Wednesday") == ("2024-03-06", "day")


def test_without_a_day_apart_cue_weekdays_keep_the_plain_rule(time_layer):
    body = ("The ministry said on Thursday that it had acted. "
            "The president spoke again on Wednesday in the capital.")
    layer = time_layer(body, WED)
    assert value_of(layer, "Thursday") == ("2024-03-07", "day")
    assert value_of(layer, "Wednesday") == ("2024-03-13", "day")


def test_the_same_day_is_the_last_day_named(time_layer):
    layer = time_layer("Rebels attacked the town on Monday. Troops arrived there the same day.", WED)
    assert value_of(layer, "same day") == ("2024-03-11", "day")


def test_date_in_prefers_the_main_verb(time_layer):
    body = "On Monday the minister said the vote would be held on Friday."
    layer = time_layer(body, WED)
    s = layer.view.index("On Monday")
    date = layer.date_in(s, s + len(body))
    assert date is not None and date.value == "2024-03-11"


def test_modal_may_and_quantities_are_not_times(time_layer):
    layer = time_layer("Officials may meet again, and 2015 people signed the petition.", WED)
    assert layer.times == []


def test_spans_index_the_original_text(time_layer):
    layer = time_layer("Protesters gathered on Tuesday and again in January.", WED)
    for t in layer.times:
        assert layer.text[t.start:t.end] == t.text
