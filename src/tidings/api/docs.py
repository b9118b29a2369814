"""``/docs``: Swagger UI from the package (``api/swagger/``), so it needs no network."""
from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse

ASSETS = Path(__file__).resolve().parent / "swagger"
FILES = {"swagger-ui-bundle.js": "text/javascript", "swagger-ui.css": "text/css",
         "favicon-32x32.png": "image/png"}

router = APIRouter(include_in_schema=False)


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    root = str(request.scope.get("root_path") or "").rstrip("/")
    return get_swagger_ui_html(
        openapi_url=f"{root}/openapi.json", title="tidings API",
        swagger_js_url=f"{root}/docs-assets/swagger-ui-bundle.js",
        swagger_css_url=f"{root}/docs-assets/swagger-ui.css",
        swagger_favicon_url=f"{root}/docs-assets/favicon-32x32.png")


@router.get("/docs-assets/{name}")
def asset(name: str) -> FileResponse:
    if name not in FILES:  # a fixed list: no path from the request reaches the filesystem
        raise HTTPException(status_code=404, detail="no such file")
    return FileResponse(ASSETS / name, media_type=FILES[name],
                        headers={"Cache-Control": "public, max-age=86400"})
