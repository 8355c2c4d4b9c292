"""The pipeline: parse an article, run spaCy once, then the stages in order.

A stage is any object with a `name` and `__call__(ctx) -> tuple[record, ...]`.
It reads the parsed Doc, the article and the layers of earlier stages from
the Context, and returns immutable records; it never mutates the Doc or
another stage's records. The order is declared in STAGE_ORDER.
"""
from __future__ import annotations

import importlib
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Mapping, Protocol, Union

from spacy.tokens import Doc, Span

from .article import RawInput, parse_input
from .config import Config
from .errors import InputError, NewsgraphError, NotEnglish, StageFailed, TimedOut, TooLarge, short_reason
from .language import looks_english
from .nlp import load_model, sentences
from .records import Analysis, Article, KnownActor, Sentence

# name -> "module:factory"; each factory takes the Config and returns a Stage.
STAGE_ORDER: tuple[tuple[str, str], ...] = (
    ("actors", "newsgraph.actors:build_stage"),
    ("quotes", "newsgraph.quotes:build_stage"),
    ("events", "newsgraph.events:build_stage"),
    ("voice", "newsgraph.voice:build_stage"),
)
Outcome = Union[Analysis, InputError]


class Stage(Protocol):
    name: str

    def __call__(self, ctx: "Context") -> tuple: ...


@dataclass(frozen=True)
class Context:
    """What a stage may read: the article, its Doc, sentences, earlier layers."""

    article: Article
    doc: Doc
    sentences: tuple[Span, ...]
    layers: Mapping[str, tuple] = field(default_factory=dict)

    def layer(self, name: str) -> tuple:
        return self.layers.get(name, ())

    @property
    def text(self) -> str:
        return self.article.text


