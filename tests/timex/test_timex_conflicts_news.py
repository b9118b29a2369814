"""One-off news events of the terms table as clues of WHEN an article was written
(timex/conflicts_news.py, the "kind": "event" rows of data/timex_terms.json): the table's
example, a flag only when the claimed date is months from an event the text calls recent,
and no recency clue from a thing, a generic or dated mention, or a place that is not the
event."""
from __future__ import annotations

import datetime as dt
import re

from tests.timex.helpers import conflicts


def _found(text: str) -> list:
    from tidings.timex.conflicts_world import term_clues

    found: list = []
    term_clues(text, found=found)
    return found


def _clues(text: str, nlp) -> list:
    from tidings.timex.conflicts_news import news_clues

    return news_clues(text, nlp(text), _found(text))


def test_the_tables_example_is_a_conflict_months_after_the_event(time_layer):
    # the example of the table's "about": "last week's Brussels attacks" (22 March 2016)
    text = ("Security was tightened at airports across Europe in the wake of last week's Brussels attacks, "
            "and officials said more police would patrol train stations.")
    flags = conflicts(time_layer(text, "2016-08-30"))
    assert len(flags) == 1 and "the Brussels attacks, 22 March 2016" in flags[0].message
    assert conflicts(time_layer(text, "2016-03-29")) == []


def test_without_the_rule_there_is_no_flag(time_layer, monkeypatch):
    from tidings.timex import conflicts_news

    text = ("Security was tightened at airports across Europe in the wake of last week's Brussels attacks, "
            "and officials said more police would patrol train stations.")
    monkeypatch.setattr(conflicts_news, "USE_NEWS", False)
    assert conflicts(time_layer(text, "2016-08-30")) == []


def test_event_rows_parse_have_their_days_and_cover_the_years():
    from tidings.data import load_json
    from tidings.timex.conflicts_news import news_event

    rows = load_json("timex_terms.json")["terms"]
    events = [r for r in rows if r.get("kind") == "event"]
    assert len(events) >= 150
    for r in events:
        ev = news_event(r)
        assert ev is not None and ev.day >= ev.first, r["term"]
        for p in r["patterns"]:
            re.compile(p)
        assert set(r) <= {"term", "patterns", "first", "kind", "day", "days", "scheduled", "news_patterns", "needs"}, r["term"]
    # one-off events of every year 2000-2024, not only of one election year
    assert set(range(2000, 2025)) <= {news_event(r).day.year for r in events}
    # rows without "kind" (products, movements) stay things; timex_products.json rows need nothing new
    assert news_event({"term": "the iPhone", "patterns": ["iPhone"], "first": "2007-01-09"}) is None
    # dates checked by hand: the Brexit vote, Hurricane Harvey's landfall, the Sandy Hook shooting
    by = {r["term"]: news_event(r) for r in events}
    assert by["the Brexit referendum"].day == dt.date(2016, 6, 23) and by["the Brexit referendum"].scheduled
    assert by["Hurricane Harvey"].day == dt.date(2017, 8, 25) and by["Hurricane Harvey"].first == dt.date(2017, 8, 17)
    assert by["the Sandy Hook shooting"].day == dt.date(2012, 12, 14)
    # deaths of people are the deaths clue's (timex_people.json): no second clue for the same words
    assert not any(name.startswith("the death of") for name in by)


def test_tense_and_closeness_shape_the_clue(pipeline):
    [c] = _clues("Days after the Orlando nightclub shooting, senators argued again over gun sales.", pipeline.nlp)
    assert c.tense == "past" and c.terms == ((dt.date(2016, 6, 12),) * 2,)
    # untensed: an unforeseen event is named only after it happened
    [c] = _clues("Mourners gathered to remember the victims of the Orlando massacre.", pipeline.nlp)
    assert c.tense == "past" and c.day == 0
    # tied to the writing week
    [c] = _clues("Voters remained divided after Thursday's Brexit referendum, polls showed.", pipeline.nlp)
    assert c.day == 6
    # a scheduled vote still to come
    [c] = _clues("Markets were nervous ahead of the Brexit referendum on Britain's membership.", pipeline.nlp)
    assert c.tense == "future"


def test_the_clue_prefers_weeks_after_the_event():
    from tidings.timex.conflicts_fit import Clue
    from tidings.timex.conflicts_world import loglik

    day = dt.date(2016, 3, 22)
    c = Clue("event", "past", vstart=0, vend=1, office="the Brussels attacks", terms=((day, day),))
    assert loglik(c, dt.date(2016, 3, 30)) > loglik(c, dt.date(2016, 9, 30)) + 1.5
    assert loglik(c, dt.date(2016, 3, 30)) > loglik(c, dt.date(2015, 9, 30)) + 3
    near = Clue("event", "past", vstart=0, vend=1, office="the Brussels attacks", day=6, terms=((day, day),))
    assert loglik(near, dt.date(2016, 3, 28)) > loglik(near, dt.date(2016, 8, 30)) + 3.7


