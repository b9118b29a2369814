"""The store's tables (SQLAlchemy Core).  The Alembic migrations in ``migrations/`` create
them; this module only describes them for queries, and must match the head revision.

Documents are identified by the SHA-256 of their text (``content_hash``); ``id`` is its
first 16 hex digits, the id used in URLs.  Child rows point at ``documents.pk`` (an
integer, so their indexes stay small).  Full-text search is an FTS5 index on SQLite
(``documents_fts``, ``statements_fts``, kept in step by triggers) and GIN indexes over
``to_tsvector('english', ...)`` on PostgreSQL (the documents' vector stored in ``tsv``).
"""
from __future__ import annotations

from sqlalchemy import (Column, Float, ForeignKey, Integer, MetaData, String, Table, Text)

metadata = MetaData()

documents = Table(
    "documents", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("id", String(16), nullable=False, unique=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("ext_id", Text),
    Column("source", Text),
    Column("headline", Text),
    Column("published", String(10), index=True),
    Column("outlet", Text),
    Column("text", Text, nullable=False),
    Column("result", Text, nullable=False),  # the tidings/1 JSON
    Column("n_entities", Integer, nullable=False, default=0),
    Column("n_statements", Integer, nullable=False, default=0),
    Column("n_events", Integer, nullable=False, default=0),
    Column("n_flags", Integer, nullable=False, default=0),
    Column("ingested_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
)

actors = Table(
    "actors", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(300), nullable=False, unique=True),
    Column("norm", String(300), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("country", Text, index=True),
    Column("sector", Text),
    Column("role", Text),
    Column("n_documents", Integer, nullable=False, default=0, index=True),
    Column("n_statements", Integer, nullable=False, default=0),
    Column("n_events", Integer, nullable=False, default=0),
    Column("surname", Text, index=True),  # people named with 2+ words (rev. 0002)
)

doc_entities = Table(
    "doc_entities", metadata,
    Column("doc_pk", Integer, ForeignKey("documents.pk", ondelete="CASCADE"), primary_key=True),
    Column("local_id", Text, primary_key=True),
    Column("actor_id", Integer, ForeignKey("actors.id"), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("kind", Text),
    Column("role", Text),
    Column("country", Text),
    Column("sector", Text),
    Column("n_mentions", Integer, nullable=False, default=0),
)

statements = Table(
    "statements", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_pk", Integer, ForeignKey("documents.pk", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("local_id", Text, nullable=False),
    Column("actor_id", Integer, ForeignKey("actors.id")),
    Column("kind", Text, nullable=False),
    Column("speaker", Text),   # JSON span or null
    Column("cue", Text),       # JSON span or null
    Column("content", Text, nullable=False),  # JSON list of spans
    Column("content_text", Text, nullable=False),
    Column("date", String(10)),
    Column("granularity", Text),
    Column("date_from", Text),
    Column("venue", Text),
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_pk", Integer, ForeignKey("documents.pk", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("local_id", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("cameo", Text),
    Column("mode", Text),
    Column("score", Float, nullable=False),
    Column("date", String(10), index=True),
    Column("granularity", Text),
    Column("date_from", Text),
    Column("loc_name", Text),
    Column("loc_country", Text, index=True),
    Column("lat", Float),
    Column("lon", Float),
    Column("evidence", Text),  # JSON span or null
)

event_actors = Table(
    "event_actors", metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("actor_id", Integer, ForeignKey("actors.id"), primary_key=True),
    Column("role", Text, primary_key=True),  # "source" | "target"
    Column("doc_pk", Integer, ForeignKey("documents.pk", ondelete="CASCADE"), nullable=False,
           index=True),
)

times = Table(
    "times", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_pk", Integer, ForeignKey("documents.pk", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", Text),
    Column("granularity", Text),
)

flags = Table(
    "flags", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_pk", Integer, ForeignKey("documents.pk", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("kind", Text, nullable=False, index=True),
    Column("message", Text, nullable=False),
    Column("evidence", Text, nullable=False),  # JSON list of spans
)
