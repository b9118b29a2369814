"""The corpus: documents, cross-document actors, statements, events, times, flags, and
full-text search (FTS5 on SQLite, GIN over tsvector on PostgreSQL).

Revision ID: 0001
Revises:
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _doc_fk() -> sa.Column:
    return sa.Column("doc_pk", sa.Integer, sa.ForeignKey("documents.pk", ondelete="CASCADE"),
                     nullable=False)


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(16), nullable=False, unique=True),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("ext_id", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("headline", sa.Text),
        sa.Column("published", sa.String(10)),
        sa.Column("outlet", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("result", sa.Text, nullable=False),
        sa.Column("n_entities", sa.Integer, nullable=False, server_default="0"),
        sa.Column("n_statements", sa.Integer, nullable=False, server_default="0"),
        sa.Column("n_events", sa.Integer, nullable=False, server_default="0"),
        sa.Column("n_flags", sa.Integer, nullable=False, server_default="0"),
        sa.Column("ingested_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_documents_published", "documents", ["published"])
    op.create_table(
        "actors",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key", sa.String(300), nullable=False, unique=True),
        sa.Column("norm", sa.String(300), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("country", sa.String(8)),
        sa.Column("sector", sa.String(16)),
        sa.Column("role", sa.Text),
        sa.Column("n_documents", sa.Integer, nullable=False, server_default="0"),
        sa.Column("n_statements", sa.Integer, nullable=False, server_default="0"),
        sa.Column("n_events", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_actors_norm", "actors", ["norm"])
    op.create_index("ix_actors_country", "actors", ["country"])
    op.create_index("ix_actors_n_documents", "actors", ["n_documents"])
    op.create_table(
        "doc_entities",
        sa.Column("doc_pk", sa.Integer, sa.ForeignKey("documents.pk", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("local_id", sa.String(64), primary_key=True),
        sa.Column("actor_id", sa.Integer, sa.ForeignKey("actors.id"), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(32)),
        sa.Column("role", sa.Text),
        sa.Column("country", sa.String(8)),
        sa.Column("sector", sa.String(16)),
        sa.Column("n_mentions", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_doc_entities_actor", "doc_entities", ["actor_id"])
    op.create_table(
        "statements",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _doc_fk(),
        sa.Column("local_id", sa.String(64), nullable=False),
        sa.Column("actor_id", sa.Integer, sa.ForeignKey("actors.id")),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("speaker", sa.Text),
        sa.Column("cue", sa.Text),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("content_text", sa.Text, nullable=False),
        sa.Column("date", sa.String(10)),
        sa.Column("granularity", sa.String(16)),
        sa.Column("date_from", sa.String(16)),
        sa.Column("venue", sa.Text),
    )
    op.create_index("ix_statements_doc", "statements", ["doc_pk"])
    op.create_index("ix_statements_actor_date", "statements", ["actor_id", "date"])
    op.create_index("ix_statements_date", "statements", ["date"])
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _doc_fk(),
        sa.Column("local_id", sa.String(64), nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("cameo", sa.String(16)),
        sa.Column("mode", sa.String(32)),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("date", sa.String(10)),
        sa.Column("granularity", sa.String(16)),
        sa.Column("date_from", sa.String(16)),
        sa.Column("loc_name", sa.Text),
        sa.Column("loc_country", sa.String(8)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("evidence", sa.Text),
    )
    op.create_index("ix_events_doc", "events", ["doc_pk"])
    op.create_index("ix_events_date", "events", ["date"])
    op.create_index("ix_events_type_date", "events", ["type", "date"])
    op.create_index("ix_events_country", "events", ["loc_country"])
    op.create_table(
        "event_actors",
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("actor_id", sa.Integer, sa.ForeignKey("actors.id"), primary_key=True),
        sa.Column("role", sa.String(8), primary_key=True),
        _doc_fk(),
    )
    op.create_index("ix_event_actors_actor", "event_actors", ["actor_id", "role"])
    op.create_index("ix_event_actors_doc", "event_actors", ["doc_pk"])
    op.create_table(
        "times",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _doc_fk(),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("value", sa.String(32)),
        sa.Column("granularity", sa.String(16)),
    )
    op.create_index("ix_times_doc", "times", ["doc_pk"])
    op.create_table(
        "flags",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _doc_fk(),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
    )
    op.create_index("ix_flags_doc", "flags", ["doc_pk"])
    op.create_index("ix_flags_kind", "flags", ["kind"])

    if op.get_bind().dialect.name == "sqlite":
        _sqlite_fts()
    elif op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE INDEX ix_documents_fts ON documents USING GIN "
                   "(to_tsvector('english', coalesce(headline, '') || ' ' || text))")
        op.execute("CREATE INDEX ix_statements_fts ON statements USING GIN "
                   "(to_tsvector('english', content_text))")


def _sqlite_fts() -> None:
    """External-content FTS5 tables (the text is stored once, in documents/statements),
    kept in step by triggers, as the SQLite FTS5 documentation describes."""
    tok = "tokenize = 'porter unicode61 remove_diacritics 2'"
    op.execute("CREATE VIRTUAL TABLE documents_fts USING fts5("
               f"headline, text, content='documents', content_rowid='pk', {tok})")
    op.execute("CREATE VIRTUAL TABLE statements_fts USING fts5("
               f"content_text, content='statements', content_rowid='id', {tok})")
    for table, fts, key, cols in (("documents", "documents_fts", "pk", ("headline", "text")),
                                  ("statements", "statements_fts", "id", ("content_text",))):
        names = ", ".join(cols)
        new = ", ".join(f"new.{c}" for c in cols)
        old = ", ".join(f"old.{c}" for c in cols)
        op.execute(f"CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN "
                   f"INSERT INTO {fts}(rowid, {names}) VALUES (new.{key}, {new}); END")
        op.execute(f"CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN "
                   f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.{key}, {old}); END")
        op.execute(f"CREATE TRIGGER {table}_au AFTER UPDATE ON {table} BEGIN "
                   f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.{key}, {old}); "
                   f"INSERT INTO {fts}(rowid, {names}) VALUES (new.{key}, {new}); END")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name in ("documents_fts", "statements_fts"):
            op.execute(f"DROP TABLE IF EXISTS {name}")
    for table in ("flags", "times", "event_actors", "events", "statements", "doc_entities",
                  "actors", "documents"):
        op.drop_table(table)
