"""The web application: API + dashboard, one ASGI app over one store.

    from sitrep.web import create_app
    app = create_app(options)          # uvicorn.run(app) or TestClient(app)

Everything works offline: the dashboard's libraries and the base map are served
from ``static/vendor`` (built by scripts/build_web_assets.py), and /docs uses a
local copy of Swagger UI.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import DataError
from starlette.exceptions import HTTPException as StarletteHTTPException

from sitrep.errors import (
    AuthError,
    ConfigError,
    InputError,
    NotFoundError,
    ReviewError,
    SitrepError,
    StoreError,
)
from sitrep.options import Options
from sitrep.store.core import Store
from sitrep.web.api import router
from sitrep.web.auth import Sessions, WebSettings, load_secret

STATIC = Path(__file__).parent / "static"
VENDOR = STATIC / "vendor"

# pages: only our own scripts; inline styles are needed by Leaflet's positioning
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'")
# Swagger UI's page starts itself with an inline script
CSP_DOCS = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")

DESCRIPTION = """\
Read, filter and correct sitrep's merged, sourced, geocoded conflict events.

Reads are open on the local machine unless the server was started with `--require-login`.
Writes need a signed-in **reviewer** (POST `/api/v1/auth/login`) and the CSRF token from the login
response (or the `sitrep_csrf` cookie) in the `X-CSRF-Token` header.  Errors are JSON:
`{"error": {"type", "message", "item", "hint"}}`.
"""


def _status(exc: SitrepError, request: Request) -> int:
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, AuthError):
        # not signed in (or a bad password): 401; signed in but not allowed: 403
        return 403 if getattr(request.state, "user", None) is not None else 401
    if isinstance(exc, InputError):
        return 422
    if isinstance(exc, StoreError):
        return 503
    if isinstance(exc, ReviewError | ConfigError):
        return 400
    return 400


def _error(status: int, type_: str, message: str, item: str | None = None, hint: str | None = None,
           detail: Any = None) -> JSONResponse:
    body: dict[str, Any] = {"type": type_, "message": message, "item": item, "hint": hint}
    if detail is not None:
        body["detail"] = detail
    return JSONResponse({"error": body}, status_code=status)


def create_app(options: Options | None = None, *, store: Store | None = None,
               read_requires_login: bool | None = None, secret: str | None = None,
               secure_cookies: bool = False) -> FastAPI:
    """The ASGI app over ``options.db`` (or ``store``).

    ``read_requires_login`` defaults to ``options.extra["read_requires_login"]`` or False
    (reading anonymously is for a tool on one analyst's machine; `sitrep serve` turns it on
    when listening beyond loopback).  Writes always need a reviewer.
    """
    options = options or Options()
    store = store or Store(options.db)
    if read_requires_login is None:
        read_requires_login = bool(options.extra.get("read_requires_login", False))
    settings = WebSettings(secret=load_secret(store.url, secret or options.extra.get("secret")),
                           read_requires_login=read_requires_login, secure_cookies=secure_cookies)
    app = FastAPI(title="sitrep", version="1", description=DESCRIPTION, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json")
    app.state.store = store
    app.state.options = options
    app.state.sessions = Sessions(settings, store)

    @app.exception_handler(SitrepError)
    async def sitrep_error(request: Request, exc: SitrepError) -> JSONResponse:
        return _error(_status(exc, request), type(exc).__name__, exc.message, exc.item, exc.hint)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [{"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg", ""))}
                    for e in exc.errors()]
        first = problems[0] if problems else {"loc": [], "msg": "invalid request"}
        return _error(422, "ValidationError", f"{'.'.join(first['loc'])}: {first['msg']}", detail=problems)

    @app.exception_handler(DataError)
    async def data_error(request: Request, exc: DataError) -> JSONResponse:
        # a value the database cannot hold (e.g. a NUL character for PostgreSQL): the request's fault
        return _error(422, "InputError", "a parameter holds a value the database cannot store",
                      hint="remove control characters such as NUL")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, "HTTPError", str(exc.detail))

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        h = response.headers
        h.setdefault("X-Content-Type-Options", "nosniff")
        h.setdefault("Referrer-Policy", "no-referrer")
        h.setdefault("X-Frame-Options", "DENY")
        h.setdefault("Content-Security-Policy", CSP_DOCS if request.url.path == "/docs" else CSP)
        if request.url.path.startswith("/api/"):
            h.setdefault("Cache-Control", "no-store")
        return response

    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    def page(name: str) -> FileResponse:
        return FileResponse(STATIC / name, media_type="text/html; charset=utf-8")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return page("index.html")

    @app.get("/events/{event_id}", include_in_schema=False)
    def event_page(event_id: str) -> FileResponse:
        return page("event.html")

    @app.get("/login", include_in_schema=False)
    def login_page() -> FileResponse:
        return page("login.html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="sitrep API",
                                   swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url="/static/vendor/swagger-ui/favicon-32x32.png")

    return app
