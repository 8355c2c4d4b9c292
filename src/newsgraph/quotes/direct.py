"""Direct quotes: quotation-mark spans tied to a cue, or told apart as scare quotes.

A marked span is speech when a reporting cue governs it (`"...," he said`,
`expressed "deep concern"`, `described it as "constructive"`), or when it
reads like a sentence and a cue stands next to it. Short phrases no cue
governs ('a "foreign agent" law') are scare quotes or titles and are dropped.
Quotes without a cue in their sentence inherit the speaker of an introducing
colon sentence or of a neighbouring quote in the same or previous paragraph.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .cues import (ANIMATE_PRONOUNS, Cue, cue_at, cue_class, cues_in, is_animate, lemma_of, naming_participle, phrase_head,
                   plausible_speaker, subject_of)
from .draft import DIRECT, Draft, word_count
from .layout import Layout
from .lexicon import CONTINUE, LABEL, SPEECH, THOUGHT
from .marks import MarkedSpan

MAX_TITLE_STOP = 5         # words of a title that may end in the sentence's full stop
MIN_SPEECH_WORDS = 4       # shorter unlinked marks are scare quotes or titles
MAX_TRAILING = 12          # tokens between a closing mark and its reporting verb
_PHRASE_POS = frozenset({"PROPN", "PRON", "NOUN", "DET", "ADJ", "NUM", "ADP", "PART", "CCONJ", "PUNCT"})
MAX_WALK = 6               # dependency steps from a quote up to its cue
_LINK_CLASSES = (SPEECH, THOUGHT, CONTINUE, LABEL, "according")
_NEAR_CLASSES = (SPEECH, CONTINUE, "according")
_SENTENCE_END = ".?!…"
_CONTENT_DEPS = frozenset({"ccomp", "dobj", "xcomp", "parataxis"})
_TITLE_SMALL_WORDS = frozenset("a an the of in on at to for and or but with by from is are as vs".split())


def mark_draft(mark: MarkedSpan, layout: Layout) -> Draft | None:
    """A draft for one unclaimed outermost mark, or None for a scare quote."""
    signed = signature_attribution(mark, layout)
    if signed is not None:
        return signed
    inside = _tokens_inside(layout.doc, mark)
    if _modifies_noun(inside) or _names_before_noun(inside):
        return None  # his "tough on China" stance: a scare quote inside a noun phrase
    linked = _governing_cue(inside, mark)
    if linked is not None:
        return None if looks_like_title(layout.text[mark.start:mark.end]) else _direct(mark, linked)
    if not speech_like(layout.text, mark):
        return None
    adjacent = trailing_attribution(mark, layout) or leading_attribution(mark, layout) or misparsed_trailing(mark, layout)
    if adjacent is not None:
        return adjacent
    near = _nearest_cue(mark, layout)
    return _direct(mark, near) if near is not None else Draft(mark.start, mark.end, DIRECT, None, None, "mark")


def trailing_attribution(mark: MarkedSpan, layout: Layout) -> Draft | None:
    """`"...," Trump barked.` / `"...," Murphy, the group's head, tweeted`: any verb after a name
    right behind the closing mark reports the quote, in or out of the cue lexicon."""
    if mark.close_at is None or not _hands_over(layout.text, mark):
        return None
    after = layout.doc.char_span(mark.close_at, len(layout.text), alignment_mode="expand")
    if after is None:
        return None
    tokens = list(after)[1:MAX_TRAILING + 1]
    speaker = None
    for token in tokens:
        if token.pos_ == "VERB" and token.tag_ in ("VBD", "VBZ", "VBP") and speaker is not None and (
                speaker.pos_ == "PROPN" or speaker.lower_ in ANIMATE_PRONOUNS or cue_class(lemma_of(token))):
            return Draft(mark.start, mark.end, DIRECT, Cue(token, SPEECH, token.idx, token.idx + len(token)),
                         phrase_head(speaker), "mark")
        if speaker is None and token.pos_ in ("PROPN", "PRON"):
            speaker = token
        elif token.text in _SENTENCE_END or token.is_space or token.pos_ not in _PHRASE_POS:
            return None
    return None


def misparsed_trailing(mark: MarkedSpan, layout: Layout) -> Draft | None:
    """A handed-over quote whose trailing attribution the parser broke: a verb of saying right
    behind the mark with a long title after it (`"...," said Harbor ranking Democrat Ana Ruiz
    (D-Ore.).`, "ranking" read as a verb) or a verb of saying read as a noun at the end of a
    short phrase (`"...," the two write.`). The speaker is the last name after the verb, or the
    word before it."""
    if mark.close_at is None or not _hands_over(layout.text, mark):
        return None
    after = layout.doc.char_span(mark.close_at, len(layout.text), alignment_mode="expand")
    run = []
    for token in list(after or [])[1:MAX_TRAILING + 1]:
        if token.text in _SENTENCE_END or token.text in "(,;" or token.is_space:
            break
        run.append(token)
    said = [k for k, t in enumerate(run) if cue_class(lemma_of(t)) == SPEECH]
    if not said or said[0] not in (0, len(run) - 1) or len(run) < 2:
        return None
    verb = run[said[0]]
    names = [t for t in run[1:] if t.pos_ == "PROPN" and t.ent_type_ not in _NOT_SPEAKER_ENTS]
    speaker = names[-1] if said[0] == 0 and names else run[-2] if said[0] > 0 else None
    if speaker is None or speaker.pos_ not in ("PROPN", "NOUN", "NUM", "PRON"):
        return None
    return Draft(mark.start, mark.end, DIRECT, Cue(verb, SPEECH, verb.idx, verb.idx + len(verb)), speaker, "mark")


_NOT_SPEAKER_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
SIGNATURE_DASHES = "―—–-"
MAX_SIGNATURE_TOKENS = 6


def signature_attribution(mark: MarkedSpan, layout: Layout) -> Draft | None:
    """`“...” ― Sonya Herridge`: a dash and a name closing the quote's paragraph sign the quote."""
    if mark.close_at is None:
        return None
    _, para_end = layout.paragraph_bounds(mark.close_at)
    tail = layout.text[mark.close_at + 1:para_end]
    if not tail.strip() or tail.strip()[0] not in SIGNATURE_DASHES:
        return None
    dash_at = mark.close_at + 1 + tail.index(tail.strip()[0])
    name = _signature_name(layout.doc, dash_at + 1, para_end)
    if name is None:
        return None
    dash = layout.doc.char_span(dash_at, dash_at + 1, alignment_mode="expand")[0]
    return Draft(mark.start, mark.end, DIRECT, Cue(dash, SPEECH, dash_at, dash_at + 1), name, "mark")


