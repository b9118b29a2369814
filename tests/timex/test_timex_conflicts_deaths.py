"""Deaths of widely covered people as clues to the writing date (timex/conflicts_deaths.py,
the 'died' field of data/timex_people.json): the table's example, a flag only when the
claimed date is before the death (or far from a death told as recent), and no clue from
namesakes, longer names, a death penalty or a rumour."""
from __future__ import annotations

import datetime as dt

from tests.timex.helpers import conflicts


def _clues(text: str) -> list:
    from tidings.timex.conflicts_deaths import death_clues

    return death_clues(text)


def test_every_death_row_parses_and_the_example_holds():
    from tidings.data import load_json
    from tidings.timex.conflicts_deaths import _dead, loglik

    rows = [r for r in load_json("timex_people.json")["people"] if "died" in r]
    assert len(_dead()) == len(rows) >= 150
    for r in rows:
        born, died = dt.date.fromisoformat(r["born"]), dt.date.fromisoformat(r["died"])
        assert born < died <= dt.date(2025, 12, 31) and 15 <= (died - born).days / 365.25 <= 105, r["name"]
    # the example of the table's "about": Scalia died on 13 February 2016
    [c] = _clues("Senators argued over a replacement for the late Justice Antonin Scalia.")
    assert c.office == "Antonin Scalia" and c.terms[0][0] == dt.date(2016, 2, 13) and c.day == 0
    assert loglik(c, dt.date(2015, 11, 1)) < loglik(c, dt.date(2016, 3, 1)) - 3
    assert loglik(c, dt.date(2016, 2, 13)) == loglik(c, dt.date(2019, 2, 13)) == 0.0


def test_ages_still_read_for_a_row_with_a_death():
    from tidings.timex.conflicts_world import age_clues

    [c] = age_clues("Kobe Bryant spoke in Los Angeles. Bryant, 37, said he would retire.")
    assert c.office == "Kobe Bryant" and c.day == 37


def test_the_forms_of_a_death_named():
    found = {(c.office, c.day) for c in _clues(
        "Kobe Bryant, who died in a helicopter crash, was honored. Fans spoke of Scalia's death "
        "and of the death of music legend Prince. John McCain's widow Cindy McCain spoke. "
        "Antonin Scalia was praised.")}
    assert found == {("Kobe Bryant", 0), ("Antonin Scalia", 0), ("Prince", 0), ("John McCain", 0)}


def test_a_death_told_as_recent_is_of_the_weeks_before_the_writing():
    from tidings.timex.conflicts_deaths import loglik

    text = "Fans gathered in Minneapolis to remember Prince, who died Thursday at his Paisley Park home."
    [c] = _clues(text)
    assert c.office == "Prince" and c.day == 6
    died = dt.date(2016, 4, 21)
    assert loglik(c, died + dt.timedelta(days=3)) > loglik(c, died + dt.timedelta(days=90)) + 3
    [c] = _clues("Days after the death of Antonin Scalia, the fight over the court began.")
    assert c.day == 6
    [c] = _clues("The unexpected death Saturday of Justice Antonin Scalia shook the court.")
    assert c.day == 6
    # a weekday with its date is a narrative's, not the writing week's
    [c] = _clues("Antonin Scalia was 79. Scalia died on Saturday, Feb. 13, at a ranch in Texas.")
    assert c.day == 0
    [c] = _clues("Two years after the death of Antonin Scalia on Saturday, the court was still split.")
    assert c.day == 0


