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
    from tidings.timex.conflicts_offices import office_clues

    [c] = office_clues("GOP presidential front-runner Donald Trump said on Tuesday.")
    assert c.office == "Republican presidential candidate Donald Trump"
    assert (dt.date(2015, 6, 16), dt.date(2016, 11, 8)) in c.terms and c.grace == 120
    # a surname two candidates share gets the terms of both
    [c] = office_clues("Democratic presidential hopeful Clinton spoke.")
    assert (dt.date(1991, 10, 3), dt.date(1992, 11, 3)) in c.terms
    assert (dt.date(2015, 4, 12), dt.date(2016, 11, 8)) in c.terms


def test_running_mates_and_past_candidates_are_not_presidential_candidates():
    from tidings.timex.conflicts_offices import office_clues

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
    text = ("The Republican field is still crowded, the presidential race is wide open and the campaign "
            "trail is long, an adviser said.")
    assert conflicts(time_layer(text, "2018-01-22")) == []


def test_race_events_between_elections_are_flagged(time_layer):
    # "ten days before the Iowa caucuses" and "Super Tuesday will thin it" are news of January
    # of an election year; January 2018 has neither ahead
    flags = conflicts(time_layer(RACE, "2018-01-22"))
    assert len(flags) == 1
    assert len({(e.start, e.end) for e in flags[0].evidence}) == len(flags[0].evidence)
    assert conflicts(time_layer(RACE, "2016-01-22")) == []


AGES = ("Bernie Sanders took the stage in Burlington. Sanders, 74, said he would stay in the race "
        "until the convention, and the 68-year-old Clinton answered him in Ohio. Hillary Clinton "
        "spoke for half an hour.")


def test_people_table_entries_parse_and_the_example_holds():
    from tidings.data import load_json
    from tidings.timex.conflicts_world import age_clues, loglik

    rows = load_json("timex_people.json")["people"]
    assert len({r["name"] for r in rows}) == len(rows)
    for row in rows:
        assert 1900 <= dt.date.fromisoformat(row["born"]).year <= 2000
    # the example of the table's "about": Sanders, born 8 September 1941, is 74 from
    # 8 September 2015 to 7 September 2016
    [c] = age_clues("Bernie Sanders spoke. Sanders, 74, said he would go on.")
    assert c.office == "Bernie Sanders" and c.day == 74
    assert loglik(c, dt.date(2015, 9, 8)) > loglik(c, dt.date(2015, 9, 7))
    assert loglik(c, dt.date(2016, 9, 7)) > loglik(c, dt.date(2016, 9, 8))
    assert loglik(c, dt.date(2018, 3, 1)) < loglik(c, dt.date(2016, 3, 1)) - 3


def test_ages_are_read_only_for_the_person_the_article_names():
    from tidings.timex.conflicts_world import age_clues

    found = {(c.office, c.day) for c in age_clues(AGES)}
    assert found == {("Bernie Sanders", 74), ("Hillary Clinton", 68)}
    # a surname alone needs the full name in the article, and "Chris Paul" is not Rand Paul
    assert age_clues("Sanders, 74, said he would go on.") == []
    assert age_clues("Rand Paul spoke. Chris Paul, 31, scored 20 points.") == []
    # a supporter's age, a staffer's, a poll's figures
    assert age_clues("Donald Trump spoke. A 78-year-old Trump supporter punched a protester.") == []
    assert age_clues("Kirsten Gillibrand won. A 38-year-old veteran staffer for Sen. Kirsten Gillibrand spoke.") == []
    assert age_clues("86 percent liked Hillary Clinton, 43, said the same for Sanders.") == []


def test_ages_years_off_are_flagged(time_layer):
    # in March 2016 Sanders was 74 and Clinton 68; in March 2019 they were 77 and 71
    flags = conflicts(time_layer(AGES, "2019-03-10"))
    assert len(flags) == 1
    msg = flags[0].message
    assert "born 8 September 1941" in msg and "was 74 from 8 September 2015 to 7 September 2016" in msg
    assert {e.text for e in flags[0].evidence} >= {"Sanders, 74,", "68-year-old Clinton"}


