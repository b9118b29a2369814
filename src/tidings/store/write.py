"""Writing one result: the document row, its entities resolved to corpus actors, its
statements, events, times and flags — all inside the caller's transaction.

A document already stored (same content hash) is updated in place: its child rows are
replaced and the actors' counters moved accordingly, so re-ingesting never duplicates.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from typing import Any, Optional

from sqlalchemy import Connection, delete, func, insert, select, text, update

from tidings.document import Result, Span
from tidings.store import schema as S
from tidings.store.identity import actor_key, canonical_norm, content_hash, doc_id_of
from tidings.store.models import cooperation


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _span(span: Optional[Span]) -> Optional[dict[str, Any]]:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": span.text}


def _json(value: Any) -> Optional[str]:
    return None if value is None else json.dumps(value, ensure_ascii=False)


_NEW_ACTOR = text(
    "INSERT INTO actors (key, norm, name, kind, country, sector, role, surname, n_documents, "
    "n_statements, n_events) VALUES (:key, :norm, :name, :kind, :country, :sector, :role, "
    ":surname, 0, 0, 0) ON CONFLICT (key) DO NOTHING")
_BY_NAME = text("SELECT id, n_documents FROM actors WHERE norm = :norm AND kind = :kind "
                "AND country IS NOT NULL AND n_documents > 0")
_BY_SURNAME = text("SELECT id, n_documents FROM actors WHERE surname = :surname "
                   "AND kind = 'person' AND n_documents > 0 AND (country = :country OR :any = 1)")
# a surname alone is linked to a person when that person holds this share of the documents
# of everyone with the surname, and appears in at least this many documents
SURNAME_SHARE = 0.8
SURNAME_MIN_DOCUMENTS = 3
_FIND_ACTOR = text("SELECT id, role, sector FROM actors WHERE key = :key")
_FILL_ACTOR = text("UPDATE actors SET role = coalesce(role, :role), "
                   "sector = coalesce(sector, :sector) WHERE id = :id")
_MOVE = text("UPDATE actors SET n_documents = n_documents + :documents, "
             "n_statements = n_statements + :statements, n_events = n_events + :events "
             "WHERE id = :id")


def _actor_for(conn: Connection, entity: Any, known: dict[str, tuple[int, bool]],
               document: str) -> int:
    """The corpus actor of an entity, created when new.  ``known`` caches key → (id,
    complete) for this store: actor rows are never deleted, so ids stay valid.

    Before making a new actor: a name without a country joins the one prominent actor of
    that name and kind that has a country ("Washington" → Washington, USA), and a person
    named by surname alone joins the one prominent person of that surname."""
    key = actor_key(entity.name, kind=entity.kind, country=entity.country, document=document)
    cached = known.get(key)
    if cached is not None and (cached[1] or not (entity.role or entity.sector)):
        return cached[0]
    norm = canonical_norm(entity.name) if key.startswith("country:") else key.split("|", 1)[0]
    words = norm.split()
    found = None
    if entity.country is None and "|doc:" not in key:
        found = _dominant(conn.execute(_BY_NAME, {"norm": norm, "kind": entity.kind}).all(),
                          minimum=1)
    if found is None and entity.kind == "person" and len(words) == 1 and "|doc:" not in key:
        found = _by_surname(conn, words[0], entity.country)
    if found is not None:
        known[key] = (found, True)
        return found
    conn.execute(_NEW_ACTOR, {
        "key": key, "norm": norm, "name": entity.name,
        "kind": entity.kind, "country": entity.country, "sector": entity.sector,
        "role": entity.role,
        "surname": words[-1][:100] if entity.kind == "person" and len(words) >= 2 else None})
    row = conn.execute(_FIND_ACTOR, {"key": key}).one()
    if (row.role is None and entity.role) or (row.sector is None and entity.sector):
        conn.execute(_FILL_ACTOR, {"id": row.id, "role": entity.role, "sector": entity.sector})
    complete = bool((row.role or entity.role) and (row.sector or entity.sector))
    known[key] = (int(row.id), complete)
    return int(row.id)


def _by_surname(conn: Connection, surname: str, country: Optional[str]) -> Optional[int]:
    """The one prominent person with this surname ("Obama" → Barack Obama when he holds
    most of the documents of all the Obamas), or None when it is not clear who."""
    rows = conn.execute(_BY_SURNAME, {"surname": surname, "country": country,
                                      "any": 1 if country is None else 0}).all()
    return _dominant(rows, minimum=SURNAME_MIN_DOCUMENTS)


def _dominant(rows: Any, *, minimum: int) -> Optional[int]:
    """The candidate holding at least SURNAME_SHARE of all the candidates' documents (and
    at least ``minimum`` of them), or None when it is not clear who."""
    if not rows:
        return None
    best = max(rows, key=lambda r: (r.n_documents, -r.id))
    total = sum(r.n_documents for r in rows)
    if best.n_documents >= minimum and best.n_documents >= SURNAME_SHARE * total:
        return int(best.id)
    return None


def _move_counters(conn: Connection, counts: dict[int, Counter[str]], sign: int) -> None:
    if counts:
        conn.execute(_MOVE, [{"id": actor_id, "documents": sign * c["documents"],
                              "statements": sign * c["statements"], "events": sign * c["events"]}
                             for actor_id, c in sorted(counts.items())])


def _stored_counts(conn: Connection, doc_pk: int) -> dict[int, Counter[str]]:
    """What a stored document contributes to each actor's counters."""
    counts: dict[int, Counter[str]] = {}
    for (actor_id,) in conn.execute(select(S.doc_entities.c.actor_id).distinct()
                                    .where(S.doc_entities.c.doc_pk == doc_pk)):
        counts.setdefault(actor_id, Counter())["documents"] += 1
    for (actor_id,) in conn.execute(select(S.statements.c.actor_id).where(
            S.statements.c.doc_pk == doc_pk, S.statements.c.actor_id.is_not(None))):
        counts.setdefault(actor_id, Counter())["statements"] += 1
    for actor_id, n in conn.execute(
            select(S.event_actors.c.actor_id, func.count(S.event_actors.c.event_id.distinct()))
            .where(S.event_actors.c.doc_pk == doc_pk).group_by(S.event_actors.c.actor_id)):
        counts.setdefault(actor_id, Counter())["events"] += n
    return counts


