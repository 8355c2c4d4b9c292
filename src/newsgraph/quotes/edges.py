"""Where a reported object ends: the when, where and through what of the report are not content.

"blasted the mayor as a "disgrace" Wednesday on the Morning Show", "criticized the levy
during a campaign stop in Dover", "denounced the plan in an on-air diatribe": the object
("the mayor as a disgrace", "the levy", "the plan") is what was said; the date, the
occasion and the channel after it say when and how it was said. The parser hangs such
phrases on the verb or inside the object; either way they close the content.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..nlp import doc_text, tokens as doc_tokens
from .lexicon import channel_nouns

WHEN_ENTS = frozenset({"DATE", "TIME"})
# Prepositions that open an occasion whatever their object ("during the debate", "amid protests").
OCCASION_PREPS = frozenset({"during", "amid", "amidst"})
# Prepositions that open a place, an occasion or a channel when their object is one.
SETTING_PREPS = frozenset({"in", "on", "at", "before", "after", "via", "through"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC", "EVENT"})
# Occasions at which something is said ("at a rally", "during a campaign stop"); the forms a
# statement takes ("in a speech", "in an interview") are the channel list's.
OCCASION_NOUNS = frozenset({"rally", "stop", "event", "debate", "meeting", "session", "forum", "summit", "visit",
                            "ceremony", "show", "program", "programme", "diatribe", "tirade", "gathering",
                            "luncheon", "dinner", "fundraiser", "convention", "trip", "tour"})
CHANNELS = channel_nouns()


def when(token: Token) -> bool:
    """A date hung on the verb or the object ("Wednesday", "on Thursday"), not one inside a
    noun phrase ("Monday's showdown")."""
    if token.dep_ in ("npadvmod", "appos", "advmod") and token.ent_type_ in WHEN_ENTS:
        return True
    obj = next((c for c in token.children if c.dep_ == "pobj"), None) if token.dep_ == "prep" else None
    return obj is not None and obj.ent_type_ in WHEN_ENTS and not any(c.dep_ == "case" for c in obj.children)


def setting(token: Token) -> bool:
    """Is `token` the head of a date or of a phrase of occasion, place or channel?"""
    if when(token):
        return True
    if token.dep_ != "prep":
        return False
    if token.lower_ in OCCASION_PREPS:
        return True
    obj = next((c for c in token.children if c.dep_ == "pobj"), None)
    if token.lower_ not in SETTING_PREPS or obj is None:
        return False
    lemma = obj.lemma_.lower()
    return obj.ent_type_ in WHEN_ENTS | PLACE_ENTS or lemma in OCCASION_NOUNS or lemma in CHANNELS


def before_setting(tokens: list[Token]) -> list[Token]:
    """The content up to the first date or setting phrase after its first word, outside
    quotation marks (a quoted "on the campaign trail" is what was said)."""
    ordered = sorted(tokens, key=lambda t: t.i)
    if not ordered:
        return ordered
    quoted = _quoted_indices(ordered)
    first = ordered[0].i
    for token in ordered:
        if token.i > first + 1 and token.i not in quoted and setting(token) and _ends_at_setting(token, ordered) \
                and (_after_closing_mark(token) or when(token)):
            return [t for t in ordered if t.i < token.left_edge.i]
    return ordered


def _after_closing_mark(token: Token) -> bool:
    """The phrase follows the quoted words of a label ("as a "disgrace" on the show"): what was
    said ends with the marks; a phrase inside unquoted words may be part of what was meant
    ("called it a common ailment during long campaigns")."""
    left = token.left_edge.i
    return left > 0 and token.doc[left - 1].is_quote and token.doc[left - 1].i > 0


def _ends_at_setting(token: Token, ordered: list[Token]) -> bool:
    """The setting phrase runs to the end of the content (a trailing phrase, not an inner one)."""
    last = ordered[-1].i
    tail = [t for t in ordered if t.i > token.right_edge.i]
    return all(t.is_punct or setting(t) or _inside_setting(t, ordered) for t in tail) or token.right_edge.i >= last


def _inside_setting(token: Token, ordered: list[Token]) -> bool:
    head = token
    for _ in range(6):
        if setting(head):
            return True
        if head.head.i == head.i:
            return False
        head = head.head
    return False


def _quoted_indices(ordered: list[Token]) -> set[int]:
    inside, open_ = set(), False
    for token in ordered[0].doc[ordered[0].i:ordered[-1].i + 1]:
        if token.is_quote:
            open_ = not open_
        elif open_:
            inside.add(token.i)
    return inside


SENTENCE_END_TOKENS = frozenset({".", "?", "!"})


def within_sentence(draft, doc, marks) -> object:
    """"Kevin was snoring. He is here, she said": where the splitter glued two sentences the
    parser hangs both on the cue; a reported clause ends at a sentence end outside quotation
    marks (the piece next to the cue is the report). Direct quotes may run over sentences."""
    if draft.kind == "direct" or draft.cue is None or draft.origin != "clause":
        return draft
    ends = [t for t in doc.char_span(draft.start, draft.end, alignment_mode="expand") or ()
            if _sentence_end(t) and not any(m.start <= t.idx < m.end for m in marks)]
    if not ends:
        return draft
    if draft.cue.start >= draft.end:  # "..., she said": the last sentence
        start = _next_start(ends[-1])
        return draft.moved(start=start) if start is not None and start < draft.end else draft
    if draft.cue.end <= draft.start:  # "said that ...": the first sentence
        end = ends[0].idx
        return draft.moved(end=end) if end > draft.start else draft
    return draft


def _sentence_end(token: Token) -> bool:
    doc = token.doc
    if token.text not in SENTENCE_END_TOKENS or token.i + 1 >= len(doc):
        return False
    after = doc[token.i + 1]
    if after.is_quote and token.i + 2 < len(doc):
        after = doc[token.i + 2]
    return bool(token.whitespace_) and after.text[:1].isupper() and not after.is_space


def _next_start(end: Token) -> int | None:
    doc = end.doc
    following = doc[end.i + 1:end.i + 3]
    return following[0].idx if len(following) else None


# An em dash always opens or closes an aside; a hyphen or en dash only with spaces round it
# ("Washington-based", "$40-50" join words).
SPACED_DASHES = frozenset({"-", "--", "–"})


def aside_dash(token: Token) -> bool:
    """An em dash, or a hyphen or en dash with a space on both sides; the space before is read
    from the doc's text, not from a Token made for the word before."""
    if token.text == "—":
        return True
    if token.text not in SPACED_DASHES or not token.whitespace_:
        return False
    return token.idx == 0 or doc_text(token.doc)[token.idx - 1].isspace()


