"""Article parsing: layout of plain-text news, HTML extraction, metadata."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from newsgraph.article import RawInput, iso_date, parse_html, parse_input, parse_text
from newsgraph.errors import EmptyInput, NoArticle

from .conftest import FIXTURES

LAYOUT = (
    "Minister Says Budget Talks Were 'Difficult'\r\n\r\n"
    "The finance ministry wants spending cuts, although unions have threatened strikes\r\n\r\n"
    "Finance Minister Clara Voss met union leaders in the capital on Monday to discuss the "
    "2024 budget, officials said. The talks lasted six hours and ended without agreement.\r\n\r\n"
    "Author: Tom Reyes and Ines Park\r\n\r\n"
    "Tom Reyes is the economics editor of Ledger.net, follow him on Twitter @treyes.\r\n"
)


def test_layout_finds_title_subtitle_authors_publisher():
    art = parse_text(LAYOUT)
    assert art.title == "Minister Says Budget Talks Were 'Difficult'"
    assert art.subtitle.startswith("The finance ministry wants spending cuts")
    assert art.authors == ("Tom Reyes", "Ines Park")
    assert art.publisher == "Ledger.net"


def test_plain_text_is_kept_apart_from_line_endings():
    art = parse_text(LAYOUT)
    assert art.text == LAYOUT.replace("\r\n", "\n")


def test_body_only_text_has_no_title():
    body = "Police arrested two men on Friday. " * 3
    art = parse_text(body)
    assert art.title is None and art.subtitle is None and art.authors == ()


def test_metadata_from_record_wins_over_layout():
    art = parse_text(LAYOUT, meta={"title": "Given title", "published": "2024-02-01", "id": "x1"})
    assert (art.title, art.published, art.id) == ("Given title", "2024-02-01", "x1")


def test_overrides_apply_to_any_input():
    art = parse_input(RawInput("t", text=LAYOUT), published="2020-01-02", publisher="Wire")
    assert (art.published, art.publisher) == ("2020-01-02", "Wire")


def test_empty_text_is_refused():
    with pytest.raises(EmptyInput):
        parse_text(" \n\n ")


def test_html_extraction_keeps_metadata_and_body():
    art = parse_html((FIXTURES / "flood_report.html").read_text())
    assert art.title == "Floods force thousands from homes in river valley"
    assert art.publisher == "The Daily Ledger"
    assert art.published == "2023-03-14"
    assert "Samuel Okafor" in art.authors
    assert "Red Cross appealed for blankets" in art.text
    assert "All rights reserved" not in art.text


def test_html_without_article_is_refused():
    with pytest.raises(NoArticle):
        parse_html("<html><head><title>x</title></head><body><nav>Home</nav></body></html>")


def test_html_fallback_takes_paragraphs_when_extraction_is_thin():
    paras = "".join(f"<p>Paragraph {i} tells readers about the harbour strike and the talks that followed it.</p>" for i in range(3))
    art = parse_html(f"<html><body><div>{paras}</div></body></html>")
    assert "Paragraph 2 tells readers" in art.text


@pytest.mark.parametrize("value, expected", [
    ("2021-05-20T10:00:00Z", "2021-05-20"),
    ("May 20, 2021", "2021-05-20"),
    (None, None),
    ("not a date at all", None),
])
def test_iso_date(value, expected):
    assert iso_date(value) == expected


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=400))
def test_parse_text_never_crashes_and_keeps_text(text):
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    if not normalised.strip():
        with pytest.raises(EmptyInput):
            parse_text(text)
        return
    art = parse_text(text)
    assert art.text == normalised
    assert art.title is None or art.title in art.text
