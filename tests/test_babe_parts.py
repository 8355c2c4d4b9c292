"""BABE's fixed tuning / held-out split (evaluation/voice.py), on synthetic rows."""
from __future__ import annotations

from newsgraph.evaluation.voice import TUNING_SPREAD, BabeRow, babe_parts


def _rows(n: int, per_article: int = 2) -> list[BabeRow]:
    return [BabeRow(f"sentence {i}", f"https://news.example/{i // per_article}", "Entirely factual", frozenset())
            for i in range(n)]


def test_an_article_is_in_one_part_and_both_parts_are_used():
    rows = _rows(4 * TUNING_SPREAD)
    parts = babe_parts(rows)
    by_link: dict[str, set[str]] = {}
    for row, part in zip(rows, parts):
        by_link.setdefault(row.link, set()).add(part)
    assert all(len(found) == 1 for found in by_link.values())
    assert set(parts) == {"tuning", "held-out"}


def test_the_tuning_spread_and_its_articles_are_never_held_out():
    rows = _rows(4 * TUNING_SPREAD)
    parts = babe_parts(rows)
    step = len(rows) / TUNING_SPREAD
    spread_links = {rows[int(i * step)].link for i in range(TUNING_SPREAD)}
    assert all(part == "tuning" for row, part in zip(rows, parts) if row.link in spread_links)
