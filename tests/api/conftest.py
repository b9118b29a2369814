"""API fixtures (one corpus per module and backend; the tests only add to it): every ``store`` test runs on SQLite and, when TIDINGS_TEST_PG_URL names
a PostgreSQL server, on PostgreSQL too (skipped with the reason otherwise).  Each
PostgreSQL test gets its own schema, dropped afterwards."""
from __future__ import annotations

import pytest

from tidings.store import Store
from tidings.store.testing import PG_ENV, pg_url, private_schema


@pytest.fixture(scope="module",
                params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request, tmp_path_factory):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('api') / 'corpus.db'}"
        return
    url = pg_url()
    if url is None:
        pytest.skip(f"PostgreSQL tests need a server: set {PG_ENV}=postgresql://user:pw@host/db")
    with private_schema(url) as scoped:
        yield scoped


@pytest.fixture(scope="module")
def store(store_url):
    s = Store(store_url)
    yield s
    s.close()
