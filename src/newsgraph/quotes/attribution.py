"""Who, to whom and through whom: speaker mention, addressee and the via chain.

The speaker mention is the subject's noun phrase without relative clauses
or appositions ("Secretary of State Antony Blinken", "he", "a source").
An addressee is the object of "told"/"assured" or the "to" phrase of
"said to"/"expressed ... to"; when it is a news outlet ("told Reuters") it
is a link of the via chain instead. Via links, nearest to the speaker first:
the channel ("in a statement", "in an interview with CNN", "told Reuters"),
then the reporting outlets and documents ("according to Tass").
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..records import Entity, Span, Via, entity_at
from .cues import Cue, antecedent
from .lexicon import OBJECT_ADDRESSEE as _OBJECT_ADDRESSEE, channel_nouns, is_outlet_name

# Parts of a noun phrase that are not the name itself.
_CUT_DEPS = frozenset({"relcl", "acl", "appos", "punct", "advmod", "cc", "conj"})
_CHANNEL_PREPS = frozenset({"in", "on", "at", "during", "via", "through"})
OUTLET_ATTRS = ("outlet", "news_outlet", "is_outlet", "media")


@dataclass(frozen=True)
class Addressing:
    addressee: Token | None
    via_tokens: tuple[Token, ...]   # outlets addressed ("told Reuters")


def phrase_range(head: Token) -> tuple[int, int]:
    """The noun phrase around `head`, cut before clauses, appositions and commas."""
    keep = [head]
    stack = [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ in _CUT_DEPS or child.is_space or token is head and (
                    child.dep_ == "case" or child.dep_ == "prep" and child.i > head.i and child.lower_ != "of"
                    and not _name_link(head, child)):
                continue
            keep.append(child)
            stack.append(child)
    indices = sorted(t.i for t in keep)
    left, right = _contiguous(indices, head.i)
    doc = head.doc
    return doc[left].idx, doc[right].idx + len(doc[right])


_NAME_SMALL_WORDS = frozenset({"a", "an", "the", "and", "of", "for"})


def _name_link(head: Token, prep: Token) -> bool:
    """"Citizens for France", "The Committee for a Responsible Federal Budget": a "for" inside a
    capitalised name is part of it (the speaker is the group, not the country)."""
    if prep.lower_ != "for" or not head.text[:1].isupper() or prep.i != head.i + 1:
        return False
    words = [t for t in prep.subtree if t.i != prep.i]
    return bool(words) and all(t.text[:1].isupper() or t.lower_ in _NAME_SMALL_WORDS for t in words)


def _contiguous(indices: list[int], anchor: int) -> tuple[int, int]:
    chosen = set(indices)
    left = right = anchor
    while left - 1 in chosen:
        left -= 1
    while right + 1 in chosen:
        right += 1
    return left, right


def mention(text: str, head: Token | None) -> Span | None:
    if head is None:
        return None
    start, end = phrase_range(head)
    return Span.of(text, start, end)


def addressing(cue: Cue | None) -> Addressing:
    if cue is None or cue.cls == "according":
        return Addressing(None, ())
    target = _addressee_token(cue.token)
    if target is not None and is_outlet_name(_name_text(target)):
        return Addressing(None, (target,))
    return Addressing(target, ())


def _addressee_token(verb: Token) -> Token | None:
    if verb.lemma_.lower() in _OBJECT_ADDRESSEE:
        found = next((c for c in verb.children if c.dep_ in ("dobj", "dative", "iobj")), None)
        if found is not None and found.pos_ in ("PROPN", "PRON", "NOUN"):
            return found
    for child in verb.children:
        if child.dep_ in ("prep", "dative") and child.lower_ == "to":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("PROPN", "PRON", "NOUN"):
                return obj
    # "expressed concern to Lavrov": the "to" phrase hangs on the object
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        for child in obj.children:
            if child.dep_ == "prep" and child.lower_ == "to":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.pos_ in ("PROPN", "PRON"):
                    return pobj
    return None


def _name_text(token: Token) -> str:
    start, end = phrase_range(token)
    return token.doc.char_span(start, end).text


def channel_phrases(cue: Cue | None) -> list[Token]:
    """Prepositions heading "in a statement", "in an interview with CNN", "on Twitter"."""
    if cue is None or cue.cls == "according":
        return []
    found = []
    for child in cue.token.children:
        if child.dep_ != "prep" or child.lower_ not in _CHANNEL_PREPS:
            continue
        obj = next((c for c in child.children if c.dep_ == "pobj"), None)
        if obj is None:
            continue
        if obj.lemma_.lower() in channel_nouns() or obj.lower_ in channel_nouns() or is_outlet_name(_name_text(obj)):
            found.append(child)
    return found


def according_heads(cue: Cue | None, speaker_cue_head: Token | None) -> list[Token]:
    """"according to ..." phrases on the cue's clause when the cue has its own speaker."""
    if cue is None or cue.cls == "according" or speaker_cue_head is None:
        return []
    scope = [cue.token, *cue.token.children]
    if cue.token.dep_ in ("ccomp", "conj") and cue.token.head.i != cue.token.i:
        scope += list(cue.token.head.children)
    return [t for t in scope if t.lower_ == "according" and t.dep_ == "prep"]


