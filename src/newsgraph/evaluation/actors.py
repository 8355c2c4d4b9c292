"""`newsgraph eval actors`: actor coding and mention detection on the shared gold sets.

Two figures:
- country accuracy on the PLOVER gold-standard records
  (`events/plover_gsr_cameo.json`): the share of gold source/target actors
  whose text, found in the sentence, is overlapped by a mention of an entity
  coded with the gold country code. CAMEO-era codes are read as their ISO
  equivalents (JAP=JPN, ITL=ITA, VTN=VNM) and our finer PLOVER codes UNO and
  EUR count as IGO. A strict variant asks the same of the single entity
  whose mention overlaps the gold text most.
- mention-detection recall on `events/cameo_actors_train.conll`: the share of
  gold S/T/R spans overlapped by some entity mention.

And, shipped with the package so it runs anywhere, the actor phrase set
(`data/actors/phrases_{dev,test}.tsv`, sentences written for this project):
country and sector accuracy of the entity best covering each bracketed
phrase, and the share of non-actors (laws, treaties, indices, songs, ...)
that got no actor entity. `dev` is for tuning; `test` was written before
the system saw it and is read only for the gate.
"""
from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import click

from . import data_dir

PHRASE_DIR = Path(__file__).resolve().parents[1] / "data" / "actors"
PHRASE_SPLITS = ("dev", "test")
PHRASE_DATE = "2021-05-20"  # the date of a phrase without one
NOT_ACTOR_KINDS = frozenset({"OTHER", "EVENT"})
GSR_FILE = "events/plover_gsr_cameo.json"
CONLL_FILE = "events/cameo_actors_train.conll"
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
FINER_IGO = {"UNO": "IGO", "EUR": "IGO"}


@dataclass(frozen=True)
class GoldActor:
    text: str
    code: str
    sector: str | None
    span: tuple[int, int] | None  # where the actor text is in the sentence


@dataclass
class CountryScore:
    gold: int = 0
    located: int = 0
    found: int = 0
    strict: int = 0
    sector_gold: int = 0
    sector_found: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.found / self.located if self.located else 0.0

    @property
    def strict_accuracy(self) -> float:
        return self.strict / self.located if self.located else 0.0

    @property
    def sector_accuracy(self) -> float:
        return self.sector_found / self.sector_gold if self.sector_gold else 0.0


@dataclass
class RecallScore:
    gold: int = 0
    found: int = 0
    by_label: dict[str, list[int]] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0


@dataclass(frozen=True)
class Phrase:
    kind: str  # actor | place | junk
    date: str
    country: str | None
    sector: str | None
    text: str  # the sentence without brackets
    span: tuple[int, int]  # the bracketed phrase

    @property
    def target(self) -> str:
        return self.text[self.span[0]:self.span[1]]


@dataclass
class PhraseScore:
    coded: int = 0  # actors and places
    country: int = 0
    sector: int = 0
    junk: int = 0
    junk_rejected: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind -> [n, country ok, sector ok]
    misses: list[str] = field(default_factory=list)

    @property
    def country_accuracy(self) -> float:
        return self.country / self.coded if self.coded else 0.0

    @property
    def sector_accuracy(self) -> float:
        return self.sector / self.coded if self.coded else 0.0

    @property
    def junk_rejection(self) -> float:
        return self.junk_rejected / self.junk if self.junk else 0.0


_HEAD_ENDS = frozenset({"of", "in", "at", "from", "for", "on", "with"})


def phrase_head(phrase: Phrase) -> tuple[int, int]:
    """The head word of an English noun phrase: the last word, or the last before a preposition
    ('the mayor of Chicago', 'a judge in Texas', "Zimbabwe's ruling ZANU-PF"). The entity scored is the one whose
    mention covers the head, then the one overlapping the phrase most."""
    start, end = phrase.span
    words = [(m.start() + start, m.end() + start) for m in re.finditer(r"[^\s,]+", phrase.target)]
    cut = next((i for i, (s, e) in enumerate(words) if phrase.text[s:e].lower() in _HEAD_ENDS and i > 0), len(words))
    return words[cut - 1] if words else (start, end)


def read_phrases(path: Path) -> list[Phrase]:
    phrases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, date, country, sector, sentence = line.split("\t")
        start, end = sentence.index("["), sentence.index("]")
        if kind not in ("actor", "place", "junk") or end < start:
            raise ValueError(f"{path}:{number}: kind must be actor, place or junk and the phrase in [brackets]")
        text = sentence[:start] + sentence[start + 1:end] + sentence[end + 1:]
        phrases.append(Phrase(kind, date or PHRASE_DATE, None if country == "-" else country,
                              None if sector == "-" else sector, text, (start, end - 1)))
    return phrases


def phrase_file(split: str) -> Path:
    return PHRASE_DIR / f"phrases_{split}.tsv"


