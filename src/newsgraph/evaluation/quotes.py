"""`newsgraph eval quotes`: quote attribution on PolNeAR, beside textacy.

Scoring (the same for every system):
- a predicted quote is correct when at least half of its content characters
  (letters and digits only: spaces, punctuation and quote marks are ignored)
  lie in one gold attribution's Content, and, for content+speaker, its
  speaker mention overlaps that attribution's Source (a gold attribution
  without a Source wants no speaker mention);
- a gold attribution is found when at least half of its content characters
  are covered by predictions correct for it.
Precision = correct predictions / predictions; recall = found / gold.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

import click

from . import Tally as BaseTally
from . import data_dir

QUOTE_CHARS = frozenset("“”\"«»‘")
MIN_SHARE = 0.5


@dataclass(frozen=True)
class Gold:
    content: tuple[tuple[int, int], ...]
    sources: tuple[tuple[int, int], ...]
    quoted: bool


@dataclass(frozen=True)
class Predicted:
    start: int
    end: int
    speaker: tuple[int, int] | None


@dataclass(frozen=True)
class Document:
    name: str
    text: str
    gold: tuple[Gold, ...]


@dataclass
class Tally(BaseTally):
    """Counts for one system and one criterion, with recall on the gold quotes inside quote marks."""

    quoted_gold: int = 0
    quoted_found: int = 0

    @property
    def quoted_recall(self) -> float:
        return self.quoted_found / self.quoted_gold if self.quoted_gold else 0.0


@dataclass
class Report:
    system: str
    speaker: Tally = field(default_factory=Tally)
    content: Tally = field(default_factory=Tally)
    seconds: float = 0.0
    failures: int = 0


# -- data -----------------------------------------------------------------
def load_split(split: str) -> list[Document]:
    base = data_dir(f"polnear/{split}") / "polnear" / split
    docs = []
    for text_path in sorted((base / "text").glob("*.txt")):
        ann = base / "attributions" / f"{text_path.stem}.ann"
        text = text_path.read_text(encoding="utf-8")
        docs.append(Document(text_path.stem, text, parse_ann(ann.read_text(encoding="utf-8"), text) if ann.exists() else ()))
    return docs


def parse_ann(ann: str, text: str) -> tuple[Gold, ...]:
    """Brat standoff -> gold attributions (Content, Content2 and Source spans)."""
    spans: dict[str, tuple[tuple[int, int], ...]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _, _, ranges = parts[1].partition(" ")
            spans[parts[0]] = tuple(_ranges(ranges))
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    golds = []
    for event in events:
        content = tuple(r for role in ("Content", "Content2") for r in spans.get(event.get(role, ""), ()))
        if not content:
            continue
        sources = spans.get(event.get("Source", ""), ())
        quoted = any(ch in QUOTE_CHARS for s, e in content for ch in text[s:e])
        golds.append(Gold(content, sources, quoted))
    return tuple(golds)


def _ranges(ranges: str) -> Iterator[tuple[int, int]]:
    for piece in ranges.split(";"):
        start, _, end = piece.strip().partition(" ")
        if start.isdigit() and end.isdigit():
            yield int(start), int(end)


# -- scoring --------------------------------------------------------------
def chars_of(text: str, ranges: Iterable[tuple[int, int]]) -> frozenset[int]:
    return frozenset(i for s, e in ranges for i in range(s, min(e, len(text))) if text[i].isalnum())


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _speaker_ok(pred: Predicted, gold: Gold) -> bool:
    if not gold.sources:
        return pred.speaker is None
    return pred.speaker is not None and any(_overlaps(pred.speaker, s) for s in gold.sources)


def score_document(text: str, golds: tuple[Gold, ...], preds: list[Predicted], with_speaker: bool) -> Tally:
    gold_chars = [chars_of(text, g.content) for g in golds]
    covered: list[set[int]] = [set() for _ in golds]
    tally = Tally(predicted=len(preds), gold=len(golds), quoted_gold=sum(g.quoted for g in golds))
    for pred in preds:
        pred_chars = chars_of(text, [(pred.start, pred.end)])
        good = False
        for k, gold in enumerate(golds):
            if not pred_chars or len(pred_chars & gold_chars[k]) < MIN_SHARE * len(pred_chars):
                continue
            if with_speaker and not _speaker_ok(pred, gold):
                continue
            good = True
            covered[k] |= pred_chars & gold_chars[k]
        tally.correct += good
    for k, gold in enumerate(golds):
        found = bool(gold_chars[k]) and len(covered[k]) >= MIN_SHARE * len(gold_chars[k])
        tally.found += found
        tally.quoted_found += found and gold.quoted
    return tally


# -- systems --------------------------------------------------------------
def newsgraph_system():
    from ..nlp import sentences
    from ..quotes import find_quotes

    def predict(doc) -> list[Predicted]:
        out = []
        for q in find_quotes(doc, sentences(doc)):
            mention = q.speaker_mention
            out.append(Predicted(q.start, q.end, (mention.start, mention.end) if mention else None))
        return out

    return predict


def textacy_system():
    """textacy's direct_quotations, or None when it cannot be imported."""
    try:
        from textacy.extract.triples import direct_quotations
    except Exception:  # any import failure means: no column, said plainly
        return None

    def predict(doc) -> list[Predicted]:
        out = []
        for triple in direct_quotations(doc):
            speaker = None
            if triple.speaker:
                first, last = min(t.i for t in triple.speaker), max(t.i for t in triple.speaker)
                speaker = (doc[first].idx, doc[last].idx + len(doc[last]))
            out.append(Predicted(triple.content.start_char, triple.content.end_char, speaker))
        return out

    return predict


