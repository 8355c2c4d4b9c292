"""HTTP API and a small explorer web app (optional extra: `pip install newsgraph[web]`).

    newsgraph serve [--db URL] [--port 8000]

- `POST /api/analyze` analyses one article (the same JSON as one JSONL input
  record) and returns the contract object of `newsgraph analyze --json`.
- `GET /api/search|quotes|events|actors|dyad` query the corpus store with the
  same functions and filters as the CLI commands of those names.
- `GET /` is the explorer: analyse a pasted article, or browse the store.

It is a thin layer: every answer comes from `Pipeline` or `corpus.queries`.
(No `from __future__ import annotations` here: FastAPI must see the request
model class itself, which is defined inside `create_app`.)
"""

from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from ..errors import InputError, NewsgraphError

STATIC = Path(__file__).parent / "static"


def _require_fastapi():
    try:
        import fastapi  # noqa: F401
    except ModuleNotFoundError:
        raise NewsgraphError("the web app needs FastAPI; run `pip install newsgraph[web]`") from None


def create_app(db_url: str | None = None, pipeline_factory: Callable[[], Any] | None = None):
    """The FastAPI application; the pipeline loads on the first analyse call."""
    _require_fastapi()
    from fastapi import FastAPI, HTTPException
    from fastapi.responses import FileResponse
    from pydantic import BaseModel

    from ..corpus import queries
    from ..corpus.db import open_database

    app = FastAPI(title="newsgraph", summary="Actors, PLOVER events, quotes and voice from news articles")

    class ArticleIn(BaseModel):
        text: str | None = None
        html: str | None = None
        id: str | None = None
        title: str | None = None
        published: str | None = None
        url: str | None = None
        publisher: str | None = None

    @lru_cache(maxsize=1)
    def pipeline():
        if pipeline_factory is not None:
            return pipeline_factory()
        from ..pipeline import Pipeline

        return Pipeline()

    def ask(fn, **kwargs):
        try:
            with open_database(db_url, create=False) as db:
                return fn(db, **{k: v for k, v in kwargs.items() if v not in (None, "")})
        except NewsgraphError as err:
            raise HTTPException(status_code=400, detail=str(err)) from None

    @app.post("/api/analyze")
    def analyze(article: ArticleIn) -> dict[str, Any]:
        if not (article.text or article.html):
            raise HTTPException(status_code=422, detail="give the article as 'text' or 'html'")
        try:
            return pipeline().analyze(article.model_dump(exclude_none=True)).as_dict()
        except InputError as err:
            raise HTTPException(status_code=422, detail=err.reason) from None
        except NewsgraphError as err:
            raise HTTPException(status_code=400, detail=str(err)) from None

    @app.get("/api/search")
    def search(q: str, limit: int = 20):
        return ask(queries.search, text=q, limit=limit)

    @app.get("/api/quotes")
    def quotes(speaker: str | None = None, about: str | None = None, since: str | None = None,
               until: str | None = None, limit: int = 50):
        return ask(queries.quotes, speaker=speaker, about=about, since=since, until=until, limit=limit)

    @app.get("/api/events")
    def events(actor: str | None = None, recipient: str | None = None, type: str | None = None,
               since: str | None = None, until: str | None = None, limit: int = 50):
        return ask(queries.events, actor=actor, recipient=recipient, event_type=type,
                   since=since, until=until, limit=limit)

    @app.get("/api/actors")
    def actors(country: str | None = None, name: str | None = None, kind: str | None = None, limit: int = 50):
        return ask(queries.actors, country=country, name=name, kind=kind, limit=limit)

    @app.get("/api/dyad")
    def dyad(a: str, b: str, by: str = "month", both_ways: bool = False):
        return ask(queries.dyad, side_a=a, side_b=b, by=by, both_ways=both_ways)

    @app.get("/", include_in_schema=False)
    def index():
        return FileResponse(STATIC / "index.html")

    return app


def serve(db_url: str | None, host: str, port: int) -> None:
    _require_fastapi()
    import uvicorn

    uvicorn.run(create_app(db_url), host=host, port=port, log_level="info")
