"""bench/polnear_agreement.py: the leave-one-out consensus that bounds the PolNeAR targets.

Records written for the purpose: three annotators of one short text, the spans chosen so
that what each share of voters keeps follows by counting.
"""
from __future__ import annotations

import pytest

from tests.bench_module import bench_module

TEXT = "The mayor said the budget was balanced, aides said."


@pytest.fixture(scope="module")
def agreement():
    return bench_module("polnear_agreement.py")


def _span(word: str, *, nth: int = 0) -> list[dict]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return [{"start": start, "end": start + len(word), "text": word}]


def _annotator(source: str, content: str) -> dict:
    return {"id": source, "text": TEXT, "attributions": [
        {"source": _span(source), "cue": _span("said"), "content": _span(content)}]}


def test_consensus_keeps_what_enough_other_annotators_marked(agreement):
    others = [_annotator("The mayor", "the budget was balanced"),
              _annotator("The mayor", "the budget was balanced, aides"),
              _annotator("mayor", "the budget was balanced")]
    def units(share):
        kept = agreement.consensus(others, share)
        return sorted((k, s[k][0]["text"] if k == "cue" else s[k]["spans"][0]["text"])
                      for s in kept for k in ("speaker", "cue") if k in s) + \
            sorted(s["content"][0]["text"] for s in kept if "speaker" not in s and "cue" not in s)
    # two of three marked "The mayor" and the shorter content; all three the cue
    assert units(0.6) == [("cue", "said"), ("speaker", "The mayor"), "the budget was balanced"]
    # one voter suffices at a low share: every variant is kept
    assert units(0.2) == [("cue", "said"), ("speaker", "The mayor"), ("speaker", "mayor"),
                          "the budget was balanced", "the budget was balanced, aides"]
    # only what all three marked
    assert units(1.0) == [("cue", "said")]


def test_an_annotation_becomes_one_statement_per_role(agreement):
    rec = _annotator("The mayor", "the budget was balanced")
    sts = agreement.as_statements(rec)
    assert [sorted(k for k in s if s[k]) for s in sts] == [["speaker"], ["cue"], ["content"]]
    assert sts[0]["speaker"]["start"] == 0 and sts[0]["speaker"]["end"] == len("The mayor")
