"""Headline attributions the parser misreads.

- `Ted Cruz: 'Assaulting A Reporter Is A Fireable Offense'` — a name, a
  colon, and what the person said.
- `Clinton Says Russians Hacked DNC` — title case makes the tagger read
  "Says" as a name; a reporting verb after a short capitalised subject is
  taken as the cue.
Only lines without sentence punctuation inside them are headline-like.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..nlp import span_tokens
from .cues import Cue, lemma_of
from .draft import INDIRECT, Draft, clause_range
from .lexicon import PERSON_NOUNS, SPEECH, cue_class
from .sources import DOCUMENT_NOUNS

MAX_NAME_TOKENS = 6
SOURCE_PREPS = frozenset({"from", "with", "by"})  # "A lesson from X:", "Interview with X:"
MIN_CONTENT_WORDS = 3
# Line labels that end with a colon but are not speakers.
NOT_SPEAKERS = frozenset(
    "update updated watch read photo photos video related editor note breaking exclusive live opinion "
    "analysis source sources transcript q a correction clarification listen see more also".split()
)


def headline_drafts(sentence: Span) -> list[Draft]:
    if not _headline_like(sentence):
        return []
    return _colon_headline(sentence) or _says_headline(sentence)


def _headline_like(sentence: Span) -> bool:
    words = [t for t in span_tokens(sentence) if t.is_alpha]
    if len(words) < MIN_CONTENT_WORDS + 1 or len(words) > 30:
        return False
    text = sentence.text.rstrip(" .")
    if any(mark in text for mark in (". ", "? ", "! ")):
        return False
    capitalised = sum(1 for t in words if t.text[:1].isupper())
    return capitalised >= 0.6 * len(words) or _colon_index(sentence) is not None


def _colon_index(sentence: Span) -> int | None:
    for token in sentence[:MAX_NAME_TOKENS + 1]:
        if token.text == ":":
            return token.i
    return None


def _colon_headline(sentence: Span) -> list[Draft]:
    colon = _colon_index(sentence)
    if colon is None or colon == sentence.start:
        return []
    name = sentence.doc[sentence.start:colon]
    if not _is_name(name) and not _ends_with_person(name):
        return []
    content = [t for t in sentence.doc[colon + 1:sentence.end]]
    bounds = clause_range(sentence.doc, content)
    if bounds is None or sum(t.is_alpha for t in content) < MIN_CONTENT_WORDS or not _says_something(content):
        return []
    colon_token = sentence.doc[colon]
    cue = Cue(colon_token, SPEECH, colon_token.idx, colon_token.idx + 1)
    return [Draft(bounds[0], bounds[1], INDIRECT, cue, _label_speaker(name), "headline")]


# "Harbor Mayor On Bell:": the words are the mayor's, about Bell.
TOPIC_LABEL_PREPS = frozenset({"on", "about", "over", "to", "at", "vs", "vs.", "versus"})
# "Ruiz Weighs In:", "Vega Hits Back:": a phrasal verb closes the label, its subject before it.
LABEL_PARTICLES = frozenset({"in", "out", "back", "up", "off", "down"})


def _label_speaker(name: Span) -> Token:
    """The speaker of a colon label: its last word, unless a topic phrase or a phrasal verb
    follows the speaker's name in the label."""
    words = [t for t in name if not t.is_punct]
    for k in range(1, len(words)):
        if words[k].lower_ in TOPIC_LABEL_PREPS:
            return words[k - 1]
    if len(words) >= 3 and words[-1].lower_ in LABEL_PARTICLES:
        return words[-3]
    return name[-1]


def _ends_with_person(name: Span) -> bool:
    """"A lesson from Ana Cole: 'Be ...'", "Advice from Dr. Lee: ...": a label ending with a
    person's name introduces that person's words; the name is the speaker (the last token)."""
    if len(name) < 2 or name[-1].pos_ != "PROPN":
        return False
    first = len(name) - 1
    while first > 0 and name[first - 1].pos_ == "PROPN":
        first -= 1
    return name[-1].ent_type_ == "PERSON" or first > 0 and name[first - 1].lower_ in SOURCE_PREPS


