"""The workbench's pages: server-rendered HTML, each with a JSON twin at the same
path + `.json` (lists answer {"rows", "total", "next"}) and, for tables, a CSV
twin at + `.csv`. Filters live in the query string, so every view is a URL.

Parameters are read here rather than declared to FastAPI so that a bad one is
a 400 page (or JSON) with a message in HTTP terms, never a 500.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Any, Callable
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from markupsafe import Markup, escape

from ..corpus import browse
from ..corpus.codes import EVENT_TYPES, QUAD_NAMES
from ..reporting import SENSES as CUE_CLASSES
from ..errors import Forbidden, InputError, NotFound, QueryError
from . import charts
from .reading import entity_names, highlight

DEFAULT_LIMIT, MAX_LIMIT = 50, 1000
NETWORK_EDGES = 20  # a network small enough to read
HIT = {browse.HIT_START: "<mark>", browse.HIT_END: "</mark>"}


class Params:
    """Query-string values, checked; every refusal says which parameter and what to give."""

    def __init__(self, request: Request):
        self.values = request.query_params

    def text(self, name: str) -> str | None:
        value = self.values.get(name)
        return value.strip() if value and value.strip() else None

    def integer(self, name: str, default: int | None, low: int, high: int) -> int | None:
        raw = self.text(name)
        if raw is None:
            return default
        try:
            value = int(raw)
        except ValueError:
            raise QueryError(f"query parameter {name}={raw!r} is not a whole number; give {low} to {high}") from None
        if not low <= value <= high:
            raise QueryError(f"query parameter {name}={value} is out of range; give {low} to {high}")
        return value

    def choice(self, name: str, choices: tuple[str, ...], default: str | None = None) -> str | None:
        value = self.text(name)
        if value is None:
            return default
        if value not in choices:
            raise QueryError(f"query parameter {name}={value!r} is not one of {', '.join(choices)}")
        return value

    def flag(self, name: str) -> bool:
        return (self.text(name) or "").lower() in ("1", "true", "on", "yes")

    def page(self) -> tuple[int, int]:
        return (self.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT) or DEFAULT_LIMIT,
                self.integer("offset", 0, 0, 10 ** 9) or 0)


def highlighted(snippet: str) -> Markup:
    """A search snippet, escaped, with its hit marks as <mark>."""
    html = str(escape(snippet))
    for mark, tag in HIT.items():
        html = html.replace(mark, tag)
    return Markup(html)


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return "; ".join(v.get("name") or "" if isinstance(v, dict) else str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def csv_response(rows: list[dict[str, Any]], name: str) -> Response:
    out = io.StringIO()
    columns = list(dict.fromkeys(k for row in rows for k in row))
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": f'attachment; filename="{name}.csv"'})


def _plain(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows without the private hit marks (JSON and CSV use « » like the CLI)."""
    for row in rows:
        if isinstance(row.get("snippet"), str):
            row["snippet"] = row["snippet"].replace(browse.HIT_START, "«").replace(browse.HIT_END, "»")
    return rows


