"""Quotes: speakers and cues the parse misleads (synthetic sentences, session 7)."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsgraph.quotes import find_quotes
from newsgraph.quotes.indirect import clause_drafts

from .helpers import quote_with

pytestmark = pytest.mark.slow  # loads the spaCy model


def _quotes(pipeline, text):
    from newsgraph.nlp import sentences

    doc = pipeline.nlp(text)
    return find_quotes(doc, sentences(doc))


def test_a_cue_word_inside_a_name_is_no_headline_cue(pipeline):
    # "State" of "Ohio State Harbor Board" is a word of the name, not the verb "state"
    quotes = _quotes(pipeline, "New Jersey State Harbor Board reportedly reviewing levy – Port Daily")
    assert not [q for q in quotes if q.cue is not None and q.cue.text == "State"]


def test_an_inflected_or_verb_tagged_headline_cue_still_counts(pipeline):
    quote = quote_with(_quotes(pipeline, "Pilots Warn Fares Will Rise Again"), "Fares Will Rise")
    assert quote.speaker_mention.text == "Pilots"


def _parsed(pipeline, rows: list[tuple[str, int, str, str, str, str]]) -> Doc:
    """A Doc from (word, head, dep, pos, tag, lemma) rows: the parse a test needs, exactly."""
    words, heads, deps, pos, tags, lemmas = (list(col) for col in zip(*rows))
    return Doc(pipeline.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


def test_of_two_subjects_the_one_nearest_the_cue_speaks(pipeline):
    # "Mixed signals: the wording is unclear, lawyers say" with both nouns hung on "say" as subjects
    doc = _parsed(pipeline, [
        ("Mixed", 1, "amod", "ADJ", "JJ", "mixed"), ("signals", 9, "nsubj", "NOUN", "NNS", "signal"),
        (":", 1, "punct", "PUNCT", ":", ":"), ("the", 4, "det", "DET", "DT", "the"),
        ("wording", 5, "nsubj", "NOUN", "NN", "wording"), ("is", 9, "ccomp", "AUX", "VBZ", "be"),
        ("unclear", 5, "acomp", "ADJ", "JJ", "unclear"), (",", 9, "punct", "PUNCT", ",", ","),
        ("lawyers", 9, "nsubj", "NOUN", "NNS", "lawyer"), ("say", 9, "ROOT", "VERB", "VBP", "say"),
    ])
    found = [d for d in clause_drafts(doc[:]) if "unclear" in doc.text[d.start:d.end]]
    assert found and found[0].speaker.text == "lawyers"


def test_a_participle_cue_takes_the_subject_of_a_passive_clause(pipeline):
    text = "After saying the old bridge was unsafe, the engineer was taken off the project."
    quote = quote_with(_quotes(pipeline, text), "the old bridge was unsafe")
    assert quote.speaker_mention.text == "the engineer"


def test_an_it_that_acted_and_then_spoke_is_a_speaker(pipeline):
    text = "The port authority published no figures. Instead, it attacked the mayor, saying the levy was unfair to small ferries."
    quote = quote_with(_quotes(pipeline, text), "the levy was unfair")
    assert quote.speaker_mention.text == "it"


def test_the_writers_sentence_before_an_opening_mark_is_not_the_quote(pipeline):
    # the splitter keeps ". ''" together; the parser then hangs both sentences on "said"
    text = "The family leans toward the cheaper school. ''If you can get into the better school, you will do fine anyway,'' Ms. Ortiz said."
    quote = quote_with(_quotes(pipeline, text), "you will do fine anyway")
    assert quote.content.startswith("If you can get") and quote.kind == "direct"
    assert quote.speaker_mention.text == "Ms. Ortiz"


def test_when_and_where_after_a_quoted_label_are_not_content(pipeline):
    quotes = _quotes(pipeline, "Bell blasted the mayor as a “disgrace” Wednesday on the Morning Harbor Show.")
    assert quote_with(quotes, "disgrace").content == "the mayor as a “disgrace”"
    quotes = _quotes(pipeline, "Ruiz criticized the levy as a “crazy system” during a campaign stop in Dover.")
    assert quote_with(quotes, "crazy system").content == "the levy as a “crazy system”"


def test_a_date_on_the_verb_is_no_object(pipeline):
    quotes = _quotes(pipeline, "Keron Lee, director of the group, called for a “fair deal” for the harbor workers in a statement on Thursday.")
    assert quote_with(quotes, "fair deal").content == "for a “fair deal” for the harbor workers"


def test_a_date_inside_the_object_stays(pipeline):
    quotes = _quotes(pipeline, "Critics want the board to audit the port during Monday's meeting at the town hall.")
    assert "Monday's meeting" in quote_with(quotes, "audit the port").content


def test_a_link_line_between_paragraphs_does_not_break_the_speaker(pipeline):
    text = ("Harbor chief Ana Cole warned: “The port will not wait. It will close the piers if the levy fails.\n"
            "SEE MORE: Harbor strike enters its third week\n"
            "“If the board keeps stalling, we will take the fight to the courts. We have the votes and the will.”")
    quote = quote_with(_quotes(pipeline, text), "take the fight to the courts")
    assert quote.speaker_mention is not None and quote.speaker_mention.text.endswith("Ana Cole")


def test_a_reported_clause_ends_at_a_sentence_end_the_splitter_missed(pipeline):
    from newsgraph.quotes.cues import Cue
    from newsgraph.quotes.draft import INDIRECT, Draft
    from newsgraph.quotes.edges import within_sentence

    doc = pipeline.nlp("The ferry was late. The crew is tired, the captain said.")
    said = next(t for t in doc if t.lower_ == "said")
    cue = Cue(said, "speech", said.idx, said.idx + len(said))
    glued = Draft(0, doc.text.index(", the captain"), INDIRECT, cue, None)
    assert doc.text[slice(*_bounds(within_sentence(glued, doc, ())))] == "The crew is tired"


def _bounds(draft):
    return draft.start, draft.end


def test_marked_words_running_into_the_noun_they_name_are_no_quote(pipeline):
    quotes = _quotes(pipeline, "Ohio governor doubles down on 'rust, we're on it' anti-rust campaign")
    assert not [q for q in quotes if "we're on it" in q.content]


def test_a_quote_handing_over_to_its_speaker_stays(pipeline):
    quote = quote_with(_quotes(pipeline, "“We will win this fight” officials promised on Friday."), "win this fight")
    assert quote.speaker_mention.text == "officials"


def test_a_subordinate_clause_with_its_own_cue_is_no_parenthetical(pipeline):
    quotes = _quotes(pipeline, "The port said it is committed to the harbor plan, while the city's police deny accusations of brutality.")
    assert quote_with(quotes, "committed to the harbor plan").speaker_mention.text == "The port"
    assert quote_with(quotes, "accusations of brutality").content == "accusations of brutality"


def test_a_headline_label_ending_with_a_name_gives_the_speaker(pipeline):
    quote = quote_with(_quotes(pipeline, "A lesson from Ana Cole: 'Be the harbor that sailors trust.'"), "sailors trust")
    assert quote.speaker_mention.text == "Ana Cole"


def test_a_second_headline_verb_ends_the_first_report(pipeline):
    quote = quote_with(_quotes(pipeline, "Cole Says Pirates Hacked Port, Calls Mayor's Remarks 'Troubling.'"), "Pirates Hacked")
    assert quote.content == "Pirates Hacked Port"


def test_a_second_headline_verb_reports_the_rest_for_the_same_subject(pipeline):
    quote = quote_with(_quotes(pipeline, "Cole Says Pirates Hacked Port, Calls Mayor's Remarks 'Troubling.'"), "Remarks")
    assert quote.content.startswith("Mayor's Remarks") and quote.cue.text == "Calls"
    assert quote.speaker_mention.text == "Cole"


def test_would_like_is_a_wish_that_takes_in_what_it_wishes_for(pipeline):
    text = "Some harbor officials would like to see the union agree to large wage cuts."
    quote = quote_with(_quotes(pipeline, text), "wage cuts")
    assert quote.cue.text == "like" and quote.cue_class == "intention"
    assert quote.speaker_mention.text == "Some harbor officials"


def test_a_for_inside_a_capitalised_name_is_part_of_the_speaker(pipeline):
    quote = quote_with(_quotes(pipeline, "Citizens for Norway says the levy is unfair to small ferries."), "unfair")
    assert quote.speaker_mention.text == "Citizens for Norway"
    quote = quote_with(_quotes(pipeline, "Ruiz for the first time said the plan would fail."), "would fail")
    assert quote.speaker_mention.text == "Ruiz"


def test_seeing_a_prospect_is_a_view_seeing_a_thing_is_not(pipeline):
    quote = quote_with(_quotes(pipeline, "The harbor board sees a growing risk of floods this winter."), "growing risk")
    assert quote.cue_class == "perception" and quote.speaker_mention.text == "The harbor board"
    assert not _quotes(pipeline, "The visitors saw the old fort from the ferry.")


def test_a_quote_running_into_a_paragraph_of_its_own_is_one_quote_per_paragraph(pipeline):
    text = ("Harbor chief Ana Cole said: “The port will not wait. It will close the piers if the levy fails.\n"
            "“If the board keeps stalling, we will take the fight to the courts.”")
    quotes = _quotes(pipeline, text)
    first, second = quote_with(quotes, "will not wait"), quote_with(quotes, "keeps stalling")
    assert first is not second and "\n" not in first.content
    assert second.content.startswith("If the board") and second.speaker_mention.text == first.speaker_mention.text


def test_a_memo_saying_is_its_issuers_also_through_control(pipeline):
    text = "Harbor Trust chair Ana Cole felt compelled last July to issue a memo instructing the crews to stay home."
    quote = quote_with(_quotes(pipeline, text), "the crews to stay home")
    assert quote.speaker_mention.text.endswith("Ana Cole")


def test_a_relative_clause_after_an_aside_is_about_the_noun_before_it(pipeline):
    text = "The mayor pushed back against critics — like councillor Ray Ortiz — who say the levy is unfair."
    quote = quote_with(_quotes(pipeline, text), "the levy is unfair")
    from newsgraph.quotes.cues import antecedent

    doc = pipeline.nlp(text)
    who = next(t for t in doc if t.lower_ == "who")
    assert quote.speaker_mention.text == "who" and antecedent(who).text == "critics"


def test_a_participle_of_saying_on_a_passive_clause_is_its_subjects(pipeline):
    text = "The harbor board is frustrated with the ferry operators, saying they failed to share the timetable."
    quote = quote_with(_quotes(pipeline, text), "failed to share the timetable")
    assert quote.speaker_mention.text == "The harbor board"


def test_a_passive_view_with_no_holder_is_reported_with_no_speaker(pipeline):
    # "seen as X" / "considered X" is a view others hold; an infinitive ("is expected to") is a forecast.
    quote = quote_with(_quotes(pipeline, "The harbor levy was widely seen as an attempt to punish the ferry line."),
                       "an attempt to punish")
    assert quote.speaker_mention is None and quote.cue.text == "seen"
    assert quote_with(_quotes(pipeline, "The port is considered a national asset."), "a national asset")
    assert not _quotes(pipeline, "Mayor Reyes is expected to meet the board on Friday.")
