"""Sentence boundaries inside a line, and page lines that are no sentence (synthetic text)."""
from __future__ import annotations

import pytest

from newsgraph.nlp import reporting_forms
from newsgraph.pagelines import is_non_sentence, is_wire_credit, opens_wire_credit


def _sentences(pipeline, text: str) -> list[str]:
    from newsgraph.nlp import sentences

    return [s.text for s in sentences(pipeline.nlp(text))]


def _before_parser(pipeline, text: str):
    doc = pipeline.nlp.make_doc(text)
    for name, proc in pipeline.nlp.pipeline:
        if name == "parser":
            break
        doc = proc(doc)
    return doc


@pytest.mark.slow
def test_the_parser_may_open_a_sentence_only_after_a_full_stop(pipeline):
    text = "Mayor Quits - The Planet\nShe said: we lost and we know it; it hurt. Then (at last!) he left... Fine?"
    doc = _before_parser(pipeline, text)
    free = [t.text for t in doc if t.is_sent_start is None and not t.is_space]  # the parser's choice
    opens = [t.text for t in doc if t.is_sent_start]
    assert opens == ["Mayor", "She"]
    assert free == ["Then", "Fine"]  # after ". " and "... "; not "he", lower case, after "!) "
    assert doc[len(doc) - 1].is_sent_start is False  # "?" right after "Fine"


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    # a title in title case, cut by the parser where no sentence closes
    ("Governor Slams Council Over Budget Vote\nThe council met on Monday.",
     ["Governor Slams Council Over Budget Vote", "The council met on Monday."]),
    ("Council Approves Budget - The Daily Planet\nThe council met on Monday.",
     ["Council Approves Budget - The Daily Planet", "The council met on Monday."]),
    # a colon, a semicolon and a dash do not close a sentence
    ("She answered with a grin: “It can happen to anyone.” Nobody laughed.",
     ["She answered with a grin: “It can happen to anyone.”", "Nobody laughed."]),
    ("The vote was close; the motion failed. Then came the recess.",
     ["The vote was close; the motion failed.", "Then came the recess."]),
    # still cut where a sentence closes, abbreviations left to the parser
    ("Mr. Brown met Gov. White in the U.S. Capitol on Jan. 5 at 3 p.m. The talks ended.",
     ["Mr. Brown met Gov. White in the U.S. Capitol on Jan. 5 at 3 p.m.", "The talks ended."]),
])
def test_a_sentence_opens_only_after_a_full_stop(pipeline, text, expected):
    assert _sentences(pipeline, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    ("“Why would anyone sell it?” Ana Ruiz asked. She left.",
     ["“Why would anyone sell it?” Ana Ruiz asked.", "She left."]),
    ("“Stop it now!” The mayor shouted at the crowd.", ["“Stop it now!” The mayor shouted at the crowd."]),
    # a full stop before the quote mark closes the sentence
    ("“We will never give up.” Jones then left the hall.", ["“We will never give up.”", "Jones then left the hall."]),
])
def test_attribution_after_a_quoted_question_stays(pipeline, text, expected):
    assert _sentences(pipeline, text) == expected


@pytest.mark.slow
def test_a_link_closing_a_line_stays_with_its_sentence(pipeline):
    text = "Nobody is taking your motto. https://t.co/AbCd123\nThe state replied on Monday."
    assert _sentences(pipeline, text) == ["Nobody is taking your motto. https://t.co/AbCd123",
                                           "The state replied on Monday."]


@pytest.mark.slow
def test_lines_of_names_or_places_are_no_sentences(pipeline):
    text = ("Maria Lopez\n\nThe council should rethink the budget before the vote.\n\n"
            "Jane Doe.\n\nAustin, Texas.\n\nThe bridge is far too expensive.\n\nJohn Smith")
    assert _sentences(pipeline, text) == [
        "Maria Lopez",  # the title line is kept: a headline in title case may pass for a name
        "The council should rethink the budget before the vote.",
        "The bridge is far too expensive.",
    ]


@pytest.mark.slow
def test_teaser_block_is_left_out_whole(pipeline):
    text = ("The council met on Monday.\n"
            "DON'T MISS\n"
            "Mayor opens the new bridge. Crowds cheer [PICTURES]|\n"
            "Council votes on the budget\xa0[VIDEO]\n"
            "The vote is due in May.")
    assert _sentences(pipeline, text) == ["The council met on Monday.", "The vote is due in May."]


