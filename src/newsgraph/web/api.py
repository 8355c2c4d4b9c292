"""The JSON API under /api: analyse one article, and the CLI's corpus queries.

Parameters are checked by FastAPI (types, enums, `limit` 1..1000: 422) and by
the query helpers (dates, search words: 400); answers carry response models.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

from fastapi import APIRouter, HTTPException, Query, Request

from ..corpus import browse, queries
from ..errors import InputError, NewsgraphError, QueryError
from .models import (ActorRow, AnalysisOut, ArticleIn, CueClass, DyadPeriod, EventRow, EventType, Period, Problem,
                     QuoteKind, QuoteRow, SearchHit)

LIMIT = Query(50, ge=1, le=1000, description="At most this many rows (1 to 1000).")
SINCE = Query(None, description="On or after this date: YYYY-MM-DD, YYYY-MM or YYYY.")
UNTIL = Query(None, description="On or before this date (a whole day, month or year).")
ERRORS: dict[int | str, dict[str, Any]] = {400: {"model": Problem, "description": "A parameter is not valid."},
                                            422: {"model": Problem, "description": "A parameter has the wrong type."}}


def required(value: Optional[str], what: str) -> str:
    if not value or not value.strip():
        raise QueryError(f"give {what}")
    return value.strip()


def build_router(read: Callable, analyse: Callable) -> APIRouter:
    """`read(fn, **kw)` runs a query on a read-only connection; `analyse(dict)` is the worker pool."""
    api = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)

    @api.post("/analyze", response_model=AnalysisOut, summary="Analyse one article",
              responses={413: {"model": Problem, "description": "The body is over the size limit."},
                         503: {"model": Problem, "description": "Busy (see Retry-After) or over the time limit."}})
    async def analyze(article: ArticleIn) -> dict[str, Any]:
        """The contract object of `newsgraph analyze --json` for one article."""
        if not ((article.text and article.text.strip()) or (article.html and article.html.strip())):
            raise HTTPException(status_code=422, detail="give the article as 'text' or 'html' (it is empty)")
        try:
            return (await analyse(article.model_dump(exclude_none=True))).as_dict()
        except InputError as err:
            raise HTTPException(status_code=422, detail=err.reason) from None

    @api.get("/search", response_model=list[SearchHit], summary="Full-text search over articles")
    def search(q: str = Query(..., description='Words (all required), "phrases", OR, -excluded, prefix*.'),
               limit: int = Query(20, ge=1, le=1000)):
        return read(queries.search, text=required(q, "at least one word to search for (q)"), limit=limit)

    @api.get("/quotes", response_model=list[QuoteRow], summary="Quotes, newest first")
    def quotes(speaker: Optional[str] = Query(None, description="Part of the speaker's name."),
               about: Optional[str] = Query(None, description="Words the quote must contain."),
               since: Optional[str] = SINCE, until: Optional[str] = UNTIL,
               kind: Optional[QuoteKind] = None, cue: Optional[str] = Query(None, description="Part of the cue."),
               via: Optional[str] = Query(None, description="Part of a source in the quote's chain."),
               cue_class: Optional[CueClass] = Query(None, description="What the cue reports."),
               limit: int = LIMIT, offset: int = Query(0, ge=0)):
        return read(browse.quotes, speaker=speaker, about=about, since=since, until=until,
                    kind=kind.value if kind else None, cue=cue, via=via,
                    cue_class=cue_class.value if cue_class else None, limit=limit, offset=offset)[0]

    @api.get("/events", response_model=list[EventRow], summary="PLOVER events, newest first")
    def events(actor: Optional[str] = Query(None, description="A code (RUS, RUSGOV) or part of a name."),
               recipient: Optional[str] = Query(None, description="A code or part of a name."),
               type: Optional[EventType] = Query(None, description="A PLOVER event type."),
               since: Optional[str] = SINCE, until: Optional[str] = UNTIL, limit: int = LIMIT):
        return read(queries.events, actor=actor, recipient=recipient, event_type=type.value if type else None,
                    since=since, until=until, limit=limit)

    @api.get("/actors", response_model=list[ActorRow], summary="Corpus actors, most active first")
    def actors(country: Optional[str] = Query(None, description="ISO alpha-3 or PLOVER code."),
               name: Optional[str] = None, kind: Optional[str] = Query(None, description="PERSON, ORG, GPE, ..."),
               limit: int = LIMIT):
        return read(queries.actors, country=country, name=name, kind=kind, limit=limit)

    @api.get("/dyad", response_model=list[DyadPeriod], summary="Events between two sides, per period")
    def dyad(a: str = Query(..., description="Side A: a code or part of a name."),
             b: str = Query(..., description="Side B."), by: Period = Period.month, both_ways: bool = False,
             since: Optional[str] = SINCE, until: Optional[str] = UNTIL):
        return read(browse.dyad, side_a=required(a, "side a (a code or a name)"),
                    side_b=required(b, "side b (a code or a name)"), by=by.value, both_ways=both_ways,
                    since=since, until=until)

    return api


def problem_status(err: NewsgraphError) -> int:
    """HTTP status for a newsgraph error: the client's mistake, or the store's."""
    from ..errors import StoreError

    return 503 if isinstance(err, StoreError) else 400


def request_wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path.endswith(".json") or path.endswith(".csv") \
        or "application/json" in request.headers.get("accept", "")
