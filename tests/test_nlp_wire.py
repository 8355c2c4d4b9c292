"""Sentences on wire copy: datelines, separator rules and timestamp lines (synthetic text)."""
from __future__ import annotations

import pytest

import gc
import weakref

import spacy

from newsgraph.nlp import dateline_end, doc_text, is_non_sentence

WIRE = (
    "Ministers agree on fishing quotas\n\n"
    "OSLO (AP) — Norway and Iceland agreed on Monday to share the mackerel catch, officials said.\n\n"
    "The deal runs for five years.\n\n"
    "___\n\n"
    "Updated 10:42 a.m. ET, Tuesday, March 4, 2016\n\n"
    "* * *\n\n"
    "Associated Press writer Jan Smit in Reykjavik contributed to this report."
)


@pytest.mark.parametrize("line, opening", [
    ("OSLO (AP) — Norway agreed.", "OSLO (AP) —"),
    ("BRUSSELS, Belgium (AP) — The talks ended.", "BRUSSELS, Belgium (AP) —"),
    ("ST. PAUL, Minn. (AP) — The governor signed it.", "ST. PAUL, Minn. (AP) —"),
    ("LAGOS, Nigeria, March 4 (Reuters) - Workers struck.", "LAGOS, Nigeria, March 4 (Reuters) -"),
    ("WASHINGTON — The Senate voted.", "WASHINGTON —"),
    ("Mexico City (AFP) – The peso fell.", "Mexico City (AFP) –"),
    ("Hong Kong (CNN Business)A muddled view weighs.", "Hong Kong (CNN Business)"),
    ("LONDON (Reuters) -", "LONDON (Reuters) -"),
])
def test_datelines_are_found(line, opening):
    assert dateline_end(line) == len(opening)


@pytest.mark.parametrize("line", [
    "The deal runs for five years.",
    "Sanders (I-Vt.) apologized to his supporters.",
    "Officials said on Monday - without giving details - that talks would go on.",
    "“We agreed,” the minister said.",
])
def test_ordinary_lines_have_no_dateline(line):
    assert dateline_end(line) is None


@pytest.mark.parametrize("line", [
    "___", "* * *", "-----", "=====", "Updated 10:42 a.m. ET, Tuesday, March 4, 2016",
    "Published: 2016-03-04 14:22 GMT", "Last updated on Aug 31, 2016 at 9:05 PM EDT", "3/4/2016 14:22",
    "By Jane Doe", "By JANE DOE and John Roe, Reuters", "Written by Jane Doe", "Photo: Jane Doe/AP",
    "(AP Photo/Jane Doe)", "Image credit: NASA", "Read more: Why the talks failed", "Related: The deal in charts",
    "Sign up for our morning newsletter", "Reporting by Jane Doe; Editing by John Roe",
    "(Reporting by Jan Smit in Paris; additional reporting by Ann Lee and Bo Chen in Oslo; editing by Mark Poe)",
    "Writing by Ann Lee, editing by Mark Poe.", "Additional reporting by Jane Doe in New York", "(Editing by John Roe)",
])
def test_furniture_lines(line):
    assert is_non_sentence(line)


@pytest.mark.parametrize("line", [
    "Associated Press writer Jan Smit contributed.", "The talks ended on March 4 at 10:42.",
    "Markets open at 9:30 a.m. on Monday, traders said.", "Monday", "", "—",
    "By the time the debates began, Trump led.", "By contrast, Trump has 5 percent.", "By 2015, the market slid.",
    "Photos showed the damage, officials said.", "Credit markets fell sharply.", "Related talks resume on Monday.",
    "Reporting by Jane Doe; the talks failed", "(Reporting by Jane Doe; editing by John Roe) the minister said",
    "Reporting by the BBC showed the damage; editing by John Roe", "Research by Jane Doe showed that prices rose",
    "Research by Harvard Scientists",
])
def test_sentences_are_not_furniture(line):
    assert not is_non_sentence(line)


