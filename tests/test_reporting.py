"""The one reporting-verb lexicon (newsgraph.reporting) and the layers that read it."""
from __future__ import annotations

import pytest

from newsgraph import reporting
from newsgraph.events.lexicon import load_lexicon
from newsgraph.quotes.lexicon import cue_class, cue_sense


def test_every_entry_has_a_known_class_and_sense():
    verbs = reporting.reporting_verbs()
    assert len(verbs) > 100
    for lemma, verb in verbs.items():
        assert lemma == verb.lemma == lemma.lower()
        assert verb.cls in reporting.CLASSES and verb.sense in reporting.SENSES
        assert verb.as_dict() == {"lemma": lemma, "cls": verb.cls, "sense": verb.sense}


def test_clause_verbs_are_the_speech_and_thought_cues():
    assert {"say", "tell", "warn", "believe", "think", "expect"} <= reporting.clause_verbs()
    assert "call" not in reporting.clause_verbs()      # label: takes a quoted phrase, not a clause
    assert "continue" not in reporting.clause_verbs()  # only links a direct quote
    assert "want" not in reporting.clause_verbs()      # act: the object is the content


def test_quotes_events_and_voice_read_the_same_list():
    for lemma, verb in reporting.reporting_verbs().items():
        assert cue_class(lemma) == verb.cls and cue_sense(lemma) == verb.sense
    assert load_lexicon().reporting_verbs == reporting.clause_verbs()
    from newsgraph.voice.stance import REPORTING_HEADS

    assert REPORTING_HEADS == reporting.clause_verbs()


def test_a_bad_line_names_the_lemma():
    with pytest.raises(ValueError, match="'mumble'"):
        reporting._parse("mumble\tspeech\tgossip")
    with pytest.raises(ValueError, match="'mumble'"):
        reporting._parse("mumble\tshout\tspeech")


def test_one_channel_list_for_quotes_and_events():
    from newsgraph.events import senses
    from newsgraph.quotes import attribution, indirect

    channels = reporting.channel_nouns()
    assert {"statement", "interview", "poll", "ad"} <= channels
    assert indirect.SOURCE_NOUNS == channels
    assert senses.channel_nouns() == channels and attribution.channel_nouns() == channels


def test_speaker_nouns_come_from_their_data_file():
    from newsgraph.quotes.lexicon import PERSON_NOUNS, _lines

    assert PERSON_NOUNS == frozenset(_lines("speakers.txt"))
    assert {"official", "spokeswoman", "ministry", "poll"} <= PERSON_NOUNS


def test_one_no_comment_list_for_events_and_voice():
    listed = reporting.comment_verbs()
    assert load_lexicon().comment_verbs == listed  # events read the list of newsgraph.reporting
    assert {"comment", "say", "name", "provide"} <= listed
    assert "condemn" not in listed  # a refusal to condemn refuses an act asked for: no "no comment"
