"""Explicit marks of the writer's own stance, outside any quotation.

The classifier weighs many weak signals; these few are strong enough on
their own when the writer, not a source, uses them: speculation ("which
is likely what he meant"), certainty the facts do not supply ("clearly"),
prescription ("should"), a denied inference ("the actions do not suggest
...").
The first person is left to the classifier: in news it is mostly a source
speaking, quoted without marks.
"""
from __future__ import annotations

from typing import Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..reporting import clause_verbs
from .quoting import Region

SPECULATION = frozenset(
    "likely unlikely probably perhaps possibly maybe apparently seemingly presumably arguably "
    "supposedly ostensibly evidently surely clearly obviously undoubtedly doubtless".split()
)
PRESCRIPTION = frozenset({"should", "ought"})
INFERENCE_VERBS = frozenset("suggest mean show prove indicate imply".split())
# Verbs that report a clause (said, told, believes ...): the one reporting-verb lexicon.
REPORTING_HEADS = clause_verbs()


def stance_cues(sentence: SpacySpan, skip: Sequence[Region]) -> tuple[str, ...]:
    """Kinds of writer's-stance marks found in the sentence's unquoted words."""
    found = []
    for token in sentence:
        if _quoted(token, skip):
            continue
        kind = _cue_kind(token)
        if kind:
            found.append(kind)
    return tuple(dict.fromkeys(found))


def _cue_kind(token: Token) -> str | None:
    word = token.lower_
    if word in SPECULATION and token.pos_ in ("ADV", "ADJ") and not _reported(token):
        return "speculation"
    if word in PRESCRIPTION and token.tag_ == "MD" and not _reported(token):
        return "prescription"
    if token.lemma_ in INFERENCE_VERBS and any(c.dep_ == "neg" for c in token.children):
        return "denied inference"
    return None


def _reported(token: Token) -> bool:
    """True inside a clause that a reporting or thinking verb governs ("X said it is likely")."""
    for ancestor in token.ancestors:
        if ancestor.dep_ in ("ccomp", "xcomp") and ancestor.head.pos_ == "VERB" and ancestor.head.lemma_ in REPORTING_HEADS:
            return True
    return False


def _quoted(token: Token, skip: Sequence[Region]) -> bool:
    end = token.idx + len(token.text)
    return any(region.overlap(token.idx, end) for region in skip)
