"""Corpus-wide views: an actor's page, the timeline of events, the actor network, counts.
Like ``queries``, every outside value is a bound parameter."""
from __future__ import annotations

from collections import Counter
from typing import Any, Optional

from sqlalchemy import Connection, text

from tidings.store import queries
from tidings.store.models import (ActorDetail, Counts, Network, NetworkEdge, NetworkNode,
                                  TimelineBucket)

PERIOD_LENGTH = {"year": 4, "month": 7, "day": 10}


def actor(conn: Connection, actor_id: int, *, limit: int, offset: int = 0
          ) -> Optional[ActorDetail]:
    if not queries.valid_id(actor_id):
        return None
    row = conn.execute(text(f"SELECT {queries.ACTOR_COLS} FROM actors a WHERE a.id = :id"),
                       {"id": int(actor_id)}).mappings().one_or_none()
    if row is None:
        return None
    names = [n for n, in conn.execute(text(
        "SELECT name FROM doc_entities WHERE actor_id = :id GROUP BY name "
        "ORDER BY count(*) DESC, name LIMIT 20"), {"id": int(actor_id)})]
    roles = [r for r, in conn.execute(text(
        "SELECT role FROM doc_entities WHERE actor_id = :id AND role IS NOT NULL GROUP BY role "
        "ORDER BY count(*) DESC, role LIMIT 20"), {"id": int(actor_id)})]
    common: dict[str, Any] = {"date_from": None, "date_to": None}
    ev: dict[str, Any] = {"type": None, "country": None, **common}
    who = queries.actor_row(row)
    if roles:
        who.role = roles[0]  # the role most articles give, not the first one stored
    return ActorDetail(
        actor=who, names=names, roles=roles,
        statements=queries.statements(conn, actor=actor_id, q=None, doc=None, limit=limit,
                                      offset=offset, **common),
        events_as_source=queries.events(conn, actor=actor_id, role="source", limit=limit,
                                        offset=offset, **ev),
        events_as_target=queries.events(conn, actor=actor_id, role="target", limit=limit,
                                        offset=offset, **ev))


def timeline(conn: Connection, *, granularity: str, **filters: Any) -> list[TimelineBucket]:
    if granularity not in PERIOD_LENGTH:
        raise ValueError(f"granularity must be one of {sorted(PERIOD_LENGTH)}, not {granularity!r}")
    where, params = queries.event_filters(**filters)
    params["n"] = PERIOD_LENGTH[granularity]
    rows = conn.execute(text(
        "SELECT substr(e.date, 1, :n) AS period, e.type, count(*) AS n, sum(e.score) AS score "
        "FROM events e WHERE e.date IS NOT NULL AND " + " AND ".join(where) +
        " GROUP BY substr(e.date, 1, :n), e.type ORDER BY 1"), queries.safe(params)).all()
    buckets: dict[str, TimelineBucket] = {}
    for period, type_, n, score in rows:
        b = buckets.setdefault(period, TimelineBucket(period=period, count=0, score=0.0, by_type={}))
        b.count += int(n)
        b.score += float(score)
        b.by_type[type_] = int(n)
    for b in buckets.values():
        b.score = round(b.score / b.count, 4) if b.count else 0.0
    return sorted(buckets.values(), key=lambda b: b.period)


def network(conn: Connection, *, limit: int, min_count: int, **filters: Any) -> Network:
    """Actors as nodes, source→target pairs of events as edges (self-loops left out),
    the ``limit`` heaviest edges with at least ``min_count`` events."""
    ego = filters.pop("actor", None)
    where, params = queries.event_filters(actor=None, role=None, **filters)
    if ego is not None and not queries.valid_id(ego):
        where.append("1 = 0")
    elif ego is not None:
        where.append("(s.actor_id = :ego OR t.actor_id = :ego)")
        params["ego"] = int(ego)
    rows = conn.execute(text(
        "SELECT s.actor_id, t.actor_id, e.type, count(*), sum(e.score) FROM events e "
        "JOIN event_actors s ON s.event_id = e.id AND s.role = 'source' "
        "JOIN event_actors t ON t.event_id = e.id AND t.role = 'target' "
        "WHERE s.actor_id <> t.actor_id AND " + " AND ".join(where) +
        " GROUP BY s.actor_id, t.actor_id, e.type"), queries.safe(params)).all()
    edges: dict[tuple[int, int], NetworkEdge] = {}
    for src, tgt, type_, n, score in rows:
        edge = edges.setdefault((src, tgt), NetworkEdge(source=src, target=tgt, count=0,
                                                        score=0.0, by_type={}))
        edge.count += int(n)
        edge.score += float(score)
        edge.by_type[type_] = int(n)
    kept = sorted((e for e in edges.values() if e.count >= max(1, min_count)),
                  key=lambda e: (-e.count, e.source, e.target))[:max(0, min(limit, 2000))]
    per_node: Counter[int] = Counter()
    for e in kept:
        e.score = round(e.score / e.count, 4)
        per_node[e.source] += e.count
        per_node[e.target] += e.count
    nodes: list[NetworkNode] = []
    if per_node:
        ids = sorted(per_node)
        binds = ", ".join(f":a{i}" for i in range(len(ids)))
        for r in conn.execute(text(f"SELECT id, name, kind, country FROM actors WHERE id IN ({binds})"),
                              {f"a{i}": a for i, a in enumerate(ids)}).mappings():
            nodes.append(NetworkNode(id=r["id"], name=r["name"], kind=r["kind"],
                                     country=r["country"], n_events=per_node[r["id"]]))
    nodes.sort(key=lambda n: (-n.n_events, n.id))
    return Network(nodes=nodes, edges=kept)


def counts(conn: Connection) -> Counts:
    def n(sql: str) -> int:
        return int(conn.execute(text(sql)).scalar_one())
    return Counts(documents=n("SELECT count(*) FROM documents"),
                  actors=n("SELECT count(*) FROM actors WHERE n_documents > 0"),
                  statements=n("SELECT count(*) FROM statements"),
                  events=n("SELECT count(*) FROM events"),
                  times=n("SELECT count(*) FROM times"),
                  flags=n("SELECT count(*) FROM flags"))


