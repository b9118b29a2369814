"""The normalised view: clean text for the parser, with an offset map back to the original.

A view is built from pieces.  Each piece says which range of the original text it stands
for and what it reads as in the view.  The map keeps, for every view character, the
original range it came from, so any view span maps back to an original span, and any
original offset maps forward to the nearest view offset.  Cleaning never edits the
original text: it only decides how each piece of it reads.
"""
from __future__ import annotations

import bisect
import difflib
from array import array
from typing import Optional

import numpy as np


_OFFSET = np.dtype(f"=i{array('l').itemsize}")  # the machine's C long, as array("l") holds


def _arange(start: int, end: int) -> bytes:
    """``array("l", range(start, end))`` as bytes, made without a Python int per offset."""
    return np.arange(start, end, dtype=_OFFSET).tobytes()


class ViewBuilder:
    def __init__(self, original: str) -> None:
        self.original = original
        self._out: list[str] = []
        self._starts = array("l")
        self._ends = array("l")

    def keep(self, start: int, end: int) -> None:
        """The original range reads as itself."""
        self._out.append(self.original[start:end])
        self._starts.frombytes(_arange(start, end))
        self._ends.frombytes(_arange(start + 1, end + 1))

    def replace(self, start: int, end: int, text: str) -> None:
        """The original range reads as ``text``.  Equal lengths map char by char; otherwise
        a difflib alignment keeps the unchanged characters exact and the changed ones map
        to the whole range they replace."""
        src = self.original[start:end]
        if len(text) == len(src):
            self._out.append(text)
            self._starts.frombytes(_arange(start, end))
            self._ends.frombytes(_arange(start + 1, end + 1))
            return
        if not text:
            return
        matcher = difflib.SequenceMatcher(None, src, text, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if j1 == j2:
                continue
            if tag == "equal":
                self.keep(start + i1, start + i2)
            else:
                a, b = start + i1, start + i2
                if a == b:  # pure insertion: attach to the neighbouring character
                    a, b = max(start, a - 1), min(end, max(b, a) + (0 if a > start else 1))
                self._out.append(text[j1:j2])
                self._starts.extend([a] * (j2 - j1))
                self._ends.extend([b] * (j2 - j1))

    def insert(self, text: str, at: int) -> None:
        """Text that stands for nothing in the original (a joining space)."""
        self._out.append(text)
        self._starts.extend([at] * len(text))
        self._ends.extend([at] * len(text))

    def build(self) -> "NormView":
        return NormView(self.original, "".join(self._out), self._starts, self._ends)


class NormView:
    """``text`` is the normalised view; ``to_original`` maps its spans back."""

    def __init__(self, original: str, text: str, starts: array, ends: array) -> None:
        assert len(text) == len(starts) == len(ends)
        self.original = original
        self.text = text
        self._starts = starts
        self._ends = ends

    @classmethod
    def identity(cls, original: str) -> "NormView":
        b = ViewBuilder(original)
        b.keep(0, len(original))
        return b.build()

    def __len__(self) -> int:
        return len(self.text)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the view range ``[start, end)``, whitespace trimmed
        on the original side so spans never begin or end on a joining newline."""
        if start >= end:
            pos = self._starts[start] if start < len(self._starts) else len(self.original)
            return pos, pos
        ostart = self._starts[start]
        oend = self._ends[end - 1]
        # a range inside a replaced piece can map to a wider original range; keep order
        ostart = min(ostart, oend)
        orig = self.original
        while ostart < oend and orig[ostart].isspace():
            ostart += 1
        while oend > ostart and orig[oend - 1].isspace():
            oend -= 1
        return ostart, oend

    def original_span(self, start: int, end: int) -> tuple[int, int, str]:
        s, e = self.to_original(start, end)
        return s, e, self.original[s:e]

    def from_original(self, offset: int) -> int:
        """The first view offset whose original position is at or after ``offset``."""
        return bisect.bisect_left(self._starts, offset)  # starts never decrease

    def from_original_range(self, start: int, end: int) -> Optional[tuple[int, int]]:
        """The view range covering original ``[start, end)``, or None if it was masked."""
        vs = self.from_original(start)
        ve = vs
        n = len(self._starts)
        while ve < n and self._starts[ve] < end:
            ve += 1
        return (vs, ve) if ve > vs else None
