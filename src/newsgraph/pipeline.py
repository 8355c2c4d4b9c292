"""The pipeline: parse an article, run spaCy once, then the stages in order.

A stage is any object with a `name` and `__call__(ctx) -> tuple[record, ...]`.
It reads the parsed Doc, the article and the layers of earlier stages from
the Context, and returns immutable records; it never mutates the Doc or
another stage's records. Which stages exist, in what order, what each
requires and fills: the registry in stages.py. A stage may also have
`prepare(contexts)`, called once per batch of parsed articles before any
stage runs, to do batch-wide work ahead (the voice stage encodes every
sentence of the batch in one pass).
"""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Mapping, Protocol, Sequence, Union

from spacy.tokens import Doc, Span

from .article import RawInput, parse_input
from .config import Config
from .errors import InputError, NewsgraphError, NotEnglish, StageFailed, TimedOut, TooLarge, short_reason
from .language import looks_english
from .nlp import load_model, sentences
from .parallel import analyze_parallel
from .records import Analysis, Article, KnownActor, Sentence
from .stages import BY_NAME, STAGES
from .threads import freeze_loaded, one_blas_thread

# (name, "module:factory") in run order, derived from the registry (stages.py).
STAGE_ORDER: tuple[tuple[str, str], ...] = tuple((spec.name, spec.factory) for spec in STAGES)
Outcome = Union[Analysis, InputError]
# Analysed once before workers fork (Pipeline.warm_up): written for this purpose, it reaches every
# stage (people, places, a quote, a reported event) so their first-call loading happens here.
WARM_UP_TEXT = (
    "GENEVA (Reuters) - The foreign minister of Norway, Anna Berg, met officials from Kenya and Brazil "
    "in Geneva on Tuesday. \"We will not accept new tariffs,\" Berg told reporters after the talks. "
    "Police arrested two protesters outside the hall, a spokesman said, and the government "
    "said it would send aid to the region."
)


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
        # One process, one BLAS thread: parallelism is --workers' job, and BLAS threads
        # of one process contend with the other processes on the machine.
        one_blas_thread()
        self.nlp = load_model(self.config.model)
        # spaCy refuses texts over nlp.max_length; our own --max-chars is the limit that counts.
        self.nlp.max_length = max(self.nlp.max_length, self.config.max_chars + 1)
        # What factories may take besides the Config; each stage's spec says which it wants.
        context = {"known_actors": self.known_actors}
        self.stages: tuple[Stage, ...] = tuple(
            BY_NAME[name].build(self.config, context) for name in self.config.stages
        )
        freeze_loaded()
        # Cumulative wall time per stage, and of reading ("read"), the spaCy parse ("parse") and
        # cutting sentences ("sentences") in analyze_many, for the throughput benchmark.
        self.stage_seconds: Counter[str] = Counter()
        # The same in CPU time of this process (what a loaded machine inflates least).
        self.stage_cpu: Counter[str] = Counter()

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

    def run(self, article: Article, doc: Doc, ctx: Context | None = None) -> Analysis:
        """The stages over one parsed article. A stage that raises becomes StageFailed (with
        the stage's name); passing the time limit between stages becomes TimedOut."""
        began = time.perf_counter()
        ctx = ctx or Context(article=article, doc=doc, sentences=sentences(doc))
        layers: dict[str, tuple] = {}
        for stage in self.stages:
            started, cpu = time.perf_counter(), time.process_time()
            try:
                layers[stage.name] = tuple(stage(ctx))
            except Exception as exc:
                raise StageFailed(article.source or article.id, stage.name, exc) from exc
            self._spent(stage.name, started, cpu)
            if time.perf_counter() - began > self.config.time_limit:
                raise TimedOut(article.source or article.id, self.config.time_limit, stage.name)
            ctx = Context(article, doc, ctx.sentences, dict(layers))
        return assemble(ctx)

    def analyze_many(self, items: Iterable[RawInput | InputError]) -> Iterator[Outcome]:
        """Analyse inputs in order; failures come back as InputError, never raised."""
        if self.config.workers > 1:
            # Forked workers start from this Pipeline, already loaded, instead of loading their own.
            self.warm_up()
            yield from analyze_parallel(Pipeline, self.config, items, self.known_actors, loaded=self)
            return
        yield from self.analyze_batches(items)

    def warm_up(self) -> None:
        """Analyse WARM_UP_TEXT once, then freeze again. Several stages load tables on first use (the
        knowledge base's places, spaCy's lemma lookups, the ONNX session's buffers): done here, before
        workers fork, they are loaded once and shared copy-on-write instead of once per worker (measured:
        a cold first batch cost 0.5-0.7 s more CPU than the same batch warm, in each worker), and frozen
        with the rest. The counters stay those of the real inputs."""
        seconds, cpu = Counter(self.stage_seconds), Counter(self.stage_cpu)
        try:
            self.analyze(WARM_UP_TEXT)
        except Exception:  # nothing is lost: the real inputs then load what they need, and report failures
            pass
        self.stage_seconds, self.stage_cpu = seconds, cpu
        freeze_loaded()

    def analyze_batches(self, items: Iterable[RawInput | InputError]) -> Iterator[Outcome]:
        batch: list[Article | InputError] = []
        for item in items:
            batch.append(item if isinstance(item, InputError) else self._prepare_safely(item))
            if len(batch) >= self.config.batch_size:
                yield from self._run_batch(batch)
                batch = []
        yield from self._run_batch(batch)

    def _prepare_safely(self, raw: RawInput) -> Article | InputError:
        started = time.perf_counter()
        try:
            return self.prepare(raw)
        except InputError as err:
            return err
        except NewsgraphError as err:
            return InputError(raw.source, str(err))
        finally:
            self.stage_seconds["read"] += time.perf_counter() - started

    def _run_batch(self, batch: list[Article | InputError]) -> Iterator[Outcome]:
        articles = [a for a in batch if isinstance(a, Article)]
        docs = dict(zip(map(id, articles), self._parse_all(articles)))
        started = time.perf_counter()
        contexts = {key: Context(article, doc, sentences(doc))
                    for article, (key, doc) in zip(articles, docs.items()) if not isinstance(doc, InputError)}
        self.stage_seconds["sentences"] += time.perf_counter() - started
        self._prepare_stages(list(contexts.values()))
        for item in batch:
            if isinstance(item, InputError):
                yield item
                continue
            doc = docs[id(item)]
            if isinstance(doc, InputError):
                yield doc
                continue
            try:
                yield self.run(item, doc, contexts[id(item)])
            except InputError as err:
                yield err
            except Exception as exc:  # a bug outside the stages must not lose the other articles
                yield InputError(item.source or item.id, f"analysis failed: {type(exc).__name__}: {exc}")

    def _prepare_stages(self, contexts: Sequence[Context]) -> None:
        """Batch-wide work of the stages that have it; a failure here is left to each article's run."""
        for stage in self.stages:
            prepare = getattr(stage, "prepare", None)
            if prepare is None or not contexts:
                continue
            started, cpu = time.perf_counter(), time.process_time()
            try:
                prepare(contexts)
            except Exception:
                pass  # the stage recomputes per article, where a failure is that article's StageFailed
            self._spent(stage.name, started, cpu)

    def _spent(self, name: str, started: float, cpu: float) -> None:
        self.stage_seconds[name] += time.perf_counter() - started
        self.stage_cpu[name] += time.process_time() - cpu

    def _parse_all(self, articles: list[Article]) -> list[Doc | InputError]:
        """spaCy over a batch; if the batch fails, each article alone, so one bad text costs only itself."""
        started, cpu = time.perf_counter(), time.process_time()
        try:
            return list(self.nlp.pipe((a.text for a in articles), batch_size=self.config.batch_size))
        except Exception:
            return [self._parse_one(a) for a in articles]
        finally:
            self._spent("parse", started, cpu)

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
