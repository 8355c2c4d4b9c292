"""The application factory: middleware, error handling, the API docs served from
local assets, static files, and the routers of `api` and `pages`.

(No `from __future__ import annotations` here: FastAPI reads the annotations.)
"""
import sqlite3
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

from ..corpus.db import Database, default_url, is_postgres, open_database, sqlite_path
from ..errors import Busy, Forbidden, NewsgraphError, NotFound, Overtime, StoreError
from .limits import AnalysisPool, BodyLimit, NoNulQuery, SecurityHeaders
from .settings import ServerConfig

HERE = Path(__file__).parent
STATIC, TEMPLATES = HERE / "static", HERE / "templates"


@contextmanager
def read_only(url: str) -> Iterator[Database]:
    """A connection that cannot write: SQLite opened with mode=ro, PostgreSQL read-only transactions."""
    if is_postgres(url):
        db = open_database(url, create=False, migrate=False)
        db.execute("SET default_transaction_read_only = on")
    else:
        path = Path(sqlite_path(url))
        if not path.is_file():
            raise StoreError(f"no store at {path}; create one with `newsgraph ingest PATH --db {url}`")
        try:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        except sqlite3.OperationalError as exc:
            raise StoreError(f"cannot open the SQLite store {path}: {exc}") from exc
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA busy_timeout=60000")
        db = Database(conn, "sqlite", url)
    try:
        yield db
    finally:
        db.close()


def docs_assets() -> Optional[Path]:
    """Swagger UI and ReDoc as shipped by the fastapi-offline package (no CDN)."""
    try:
        import fastapi_offline
    except ModuleNotFoundError:
        return None
    folder = Path(fastapi_offline.__file__).parent / "static"
    return folder if (folder / "swagger-ui-bundle.js").is_file() else None


def create_app(db_url: Optional[str] = None, pipeline_factory: Optional[Callable[[], Any]] = None,
               config: Optional[ServerConfig] = None):
    from fastapi import FastAPI, Request
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse
    from fastapi.staticfiles import StaticFiles
    from fastapi.templating import Jinja2Templates

    from . import api, pages

    url = db_url or default_url()
    config = config or ServerConfig.from_env()
    pool = AnalysisPool(config.workers, config.queue, config.time_limit, config.retry_after)
    app = FastAPI(title="newsgraph", summary="Actors, PLOVER events, quotes and voice from news articles",
                  description="Every page of the workbench has a JSON twin at the same path + `.json` "
                              "(and tables a CSV one at + `.csv`); the routes below are the JSON API.",
                  docs_url=None, redoc_url=None, lifespan=_lifespan(pool))
    templates = Jinja2Templates(directory=str(TEMPLATES))
    _migrate_once(url)

    @lru_cache(maxsize=1)
    def pipeline():
        if pipeline_factory is not None:
            return pipeline_factory()
        from ..config import Config
        from ..pipeline import Pipeline

        # The pipeline's own time limit stops the work too, not just the wait for it;
        # actors coded in the corpus code a pasted article's actors, as in ingest.
        base = Config.from_env()
        return Pipeline(base.with_(time_limit=min(base.time_limit, config.time_limit)),
                        known_actors=_known_actors(url))

    async def analyse(item: dict) -> Any:
        return await pool.run(lambda: pipeline().analyze(item))

    def read(fn: Callable, **kwargs: Any) -> Any:
        with read_only(url) as db:
            return fn(db, **kwargs)

    def write(fn: Callable) -> Any:
        with open_database(url) as db:
            return fn(db)

    app.state.read, app.state.write, app.state.analyse = read, write, analyse
    app.state.templates, app.state.config = templates, config
    app.include_router(api.build_router(read, analyse))
    app.include_router(pages.build_router(templates))
    assets = docs_assets()
    if assets:  # before /static, which would otherwise answer for it
        app.mount("/static/docs", StaticFiles(directory=str(assets)), name="docs-assets")
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    _docs_routes(app, templates, assets is not None)

    def problem(request: Request, status: int, message: str, headers: Optional[dict] = None):
        if api.request_wants_json(request):
            return JSONResponse({"detail": message}, status_code=status, headers=headers)
        return templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                          status_code=status, headers=headers)

    @app.exception_handler(NewsgraphError)
    async def newsgraph_error(request: Request, err: NewsgraphError):
        return problem(request, api.problem_status(err), str(err))

    @app.exception_handler(NotFound)
    async def not_found(request: Request, err: Exception):
        return problem(request, 404, str(err))

    @app.exception_handler(Forbidden)
    async def forbidden(request: Request, err: Exception):
        return problem(request, 403, str(err))

    @app.exception_handler(Busy)
    async def busy(request: Request, err: Busy):
        return problem(request, 503, str(err), {"Retry-After": str(err.retry_after)})

    @app.exception_handler(Overtime)
    async def overtime(request: Request, err: Overtime):
        return problem(request, 503, str(err))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, err: RequestValidationError):
        details = [f"{_where(e['loc'])}: {e['msg']}" for e in err.errors()]
        if not api.request_wants_json(request):
            return problem(request, 422, "; ".join(details))
        return JSONResponse({"detail": "; ".join(details), "errors": jsonable(err.errors())}, status_code=422)

    app.add_middleware(BodyLimit, limit=config.body_limit)
    app.add_middleware(NoNulQuery)
    app.add_middleware(SecurityHeaders)
    return app


def _lifespan(pool: AnalysisPool):
    from contextlib import asynccontextmanager

    @asynccontextmanager
    async def lifespan(app: Any):
        yield
        pool.shutdown()

    return lifespan


def _where(loc: tuple) -> str:
    """A validation error's place in HTTP terms: 'query parameter limit', 'body field text'."""
    kind = {"query": "query parameter", "path": "path parameter", "body": "body field",
            "header": "header"}.get(str(loc[0]), str(loc[0]))
    name = ".".join(str(x) for x in loc[1:])
    return f"{kind} {name}" if name else ("the request body" if loc[0] == "body" else kind)


def jsonable(errors: list[dict]) -> list[dict]:
    return [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in errors]


def _known_actors(url: str) -> tuple:
    from ..corpus.store import Store

    try:
        with read_only(url) as db:
            return Store(db).known_actors()
    except NewsgraphError:
        return ()


def _migrate_once(url: str) -> None:
    """Bring an existing store's schema up to date, so later connections can be read-only."""
    if not is_postgres(url) and not Path(sqlite_path(url)).is_file():
        return
    try:
        open_database(url, create=False).close()
    except NewsgraphError:
        pass  # reported on each request instead


def _docs_routes(app: Any, templates: Any, have_assets: bool) -> None:
    from fastapi import Request
    from fastapi.responses import HTMLResponse

    missing = ("<p>The API docs need their assets: <code>pip install 'newsgraph[web]'</code> "
               "(fastapi-offline ships Swagger UI and ReDoc). The schema is at <a href='/openapi.json'>"
               "/openapi.json</a>.</p>")

    @app.get("/docs", include_in_schema=False)
    def swagger(request: Request):
        if not have_assets:
            return HTMLResponse(missing, status_code=404)
        return templates.TemplateResponse(request, "docs.html", {"kind": "swagger"})

    @app.get("/redoc", include_in_schema=False)
    def redoc(request: Request):
        if not have_assets:
            return HTMLResponse(missing, status_code=404)
        return templates.TemplateResponse(request, "docs.html", {"kind": "redoc"})


def serve(db_url: Optional[str], host: str, port: int) -> None:
    import uvicorn

    uvicorn.run(create_app(db_url), host=host, port=port, log_level="info")
