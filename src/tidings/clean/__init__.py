"""Cleaning: article structure and the normalised view, offset-preserving.

``clean(doc)`` never edits ``doc.text``.  It returns a :class:`Cleaned` with the article
structure as original offsets and a :class:`NormView` (lines joined, hyphenation mended,
encoding damage repaired, inserts and URLs left out) whose offset map leads back to the
original text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from tidings.clean.meta import ArticleMeta, article_meta
from tidings.clean.repair import mend_hyphen, repair_line
from tidings.clean.structure import Line, Structure, analyse
from tidings.clean.view import NormView, ViewBuilder
from tidings.document import Document

__all__ = ["Cleaned", "clean", "NormView"]


@dataclass
class Cleaned:
    view: NormView
    structure: Structure
    meta: ArticleMeta
    headline: Optional[str] = None
    headline_span: Optional[tuple[int, int]] = None
    paragraphs: list[tuple[int, int]] = field(default_factory=list)        # original offsets
    view_paragraphs: list[tuple[int, int]] = field(default_factory=list)   # view offsets
    view_headline: Optional[tuple[int, int]] = None
    urls: list[str] = field(default_factory=list)
    non_body: list[tuple[str, int, int]] = field(default_factory=list)     # kind, start, end


def _emit_lines(builder: ViewBuilder, lines: list[Line]) -> None:
    """Join hard-wrapped lines into running text."""
    for k, ln in enumerate(lines):
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        end = ln.end
        joiner = " "
        if nxt is not None:
            mend = mend_hyphen(ln.text, nxt.text)
            if mend == "join":       # "emer-" + "gency" -> "emergency"
                end -= 1
                joiner = ""
            elif mend == "compound":  # "state-" + "designated" -> "state-designated"
                joiner = ""
        text = builder.original[ln.start:end]
        fixed = repair_line(text)
        if fixed == text:
            builder.keep(ln.start, end)
        else:
            builder.replace(ln.start, end, fixed)
        if nxt is not None and joiner:
            builder.insert(joiner, end)


def clean(doc: Document) -> Cleaned:
    text = doc.text
    known = doc.paragraphs
    structure = analyse(text, has_headline=bool(known),
                        headline_hint=doc.headline if doc.format == "pdf" else None)
    builder = ViewBuilder(text)
    cleaned_head: Optional[str] = doc.headline
    head_span: Optional[tuple[int, int]] = None
    view_head: Optional[tuple[int, int]] = None

    if known and doc.headline and text.startswith(doc.headline):
        head_span = (0, len(doc.headline))
        view_head = (0, len(doc.headline))
        builder.replace(0, len(doc.headline), repair_line(doc.headline))
    elif structure.headline:
        lines = structure.headline
        vs = len_of(builder)
        _emit_lines(builder, lines)
        view_head = (vs, len_of(builder))
        head_span = (lines[0].start, lines[-1].end)
        cleaned_head = " ".join(repair_line(ln.text) for ln in lines)
        cleaned_head = re.sub(r"\s+", " ", cleaned_head).strip()

    paragraphs: list[tuple[int, int]] = []
    view_paras: list[tuple[int, int]] = []
    if known:
        groups = [[ln for ln in structure.lines if ln.kind != "blank" and s <= ln.start < e]
                  for s, e in known]
        paragraphs = list(known)
    else:
        groups = [p for p in structure.paragraphs]
        paragraphs = [(p[0].start, p[-1].end) for p in groups]
    for group in groups:
        if not group:
            continue
        if len_of(builder):
            builder.insert("\n\n", group[0].start)
        vs = len_of(builder)
        _emit_lines(builder, group)
        view_paras.append((vs, len_of(builder)))
    paragraphs = [p for p, g in zip(paragraphs, groups) if g]

    view = builder.build()
    urls = [u for u, _ in structure.urls]
    for u in doc.urls:
        if u not in urls:
            urls.append(u)
    meta = article_meta(doc, structure, urls)
    return Cleaned(
        view=view, structure=structure, meta=meta, headline=cleaned_head,
        headline_span=head_span, paragraphs=paragraphs, view_paragraphs=view_paras,
        view_headline=view_head, urls=urls,
        non_body=[(ln.kind, ln.start, ln.end) for ln in structure.non_body],
    )


def len_of(builder: ViewBuilder) -> int:
    return len(builder._starts)
