"""Read queries.  Every value from outside reaches the database as a bound parameter: the
SQL below is assembled only from constant fragments chosen by which filters are set.

Search is FTS5 (``MATCH``, ranked by bm25) on SQLite and ``to_tsvector @@ plainto_tsquery``
(ranked by ts_rank, GIN-indexed) on PostgreSQL; both treat the query as plain words that
must all occur (stemmed), so no query syntax from users reaches the engine.
"""
from __future__ import annotations

import json
import re
from typing import Any, Optional, Sequence, Union

from sqlalchemy import Connection, text

from tidings.store.models import (ActorRef, ActorRow, DocumentHit, EventRow, Page, Snippet,
                                  StatementRow)

_WORD = re.compile(r"\w+", re.UNICODE)
DOC_TSV = "d.tsv"  # PostgreSQL: stored, GIN-indexed (migration 0003)
ST_TSV = "to_tsvector('english', s.content_text)"
MAX_LIMIT = 500


def words(q: Optional[str]) -> list[str]:
    return _WORD.findall(q or "")[:32]


def fts_query(q: str) -> str:
    """An FTS5 query matching all the words of ``q``; each word is quoted, so operators
    and punctuation in user input are never interpreted."""
    return " ".join(f'"{w}"' for w in words(q))


def date_range(where: list[str], params: dict[str, Any], column: str,
               date_from: Optional[str], date_to: Optional[str]) -> None:
    """Add the bound-parameter conditions of a date range on ``column`` (a year or month as
    ``date_to`` covers all of it)."""
    if date_from:
        where.append(f"{column} >= :date_from")
        params["date_from"] = date_from
    if date_to:
        where.append(f"{column} <= :date_to")
        params["date_to"] = upper(date_to)


def clamp(limit: int, offset: int) -> tuple[int, int]:
    return max(0, min(int(limit), MAX_LIMIT)), max(0, min(int(offset), 10**9))


def upper(date_to: Optional[str]) -> Optional[str]:
    """An inclusive upper bound: "2026" and "2026-06" cover the whole year or month."""
    if not date_to or len(date_to) >= 10:
        return date_to
    return date_to + ("-99" if len(date_to) == 7 else "-99-99")


def valid_id(value: Any) -> bool:
    """Whether ``value`` can be a row id (a 32-bit integer in both databases)."""
    return isinstance(value, int) and 0 <= value < 2**31


