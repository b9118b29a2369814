"""API fixtures, one corpus per module and backend (the tests only add to it): every
test runs on SQLite and, when TIDINGS_TEST_PG_URL names a PostgreSQL server, on
PostgreSQL too (skipped with the reason otherwise).  Each
PostgreSQL test gets its own schema, dropped afterwards."""
from __future__ import annotations

import pytest

from tests.conftest import BACKENDS, backend_url
from tidings.store import Store


@pytest.fixture(scope="module", params=BACKENDS)
def store_url(request, tmp_path_factory):
    with backend_url(request.param, tmp_path_factory.mktemp("api")) as url:
        yield url


@pytest.fixture(scope="module")
def store(store_url):
    s = Store(store_url)
    yield s
    s.close()
