"""The snippet language of the audit work files, resolved to character offsets.

Annotators of the audit gold set (docs/annotation.md) point at text with
short snippets instead of counting characters; `scripts/build_audit_gold.py`
turns a work file into an offsets-only gold file with these functions.

    "Obama"                       the whole string is the target; it must occur once
    "President [[Obama]] said"    context around the target, which [[...]] marks
    "[[Obama]] said#2"            #N: the N-th occurrence of the context
    "[[The ministers ~~ year.]]"  " ~~ " is a gap: the shortest match, under 3000 chars

Sentences are given by the snippet of their first characters, searched
forward from the previous sentence; a sentence runs to the next one's start.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from ..errors import SnippetError
from ..reporting import SENSES

GAP = " ~~ "
MAX_GAP = 3000
VOICES = ("reporting", "attributed", "opinion", "skip")
ENTITY_KINDS = ("actor", "place", "other")
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "OTHER")
QUOTE_KINDS = ("direct", "indirect", "mixed")
CUE_CLASSES = SENSES  # the reporting lexicon's senses
MODALITIES = ("asserted", "negated", "future", "hypothetical")
Offsets = list[int]


def _pattern(body: str) -> str:
    return (r"[\s\S]{0,%d}?" % MAX_GAP).join(re.escape(p) for p in body.split(GAP))


def parse_snippet(snippet: str) -> tuple[str, str, str, int | None]:
    """(left context, target, right context, occurrence number or None)."""
    if not isinstance(snippet, str) or not snippet:
        raise SnippetError(f"not a snippet: {snippet!r}")
    nth = None
    m = re.search(r"#(\d+)$", snippet)
    if m:
        nth, snippet = int(m.group(1)), snippet[: m.start()]
    if "[[" not in snippet:
        return "", snippet, "", nth
    left, rest = snippet.split("[[", 1)
    if "]]" not in rest:
        raise SnippetError(f"unclosed [[ in {snippet!r}")
    target, right = rest.split("]]", 1)
    return left, target, right, nth


def resolve(text: str, snippet: str, after: int = 0) -> tuple[int, int]:
    """(start, end) of the snippet's target in text, looking at matches from `after` on.

    From the start of the text a snippet without #N must be unique; searching
    forward (after > 0) the first match wins, which is what sentence starts need.
    """
    left, target, right, nth = parse_snippet(snippet)
    if not target:
        raise SnippetError(f"empty target in {snippet!r}")
    pat = re.compile(f"({_pattern(left)})({_pattern(target)}){_pattern(right)}")
    hits = [h for h in pat.finditer(text) if h.start() >= after]
    if not hits:
        raise SnippetError(f"not found: {snippet!r}")
    if nth is None and len(hits) > 1 and after == 0:
        raise SnippetError(f"occurs {len(hits)} times, add context or #N: {snippet!r}")
    if (nth or 1) > len(hits):
        raise SnippetError(f"fewer than {nth} occurrences: {snippet!r}")
    hit = hits[(nth or 1) - 1]
    return hit.start(2), hit.end(2)


class Resolver:
    """Resolves one work file against its text, collecting problems instead of raising.

    `problems` are what make a work file incomplete (the annotators' checker
    reports the same ones); `warnings` are checks it does not make (labels
    outside the documented sets, `also` snippets), reported but not blocking.
    """

    def __init__(self, text: str):
        self.text = text
        self.problems: list[str] = []
        self.warnings: list[str] = []

    def span(self, snippet: Any, where: str, after: int = 0, strict: bool = True) -> Offsets | None:
        try:
            start, end = resolve(self.text, snippet, after)
        except SnippetError as exc:
            (self.problems if strict else self.warnings).append(f"{where}: {exc}")
            return None
        return [start, end]

    def label(self, value: Any, allowed: tuple[str, ...], where: str, optional: bool = False) -> None:
        if value is None and optional:
            return
        if value not in allowed:
            self.warnings.append(f"{where}: {value!r} is not one of {', '.join(allowed)}")

    def sentences(self, entries: list) -> list[dict]:
        starts: list[tuple[int, str]] = []
        pos = 0
        for i, entry in enumerate(entries):
            if not (isinstance(entry, list) and len(entry) == 2):
                self.problems.append(f"sentence {i}: expected [voice, snippet], got {entry!r}")
                continue
            voice, snippet = entry
            if voice not in VOICES:
                self.problems.append(f"sentence {i}: bad voice {voice!r}")
            found = self.span(snippet, f"sentence {i}", after=pos)
            if found is None:
                continue
            starts.append((found[0], voice))
            pos = found[0] + 1
        out = []
        for k, (start, voice) in enumerate(starts):
            end = starts[k + 1][0] if k + 1 < len(starts) else len(self.text)
            while end > start and self.text[end - 1].isspace():
                end -= 1
            out.append({"span": [start, end], "voice": voice})
        return out


def iso(value: Any) -> str | None:
    """YAML reads 2016-04-29 as a date; gold files keep ISO strings."""
    if value is None or value == "":
        return None
    return value.isoformat() if isinstance(value, date) else str(value)
