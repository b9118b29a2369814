"""Date clues from how news is written (timex/conflicts_writing.py) and the month clue's
shape (timex/conflicts_fit.py): each on text written for it, flagged when the claimed date is
wrong and not when it is right."""
from __future__ import annotations

import datetime as dt

from tests.timex.helpers import conflicts

EARNINGS = ("Acme Corp. said its net profit rose 12 percent in the second quarter, helped by strong "
            "demand for its cloud services, after sales had slipped in the first quarter. The company "
            "expects revenue to grow again in the third quarter, its chief executive told analysts on a "
            "conference call. In May, it closed two plants in Ohio.")


def test_quarters_told_as_past_date_an_earnings_report(time_layer):
    # second-quarter results come out in July and August; dated February the second quarter
    # (past) is eight months off, the third (to come) seven
    flags = conflicts(time_layer(EARNINGS, "2019-02-06"))
    assert len(flags) == 1
    msg = flags[0].message
    assert "6 February 2019" in msg and "written after that quarter ended" in msg
    assert "between 1 July 2019 and 31 August 2019" in msg
    assert any("second quarter" in e.text for e in flags[0].evidence)


def test_quarters_in_the_results_season_are_fine(time_layer):
    assert conflicts(time_layer(EARNINGS, "2019-08-06")) == []
    # written as the second quarter ends (a preview) the fit is not sure enough either
    assert conflicts(time_layer(EARNINGS, "2019-06-06")) == []


def test_quarter_clue_shapes():
    from tidings.timex.conflicts_fit import Clue, loglik

    past = Clue("q", "past", vstart=0, vend=1, month=6)               # "rose in the second quarter"
    assert loglik(past, dt.date(2019, 7, 25)) > loglik(past, dt.date(2019, 6, 10)) + 1
    assert loglik(past, dt.date(2019, 8, 1)) > loglik(past, dt.date(2020, 2, 1)) + 1
    ahead = Clue("q", "future", vstart=0, vend=1, month=9)            # "growth in the third quarter"
    assert loglik(ahead, dt.date(2019, 8, 1)) > loglik(ahead, dt.date(2019, 10, 15)) + 1
    year = Clue("qy", "past", vstart=0, vend=1, year=2019, month=3)   # "the first quarter of 2019" as past
    assert loglik(year, dt.date(2019, 4, 20)) > loglik(year, dt.date(2019, 2, 1)) + 3
    assert loglik(year, dt.date(2019, 4, 20)) > loglik(year, dt.date(2021, 4, 20)) + 2


def test_numbered_quarters_only_with_tense(time_layer):
    from tidings.timex.conflicts_fit import clues_of

    layer = time_layer("Sales were weak in the last quarter, the bank said on Tuesday.", "2019-08-06")
    assert [c.unit for c in clues_of(layer.resolved, layer.view) if c.unit in ("q", "qy")] == []
    layer = time_layer("Sales fell in the third quarter, the bank said on Tuesday.", "2019-11-06")
    assert [(c.unit, c.tense, c.month) for c in clues_of(layer.resolved, layer.view)
            if c.unit in ("q", "qy")] == [("q", "past", 9)]


POSITION = ("The ministry said earlier this year that it would cut the budget, and it confirmed the "
            "cuts earlier this month. The final vote is expected later this year.")


def test_position_in_the_year_and_month(time_layer):
    from tidings.timex.conflicts_fit import clues_of, loglik

    layer = time_layer(POSITION, "2019-06-20")
    clues = {layer.view[c.vstart:c.vend]: c for c in clues_of(layer.resolved, layer.view)}
    assert set(clues) == {"earlier this year", "earlier this month", "later this year"}
    early_year, early_month, late_year = (clues[k] for k in ("earlier this year", "earlier this month",
                                                              "later this year"))
    assert loglik(early_year, dt.date(2019, 1, 10)) < loglik(early_year, dt.date(2019, 6, 10)) == 0.0
    assert loglik(late_year, dt.date(2019, 12, 10)) < loglik(late_year, dt.date(2019, 11, 10)) \
        < loglik(late_year, dt.date(2019, 6, 10))
    assert loglik(early_month, dt.date(2019, 6, 1)) < loglik(early_month, dt.date(2019, 6, 5)) \
        < loglik(early_month, dt.date(2019, 6, 20))
    late_month = early_month.__class__("pos", "none", vstart=0, vend=1, day=1, office="month")
    assert loglik(late_month, dt.date(2020, 2, 29)) < loglik(late_month, dt.date(2020, 2, 25)) \
        < loglik(late_month, dt.date(2020, 2, 10))
    # alone they move the fit a little, never to a flag
    assert conflicts(layer) == []
    assert conflicts(time_layer(POSITION, "2019-01-02")) == []


