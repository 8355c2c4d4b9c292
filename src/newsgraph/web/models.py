"""Response models and enums for the OpenAPI description of the /api routes."""
from __future__ import annotations

from enum import Enum
from typing import Any, Optional

from pydantic import BaseModel, Field

from ..corpus.codes import EVENT_TYPES
from ..reporting import SENSES as CUE_CLASSES

EventType = Enum("EventType", {t: t for t in EVENT_TYPES}, type=str)
EventType.__doc__ = "A PLOVER event type."

CueClass = Enum("CueClass", {c: c for c in CUE_CLASSES}, type=str)
CueClass.__doc__ = "What a quote's cue reports: speech, writing, thought, intention or perception."


class Period(str, Enum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


class QuoteKind(str, Enum):
    direct = "direct"
    indirect = "indirect"
    mixed = "mixed"


class ArticleSort(str, Enum):
    newest = "newest"
    oldest = "oldest"
    title = "title"
    relevance = "relevance"


class ArticleIn(BaseModel):
    """One article, as one JSONL input record: `text` (title on the first line) or `html`."""

    text: Optional[str] = Field(None, description="Plain text; the first line is taken as the title.")
    html: Optional[str] = Field(None, description="An HTML page; the article is extracted from it.")
    id: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = Field(None, description="YYYY-MM-DD; resolves relative dates in the text.")
    url: Optional[str] = None
    publisher: Optional[str] = None


class Problem(BaseModel):
    detail: str = Field(description="What was wrong, and what to do about it.")


class SearchHit(BaseModel):
    id: int
    doc_id: str
    title: Optional[str] = None
    publisher: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None
    score: float = Field(description="Relevance; higher is better.")
    snippet: str = Field(description="Matching text with matches between « and ».")


class QuoteRow(BaseModel):
    id: int
    article_id: int
    speaker: Optional[str] = None
    speaker_actor_id: Optional[int] = None
    speaker_country: Optional[str] = None
    cue: Optional[str] = Field(None, description="The reporting verb or phrase.")
    cue_class: Optional[CueClass] = Field(None, description="What the cue reports; none for a quote "
                                          "without a cue.")
    kind: QuoteKind
    content: str
    via: list[str] = Field(description="The source chain, nearest first (e.g. an agency).")
    doc_id: str
    title: Optional[str] = None
    publisher: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None


class Side(BaseModel):
    name: Optional[str] = None
    code: Optional[str] = Field(None, description="Country code, plus sector code when known (RUSGOV).")
    country: Optional[str] = None
    sector: Optional[str] = None


class EventRow(BaseModel):
    id: int
    date: Optional[str] = Field(None, description="The event's day: its own date, else the article's.")
    type: EventType
    mode: Optional[str] = None
    modality: Optional[str] = None
    quad_class: Optional[int] = Field(None, description="1 verbal cooperation ... 4 material conflict.")
    trigger: Optional[str] = Field(None, description="The words that express the event.")
    confidence: Optional[float] = Field(None, description="The events stage's confidence, 0 to 1, where it gives one.")
    story_id: Optional[int] = None
    doc_id: str
    title: Optional[str] = None
    publisher: Optional[str] = None
    url: Optional[str] = None
    actors: list[Side]
    recipients: list[Side]
    story_articles: int = Field(description="Articles reporting the same story.")
    story_outlets: int


class ActorRow(BaseModel):
    id: int
    name: str
    kind: str
    country: Optional[str] = None
    sector: Optional[str] = None
    role: Optional[str] = None
    articles: int
    events: int
    quotes: int


class DyadPeriod(BaseModel):
    period: str = Field(description="A day, ISO week (2021-W20), month or year; 'undated' for events without one.")
    since: Optional[str] = None
    until: Optional[str] = None
    types: dict[str, int] = Field(description="Events per PLOVER type.")
    quad: dict[str, int] = Field(description="Events per quad class.")
    total: int


AnalysisOut = dict[str, Any]
