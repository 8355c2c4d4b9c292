"""Article parsing: raw input (plain text, HTML, a JSONL record) -> Article.

Plain text keeps the input unchanged apart from line endings, so offsets
index exactly what the user gave. The common layout of news text files is
recognised: a title line, an optional standfirst, the body, and trailing
byline/bio lines ("Author: NAME", "NAME is the news editor of OUTLET").
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from .errors import EmptyInput, NoArticle
from .records import Article

BYLINE = re.compile(r"^\s*(?:Author|Authors|By|Written by|Reporting by)\s*[:\-]?\s+(?P<names>.+?)\s*$", re.I)
BIO = re.compile(
    r"^(?P<name>[A-Z][\w.'\-]+(?: [A-Z][\w.'\-]+){0,3}) is (?:a|an|the)\b[^.]*?\b(?:of|at|for|with) "
    r"(?P<outlet>[A-Z][\w.&'\-]*(?:\.[a-z]{2,})?(?: [A-Z][\w&'\-]*)*)"
)
NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|&)\s*")
MAX_TITLE_CHARS = 300
MAX_DEK_CHARS = 400
# Fewer words than this after extraction means the page holds no article.
MIN_ARTICLE_WORDS = 8


@dataclass(frozen=True)
class RawInput:
    """One input before parsing: text or HTML plus whatever metadata came with it."""

    source: str
    text: str | None = None
    html: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def content_hash(text: str) -> str:
    """The fingerprint of an article's text (the store deduplicates on it)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def content_id(text: str) -> str:
    return content_hash(text)[:16]


def parse_input(raw: RawInput, published: str | None = None, publisher: str | None = None) -> Article:
    """Turn a RawInput into an Article; explicit `published`/`publisher` win."""
    if raw.html is not None and not raw.text:
        article = parse_html(raw.html, raw.source, raw.meta)
    else:
        article = parse_text(raw.text or "", raw.source, raw.meta)
    overrides = {"published": published, "publisher": publisher}
    return _with(article, **{k: v for k, v in overrides.items() if v})


def parse_text(text: str, source: str = "<text>", meta: dict[str, Any] | None = None) -> Article:
    meta = meta or {}
    text = normalise_newlines(text)
    if not text.strip():
        raise EmptyInput(source)
    layout = _layout(text) if not meta.get("title") else {}
    return Article(
        id=str(meta.get("id") or content_id(text)),
        text=text,
        title=meta.get("title") or layout.get("title"),
        subtitle=meta.get("subtitle") or layout.get("subtitle"),
        authors=tuple(_authors(meta.get("authors") or meta.get("author")) or layout.get("authors", ())),
        publisher=meta.get("publisher") or layout.get("publisher"),
        published=iso_date(meta.get("published") or meta.get("date")),
        url=meta.get("url"),
        source=source,
    )


def _layout(text: str) -> dict[str, Any]:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    found: dict[str, Any] = {}
    if len(paragraphs) >= 2 and _looks_like_title(paragraphs[0]):
        found["title"] = paragraphs[0]
        if len(paragraphs) >= 3 and _looks_like_dek(paragraphs[1], paragraphs[2]):
            found["subtitle"] = paragraphs[1]
    authors: list[str] = []
    for line in (ln.strip() for ln in text.splitlines()[-12:] if ln.strip()):
        m = BYLINE.match(line)
        if m:
            authors.extend(_authors(m.group("names")))
        bio = BIO.match(line)
        if bio and "publisher" not in found:
            found["publisher"] = bio.group("outlet").rstrip(".,")
            if not authors:
                authors.append(bio.group("name"))
    found["authors"] = tuple(dict.fromkeys(authors))
    return found


def _looks_like_title(par: str) -> bool:
    return "\n" not in par and len(par) <= MAX_TITLE_CHARS and not par.endswith((".", ":"))


def _looks_like_dek(par: str, following: str) -> bool:
    """A standfirst is one short line, shorter than the body paragraph after it."""
    return "\n" not in par and len(par) <= MAX_DEK_CHARS and len(par) < len(following) and not BYLINE.match(par)


def _authors(value: Any) -> list[str]:
    if not value:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    names = NAME_SPLIT.split(str(value).strip().rstrip("."))
    return [n.strip() for n in names if n.strip() and len(n) < 80]


def parse_html(html: str, source: str = "<html>", meta: dict[str, Any] | None = None) -> Article:
    """Extract body and metadata from an HTML page with trafilatura."""
    meta = meta or {}
    extracted = _trafilatura(html, meta.get("url"))
    body = (extracted.get("text") or "").strip()
    if len(body) < 200:
        body = _fallback_text(html, body)
    if len(body.split()) < MIN_ARTICLE_WORDS:
        raise NoArticle(source)
    title = meta.get("title") or extracted.get("title")
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    return Article(
        id=str(meta.get("id") or content_id(text)),
        text=text,
        title=title,
        subtitle=meta.get("subtitle") or extracted.get("description") or None,
        authors=tuple(_authors(meta.get("authors") or extracted.get("author"))),
        publisher=meta.get("publisher") or extracted.get("sitename") or None,
        published=iso_date(meta.get("published") or extracted.get("date")),
        url=meta.get("url") or extracted.get("url"),
        source=source,
    )


def _trafilatura(html: str, url: str | None) -> dict[str, Any]:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, favor_precision=False
        )
    except Exception:  # trafilatura raises assorted errors on broken markup
        return {}
    if doc is None:
        return {}
    return doc if isinstance(doc, dict) else doc.as_dict()


def _fallback_text(html: str, body: str) -> str:
    """When extraction finds almost nothing, take the page's paragraphs."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except Exception:
        return body
    for bad in tree.xpath("//script|//style|//nav|//header|//footer|//aside"):
        bad.drop_tree()
    paras = [" ".join(p.text_content().split()) for p in tree.xpath("//p")]
    text = "\n\n".join(p for p in paras if len(p.split()) >= 8)
    return text if len(text) > len(body) else body


def iso_date(value: Any) -> str | None:
    """Best-effort YYYY-MM-DD from a date, datetime or date-like string."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        return m.group(0)
    try:
        import dateparser

        parsed = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first"})
    except Exception:
        parsed = None
    return parsed.date().isoformat() if parsed else None


def _with(article: Article, **changes: Any) -> Article:
    from dataclasses import replace

    return replace(article, **changes) if changes else article