def evaluate(split: str = "dev", every: int = 1, with_textacy: bool = True, model: str | None = None) -> dict:
    """Scores of newsgraph (and textacy) on a split; `every` keeps every n-th article."""
    from ..config import Config
    from ..nlp import load_model

    docs = load_split(split)[::every]
    nlp = load_model(model or Config.from_env().model)
    systems: dict[str, Callable] = {"newsgraph": newsgraph_system()}
    textacy = textacy_system() if with_textacy else None
    if textacy is not None:
        systems["textacy"] = textacy
    reports = {name: Report(name) for name in systems}
    parse_seconds = _run(docs, nlp, systems, reports)
    return {"documents": len(docs), "parse_seconds": parse_seconds, "reports": reports,
            "textacy_missing": with_textacy and textacy is None}


def _run(docs: list[Document], nlp, systems: dict[str, Callable], reports: dict[str, Report]) -> float:
    started = time.perf_counter()
    parsed = list(nlp.pipe(d.text for d in docs))
    parse_seconds = time.perf_counter() - started
    for document, doc in zip(docs, parsed):
        for name, predict in systems.items():
            report = reports[name]
            tick = time.perf_counter()
            try:
                preds = predict(doc)
            except Exception:  # textacy raises on unbalanced quote marks; count it, score as empty
                report.failures += 1
                preds = []
            report.seconds += time.perf_counter() - tick
            report.speaker.add(score_document(document.text, document.gold, preds, True))
            report.content.add(score_document(document.text, document.gold, preds, False))
    return parse_seconds


# -- command --------------------------------------------------------------
def _row(label: str, tally: Tally) -> str:
    return (f"  {label:<17} P {100 * tally.precision:5.1f}  R {100 * tally.recall:5.1f}  "
            f"F1 {100 * tally.f1:5.1f}   quoted-gold R {100 * tally.quoted_recall:5.1f}"
            f"   ({tally.correct}/{tally.predicted} correct, {tally.found}/{tally.gold} found)")


@click.command(name="quotes")
@click.option("--split", type=click.Choice(["dev", "train"]), default="dev", show_default=True)
@click.option("--every", type=int, default=1, show_default=True, help="Score every n-th article only.")
@click.option("--no-textacy", is_flag=True, help="Skip the textacy column.")
def command(split: str, every: int, no_textacy: bool) -> None:
    """Quote attribution on PolNeAR (content+speaker and content only), beside textacy."""
    result = evaluate(split, max(1, every), with_textacy=not no_textacy)
    click.echo(f"PolNeAR {split}: {result['documents']} articles; spaCy parse {result['parse_seconds']:.1f}s")
    for report in result["reports"].values():
        per_article = 1000 * report.seconds / max(1, result["documents"])
        raised = (f", raised on {report.failures} articles (odd quote-mark counts; scored as no quotes)"
                  if report.failures else "")
        click.echo(f"{report.system}  ({per_article:.1f} ms/article{raised})")
        click.echo(_row("content+speaker", report.speaker))
        click.echo(_row("content only", report.content))
    if result["textacy_missing"]:
        click.echo("textacy: not installed or fails to import (pip install 'newsgraph[eval]'); column skipped")
