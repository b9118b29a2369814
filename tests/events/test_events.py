"""Events on written sentences: no invented events, reported speech, passives, compound
actors, modes, dates and places."""
from __future__ import annotations

import pytest

NO_EVENT = [
    "The minister said the economy was growing faster than expected.",
    "Officials said the weather in the capital had been unusually cold this winter.",
    "The talks, which began in 2019, are expected to resume later this year, a spokesman said.",
    "Analysts believe the election will be close.",
    "The president, who was elected in 2018, is a former football player.",
    "It was not immediately clear how many people live in the region.",
    "The report is available on the ministry's website.",
    "Oil prices rose two percent on Tuesday, traders said.",
]


def _types(result):
    return [e.type for e in result.events]


@pytest.mark.parametrize("text", NO_EVENT)
def test_no_event_sentences_give_no_event(pipeline, text):
    result = pipeline.extract(text, published="2024-03-05")
    assert result.events == [], [(e.type, e.evidence.text) for e in result.events]


def test_reported_speech_codes_the_reported_action(pipeline):
    result = pipeline.extract("The Iraqi defence ministry said Turkish warplanes bombed Kurdish villages near Dohuk.",
                              published="2024-03-05")
    ev = next(e for e in result.events if e.type == "ASSAULT")
    by_id = {e.id: e for e in result.entities}
    assert {by_id[i].country for i in ev.source} == {"TUR"}
    assert all(e.type == "ASSAULT" for e in result.events), "the saying itself is no event"
    assert ev.location is not None and ev.location.country == "IRQ" and ev.location.lat is not None


def test_passive_agent_is_the_source(frames_of):
    frames = frames_of("A camp for Congolese refugees was attacked by Burundian militiamen.")
    f = next(f for f in frames if f.type == "ASSAULT")
    assert "militiamen" in f.sources[0].text and "camp" in f.targets[0].text


def test_compound_subject_gives_several_sources(frames_of):
    frames = frames_of("Bosnia and Slovenia agreed to a ceasefire after two days of fighting.")
    f = next(f for f in frames if f.type == "AGREE")
    assert [a.head.text for a in f.sources] == ["Bosnia", "Slovenia"]


def test_modes_are_never_plain(frames_of):
    cases = {
        "Officials denied that the army had shelled the town.": ("ASSAULT", "denied"),
        "The rebels could attack the capital.": ("ASSAULT", "hypothetical"),
        "Police did not arrest the protesters.": ("COERCE", "negated"),
    }
    for text, (typ, mode) in cases.items():
        frames = [f for f in frames_of(text) if f.type == typ]
        assert frames and frames[0].mode == mode, (text, [(f.type, f.mode) for f in frames_of(text)])


def test_future_action_is_coded_as_the_intent(frames_of):
    (frame,) = [f for f in frames_of("Russia will impose sanctions on Ukraine.") if f.type == "THREATEN"]
    assert frame.mode == "future" and frame.action == "SANCTION" and frame.cameo.startswith("13")
    (frame,) = [f for f in frames_of("Japan will send food aid to Haiti.") if f.type == "AGREE"]
    assert frame.mode == "future" and frame.action == "AID" and frame.cameo == "033"


def test_demand_through_must(frames_of):
    frames = frames_of("The Bush administration declared Tuesday that China must drop barriers to U.S. exports.")
    f = next(f for f in frames if f.type == "REQUEST")
    assert "administration" in f.sources[0].text and f.targets[0].text == "China"


def test_event_date_from_the_sentence_else_the_publication(pipeline):
    result = pipeline.extract("Chinese police arrested twelve activists in Lhasa.", published="2024-03-05")
    ev = next(e for e in result.events if e.type == "COERCE")
    assert ev.date.value == "2024-03-05" and ev.date.basis == "published"


def test_evidence_is_an_original_span(pipeline):
    text = "Serbia lifted a night\ncurfew in Montenegro on Sunday, officials said."
    result = pipeline.extract(text, published="2024-03-05")
    ev = next(e for e in result.events if e.type == "CONCEDE")
    assert text[ev.evidence.start:ev.evidence.end] == ev.evidence.text
    assert "curfew" in ev.evidence.text and ev.cameo.startswith("08")


