"""The web workbench and HTTP API (optional extra: `pip install newsgraph[web]`).

    newsgraph serve [--db URL] [--port 8000]

Modules: `app` (the factory, middleware, docs), `api` (JSON routes under /api),
`pages` (server-rendered pages, each with a .json twin and tables with a .csv
one), `reading` (the highlighted reading view), `charts` (inline SVG),
`limits` (body limit, security headers, the analysis pool), `settings`
(NEWSGRAPH_WEB_* options), `models` (OpenAPI response models). Templates live
in templates/, CSS and JS in static/ (no build step). See docs/web.md.
"""
from __future__ import annotations

from typing import Any

from ..errors import NewsgraphError


def _require_fastapi() -> None:
    try:
        import fastapi  # noqa: F401
        import jinja2  # noqa: F401
    except ModuleNotFoundError:
        raise NewsgraphError("the web app needs FastAPI and Jinja2; run `pip install 'newsgraph[web]'`") from None


def create_app(*args: Any, **kwargs: Any):
    """The FastAPI application (see `app.create_app`); the pipeline loads on the first analysis."""
    _require_fastapi()
    from .app import create_app as factory

    return factory(*args, **kwargs)


def serve(db_url: str | None, host: str, port: int) -> None:
    _require_fastapi()
    from .app import serve as run

    run(db_url, host, port)
