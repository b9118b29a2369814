"""Helpers for the events tests: frames of a written sentence, read with the real model."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def frames_of(pipeline):
    """frames_of(text) -> the event frames of every sentence of ``text`` (no entities
    layer: a phrase counts as holding an actor when spaCy's NER marks a word in it)."""
    from tidings.events.frames import sentence_frames

    def run(text: str):
        doc = pipeline.nlp(text)

        def has_actor(start: int, end: int) -> bool:
            span = doc.char_span(start, end, alignment_mode="expand")
            return span is not None and any(t.ent_type_ not in ("", "DATE", "TIME", "CARDINAL") for t in span)

        out = []
        for sent in doc.sents:
            out.extend(sentence_frames(sent, has_actor=has_actor))
        return out

    return run
