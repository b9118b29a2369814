"""The corpus store (issue 7): many documents, their facts, and cross-document actors.

    >>> from tidings.store import Store
    >>> store = Store("sqlite:///tidings.db")          # or "postgresql://user:pw@host/db"
    >>> doc_id = store.upsert(result)                  # a tidings.Result; one transaction
    >>> store.search("sanctions", limit=20).items      # [DocumentHit, ...]
    >>> store.actor(store.actors("Zakharova").items[0].id)

Identity: a document is the SHA-256 of its text (``content_hash``); its ``id`` (used in
URLs) is the first 16 hex digits.  Upserting the same text again replaces the stored facts
instead of adding a second copy.  Each upsert is one transaction, so a killed process
leaves either the whole document or none of it.

Actors: every entity of every document is resolved to one row of ``actors`` by
:func:`tidings.store.identity.actor_key` (normalised name + country; a known alias from
``data/actor_aliases.json``; country entities by ISO code), so "U.N." in one article and
"the United Nations" in another are one actor with all their statements and events.

Every list method takes keyword-only filters plus ``limit``/``offset`` and returns a
:class:`~tidings.store.models.Page` (``items``, ``total``, ``limit``, ``offset``); rows are
the plain dataclasses of :mod:`tidings.store.models`, each with ``to_dict()``.  Dates are
``YYYY-MM-DD`` strings; ``date_from``/``date_to`` are inclusive (``date_to`` may be a year
``YYYY`` or a month ``YYYY-MM``, meaning all of it).  A statement or event without
its own date is placed at its article's publication date (``date_from`` says which).

The schema lives in Alembic migrations inside this package and is brought to head when a
store opens.  For tests and benchmarks without the NLP model, see
:mod:`tidings.store.synthetic`.
"""
from __future__ import annotations

import logging
from typing import Any, Optional, Sequence, Union

from sqlalchemy import select, text

from tidings.document import Result
from tidings.store import aggregates, queries
from tidings.store import schema as S
from tidings.store.db import make_engine, migrate
from tidings.store.identity import content_hash, doc_id_of
from tidings.store.models import (ActorDetail, ActorRow, Counts, DocumentHit, EventRow,
                                  Network, Page, StatementRow, StoredDocument, TimelineBucket,
                                  cooperation)
from tidings.store.write import write_result

log = logging.getLogger(__name__)

DEFAULT_URL = "sqlite:///tidings.db"

__all__ = ["DEFAULT_URL", "Store", "content_hash", "cooperation"]


