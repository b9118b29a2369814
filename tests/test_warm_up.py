"""Pipeline.warm_up: the stages' tables loaded once, then frozen out of the collector's way."""
from __future__ import annotations

import gc

from tidings.pipeline import WARM_UP


def test_warm_up_runs_every_stage_and_freezes_what_is_loaded(pipeline) -> None:
    # the warm-up article must exercise every stage, or a table would still load later
    result = pipeline.extract({"id": "w", "text": WARM_UP})
    assert result.entities and result.times and result.statements and result.events
    before = gc.get_freeze_count()
    pipeline.warm_up()
    assert gc.get_freeze_count() > before
