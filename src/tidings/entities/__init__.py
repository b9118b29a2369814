"""Entities: mentions resolved to people, organisations and countries, with role, country
and sector.  ``STAGE`` assigns an :class:`EntityLayer`.

- :func:`code_actor` codes an actor noun phrase's text with (country, sector) without a
  parse ("the Russian Foreign Ministry" → ("RUS", "GOV")).
- :class:`EntityLayer` answers, for a view range, which entity is mentioned there
  (:meth:`EntityLayer.entity_at`) and which entities are (:meth:`EntityLayer.entities_in`).
"""
from __future__ import annotations

import logging
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Optional

from tidings.analysis import Analysis
from tidings.document import Entity
from tidings.entities.gazetteer import code_actor
from tidings.stage import Stage

log = logging.getLogger(__name__)

__all__ = ["EntityLayer", "code_actor", "run", "STAGE"]

_PERSONAL_KINDS = ("person",)


@dataclass
class EntityLayer:
    entities: list[Entity] = field(default_factory=list)
    # (view_start, view_end, entity_id) for every mention, sorted by view_start
    view_mentions: list[tuple[int, int, str]] = field(default_factory=list)

    def by_id(self, entity_id: str) -> Optional[Entity]:
        index = self.__dict__.get("_index")
        if index is None or len(index) != len(self.entities):
            index = {e.id: e for e in self.entities}
            self.__dict__["_index"] = index
        found = index.get(entity_id)
        if found is None or found.id != entity_id:  # entities replaced since indexing
            found = next((e for e in self.entities if e.id == entity_id), None)
        return found

    def entity_at(self, vstart: int, vend: int) -> Optional[str]:
        """The entity of the mention that best overlaps the view range.  A person mention
        wins over an organisation or place in the same range, so "Foreign Ministry
        spokeswoman Maria Zakharova" or "Viktor Bondarev, the head of the Federation
        Council's committee" resolve to the person."""
        best, best_key = None, (0, 0)
        mentions = self.view_mentions
        for k in range(self._first_that_may_reach(vstart), len(mentions)):
            s, e, eid = mentions[k]
            if s >= vend:
                break
            overlap = min(e, vend) - max(s, vstart)
            if overlap <= 0:
                continue
            ent = self.by_id(eid)
            personal = 1 if ent is not None and ent.kind in _PERSONAL_KINDS else 0
            key = (personal, overlap)
            if key > best_key:
                best, best_key = eid, key
        return best

    def _first_that_may_reach(self, vstart: int) -> int:
        """The index of the first mention that can reach ``vstart``: those starting more
        than the longest mention's length before it end before it (the mentions are sorted
        by start), so a look-up need not walk the article's mentions from the top."""
        mentions = self.view_mentions
        key = (id(mentions), len(mentions))
        cached = self.__dict__.get("_starts")
        if cached is None or cached[0] != key:
            cached = self.__dict__["_starts"] = (
                key, [m[0] for m in mentions], max((e - s for s, e, _ in mentions), default=0))
        return bisect_left(cached[1], vstart - cached[2])

    def entities_in(self, vstart: int, vend: int) -> list[str]:
        """Ids of the entities with a mention inside (or overlapping) the view range, in
        the order of those mentions."""
        out: list[str] = []
        for s, e, eid in self.view_mentions:
            if s >= vend:
                break
            if e > vstart and eid not in out:
                out.append(eid)
        return out

    def mentions_in(self, vstart: int, vend: int) -> list[tuple[int, int, str]]:
        """The (view_start, view_end, entity_id) mentions overlapping the view range."""
        return [(s, e, eid) for s, e, eid in self.view_mentions if s < vend and e > vstart]


def run(analysis: Analysis) -> EntityLayer:
    from tidings.entities.resolve import resolve

    clusters = resolve(analysis.parsed)
    layer = EntityLayer()
    for n, cl in enumerate(clusters, 1):
        eid = f"e{n}"
        mentions = sorted(cl.mentions, key=lambda m: m.start)
        layer.entities.append(Entity(
            id=eid, name=cl.name(), kind=cl.kind, role=cl.role, country=cl.country,
            sector=cl.sector, mentions=[analysis.span(m.start, m.end) for m in mentions]))
        layer.view_mentions.extend((m.start, m.end, eid) for m in mentions)
    layer.view_mentions.sort()
    return layer


STAGE = Stage("entities", assigns="entities", requires=(), func=run)
