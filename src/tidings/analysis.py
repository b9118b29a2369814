"""The working state of one document as it passes through the stages.

A stage reads the layers it declares in ``requires`` and returns its own layer, which the
pipeline stores under the stage's ``assigns`` name.  Stages work on the normalised view
(``view.text``, parsed as ``parsed``) and turn view offsets into original spans with
:meth:`Analysis.span`, so every fact they report indexes ``doc.text``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional

from tidings.clean import Cleaned, NormView
from tidings.document import Document, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


@dataclass
class Analysis:
    doc: Document
    cleaned: Cleaned
    parsed: "SpacyDoc"
    layers: dict[str, Any] = field(default_factory=dict)

    @property
    def view(self) -> NormView:
        return self.cleaned.view

    @property
    def published(self) -> Optional[dt.date]:
        value = self.cleaned.meta.published
        try:
            return dt.date.fromisoformat(value[:10]) if value else None
        except ValueError:  # metadata can carry anything; an unreadable date is no anchor
            return None

    def span(self, vstart: int, vend: int) -> Span:
        """The original span for the view range ``[vstart, vend)``."""
        s, e = self.view.to_original(vstart, vend)
        return Span.of(self.doc.text, s, e)

    def span_of(self, item: "SpacySpan | Token") -> Span:
        """The original span of a spaCy token or span of ``parsed``."""
        if hasattr(item, "idx"):
            return self.span(item.idx, item.idx + len(item))
        return self.span(item.start_char, item.end_char)

    def layer(self, name: str) -> Any:
        return self.layers[name]