def _signature_name(doc: Doc, start: int, end: int) -> Token | None:
    """The head of a bare capitalised name filling the rest of the line, or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    words = [t for t in span if not t.is_space and t.text not in ".,"] if span is not None else []
    if not 1 <= len(words) <= MAX_SIGNATURE_TOKENS or not any(t.pos_ == "PROPN" for t in words):
        return None
    if not all(t.text[:1].isupper() or t.lower_ in ("of", "the", "and", "de") or t.is_punct for t in words):
        return None
    return phrase_head(words[-1])


def leading_attribution(mark: MarkedSpan, layout: Layout) -> Draft | None:
    """`Hillary shot back, "..."` / `Cruz tweeted a warning: "..."`: a clause handing over to the
    quote with a comma or colon; its verb, in or out of the cue lexicon, reports the quote."""
    if mark.open_at is None or layout.text[:mark.open_at].rstrip()[-1:] not in (",", ":"):
        return None
    sentence = layout.sentences[layout.sentence_index(mark.open_at)]
    before = [t for t in sentence if t.idx < mark.open_at]
    for token in reversed(before):
        if token.pos_ != "VERB" or token.tag_ not in ("VBD", "VBZ", "VBP"):
            continue
        speaker = subject_of(token)
        if speaker is None or not (speaker.pos_ == "PROPN" or speaker.lower_ in ANIMATE_PRONOUNS
                                   or cue_class(lemma_of(token)) and is_animate(speaker)):
            return None
        return Draft(mark.start, mark.end, DIRECT, Cue(token, SPEECH, token.idx, token.idx + len(token)),
                     phrase_head(speaker), "mark")
    return None


def _direct(mark: MarkedSpan, cue: Cue) -> Draft:
    return Draft(mark.start, mark.end, DIRECT, cue, speaker_for(cue), "mark")


def speaker_for(cue: Cue) -> Token | None:
    if cue.cls == "according":
        to = next((c for c in cue.token.children if c.lower_ == "to"), None)
        return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    subject = subject_of(cue.token)
    return subject if plausible_speaker(cue, subject) else None


def speech_like(text: str, mark: MarkedSpan) -> bool:
    """Reads like speech rather than a label or a title."""
    content = text[mark.start:mark.end]
    return word_count(content) >= MIN_SPEECH_WORDS and not looks_like_title(content)


def looks_like_title(content: str) -> bool:
    """"Orange Is the New Black", "Flip the Script": capitalised content words, no full stop; a
    short name may carry the sentence's own full stop inside the marks ('with "Fox News Sunday."')."""
    words = [w for w in content.split() if any(ch.isalpha() for ch in w)]
    if content.rstrip().endswith(".") and not content.rstrip().endswith("..") and len(words) <= MAX_TITLE_STOP:
        content = content.rstrip()[:-1]
    content_words = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS]
    if not content_words or content.rstrip()[-1:] in _SENTENCE_END:
        return False
    capitalised = sum(1 for w in content_words if w[:1].isupper())
    return len(words) > 1 and capitalised >= 0.8 * len(content_words)


