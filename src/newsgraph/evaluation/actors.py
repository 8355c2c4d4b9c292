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
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import click

from . import data_dir

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
def command(limit: int | None, show_misses: int) -> None:
    """Actor country accuracy (PLOVER GSR) and actor mention recall (CAMEO CoNLL)."""
    base = data_dir(GSR_FILE)
    started = time.perf_counter()
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


def _show(misses: Iterable[str], count: int) -> None:
    for line in list(misses)[:count]:
        click.echo(f"    miss: {line}")
