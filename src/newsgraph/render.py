"""The terminal view of an analysis (rich), and the progress bar."""
from __future__ import annotations

from typing import Iterable, Iterator

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .records import Analysis

VOICE_STYLE = {"reporting": "", "attributed": "cyan", "opinion": "bold magenta"}
# Piped output has no terminal width; 120 columns keeps the tables readable.
_out = Console(soft_wrap=False, width=None if Console().is_terminal else 120)


def render_analysis(analysis: Analysis, console: Console | None = None) -> None:
    console = console or _out
    art = analysis.article
    console.rule(f"[bold]{art.title or art.id}")
    for label, value in (("subtitle", art.subtitle), ("by", ", ".join(art.authors)),
                         ("published", art.published), ("publisher", art.publisher), ("url", art.url)):
        if value:
            console.print(f"[dim]{label}:[/dim] {value}")
    console.print(_entities_table(analysis))
    if analysis.quotes:
        console.print(_quotes_table(analysis))
    if analysis.events:
        console.print(_events_table(analysis))
    console.print(_voiced_text(analysis))


def _entities_table(analysis: Analysis) -> Table:
    table = Table(title="Actors and places", show_lines=False)
    for col in ("id", "name", "kind", "country", "sector", "role", "mentions"):
        table.add_column(col, ratio=3 if col == "mentions" else None)
    for e in analysis.entities:
        mentions = ", ".join(dict.fromkeys(m.text for m in e.mentions))
        table.add_row(e.id, e.name, e.kind, e.country or "", e.sector or "", e.role or "", mentions)
    return table


def _name(analysis: Analysis, entity_id: str | None) -> str:
    ent = analysis.entity(entity_id)
    return ent.name if ent else ""


def _quotes_table(analysis: Analysis) -> Table:
    table = Table(title="Quotes", show_lines=True)
    for col in ("kind", "speaker", "cue", "content", "to", "via"):
        table.add_column(col, overflow="fold", ratio=4 if col == "content" else 1)
    for q in analysis.quotes:
        said_by = _name(analysis, q.speaker) or (q.speaker_mention.text if q.speaker_mention else "?")
        via = " < ".join(v.text for v in q.via)
        table.add_row(q.kind, said_by, q.cue.text if q.cue else "", q.content,
                      _name(analysis, q.addressee), via)
    return table


def _events_table(analysis: Analysis) -> Table:
    table = Table(title="Events (PLOVER)")
    for col in ("type", "mode", "actors", "recipients", "trigger", "modality", "date", "where"):
        table.add_column(col, overflow="fold")
    for ev in analysis.events:
        table.add_row(
            ev.type, ev.mode or "", ", ".join(_name(analysis, a) for a in ev.actors),
            ", ".join(_name(analysis, r) for r in ev.recipients), ev.trigger.text, ev.modality,
            (ev.date.start or ev.date.text) if ev.date else "", _name(analysis, ev.location),
        )
    return table


def _voiced_text(analysis: Analysis) -> Text:
    text = Text(analysis.article.text)
    for s in analysis.sentences:
        if VOICE_STYLE.get(s.voice):
            text.stylize(VOICE_STYLE[s.voice], s.start, s.end)
        for span in s.loaded:
            text.stylize("underline yellow", span.start, span.end)
    text.append("\n\nKey: reporting  ", style="dim")
    text.append("attributed", style="cyan")
    text.append("  ")
    text.append("opinion", style="bold magenta")
    text.append("  ")
    text.append("loaded wording", style="underline yellow")
    return text


def progress(items: Iterable, enabled: bool) -> Iterator:
    if not enabled:
        yield from items
        return
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("analysed {task.completed} articles"), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("analyse", total=None)
        for item in items:
            yield item
            bar.advance(task)