def _clear(conn: Connection, doc_pk: int) -> None:
    _move_counters(conn, _stored_counts(conn, doc_pk), -1)
    for table in (S.event_actors, S.events, S.statements, S.doc_entities, S.times, S.flags):
        conn.execute(delete(table).where(table.c.doc_pk == doc_pk))


def write_result(conn: Connection, result: Result,
                 known_actors: Optional[dict[str, tuple[int, bool]]] = None) -> tuple[str, bool]:
    """Store ``result`` (inside the caller's transaction); returns (doc id, created).
    ``known_actors``: the store's cache of actor keys (see ``_actor_for``)."""
    result_json = result.to_json()
    if conn.dialect.name == "postgresql" and "\\u0000" in result_json:  # JSON escapes NUL
        raise ValueError("PostgreSQL cannot store text containing NUL characters; "
                         "use SQLite for this document")
    hash_hex = content_hash(result.text)
    doc_id = doc_id_of(hash_hex)
    art = result.article
    published = (art.published or "")[:10] or None
    row = {
        "ext_id": result.id, "source": result.source, "headline": art.headline,
        "published": published, "outlet": art.outlet, "text": result.text,
        "result": result_json, "n_entities": len(result.entities),
        "n_statements": len(result.statements), "n_events": len(result.events),
        "n_flags": len(result.flags), "updated_at": _now(),
    }
    existing = conn.execute(select(S.documents.c.pk).where(
        S.documents.c.content_hash == hash_hex)).scalar_one_or_none()
    if existing is None:
        doc_pk = conn.execute(insert(S.documents).values(
            id=doc_id, content_hash=hash_hex, ingested_at=row["updated_at"], **row)
        ).inserted_primary_key[0]
        created = True
    else:
        doc_pk = existing
        _clear(conn, doc_pk)
        conn.execute(update(S.documents).where(S.documents.c.pk == doc_pk).values(**row))
        created = False
    added = _write_children(conn, doc_pk, result, published,
                            {} if known_actors is None else known_actors, doc_id)
    _move_counters(conn, added, +1)
    return doc_id, created


