"""The events stage on the PLOVER dev sentences (../shared/data/plover/dev.jsonl), scored by
the project's scorer (../shared/tools/score.py events-plover).  A guard against
regressions: the acceptance figures are measured on the held-out half."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from tests.conftest import shared_path


@pytest.mark.slow
def test_plover_dev_figures(pipeline, tmp_path):
    gold = shared_path("data", "plover", "dev.jsonl")
    scorer = shared_path("tools", "score.py")
    with gold.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    out = tmp_path / "system.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for result in pipeline.extract_many({"id": r["id"], "text": r["text"]} for r in records):
            result.check_spans()
            fh.write(result.to_json() + "\n")
    report = subprocess.run([sys.executable, str(scorer), "events-plover", str(gold), str(out)],
                            capture_output=True, text=True, check=True).stdout
    type_acc = float(re.search(r"type accuracy \(any event\)\s+([\d.]+)", report).group(1))
    full = float(re.search(r"SCORE events-plover ([\d.]+)", report).group(1))
    assert type_acc >= 0.85, report
    assert full >= 0.60, report
