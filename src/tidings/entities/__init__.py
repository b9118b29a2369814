"""Entities: mentions resolved to people, organisations and countries, with role, country
and sector.  ``STAGE`` assigns an :class:`EntityLayer`."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from tidings.analysis import Analysis
from tidings.document import Entity
from tidings.stage import Stage


@dataclass
class EntityLayer:
    entities: list[Entity] = field(default_factory=list)
    # (view_start, view_end, entity_id) for every mention, sorted by view_start
    view_mentions: list[tuple[int, int, str]] = field(default_factory=list)

    def by_id(self, entity_id: str) -> Optional[Entity]:
        return next((e for e in self.entities if e.id == entity_id), None)

    def entity_at(self, vstart: int, vend: int) -> Optional[str]:
        """The entity of the mention that best overlaps the view range."""
        best, best_overlap = None, 0
        for s, e, eid in self.view_mentions:
            if s >= vend:
                break
            overlap = min(e, vend) - max(s, vstart)
            if overlap > best_overlap:
                best, best_overlap = eid, overlap
        return best


def run(analysis: Analysis) -> EntityLayer:
    return EntityLayer()


STAGE = Stage("entities", assigns="entities", requires=(), func=run)