def _dateline_dash(dash: Token, before: tuple) -> bool:
    """"MEXICO CITY - ...", "OSLO (AP) — ...": the dash closing a wire dateline opens no aside
    (`before`: the sentence's tokens before the dash)."""
    return len(before) > 0 and all(t.is_upper or t.is_punct for t in before)


def enclosing_aside(token: Token) -> tuple[int, int] | None:
    """The token bounds (exclusive) of the parenthesis or dash pair around `token` in its
    sentence: a cue inside "(..., wrote X)" or "-- ..., according to Y --" reports the words
    of its aside, never the writer's sentence around it."""
    sent, words = token.sent, doc_tokens(token.doc)
    before, after = words[sent.start:token.i], words[token.i + 1:sent.end]
    opening = next((t for t in reversed(before) if t.text in "()"), None)
    if opening is not None and opening.text == "(":
        closing = next((t for t in after if t.text in "()"), None)
        if closing is not None and closing.text == ")":
            return opening.i, closing.i
    dashes = [t for t in before if aside_dash(t) and not _dateline_dash(t, words[sent.start:t.i])]
    closing = next((t for t in after if aside_dash(t)), None)
    if len(dashes) % 2 == 1 and closing is not None:
        return dashes[-1].i, closing.i
    return None


def inside_aside(token: Token, tokens: list[Token]) -> list[Token]:
    """`tokens` cut to the aside around `token`, when some of them lie in it; an aside of the
    cue's own phrase alone ("The plant -- according to the union -- closed") reports the
    sentence around it."""
    aside = enclosing_aside(token)
    if aside is None:
        return tokens
    inner = [t for t in tokens if aside[0] < t.i < aside[1]]
    return inner or tokens


ASIDE_DEPS = frozenset({"relcl", "appos"})


def without_trailing_aside(tokens: list[Token]) -> list[Token]:
    """Cut a comma- or dash-set relative clause, apposition or noun's comparison that ends the content.

    "Murphy said he supports the bill, which includes ...": what the bill
    includes is the writer's gloss, not Murphy's claim; so are "... is in decline — a decline
    that ..." and "reported earnings of $8, well above the $7 analysts expected". A restrictive
    clause (no comma) is part of what was said and stays.
    """
    if not tokens:
        return tokens
    last = max(t.i for t in tokens)
    kept = {t.i for t in tokens}
    for token in sorted(tokens, key=lambda t: t.i):
        if not _aside_part(token) or token.head.i not in kept:
            continue
        left = token.left_edge.i
        if left > 0 and _sets_off(doc_tokens(token.doc)[left - 1]) and token.right_edge.i >= last - 1:
            return [t for t in tokens if t.i < left - 1]
    return tokens


def _aside_part(token: Token) -> bool:
    return token.dep_ in ASIDE_DEPS or token.dep_ == "prep" and token.head.pos_ == "NOUN"


def _sets_off(token: Token) -> bool:
    return token.text == "," or aside_dash(token)
