"""The per-document caches give what spaCy itself gives, without rebuilding it."""
from __future__ import annotations

from tidings.entities.doccache import doc_text, remember_text, tokens_with_pos

TEXT = ("Russian officials said on Monday that they would send advisers to Caracas. "
        "She told reporters in Moscow the talks had failed.\n\nHe denied it.")


def test_tokens_with_pos_are_the_tokens_spacy_tags_so(pipeline):
    doc = pipeline.nlp(TEXT)
    for tags in (("NOUN", "PROPN"), ("PROPN",), ("PRON",), ("VERB", "AUX")):
        want = [t.i for t in doc if t.pos_ in tags]
        assert [t.i for t in tokens_with_pos(doc, *tags)] == want
    assert [t.text for t in tokens_with_pos(doc, "PRON")] == ["they", "She", "He", "it"]


def test_remember_text_is_the_parsed_text_only(pipeline):
    doc = pipeline.nlp(TEXT)
    remember_text(doc, TEXT + " more")  # not what was parsed: ignored
    assert doc_text(doc) == doc.text == TEXT
    other = pipeline.nlp(TEXT)
    remember_text(other, TEXT)
    assert doc_text(other) == TEXT


def test_mention_equality_compares_every_field():
    import dataclasses

    from tidings.entities.mentions import Mention

    base = Mention(3, 9, "person", "Putin", country="RUS", name_tokens=("Putin",))
    assert base == Mention(3, 9, "person", "Putin", country="RUS", name_tokens=("Putin",))
    assert base != "Putin" and base in [Mention(0, 1, "group", "x"), base]
    for f in dataclasses.fields(Mention):
        value = getattr(base, f.name)
        if isinstance(value, bool):
            other = not value
        elif isinstance(value, int):
            other = value + 1
        elif isinstance(value, tuple):
            other = ("Vladimir",) + value
        else:  # a string or None
            other = f"{value}!"
        assert base != dataclasses.replace(base, **{f.name: other}), f.name


def test_span_of_makes_the_same_span_as_validation():
    from tidings.document import Span, Speaker

    text = "Officials said on Monday."
    assert Span.of(text, 0, 9) == Span(start=0, end=9, text="Officials")
    assert Span.of(text, 0, 9).model_dump() == {"start": 0, "end": 9, "text": "Officials"}
    assert Speaker.of(text, 0, 9, entity="e1").entity == "e1"
    assert Speaker.of(text, 0, 9).model_dump() == {"start": 0, "end": 9, "text": "Officials",
                                                   "entity": None}


def test_token_columns_are_the_token_attributes(pipeline):
    from tidings.entities.doccache import token_heads, token_strings

    doc = pipeline.nlp(TEXT)
    assert token_strings(doc, "POS") == [t.pos_ for t in doc]
    assert token_strings(doc, "TAG") == [t.tag_ for t in doc]
    assert token_strings(doc, "DEP") == [t.dep_ for t in doc]
    assert token_strings(doc, "LEMMA_LOWER") == [t.lemma_.lower() for t in doc]
    assert token_heads(doc) == [t.head.i for t in doc]
    assert any(h < i for i, h in enumerate(token_heads(doc)))  # heads to the left, too
