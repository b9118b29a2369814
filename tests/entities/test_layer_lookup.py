"""EntityLayer.entity_at: the look-up that starts past mentions that cannot reach the range
gives what a walk over every mention gives."""
from __future__ import annotations

import random

from tidings.document import Entity
from tidings.entities import EntityLayer


def _walk(layer: EntityLayer, vstart: int, vend: int):
    best, best_key = None, (0, 0)
    for s, e, eid in layer.view_mentions:
        overlap = min(e, vend) - max(s, vstart)
        if s >= vend or overlap <= 0:
            continue
        personal = 1 if layer.by_id(eid).kind == "person" else 0
        if (personal, overlap) > best_key:
            best, best_key = eid, (personal, overlap)
    return best


def test_entity_at_matches_a_walk_over_every_mention():
    rnd = random.Random(7)
    kinds = ("person", "organization", "location")
    layer = EntityLayer()
    layer.entities = [Entity(id=f"e{i}", name=f"N{i}", kind=kinds[i % 3]) for i in range(12)]
    for _ in range(80):
        s = rnd.randrange(0, 2000)
        layer.view_mentions.append((s, s + rnd.randint(1, 90), f"e{rnd.randrange(12)}"))
    layer.view_mentions.sort()
    for _ in range(400):
        a = rnd.randrange(0, 2100)
        b = a + rnd.randint(1, 120)
        assert layer.entity_at(a, b) == _walk(layer, a, b)
