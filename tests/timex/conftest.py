"""Helpers for the time-layer tests: run only the time stage on a short text."""
from __future__ import annotations

from typing import Callable, Optional

import pytest


@pytest.fixture(scope="session")
def time_layer(pipeline) -> Callable[..., object]:
    """``time_layer(body, published, url=None)`` → the TimeLayer for an article whose
    headline is a neutral line and whose body is ``body`` (the parse is the pipeline's)."""
    from tidings import timex
    from tidings.analysis import Analysis

    def run(body: str, published: Optional[str], *, url: Optional[str] = None,
            headline: str = "Report from the capital") -> object:
        record = {"id": "t", "text": f"{headline}\n\n{body}\n"}
        if published:
            record["published"] = published
        if url:
            record["url"] = url
        prep = pipeline._prepare(record, None)
        parsed = pipeline.nlp(prep.cleaned.view.text)
        analysis = Analysis(doc=prep.doc, cleaned=prep.cleaned, parsed=parsed)
        layer = timex.run(analysis)
        layer.text = prep.doc.text  # type: ignore[attr-defined]
        layer.view = prep.cleaned.view.text  # type: ignore[attr-defined]
        return layer

    return run
