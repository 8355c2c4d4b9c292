"""The quotation-mark scanner: typographic and straight marks, nesting, paragraphs, garbage."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.quotes.marks import outermost, scan


def contents(text: str) -> list[str]:
    return [text[s.start:s.end] for s in scan(text)]


def test_typographic_double_and_nested_single():
    text = "“He told me ‘no way’ twice,” she said."
    assert contents(text) == ["He told me ‘no way’ twice,", "no way"]
    outer, inner = scan(text)
    assert (outer.depth, inner.depth) == (0, 1)
    assert outer.balanced and inner.balanced


def test_straight_marks_and_apostrophes():
    text = 'The minister\'s aide said "we don\'t agree" and called it \'odd\'.'
    assert contents(text) == ["we don't agree", "odd"]


def test_possessive_plural_is_not_a_closing_mark():
    text = "The voters’ anger grew, and ‘90s-style politics returned."
    assert scan(text) == ()


def test_quote_continues_into_next_paragraph_when_reopened():
    text = "“The first part of it.\n\n“The second part,” he said."
    (span,) = scan(text)
    assert text[span.start:span.end] == "The first part of it.\n\n“The second part,"
    assert span.balanced


def test_unclosed_quote_ends_at_paragraph_end():
    text = "He said “this never closes\n\nA new paragraph with no marks."
    (span,) = scan(text)
    assert text[span.start:span.end] == "this never closes"
    assert span.close_at is None and not span.balanced


def test_closing_mark_without_opener_starts_at_paragraph():
    text = "First paragraph.\nthe words before a stray mark” he said."
    (span,) = scan(text)
    assert text[span.start:span.end] == "the words before a stray mark"
    assert span.open_at is None


def test_typewriter_doubles():
    text = "``We will win,'' she said, and ''they agreed.''"
    assert contents(text) == ["We will win,", "they agreed."]


def test_outermost_drops_nested():
    text = "“Call it ‘a deal’ now,” he said."
    assert [text[s.start:s.end] for s in outermost(scan(text))] == ["Call it ‘a deal’ now,"]


MARKS = "\"'“”‘’«»`"
noisy_text = st.lists(st.sampled_from(list(MARKS) + list("ab c.,\n:") + ["\n\n", "don't", "the"]),
                      max_size=120).map("".join)


@settings(max_examples=400, deadline=None)
@given(noisy_text)
def test_never_crashes_and_spans_are_well_formed(text):
    spans = scan(text)
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text)
        assert span.depth >= 0
        if span.open_at is not None:
            assert span.open_at < span.start or span.start == span.end
        if span.close_at is not None:
            assert span.end <= span.close_at
    tops = outermost(spans)
    for a, b in zip(tops, tops[1:]):
        assert a.end <= b.start or a.start <= b.start  # sorted, never reversed


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode_never_crashes(text):
    for span in scan(text):
        assert 0 <= span.start <= span.end <= len(text)