def _says_something(content: list) -> bool:
    """A statement has a verb; "Nikkei: UP 0.4 percent at 28,000" or "Sports: results" is a
    data line or a heading, and a market table is never a quote."""
    words = [t for t in content if t.is_alpha]
    numbers = sum(1 for t in content if t.like_num or any(ch.isdigit() for ch in t.text))
    has_verb = any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBG" for t in content)
    shouting = words and sum(t.text.isupper() for t in words) >= 0.5 * len(words)
    # Headline case hides verbs from the tagger ("Wealthy Voters Abandon ..."): a run of
    # words without figures still says something.
    wordy = len(words) > MIN_CONTENT_WORDS and not numbers
    return (has_verb or wordy) and not (shouting and numbers)


def _is_name(name: Span) -> bool:
    words = [t for t in name if not t.is_punct]
    if not words or any(t.like_num for t in words) or name.text.lower().strip() in NOT_SPEAKERS:
        return False
    if all(t.text.isupper() and len(t.text) > 3 for t in words):
        return False  # a dateline or section label ("WASHINGTON:")
    if len(words) == 1 and words[0].lemma_.lower() in (DOCUMENT_NOUNS | PERSON_NOUNS):
        return words[0].text[:1].isupper()  # "Poll: ...", "Police: ..."
    return all(t.text[:1].isupper() or t.lower_ in ("of", "the", "and") for t in words) and \
        any(t.pos_ == "PROPN" or t.ent_type_ for t in words)


def _says_headline(sentence: Span) -> list[Draft]:
    for token in sentence[1:MAX_NAME_TOKENS + 1]:
        if token.is_title and cue_class(lemma_of(token)) == SPEECH and not _name_word(token):
            return _split_at(sentence, token)
    return []


# Places a word of a name takes in its noun phrase.
NAME_DEPS = frozenset({"compound", "pobj", "poss", "nmod", "appos"})


def _name_word(token: Token) -> bool:
    """"New York State Attorney General ...", "Minor Post-Debate Bump": a bare cue word the
    parser hung inside a noun phrase is a word of a name; a headline verb is inflected
    ("Says", "Warned"), tagged a verb ("Experts Warn Rates Will Rise") or heads the line."""
    return token.lower_ == token.lemma_.lower() and token.dep_ in NAME_DEPS and not token.tag_.startswith("VB")


def _split_at(sentence: Span, verb: Token) -> list[Draft]:
    subject = sentence.doc[sentence.start:verb.i]
    if not any(t.is_alpha for t in subject) or not all(t.text[:1].isupper() or t.is_punct for t in subject):
        return []  # "(Reporting by ...)": a credit line has no subject, only a bracket
    drafts = []
    for cue_token, content in _reports(verb, list(sentence.doc[verb.i + 1:sentence.end])):
        bounds = clause_range(sentence.doc, content)
        if bounds is not None:
            cue = Cue(cue_token, SPEECH, cue_token.idx, cue_token.idx + len(cue_token))
            drafts.append(Draft(bounds[0], bounds[1], INDIRECT, cue, subject[-1], "headline"))
    return drafts


def _reports(verb: Token, content: list[Token]) -> list[tuple[Token, list[Token]]]:
    """"Clinton Says Russians Hacked DNC, Calls Trump's Remarks 'Troubling'": a comma before a
    second headline verb of saying ends what the first one reports, and the second reports the
    rest, said by the same subject."""
    for k, token in enumerate(content[:-1]):
        following = content[k + 1]
        if token.text == "," and following.is_title and cue_class(lemma_of(following)) is not None:
            return [(verb, content[:k]), (following, content[k + 2:])]
    return [(verb, content)]
