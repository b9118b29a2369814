"""HTML pages of the web UI (``tidings serve``): an APIRouter that ``tidings.api.create_app``
includes beside the JSON API.

Pages: ``/`` (corpus overview), ``/search`` (documents or statements, paginated),
``/documents/{id}`` (the article with every fact highlighted in its text),
``/analyze`` (paste or upload an article; see :mod:`tidings.web.analyze`), ``/actors`` and
``/actors/{id}``, ``/timeline`` and ``/network``; ``/static/...`` serves the stylesheet,
the page scripts and the vendored libraries (no CDN).

Every page reads through the store's indexed, paginated queries, so a page costs the same
on 10 documents as on 10,000.  The store is ``request.app.state.store``.
"""
from __future__ import annotations

import logging
from typing import Any, Optional

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from tidings.document import Result
from tidings.web import access
from tidings.web.analyze import router as analyze_router
from tidings.web.highlight import entity_label, highlight
from tidings.web.render import STATIC, Pager, page, page_number
from tidings.web.tone import colour

log = logging.getLogger(__name__)

router = APIRouter(include_in_schema=False)
router.include_router(analyze_router)

PER_PAGE = 20
STATIC_TYPES = {".css": "text/css", ".js": "text/javascript", ".json": "application/json",
                ".txt": "text/plain", ".svg": "image/svg+xml", ".png": "image/png"}


def _store(request: Request) -> Any:
    access.check_read(request)
    return request.app.state.store


def article_page(request: Request, result: Result, *, actor_links: Optional[dict[str, str]] = None,
                 notice: Optional[str] = None, status_code: int = 200) -> HTMLResponse:
    """The article page for one result, stored or just extracted."""
    ents = {e.id: e for e in result.entities}

    def speaker_name(st: Any) -> str:
        if st.speaker is None:
            return "(no source in the text)"
        if st.speaker.entity in ents:
            return ents[st.speaker.entity].name
        return st.speaker.text

    def entity_names(ids: list[str]) -> str:
        return ", ".join(ents[i].name if i in ents else i for i in ids) or "—"

    return page(request, "article.html", status_code=status_code, result=result,
                hl=highlight(result), actor_links=actor_links or {}, notice=notice,
                speaker_name=speaker_name, entity_names=entity_names, entity_label=entity_label)


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    store = _store(request)
    counts = store.counts()
    recent = store.search(None, limit=10, offset=0)
    return page(request, "home.html", counts=counts, recent=recent)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str = "", kind: str = "documents") -> HTMLResponse:
    store = _store(request)
    number = page_number(request.query_params.get("page"))
    q = q.strip()
    kind = "statements" if kind == "statements" else "documents"
    pager = Pager(page=number, per_page=PER_PAGE, total=None, base=request.url.path,
                  params={"q": q, "kind": kind})
    if kind == "statements":
        hits = store.statements(q=q or None, limit=PER_PAGE, offset=pager.offset)
    else:
        hits = store.search(q or None, limit=PER_PAGE, offset=pager.offset)
    pager.total = hits.total
    return page(request, "search.html", hits=hits, kind=kind, pager=pager, q=q)


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, doc_id: str) -> HTMLResponse:
    store = _store(request)
    stored = store.get_document(doc_id)
    if stored is None:
        raise HTTPException(status_code=404, detail=f"no document {doc_id!r} in this corpus")
    result = Result.from_json(stored.result)
    links = {local: f"{request.scope.get('root_path', '')}/actors/{actor}"
             for local, actor in (stored.actors or {}).items()}
    return article_page(request, result, actor_links=links)


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, q: str = "") -> HTMLResponse:
    store = _store(request)
    number = page_number(request.query_params.get("page"))
    pager = Pager(page=number, per_page=50, total=None, base=request.url.path, params={"q": q})
    rows = store.actors(q=q.strip() or None, limit=pager.per_page, offset=pager.offset)
    pager.total = rows.total
    return page(request, "actors.html", rows=rows, pager=pager, aq=q)


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor(request: Request, actor_id: int) -> HTMLResponse:
    store = _store(request)
    number = page_number(request.query_params.get("page"))
    pager = Pager(page=number, per_page=PER_PAGE, total=None, base=request.url.path, params={})
    detail = store.actor(actor_id, limit=PER_PAGE, offset=pager.offset)
    if detail is None:
        raise HTTPException(status_code=404, detail=f"no actor {actor_id} in this corpus")
    pager.total = max(detail.statements.total, detail.events_as_source.total,
                      detail.events_as_target.total)
    return page(request, "actor.html", d=detail, pager=pager)


def _filters(request: Request) -> dict[str, Optional[str]]:
    qp = request.query_params
    out: dict[str, Optional[str]] = {}
    for key in ("actor", "type", "country", "from", "to"):
        value = (qp.get(key) or "").strip()
        out[key] = value or None
    return out


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request) -> HTMLResponse:
    store = _store(request)
    f = _filters(request)
    number = page_number(request.query_params.get("page"))
    pager = Pager(page=number, per_page=50, total=None, base=request.url.path,
                  params={k: v or "" for k, v in f.items()})
    actor_id = int(f["actor"]) if f["actor"] and f["actor"].isdigit() else None
    query = dict(actor=actor_id, type=f["type"], country=f["country"],
                 date_from=f["from"], date_to=f["to"])
    rows = store.events(**query, limit=pager.per_page, offset=pager.offset)
    pager.total = rows.total
    by = request.query_params.get("by")
    by = by if by in ("day", "month", "year") else None
    buckets = store.timeline(granularity=by or "month", **query)
    if by is None and len(buckets) <= 2:  # a short corpus: show its days
        buckets = store.timeline(granularity="day", **query)
    return page(request, "timeline.html", rows=rows, buckets=buckets, pager=pager, f=f,
                types=_types())


@router.get("/network", response_class=HTMLResponse)
def network(request: Request) -> HTMLResponse:
    store = _store(request)
    f = _filters(request)
    try:
        limit = max(5, min(int(request.query_params.get("limit") or 80), 300))
    except ValueError:
        limit = 80
    net = store.network(type=f["type"], country=f["country"], date_from=f["from"],
                        date_to=f["to"], limit=limit)
    data = net.to_dict()
    for edge in data["edges"]:
        edge["colour"] = colour(edge["score"])
    return page(request, "network.html", net=data, f=f, limit=limit, types=_types())


def _types() -> list[str]:
    from tidings.document import PLOVER_TYPES

    return list(PLOVER_TYPES)


@router.get("/static/{path:path}")
def static(path: str) -> Response:
    target = (STATIC / path).resolve()
    if STATIC not in target.parents or not target.is_file():
        raise HTTPException(status_code=404, detail="no such file")
    return FileResponse(target, media_type=STATIC_TYPES.get(target.suffix, "application/octet-stream"),
                        headers={"Cache-Control": "public, max-age=3600",
                                 "X-Content-Type-Options": "nosniff"})
