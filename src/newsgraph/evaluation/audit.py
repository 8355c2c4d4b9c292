"""`newsgraph eval audit`: every layer's precision and recall on hand-judged real articles.

The gold set (`gold/audit/*.json`, docs/annotation.md) holds offsets and
labels only; each article's text is read from `../shared/data` the way
newsgraph reads any input, checked against the annotated text's SHA-1 (a
changed extraction is reported as drift and the article left out, never
scored against the wrong offsets), and analysed by the full Pipeline with
the gold's publication date. `audit_match` aligns records and names errors.

The dev split may be read error by error (`--show`); the test split is held
out: look only at its aggregate figures. The gate (tests/test_audit_gate.py)
pins floors on test.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable

import click

from ..errors import Drift
from . import data_dir
from .audit_gold import GoldArticle, load_gold, read_article
from .audit_match import ArticleScore, Error, Tally, score_article

ROWS = (
    "events: type", "events: type+actors+recipients",
    "quotes: content", "quotes: content+speaker", "quotes: content+speaker, speech/writing",
    "entities: span", "entities: span+country+sector", "entities: actor (vs place)", "entities: place (vs actor)",
    "voice: reporting", "voice: attributed", "voice: opinion", "sentences: boundaries",
)
SPLITS = ("dev", "test", "all")
SNIPPET = 70


@dataclass
class AuditResult:
    split: str
    articles: list[str] = field(default_factory=list)
    drift: list[str] = field(default_factory=list)
    tallies: dict[str, Tally] = field(default_factory=dict)
    errors: list[Error] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)

    def add(self, score: ArticleScore, text: str) -> None:
        self.articles.append(score.article)
        self.texts[score.article] = text
        for name, tally in score.tallies.items():
            self.tallies.setdefault(name, Tally()).add(tally)
        self.errors.extend(score.errors)

    def error_counts(self) -> Counter:
        return Counter(f"{e.layer}: {e.kind}" for e in self.errors)

    def figures(self) -> dict[str, dict[str, Any]]:
        names = [r for r in ROWS if r in self.tallies] + sorted(set(self.tallies) - set(ROWS))
        return {name: self.tallies[name].as_dict() for name in names}

    def as_dict(self, with_errors: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"split": self.split, "articles": self.articles, "drift": self.drift,
                               "figures": self.figures(), "error_classes": dict(self.error_counts().most_common())}
        if with_errors:
            out["errors"] = [e.as_dict() | {"text": self.snippet(e)} for e in self.errors]
        return out

    def snippet(self, error: Error) -> str:
        text = self.texts.get(error.article, "")
        piece = " ".join(text[error.start:error.end].split())
        return piece if len(piece) <= SNIPPET else piece[: SNIPPET - 12] + " … " + piece[-9:]


def evaluate(split: str = "all", pipeline=None, gold: Iterable[GoldArticle] | None = None) -> AuditResult:
    """Run the pipeline on the split's gold articles and score every layer."""
    from ..pipeline import Pipeline

    golds = list(gold) if gold is not None else load_gold(split)
    base = data_dir()
    pipeline = pipeline or Pipeline()
    result = AuditResult(split)
    for g in golds:
        try:
            article = read_article(g, base, pipeline)
        except Drift as exc:
            result.drift.append(str(exc))
            continue
        analysis = pipeline.run(article, pipeline.nlp(article.text)).as_dict()
        result.add(score_article(g.record, analysis, article.text), article.text)
    return result


# -- command ----------------------------------------------------------------------
@click.command(name="audit")
@click.option("--split", type=click.Choice(SPLITS), default="dev", show_default=True,
              help="dev may be read error by error; test is held out (read only its totals).")
@click.option("--show", is_flag=True, help="List every error with offsets and the text it is about.")
@click.option("--json", "as_json", is_flag=True, help="Figures (and with --show, errors) as one JSON object.")
@click.option("--top", type=int, default=10, show_default=True, help="How many error classes to list.")
def command(split: str, show: bool, as_json: bool, top: int) -> None:
    """Every layer on hand-judged real articles: precision, recall and named error classes."""
    if show and split != "dev":
        click.echo(f"note: the {split} split is held out; read its errors only if you will not tune on them",
                   err=True)
    result = evaluate(split)
    if as_json:
        click.echo(json.dumps(result.as_dict(with_errors=show), ensure_ascii=False))
        return
    for line in report_lines(result, top):
        click.echo(line)
    if show:
        for line in error_lines(result):
            click.echo(line)


def report_lines(result: AuditResult, top: int = 10) -> list[str]:
    lines = [f"audit gold, split {result.split}: {len(result.articles)} articles scored"]
    lines += [f"  drift (left out): {d}" for d in result.drift]
    lines.append(f"{'layer':42} {'P':>6} {'R':>6} {'F1':>6}   correct/predicted  found/gold")
    for name, row in result.figures().items():
        lines.append(f"{name:42} {row['precision']:6.3f} {row['recall']:6.3f} {row['f1']:6.3f}   "
                     f"{row['correct']:>7}/{row['predicted']:<9} {row['found']:>5}/{row['gold']}")
    lines.append(f"most common error classes (of {len(result.errors)} errors):")
    lines += [f"  {n:5}  {kind}" for kind, n in result.error_counts().most_common(top)]
    return lines


def error_lines(result: AuditResult) -> list[str]:
    order = sorted(result.errors, key=lambda e: (e.layer, e.kind, e.article, e.start))
    return [f"{e.article} {e.layer}: {e.kind} [{e.start}:{e.end}] {result.snippet(e)!r} {e.note}".rstrip()
            for e in order]