def test_ages_that_fit_the_date_are_fine(time_layer):
    assert conflicts(time_layer(AGES, "2016-03-10")) == []


NOMINEE = ("Republican presidential nominee Donald Trump held a rally in Ohio on Saturday, his "
           "campaign said.")


def test_a_nominee_before_the_nomination_is_flagged(time_layer):
    # Trump became the presumptive nominee on 4 May 2016: dated January 2016, the title is
    # an anachronism strong enough on its own
    flags = conflicts(time_layer(NOMINEE, "2016-01-11"))
    assert len(flags) == 1 and "4 May 2016 to 8 November 2016" in flags[0].message
    assert conflicts(time_layer(NOMINEE, "2016-08-15")) == []


IOWA = ("Ted Cruz won the Iowa caucuses, and the candidates are now campaigning ahead of Super Tuesday, "
        "when a dozen states vote.")


def test_campaign_events_are_read_with_their_tense(pipeline):
    from tidings.timex.conflicts_events import event_clues

    found = {c.office: c.tense for c in event_clues(IOWA, pipeline.nlp(IOWA))}
    assert found == {"the Iowa caucuses": "past", "Super Tuesday": "future"}
    # another cycle's convention, a state party's, a name used as a modifier
    text = ("He spoke at the 1992 Republican convention. A Democratic convention in Nevada ended in chaos. "
            "Staff went to the Super Tuesday states.")
    assert [(c.office, c.tense) for c in event_clues(text, pipeline.nlp(text))] == [("Super Tuesday", "none")]


def test_event_table_entries_parse_and_the_example_holds(pipeline):
    from tidings.data import load_json
    from tidings.timex.conflicts_events import event_clues
    from tidings.timex.conflicts_world import loglik

    for row in load_json("timex_events.json")["events"]:
        # one-day occurrences ("dates"), spans ("periods") or a span repeated by rule ("every")
        assert row["patterns"] and ("dates" in row or "periods" in row or "every" in row)
        assert row.get("dates", []) == sorted(row.get("dates", []))
        for d in row.get("dates", []) + [d for p in row.get("periods", []) for d in p]:
            dt.date.fromisoformat(d)
    # the example of the table's "about": written in the weeks after 1 February 2016
    text = "Cruz won the Iowa caucuses."
    [c] = event_clues(text, pipeline.nlp(text))
    assert loglik(c, dt.date(2016, 2, 15)) > loglik(c, dt.date(2016, 1, 15)) + 2
    assert loglik(c, dt.date(2016, 2, 15)) > loglik(c, dt.date(2016, 9, 15)) + 1


def test_events_with_other_clues_flag_a_date_before_them(time_layer):
    # written the week after the Iowa caucuses of 1 February 2016; dated 2 December 2015 the
    # caucuses are still two months ahead, and the nominee-to-be is not yet the nominee
    text = ("Ted Cruz won the Iowa caucuses last Monday, and Democratic presidential candidate Hillary "
            "Clinton edged out Bernie Sanders. Both campaigns are spending heavily ahead of Super Tuesday.")
    flags = conflicts(time_layer(text, "2015-12-02"))
    assert len(flags) == 1 and "the Iowa caucuses, told as past" in flags[0].message
    assert conflicts(time_layer(text, "2016-02-08")) == []


def test_presumptive_nominee_season():
    from tidings.timex.conflicts_events import season_clues
    from tidings.timex.conflicts_world import loglik

    text = "The party's presumptive nominee met donors in Ohio."
    [c] = season_clues(text)
    # March to mid-September of a presidential election year, any cycle
    assert loglik(c, dt.date(2016, 6, 1)) == 0.0 == loglik(c, dt.date(2028, 4, 1))
    assert loglik(c, dt.date(2016, 1, 15)) < -2 and loglik(c, dt.date(2017, 6, 1)) < -2
    # inside a title the office table reads, the phrase is not counted twice
    assert season_clues("presumptive Republican nominee Donald Trump", taken=[(0, 43)]) == []