def test_near_misses_give_no_recency_clue(pipeline):
    for text in (
            # a place, not the event; a thing of the table; a committee that outlives the attack
            "Orlando is a city in central Florida with many theme parks.",
            "Trump posted the video on Facebook and on Twitter.",
            "Clinton testified before the House Benghazi committee for 11 hours.",
            # another, a generic or a dated mention: no news of the writing weeks
            "Officials feared another Orlando shooting could happen anywhere.",
            "The 2015 Paris attacks and the Brussels attacks of 2016 changed European security.",
            # the event's own date written with its year: a past that the writer dates
            "Terrorists attacked the compound on Sept. 11, 2012, and the Benghazi attack became a scandal.",
            # a future-tense name of an unforeseen event is no plan
            "The city will never forget the Orlando nightclub shooting.",
    ):
        clues = _clues(text, pipeline.nlp)
        assert all(c.tense != "future" for c in clues), text
        if "never forget" not in text:
            assert clues == [], text


def test_the_pre_filter_reads_what_every_rows_pattern_reads():
    """One trie of the rows' literals (or their 'needs') chooses the rows to scan: it must find
    every name the rows' own patterns find, on text written to trip it up (overlapping
    literals, a literal inside a word, names written several ways)."""
    from tidings.timex.conflicts_world import _terms, term_clues

    text = ("After the election of Donald Trump and the DNC hack, the 9/11 attacks and the 7/7 bombings were "
            "recalled, as were the Utøya massacre, the 26/11 attacks, VW's emissions scandal, the killing of "
            "Gaddafi, the shooting of five police officers in Dallas, India's decision to scrap high-value notes, "
            "the Russia-Georgia war, the Khan Sheikhoun chemical attack, the truck attack in Nice, the Uri attack, "
            "Obama's Cairo speech, the death of David Bowie, the Swiss franc shock, H. W. Bush's death, the Madrid "
            "bombings, the Paris attacks, the Bataclan attack, the coup attempt in Turkey, Twitter's IPO, Bitcoins, "
            "iPods and super PACs.")
    got = [(c.office, c.vstart) for c in term_clues(text)]
    ref = [(name, m.start()) for name, rx, *_ in _terms() if (m := rx.search(text)) is not None]
    assert got == ref and len(got) >= 20


def test_an_event_of_two_days_is_weighed_by_the_nearer():
    # Trump was inaugurated twice (20 January 2017 and 2025): a January 2025 article telling
    # 'Trump's inauguration on Monday' is of the second, not years after the first
    from tidings.data import load_json
    from tidings.timex.conflicts_news import news_event

    [row] = [r for r in load_json("timex_terms.json")["terms"] if r["term"] == "Trump's inauguration"]
    assert news_event(row).days == (dt.date(2017, 1, 20), dt.date(2025, 1, 20))


def test_an_event_is_the_rows_own_even_for_a_row_made_anew():
    # rows built one after another (freed dicts may share an address) each get their own day
    from tidings.timex.conflicts_news import news_event

    days = [news_event({"term": f"the storm {i}", "patterns": ["x"], "first": f"20{10 + i}-01-01",
                        "kind": "event", "day": f"20{10 + i}-06-0{1 + i}"}).day for i in range(5)]
    assert days == [dt.date(2010 + i, 6, 1 + i) for i in range(5)]


def _offices(text: str) -> list[str]:
    from tidings.timex.conflicts_world import term_clues

    return [c.office for c in term_clues(text)]


def test_names_that_other_news_wrote_before_the_event_give_no_clue():
    # Condoleezza Rice's Cairo speech of June 2005, the rig's record well of 2009, another airline's
    # flight 370, the Lahaina fire of August 2018 (Hurricane Lane), riots in London in 2010
    for text in ("Rice's Cairo speech in June urged Egypt to hold free elections.",
                 "The Deepwater Horizon rig drilled the deepest oil well in history for BP in the Gulf.",
                 "Delta Flight 370 landed safely in Atlanta after a bird strike.",
                 "A Maui fire burned homes in Lahaina as Hurricane Lane passed; the Lahaina fire was contained.",
                 "Student protests turned into riots in London as parliament voted on tuition fees."):
        assert _offices(text) == [], text
    # the events themselves are still read
    assert _offices("The Deepwater Horizon oil spill fouled the Gulf coast.") == ["the Deepwater Horizon spill"]
    assert _offices("The search for Malaysia Airlines Flight 370 moved south.") == ["the MH370 disappearance"]
    assert _offices("Families of MH370 passengers met officials.") == ["the MH370 disappearance"]
    assert _offices("The devastating Maui wildfires killed at least 97 people.") == ["the Maui wildfires"]


def test_a_name_used_for_several_events_has_their_days():
    # 'the Lion Air crash' of Solo (30 November 2004), Bali (13 April 2013) and the 737 MAX (29 October
    # 2018); 'the Mumbai attacks' of the train bombings (11 July 2006) and of 26/11; the Noto earthquakes
    # of 2007, 5 May 2023 and 1 January 2024; Charlottesville's torch rally, KKK rally and Unite the Right
    from tidings.data import load_json
    from tidings.timex.conflicts_news import news_event

    by = {r["term"]: news_event(r) for r in load_json("timex_terms.json")["terms"] if r.get("kind") == "event"}
    assert dt.date(2013, 4, 13) in by["the Lion Air crash"].days
    assert by["the Mumbai attacks"].days == (dt.date(2006, 7, 11), dt.date(2008, 11, 26))
    assert dt.date(2023, 5, 5) in by["the Noto earthquake"].days
    assert by["the Charlottesville rally"].first == dt.date(2017, 5, 13)
    assert by["the Charlottesville rally"].day == dt.date(2017, 8, 12)
