"""`newsgraph eval html`: article-body extraction quality on real pages.

Scores each page's extracted body against the hand-extracted one with the
benchmark's bag-of-words precision, recall and F1 (averaged over pages).
"""
from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from dataclasses import dataclass

import click

from ..article import parse_html
from ..errors import InputError
from . import data_dir, f1

TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class HtmlScore:
    pages: int
    failed: int
    precision: float
    recall: float
    f1: float


def prf(predicted: str, gold: str) -> tuple[float, float, float]:
    pred, true = Counter(TOKEN.findall(predicted.lower())), Counter(TOKEN.findall(gold.lower()))
    common = sum((pred & true).values())
    if not common:
        return 0.0, 0.0, 0.0
    p, r = common / sum(pred.values()), common / sum(true.values())
    return p, r, f1(p, r)


def extracted_body(html: str, url: str | None) -> str:
    """The article text without the title newsgraph puts on top of it."""
    article = parse_html(html, meta={"url": url} if url else None)
    if article.title and article.text.startswith(article.title + "\n\n"):
        return article.text[len(article.title) + 2:]
    return article.text


def evaluate_html(limit: int | None = None) -> HtmlScore:
    base = data_dir("html/ground-truth.json") / "html"
    truth = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
    scores, failed = [], 0
    for page_id in sorted(truth)[:limit]:
        html = gzip.decompress((base / "pages" / f"{page_id}.html.gz").read_bytes()).decode("utf-8", "replace")
        try:
            body = extracted_body(html, truth[page_id].get("url"))
        except InputError:
            failed += 1
            body = ""
        scores.append(prf(body, truth[page_id]["articleBody"]))
    n = len(scores)
    mean = [sum(s[i] for s in scores) / n for i in range(3)]
    return HtmlScore(n, failed, *mean)


@click.command("html")
@click.option("--limit", type=int, help="Only the first N pages (sorted by id).")
def command(limit: int | None) -> None:
    """HTML article extraction: bag-of-words P/R/F1 on the 181 benchmark pages."""
    score = evaluate_html(limit)
    click.echo(f"pages {score.pages}  no article found {score.failed}")
    click.echo(f"precision {score.precision:.3f}  recall {score.recall:.3f}  F1 {score.f1:.3f}")
    click.echo("reference (same metric, published): trafilatura 0.96, newspaper4k 0.95, readability-lxml 0.92")
