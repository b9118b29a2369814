"""Per-document caches of values spaCy rebuilds on every access.

``Doc.text`` joins every token's text on each access and ``Doc.sents`` builds new
``Span`` objects on each call; stages that look these up inside loops over mentions or
tokens pay for the whole document each time.  The cached values live in the parsed
document's ``user_data``, so they go away with the document.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_TEXT = "tidings.doc_text"
_SENTS = "tidings.doc_sents"
_POS = "tidings.doc_pos"
_ORTH = "tidings.doc_orth"
_HEADS = "tidings.doc_heads"
_STARTS = "tidings.doc_starts"
_ENDS = "tidings.doc_ends"
_SENT_STARTS = "tidings.doc_sent_starts"


def remember_text(doc: "Doc", text: str) -> None:
    """Record that ``doc`` was parsed from ``text`` (spaCy keeps the text verbatim, so
    ``doc.text`` need not be joined again from the tokens)."""
    if len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(text):
        doc.user_data[_TEXT] = text


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


def tokens_with_pos(doc: "Doc", *tags: str) -> "list[Token]":
    """The tokens whose coarse part of speech (``pos_``) is one of ``tags``, in order,
    without building a ``Token`` for every other word of the document."""
    from spacy.parts_of_speech import IDS

    pos = doc.user_data.get(_POS)
    if pos is None:
        from spacy.attrs import POS

        pos = doc.user_data[_POS] = doc.to_array(POS).tolist()
    wanted = {IDS[t] for t in tags}
    return [doc[i] for i, p in enumerate(pos) if p in wanted]


def tokens_where(doc: "Doc", keep: "Callable[[str], bool]") -> "list[Token]":
    """The tokens whose text passes ``keep``, in order; ``keep`` is asked once per distinct
    word, and no ``Token`` is built for the words it rejects."""
    orths = doc.user_data.get(_ORTH)
    if orths is None:
        from spacy.attrs import ORTH

        orths = doc.user_data[_ORTH] = doc.to_array(ORTH).tolist()
    strings = doc.vocab.strings
    verdict: dict[int, bool] = {}
    out = []
    for i, orth in enumerate(orths):
        ok = verdict.get(orth)
        if ok is None:
            ok = verdict[orth] = bool(keep(strings[orth]))
        if ok:
            out.append(doc[i])
    return out


def token_strings(doc: "Doc", attr: str) -> list[str]:
    """Every token's ``pos_``, ``tag_``, ``dep_`` or lower-cased ``lemma_`` (``attr`` is
    "POS", "TAG", "DEP" or "LEMMA_LOWER"), read from the document's arrays once."""
    key = f"tidings.col.{attr}"
    col = doc.user_data.get(key)
    if col is None:
        from spacy import attrs
        from spacy.parts_of_speech import NAMES

        ids = doc.to_array(getattr(attrs, attr.split("_")[0])).tolist()
        strings = doc.vocab.strings
        if attr == "POS":
            names = {i: NAMES[i] for i in set(ids)}
        elif attr == "LEMMA_LOWER":
            names = {i: strings[i].lower() for i in set(ids)}
        else:
            names = {i: strings[i] for i in set(ids)}
        col = doc.user_data[key] = [names[i] for i in ids]
    return col


def token_heads(doc: "Doc") -> list[int]:
    """Every token's ``head.i``."""
    heads = doc.user_data.get(_HEADS)
    if heads is None:
        from spacy.attrs import HEAD

        # relative offsets, negative ones wrapped around as unsigned 64-bit numbers
        heads = doc.user_data[_HEADS] = [
            i + (h - (1 << 64) if h >= (1 << 63) else h)
            for i, h in enumerate(doc.to_array(HEAD).tolist())]
    return heads


def subtree_indices(tok: "Token") -> list[int]:
    """The indexes of ``tok.subtree`` in word order, from the head indexes: no spaCy Token is
    built for the words of the subtree (spaCy's ``subtree`` builds one per word and, where
    the parse is not projective, does not yield them in word order)."""
    heads = token_heads(tok.doc)
    top, left, right = tok.i, tok.left_edge.i, tok.right_edge.i
    inside: dict[int, bool] = {top: True}
    out: list[int] = []
    for j in range(left, right + 1):
        path = []
        k = j
        while k not in inside:
            h = heads[k]
            if h == k or not left <= h <= right:
                inside[k] = False
                break
            path.append(k)
            k = h
        verdict = inside[k]
        for p in path:
            inside[p] = verdict
        if verdict:
            out.append(j)
    return out


def token_starts(doc: "Doc") -> list[int]:
    """Every token's ``idx`` (its first character in ``doc.text``), in order."""
    starts = doc.user_data.get(_STARTS)
    if starts is None:
        from spacy.attrs import IDX

        starts = doc.user_data[_STARTS] = doc.to_array(IDX).tolist()
    return starts


def token_ends(doc: "Doc") -> list[int]:
    """Every token's ``idx + len(token)`` (the character after it), in order."""
    ends = doc.user_data.get(_ENDS)
    if ends is None:
        from spacy.attrs import LENGTH

        ends = doc.user_data[_ENDS] = [
            s + n for s, n in zip(token_starts(doc), doc.to_array(LENGTH).tolist())]
    return ends


def sent_starts(doc: "Doc") -> list[int]:
    """The first token index of each of :func:`doc_sents`, in order (for ``bisect``)."""
    starts = doc.user_data.get(_SENT_STARTS)
    if starts is None:
        starts = doc.user_data[_SENT_STARTS] = [s.start for s in doc_sents(doc)]
    return starts
