"""Who may read and write through the web pages.

The server is started with an optional write token and an optional read token (see
``tidings serve``).  Reads are open unless a read token is set; then a page needs the
token as ``Authorization: Bearer TOKEN``, as ``?token=TOKEN`` (remembered in an HttpOnly
cookie for the next pages) or in that cookie.  Storing an article from the paste page
needs the write token, typed into the form; without a write token configured the server
stores nothing from the web UI.
"""
from __future__ import annotations

import hmac
from typing import Optional

from fastapi import HTTPException, Request

READ_COOKIE = "tidings_read_token"


def _configured(request: Request, name: str) -> Optional[str]:
    value = getattr(request.app.state, name, None)
    return value or None


def same(a: Optional[str], b: Optional[str]) -> bool:
    """Constant-time comparison of two tokens; never true for a missing one."""
    if not a or not b:
        return False
    return hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))


def _bearer(request: Request) -> Optional[str]:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return None


def check_read(request: Request) -> None:
    """Raise 401 unless reads are open or the request carries the read token."""
    wanted = _configured(request, "read_token")
    if wanted is None:
        return
    query = request.query_params.get("token")
    if same(query, wanted):
        request.state.remember_read_token = query
        return
    # the write token is allowed to read too
    for offered in (_bearer(request), request.cookies.get(READ_COOKIE)):
        if same(offered, wanted) or same(offered, _configured(request, "write_token")):
            return
    raise HTTPException(status_code=401, detail="this corpus needs a read token: "
                                                "open the page with ?token=YOUR_TOKEN")


def can_write(request: Request, offered: Optional[str]) -> bool:
    """Whether ``offered`` is the server's write token (False when none is configured)."""
    return same(offered, _configured(request, "write_token"))


def writes_enabled(request: Request) -> bool:
    return _configured(request, "write_token") is not None
