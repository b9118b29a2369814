"""The result model: spans, JSON round trips and the shipped JSON Schema."""
from __future__ import annotations

import json
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tidings.document import (DateValue, Entity, Event, Flag, Result, Span, Speaker, Statement,
                              Time, json_schema)


def test_span_of_takes_its_text_from_the_document():
    text = "Maria Zakharova told reporters"
    span = Span.of(text, 0, 15)
    assert span.text == "Maria Zakharova"
    with pytest.raises(ValueError):
        Span.of(text, 10, 100)
    with pytest.raises(ValueError):
        Span(start=0, end=5, text="wrong").check(text)


def test_unknown_event_type_is_refused():
    with pytest.raises(ValueError):
        Event(id="v1", type="FIGHT")


@st.composite
def results(draw: st.DrawFn) -> Result:
    text = draw(st.text(min_size=1, max_size=200))

    def span() -> Span:
        a = draw(st.integers(0, len(text)))
        b = draw(st.integers(a, len(text)))
        return Span.of(text, a, b)

    ent = Entity(id="e1", name=draw(st.text(max_size=20)), kind="person", country="RUS",
                 sector="GOV", mentions=[span()])
    sp = span()
    statement = Statement(id="s1", kind="direct",
                          speaker=Speaker(start=sp.start, end=sp.end, text=sp.text, entity="e1"),
                          cue=span(), content=[span(), span()], venue="weekly briefing",
                          date=DateValue(value="2026-06-18", granularity="day"))
    t = span()
    return Result(id=draw(st.text(max_size=10)), text=text, entities=[ent], statements=[statement],
                  events=[Event(id="v1", type=draw(st.sampled_from(["AGREE", "ASSAULT", "REQUEST"])),
                                source=["e1"], evidence=span())],
                  times=[Time(start=t.start, end=t.end, text=t.text, value="2026-06-18", granularity="day")],
                  flags=[Flag(kind="date_conflict", message="m", evidence=[span()])])


@settings(max_examples=100, deadline=None)
@given(results())
def test_json_round_trip_is_lossless(result: Result):
    data = result.to_json()
    back = Result.from_json(data)
    assert back.to_dict() == result.to_dict()
    assert json.loads(data)["schema"] == "tidings/1"
    back.check_spans()


def test_contract_field_names():
    d = Result(text="x").to_dict()
    assert list(d)[:11] == ["schema", "id", "source", "text", "article", "entities", "statements",
                            "events", "times", "flags", "errors"]
    assert set(d["article"]) >= {"headline", "published", "published_from", "outlet", "urls", "paragraphs"}


def test_shipped_schema_is_the_generated_one():
    shipped = json.loads(resources.files("tidings").joinpath("schema/tidings-1.json").read_text("utf-8"))
    assert shipped == json_schema(), "regenerate with: tidings schema -o src/tidings/schema/tidings-1.json"