def _hands_over(text: str, mark: MarkedSpan) -> bool:
    """The quote hands over to an attribution: `...,"` or `...?"` or `...", `, not a full stop."""
    last = text[mark.start:mark.end].rstrip(" ’'”\"")[-1:]
    after = text[mark.close_at + 1:mark.close_at + 2] if mark.close_at is not None else ""
    return last in ",!?—–-" or after == ","


def _tokens_inside(doc: Doc, mark: MarkedSpan) -> list[Token]:
    span = doc.char_span(mark.start, mark.end, alignment_mode="expand")
    return list(span) if span is not None else []


MODIFIER_DEPS = frozenset({"amod", "nmod", "compound"})
NOUN_OPENERS = frozenset({"his", "her", "its", "their", "our", "my", "your", "the", "a", "an", "this", "that"})


def _modifies_noun(inside: list[Token]) -> bool:
    """Do the marked words only qualify the noun right after them ("his "tough on China" stance")?"""
    words = [t for t in inside if not t.is_punct and not t.is_space]
    if not words or len(words) > 6:
        return False
    doc = words[0].doc
    positions = {t.i for t in inside}
    tops = [t for t in words if t.head.i not in positions]
    after = next((t for t in doc[words[-1].i + 1:words[-1].i + 3] if not t.is_punct), None)
    if after is None or after.tag_ not in ("NN", "NNS"):
        return False
    # her "tough on China" stance: a determiner or possessive before the marks, the noun after them
    before = next((t for t in reversed(doc[max(0, words[0].i - 2):words[0].i]) if not t.is_punct), None)
    framed = before is not None and (before.tag_ in ("PRP$", "POS") or before.lower_ in NOUN_OPENERS)
    return framed or bool(tops) and all(t.dep_ in MODIFIER_DEPS and t.head.i == after.i for t in tops)


NAME_WORDS_MAX = 8
NOUN_TAGS = ("NN", "NNS")


def _names_before_noun(inside: list[Token]) -> bool:
    """"doubles down on 'rust, we're on it' anti-rust campaign": marked words run straight into
    the noun phrase they name (no comma, no full stop inside, the next word an adjective or a
    common noun); a quote hands over to punctuation or to its speaker ("...," the mayor said)."""
    words = [t for t in inside if not t.is_punct and not t.is_space]
    if not words or len(words) > NAME_WORDS_MAX or inside[-1].text in _SENTENCE_END:
        return False
    doc = words[0].doc
    closing = inside[-1].i + 1
    if closing >= len(doc) or not doc[closing].is_quote or not doc[closing].whitespace_:
        return False
    following = list(doc[closing + 1:closing + 5])
    if not following or following[0].tag_ not in ("JJ",) + NOUN_TAGS:
        return False
    for token in following:
        if token.tag_ in NOUN_TAGS:  # the noun named, not a speaker ("... ," officials promised)
            return token.dep_ not in ("nsubj", "nsubjpass") and not (token.i + 1 < len(doc)
                                                                    and doc[token.i + 1].tag_ in ("VBD", "VBZ"))
        if token.is_punct and token.tag_ != "HYPH" and token.text != "-":
            return False
    return False


def _governing_cue(inside: list[Token], mark: MarkedSpan) -> Cue | None:
    """Walk up from the quote's top tokens to the first verb outside it: a cue?"""
    positions = {t.i for t in inside}
    for token in inside:
        if token.head.i in positions or token.head.i == token.i:
            continue
        cue = _walk_up(token.head, positions)
        if cue is not None:
            return cue
    return None