def _write_children(conn: Connection, doc_pk: int, result: Result, published: Optional[str],
                    known: dict[str, tuple[int, bool]], document: str) -> dict[int, Counter[str]]:
    """Insert the document's facts; return what they add to each actor's counters."""
    actor_of: dict[str, int] = {}
    entity_rows = []
    added: dict[int, Counter[str]] = {}
    for entity in result.entities:
        actor_id = _actor_for(conn, entity, known, document)
        if entity.id in actor_of:  # a result repeating an entity id: keep the first
            continue
        added.setdefault(actor_id, Counter())["documents"] = 1
        actor_of[entity.id] = actor_id
        entity_rows.append({
            "doc_pk": doc_pk, "local_id": entity.id, "actor_id": actor_id, "name": entity.name,
            "kind": entity.kind, "role": entity.role, "country": entity.country,
            "sector": entity.sector, "n_mentions": len(entity.mentions)})
    if entity_rows:
        conn.execute(insert(S.doc_entities), entity_rows)

    statement_rows = []
    for st in result.statements:
        speaker_actor = actor_of.get(st.speaker.entity or "") if st.speaker else None
        if speaker_actor is not None:
            added[speaker_actor]["statements"] += 1
        date, gran, origin = _date(st.date, published, "statement")
        speaker = _span(st.speaker)
        if speaker is not None and st.speaker is not None:
            speaker["entity"] = st.speaker.entity
        statement_rows.append({
            "doc_pk": doc_pk, "local_id": st.id, "kind": st.kind,
            "actor_id": speaker_actor,
            "speaker": _json(speaker), "cue": _json(_span(st.cue)),
            "content": _json([_span(c) for c in st.content]),
            "content_text": " … ".join(c.text for c in st.content),
            "date": date, "granularity": gran, "date_from": origin, "venue": st.venue})
    if statement_rows:
        conn.execute(insert(S.statements), statement_rows)

    event_rows, event_pairs = [], []
    for ev in result.events:
        date, gran, origin = _date(ev.date, published, "event")
        loc = ev.location
        event_rows.append({
            "doc_pk": doc_pk, "local_id": ev.id, "type": ev.type, "cameo": ev.cameo,
            "mode": ev.mode, "score": cooperation(ev.type), "date": date, "granularity": gran,
            "date_from": origin, "loc_name": loc.name if loc else None,
            "loc_country": loc.country if loc else None, "lat": loc.lat if loc else None,
            "lon": loc.lon if loc else None, "evidence": _json(_span(ev.evidence))})
        pairs = {(actor_of[e], "source") for e in ev.source if e in actor_of}
        pairs |= {(actor_of[e], "target") for e in ev.target if e in actor_of}
        event_pairs.append(sorted(pairs))
        for actor_id in {a for a, _ in pairs}:
            added[actor_id]["events"] += 1
    if event_rows:
        ids = conn.execute(insert(S.events).returning(S.events.c.id, sort_by_parameter_order=True),
                           event_rows).scalars().all()
        links = [{"event_id": event_id, "actor_id": a, "role": r, "doc_pk": doc_pk}
                 for event_id, pairs in zip(ids, event_pairs) for a, r in pairs]
        if links:
            conn.execute(insert(S.event_actors), links)

    if result.times:
        conn.execute(insert(S.times), [
            {"doc_pk": doc_pk, "start": t.start, "end": t.end, "text": t.text,
             "value": t.value, "granularity": t.granularity} for t in result.times])
    if result.flags:
        conn.execute(insert(S.flags), [
            {"doc_pk": doc_pk, "kind": f.kind, "message": f.message,
             "evidence": _json([_span(e) for e in f.evidence])} for f in result.flags])
    return added


def _date(value: Any, published: Optional[str], origin: str
          ) -> tuple[Optional[str], Optional[str], Optional[str]]:
    if value is not None and value.value and len(value.value) >= 10 and value.value[4] == "-":
        return value.value[:10], value.granularity, origin
    if published:
        return published, "day", "published"
    return None, None, None
