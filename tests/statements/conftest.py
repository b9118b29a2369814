"""Helpers shared by the statements tests."""
from __future__ import annotations

import pytest


@pytest.fixture
def statement_of(pipeline):
    """The first statement whose cue reads ``cue`` in the result of ``text``; fails with the
    cues that were found when there is none."""

    def find(text: str, cue: str):
        res = pipeline.extract(text)
        found = [s for s in res.statements if s.cue is not None and s.cue.text == cue]
        assert found, f"no statement with cue {cue!r}; have {[s.cue.text if s.cue else None for s in res.statements]}"
        return found[0]

    return find