def _walk_up(token: Token, inside: set[int]) -> Cue | None:
    for _ in range(MAX_WALK):
        if token.i in inside:
            return None
        cue = cue_at(token)
        if cue is not None and naming_participle(cue.token):
            return None  # "the prison, dubbed the "Rock" by sailors": a name, not a quote
        if cue is not None and cue.cls in _LINK_CLASSES and speaker_for(cue) is not None:
            return cue
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            return None
        token = token.head
    return None


def _nearest_cue(mark: MarkedSpan, layout: Layout) -> Cue | None:
    """The closest speech cue with a speaker in the quote's sentences, outside the quote."""
    best: tuple[int, Cue] | None = None
    for sentence in layout.sentences_over(mark.start, mark.end):
        for cue in cues_in(t for t in sentence if not mark.start <= t.idx < mark.end):
            if cue.cls not in _NEAR_CLASSES or speaker_for(cue) is None:
                continue
            gap = mark.start - cue.end if cue.end <= mark.start else cue.start - mark.end
            if best is None or gap < best[0]:
                best = (gap, cue)
    return best[1] if best else None


def colon_intro(start: int, layout: Layout) -> tuple[Cue, Token] | None:
    """`Lavrov said:` / `the White House released a statement:` just before a quote at `start`.

    A colon handing over to a quote makes the introducing clause's subject the
    speaker even when its verb is no reporting verb.
    """
    index = layout.sentence_index(start)
    if index == 0:
        return None
    previous = layout.sentences[index - 1]
    if previous.end_char > start or not previous.text.rstrip().endswith(":"):
        return None
    for cue in reversed(cues_in(previous)):
        speaker = speaker_for(cue) if cue.cls in _NEAR_CLASSES else None
        if speaker is not None:
            return cue, speaker
    root = previous.root
    speaker = subject_of(root)
    if root.pos_ in ("VERB", "AUX") and speaker is not None and (is_animate(speaker) or speaker.pos_ == "NOUN"):
        return Cue(root, SPEECH, root.idx, root.idx + len(root)), speaker
    return None


def speaker_after(end: int, layout: Layout) -> tuple[Cue, Token] | None:
    """`"The river will crest tonight." County engineer Li Wei said so on Sunday.`: a report with
    no content of its own in the sentence right after the quote, in the same paragraph."""
    index = layout.sentence_index(end)
    following = layout.sentences[index + 1] if index + 1 < len(layout.sentences) else None
    if following is None or layout.paragraph(following.start_char) != layout.paragraph(end):
        return None
    for cue in cues_in(following):
        speaker = speaker_for(cue) if cue.cls in _NEAR_CLASSES else None
        if speaker is not None and not any(c.dep_ in _CONTENT_DEPS for c in cue.token.children):
            return cue, speaker
    return None


_PERSON_PRONOUNS = frozenset({"he", "she"})  # a second person who might be the one quoted


def subject_before(start: int, end: int, layout: Layout) -> tuple[Cue, Token] | None:
    """`Sen. Ruiz, who lost the primary, blamed the heat. "People are tired of waiting."`: a
    marked sentence with no cue that closes its paragraph, right after a sentence whose
    subject is a named person, is that person's words, as a colon intro's are (`colon_intro`).
    Only when the person is the one subject who could speak there: a second person subject
    in the sentence ("Ruiz said Li had told him") leaves the quote without a speaker. The
    caller checks that the sentence holds no quote of its own."""
    index = layout.sentence_index(start)
    if index == 0 or layout.text[end:layout.paragraph_bounds(start)[1]].strip(" \t\n“”\"‘’'«».,"):
        return None
    previous = layout.sentences[index - 1]
    if previous.end_char > start or layout.paragraph(previous.start_char) != layout.paragraph(start):
        return None
    root = previous.root
    speaker = subject_of(root) if root.pos_ in ("VERB", "AUX") else None
    if speaker is None or not _named_person(speaker):
        return None
    others = [t for t in previous if t.dep_ in ("nsubj", "nsubjpass") and t.i != speaker.i and t.tag_ != "WP"
              and (t.ent_type_ == "PERSON" or t.lower_ in _PERSON_PRONOUNS)]
    if others:
        return None
    return Cue(root, SPEECH, root.idx, root.idx + len(root)), speaker


def _named_person(token: Token) -> bool:
    """"Sanders", "his partner, Lawrence Ng": a person the text names, not a group or a thing."""
    return token.ent_type_ == "PERSON" or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in token.children)
