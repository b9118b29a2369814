"""The "paste or upload an article" page.

``GET /analyze`` shows the form; ``POST /analyze`` extracts the pasted text (or the
uploaded .txt/.html/.pdf file) with the full pipeline and shows the article page with every
fact highlighted.  By default nothing is stored: anyone who may read the corpus may try an
article.  When the form's "store it in the corpus" box is ticked and the server's write
token is typed in, the result is also stored (re-storing the same text updates it) and the
browser is sent to the stored document's page, where its actors link to their pages.

Pasted text is taken as the text itself, never as a file name; uploaded bytes go through
``tidings.ingest.load_bytes`` like files on the command line.  Extraction runs in a worker
thread, one at a time (the spaCy model is shared).  The pipeline is
``app.state.pipeline`` when set (tests inject the session's), else the process default,
loaded on first use.
"""
from __future__ import annotations

import datetime as dt
import logging
import threading
from pathlib import Path
from typing import Any, Optional

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from tidings.document import Document, Result
from tidings.errors import InputError
from tidings.ingest import MAX_BYTES, error_document, load_bytes
from tidings.web import access
from tidings.web.render import page

log = logging.getLogger(__name__)

router = APIRouter(include_in_schema=False)
_lock = threading.Lock()


def get_pipeline(request: Request) -> Any:
    pipeline = getattr(request.app.state, "pipeline", None)
    if pipeline is None:
        from tidings.pipeline import default_pipeline

        pipeline = default_pipeline()
    return pipeline


def _extract(pipeline: Any, doc: Document, published: Optional[str]) -> Result:
    with _lock:
        return pipeline.extract(doc, published=published)


def _document(text: str, filename: Optional[str], data: Optional[bytes]) -> Document:
    """The Document for a paste (text exactly as typed) or an uploaded file (sniffed)."""
    if data:
        name = Path(filename or "upload").name
        suffix = Path(name).suffix.lower()
        try:
            doc = load_bytes(data, id=Path(name).stem or "upload", source=name, suffix=suffix)
        except InputError as err:
            return error_document(err, id=Path(name).stem, source=name)
        return doc
    return Document(text=text, id="pasted", source=None)


def _form_page(request: Request, *, error: Optional[str] = None, text: str = "",
               published: str = "", status_code: int = 200) -> HTMLResponse:
    return page(request, "analyze.html", status_code=status_code, error=error, text=text,
                published=published, writes=access.writes_enabled(request),
                max_mb=MAX_BYTES // 1_000_000)


@router.get("/analyze", response_class=HTMLResponse)
def analyze_form(request: Request) -> HTMLResponse:
    access.check_read(request)
    return _form_page(request)


@router.post("/analyze", response_model=None)
async def analyze(request: Request) -> Response:
    access.check_read(request)
    async with request.form(max_files=1, max_fields=10, max_part_size=MAX_BYTES) as form:
        text = str(form.get("text") or "")
        published = str(form.get("published") or "").strip()
        upload = form.get("file")
        upload = upload if isinstance(upload, UploadFile) and upload.filename else None
        want_store = form.get("store") == "on"
        token = str(form.get("token") or "")
        name = upload.filename if upload is not None else None
        data = await upload.read() if upload is not None else None
    if published:
        try:
            dt.date.fromisoformat(published)
        except ValueError:
            return _form_page(request, error=f"{published!r} is not a date (YYYY-MM-DD)",
                              text=text, published=published, status_code=400)
    if not text.strip() and not data:
        return _form_page(request, error="Paste an article's text or choose a file.",
                          published=published, status_code=400)
    if want_store and not access.can_write(request, token):
        reason = ("this server stores nothing from the web (start it with --write-token)"
                  if not access.writes_enabled(request) else "the write token is not right")
        return _form_page(request, error=f"Not stored: {reason}.", text=text,
                          published=published, status_code=403)
    doc = _document(text, name, data)
    result = await run_in_threadpool(_extract, get_pipeline(request), doc, published or None)
    if not result.text:
        reason = "; ".join(e.message for e in result.errors) or "the document is empty"
        return _form_page(request, error=f"Could not read that document: {reason}.",
                          text=text, published=published, status_code=400)
    if want_store:
        store = request.app.state.store
        doc_id = await run_in_threadpool(store.put, result)
        log.info("stored %s from the web form", doc_id)
        base = str(request.scope.get("root_path") or "").rstrip("/")
        return RedirectResponse(f"{base}/documents/{doc_id}", status_code=303)
    from tidings.web.pages import article_page

    return article_page(request, result, notice="Extracted for viewing only; not stored in the corpus.")
