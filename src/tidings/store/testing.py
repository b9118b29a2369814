"""Helpers for tests of the store against PostgreSQL (``TIDINGS_TEST_PG_URL``)."""
from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator, Optional

from sqlalchemy import text

from tidings.store.db import make_engine

if TYPE_CHECKING:
    from tidings.document import Result

PG_ENV = "TIDINGS_TEST_PG_URL"
TABLES = ("flags", "times", "event_actors", "events", "statements", "doc_entities", "actors",
          "documents", "alembic_version")


def pg_url() -> Optional[str]:
    """The test server's URL, or None when ``TIDINGS_TEST_PG_URL`` is unset."""
    return os.environ.get(PG_ENV) or None


def reset_postgres(url: str) -> None:
    """Drop the store's tables (only those) so the next ``Store(url)`` starts empty."""
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            for table in TABLES:
                conn.execute(text(f'DROP TABLE IF EXISTS "{table}" CASCADE'))
    finally:
        engine.dispose()


@contextmanager
def private_schema(url: str) -> Iterator[str]:
    """A URL for a new, empty schema of the server at ``url`` (dropped afterwards), so test
    runs sharing one database never see or drop each other's tables."""
    from sqlalchemy.engine import make_url

    name = f"tidings_t_{os.getpid()}_{uuid.uuid4().hex[:10]}"
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{name}"'))
        scoped = make_url(url).update_query_dict({"options": f"-csearch_path={name}"})
        yield scoped.render_as_string(hide_password=False)
    finally:
        with engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
        engine.dispose()


def hand_result(text: str, *, id: str, published: Optional[str] = None,
                headline: Optional[str] = None,
                entities: Optional[dict[str, tuple[str, str, Optional[str]]]] = None,
                statements: Optional[list[tuple[Optional[str], str, str, Optional[str]]]] = None,
                events: Optional[list[tuple[str, list[str], list[str], str, Optional[str],
                                            Optional[str]]]] = None) -> "Result":
    """A result written by hand for a test: spans are found in ``text`` (first occurrence).

    ``entities``: local id → (name, kind, country); every occurrence of the name is a mention.
    ``statements``: (speaker entity id or None, speaker text, content text, date or None).
    ``events``: (PLOVER type, source ids, target ids, evidence text, date, location country).
    """
    from tidings.document import (Article, DateValue, Entity, Event, Location, Result, Span,
                                  Speaker, Statement)

    def span(piece: str) -> Span:
        start = text.index(piece)
        return Span.of(text, start, start + len(piece))

    ents = []
    for eid, (name, kind, country) in (entities or {}).items():
        mentions, i = [], text.find(name)
        while i != -1:
            mentions.append(Span.of(text, i, i + len(name)))
            i = text.find(name, i + len(name))
        ents.append(Entity(id=eid, name=name, kind=kind, country=country, mentions=mentions))
    sts = []
    for n, (eid, who, content, date) in enumerate(statements or [], 1):
        sp = span(who)
        sts.append(Statement(
            id=f"s{n}", kind="direct", speaker=Speaker(start=sp.start, end=sp.end, text=sp.text,
                                                       entity=eid),
            content=[span(content)],
            date=DateValue(value=date, granularity="day") if date else None))
    evs = []
    for n, (type_, src, tgt, evidence, date, country) in enumerate(events or [], 1):
        evs.append(Event(id=f"v{n}", type=type_, source=src, target=tgt, evidence=span(evidence),
                         date=DateValue(value=date, granularity="day") if date else None,
                         location=Location(country=country) if country else None))
    result = Result(id=id, source=f"{id}.txt", text=text,
                    article=Article(headline=headline or text.split("\n", 1)[0],
                                    published=published, published_from="given" if published else None),
                    entities=ents, statements=sts, events=evs)
    result.check_spans()
    return result
