"""newsgraph: structured, verifiable records from news articles.

    >>> import newsgraph
    >>> result = newsgraph.analyze("Blinken met Lavrov in Reykjavik on Wednesday.")
    >>> result.as_dict()["entities"]
"""
from __future__ import annotations

from typing import Any

from .config import Config
from .errors import NewsgraphError
from .records import Analysis, Article, Entity, Event, Quote, Sentence

__version__ = "0.1.0"
__all__ = ["analyze", "Pipeline", "Config", "Analysis", "Article", "Entity", "Event",
           "Quote", "Sentence", "NewsgraphError", "__version__"]

_default = None


def analyze(text_or_record: Any, published: str | None = None, publisher: str | None = None) -> Analysis:
    """Analyse one article with a shared default Pipeline (loaded on first use)."""
    global _default
    if _default is None:
        from .pipeline import Pipeline

        _default = Pipeline()
    return _default.analyze(text_or_record, published=published, publisher=publisher)


def __getattr__(name: str):
    if name == "Pipeline":  # imported lazily: it loads spaCy
        from .pipeline import Pipeline

        return Pipeline
    raise AttributeError(name)
