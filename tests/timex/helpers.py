"""Shared assertions for the time-layer tests."""
from __future__ import annotations

from typing import Optional

from tidings.timex.patterns import find_mentions


def value_of(layer: object, phrase: str) -> tuple[Optional[str], Optional[str]]:
    """(value, granularity) of the first time whose text contains ``phrase``."""
    for t in layer.times:  # type: ignore[attr-defined]
        if phrase in t.text:
            return t.value, t.granularity
    raise AssertionError(f"no time expression containing {phrase!r} in "
                         f"{[t.text for t in layer.times]}")  # type: ignore[attr-defined]


def conflicts(layer: object) -> list:
    return [f for f in layer.flags if f.kind == "date_conflict"]  # type: ignore[attr-defined]


def texts(s: str) -> list[str]:
    """The tagger's time expressions in ``s``, as text (no parse needed)."""
    return [m.text for m in find_mentions(s)]