@pytest.mark.slow
def test_wire_copy_sentences(pipeline):
    from newsgraph.nlp import sentences

    doc = pipeline.nlp(WIRE)
    got = [s.text for s in sentences(doc)]
    assert got == [
        "Ministers agree on fishing quotas",
        "OSLO (AP) — Norway and Iceland agreed on Monday to share the mackerel catch, officials said.",
        "The deal runs for five years.",
        "Associated Press writer Jan Smit in Reykjavik contributed to this report.",
    ]


PAGE = (
    "Ministers agree on fishing quotas\n\n"
    "By Jane Doe and John Roe, Reuters\n\n"
    "Norway and Iceland agreed on Monday to share the mackerel catch, officials said.\n\n"
    "(AP Photo/Jan Smit)\n\n"
    "Read more: Why the last talks failed\n\n"
    "By the time the talks ended, both sides were tired.\n\n"
    "(Reporting by Jan Smit in Oslo; editing by Ann Lee)"
)


@pytest.mark.slow
def test_bylines_credits_and_links_are_no_sentences(pipeline):
    from newsgraph.nlp import sentences

    got = [s.text for s in sentences(pipeline.nlp(PAGE))]
    assert got == [
        "Ministers agree on fishing quotas",
        "Norway and Iceland agreed on Monday to share the mackerel catch, officials said.",
        "By the time the talks ended, both sides were tired.",
    ]
    analysis = pipeline.analyze(PAGE, published="2016-03-04")
    assert [PAGE[s.start:s.end] for s in analysis.sentences] == got


@pytest.mark.slow
def test_every_layer_skips_furniture(pipeline):
    analysis = pipeline.analyze(WIRE, published="2016-03-04")
    texts = [WIRE[s.start:s.end] for s in analysis.sentences]
    assert not any(is_non_sentence(t) for t in texts)
    assert texts[1].startswith("OSLO (AP) — Norway")
    # indices of events still point at the sentences that are there
    assert analysis.events and all(0 <= ev.sentence < len(analysis.sentences) for ev in analysis.events)


@pytest.mark.slow
def test_dateline_alone_on_its_line_joins_the_next(pipeline):
    from newsgraph.nlp import sentences

    doc = pipeline.nlp("Shares rise\n\nLONDON (Reuters) -\nBritish shares rose on Monday. Banks led.")
    assert [s.text for s in sentences(doc)][1] == "LONDON (Reuters) -\nBritish shares rose on Monday."


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    ('"Neither side is likely to help the markets."\nTraders were calm.',
     ['"Neither side is likely to help the markets."', "Traders were calm."]),
    ("“Mayor Diaz, blink twice if you’re in trouble!” one reader wrote.",
     ["“Mayor Diaz, blink twice if you’re in trouble!” one reader wrote."]),
    ('He wrote: "This is their choice." Then he left.', ['He wrote: "This is their choice."', "Then he left."]),
])
def test_closing_quote_marks_end_their_sentence(pipeline, text, expected):
    from newsgraph.nlp import sentences

    assert [s.text for s in sentences(pipeline.nlp(text))] == expected


@pytest.mark.slow
def test_a_quote_never_starts_with_the_dateline(pipeline):
    text = "Talks stall\n\nOSLO (AP) — The government criticized Sweden on Monday over fishing rights, officials said."
    analysis = pipeline.analyze(text, published="2016-05-02")
    assert analysis.quotes
    assert all(not q.content.startswith("OSLO") for q in analysis.quotes)
    assert any(q.content.startswith("The government criticized") for q in analysis.quotes)


def test_doc_text_follows_the_doc_in_hand():
    nlp = spacy.blank("en")
    first, second = nlp("OSLO (AP) — One."), nlp("Two and three.")
    assert doc_text(first) == first.text
    assert doc_text(second) == second.text  # the cached text is another doc's: rebuilt
    assert doc_text(first) == first.text
    gone = weakref.ref(first)  # the doc whose text is held now
    del first
    gc.collect()
    assert gone() is None  # the cache does not keep a doc alive
