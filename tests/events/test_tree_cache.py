"""Depth and relative-clause membership, worked out once per document, are what walking
up the parse from each token gives."""
from __future__ import annotations

from tidings.events.syntax import SKIP_DEPS, _depth, _in_skipped_clause

TEXT = ("The rebels, who had seized the town that the army abandoned, said on Monday that "
        "they would withdraw. Officials denied it.\n\nTalks resume next week.")


def _walk(tok):
    n, skipped, cur = 0, False, tok
    while cur.head.i != cur.i:
        skipped = skipped or cur.dep_ in SKIP_DEPS
        n, cur = n + 1, cur.head
    return n, skipped


def test_depth_and_skipped_clause_match_a_walk_up_the_tree(pipeline):
    doc = pipeline.nlp(TEXT)
    assert [(_depth(t), _in_skipped_clause(t)) for t in doc] == [_walk(t) for t in doc]
    assert any(_in_skipped_clause(t) for t in doc)  # "who had seized the town ..."
    assert max(_depth(t) for t in doc) >= 3
