"""The array-backed lookups the statements stage reads instead of spaCy tokens must give
what the tokens themselves give (the stage's output depends on them to the character)."""
from __future__ import annotations

import math

import pytest

from tidings.statements import cuemodel, rules
from tidings.statements.frames import sentence_of, token_at

TEXT = (
    "ACCORDING TO the ministry, the talks failed.\n\n"
    "“We will not accept this,” Foreign Minister Ana Ruiz told reporters in Caracas on "
    "Tuesday, adding that the government had “no intention” of backing down.\n\n"
    "Officials said the plan, which critics called ''reckless'', would go ahead; "
    "according to Reuters, it was approved by parliament.  “It is done,” she said."
)


@pytest.fixture(scope="module")
def doc(pipeline):
    return pipeline.nlp(TEXT)


def test_docinfo_matches_tokens(doc):
    info = cuemodel.DocInfo(doc)
    for tok in doc:
        assert info.children(tok.i) == [c.i for c in tok.children]
        assert info.lower(tok.i) == tok.lower_
        assert info.ent_type(tok.i) == tok.ent_type_
        assert info.lemma[tok.i] == tok.lemma_.lower()
        assert (info.sent_start[tok.i], info.sent_end[tok.i]) == (tok.sent.start, tok.sent.end)
    assert info.quotes == [t.i for t in doc if t.text in cuemodel.QUOTES]
    assert len(info.quotes) >= 6  # the curly marks above, each its own token


def test_cue_probability_is_the_sum_over_features(doc):
    model = cuemodel.load()
    if model is None:
        pytest.skip("no cue model weights")
    info = cuemodel.DocInfo(doc)
    verbs = [t.i for t in doc if t.pos_ == "VERB"]
    assert verbs
    for _ in range(2):  # the second round reads the remembered group weights
        for i in verbs:
            z = sum(model.weights.get(f, 0.0) for f in cuemodel.features_at(i, info))
            assert model.prob_at(i, info) == 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
    said = next(t for t in doc if t.lower_ == "told")
    assert "l=tell" in cuemodel.features(said)
    assert "s=nsubj:PERSON" in cuemodel.features(said)


def test_offset_lookups(doc):
    for pos in range(len(TEXT) + 2):
        starts_before = [t.i for t in doc if t.idx <= pos]
        assert token_at(doc, pos) == (starts_before[-1] if starts_before else 0)
        ends_after = [t.i for t in doc if t.idx + len(t) > pos]
        assert rules._first_token(doc, pos) == (ends_after[0] if ends_after else len(doc) - 1)
        sent = sentence_of(doc, pos)
        expected = doc[token_at(doc, pos)].sent
        assert (sent.start, sent.end) == (expected.start, expected.end)


def test_according_tokens(doc):
    found = rules._according(doc, TEXT)
    assert found == {t.i for t in doc if t.lower_ == "according"}
    assert len(found) == 2
