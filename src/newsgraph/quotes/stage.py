"""The quotes stage: drafts from the finders become `records.Quote`s."""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span as SpacySpan

from spacy.tokens import Token

from ..records import Entity, Quote, Span, Via, entity_at
from .attribution import addressing, mention, phrase_range, resolve, via_chain
from .cues import antecedent
from .sources import document_issuer, speaker_entity
from .layout import Layout
from .draft import DIRECT, Draft
from .edges import within_sentence
from .headline import headline_drafts
from .hearsay import hearsay_drafts
from .indirect import clause_drafts
from .marks import outermost, scan
from .merge import combine, dedupe, inherit, outside_speakers, per_paragraph, run_back
from .transcript import transcript_drafts

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
    clauses = [d for sentence in sentences
               for d in (*clause_drafts(sentence), *headline_drafts(sentence), *hearsay_drafts(sentence))]
    found = [within_sentence(d, doc, marks) for d in outside_speakers(combine(clauses, marks, layout), marks)]
    # A transcript turn's label may sit inside a stray quotation mark: it is still the speaker.
    turns = transcript_drafts(layout)
    found = [d for d in found if not _spans_turn(d, turns)]
    drafts = per_paragraph(run_back(dedupe(inherit(found + turns, layout)), layout), layout, marks)
    drafts = [d for d in drafts if (attributed_to_someone(d) or _opens_sentence(d, doc)) and _in_prose(d, sentences)]
    return tuple(_quote(f"Q{n}", d, layout.text, entities) for n, d in enumerate(drafts, 1))


def attributed_to_someone(draft: Draft) -> bool:
    """A quote is words the text gives to a source (docs/annotation.md): a passage in
    quotation marks that no cue governs and no speaker claims, after every continuation and
    colon rule has had its turn, and that sits inside the writer's own sentence
    (`_opens_sentence`), is the writer's marked phrase (a scare quote, a title, a slogan), not
    a quote. The voice stage reads quotation marks from the text itself."""
    return draft.cue is not None or draft.speaker is not None


def _opens_sentence(draft: Draft, doc: Doc) -> bool:
    """A marked passage that opens its sentence reads as someone's words whose speaker was
    missed, and stays (speaker and cue null); one inside the writer's own sentence is a
    scare quote or title."""
    token = doc.char_span(draft.start, draft.end, alignment_mode="expand")
    if token is None or not len(token):
        return False
    sent = token[0].sent
    lead = doc.text[sent.start_char:draft.start]
    return all(not ch.isalnum() for ch in lead)


def _in_prose(draft: Draft, sentences: tuple[SpacySpan, ...]) -> bool:
    """A passage on a page line that is no sentence (`nlp.sentences` leaves out teasers such as
    "Hong Kong 'under threat' [VIDEO]", credits, bylines) is no one's words, whatever paragraph
    before it lends a speaker."""
    starts = [s.start_char for s in sentences]
    k = bisect_right(starts, draft.start) - 1
    return k >= 0 and draft.start < sentences[k].end_char


def _spans_turn(draft: Draft, turns: list[Draft]) -> bool:
    """A passage that holds a transcript turn's label ("PENCE:") mixes turns (every paragraph
    opening with a quotation mark): the turns stand in for it."""
    return any(t is not draft and t.cue is not None and draft.start <= t.cue.start < draft.end for t in turns)


def _quote(quote_id: str, draft: Draft, text: str, entities: tuple[Entity, ...]) -> Quote:
    start, end = _trim(text, draft)
    speaker, document = _source(draft.speaker)
    speaker_mention = mention(text, speaker)
    addressed = addressing(draft.cue)
    addressee_mention = mention(text, addressed.addressee)
    via = via_chain(text, draft.cue, entities, draft.speaker)
    if document is not None:  # "the bank's survey showed": the bank speaks through its survey
        via = (_document_via(text, document, entities), *via)
    return Quote(
        id=quote_id,
        kind=draft.kind,
        content=text[start:end],
        start=start,
        end=end,
        speaker=_speaker_id(text, entities, speaker, speaker_mention),
        speaker_mention=speaker_mention,
        cue=Span.of(text, draft.cue.start, draft.cue.end) if draft.cue else None,
        via=via,
        addressee=resolve(entities, addressed.addressee, addressee_mention),
        addressee_mention=addressee_mention,
        cue_class=draft.cue.sense if draft.cue else None,
    )


def _source(head: Token | None) -> tuple[Token | None, Token | None]:
    """(speaker, document): a document's issuer speaks, the document is the channel."""
    issuer = document_issuer(head)
    return (issuer, head) if issuer is not None else (head, None)


def _document_via(text: str, document: Token, entities: tuple[Entity, ...]) -> Via:
    start, end = phrase_range(document)
    found = entity_at(entities, document.idx, document.idx + len(document))
    return Via(text[start:end], found.id if found else None, start, end)


def _speaker_id(text: str, entities: tuple[Entity, ...], head: Token | None, span: Span | None) -> str | None:
    if head is None or span is None:
        return None
    found = speaker_entity(text, entities, antecedent(head), span)
    return found.id if found is not None else None


def _trim(text: str, draft: Draft) -> tuple[int, int]:
    """Drop the comma a direct quote hands over to its cue ("...,” he said)."""
    start, end = draft.start, draft.end
    if draft.kind == DIRECT:
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
    return start, end