class Store:
    """A corpus database.  ``url``: ``sqlite:///FILE`` (default ``sqlite:///tidings.db``,
    ``sqlite://`` for memory) or ``postgresql://user:password@host:port/db``.  Thread-safe:
    each call takes its own connection from the pool."""

    def __init__(self, url: str = DEFAULT_URL) -> None:
        self.url = url
        self.engine = make_engine(url)
        migrate(self.engine)
        self._actor_ids: dict[str, tuple[int, bool]] = {}  # actor key → (id, complete)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.engine.url.render_as_string(hide_password=True)!r})"

    # -- writing ----------------------------------------------------------------------
    def upsert(self, result: Result) -> str:
        """Store one result (all its entities, statements, events, times and flags) in one
        transaction; return the document id.  The same text again updates, never duplicates."""
        return self.upsert_ex(result)[0]

    def put(self, result: Result) -> str:
        """Same as :meth:`upsert`."""
        return self.upsert(result)

    def upsert_ex(self, result: Result) -> tuple[str, bool]:
        """Like :meth:`upsert`, also saying whether the document was new (True) or updated."""
        if not result.text:
            raise ValueError("a result without text cannot be stored (was the document read?)")
        with self.engine.begin() as conn:
            try:
                return write_result(conn, result, self._actor_ids)
            except BaseException:
                self._actor_ids.clear()  # ids of actors created in the rolled-back transaction
                raise

    def has(self, hash_hex: str) -> bool:
        """Whether a document with this content hash (see :func:`content_hash`) is stored."""
        with self.engine.connect() as conn:
            return conn.execute(select(S.documents.c.pk).where(
                S.documents.c.content_hash == hash_hex)).first() is not None

    def delete(self, doc_id: str) -> bool:
        """Remove a document and its facts (one transaction); False if it was not there."""
        from tidings.store.write import _clear

        with self.engine.begin() as conn:
            pk = conn.execute(select(S.documents.c.pk).where(
                S.documents.c.id == doc_id.replace("\x00", ""))
                              ).scalar_one_or_none()
            if pk is None:
                return False
            _clear(conn, pk)
            conn.execute(S.documents.delete().where(S.documents.c.pk == pk))
            return True

    # -- documents --------------------------------------------------------------------
    def search(self, q: Optional[str] = None, *, date_from: Optional[str] = None,
               date_to: Optional[str] = None, outlet: Optional[str] = None,
               limit: int = 20, offset: int = 0) -> Page[DocumentHit]:
        """Documents whose headline or text contain all the words of ``q`` (stemmed), best
        first, each with a plain-text snippet; without ``q``, the newest documents first."""
        with self.engine.connect() as conn:
            return queries.search(conn, q, date_from=date_from, date_to=date_to, outlet=outlet,
                                  limit=limit, offset=offset)

    def document(self, doc_id: str) -> Optional[Result]:
        """The stored tidings/1 result of a document, or None."""
        stored = self.stored_document(doc_id)
        return None if stored is None else Result.from_json(stored.result)

    def get_document(self, doc_id: str) -> Optional[StoredDocument]:
        """Same as :meth:`stored_document`."""
        return self.stored_document(doc_id)

    def stored_document(self, doc_id: str) -> Optional[StoredDocument]:
        """The document with its result and the corpus actor of each of its entities."""
        with self.engine.connect() as conn:
            row = conn.execute(select(S.documents.c.pk, S.documents.c.id,
                                      S.documents.c.content_hash, S.documents.c.ingested_at,
                                      S.documents.c.updated_at, S.documents.c.result)
                               .where(S.documents.c.id == doc_id.replace("\x00", ""))).mappings().one_or_none()
            if row is None:
                return None
            mapping = dict(conn.execute(select(S.doc_entities.c.local_id,
                                               S.doc_entities.c.actor_id)
                                        .where(S.doc_entities.c.doc_pk == row["pk"])).all())
        import json
        return StoredDocument(id=row["id"], content_hash=row["content_hash"],
                              ingested_at=row["ingested_at"], updated_at=row["updated_at"],
                              result=json.loads(row["result"]), actors=mapping)

    # -- actors -----------------------------------------------------------------------
    def actors(self, q: Optional[str] = None, *, country: Optional[str] = None,
               kind: Optional[str] = None, limit: int = 50, offset: int = 0) -> Page[ActorRow]:
        """Actors whose name contains ``q`` (case/accent-insensitive, or a known alias),
        most documents first."""
        with self.engine.connect() as conn:
            return queries.actors(conn, q, country=country, kind=kind, limit=limit, offset=offset)

    def actor(self, actor_id: int, *, limit: int = 100, offset: int = 0) -> Optional[ActorDetail]:
        """Who the actor is, the names and roles they appear under, their statements in
        date order and their events as source and as target (``limit`` of each from
        ``offset``: one page of each list)."""
        with self.engine.connect() as conn:
            return aggregates.actor(conn, actor_id, limit=limit, offset=offset)

    # -- facts ------------------------------------------------------------------------
    def statements(self, *, actor: Optional[int] = None, q: Optional[str] = None,
                   date_from: Optional[str] = None, date_to: Optional[str] = None,
                   doc: Optional[str] = None, kind: Optional[str] = None, limit: int = 50,
                   offset: int = 0) -> Page[StatementRow]:
        """Statements in date order: by speaker actor, by topic words in their content
        (full-text, all words), by date range, of one document, or of one ``kind``
        ("direct", "indirect", "mixed")."""
        with self.engine.connect() as conn:
            return queries.statements(conn, actor=actor, q=q, date_from=date_from,
                                      date_to=date_to, doc=doc, kind=kind, limit=limit,
                                      offset=offset)

    def events(self, *, actor: Optional[int] = None, role: Optional[str] = None,
               type: Union[str, Sequence[str], None] = None, country: Optional[str] = None,
               date_from: Optional[str] = None, date_to: Optional[str] = None,
               doc: Optional[str] = None, limit: int = 50, offset: int = 0,
               order: str = "date") -> Page[EventRow]:
        """Events in date order (``order="date"``, oldest first, or ``"-date"``).  ``actor`` as source or target (``role`` "source"/"target"
        to choose); ``type`` one PLOVER type, a comma list or a sequence; ``country`` the
        event's location or any participant's country (ISO alpha-3)."""
        with self.engine.connect() as conn:
            return queries.events(conn, actor=actor, role=role, type=type, country=country,
                                  date_from=date_from, date_to=date_to, doc=doc, limit=limit,
                                  offset=offset, order=order)

    def timeline(self, *, actor: Optional[int] = None, type: Union[str, Sequence[str], None] = None,
                 country: Optional[str] = None, date_from: Optional[str] = None,
                 date_to: Optional[str] = None, granularity: str = "month"
                 ) -> list[TimelineBucket]:
        """Event counts per period ("year", "month" or "day"), with the mean cooperation
        score and the count of each type, oldest first."""
        with self.engine.connect() as conn:
            return aggregates.timeline(conn, granularity=granularity, actor=actor, role=None,
                                       type=type, country=country, date_from=date_from,
                                       date_to=date_to)

    def network(self, *, actor: Optional[int] = None,
                type: Union[str, Sequence[str], None] = None, country: Optional[str] = None,
                date_from: Optional[str] = None, date_to: Optional[str] = None,
                min_count: int = 1, limit: int = 200) -> Network:
        """Actors as nodes, events as source→target edges with a count and a mean
        cooperation (+1) ↔ conflict (-1) score; ``actor`` keeps only edges touching it."""
        with self.engine.connect() as conn:
            return aggregates.network(conn, actor=actor, type=type, country=country,
                                      date_from=date_from, date_to=date_to,
                                      min_count=min_count, limit=limit)

    def counts(self) -> Counts:
        with self.engine.connect() as conn:
            return aggregates.counts(conn)

    def check(self) -> None:
        """Raise if the database cannot be reached."""
        with self.engine.connect() as conn:
            conn.execute(text("SELECT 1"))


def document_id(result_text: str) -> str:
    """The id a document with this text has (or would have) in any store."""
    return doc_id_of(content_hash(result_text))