def test_near_misses_give_no_clue():
    # another person of a longer name, a son, a surname without the full name
    assert _clues("Prince Harry said the death of Prince William's dog saddened him.") == []
    assert _clues("Dale Earnhardt Jr. won at Daytona, years after the death of his father.") == []
    assert _clues("Scalia's death leaves the court divided.") == []
    # the surname of a father and of his sons, all named in full
    assert _clues("Jeb Bush and George W. Bush spoke of George H.W. Bush. Bush's death was far off.") == []
    # not a death: a penalty, a rumour, a prospect
    assert _clues("Antonin Scalia wrote of the law. Scalia's death penalty opinions were long.") == []
    # a player's passing, a trial, a deed: not a death
    assert _clues("Kobe Bryant scored 30. Bryant's passing has improved this season.") == []
    assert _clues("Jurors in O.J. Simpson's murder trial heard from a detective.") == []
    assert _clues("Osama bin Laden's killing of 3,000 Americans shaped a decade.") == []
    [c] = _clues("Kobe Bryant's sudden passing shocked the league.")
    assert c.office == "Kobe Bryant"
    assert _clues("Fidel Castro did not appear. Rumors of Fidel Castro's death spread again on Monday.") == []
    assert _clues("Fidel Castro is 89. Analysts are preparing for the death of Fidel Castro.") == []
    # a name said alive is no death
    assert _clues("John McCain spoke on Tuesday. McCain said he would vote no.") == []


def test_a_death_named_before_it_happened_is_flagged(time_layer):
    text = ("The Senate's leaders said on Tuesday that they would not hold hearings on any nominee to "
            "replace the late Justice Antonin Scalia before the election.")
    flags = conflicts(time_layer(text, "2015-05-12"))
    assert len(flags) == 1
    assert "Antonin Scalia died 13 February 2016" in flags[0].message
    assert any("Antonin Scalia" in e.text for e in flags[0].evidence)
    assert conflicts(time_layer(text, "2016-05-10")) == []


def test_switch_off_removes_the_flag(time_layer, monkeypatch):
    from tidings.timex import conflicts_fit

    text = ("The Senate's leaders said on Tuesday that they would not hold hearings on any nominee to "
            "replace the late Justice Antonin Scalia before the election.")
    monkeypatch.setattr(conflicts_fit, "USE_DEATHS", False)
    assert conflicts(time_layer(text, "2015-05-12")) == []


def test_a_death_in_the_news_of_the_day():
    [c] = _clues("Fidel Castro dies at 90, Cuban state television announces.")
    assert c.office == "Fidel Castro" and c.day == 6
    [c] = _clues("Fidel Castro has died, his brother Raul said on state television.")
    assert c.day == 6
    assert _clues("If Fidel Castro dies, the island could change quickly.") == []
    # a description between the name and the verb, as wire obituaries write it
    [c] = _clues("Fidel Castro, Cuba's revolutionary leader, dies at 90")
    assert c.day == 6
    [c] = _clues("Antonin Scalia, the longest-serving justice on the court, died Saturday at a ranch in Texas.")
    assert c.office == "Antonin Scalia" and c.day == 6
    assert _clues("John McCain, the Republican senator from Arizona, said the bill died in committee.") == []


def test_a_person_told_as_alive_in_the_writing_week(monkeypatch):
    from tidings.timex import conflicts_deaths
    from tidings.timex.conflicts_deaths import loglik

    assert _clues("Antonin Scalia spoke at Georgetown. Scalia said Tuesday that the law was clear.") == []
    monkeypatch.setattr(conflicts_deaths, "USE_ALIVE", True)     # off by default

    [c] = _clues("Antonin Scalia spoke at Georgetown. Scalia said Tuesday that the law was clear.")
    assert c.office == "Antonin Scalia" and c.tense == "future"
    assert loglik(c, dt.date(2016, 6, 1)) < loglik(c, dt.date(2015, 6, 1)) - 3
    # a relative of the same surname, a dated quote, a quote of the late
    assert _clues("Cindy McCain said Tuesday that John McCain was at home.") == []
    assert _clues("John McCain said on Monday, Aug. 3, that he was fine.") == []
    assert [c.tense for c in _clues("The late John McCain said Tuesday, in a film, that war is hell.")] == ["past"]


