"""The faster spaCy components nlp.load_model swaps in (fastspacy: MemoLemmas, ArrayMatches) annotate as spaCy's own (synthetic text)."""
from __future__ import annotations

from spacy.lookups import Lookups

from newsgraph.fastspacy import ArrayMatches, IndexedLookups, MemoLemmas, blas_products
from newsgraph.nlp import children, load_model, tokens

TEXT = ("The ministers were meeting in Lisbon on Tuesday. She said the talks had gone better than "
        "expected, and they are going to meet again. Running costs rose; the better offers came later. "
        "Officials say the ministers' meetings ran long. He is taller than the others and was the best.\n\n"
        "We're gonna win, y'all ain't seen nothin'. I can't say, 'cause it GETS late and he got tired. "
        "Let's go, c'mon, there is time; I gotta tell it to you whether or not you have done it.")


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


def _fresh_lemmas(nlp, texts) -> list:
    """Lemmas with the lemmatizer's caches (spaCy's and the memo) emptied first, so every word is
    lemmatised by the rules again."""
    lemmatizer = nlp.get_pipe("lemmatizer")
    lemmatizer.cache.clear()
    lemmatizer.__dict__.get("_newsgraph_memo", {}).clear()
    return [[t.lemma_ for t in nlp(text)] for text in texts]


def test_indexed_lookups_lemmatise_as_spacys_lists(pipeline):
    nlp = pipeline.nlp
    lemmatizer = nlp.get_pipe("lemmatizer")
    indexed = lemmatizer.lookups
    assert isinstance(indexed, IndexedLookups)
    assert isinstance(indexed.get_table("lemma_index").get("verb"), frozenset)
    plain = Lookups()
    plain._tables = indexed._tables  # the same tables, read as spaCy reads them
    assert isinstance(plain.get_table("lemma_index").get("verb"), list)
    texts = [TEXT, TEXT.lower(), TEXT.upper()]
    ours = _fresh_lemmas(nlp, texts)
    lemmatizer.lookups = plain
    try:
        spacys = _fresh_lemmas(nlp, texts)
    finally:
        lemmatizer.lookups = indexed
        _fresh_lemmas(nlp, [])
    assert ours == spacys
    assert "meet" in ours[0] and "rise" in ours[0]


def _annotations(doc) -> list:
    return [(t.lemma_, t.pos_, t.tag_, str(t.morph)) for t in doc]


def test_array_matches_equal_spacys(pipeline):
    nlp = pipeline.nlp
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, ArrayMatches)
    fast, plain = type(ruler), type(ruler).__mro__[2]
    doc = nlp.make_doc(TEXT)
    for name, proc in nlp.pipeline:
        if name == "attribute_ruler":
            break
        doc = proc(doc)
    ours = ruler.match(doc)
    assert ours == plain.match(ruler, doc) and len(ours) >= len(doc)  # the tag map matches every token
    assert any(end - start == 2 for _, _, start, end in ours)  # "gonna", "y'all": two-token patterns
    ruler.__class__ = plain
    try:
        spacys = _annotations(nlp(TEXT))
    finally:
        ruler.__class__ = fast
    assert _annotations(nlp(TEXT)) == spacys


def _parse(doc) -> list:
    return [(t.tag_, t.head.i, t.dep_, t.ent_iob_, t.ent_type_, t.is_sent_start) for t in doc]


def test_blas_products_parse_as_blis(pipeline):
    from thinc.api import NumpyOps

    nlp = pipeline.nlp
    switched = [node for _, proc in nlp.pipeline if hasattr(getattr(proc, "model", None), "walk")
                for node in proc.model.walk() if type(node.ops) is NumpyOps and not node.ops.use_blis]
    assert len(switched) > 10  # tok2vec, tagger, parser and NER layers, not one by chance
    texts = [TEXT, TEXT.upper()]
    ours = [_parse(doc) for doc in nlp.pipe(texts)]
    blis, numpys = NumpyOps(), switched[0].ops
    assert blis.use_blis
    for node in switched:
        node.ops = blis
    try:
        spacys = [_parse(doc) for doc in nlp.pipe(texts)]
    finally:
        for node in switched:
            node.ops = numpys
    assert ours == spacys
    assert any(ent for doc in ours for _, _, _, _, ent, _ in doc)  # NER ran: Lisbon, Tuesday


def test_blas_products_switch_only_blis_layers(pipeline):
    assert blas_products(pipeline.nlp) == 0  # load_model switched them all already


def test_positions_by_value_list_each_values_positions_in_order():
    import numpy as np

    from newsgraph.fastspacy import _positions_by_value

    cells = np.array([7, 3, 7, 9, 3, 7], dtype=np.uint64)
    assert _positions_by_value(cells) == {3: [1, 4], 7: [0, 2, 5], 9: [3]}
    assert _positions_by_value(np.zeros(0, dtype=np.uint64)) == {}


def test_token_writes_leave_any_other_attribute_to_spacy():
    from spacy.attrs import IS_STOP, LEMMA, POS

    from newsgraph.fastspacy import _token_writes

    columns, writes = _token_writes([{POS: 92}, {LEMMA: 5, POS: 100}])
    assert columns == [POS, LEMMA] and writes == [[(0, 92)], [(1, 5), (0, 100)]]
    assert _token_writes([{POS: 92}, {IS_STOP: 1}]) is None  # a lexeme flag: spaCy sets it on the lexeme
    assert _token_writes([{"_": {"x": 1}}]) is None  # extension attributes


def test_children_are_spacys_from_the_tokens_made_once(pipeline):
    doc = pipeline.nlp(TEXT)
    made = tokens(doc)
    for token in doc:
        found = children(token)
        assert [c.i for c in found] == [c.i for c in token.children]
        assert all(c is made[c.i] for c in found)  # the doc's Token objects, no new ones
    assert any(children(token) for token in doc)  # the text has dependents at all


def test_children_follow_the_doc_in_hand(pipeline):
    first, second = pipeline.nlp("Officials met on Monday."), pipeline.nlp("The long talks ended.")
    assert [c.text for c in children(first[1])] == [c.text for c in first[1].children]
    assert [c.text for c in children(second[3])] == [c.text for c in second[3].children]
