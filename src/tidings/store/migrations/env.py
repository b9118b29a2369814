"""Alembic environment: always run programmatically by :mod:`tidings.store.db` with an
open connection in ``config.attributes["connection"]``."""
from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
