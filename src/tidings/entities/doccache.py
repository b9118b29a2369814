"""Per-document caches of values spaCy rebuilds on every access.

``Doc.text`` joins every token's text on each access and ``Doc.sents`` builds new
``Span`` objects on each call; stages that look these up inside loops over mentions or
tokens pay for the whole document each time.  The cached values live in the parsed
document's ``user_data``, so they go away with the document.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_TEXT = "tidings.doc_text"
_SENTS = "tidings.doc_sents"


def doc_text(doc: "Doc") -> str:
    """``doc.text``, computed once per document."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def doc_sents(doc: "Doc") -> "tuple[Span, ...]":
    """``tuple(doc.sents)``, computed once per document."""
    sents = doc.user_data.get(_SENTS)
    if sents is None:
        sents = doc.user_data[_SENTS] = tuple(doc.sents)
    return sents
