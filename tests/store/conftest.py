"""Store fixtures: every ``store`` test runs on SQLite and, when TIDINGS_TEST_PG_URL names
a PostgreSQL server, on PostgreSQL too (skipped with the reason otherwise).  Each
PostgreSQL test gets its own schema, dropped afterwards."""
from __future__ import annotations

import pytest

from tests.conftest import BACKENDS, backend_url
from tidings.store import Store


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path):
    with backend_url(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def store(store_url):
    s = Store(store_url)
    yield s
    s.close()