def build_router(templates: Any) -> APIRouter:
    router = APIRouter(include_in_schema=False)
    templates.env.globals.update(event_types=EVENT_TYPES, quad_names=QUAD_NAMES, cue_classes=CUE_CLASSES,
                                 highlighted=highlighted)

    def with_query(request: Request, **changes: Any) -> str:
        params = dict(request.query_params)
        for key, value in changes.items():
            if value is None or value == "":
                params.pop(key, None)
            else:
                params[key] = str(value)
        return "?" + urlencode(params) if params else "?"

    def listing(request: Request, fmt: str, name: str, context: dict[str, Any]) -> Any:
        rows, total, limit, offset = context["rows"], context["total"], context["limit"], context["offset"]
        more = offset + limit < total
        nxt = str(request.url.include_query_params(offset=offset + limit)) if more else None
        if fmt == ".json":
            return JSONResponse({"rows": _plain(rows), "total": total, "next": nxt, **context.get("json", {})})
        if fmt == ".csv":
            return csv_response(_plain(rows), name)
        return templates.TemplateResponse(request, f"{name}.html", {
            **context, "next_url": with_query(request, offset=offset + limit) if more else None,
            "prev_url": with_query(request, offset=max(0, offset - limit) or None) if offset else None,
            "with_query": lambda **kw: with_query(request, **kw), "path": request.url.path})

    def page(path: str, name: str, builder: Callable[[Request, Params], dict[str, Any]], csv_too: bool = True):
        for fmt in ("", ".json", ".csv") if csv_too else ("", ".json"):
            def handler(request: Request, fmt: str = fmt) -> Any:
                return listing(request, fmt, name, builder(request, Params(request)))
            router.add_api_route(path + fmt, handler, methods=["GET"], name=f"{name}{fmt}")

    def read(request: Request, fn: Callable, **kwargs: Any) -> Any:
        return request.app.state.read(fn, **kwargs)

    def table_page(request: Request, window: tuple[int, int], fn: Callable, filters: dict[str, Any]) -> dict[str, Any]:
        """One page of a filtered table: its rows, the total and the filters that made it."""
        limit, offset = window
        rows, total = read(request, fn, **filters, limit=limit, offset=offset)
        return {"rows": rows, "total": total, "limit": limit, "offset": offset, "filters": filters}

    @router.get("/")
    def home() -> Any:
        return RedirectResponse("/articles")

    def articles(request: Request, p: Params) -> dict[str, Any]:
        limit, offset = p.page()
        filters = dict(q=p.text("q"), publisher=p.text("publisher"), month=p.text("month"),
                       event_type=p.text("type"), country=p.text("country"))
        sort = p.choice("sort", browse.ARTICLE_SORTS)
        rows, total = read(request, browse.articles, **filters, sort=sort, limit=limit, offset=offset)
        facets = read(request, browse.article_facets, **filters)
        return {"rows": rows, "total": total, "limit": limit, "offset": offset, "facets": facets,
                "filters": filters, "sort": sort, "json": {"facets": facets}}

    page("/articles", "articles", articles)

    def actors(request: Request, p: Params) -> dict[str, Any]:
        window = p.page()  # checked first, as before the filters
        filters = dict(country=p.text("country"), name=p.text("name"), kind=p.text("kind"))
        return table_page(request, window, browse.actors, filters)

    page("/actors", "actors", actors)

    def events(request: Request, p: Params) -> dict[str, Any]:
        window = p.page()  # checked first, as before the filters
        filters = dict(actor=p.text("actor"), recipient=p.text("recipient"), event_type=p.text("type"),
                       since=p.text("since"), until=p.text("until"), quad=p.integer("quad", None, 1, 4),
                       actor_id=p.integer("actor_id", None, 1, 2 ** 62),
                       recipient_id=p.integer("recipient_id", None, 1, 2 ** 62),
                       party_id=p.integer("party_id", None, 1, 2 ** 62), both_ways=p.flag("both_ways"))
        return table_page(request, window, browse.events, filters)

    page("/events", "events", events)

    def quotes(request: Request, p: Params) -> dict[str, Any]:
        window = p.page()  # checked first, as before the filters
        filters = dict(speaker=p.text("speaker"), about=p.text("about"), since=p.text("since"),
                       until=p.text("until"), kind=p.choice("kind", browse.QUOTE_KINDS), cue=p.text("cue"),
                       via=p.text("via"), cue_class=p.choice("cue_class", CUE_CLASSES))
        return table_page(request, window, browse.quotes, filters)

    page("/quotes", "quotes", quotes)

    def dyad(request: Request, p: Params) -> dict[str, Any]:
        a, b = p.text("a"), p.text("b")
        by, measure = p.choice("by", browse.PERIODS, "month"), p.choice("measure", ("quad", "type"), "quad")
        both_ways, since, until = p.flag("both_ways"), p.text("since"), p.text("until")
        browse.checked_dates(since, until)
        if bool(a) != bool(b):
            raise QueryError("give both sides of the dyad: query parameters a and b (a code such as RUS, or a name)")
        rows = read(request, browse.dyad, side_a=a, side_b=b, by=by, both_ways=both_ways, since=since,
                    until=until) if a else []
        edges = read(request, browse.network, side_a=a, side_b=b, since=since, until=until, limit=NETWORK_EDGES)

        def link(period: dict[str, Any]) -> str:
            # An undated period links to all the dyad's events (dates cannot select it).
            query = {"actor": a, "recipient": b, "since": period["since"], "until": period["until"],
                     "both_ways": "1" if both_ways else None}
            return "/events?" + urlencode({k: v for k, v in query.items() if v})

        for row in rows:
            row["events_url"] = link(row)
        return {"rows": rows, "total": len(rows), "limit": max(len(rows), 1), "offset": 0,
                "filters": dict(a=a, b=b, by=by, measure=measure, both_ways=both_ways, since=since, until=until),
                "chart": charts.bars(rows, measure, lambda r: r["events_url"]),
                "graph": charts.network(edges, lambda i: f"/actors/{i}"), "edges": edges,
                "json": {"network": edges}}

    page("/dyad", "dyad", dyad)

    def detail(request: Request, kind: str, ident: int, fmt: str) -> Any:
        found = read(request, browse.article if kind == "article" else browse.actor, **{
            "article_id" if kind == "article" else "actor_id": ident})
        if found is None:
            raise NotFound(f"no {kind} with id {ident} in the store; see /{kind}s for the ones there are")
        if fmt == ".json":
            return JSONResponse(found)
        if kind == "actor":
            chart = charts.timeline(found["timeline"], lambda month: f"/events?party_id={ident}&since={month}"
                                    f"&until={month}")
            return templates.TemplateResponse(request, "actor.html", {"actor": found, "timeline_chart": chart})
        return templates.TemplateResponse(request, "article.html", reading_context(found))

    for fmt in ("", ".json"):
        def one_article(request: Request, article_id: int, fmt: str = fmt) -> Any:
            return detail(request, "article", article_id, fmt)

        def one_actor(request: Request, actor_id: int, fmt: str = fmt) -> Any:
            return detail(request, "actor", actor_id, fmt)

        router.add_api_route(f"/articles/{{article_id:int}}{fmt}", one_article, methods=["GET"], name=f"article{fmt}")
        router.add_api_route(f"/actors/{{actor_id:int}}{fmt}", one_actor, methods=["GET"], name=f"actor{fmt}")

    @router.get("/analyze")
    def analyze_form(request: Request) -> Any:
        return templates.TemplateResponse(request, "analyze.html", {"form": {}})

    @router.post("/analyze")
    async def analyze(request: Request) -> Any:
        same_site(request)
        form = await request.form()
        values = {k: str(form.get(k) or "").strip() for k in ("text", "html", "published", "title")}
        item = {"text" if not values["html"] else "html": values["html"] or values["text"]}
        context: dict[str, Any] = {"form": values}
        status = 200
        try:
            if values["published"]:
                browse.checked_dates(values["published"], None)
                item["published"] = values["published"]
            if values["title"]:
                item["title"] = values["title"]
            if not (values["text"] or values["html"]):
                raise QueryError("paste the article's text (or its HTML) first")
            analysis = await request.app.state.analyse(item)
            context.update(reading_context(analysis.as_dict()))
            if form.get("save"):
                context["saved_id"] = request.app.state.write(lambda db: save(db, analysis))
        except (QueryError, InputError) as err:
            context["error"], status = (err.reason if isinstance(err, InputError) else str(err)), 422
        return templates.TemplateResponse(request, "analyze.html", context, status_code=status)

    return router


def same_site(request: Request) -> None:
    """Refuse a form posted from another site (it could save articles to the corpus)."""
    from urllib.parse import urlsplit

    origin = request.headers.get("origin") or request.headers.get("referer")
    if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
        raise Forbidden("the form was posted from another site; open /analyze here and send it again")


def reading_context(analysis: dict[str, Any]) -> dict[str, Any]:
    return {"a": analysis, "text_html": highlight(analysis), "names": entity_names(analysis)}


def save(db: Any, analysis: Any) -> int:
    """Store a pasted analysis (a no-op when the same text is stored) and return its article id."""
    from ..article import content_hash
    from ..corpus.store import Store

    Store(db).write_batch([(analysis, None)])
    return int(db.scalar("SELECT id FROM articles WHERE content_hash = ?", (content_hash(analysis.article.text),)))