def snippet(doc_text: str, q: Optional[str], *, width: int = 240) -> Snippet:
    """A plain excerpt around the first query word (prefix, case-insensitive)."""
    terms = [w for w in words(q) if len(w) > 1]
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\w*",
                         re.IGNORECASE) if terms else None
    first = pattern.search(doc_text) if pattern else None
    start = 0 if first is None else max(0, first.start() - width // 3)
    if start:
        space = doc_text.find(" ", start, first.start() if first else start + 20)
        start = space + 1 if space != -1 else start
    excerpt = doc_text[start:start + width]
    marks = [[m.start(), m.end()] for m in pattern.finditer(excerpt)] if pattern else []
    return Snippet(text=excerpt, start=start, highlights=marks)


def safe(params: dict[str, Any]) -> dict[str, Any]:
    """Parameters without NUL characters (PostgreSQL rejects them in text; no stored value
    contains one, so dropping them changes no answer)."""
    return {k: v.replace("\x00", "") if isinstance(v, str) else v for k, v in params.items()}


def _loads(value: Optional[str]) -> Any:
    return None if value is None else json.loads(value)


# -- documents --------------------------------------------------------------------
def search(conn: Connection, q: Optional[str], *, date_from: Optional[str],
           date_to: Optional[str], outlet: Optional[str], limit: int, offset: int
           ) -> Page[DocumentHit]:
    limit, offset = clamp(limit, offset)
    where, params = ["1=1"], {"limit": limit, "offset": offset}
    date_range(where, params, "d.published", date_from, date_to)
    if outlet:
        where.append("d.outlet = :outlet")
        params["outlet"] = outlet
    cols = ("d.pk, d.id, d.ext_id, d.source, d.headline, d.published, d.outlet, d.n_entities, "
            "d.n_statements, d.n_events, d.n_flags")
    pg = conn.dialect.name == "postgresql"
    if words(q):
        params["q"] = " ".join(words(q)) if pg else fts_query(q or "")
        if pg:
            match = f"{DOC_TSV} @@ plainto_tsquery('english', :q)"
            base = f"FROM documents d WHERE {match} AND " + " AND ".join(where)
            rank = f"ts_rank({DOC_TSV}, plainto_tsquery('english', :q))"
        else:
            base = ("FROM documents_fts JOIN documents d ON d.pk = documents_fts.rowid "
                    "WHERE documents_fts MATCH :q AND " + " AND ".join(where))
            rank = "-bm25(documents_fts, 4.0, 1.0)"  # a headline word weighs more
        order = "rank DESC, d.pk"
    elif q is not None and q.strip():
        return Page(items=[], total=0, limit=limit, offset=offset)  # only punctuation
    else:
        base = "FROM documents d WHERE " + " AND ".join(where)
        rank, order = "NULL", "d.published DESC NULLS LAST, d.pk DESC"
    total = conn.execute(text(f"SELECT count(*) {base}"), safe(params)).scalar_one()
    rows = conn.execute(text(f"SELECT {cols}, {rank} AS rank {base} ORDER BY {order} "
                             "LIMIT :limit OFFSET :offset"), safe(params)).mappings().all()
    texts: dict[int, str] = {}
    if rows:
        pks = [r["pk"] for r in rows]
        binds = ", ".join(f":p{i}" for i in range(len(pks)))
        texts = dict(conn.execute(text(f"SELECT pk, text FROM documents WHERE pk IN ({binds})"),
                                  {f"p{i}": pk for i, pk in enumerate(pks)}).all())
    items = [DocumentHit(
        id=r["id"], ext_id=r["ext_id"], source=r["source"], headline=r["headline"],
        published=r["published"], outlet=r["outlet"], n_entities=r["n_entities"],
        n_statements=r["n_statements"], n_events=r["n_events"], n_flags=r["n_flags"],
        snippet=snippet(texts.get(r["pk"], ""), q),
        rank=None if r["rank"] is None else float(r["rank"])) for r in rows]
    return Page(items=items, total=int(total), limit=limit, offset=offset)


# -- actors -----------------------------------------------------------------------
ACTOR_COLS = "a.id, a.name, a.kind, a.country, a.sector, a.role, a.n_documents, a.n_statements, a.n_events"


def actor_row(r: Any) -> ActorRow:
    return ActorRow(id=r["id"], name=r["name"], kind=r["kind"], country=r["country"],
                    sector=r["sector"], role=r["role"], n_documents=r["n_documents"],
                    n_statements=r["n_statements"], n_events=r["n_events"])


def actors(conn: Connection, q: Optional[str], *, country: Optional[str], kind: Optional[str],
           limit: int, offset: int) -> Page[ActorRow]:
    from tidings.store.identity import canonical_norm, normalise

    limit, offset = clamp(limit, offset)
    where, params = ["a.n_documents > 0"], {"limit": limit, "offset": offset}
    if q and q.strip() and not normalise(q):
        return Page(items=[], total=0, limit=limit, offset=offset)  # only punctuation
    if q and normalise(q):
        norm = normalise(q)
        words_ = norm.split()
        if len(words_) > 2:  # as in actor keys: "Donald J. Trump" finds Donald Trump
            norm = " ".join([words_[0], *(w for w in words_[1:-1] if len(w) > 1), words_[-1]])
        like = norm.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        where.append("(a.norm LIKE :pattern ESCAPE '\\' OR a.norm = :canonical)")
        params["pattern"] = f"%{like}%"
        params["canonical"] = canonical_norm(q)
    if country:
        where.append("a.country = :country")
        params["country"] = country
    if kind:
        where.append("a.kind = :kind")
        params["kind"] = kind
    base = "FROM actors a WHERE " + " AND ".join(where)
    total = conn.execute(text(f"SELECT count(*) {base}"), safe(params)).scalar_one()
    rows = conn.execute(text(f"SELECT {ACTOR_COLS} {base} ORDER BY a.n_documents DESC, a.id "
                             "LIMIT :limit OFFSET :offset"), safe(params)).mappings().all()
    return Page(items=[actor_row(r) for r in rows], total=int(total), limit=limit, offset=offset)


# -- statements -------------------------------------------------------------------
def statements(conn: Connection, *, actor: Optional[int], q: Optional[str],
               date_from: Optional[str], date_to: Optional[str], doc: Optional[str],
               limit: int, offset: int, kind: Optional[str] = None) -> Page[StatementRow]:
    limit, offset = clamp(limit, offset)
    where, params = ["1=1"], {"limit": limit, "offset": offset}
    if actor is not None and not valid_id(actor):
        return Page(items=[], total=0, limit=limit, offset=offset)
    if actor is not None:
        where.append("s.actor_id = :actor")
        params["actor"] = int(actor)
    date_range(where, params, "s.date", date_from, date_to)
    if doc:
        where.append("d.id = :doc")
        params["doc"] = doc
    if kind:
        where.append("s.kind = :kind")
        params["kind"] = kind
    if q is not None and q.strip():
        if not words(q):
            return Page(items=[], total=0, limit=limit, offset=offset)
        if conn.dialect.name == "postgresql":
            where.append(f"{ST_TSV} @@ plainto_tsquery('english', :q)")
            params["q"] = " ".join(words(q))
        else:
            where.append("s.id IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH :q)")
            params["q"] = fts_query(q)
    base = ("FROM statements s JOIN documents d ON d.pk = s.doc_pk "
            "LEFT JOIN actors a ON a.id = s.actor_id WHERE " + " AND ".join(where))
    total = conn.execute(text(f"SELECT count(*) {base}"), safe(params)).scalar_one()
    rows = conn.execute(text(
        "SELECT s.id, s.local_id, s.kind, s.speaker, s.cue, s.content, s.content_text, s.date, "
        "s.granularity, s.date_from, s.venue, d.id AS doc_id, d.headline, d.published, "
        f"a.id AS actor_id, a.name AS actor_name, a.country AS actor_country {base} "
        "ORDER BY s.date ASC NULLS LAST, s.id LIMIT :limit OFFSET :offset"), safe(params)).mappings().all()
    items = [StatementRow(
        id=r["id"], doc_id=r["doc_id"], local_id=r["local_id"], kind=r["kind"],
        actor=None if r["actor_id"] is None else ActorRef(r["actor_id"], r["actor_name"],
                                                          r["actor_country"]),
        speaker=_loads(r["speaker"]), cue=_loads(r["cue"]), content=_loads(r["content"]) or [],
        text=r["content_text"], date=r["date"], granularity=r["granularity"],
        date_from=r["date_from"], venue=r["venue"], headline=r["headline"],
        published=r["published"]) for r in rows]
    return Page(items=items, total=int(total), limit=limit, offset=offset)


# -- events -----------------------------------------------------------------------
Types = Union[str, Sequence[str], None]


def event_filters(*, actor: Optional[int], role: Optional[str], type: Types,
                  country: Optional[str], date_from: Optional[str], date_to: Optional[str],
                  doc: Optional[str] = None) -> tuple[list[str], dict[str, Any]]:
    where: list[str] = ["1=1"]
    params: dict[str, Any] = {}
    if actor is not None and not valid_id(actor):
        where.append("1 = 0")  # no such actor can exist
    elif actor is not None:
        params["actor"] = int(actor)
        if role in ("source", "target"):
            where.append("e.id IN (SELECT event_id FROM event_actors "
                         "WHERE actor_id = :actor AND role = :role)")
            params["role"] = role
        else:
            where.append("e.id IN (SELECT event_id FROM event_actors WHERE actor_id = :actor)")
    types = [type] if isinstance(type, str) else list(type or [])
    types = [p.strip().upper() for t in types for p in t.split(",") if p.strip()]
    if types:
        where.append("e.type IN (" + ", ".join(f":type{i}" for i in range(len(types))) + ")")
        params.update({f"type{i}": t for i, t in enumerate(types)})
    if country:
        where.append("(e.loc_country = :country OR e.id IN (SELECT ea.event_id FROM "
                     "event_actors ea JOIN actors ca ON ca.id = ea.actor_id "
                     "WHERE ca.country = :country))")
        params["country"] = country
    date_range(where, params, "e.date", date_from, date_to)
    if doc:
        where.append("e.doc_pk = (SELECT pk FROM documents WHERE id = :doc)")
        params["doc"] = doc
    return where, params


def events(conn: Connection, *, limit: int, offset: int, order: str = "date",
           **filters: Any) -> Page[EventRow]:
    limit, offset = clamp(limit, offset)
    direction = "DESC" if order == "-date" else "ASC"
    where, params = event_filters(**filters)
    params.update(limit=limit, offset=offset)
    base = "FROM events e JOIN documents d ON d.pk = e.doc_pk WHERE " + " AND ".join(where)
    total = conn.execute(text(f"SELECT count(*) {base}"), safe(params)).scalar_one()
    rows = conn.execute(text(
        "SELECT e.id, e.local_id, e.type, e.cameo, e.mode, e.score, e.date, e.granularity, "
        "e.date_from, e.loc_name, e.loc_country, e.lat, e.lon, e.evidence, d.id AS doc_id, "
        f"d.headline {base} ORDER BY e.date {direction} NULLS LAST, e.id {direction} "
        "LIMIT :limit OFFSET :offset"),
        safe(params)).mappings().all()
    parts: dict[int, dict[str, list[ActorRef]]] = {r["id"]: {"source": [], "target": []}
                                                   for r in rows}
    if rows:
        binds = ", ".join(f":e{i}" for i in range(len(rows)))
        for p in conn.execute(text(
                "SELECT ea.event_id, ea.role, a.id, a.name, a.country FROM event_actors ea "
                f"JOIN actors a ON a.id = ea.actor_id WHERE ea.event_id IN ({binds}) "
                "ORDER BY ea.event_id, a.name"),
                {f"e{i}": r["id"] for i, r in enumerate(rows)}).all():
            parts[p[0]][p[1]].append(ActorRef(p[2], p[3], p[4]))
    items = [EventRow(
        id=r["id"], doc_id=r["doc_id"], local_id=r["local_id"], type=r["type"], cameo=r["cameo"],
        mode=r["mode"], score=float(r["score"]), sources=parts[r["id"]]["source"],
        targets=parts[r["id"]]["target"], date=r["date"], granularity=r["granularity"],
        date_from=r["date_from"],
        location=None if r["loc_name"] is None and r["loc_country"] is None else {
            "name": r["loc_name"], "country": r["loc_country"], "lat": r["lat"], "lon": r["lon"]},
        evidence=_loads(r["evidence"]), headline=r["headline"]) for r in rows]
    return Page(items=items, total=int(total), limit=limit, offset=offset)
