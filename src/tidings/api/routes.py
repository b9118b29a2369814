"""The JSON endpoints (see :mod:`tidings.api` for the list) and their access rules."""
from __future__ import annotations

import hmac
import logging
import threading
from pathlib import PurePath
from typing import Any, Optional

from fastapi import (APIRouter, Depends, File, Form, HTTPException, Path, Query, Request,
                     Response, UploadFile)

from tidings.store import Store
from tidings.store.models import (ActorDetail, ActorRow, Counts, DocumentHit, EventRow, Network,
                                  Page, StatementRow, StoredDocument, TimelineBucket)

log = logging.getLogger(__name__)

READ_COOKIE = "tidings_read_token"  # the web UI's cookie (tidings.web.access)
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_EXTRACT_LOCK = threading.Lock()  # one spaCy pipeline: one extraction at a time


def _same(offered: Optional[str], wanted: Optional[str]) -> bool:
    if not offered or not wanted:
        return False
    return hmac.compare_digest(offered.encode("utf-8"), wanted.encode("utf-8"))


def _bearer(request: Request) -> Optional[str]:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" else None


def require_read(request: Request) -> None:
    """Reads are open unless a read token is configured; the write token reads too."""
    wanted = request.app.state.read_token
    if wanted is None:
        return
    writer = request.app.state.write_token
    for offered in (_bearer(request), request.query_params.get("token"),
                    request.cookies.get(READ_COOKIE)):
        if _same(offered, wanted) or _same(offered, writer):
            return
    raise HTTPException(status_code=401, detail="this corpus needs a read token "
                        "(Authorization: Bearer TOKEN)", headers={"WWW-Authenticate": "Bearer"})


def require_write(request: Request) -> None:
    wanted = request.app.state.write_token
    if wanted is None:
        raise HTTPException(status_code=403, detail="this server accepts no uploads "
                            "(start it with a write token)")
    if not _same(_bearer(request), wanted):
        raise HTTPException(status_code=401, detail="uploads need the write token "
                            "(Authorization: Bearer TOKEN)", headers={"WWW-Authenticate": "Bearer"})


def get_store(request: Request) -> Store:
    return request.app.state.store  # type: ignore[no-any-return]


router = APIRouter(prefix="/api", tags=["corpus"])
reads = APIRouter(dependencies=[Depends(require_read)])

Limit = Query(20, ge=0, le=500, description="rows per page")
Offset = Query(0, ge=0, le=10**9, description="rows to skip")
INT_MAX = 2**31 - 1  # ids are 32-bit integers in both databases
ActorParam = Query(None, ge=0, le=INT_MAX, description="actor id")
DateFrom = Query(None, pattern=DATE, description="inclusive, YYYY-MM-DD (or YYYY, YYYY-MM)")
DateTo = Query(None, pattern=DATE, description="inclusive, YYYY-MM-DD (or YYYY, YYYY-MM)")



@reads.get("/search", summary="Search documents", response_model=Page[DocumentHit])
def search(q: Optional[str] = Query(None, max_length=500, description="words that must all occur"),
           date_from: Optional[str] = DateFrom, date_to: Optional[str] = DateTo,
           outlet: Optional[str] = None, limit: int = Limit, offset: int = Offset,
           store: Store = Depends(get_store)) -> dict[str, Any]:
    return store.search(q, date_from=date_from, date_to=date_to, outlet=outlet,
                        limit=limit, offset=offset).to_dict()


@reads.get("/documents", summary="List documents (newest first) or search them with q",
           response_model=Page[DocumentHit])
def documents(q: Optional[str] = Query(None, max_length=500), date_from: Optional[str] = DateFrom,
              date_to: Optional[str] = DateTo, outlet: Optional[str] = None,
              limit: int = Limit, offset: int = Offset,
              store: Store = Depends(get_store)) -> dict[str, Any]:
    return store.search(q, date_from=date_from, date_to=date_to, outlet=outlet,
                        limit=limit, offset=offset).to_dict()


@reads.get("/documents/{doc_id}", summary="A document with its extraction",
           response_model=StoredDocument)
def document(doc_id: str, store: Store = Depends(get_store)) -> dict[str, Any]:
    stored = store.stored_document(doc_id)
    if stored is None:
        raise HTTPException(status_code=404, detail=f"no document {doc_id!r} in this corpus")
    return stored.to_dict()


@reads.get("/actors", summary="Actors, most documents first", response_model=Page[ActorRow])
def actors(q: Optional[str] = Query(None, max_length=200), country: Optional[str] = None,
           kind: Optional[str] = None, limit: int = Limit, offset: int = Offset,
           store: Store = Depends(get_store)) -> dict[str, Any]:
    return store.actors(q, country=country, kind=kind, limit=limit, offset=offset).to_dict()


@reads.get("/actors/{actor_id}", summary="An actor: names, statements, events as source/target",
           response_model=ActorDetail)
def actor(actor_id: int = Path(ge=0, le=INT_MAX), limit: int = Limit, offset: int = Offset,
          store: Store = Depends(get_store)) -> dict[str, Any]:
    detail = store.actor(actor_id, limit=limit, offset=offset)
    if detail is None:
        raise HTTPException(status_code=404, detail=f"no actor {actor_id} in this corpus")
    return detail.to_dict()