@pytest.mark.parametrize("line", [
    "SEE MORE: Ten things to know about the vote", "Watch: The mayor speaks", "DON'T MISS", "Recommended",
    "Must read - The budget in charts", "Council votes on budget [VIDEO]", "Mayor opens bridge\xa0[PICTURES]|",
    "Comments", "12 comments", "View comments", "— Jane Doe (@janedoe) May 3, 2019",
    "A post shared by Jane Doe (@janedoe) on May 3, 2019 at 2:10pm PDT", "https://t.co/AbCd123",
    "pic.twitter.com/AbCd123", "LETTERS.", "ANALYSIS", "2019-11-19T08:57:40+01:00", "Source: Planet News",
    "h/t: The Daily Star.", "Jane Doe via Getty Images.", "(Jane Doe/AP)", "[Jane Doe, The Planet]", "[Reuters]",
    "Twitter: @janedoe.", "Follow Jane Doe on Twitter @janedoe", '<post post-id="123"><post/>.',
    # a style sheet left in the text: selectors, declarations, closing braces
    ".bio-box, .bio-box img {", "@media screen and (max-width: 480px) {", "font-size:13px;",
    "border-bottom: 2px dotted #abcabc;", "-moz-box-shadow: 0 0 4px;", "font-family:Georgia, Times, serif;", "}", "}.",
    # a wire credit going on "with reporting by"
    "(Reporting by Jane Doe, Ann Roe, with reporting by John Poe and Mark Lee, editing by Bill Moe.)",
])
def test_page_lines(line):
    assert is_non_sentence(line)


@pytest.mark.parametrize("line", [
    "More than 100 people attended the rally.", "Watching the vote, she smiled.", "Recommended changes were dropped.",
    "Comments from the mayor angered residents.", "The comments drew criticism.", "NATO agreed.", "SMITH:", "US",
    "— the minister said on Monday", "Trending topics included the vote.", "The tag [VIDEO] was missing, he said.",
    "The images were distributed via AP.", "Sources say the deal is close.", "[The talks] ended on Monday, he said.",
    "Follow the money, she said.", "He wrote <b>nothing</b> at all.", "Source material was lost.",
    "note: the harbour reopens on Monday;", "the plan has three parts: roads, rail and ports;", "He wrote {",
    "Reporting by the council, with help from residents, was thin.",
])
def test_prose_is_no_page_line(line):
    assert not is_non_sentence(line)


@pytest.mark.slow
@pytest.mark.parametrize("after, joined", [
    (" Ana Ruiz asked.", True), (" The mayor told reporters", True), (" J. R. Smith replied", True),
    (" Others saw no reason to stay.", False),  # perception: no attribution
    (" Critics said that the plan failed.", False),  # a new clause reported
    (" Then Smith said", False), (" Smith.", False),
])
def test_what_attributes_a_quoted_question(pipeline, after, joined):
    from newsgraph.nlp import _attribution

    doc = pipeline.nlp("“Why now?”" + after)
    first = next(t.i for t in doc if t.idx == len("“Why now?” "))
    assert _attribution(doc, first, pipeline.nlp.get_pipe("line_breaks").forms) is joined


@pytest.mark.slow
def test_reporting_forms_are_inflected_from_the_lexicon(pipeline):
    forms = reporting_forms(pipeline.nlp)
    assert {"says", "said", "told", "asked", "replied", "tweeted", "shouted"} <= forms
    assert "saw" not in forms and "thinks" not in forms  # perception and thought do not attribute a quote
    assert {"asked", "replied"} <= reporting_forms()  # the regular forms without a lemmatizer


# -- wire credit lines: one recogniser (pagelines), read by the page-line test and the actors stage --
@pytest.mark.parametrize("line", [
    "(Reporting by Ana Ruiz in Lima; editing by Tom Bell)",
    "Additional reporting by Ana Ruiz; Writing by Tom Bell",
    "(Writing and editing by Ana Ruiz, Compiled by Tom Bell in Oslo.)",
])
def test_whole_wire_credits_open_as_one(line):
    assert is_wire_credit(line) and opens_wire_credit(line)


def test_a_credit_the_strict_test_cannot_read_still_opens_as_one():
    line = "(Reporting by Ana Ruiz and the staff of our Lima bureau, who worked all night)"
    assert opens_wire_credit(line) and not is_wire_credit(line)


@pytest.mark.parametrize("line", [
    "Reporting on the strike by the union was thin.",
    "Reporters were told by the mayor that the bridge would open.",
    "Reporting by " + "word " * 70,
])
def test_prose_opens_no_wire_credit(line):
    assert not opens_wire_credit(line)
