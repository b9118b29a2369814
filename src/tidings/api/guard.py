"""Refuse an upload before its body is read: FastAPI parses a form before the endpoint's
dependencies run, so without this a client without the token could still make the server
receive and parse a large body.  A plain ASGI middleware (no per-request overhead beyond a
path check)."""
from __future__ import annotations

import hmac
import json
from typing import Any, Awaitable, Callable, Optional

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]

UPLOAD_PATH = "/api/documents"
SLACK = 1 << 20  # room for the form's other fields and multipart framing


class UploadGuard:
    def __init__(self, app: Any, *, write_token: Optional[str], max_bytes: int) -> None:
        self.app = app
        self.write_token = write_token
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (scope["type"] != "http" or scope["method"] != "POST"
                or scope["path"].rstrip("/") != UPLOAD_PATH):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        scheme, _, token = headers.get("authorization", "").partition(" ")
        if self.write_token is None:
            await _refuse(send, 403, "this server accepts no uploads (start it with a write token)")
        elif scheme.lower() != "bearer" or not hmac.compare_digest(
                token.strip().encode("utf-8"), self.write_token.encode("utf-8")):
            await _refuse(send, 401, "uploads need the write token (Authorization: Bearer TOKEN)")
        elif int(headers.get("content-length") or 0) > self.max_bytes + SLACK:
            await _refuse(send, 413, f"the upload is over the limit of {self.max_bytes} bytes")
        else:
            await self.app(scope, receive, send)


async def _refuse(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode("utf-8")
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if status == 401:
        headers.append((b"www-authenticate", b"Bearer"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