# -- reading the gold sets ---------------------------------------------------------------
def read_gsr(path: Path) -> Iterator[tuple[str, list[GoldActor]]]:
    for record in json.loads(path.read_text(encoding="utf-8")):
        text = record.get("text")
        if not text or record.get("event") == "DOCUMENT":
            continue
        actors = [a for role in ("source", "target") for a in _actor_list(record.get(role))]
        yield text, [GoldActor(a["actorText"], a["code"], a.get("sector"), locate(text, a["actorText"]))
                     for a in actors]


def _actor_list(value) -> list[dict]:
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        return []
    return [a for a in value if isinstance(a, dict) and a.get("actorText") and a.get("code")]


def locate(text: str, actor_text: str) -> tuple[int, int] | None:
    """Where the gold actor text is in the sentence (elided '...' parts: the first piece)."""
    piece = " ".join(actor_text.replace("..", "\u2026").split("\u2026")[0].split()).strip(" .,(")
    if not piece:
        return None
    for haystack, needle in ((text, piece), (text.lower(), piece.lower())):
        at = haystack.find(needle)
        if at >= 0:
            return at, at + len(needle)
    collapsed = " ".join(text.split())
    at = collapsed.lower().find(piece.lower())
    return (at, at + len(piece)) if at >= 0 and collapsed == text else None


def read_conll(path: Path) -> Iterator[tuple[str, list[tuple[int, int, str]]]]:
    tokens: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.strip():
            word, _, tag = line.rpartition(" ")
            tokens.append((word, tag))
        elif tokens:
            yield _conll_sentence(tokens)
            tokens = []


def _conll_sentence(tokens: list[tuple[str, str]]) -> tuple[str, list[tuple[int, int, str]]]:
    text, spans, offset, open_span = "", [], 0, None
    for word, tag in tokens:
        start = offset
        text += word + " "
        offset = len(text)
        if tag.startswith("B-") or (tag.startswith("I-") and open_span is None):
            open_span = [start, start + len(word), tag[2:]]
            spans.append(open_span)
        elif tag.startswith("I-") and open_span is not None:
            open_span[1] = start + len(word)
        else:
            open_span = None
    return text.rstrip(), [tuple(s) for s in spans]


# -- scoring ----------------------------------------------------------------------------
def analyse(texts: list[str], batch_size: int = 64) -> list[tuple]:
    """Entities for each text with the actors stage alone."""
    from ..pipeline import Pipeline

    pipeline = Pipeline(stages=("actors",))
    stage = pipeline.stages[0]
    return [stage.entities(doc) for doc in pipeline.nlp.pipe(texts, batch_size=batch_size)]


def score_phrases(phrases: list[Phrase]) -> PhraseScore:
    from ..pipeline import Pipeline

    pipeline = Pipeline(stages=("actors",))
    stage = pipeline.stages[0]
    score = PhraseScore()
    docs = pipeline.nlp.pipe([p.text for p in phrases], batch_size=64)
    for phrase, doc in zip(phrases, docs):
        _score_phrase(score, phrase, stage.entities(doc, phrase.date))
    return score


def _score_phrase(score: PhraseScore, phrase: Phrase, entities) -> None:
    touching = [(m, e) for e in entities for m in e.mentions if m.overlaps(*phrase.span)]
    head = phrase_head(phrase)
    best = max(touching, key=lambda me: (me[0].overlaps(*head), _overlap(me[0], phrase.span)))[1] if touching else None
    got = f"{best.name!r} {best.kind} {best.country or '-'}/{best.sector or '-'}" if best else "no entity"
    if phrase.kind == "junk":
        score.junk += 1
        actors = [e for _, e in touching if e.kind not in NOT_ACTOR_KINDS]
        score.junk_rejected += not actors
        if actors:
            score.misses.append(f"junk {phrase.target!r} got {got}")
        return
    country_ok = best is not None and best.country == phrase.country
    sector_ok = best is not None and best.sector == phrase.sector
    score.coded += 1
    score.country += country_ok
    score.sector += sector_ok
    tally = score.by_kind.setdefault(phrase.kind, [0, 0, 0])
    tally[0], tally[1], tally[2] = tally[0] + 1, tally[1] + country_ok, tally[2] + sector_ok
    if not (country_ok and sector_ok):
        score.misses.append(f"{phrase.kind} {phrase.target!r} ({phrase.date}) want "
                            f"{phrase.country or '-'}/{phrase.sector or '-'}, got {got}")


def score_gsr(path: Path, limit: int | None = None) -> CountryScore:
    records = list(read_gsr(path))[:limit]
    score = CountryScore()
    for (text, actors), entities in zip(records, analyse([t for t, _ in records])):
        for actor in actors:
            _score_actor(score, text, actor, entities)
    return score


