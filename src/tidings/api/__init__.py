"""The HTTP API (issue 7): JSON over a :class:`tidings.store.Store`, served by ``tidings serve``.

``create_app(store, write_token=..., read_token=None)`` returns a FastAPI app with

========================================  ============================================
``GET  /api/search?q=&date_from=&...``     documents matching all words, best first
``GET  /api/documents?...``                same as /api/search (a listing without q)
``GET  /api/documents/{id}``               the tidings/1 result + entity → actor ids
``POST /api/documents``                    extract and store an article (write token)
``GET  /api/actors?q=&country=&kind=``     actors, most documents first
``GET  /api/actors/{id}``                  an actor page's data
``GET  /api/statements?actor=&q=&...``     statements by speaker / topic words / dates
``GET  /api/events?actor=&type=&...``      events by actor, type, country, dates
``GET  /api/timeline?granularity=&...``    event counts per period
``GET  /api/network?...``                  actors and cooperation/conflict edges
``GET  /api/counts``                       corpus size
========================================  ============================================

Lists answer ``{"items", "total", "limit", "offset"}``.  Writes need
``Authorization: Bearer <write_token>`` (no write token configured: writes are refused);
reads are open unless ``read_token`` is set, then they need that token (or the write
token) as a bearer token, a ``?token=`` parameter or the web UI's cookie.  The OpenAPI
schema is at ``/openapi.json``; ``/docs`` is Swagger UI, served from the copy of npm's
``swagger-ui-dist`` shipped in ``api/swagger/`` (works offline; ReDoc, which would need a
CDN, is not served).

Article text is untrusted: it is only ever returned inside JSON strings, and never put
into SQL except as a bound parameter.  When :mod:`tidings.web.pages` is importable its
router (the HTML pages) is included, so pages and API are one server; the app keeps
``store``, ``write_token``, ``read_token`` and ``pipeline`` in ``app.state``.
"""
from __future__ import annotations

import logging
from typing import Any, Optional

from fastapi import FastAPI

from tidings.api.docs import router as docs_router
from tidings.api.guard import UploadGuard
from tidings.api.routes import router
from tidings.store import Store

log = logging.getLogger(__name__)

__all__ = ["create_app"]


def create_app(store: Store, *, write_token: Optional[str], read_token: Optional[str] = None,
               pipeline: Any = None) -> FastAPI:
    """The API (and the web pages, when built in) over ``store``.  ``pipeline``: the
    :class:`tidings.Pipeline` used by uploads (default: the process-wide one, loaded on
    the first upload)."""
    import tidings

    app = FastAPI(title="tidings", version=tidings.__version__, docs_url=None, redoc_url=None,
                  description="Who said what, who did what to whom, when and where — over a "
                              "corpus of news articles.  Every fact carries character offsets "
                              "into its article's text (schema tidings/1).")
    app.state.store = store
    app.state.write_token = write_token or None
    app.state.read_token = read_token or None
    app.state.pipeline = pipeline
    app.include_router(router)
    app.include_router(docs_router)
    from tidings.ingest import MAX_BYTES

    app.add_middleware(UploadGuard, write_token=write_token or None, max_bytes=MAX_BYTES)
    try:
        from tidings.web.pages import router as pages_router
    except ImportError as e:
        log.info("web pages not available (%s): serving the JSON API only", e)
    else:
        app.include_router(pages_router)
    return app
