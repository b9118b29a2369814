"""Shared fixtures.  The real articles and annotated data live in ../shared (beside the
repository); tests that need them skip with a message when it is absent."""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TIDINGS_SHARED", ROOT.parent / "shared"))
FOUNDING = SHARED / "corpus" / "moscow-times-venezuela-advisers.txt"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not here: the shared corpus and data sit beside the repository "
                    f"in ../shared (or set TIDINGS_SHARED)")
    return path


@pytest.fixture(scope="session")
def pipeline():
    """One pipeline (and one loaded model) for the whole test session."""
    from tidings.pipeline import default_pipeline

    return default_pipeline()


@pytest.fixture(scope="session")
def founding(pipeline):
    """The result on the founding article (../shared/corpus), computed once."""
    return pipeline.extract(str(shared_path("corpus", "moscow-times-venezuela-advisers.txt")))


#: the store backends a test runs on: SQLite always, PostgreSQL when TIDINGS_TEST_PG_URL is set
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@contextmanager
def backend_url(kind: str, folder: Path) -> Iterator[str]:
    """A store URL of the backend ``kind``: a SQLite file in ``folder``, or a private schema
    (dropped afterwards) on the PostgreSQL server; skips when no server is configured."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'corpus.db'}"
        return
    from tidings.store.testing import PG_ENV, pg_url, private_schema

    url = pg_url()
    if url is None:
        pytest.skip(f"PostgreSQL tests need a server: set {PG_ENV}=postgresql://user:pw@host/db")
    with private_schema(url) as scoped:
        yield scoped
