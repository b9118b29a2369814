"""Repairs to the small model's parse, on sentences written for these tests."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def nlp(pipeline):
    return pipeline.nlp


def subject_of(doc, verb: str) -> list[str]:
    tok = next(t for t in doc if t.text == verb)
    return [c.text for c in tok.children if c.dep_ == "nsubj"]


def test_a_day_after_someone_did_something_has_a_subject(nlp):
    # the small model reads "after [Norway's fisheries minister]" and leaves "accused"
    # without a subject
    doc = nlp("Iceland will keep two patrol boats near the grounds, the foreign ministry said "
              "on Tuesday, a day after Norway’s fisheries minister accused Reykjavik of "
              "“gunboat diplomacy.”")
    assert subject_of(doc, "accused") == ["minister"]
    assert next(t for t in doc if t.text == "after").dep_ == "mark"


def test_sentence_opening_as_clause_has_a_subject(nlp):
    doc = nlp("As a small gathering of union supporters waited for her arrival in a hotel "
              "ballroom, the senator took to Twitter to say thanks.")
    assert subject_of(doc, "waited") == ["gathering"]


def test_as_after_a_verb_is_left_alone(nlp):
    # "seen as a fair arbiter ... is critical": the arbiter is not what "is" is said of
    doc = nlp("The league being seen as a fair arbiter of the rules is critical to its "
              "future, the commissioner said.")
    assert "arbiter" not in subject_of(doc, "is")


def test_the_parse_stays_a_tree(nlp):
    doc = nlp("Shortly before the polls closed, the party's chairman conceded. As prices "
              "rose, the bank raised rates a week after the government had asked it to.")
    for tok in doc:
        seen, cur = set(), tok
        while cur.head.i != cur.i:
            assert cur.i not in seen
            seen.add(cur.i)
            cur = cur.head


def test_repaired_subject_speaks_and_acts(pipeline):
    text = ("Iceland will keep two patrol boats near the grounds, the foreign ministry said on "
            "Tuesday, a day after Norway\u2019s fisheries minister accused Reykjavik of "
            "\u201cgunboat diplomacy.\u201d\n\nFisheries Minister Ingrid Solheim said the "
            "deployment was a provocation.\n")
    res = pipeline.extract({"id": "repair", "text": text})
    solheim = next(e for e in res.entities if e.name == "Ingrid Solheim")
    accusation = next(s for s in res.statements if s.cue and s.cue.text == "accused")
    assert accusation.speaker is not None and accusation.speaker.entity == solheim.id
    event = next(e for e in res.events if e.type == "ACCUSE")
    assert event.source == [solheim.id]
