"""Actors get a ``surname`` (the last word of a person's normalised name, for people named
with two words or more), indexed, so an article that names someone by surname only can be
linked to the one prominent person of that surname.

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ALTER TABLE (SQLite has it for adding and dropping a column): no table copy,
    # so the foreign keys pointing at actors stay as they are
    op.add_column("actors", sa.Column("surname", sa.String(100), nullable=True))
    op.create_index("ix_actors_surname", "actors", ["surname"])
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, key FROM actors WHERE kind = 'person'")).all()
    updates = []
    for actor_id, key in rows:
        words = key.split("|", 1)[0].split()
        if len(words) >= 2:
            updates.append({"id": actor_id, "surname": words[-1][:100]})
    if updates:
        bind.execute(sa.text("UPDATE actors SET surname = :surname WHERE id = :id"), updates)


def downgrade() -> None:
    op.drop_index("ix_actors_surname", table_name="actors")
    op.drop_column("actors", "surname")