class Pipeline:
    """Loads the spaCy model and the stages once; analyses many articles."""

    def __init__(self, config: Config | None = None, known_actors: Iterable[KnownActor] = (), **overrides: Any):
        self.config = (config or Config.from_env()).with_(**overrides)
        self.known_actors = tuple(known_actors)
        self.nlp = load_model(self.config.model)
        # spaCy refuses texts over nlp.max_length; our own --max-chars is the limit that counts.
        self.nlp.max_length = max(self.nlp.max_length, self.config.max_chars + 1)
        self.stages: tuple[Stage, ...] = tuple(
            _build_stage(name, spec, self.config, self.known_actors)
            for name, spec in STAGE_ORDER
            if name in self.config.stages
        )
        # Cumulative wall time per stage, for the throughput benchmark.
        self.stage_seconds: Counter[str] = Counter()

    def analyze(self, item: Any, published: str | None = None, publisher: str | None = None) -> Analysis:
        """Analyse one article (text, RawInput, Article or JSONL-style dict); raise on bad input."""
        article = self.prepare(to_raw_input(item), published, publisher)
        return self.run(article, self.nlp(article.text))

    def prepare(self, raw: RawInput, published: str | None = None, publisher: str | None = None) -> Article:
        article = parse_input(
            raw,
            published=published or self.config.published,
            publisher=publisher or self.config.publisher,
        )
        if len(article.text) > self.config.max_chars:
            raise TooLarge(raw.source, len(article.text), self.config.max_chars)
        if self.config.check_language and not looks_english(article.text):
            raise NotEnglish(raw.source)
        return article

    def run(self, article: Article, doc: Doc) -> Analysis:
        """The stages over one parsed article. A stage that raises becomes StageFailed (with
        the stage's name); passing the time limit between stages becomes TimedOut."""
        began = time.perf_counter()
        ctx = Context(article=article, doc=doc, sentences=sentences(doc))
        layers: dict[str, tuple] = {}
        for stage in self.stages:
            started = time.perf_counter()
            try:
                layers[stage.name] = tuple(stage(ctx))
            except Exception as exc:
                raise StageFailed(article.source or article.id, stage.name, exc) from exc
            self.stage_seconds[stage.name] += time.perf_counter() - started
            if time.perf_counter() - began > self.config.time_limit:
                raise TimedOut(article.source or article.id, self.config.time_limit, stage.name)
            ctx = Context(article, doc, ctx.sentences, dict(layers))
        return assemble(ctx)

    def analyze_many(self, items: Iterable[RawInput | InputError]) -> Iterator[Outcome]:
        """Analyse inputs in order; failures come back as InputError, never raised."""
        if self.config.workers > 1:
            from .parallel import analyze_parallel

            yield from analyze_parallel(self.config, items, self.known_actors)
            return
        yield from self._analyze_batches(items)

    def _analyze_batches(self, items: Iterable[RawInput | InputError]) -> Iterator[Outcome]:
        batch: list[Article | InputError] = []
        for item in items:
            batch.append(item if isinstance(item, InputError) else self._prepare_safely(item))
            if len(batch) >= self.config.batch_size:
                yield from self._run_batch(batch)
                batch = []
        yield from self._run_batch(batch)

    def _prepare_safely(self, raw: RawInput) -> Article | InputError:
        try:
            return self.prepare(raw)
        except InputError as err:
            return err
        except NewsgraphError as err:
            return InputError(raw.source, str(err))

    def _run_batch(self, batch: list[Article | InputError]) -> Iterator[Outcome]:
        articles = [a for a in batch if isinstance(a, Article)]
        docs = iter(self._parse_all(articles))
        for item in batch:
            if isinstance(item, InputError):
                yield item
                continue
            doc = next(docs)
            if isinstance(doc, InputError):
                yield doc
                continue
            try:
                yield self.run(item, doc)
            except InputError as err:
                yield err
            except Exception as exc:  # a bug outside the stages must not lose the other articles
                yield InputError(item.source or item.id, f"analysis failed: {type(exc).__name__}: {exc}")

    def _parse_all(self, articles: list[Article]) -> list[Doc | InputError]:
        """spaCy over a batch; if the batch fails, each article alone, so one bad text costs only itself."""
        try:
            return list(self.nlp.pipe((a.text for a in articles), batch_size=self.config.batch_size))
        except Exception:
            return [self._parse_one(a) for a in articles]

    def _parse_one(self, article: Article) -> Doc | InputError:
        try:
            return self.nlp(article.text)
        except Exception as exc:
            return InputError(article.source or article.id, f"spaCy could not parse the text: {short_reason(exc)}")


def assemble(ctx: Context) -> Analysis:
    voiced = ctx.layer("voice")
    sents = voiced or tuple(
        Sentence(s.start_char, s.end_char) for s in ctx.sentences
    )
    return Analysis(
        article=ctx.article,
        entities=ctx.layer("actors"),
        quotes=ctx.layer("quotes"),
        events=ctx.layer("events"),
        sentences=sents,
    )


def to_raw_input(item: Any) -> RawInput:
    if isinstance(item, RawInput):
        return item
    if isinstance(item, Article):
        return RawInput(item.source or "<article>", text=item.text, meta={
            k: v for k, v in item.as_dict().items() if k not in ("text", "source") and v
        } | {"id": item.id})
    if isinstance(item, str):
        return RawInput("<text>", text=item)
    if isinstance(item, Mapping):
        from .inputs import record_input

        made = record_input(dict(item), "<record>")
        if isinstance(made, InputError):
            raise made
        return made
    raise TypeError(f"cannot analyse a {type(item).__name__}; pass text, a dict or a RawInput")


def _build_stage(name: str, spec: str, config: Config, known_actors: tuple[KnownActor, ...]) -> Stage:
    module, _, attr = spec.partition(":")
    factory = getattr(importlib.import_module(module), attr)
    # Only the actors stage takes corpus memory; the others need the config alone.
    return factory(config, known_actors=known_actors) if name == "actors" else factory(config)
