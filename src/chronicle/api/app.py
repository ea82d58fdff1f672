"""The Chronicle web application: JSON API under ``/api``, pages at ``/``, OpenAPI at ``/docs``.

``create_app`` opens one Store for the app's lifetime; the CLI's ``chronicle serve`` calls
:func:`serve`. The server is read-only unless a token is given (see ``security.token_checker``).
"""
from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path
from typing import Optional

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from .security import DEFAULT_MAX_BODY, SecurityMiddleware, token_checker

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"

DESCRIPTION = """Records extracted from news articles (`chronicle/1`): who said what, who did what to whom,
where, when, and according to whom.

Lists are paginated with `?cursor=` (pass back `next_cursor`) and can be downloaded complete with
`?format=csv` or `?format=jsonl`. Every HTML page has a JSON twin at the same URL with `?format=json`.
Write routes need `Authorization: Bearer <token>` and are refused when the server runs without a token."""


def create_app(db_url: str, token: Optional[str] = None, max_body: int = DEFAULT_MAX_BODY) -> FastAPI:
    from ..store import Store
    from ..web.pages import build_pages
    from .routes import build_router

    store = Store(db_url)

    @asynccontextmanager
    async def lifespan(_app):
        yield
        store.close()

    app = FastAPI(title="Chronicle", version="1", description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    app.state.store = store
    app.state.read_only = token is None

    def get_store():
        return app.state.store

    app.include_router(build_router(get_store, token_checker(token), max_body))
    app.include_router(build_pages(get_store))
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    _mount_docs(app)
    app.add_middleware(SecurityMiddleware, max_body=max_body)
    return app


def _swagger_assets() -> Optional[Path]:
    """Swagger UI 5 files shipped by the ``swagger-ui-py`` package (found without importing it:
    only its static files are used)."""
    import importlib.util

    spec = importlib.util.find_spec("swagger_ui")
    for loc in (spec.submodule_search_locations or []) if spec else []:
        static = Path(loc) / "static"
        if (static / "swagger-ui-bundle.js").exists():
            return static
    return None


def _mount_docs(app: FastAPI) -> None:
    """Swagger UI served from the installed package (works offline, no CDN), started by our own
    initialiser file instead of FastAPI's inline script so the CSP can forbid inline scripts."""
    assets = _swagger_assets()
    if assets is not None:
        app.mount("/docs-static", StaticFiles(directory=str(assets)), name="docs-static")

    @app.get("/docs", include_in_schema=False)
    def docs():
        if assets is None:
            return HTMLResponse("<!doctype html><title>Chronicle API</title><p>Install <code>swagger-ui-py</code> "
                                "for the interactive docs; the OpenAPI description is at "
                                "<a href=\"/openapi.json\">/openapi.json</a>.</p>")
        return HTMLResponse(
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>Chronicle API</title>"
            "<link rel=\"stylesheet\" href=\"/docs-static/swagger-ui.css\"></head><body>"
            "<div id=\"swagger-ui\"></div><script src=\"/docs-static/swagger-ui-bundle.js\"></script>"
            "<script src=\"/static/docs.js\"></script></body></html>")


def serve(db_url: str, host: str = "127.0.0.1", port: int = 8000, token: Optional[str] = None) -> None:
    """Run the app under uvicorn (``chronicle serve``)."""
    import uvicorn

    uvicorn.run(create_app(db_url, token=token), host=host, port=port, log_level="info")

