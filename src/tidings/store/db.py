"""Engines and migrations.  ``sqlite:///path.db`` (the default) or ``postgresql://...``
(driven by psycopg 3); the schema is brought to the Alembic head when a store opens."""
from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.engine import make_url
from sqlalchemy.pool import StaticPool

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_MIGRATING = threading.Lock()


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() == "sqlite":
        kwargs: dict[str, Any] = {"connect_args": {"check_same_thread": False, "timeout": 30}}
        if parsed.database in (None, "", ":memory:"):
            kwargs["poolclass"] = StaticPool
        else:
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if parsed.get_backend_name() != "postgresql":
        raise ValueError(f"unsupported database URL {url!r}: use sqlite:///FILE or postgresql://...")
    return create_engine(parsed, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # WAL: readers never block the writer; a killed writer leaves the last commit intact.
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def migrate(engine: Engine, *, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (idempotent).  Safe when several processes open a
    new database at once: PostgreSQL serialises them with an advisory lock; on SQLite the
    loser of the race finds the schema made by the winner and carries on."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with _MIGRATING:  # Alembic's op/context proxies are process globals: one at a time
        _upgrade(engine, config, revision)


def _upgrade(engine: Engine, config: Config, revision: str) -> None:
    for attempt in range(3):
        try:
            with engine.begin() as conn:
                if conn.dialect.name == "postgresql":
                    conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7707)")
                config.attributes["connection"] = conn
                command.upgrade(config, revision)
            return
        except DBAPIError as e:
            if engine.dialect.name != "sqlite" or attempt == 2:
                raise
            log.info("another process was migrating %s (%s); checking again", engine.url, e)
            time.sleep(0.2 * (attempt + 1))


def downgrade(engine: Engine, *, revision: str) -> None:
    """Take the schema back to ``revision`` ("base": no tables)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with _MIGRATING, engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)
