"""Quotation-mark spans: straight and typographic, nested, unbalanced, multi-paragraph.

A single left-to-right scan with a stack. Each mark is read from its
neighbours (an opening mark is followed by text and preceded by a space or
bracket; a closing mark the reverse), so apostrophes ("don't", "Russia's")
are told apart from single quotes. News convention is honoured: a quote left
open at a paragraph end continues when the next paragraph opens with a mark.
Anything else left open is closed at the paragraph end, best effort; the
scanner never raises on odd input.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPENERS = frozenset("“„«‟")
DOUBLE_CLOSERS = frozenset("”»")
SINGLE_OPENERS = frozenset("‘‹‛`")
SINGLE_CLOSERS = frozenset("’›")
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
ALL_MARKS = DOUBLE_OPENERS | DOUBLE_CLOSERS | SINGLE_OPENERS | SINGLE_CLOSERS | {'"', "'"}
_INTERESTING = re.compile("[\n" + re.escape("".join(sorted(ALL_MARKS))) + "]")
_OPEN_CONTEXT = frozenset("([{—–-/:") | ALL_MARKS
_CLOSE_CONTEXT = frozenset(".,;:!?)]}—–-/…") | ALL_MARKS


@dataclass(frozen=True)
class MarkedSpan:
    """Text between quotation marks; `start`/`end` bound the content only."""

    start: int
    end: int
    open_at: int | None   # None: the closing mark had no opener (paragraph start used)
    close_at: int | None  # None: never closed (closed at the paragraph end)
    double: bool
    depth: int            # 0 = outermost

    @property
    def balanced(self) -> bool:
        return self.open_at is not None and self.close_at is not None


@dataclass
class _Open:
    at: int
    double: bool


def _prev(text: str, i: int) -> str:
    return text[i - 1] if i > 0 else " "


def _next(text: str, i: int) -> str:
    return text[i + 1] if i + 1 < len(text) else " "


def can_open(text: str, i: int, width: int = 1) -> bool:
    before, after = _prev(text, i), _next(text, i + width - 1)
    return not after.isspace() and (before.isspace() or before in _OPEN_CONTEXT)


def can_close(text: str, i: int, width: int = 1) -> bool:
    before, after = _prev(text, i), _next(text, i + width - 1)
    return not before.isspace() and (after.isspace() or after in _CLOSE_CONTEXT)


def is_apostrophe(text: str, i: int) -> bool:
    """Inside a word (don't), or an elision before digits ('90s)."""
    before, after = _prev(text, i), _next(text, i)
    if before.isalnum() and after.isalnum():
        return True
    return after.isdigit() and text[i + 2: i + 3].isdigit() and not before.isalnum()


class _Scanner:
    def __init__(self, text: str):
        self.text = text
        self.stack: list[_Open] = []
        self.spans: list[MarkedSpan] = []
        self.para_start = 0
        self.last_close = 0  # where an unopened closer's span may begin

    def run(self) -> tuple[MarkedSpan, ...]:
        text, pos = self.text, 0
        while (found := _INTERESTING.search(text, pos)) is not None:
            i = found.start()
            if text[i] == "\n":
                pos = self._paragraph_end(i)
            elif text.startswith(("''", "``"), i):
                self._double(i, '"', width=2)  # typewriter doubles: ``quote'' or ''quote''
                pos = i + 2
            else:
                self._mark(i, text[i])
                pos = i + 1
        n = len(text)
        self._close_all(n)
        return tuple(sorted(self.spans, key=lambda s: (s.start, -s.end, s.depth)))

    # -- marks ---------------------------------------------------------
    def _mark(self, i: int, ch: str) -> None:
        if ch in DOUBLE_OPENERS or ch in DOUBLE_CLOSERS or ch == STRAIGHT_DOUBLE:
            self._double(i, ch)
        else:
            self._single(i, ch)

    def _double(self, i: int, ch: str, width: int = 1) -> None:
        open_double = any(o.double for o in self.stack)
        opens, closes = can_open(self.text, i, width), can_close(self.text, i, width)
        if open_double and (ch in DOUBLE_CLOSERS or (closes and not (ch in DOUBLE_OPENERS and opens))
                            or (not opens and ch not in DOUBLE_OPENERS)):
            self._close(i, double=True)
        elif ch in DOUBLE_OPENERS or opens or (not closes and not open_double):
            if open_double:  # a second opener inside an open quote: the first was never closed
                self._close(i, double=True, at_mark=False)
            self.stack.append(_Open(i + width - 1, True))
        elif not open_double:
            self._orphan_close(i)

    def _single(self, i: int, ch: str) -> None:
        if is_apostrophe(self.text, i):
            return
        top = self.stack[-1] if self.stack else None
        if top is not None and not top.double and can_close(self.text, i) and ch not in SINGLE_OPENERS:
            self._emit(self.stack.pop(), i, close_at=i)
            self.last_close = i + 1
        elif (ch in SINGLE_OPENERS or ch == STRAIGHT_SINGLE) and can_open(self.text, i):
            self.stack.append(_Open(i, False))

    def _close(self, i: int, double: bool, at_mark: bool = True) -> None:
        # Singles still open inside the closing double were apostrophes: drop them.
        while self.stack and self.stack[-1].double != double:
            self.stack.pop()
        if self.stack:
            self._emit(self.stack.pop(), i, close_at=i if at_mark else None)
            self.last_close = i + 1

    def _orphan_close(self, i: int) -> None:
        """A closing double with no opener: quote from the paragraph (or last close) start."""
        start = max(self.para_start, self.last_close)
        if self.text[start:i].strip():
            self.spans.append(MarkedSpan(*_trim(self.text, start, i), None, i, True, 0))
        self.last_close = i + 1

    def _emit(self, opened: _Open, end: int, close_at: int | None) -> None:
        start, stop = _trim(self.text, opened.at + 1, end)
        depth = len(self.stack)
        self.spans.append(MarkedSpan(start, stop, opened.at, close_at, opened.double, depth))

    # -- paragraphs ----------------------------------------------------
    def _paragraph_end(self, i: int) -> int:
        """Handle a line break at i; return where scanning resumes."""
        j = i
        while j < len(self.text) and self.text[j].isspace():
            j += 1
        self.stack = [o for o in self.stack if o.double]
        if self.stack and j < len(self.text) and self._reopens(j):
            self.para_start = j
            return j + 1  # the continuation mark is consumed: the quote stays open
        self._close_all(i)
        self.para_start = self.last_close = j
        return j

    def _reopens(self, j: int) -> bool:
        ch = self.text[j]
        return ch in DOUBLE_OPENERS or (ch == STRAIGHT_DOUBLE and can_open(self.text, j))

    def _close_all(self, at: int) -> None:
        while self.stack:
            opened = self.stack.pop()
            if opened.double:
                self._emit(opened, at, close_at=None)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def scan(text: str) -> tuple[MarkedSpan, ...]:
    """All quotation-mark spans of `text`, outermost before nested at equal start."""
    return _Scanner(text).run()


def outermost(spans: tuple[MarkedSpan, ...]) -> tuple[MarkedSpan, ...]:
    """Spans not inside another span."""
    out: list[MarkedSpan] = []
    for span in spans:
        if not any(o.start <= span.start and span.end <= o.end and o is not span for o in out):
            out.append(span)
    return tuple(out)
