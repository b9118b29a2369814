"""Cue recall: the classifier's clause-shape features, and the speech filter of the quote proxy.

The features are checked on sentences whose parse is unambiguous; what they name follows
from the grammar of each sentence (the infinitive a verb governs, its modal, the
complementizer of its clause), not from the program's own output.
"""
from __future__ import annotations

import pytest

from tests.bench_module import bench_module
from tidings.statements import cuemodel


@pytest.fixture(scope="module")
def parsed(pipeline):
    def parse(text: str):
        doc = pipeline.nlp(text)
        return doc, cuemodel.DocInfo(doc)
    return parse


def _features(parsed, text: str, word: str) -> list[str]:
    doc, info = parsed(text)
    tok = next(t for t in doc if t.text == word)
    return cuemodel.features_at(tok.i, info)


def test_infinitive_governed_is_a_feature(parsed):
    # "declined to comment": what the spokeswoman declined is to comment, a statement act
    feats = _features(parsed, "A spokeswoman for the governor declined to comment on the lawsuit.", "declined")
    assert "xc=comment" in feats
    assert "l|xc=decline|comment" in feats
    assert "hd=root" in feats  # the main verb of its sentence


def test_modal_and_clause_shape_are_features(parsed):
    feats = _features(parsed, "Ms. Lee would argue that the plan failed.", "argue")
    assert "md=would" in feats
    assert "l|cm=argue|that" in feats  # a that-clause under "argue"
    assert "ct=VBD" in feats  # the clause's verb "failed" is finite, past tense
    assert "suf=gue" in feats


def test_rare_verb_backs_off_to_its_ending(parsed):
    feats = _features(parsed, "The senator will soon criticize the new budget.", "criticize")
    assert "suf=ize" in feats
    assert "md=will" in feats


def test_decline_to_comment_is_a_statement(pipeline):
    model = cuemodel.load()
    if model is None:
        pytest.skip("no cue model weights")
    result = pipeline.extract({"id": "t", "text": (
        "The council voted on Tuesday to close the library. A spokeswoman for the mayor "
        "declined to comment on the vote.")})
    cues = [s.cue.text for s in result.statements if s.cue]
    assert any("declined" in c for c in cues), cues
    # a verb that reports no speech, thought or stance is no cue
    assert not any("voted" in c or "close" in c for c in cues), cues


def _eval_quotes():
    return bench_module("eval_quotes.py")


def _attr(cue: str, content: str) -> dict:
    return {"cue": [{"start": 0, "end": len(cue), "text": cue}],
            "content": [{"start": 0, "end": len(content), "text": content}]}


def test_speech_filter_of_the_quote_proxy():
    eq = _eval_quotes()
    words = eq.speech_words()
    assert {"said", "says", "told", "admitted", "denies", "argued", "tweeting"} <= words
    assert eq.is_speech(_attr("said", "the talks failed"), words)
    assert eq.is_speech(_attr("has repeatedly denied", "any wrongdoing"), words)
    assert eq.is_speech(_attr("according to", "the plan was dropped"), words)
    # a stance or a belief with no quotation is not what a quote set holds ...
    assert not eq.is_speech(_attr("endorsed", "Hillary Clinton"), words)
    assert not eq.is_speech(_attr("expects", "to win the primary"), words)
    # ... unless its content quotes the speaker
    assert eq.is_speech(_attr("believes", "the deal is “a disaster”"), words)


def test_quote_gold_keeps_only_speech_when_asked():
    eq = _eval_quotes()
    text = "Lee said the plan failed. Kim endorsed Lee."
    rec = {"doc": "d", "text": text, "attributions": [
        {"source": [{"start": 0, "end": 3, "text": "Lee"}], "cue": [{"start": 4, "end": 8, "text": "said"}],
         "content": [{"start": 9, "end": 24, "text": "the plan failed"}]},
        {"source": [{"start": 26, "end": 29, "text": "Kim"}], "cue": [{"start": 30, "end": 38, "text": "endorsed"}],
         "content": [{"start": 39, "end": 42, "text": "Lee"}]}]}
    assert len(eq.to_quote_gold(rec)["quotes"]) == 2
    speech = eq.to_quote_gold(rec, speech=eq.speech_words())["quotes"]
    assert [q["quote"]["text"] for q in speech] == ["the plan failed"]
    assert speech[0]["reference"] == "Lee"


def test_scope_stage_keeps_attitudes(pipeline):
    from tidings.pipeline import Pipeline
    from tidings.statements import STAGE, make_stage

    assert make_stage() is STAGE
    with pytest.raises(ValueError):
        make_stage(scope="everything")
    stages = [make_stage(scope="attributions") if st.name == "statements" else st for st in pipeline.stages]
    wide = Pipeline(stages)
    text = ("Governor Chris Christie endorsed Donald Trump on Friday. "
            "Mr. Trump said that the endorsement was a great honor.")
    narrow_cues = [s.cue.text for s in pipeline.extract({"id": "n", "text": text}).statements if s.cue]
    wide_cues = [s.cue.text for s in wide.extract({"id": "w", "text": text}).statements if s.cue]
    # an endorsement of a person is an attribution (PolNeAR) but not a statement
    assert "said" in narrow_cues and not any("endorsed" in c for c in narrow_cues)
    assert "said" in wide_cues and any("endorsed" in c for c in wide_cues)
