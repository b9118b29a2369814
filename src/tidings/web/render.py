"""Template environment and small helpers shared by the page handlers.

All templates are autoescaped: article text is untrusted input and reaches the page only
as escaped text (or as JSON inside ``<script type="application/json">`` via ``tojson``,
which escapes ``<``, ``>``, ``&`` and quotes).  Every HTML response carries a
Content-Security-Policy that allows scripts from this server only, as a second line of
defence.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from tidings.web.access import READ_COOKIE
from tidings.web.tone import colour, label, tone

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")

env = Environment(loader=FileSystemLoader(str(TEMPLATES)),
                  autoescape=select_autoescape(["html"], default_for_string=True, default=True),
                  trim_blocks=True, lstrip_blocks=True)
env.globals.update(tone_colour=lambda t: colour(tone(t)), colour=colour, tone_label=label)
env.filters["unquote"] = lambda s: str(s).strip().strip(",").strip('"“”«»„').strip().rstrip(",")


def root(request: Request) -> str:
    return str(request.scope.get("root_path") or "").rstrip("/")


def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render ``templates/name`` with ``url()``/``static()`` bound to this request."""
    base = root(request)
    context.setdefault("q", request.query_params.get("q", ""))
    html = env.get_template(name).render(
        request=request,
        url=lambda path: base + path,
        static=lambda file: f"{base}/static/{file}",
        **context)
    response = HTMLResponse(html, status_code=status_code, headers={
        "Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin"})
    token = getattr(request.state, "remember_read_token", None)
    if token:
        response.set_cookie(READ_COOKIE, token, httponly=True, samesite="strict")
    return response


@dataclass
class Pager:
    """Page numbers and links for a list of ``total`` rows shown ``per_page`` at a time."""
    page: int
    per_page: int
    total: Optional[int]
    base: str
    params: dict[str, str]
    more: bool = False  # when the total is unknown: whether a next page exists

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    @property
    def pages(self) -> Optional[int]:
        if self.total is None:
            return None
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        if self.total is None:
            return self.more
        return self.page < (self.pages or 1)

    def _url(self, page: int) -> str:
        params = {k: v for k, v in self.params.items() if v not in ("", None) and k != "page"}
        if page > 1:
            params["page"] = str(page)
        query = urlencode(params)
        return self.base + ("?" + query if query else "")

    @property
    def prev_url(self) -> str:
        return self._url(self.page - 1)

    @property
    def next_url(self) -> str:
        return self._url(self.page + 1)


def page_number(raw: Optional[str]) -> int:
    try:
        return max(1, min(int(raw or 1), 100_000))
    except ValueError:
        return 1
