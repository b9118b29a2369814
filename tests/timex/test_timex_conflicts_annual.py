"""Events of every year named with a tense (timex/conflicts_annual.py, data/timex_annual.json):
each row's example, the dates the rules give, a flag only when the claimed date is wrong,
and no clue from a name told without tense ("a Super Bowl ad")."""
from __future__ import annotations

import datetime as dt

from tests.timex.helpers import conflicts


def _clues(text: str, nlp) -> list:
    from tidings.timex.conflicts_annual import annual_clues

    return annual_clues(text, nlp(text))


def test_every_row_parses_and_its_example_fits_its_season(pipeline):
    from tidings.data import load_json
    from tidings.timex.conflicts_annual import _rows, loglik

    rows = load_json("timex_annual.json")["events"]
    assert len(_rows()) == len(rows) and len({r["event"] for r in rows}) == len(rows)
    for row in rows:
        ex = row["example"]
        found = [c for c in _clues(ex["text"], pipeline.nlp) if c.office == row["event"]]
        assert found, f"no clue for {row['event']}: {ex['text']}"
        fits, misfits = (dt.date.fromisoformat(ex[k]) for k in ("fits", "misfits"))
        assert loglik(found[0], fits) > loglik(found[0], misfits) + 1, row["event"]


def test_rules_give_the_calendar_days():
    from tidings.data import load_json
    from tidings.timex.conflicts_annual import occurrences

    rows = {r["event"]: r for r in load_json("timex_annual.json")["events"]}
    # US Thanksgiving is the fourth Thursday of November: 28 November 2019, 22 November 2018
    assert (dt.date(2019, 11, 29),) * 2 in occurrences(rows["Black Friday"])
    assert (dt.date(2018, 11, 23),) * 2 in occurrences(rows["Black Friday"])
    assert (dt.date(2018, 11, 26),) * 2 in occurrences(rows["Cyber Monday"])
    derby = occurrences(rows["the Kentucky Derby"])
    assert (dt.date(2019, 5, 4),) * 2 in derby                  # the first Saturday of May 2019
    assert (dt.date(2020, 9, 5),) * 2 in derby and not any(a.year == 2020 and a.month == 5 for a, _ in derby)
    mwc = occurrences(rows["Mobile World Congress"])
    assert not any(a.year == 2020 for a, _ in mwc)             # cancelled
    assert all(a <= b for a, b in mwc) and list(mwc) == sorted(mwc)



def test_the_pre_filter_finds_every_needed_literal_and_only_them():
    from tidings.timex.conflicts_annual import _any_need, _rows

    for row in _rows():
        for need in row.needs:
            assert _any_need().search(f"The report said {need} was near."), need
    assert _any_need().search("The council met on Tuesday to discuss the budget and the new school.") is None


def test_a_name_without_tense_is_no_clue(pipeline):
    for text in ("The brewer's Super Bowl ad featured a horse and a dog.",
                 "The Oscar-winning actor bought a house in Malibu.",
                 "Walmart listed its Black Friday deals online.",
                 "Samsung showed the phone at CES 2019 and at last year's Mobile World Congress.",
                 "A spokeswoman for the World Series organisers declined to comment.",
                 # a career's history, one edition named by its host, another holiday season
                 "Brady won the Super Bowl with the Patriots.",
                 "The Dodgers could win the World Series if their pitching holds up.",
                 "She won gold at the London Olympics and retired in 2015.",
                 "Hotel bookings rose during the summer holiday season."):
        assert _clues(text, pipeline.nlp) == [], text


def test_the_verbs_tense_reaches_a_place_phrase_of_its_object(pipeline):
    [c] = _clues("Sony unveiled a new camera at CES in Las Vegas.", pipeline.nlp)
    assert c.office == "CES" and c.tense == "past" and c.day == 0
    [c] = _clues("Retailers hired thousands of workers ahead of the holiday season.", pipeline.nlp)
    assert c.tense == "future"
    # "ahead of this year's CES", "in time for the holiday season": still to come
    [c] = _clues("Samsung is expected to unveil the TV ahead of this year's CES in Las Vegas.", pipeline.nlp)
    assert c.office == "CES" and c.tense == "future"
    [c] = _clues("The new headphones arrive just in time for the holiday season.", pipeline.nlp)
    assert c.tense == "future"
    # a plan told in a past narrative is no news of the writing: no clue
    assert _clues("My staff cautioned me not to make that speech at Davos.", pipeline.nlp) == []
    # "drop on Black Friday": the name's own weekday is not a day of the writing week
    [c] = _clues("Analysts said the price will drop on Black Friday.", pipeline.nlp)
    assert c.tense == "future" and c.day == 0


TEXT = ("Samsung said on Tuesday that it would unveil its next Galaxy phone at next week's Mobile World "
        "Congress in Barcelona, where rivals Huawei and Nokia are also expected to show new handsets.")


def test_next_weeks_trade_show_flags_a_summer_date(time_layer):
    flags = conflicts(time_layer(TEXT, "2018-07-17"))
    assert len(flags) == 1 and "Mobile World Congress, told as still to come" in flags[0].message
    assert "February" in flags[0].message
    assert conflicts(time_layer(TEXT, "2018-02-20")) == []


def test_switch_off_removes_the_flag(time_layer, monkeypatch):
    from tidings.timex import conflicts_fit

    monkeypatch.setattr(conflicts_fit, "USE_ANNUAL", False)
    assert conflicts(time_layer(TEXT, "2018-07-17")) == []


def test_an_out_of_season_mention_without_tense_does_not_flag(time_layer):
    text = ("The company spent $5 million on a Super Bowl ad and said on Monday that its Black Friday "
            "deals had sold out, the Oscar-winning director told reporters.")
    assert conflicts(time_layer(text, "2019-06-12")) == []
