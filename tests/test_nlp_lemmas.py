"""The memoised rule lemmatizer (nlp.MemoLemmas) gives spaCy's own lemmas (synthetic text)."""
from __future__ import annotations

from newsgraph.nlp import MemoLemmas, load_model

TEXT = ("The ministers were meeting in Lisbon on Tuesday. She said the talks had gone better than "
        "expected, and they are going to meet again. Running costs rose; the better offers came later. "
        "Officials say the ministers' meetings ran long. He is taller than the others and was the best.")


def test_the_models_lemmatizer_is_memoised(pipeline):
    assert isinstance(pipeline.nlp.get_pipe("lemmatizer"), MemoLemmas)


def test_memoised_lemmas_equal_spacys(pipeline):
    nlp = pipeline.nlp
    lemmatizer = nlp.get_pipe("lemmatizer")
    memoised, plain = type(lemmatizer), type(lemmatizer).__mro__[2]  # the model's own class
    assert plain.__call__ is not MemoLemmas.__call__
    texts = [TEXT, TEXT.upper(), TEXT]  # the third reads the memo only
    ours = [[t.lemma_ for t in nlp(text)] for text in texts]
    lemmatizer.__class__ = plain
    try:
        spacys = [[t.lemma_ for t in nlp(text)] for text in texts]
    finally:
        lemmatizer.__class__ = memoised
    assert ours == spacys
    assert "be" in ours[0] and "meeting" in ours[0] and "meet" in ours[0]
    assert load_model(pipeline.config.model) is nlp
