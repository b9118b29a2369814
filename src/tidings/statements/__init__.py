"""Statements: quotes and reported speech, attributed to resolved speakers."""
from __future__ import annotations

from tidings.analysis import Analysis
from tidings.document import Statement
from tidings.stage import Stage


def run(analysis: Analysis) -> list[Statement]:
    return []


STAGE = Stage("statements", assigns="statements", requires=("entities", "times"), func=run)
