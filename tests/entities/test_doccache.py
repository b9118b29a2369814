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