def test_alleged_action_is_not_an_event(frames_of):
    frames = frames_of("Rebel leaders accused the army of killing forty civilians in the village.")
    assert [f.type for f in frames] == ["ACCUSE"]
    assert "army" in frames[0].targets[0].text


def test_event_dated_by_the_reporting_clause(pipeline):
    # published on a Wednesday; the attack is dated by "said on Monday", the nearest date
    # the sentence gives, and says so
    result = pipeline.extract("Rebels attacked a police station in the north, officials said on Monday.",
                              published="2024-03-06")
    ev = next(e for e in result.events if e.type == "ASSAULT")
    assert (ev.date.value, ev.date.basis) == ("2024-03-04", "sentence")


@pytest.mark.parametrize("text", [
    "Police said the man was killed in a car accident.",
    "Oil prices hit a record high on Monday.",
    "The team beat its rivals 3-1 on Sunday.",
    "The president will travel to Paris next week, his office said.",
])
def test_no_violence_in_mishaps_and_metaphors(pipeline, text):
    result = pipeline.extract(text, published="2024-03-05")
    assert result.events == [], [(e.type, e.evidence.text) for e in result.events]


def test_reciprocal_actors_need_no_target(pipeline):
    result = pipeline.extract("Hungarian and Romanian officials met in Budapest on Monday.", published="2024-03-05")
    ev = next(e for e in result.events if e.type == "CONSULT")
    countries = {e.id: e.country for e in result.entities}
    assert {countries[i] for i in ev.source} == {"HUN", "ROU"} and ev.target == []
    assert ev.location is not None and ev.location.country == "HUN"


def test_local_group_is_coded_by_the_place(pipeline):
    result = pipeline.extract("Prisoners rioted at a jail in Harare on Monday.", published="2024-03-05")
    ev = next(e for e in result.events if e.type == "PROTEST")
    by_id = {e.id: e for e in result.entities}
    assert [by_id[i].country for i in ev.source] == ["ZWE"] and ev.location.country == "ZWE"


def test_first_person_in_a_quote_is_the_speaker(pipeline):
    result = pipeline.extract("“We have imposed sanctions on Iran,” the US Treasury said.", published="2024-03-05")
    ev = next(e for e in result.events if e.type == "SANCTION")
    by_id = {e.id: e for e in result.entities}
    assert [by_id[i].country for i in ev.source] == ["USA"] and [by_id[i].country for i in ev.target] == ["IRN"]


def test_us_the_country_is_no_pronoun(frames_of):
    # regression: "US" lower-cased is "us"; it must stay an actor
    frames = frames_of("The forum concluded that the US must allocate greater resources to the crisis.")
    f = next(f for f in frames if f.type == "REQUEST")
    assert f.targets[0].text == "the US"


def test_shared_target_across_opposed_actions_is_the_country(pipeline):
    # one does not sanction the side one backs: the sanctions fall on the country
    result = pipeline.extract(
        "Venezuela's crisis deepened on Monday. Russia is a staunch backer of the Venezuelan "
        "government, while the United States backs the country's opposition and has imposed "
        "sanctions.", published="2024-03-05")
    by_id = {e.id: e for e in result.entities}
    sanction = next(e for e in result.events if e.type == "SANCTION")
    assert [by_id[i].name for i in sanction.target] == ["Venezuela"]
    support = next(e for e in result.events if e.type == "SUPPORT" and "opposition" in e.evidence.text)
    assert [by_id[i].kind for i in support.target] != ["country"]


def test_shared_target_across_like_actions_is_kept(pipeline):
    result = pipeline.extract("Washington accused Iran of the attack and imposed sanctions on Monday.",
                              published="2024-03-05")
    by_id = {e.id: e for e in result.entities}
    sanction = next(e for e in result.events if e.type == "SANCTION")
    assert [by_id[i].name for i in sanction.target] == ["Iran"]