def test_past_bare_month_is_seldom_the_writing_month():
    from tidings.timex.conflicts_fit import Clue, loglik

    may = Clue("m", "past", vstart=0, vend=1, month=5)                # "said in May"
    # one to three months back fits best; the writing month itself hardly better than a year back
    assert loglik(may, dt.date(2016, 7, 1)) > loglik(may, dt.date(2016, 5, 20)) + 1
    assert loglik(may, dt.date(2016, 6, 1)) > loglik(may, dt.date(2017, 3, 1)) + 1
    july = Clue("m", "future", vstart=0, vend=1, month=7)             # "the convention in July"
    assert loglik(july, dt.date(2016, 5, 1)) > loglik(july, dt.date(2016, 9, 1)) + 1


def test_a_headline_weekday_is_a_clue(time_layer):
    from tidings.timex.conflicts_fit import clues_of

    layer = time_layer("Lawmakers approved the spending plan by a wide margin, officials said.", "2019-08-06",
                       headline="Senate passes budget bill Tuesday")
    assert [(c.unit, layer.view[c.vstart:c.vend]) for c in clues_of(layer.resolved, layer.view)] \
        == [("wd", "Tuesday")]
    layer = time_layer("Lawmakers approved the spending plan by a wide margin, officials said.", "2019-08-06",
                       headline="Senate passes budget bill on March 5")
    assert clues_of(layer.resolved, layer.view) == []


TOUR = ("The band announced on Monday a 30-city tour for next summer. It opens June 30 in Boston and "
        "plays July 3 in New York, July 8 in Philadelphia, July 10 in Pittsburgh, July 14 in Detroit, "
        "July 19 in Chicago, July 22 in Cleveland and July 26 in St. Louis. Tickets go on sale Friday.")


def test_a_schedule_weighs_as_one_clue_not_one_per_line(time_layer):
    from tidings.timex.conflicts_fit import MONTH_DAYS_CAP, clues_of, fit_dates

    layer = time_layer(TOUR, "2019-11-18")
    july = [c for c in clues_of(layer.resolved, layer.view) if c.unit == "md" and c.month == 7]
    assert len(july) >= 5
    assert abs(sum(c.share for c in july) - MONTH_DAYS_CAP) < 1e-9
    # the schedule moves the fit less than its dates counted one by one would (a tour announced
    # in November for next summer is still pulled towards June: future dates without a year are
    # mostly weeks ahead in news, see the known gaps of bench/eval_misdating.py)
    clues = clues_of(layer.resolved, layer.view)
    gain = fit_dates(clues, dt.date(2019, 11, 18))[0]
    for c in clues:
        c.share = 1.0
    assert fit_dates(clues, dt.date(2019, 11, 18))[0] > gain + 5


def test_future_dates_months_ahead_are_no_single_conflict(time_layer):
    # "stops in Cleveland on July 22", written in November about next summer
    text = "The tour will stop at the Blossom Music Center on July 22, the promoter said on Monday."
    assert conflicts(time_layer(text, "2019-11-18")) == []
    # a deadline a few weeks gone, still told as to come, is a conflict
    late = "The agency will publish the final rule on Oct. 15, a spokesman said on Monday."
    flags = conflicts(time_layer(late, "2019-11-28"))
    assert len(flags) == 1 and "Oct. 15" in flags[0].message


def test_next_year_without_tense_fits_late_in_the_year():
    from tidings.timex.conflicts_fit import Clue, loglik

    y2020 = Clue("y", "none", vstart=0, vend=1, year=2020)             # "the 2020 model", "in 2020"
    assert loglik(y2020, dt.date(2019, 11, 20)) > loglik(y2020, dt.date(2019, 2, 20)) + 1
    assert loglik(y2020, dt.date(2020, 5, 1)) > loglik(y2020, dt.date(2019, 11, 20))   # its own year best
    y2023 = Clue("y", "none", vstart=0, vend=1, year=2023)             # "starting in 2023"
    assert loglik(y2023, dt.date(2023, 5, 1)) - loglik(y2023, dt.date(2019, 11, 20)) < 2.0


