"""Country and sector of resolved entities: from their role and premodifiers, the
organisation a role names, the table of well-known people, and, for people and state
bodies the article gives no country, the country the article is mostly about."""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Optional

from tidings.entities import gazetteer as gz

if TYPE_CHECKING:
    from tidings.entities.mentions import Mention
    from tidings.entities.resolve import Cluster


def dominant_country(mentions: list["Mention"]) -> Optional[str]:
    counts: Counter[str] = Counter()
    for m in mentions:
        if m.country and m.country not in gz.INTERNATIONAL:
            counts[m.country] += 1.0 if m.kind == "country" else 0.5 if m.kind in (
                "location", "group", "demonym") else 0.0
    if not counts:
        return None
    top = counts.most_common(1)[0][1]
    for m in mentions:  # ties go to the first mentioned
        if counts.get(m.country) == top:
            return m.country
    return None


def _institution_country(role: str, clusters: list["Cluster"]) -> Optional[str]:
    """The country of the organisation a role names: "Foreign Ministry spokeswoman" after
    "the Russian Foreign Ministry" → RUS."""
    for m in gz.find_names(role):
        if m.name.category != gz.INSTITUTION:
            continue
        for cl in clusters:
            if cl.kind == "organization" and cl.country and m.name.text.lower() in cl.name().lower():
                return cl.country
    return None


def code_cluster(cl: "Cluster", dominant: Optional[str], clusters: list["Cluster"]) -> None:
    if cl.kind == "person":
        name = cl.name()
        known = _known_person(name)
        context = " ".join(dict.fromkeys(m.context for m in cl.mentions if m.context))
        country, sector = gz.code_actor(f"{context} {cl.role or ''}")
        if country is None and cl.role:
            country = _institution_country(cl.role, clusters)
        if country is None:
            for m in cl.mentions:
                if m.country:
                    country = m.country
                    break
        if country is None and known:
            country = known[0]
        if sector is None and known:
            sector = known[1]
        if sector is None:
            sector = next((m.sector for m in cl.mentions if m.sector), None)
        if country is None:
            country = dominant
        cl.country, cl.sector = country, sector
        return
    if cl.kind in ("group", "organization") and len(cl.mentions) > 1:
        named = [m for m in cl.mentions if m.kind != "pronoun"]
        _, sector = gz.code_actor(cl.name())
        if sector and any(m.sector == sector for m in named):
            cl.sector = sector
    if cl.country is None and cl.sector in ("GOV", "MIL", "LEG", "JUD", "COP", "OPP", "REB"):
        cl.country = dominant


def _known_person(name: str) -> Optional[tuple[Optional[str], Optional[str]]]:
    table = gz.gazetteer()
    entry = table.get(name)
    if entry is None:
        parts = name.split()
        entry = table.get(parts[-1]) if parts else None
    if entry is not None and entry.category == gz.PERSON:
        return entry.country, entry.sector
    return None
