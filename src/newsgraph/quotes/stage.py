"""The quotes stage: drafts from the finders become `records.Quote`s."""
from __future__ import annotations

from spacy.tokens import Doc, Span as SpacySpan

from ..records import Entity, Quote, Span
from .attribution import addressing, mention, resolve, via_chain
from .layout import Layout
from .draft import DIRECT, Draft
from .headline import headline_drafts
from .indirect import clause_drafts
from .marks import outermost, scan
from .merge import combine, dedupe, inherit, outside_speakers

_TRAILING = ",;:—–- "


class QuotesStage:
    name = "quotes"

    def __call__(self, ctx) -> tuple[Quote, ...]:
        return find_quotes(ctx.doc, ctx.sentences, ctx.layer("actors"))


def build_stage(config) -> QuotesStage:
    return QuotesStage()


def find_quotes(doc: Doc, sentences: tuple[SpacySpan, ...], entities: tuple[Entity, ...] = ()) -> tuple[Quote, ...]:
    """All quotes of a parsed article, in text order, with ids Q1, Q2, ..."""
    layout = Layout(doc, sentences)
    marks = outermost(scan(layout.text))
    clauses = [d for sentence in sentences for d in (*clause_drafts(sentence), *headline_drafts(sentence))]
    drafts = dedupe(inherit(outside_speakers(combine(clauses, marks, layout), marks), layout))
    return tuple(_quote(f"Q{n}", d, layout.text, entities) for n, d in enumerate(drafts, 1))


def _quote(quote_id: str, draft: Draft, text: str, entities: tuple[Entity, ...]) -> Quote:
    start, end = _trim(text, draft)
    speaker_mention = mention(text, draft.speaker)
    addressed = addressing(draft.cue)
    addressee_mention = mention(text, addressed.addressee)
    return Quote(
        id=quote_id,
        kind=draft.kind,
        content=text[start:end],
        start=start,
        end=end,
        speaker=resolve(entities, draft.speaker, speaker_mention),
        speaker_mention=speaker_mention,
        cue=Span.of(text, draft.cue.start, draft.cue.end) if draft.cue else None,
        via=via_chain(text, draft.cue, entities, draft.speaker),
        addressee=resolve(entities, addressed.addressee, addressee_mention),
        addressee_mention=addressee_mention,
        cue_class=draft.cue.sense if draft.cue else None,
    )


def _trim(text: str, draft: Draft) -> tuple[int, int]:
    """Drop the comma a direct quote hands over to its cue ("...,” he said)."""
    start, end = draft.start, draft.end
    if draft.kind == DIRECT:
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
    return start, end