def test_told_as_alive_after_the_death_is_flagged(time_layer, monkeypatch):
    from tidings.timex import conflicts_deaths

    monkeypatch.setattr(conflicts_deaths, "USE_ALIVE", True)     # off by default
    # two people quoted in the writing week who were both dead by the claimed date
    text = ("Sen. John McCain told reporters on Tuesday that he would not support the bill. "
            "Rep. Elijah Cummings said Tuesday that the House would hold hearings on it.")
    flags = conflicts(time_layer(text, "2020-03-10"))
    assert len(flags) == 1 and "John McCain died 25 August 2018" in flags[0].message
    assert "Elijah Cummings died 17 October 2019" in flags[0].message
    assert conflicts(time_layer(text, "2017-07-25")) == []


def test_the_dead_age_no_more():
    from tidings.timex.conflicts_world import age_clues, loglik

    # an age at death given years later is still right
    [c] = age_clues("Protests followed the police shooting of the 18-year-old Michael Brown in Ferguson in 2014.")
    assert c.office == "Michael Brown" and c.day == 18
    assert loglik(c, dt.date(2016, 6, 1)) == loglik(c, dt.date(2014, 9, 1)) > loglik(c, dt.date(2012, 9, 1)) + 3


def test_a_month_or_a_name_before_the_death_is_no_modal():
    # 'May' the month and 'Will' the first name are not 'may' and 'will': the death is still told
    [c] = _clues("In May, the late Justice Antonin Scalia was honored at a ceremony in Washington.")
    assert c.office == "Antonin Scalia" and c.tense == "past"
    [c] = _clues("Will Smith said the death of Prince on Thursday shocked him.")
    assert c.office == "Prince" and c.day == 6
    # the modal itself still keeps a prospect out
    assert _clues("Analysts said Fidel Castro may have died, but Havana was quiet.") == []
    # a plane is no plan: the death in the next sentence is told
    [c] = _clues("The plane carrying Yevgeny Prigozhin crashed north of Moscow, and Yevgeny Prigozhin was killed, "
                 "officials said.")
    assert c.office == "Yevgeny Prigozhin"


def test_a_name_written_in_its_own_script():
    # the key of 'Zoran Đinđić' starts with a capital outside A-Z
    [c] = _clues("Zoran Đinđić, the Serbian prime minister, was killed on Wednesday in Belgrade.")
    assert c.terms[0][0] == dt.date(2003, 3, 12) and c.day == 6


def test_an_apposition_naming_another_person_is_that_persons_death():
    # 'Queen Elizabeth' is a form of Elizabeth II; 'the Queen Mother' in apposition died in 2002
    clues = _clues("Queen Elizabeth, the Queen Mother, died Saturday at Royal Lodge, aged 101.")
    assert [c.terms[0][0] for c in clues] == [dt.date(2002, 3, 30)]


def test_a_relatives_death_is_not_the_persons():
    # 'whose husband died', 'whose wife died last week': the relative's death, and a second person
    # of the table after the first's funeral is a mourner, not the dead
    assert _clues("Nancy Reagan, whose husband died in 2004, attended the gala in Los Angeles.") == []
    assert _clues("George H.W. Bush, whose wife died last week, attended the service in Houston.") == []
    clues = _clues("Mourners at the funeral of Barbara Bush included George H.W. Bush and his son.")
    assert [c.office for c in clues] == ["Barbara Bush"]
    [c] = _clues("Jeffrey Epstein, whose body was found in his cell on Saturday, was 66. Epstein died by suicide.")
    assert c.office == "Jeffrey Epstein"



def test_an_age_is_not_a_long_time_ago():
    # 'the 90-year-old' is the person's age, not 'years after' the death: still news of the days after
    [c] = _clues("Fidel Castro, the 90-year-old former president, died Friday in Havana.")
    assert c.day == 6
    [c] = _clues("A year after the death of Antonin Scalia on Saturday, the court was still split.")
    assert c.day == 0