def test_presumptive_nominee_with_other_clues_is_flagged(time_layer):
    text = ("The presumptive nominee spent Tuesday raising money in Ohio, and Republican presidential "
            "nominee Donald Trump said on Wednesday that he would pick a running mate before the "
            "Republican National Convention in Cleveland.")
    flags = conflicts(time_layer(text, "2016-01-08"))
    assert len(flags) == 1 and "presumptive nominee" in flags[0].message
    assert conflicts(time_layer(text, "2016-06-08")) == []


def test_delegate_race_season():
    from tidings.timex.conflicts_events import season_clues
    from tidings.timex.conflicts_world import loglik

    [c] = season_clues("Sanders is courting superdelegates before a contested convention.")
    assert c.office.startswith("the primary season")
    assert loglik(c, dt.date(2020, 3, 1)) == 0.0
    assert loglik(c, dt.date(2016, 10, 1)) < -1 and loglik(c, dt.date(2019, 3, 1)) < -1


def test_terms_table_entries_parse_and_the_example_holds():
    from tidings.data import load_json
    from tidings.timex.conflicts_world import loglik, term_clues

    for row in load_json("timex_terms.json")["terms"]:
        assert row["patterns"] and dt.date.fromisoformat(row["first"]).year >= 1998
    # the example of the table's "about"
    [c] = term_clues("Investigators of the San Bernardino shooting asked Apple for help.")
    assert c.office == "the San Bernardino attack"
    assert loglik(c, dt.date(2015, 2, 10)) < -3 and loglik(c, dt.date(2016, 2, 10)) == 0.0
    assert term_clues("San Bernardino is a city east of Los Angeles.") == []


def test_a_name_before_the_thing_existed_is_flagged(time_layer):
    text = ("Investigators of the San Bernardino shooting asked Apple to unlock the attacker's iPhone, "
            "the FBI said on Tuesday.")
    flags = conflicts(time_layer(text, "2015-02-16"))
    assert len(flags) == 1 and "named from 2 December 2015 on" in flags[0].message
    assert conflicts(time_layer(text, "2016-02-16")) == []


def test_terms_cover_the_years_evenly_and_read_only_the_named_thing():
    """The table is meant to be general news knowledge, not a list of what one election
    year's articles name: every year 1998-2023 has an entry, and a pattern reads the thing
    named, not a word it shares with older uses ('Katrina' the name, '9/11/99' the date,
    'Beirut' the city)."""
    from tidings.data import load_json
    from tidings.timex.conflicts_world import term_clues

    years = {int(row["first"][:4]) for row in load_json("timex_terms.json")["terms"]}
    assert set(range(1998, 2024)) <= years
    [c] = term_clues("Residents rebuilt slowly after Hurricane Katrina flooded the city.")
    assert c.office == "Hurricane Katrina"
    assert [c.office for c in term_clues("Since the 9/11 attacks, airport checks have grown.")] \
        == ["the September 11 attacks"]
    assert term_clues("The memo, dated 9/11/99, reached the desk of Katrina Smith.") == []
    assert [c.office for c in term_clues("The Dobbs decision sent the question back to the states.")] \
        == ["the Dobbs decision"]
    assert term_clues("Thomas Dobbs, the state health officer, decided to appeal.") == []


def test_office_names_are_found_as_the_alternation_would_find_them():
    # the plain-string search must find what re.finditer of the names' alternation
    # (longest first, whole words only) finds, on text written to trip it up
    import re

    from tidings.timex.conflicts_offices import _name_matches

    names = ("Hillary Clinton", "Bill Clinton", "Clinton")
    rx = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")
    text = ("Hillary Clinton met Bill Clinton; Clintons and anti-Clinton voters, Clinton-era "
            "rules, Hillary Clintonesque, (Clinton) and Bill Clinton's aides; Clinton")
    got = _name_matches(text, names)
    assert got == [(m.start(), m.end()) for m in rx.finditer(text)]
    assert [text[s:e] for s, e in got] == ["Hillary Clinton", "Bill Clinton", "Clinton", "Bill Clinton", "Clinton"]