@reads.get("/statements", summary="Statements by speaker, topic words or date range",
           response_model=Page[StatementRow])
def statements(actor: Optional[int] = ActorParam,
               q: Optional[str] = Query(None, max_length=500, description="topic words"),
               date_from: Optional[str] = DateFrom, date_to: Optional[str] = DateTo,
               doc: Optional[str] = None,
               kind: Optional[str] = Query(None, pattern="^(direct|indirect|mixed)$"),
               limit: int = Limit, offset: int = Offset,
               store: Store = Depends(get_store)) -> dict[str, Any]:
    return store.statements(actor=actor, q=q, date_from=date_from, date_to=date_to,
                            doc=doc, kind=kind, limit=limit, offset=offset).to_dict()


def _event_filters(actor: Optional[int] = ActorParam,
                   role: Optional[str] = Query(None, pattern="^(source|target)$"),
                   type: Optional[str] = Query(None, description="PLOVER type(s), comma-separated"),
                   country: Optional[str] = Query(None, description="ISO alpha-3 of the place "
                                                                    "or of a participant"),
                   date_from: Optional[str] = DateFrom,
                   date_to: Optional[str] = DateTo) -> dict[str, Any]:
    return dict(actor=actor, role=role, type=type, country=country, date_from=date_from,
                date_to=date_to)


@reads.get("/events", summary="Events by actor, type, country and date",
           response_model=Page[EventRow])
def events(filters: dict[str, Any] = Depends(_event_filters), doc: Optional[str] = None,
           order: str = Query("date", pattern="^-?date$"), limit: int = Limit,
           offset: int = Offset, store: Store = Depends(get_store)) -> dict[str, Any]:
    return store.events(**filters, doc=doc, order=order, limit=limit, offset=offset).to_dict()


@reads.get("/timeline", summary="Event counts per period with mean cooperation score",
           response_model=list[TimelineBucket])
def timeline(filters: dict[str, Any] = Depends(_event_filters),
             granularity: str = Query("month", pattern="^(year|month|day)$"),
             store: Store = Depends(get_store)) -> list[dict[str, Any]]:
    filters.pop("role")
    return [b.to_dict() for b in store.timeline(**filters, granularity=granularity)]


@reads.get("/network", summary="Actor network: events as cooperation/conflict edges",
           response_model=Network)
def network(filters: dict[str, Any] = Depends(_event_filters),
            min_count: int = Query(1, ge=1), limit: int = Query(200, ge=0, le=2000),
            store: Store = Depends(get_store)) -> dict[str, Any]:
    filters.pop("role")
    return store.network(**filters, min_count=min_count, limit=limit).to_dict()


@reads.get("/counts", summary="How many documents, actors, statements, events, times, flags",
           response_model=Counts)
def counts(store: Store = Depends(get_store)) -> dict[str, Any]:
    return store.counts().to_dict()


@router.post("/documents", status_code=201, dependencies=[Depends(require_write)],
             summary="Extract and store an article (text, HTML or PDF)",
             responses={200: {"description": "the same text was stored before: updated"},
                        401: {"description": "no or wrong write token"},
                        403: {"description": "uploads are disabled"},
                        422: {"description": "the article could not be read"}})
def upload(request: Request, response: Response,
           file: Optional[UploadFile] = File(None, description="a .txt, .html or .pdf file"),
           text: Optional[str] = Form(None, description="the article as plain text"),
           published: Optional[str] = Form(None, pattern=r"^\d{4}-\d{2}-\d{2}$"),
           id: Optional[str] = Form(None, max_length=200),
           url: Optional[str] = Form(None, max_length=2000),
           store: Store = Depends(get_store)) -> dict[str, Any]:
    from tidings.errors import InputError
    from tidings.ingest import MAX_BYTES, load_bytes

    if file is not None and file.filename:
        data = file.file.read(MAX_BYTES + 1)
        name = PurePath(file.filename).name
        try:
            item: Any = load_bytes(data, id=id or PurePath(name).stem, source=name,
                                   suffix=PurePath(name).suffix.lower(), url=url)
        except InputError as e:
            raise HTTPException(status_code=413 if len(data) > MAX_BYTES else 422,
                                detail=str(e)) from e
    elif text and text.strip():
        item = {"id": id, "text": text, "url": url, "published": published}
    else:
        raise HTTPException(status_code=422, detail="send a file or a non-empty text field")
    pipeline = request.app.state.pipeline
    if pipeline is None:
        from tidings.pipeline import default_pipeline
        pipeline = request.app.state.pipeline = default_pipeline()
    with _EXTRACT_LOCK:
        result = pipeline.extract(item, published=published)
    if not result.text:
        raise HTTPException(status_code=422, detail="; ".join(e.message for e in result.errors)
                            or "the article has no text")
    doc_id, created = store.upsert_ex(result)
    response.status_code = 201 if created else 200
    log.info("%s %s from an upload", "stored" if created else "updated", doc_id)
    return {"id": doc_id, "created": created, "url": f"/api/documents/{doc_id}",
            "page": f"/documents/{doc_id}",
            "errors": [e.model_dump(mode="json") for e in result.errors],
            "result": result.to_dict()}


router.include_router(reads)