def test_one_month_day_alone_does_not_flag(time_layer):
    # written in November about a night in March: 8 months back is unusual for a date without
    # a year, but one such date is not enough evidence of a wrong date
    text = "Investigators asked the suspect what he was doing on the night of March 10, his lawyer said."
    assert conflicts(time_layer(text, "2019-11-18")) == []
    # three of them, with the weekday of the news, are
    more = ("Investigators asked the suspect what he was doing on the night of March 10, his lawyer said "
            "on Tuesday. He had been questioned on March 12 and again on March 14.")
    assert len(conflicts(time_layer(more, "2019-11-18"))) == 1
    assert conflicts(time_layer(more, "2019-03-20")) == []


CAR_LAUNCH = ("The carmaker unveiled the electric coupe at the motor show in Los Angeles on Wednesday. "
              "Deliveries in Europe will start in spring 2021, and a faster charger will be offered as an "
              "option in 2021. Prices for the United States have not been set, but the coupe is expected to "
              "go on sale there early next year. Last month the company said it had sold 20,000 of its first "
              "electric model.")


def _ry(clues: list) -> list:
    return [c for c in clues if c.unit == "ry"]


def test_next_year_beside_the_years_named_to_come(time_layer):
    # "in 2021" told as to come and "early next year": written in 2020, not in 2018
    from tidings.timex.conflicts_fit import clues_of, loglik

    layer = time_layer(CAR_LAUNCH, "2018-11-20")
    ry = _ry(clues_of(layer.resolved, layer.view))
    assert [(c.day, [a.year for a, _ in c.terms]) for c in ry] == [(1, [2021])]
    assert loglik(ry[0], dt.date(2020, 11, 20)) > loglik(ry[0], dt.date(2018, 11, 20)) + 1
    assert loglik(ry[0], dt.date(2020, 11, 20)) == 0.0


def test_relative_year_moves_the_fit_towards_the_named_year(time_layer, monkeypatch):
    from tidings.timex import conflicts_fit
    from tidings.timex.conflicts_fit import clues_of, fit_dates

    layer = time_layer(CAR_LAUNCH, "2018-11-20")
    with_rule = fit_dates(clues_of(layer.resolved, layer.view), dt.date(2018, 11, 20))
    monkeypatch.setattr(conflicts_fit, "USE_RELATIVE_YEARS", False)
    without = fit_dates(clues_of(layer.resolved, layer.view), dt.date(2018, 11, 20))
    assert with_rule is not None and without is not None
    assert with_rule[0] > without[0] + 1
    assert with_rule[1].year == 2020


def test_last_year_beside_past_years(time_layer):
    from tidings.timex.conflicts_fit import clues_of, loglik

    body = ("Only 360 Republicans caucused in the county in 2012, and turnout was so low that the party "
            "closed two precincts. Last year the county moved its caucus site after a flood in 2015, "
            "organisers said on Monday.")
    ry = {c.day: c for c in _ry(clues_of(time_layer(body, "2016-01-27").resolved, ""))}
    assert sorted(ry) == [-1]
    assert loglik(ry[-1], dt.date(2016, 1, 27)) > loglik(ry[-1], dt.date(2018, 1, 27))


def test_relative_years_with_no_named_year_say_nothing(time_layer):
    from tidings.timex.conflicts_fit import clues_of

    layer = time_layer("Sales rose last year and will rise again next year, the company said on Monday.",
                       "2019-05-02")
    assert _ry(clues_of(layer.resolved, layer.view)) == []


def test_a_season_with_its_year_is_a_year_clue(time_layer, monkeypatch):
    from tidings.timex import conflicts_fit
    from tidings.timex.conflicts_fit import clues_of

    layer = time_layer("The convertible will go on sale in summer 2021, the company said on Tuesday.", "2020-11-18")

    def years() -> list[tuple[int, str]]:
        return [(c.year, c.tense) for c in clues_of(layer.resolved, layer.view) if c.unit == "y"]

    assert years() == [(2021, "future")]
    monkeypatch.setattr(conflicts_fit, "SEASON_YEARS", False)
    assert years() == []


COPYRIGHTED = ("Michigan health authorities are reporting a sixth death linked to a mosquito-borne virus. "
               "The county health department said the death occurred Saturday. The virus was found in "
               "horses and deer in July, in August and in September, officials said. The state recorded one human "
               "case in 2018, and none the year before. Last year's case was in a child. The ten cases of "
               "this year are the most since the 1980s; 2019 has also been a bad year for horses.\n\n"
               "\u00a9 2019 Associated Press. All Rights Reserved. This material may not be published, "
               "broadcast, rewritten, or redistributed.")