def _score_actor(score: CountryScore, text: str, actor: GoldActor, entities) -> None:
    score.gold += 1
    if actor.span is None:
        return
    score.located += 1
    gold = CAMEO_TO_ISO.get(actor.code, actor.code)
    touching = [(m, e) for e in entities for m in e.mentions if m.overlaps(*actor.span)]
    codes = {FINER_IGO.get(e.country, e.country) if gold == "IGO" else e.country for _, e in touching}
    if gold in codes:
        score.found += 1
    else:
        score.misses.append(f"{actor.text!r} gold {gold}, got {sorted(c or '-' for c in codes)}: {text[:120]}")
    if touching:
        best = max(touching, key=lambda me: _overlap(me[0], actor.span))[1]
        score.strict += (FINER_IGO.get(best.country, best.country) if gold == "IGO" else best.country) == gold
        _score_sector(score, actor, best)


def _score_sector(score: CountryScore, actor: GoldActor, entity) -> None:
    if actor.sector and len(actor.sector) >= 3 and actor.sector[:3].isupper() and actor.sector != "***":
        score.sector_gold += 1
        score.sector_found += (entity.sector or "") == actor.sector[:3]


def _overlap(mention, span: tuple[int, int]) -> int:
    return min(mention.end, span[1]) - max(mention.start, span[0])


def score_conll(path: Path, limit: int | None = None) -> RecallScore:
    sentences = list(read_conll(path))[:limit]
    score = RecallScore()
    for (text, spans), entities in zip(sentences, analyse([t for t, _ in sentences])):
        mentions = [m for e in entities for m in e.mentions]
        for start, end, label in spans:
            hit = any(m.overlaps(start, end) for m in mentions)
            score.gold += 1
            score.found += hit
            tally = score.by_label.setdefault(label, [0, 0])
            tally[0] += 1
            tally[1] += hit
            if not hit:
                score.misses.append(f"{label} {text[start:end]!r}: {text[:120]}")
    return score


@click.command(name="actors")
@click.option("--limit", type=int, default=None, help="Score only the first N sentences of each set.")
@click.option("--show-misses", type=int, default=0, show_default=True, help="Print up to N misses of each set.")
@click.option("--phrases", "splits", type=click.Choice(PHRASE_SPLITS + ("none",)), multiple=True,
              default=PHRASE_SPLITS, show_default=True, help="Which halves of the shipped actor phrase set to score.")
@click.option("--phrases-only", is_flag=True, help="Score only the phrase set (no shared data needed).")
def command(limit: int | None, show_misses: int, splits: tuple[str, ...], phrases_only: bool) -> None:
    """Actor phrase set (shipped), country accuracy (PLOVER GSR) and mention recall (CAMEO CoNLL)."""
    started = time.perf_counter()
    for split in (s for s in splits if s != "none"):
        _echo_phrases(split, score_phrases(read_phrases(phrase_file(split))), show_misses)
    if phrases_only:
        click.echo(f"({time.perf_counter() - started:.1f}s)")
        return
    base = data_dir(GSR_FILE)
    gsr = score_gsr(base / GSR_FILE, limit)
    click.echo(f"PLOVER GSR actors: {gsr.gold} gold, {gsr.located} located in their sentence")
    click.echo(f"  country accuracy   {gsr.accuracy:.3f}  ({gsr.found}/{gsr.located})")
    click.echo(f"  strict (best mention) {gsr.strict_accuracy:.3f}")
    click.echo(f"  sector accuracy    {gsr.sector_accuracy:.3f}  ({gsr.sector_found}/{gsr.sector_gold} with a gold sector)")
    _show(gsr.misses, show_misses)
    conll = score_conll(data_dir(CONLL_FILE) / CONLL_FILE, limit)
    click.echo(f"CAMEO actors CoNLL: {conll.gold} gold S/T/R spans")
    click.echo(f"  mention recall     {conll.recall:.3f}  ({conll.found}/{conll.gold})")
    for label, (gold, found) in sorted(conll.by_label.items()):
        click.echo(f"    {label}: {found / gold:.3f} ({found}/{gold})")
    _show(conll.misses, show_misses)
    click.echo(f"({time.perf_counter() - started:.1f}s)")


def _echo_phrases(split: str, score: PhraseScore, show_misses: int) -> None:
    click.echo(f"Actor phrases ({split}): {score.coded} actors and places, {score.junk} non-actors")
    click.echo(f"  country accuracy   {score.country_accuracy:.3f}  ({score.country}/{score.coded})")
    click.echo(f"  sector accuracy    {score.sector_accuracy:.3f}  ({score.sector}/{score.coded})")
    for kind, (n, country, sector) in sorted(score.by_kind.items()):
        click.echo(f"    {kind}: country {country / n:.3f}, sector {sector / n:.3f} ({n})")
    click.echo(f"  non-actors without an actor entity {score.junk_rejection:.3f}  ({score.junk_rejected}/{score.junk})")
    _show(score.misses, show_misses)


def _show(misses: Iterable[str], count: int) -> None:
    for line in list(misses)[:count]:
        click.echo(f"    miss: {line}")