def via_chain(text: str, cue: Cue | None, entities: tuple[Entity, ...], speaker: Token | None) -> tuple[Via, ...]:
    links: list[Via] = []
    for outlet in addressing(cue).via_tokens:
        start = cue.token.idx
        _, end = phrase_range(outlet)
        links.append(_via(text, start, end, entities, outlet))
    for prep in channel_phrases(cue):
        links.append(_phrase_via(text, _channel_tokens(prep), prep, entities))
    for according in according_heads(cue, speaker):
        links.append(_phrase_via(text, list(according.subtree), according, entities))
    return tuple(links)


def _phrase_via(text: str, phrase: list[Token], head: Token, entities: tuple[Entity, ...]) -> Via:
    """A via link over a phrase's tokens (its head first), closing punctuation left out."""
    while len(phrase) > 1 and phrase[-1].is_punct:
        phrase = phrase[:-1]
    start, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
    return _via(text, start, end, entities, _deepest_name(phrase, head))


def _via(text: str, start: int, end: int, entities: tuple[Entity, ...], named: Token | None) -> Via:
    entity = None
    if named is not None:
        found = entity_at(entities, named.idx, named.idx + len(named))
        entity = found.id if found is not None else None
    if entity is None:
        found = entity_at(entities, start, end)
        entity = found.id if found is not None else None
    return Via(text[start:end], entity, start, end)


# A clause hung on the channel noun ("in a statement that X") is the report's content, not the channel.
_CONTENT_DEPS = frozenset({"acl", "ccomp", "relcl"})


def _channel_tokens(prep: Token) -> list[Token]:
    """The channel phrase "in a statement", without a content clause the parser hung on its noun."""
    content = {t.i for c in prep.subtree if c.dep_ in _CONTENT_DEPS and c.head.dep_ == "pobj"
               and c.head.head.i == prep.i for t in c.subtree}
    return [t for t in prep.subtree if t.i not in content]


def _deepest_name(phrase: list[Token], prep: Token) -> Token | None:
    """The proper name inside a via phrase ("Tass", "CNN"), else its object."""
    names = [t for t in phrase if t.pos_ == "PROPN"]
    if names:
        return names[-1]
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def resolve(entities: tuple[Entity, ...], head: Token | None, span: Span | None) -> str | None:
    """Entity id for a mention, found through its head word only.

    "Russian FM" must not resolve to the adjective's entity (Russia), nor a
    title's "State" to the State Department; an unresolved head stays None.
    """
    if head is None or span is None:
        return None
    head = antecedent(head)
    found = entity_at(entities, head.idx, head.idx + len(head))
    return found.id if found is not None else None