def _copyright(pipeline, body: str, published: str) -> tuple[list, object]:
    from tidings import timex
    from tidings.analysis import Analysis
    from tidings.timex.conflicts_writing import copyright_clues

    prep = pipeline._prepare({"id": "t", "text": f"Sixth death linked to virus\n\n{body}\n", "published": published},
                             None)
    analysis = Analysis(doc=prep.doc, cleaned=prep.cleaned, parsed=pipeline.nlp(prep.cleaned.view.text))
    return copyright_clues(prep.doc.text, prep.cleaned.non_body), timex.run(analysis)


def test_a_copyright_notice_names_the_year_of_writing(pipeline, monkeypatch):
    from tidings.timex import conflicts_fit
    from tidings.timex.conflicts_fit import loglik

    clues, layer = _copyright(pipeline, COPYRIGHTED, "2021-10-19")
    assert [(c.unit, c.year) for c in clues] == [("cr", 2019)]
    assert loglik(clues[0], dt.date(2019, 10, 19)) == 0.0
    assert loglik(clues[0], dt.date(2020, 10, 19)) < -2.5           # a year after the notice
    assert -2.5 < loglik(clues[0], dt.date(2017, 10, 19)) < 0       # a footer stamped later: milder
    flags = conflicts(layer)
    assert len(flags) == 1 and any(e.text == "\u00a9 2019" for e in flags[0].evidence)
    assert "2019" in flags[0].message.split("fit writing around")[1][:30]
    _, right = _copyright(pipeline, COPYRIGHTED, "2019-10-19")
    assert conflicts(right) == []
    monkeypatch.setattr(conflicts_fit, "USE_COPYRIGHT", False)
    _, without = _copyright(pipeline, COPYRIGHTED, "2021-10-19")
    assert conflicts(without) == []


def test_a_year_beside_a_copyright_sign_without_a_notice_is_no_clue(pipeline):
    clues, _ = _copyright(pipeline, "The photo was taken in June, officials said.\n\nPhoto \u00a9 2015 Jane Doe",
                          "2019-10-19")
    assert clues == []


def test_an_embedded_post_is_news_of_the_days_before_writing(pipeline):
    from tidings.analysis import Analysis
    from tidings.timex.conflicts import embedded_posts
    from tidings.timex.conflicts_fit import loglik
    from tidings.timex.conflicts_writing import post_clue

    body = ("The congresswoman thanked supporters after a man pleaded guilty to threatening her.\n\n"
            "Thank you to everyone who stood with me. pic.twitter.com/s96jjh8AlD\n\n"
            "\u2014 Rep. Jane Doe (@RepJaneDoe) November 18, 2019\n\nHe faces up to ten years in prison.")
    prep = pipeline._prepare({"id": "t", "text": f"Man pleads guilty\n\n{body}\n", "published": "2020-03-19"}, None)
    analysis = Analysis(doc=prep.doc, cleaned=prep.cleaned, parsed=pipeline.nlp(prep.cleaned.view.text))
    posts = embedded_posts(analysis, dt.date(2020, 3, 19))
    assert [(d, prep.doc.text[s:e]) for d, s, e in posts] == [(dt.date(2019, 11, 18), "November 18, 2019")]
    clue = post_clue(posts[0])
    assert loglik(clue, dt.date(2019, 11, 20)) == loglik(clue, dt.date(2019, 11, 30)) == 0.0
    assert loglik(clue, dt.date(2020, 3, 19)) < -1.0              # four months after the post
    assert loglik(clue, dt.date(2022, 11, 18)) >= loglik(clue, dt.date(2020, 3, 19))   # the floor
    assert loglik(clue, dt.date(2019, 10, 1)) < -3.0              # before the post


def test_next_month_beside_the_months_named_to_come(time_layer, monkeypatch):
    # "an event next month" and "go on sale on December 2": written in November
    from tidings.timex import conflicts_writing
    from tidings.timex.conflicts_fit import clues_of, loglik

    body = ("Apple is holding a surprise event in New York next month, people familiar with the plans said "
            "on Monday. The new laptops will go on sale on December 2 in the United States.")
    layer = time_layer(body, "2020-01-19")
    rm = [c for c in clues_of(layer.resolved, layer.view) if c.unit == "rm"]
    assert [(c.day, [a.month for a, _ in c.terms]) for c in rm] == [(1, [12])]
    assert loglik(rm[0], dt.date(2019, 11, 19)) == 0.0
    assert loglik(rm[0], dt.date(2020, 1, 19)) < -1.0
    assert loglik(rm[0], dt.date(2020, 6, 19)) == 0.0        # no named month near July: no evidence
    monkeypatch.setattr(conflicts_writing, "USE_MONTHS", False)
    assert [c for c in clues_of(layer.resolved, layer.view) if c.unit == "rm"] == []
