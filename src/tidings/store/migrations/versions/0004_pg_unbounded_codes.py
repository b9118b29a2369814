"""PostgreSQL: code and label columns become ``text`` instead of ``varchar(n)``, so a stage
that emits a longer code than foreseen (an event ``mode``, a TimeML value, an unusual
country or sector code, a long entity id) never makes a document fail to store.  (SQLite
never enforced these lengths.)  Changing varchar to text rewrites nothing in PostgreSQL.

Revision ID: 0004
Revises: 0003
"""
from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

COLUMNS = {
    "actors": ["kind", "country", "sector", "surname"],
    "doc_entities": ["local_id", "kind", "country", "sector"],
    "statements": ["local_id", "kind", "granularity", "date_from"],
    "events": ["local_id", "type", "cameo", "mode", "granularity", "date_from", "loc_country"],
    "event_actors": ["role"],
    "times": ["value", "granularity"],
    "flags": ["kind"],
}


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, columns in COLUMNS.items():
        changes = ", ".join(f'ALTER COLUMN "{c}" TYPE text' for c in columns)
        op.execute(f'ALTER TABLE "{table}" {changes}')


def downgrade() -> None:
    pass  # text holds everything varchar(n) did; nothing to undo
