"""Faster drop-ins for two of spaCy's own components, annotating exactly as they do, and the
models' matrix products through numpy's BLAS (`blas_products`).

`load_model` swaps them in (`faster_components`) only where the model has spaCy's unmodified
class: `MemoLemmas` for the rule lemmatizer (its lookups through `IndexedLookups`),
`ArrayMatches` for the attribute ruler. Everything else about each component stays spaCy's
(they are mixed in before its class), and tests/test_nlp_speed.py checks lemmas, tags, POS,
morphology and match lists against spaCy's.
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.language import Language
from spacy.lookups import UNSET, Lookups, Table
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from thinc.api import Model, NumpyOps

from .threads import one_blas_thread


class MemoLemmas:
    """spaCy's rule lemmatizer with each (word, POS, morphology) lemmatised once per process.

    spaCy's `Lemmatizer.__call__` makes a Token object per token and calls `rule_lemmatize`,
    whose own cache misses every base form and proper noun (they return before it is filled):
    13.8 ms of an article's 175 ms parse. The rule lemma is a function of the word, its POS and its
    morphology alone (spaCy's cache is keyed by them), so reading those as arrays and asking
    the lemmatizer only for a key not seen before gives the same lemmas; the key's first token
    is the one asked, as spaCy's cache keeps its first answer too. Mixed in before the model's
    own lemmatizer class (load_model), so everything else about the component stays spaCy's.
    """

    MAX_MEMO = 500_000  # distinct keys kept; then the memo starts over, so memory stays bounded

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables(Errors.E1004)
        try:
            memo = self.__dict__.setdefault("_newsgraph_memo", {})
            if len(memo) > self.MAX_MEMO:
                memo.clear()
            rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
            lemmas = rows[:, 3].copy()
            todo = range(len(doc)) if self.overwrite else np.flatnonzero(lemmas == 0).tolist()
            keys = rows[:, :3].tolist()
            strings = doc.vocab.strings
            for i in todo:
                key = tuple(keys[i])
                lemma = memo.get(key)
                if lemma is None:
                    lemma = memo[key] = strings.add(self.lemmatize(doc[i])[0])
                lemmas[i] = lemma
            doc.from_array([LEMMA], lemmas)
            return doc
        except Exception as e:
            self.get_error_handler()(self.name, self, [doc], e)


class IndexedLookups(Lookups):
    """The lemmatizer's lookups, with each POS's index of known lemmas read as a set.

    spaCy's `rule_lemmatize` asks `form in index` of the index's list (thousands of words per
    POS) for every rule whose suffix fits: about 0.1 ms a word, so the memo's first sight of a
    word cost 12 ms an article over the 84 PolNeAR dev articles (a run's first articles, each
    worker's too). A frozenset holds the same words and is empty where the list is, so the
    lemmas are the same. The tables themselves are shared, unchanged: saving the model writes
    spaCy's lists."""

    _INDEX = "lemma_index"

    @classmethod
    def over(cls, lookups: Lookups) -> "IndexedLookups":
        indexed = cls()
        indexed._tables = lookups._tables
        return indexed

    def get_table(self, name: str, default=UNSET):
        table = super().get_table(name, default)
        if name != self._INDEX or not isinstance(table, Table):
            return table
        held = self.__dict__.get("_indexed")
        if held is None or held[0] is not table:  # made once, again only if the table is replaced
            held = self._indexed = (table, _as_sets(table))
        return held[1]


def _as_sets(table: Table) -> Table:
    """The table with each value (a POS's list of lemmas) as a frozenset; keys are the table's own hashes."""
    indexed = Table(name=table.name)
    for key, forms in table.items():
        indexed[key] = frozenset(forms)
    return indexed


class ArrayMatches:
    """spaCy's attribute ruler with its patterns matched on arrays instead of spaCy's Matcher.

    The model's attribute ruler (the tag map and its exceptions: 179 patterns of one or two
    tokens, "TAG": "VBZ", "LOWER": {"IN": [...]}) runs spaCy's Matcher, which makes
    Python objects per token and pattern: 17 ms of an article's parse. Here each token of a
    pattern is a boolean column over `Doc.to_array` (equal, IN, NOT_IN, REGEX on the string as
    the Matcher's search), and a pattern of n tokens matches where its n columns, shifted, all
    hold. A pattern of any other shape (operators, other attributes) stays on a Matcher of its
    own. The matches come out as spaCy's `match` gives them, (pattern number, key, start, end)
    sorted, and spaCy's own `set_annotations` applies them in that order, so the annotations
    are the same. Mixed in as MemoLemmas is (load_model).

    A pattern with an equality test (all but a few: "TAG": "VBZ") is checked only where that
    test holds, found in an index of each column's positions by value made once per doc
    (`_anchored_hits`): whole-column tests for each of 179 patterns cost 5 ms an article.
    """

    _COLUMNS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}

    def match(self, doc: Doc):
        plan = self.__dict__.get("_newsgraph_plan")
        if plan is None or plan[0] != len(self.attrs):
            plan = self.__dict__["_newsgraph_plan"] = (len(self.attrs), *self._plan())
        _, columns, single, rest = plan
        found = [(int(self.vocab.strings[key]), key, start, end)
                 for key, start, end in (rest(doc, allow_missing=True, as_spans=False) if len(rest) else ())]
        if single and len(doc):
            table = doc.to_array(columns).reshape(len(doc), len(columns))
            cells, index = table.T.tolist(), _ColumnIndex(table)
            for number, key, alternatives in single:
                for tokens in alternatives:
                    starts = self._anchored_hits(cells, index, tokens)
                    if starts is None:  # no equality test to anchor on
                        starts = np.flatnonzero(self._hits(table, tokens)).tolist()
                    found.extend((number, key, i, i + len(tokens)) for i in starts)
        found.sort()
        return found

    def set_annotations(self, doc: Doc, matches) -> None:
        """spaCy's: each match, in order, sets its pattern's attributes on the token at the
        pattern's index; written here into the doc's attribute table, then back in one
        `Doc.from_array`, which sets the same token fields (spaCy makes a Span and a Token per
        match: 1.7 ms an article). Anything else (extension attributes, lexical attributes,
        an index outside its match, which spaCy reports) goes through spaCy's own."""
        plan = self._writes()
        if plan is None or not matches:
            return super().set_annotations(doc, matches)
        columns, writes = plan
        rows = doc.to_array(columns).reshape(len(doc), len(columns)).tolist()
        for number, _, start, end in matches:
            index = self.indices[number]
            at = (start if index >= 0 else end) + index
            if not start <= at < end:
                return super().set_annotations(doc, matches)
            for column, value in writes[number]:
                rows[at][column] = value
        doc.from_array(columns, np.array(rows, dtype=np.uint64))

    def _writes(self):
        """(columns, per pattern [(column, value)]) when every pattern sets token fields only, else None."""
        held = self.__dict__.get("_newsgraph_writes")
        if held is None or held[0] != len(self.attrs):
            held = self.__dict__["_newsgraph_writes"] = (len(self.attrs), _token_writes(self.attrs))
        return held[1]

    def _anchored_hits(self, cells: list, index: "_ColumnIndex", tokens: list) -> list[int] | None:
        """Where a pattern starts, in order: the positions where its rarest equality test (on its
        k-th token) holds, shifted back by k, kept where its other tests hold; None without one."""
        tests = [(offset, *test) for offset, conditions in enumerate(tokens) for test in conditions]
        anchors = [(len(index.positions(column, value)), n) for n, (_, column, test, value) in enumerate(tests)
                   if test == "=="]
        if not anchors:
            return None
        n = min(anchors)[1]
        k, column, _, value = tests.pop(n)
        last = len(cells[0]) - len(tokens)
        starts = [i - k for i in index.positions(column, value) if 0 <= i - k <= last]
        for offset, column, test, wanted in tests:
            values = cells[column]
            starts = [start for start in starts if self._holds(values[start + offset], test, wanted)]
        return starts

    def _holds(self, cell: int, test: str, wanted) -> bool:
        if test == "==":
            return cell == wanted
        if test == "IN":
            return cell in _members(wanted)
        if test == "NOT_IN":
            return cell not in _members(wanted)
        return self._searched(wanted, cell)  # REGEX

    def _searched(self, pattern: re.Pattern, cell: int) -> bool:
        """pattern.search on a string hash's text, as the Matcher (and _hits) search it; kept per string."""
        memo = self.__dict__.setdefault("_newsgraph_regex", {})
        key = (pattern, cell)
        if key not in memo:
            memo[key] = bool(pattern.search(self.vocab.strings[cell]))
        return memo[key]

    def _hits(self, table: np.ndarray, tokens: list) -> np.ndarray:
        """Where a pattern of these tokens [[(column, test, value)]] starts."""
        n = len(table) - len(tokens) + 1
        if n <= 0:
            return np.zeros(0, dtype=bool)
        hit = np.ones(n, dtype=bool)
        for k, conditions in enumerate(tokens):
            for column, test, value in conditions:
                cells = table[k:k + n, column]
                if test == "==":
                    hit &= cells == value
                elif test == "IN":
                    hit &= np.isin(cells, value)
                elif test == "NOT_IN":
                    hit &= ~np.isin(cells, value)
                else:  # REGEX, searched in each distinct string as the Matcher does
                    seen = np.unique(cells)
                    good = [h for h in seen.tolist() if value.search(self.vocab.strings[h])]
                    hit &= np.isin(cells, np.array(good, dtype=cells.dtype))
        return hit

    def _plan(self):
        """The columns read, the array patterns [(number, key, [tokens])], the Matcher of the rest."""
        from spacy.matcher import Matcher

        strings, columns, single = self.vocab.strings, [], []
        rest = Matcher(self.vocab, validate=False)
        for number in range(len(self.attrs)):
            name = str(number)
            alternatives = self.matcher.get(name)[1]
            plain = [self._plain(pattern, columns) for pattern in alternatives]
            if alternatives and all(p is not None for p in plain):
                single.append((number, strings[name], plain))
            else:
                rest.add(name, alternatives)
        return [self._COLUMNS[a] for a in columns], single, rest

    def _plain(self, pattern: list, columns: list) -> list | None:
        """[[(column, test, value)]] per token of a pattern the arrays can match, else None."""
        out = []
        for token in pattern:
            tests = []
            for attr, value in token.items():
                test = self._test(attr, value)
                if test is None:
                    return None
                if attr not in columns:
                    columns.append(attr)
                tests.append((columns.index(attr), *test))
            if not tests:
                return None
            out.append(tests)
        return out or None

    def _test(self, attr: str, value) -> tuple | None:
        if attr not in self._COLUMNS:
            return None
        if attr == "IS_SPACE":
            return ("==", int(value)) if isinstance(value, bool) else None
        if isinstance(value, str):
            return "==", self.vocab.strings.add(value)
        if isinstance(value, dict) and len(value) == 1:
            (op, arg), = value.items()
            if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
                return op, np.array([self.vocab.strings.add(v) for v in arg], dtype=np.uint64)
            if op == "REGEX" and isinstance(arg, str):
                return "REGEX", re.compile(arg)
        return None


# Fields of the token itself (spaCy's set_token_attrs also offers each to the lexeme, which
# ignores these), so writing them with Doc.from_array is the same.
_TOKEN_FIELDS = (LEMMA, POS, TAG, DEP, MORPH)


def _token_writes(attrs: list) -> tuple[list, list] | None:
    columns: list = []
    writes = []
    for pattern in attrs:
        if not all(key in _TOKEN_FIELDS and isinstance(value, int) for key, value in pattern.items()):
            return None
        for key in pattern:
            if key not in columns:
                columns.append(key)
        writes.append([(columns.index(key), value) for key, value in pattern.items()])
    return (columns, writes) if columns else None


class _ColumnIndex:
    """A doc's token positions by value, per column of its attribute table, made on first use."""

    def __init__(self, table: np.ndarray):
        self.table = table
        self.by_column: dict[int, dict[int, list[int]]] = {}

    def positions(self, column: int, value: int) -> list[int]:
        index = self.by_column.get(column)
        if index is None:
            index = self.by_column[column] = _positions_by_value(self.table[:, column])
        return index.get(value, [])


def _positions_by_value(cells: np.ndarray) -> dict[int, list[int]]:
    """{value: its positions, ascending}: one stable sort, then a slice per distinct value."""
    if not len(cells):
        return {}
    order = np.argsort(cells, kind="stable")
    ordered = cells[order]
    firsts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    bounds, positions = [*firsts.tolist(), len(cells)], order.tolist()
    return {value: positions[bounds[j]:bounds[j + 1]] for j, value in enumerate(ordered[firsts].tolist())}


_MEMBERS: dict[int, tuple[np.ndarray, frozenset]] = {}


def _members(values: np.ndarray) -> frozenset:
    """An IN / NOT_IN test's array of string hashes as a set of ints (made once per array)."""
    held = _MEMBERS.get(id(values))
    if held is None or held[0] is not values:
        held = _MEMBERS[id(values)] = (values, frozenset(values.tolist()))
    return held[1]


@lru_cache(maxsize=None)
def _memoised(cls: type) -> type:
    return type(f"Memo{cls.__name__}", (MemoLemmas, cls), {})


@lru_cache(maxsize=None)
def _array_matched(cls: type) -> type:
    return type(f"Array{cls.__name__}", (ArrayMatches, cls), {})


def _array_attributes(nlp: Language) -> None:
    """The attribute ruler, if the model has spaCy's own, through ArrayMatches."""
    proc = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if isinstance(proc, AttributeRuler) and type(proc).match is AttributeRuler.match:
        proc.__class__ = _array_matched(type(proc))


def _memoise_lemmas(nlp: Language) -> None:
    """The rule lemmatizer, if the model has spaCy's own, through MemoLemmas and IndexedLookups."""
    proc = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if (isinstance(proc, Lemmatizer) and getattr(proc, "mode", None) == "rule"
            and type(proc).__call__ is Lemmatizer.__call__):
        proc.__class__ = _memoised(type(proc))
        if type(proc.lookups) is Lookups:
            proc.lookups = IndexedLookups.over(proc.lookups)


def blas_products(nlp: Language) -> int:
    """The models' matrix products through numpy's BLAS instead of blis; returns the layers switched.

    thinc's NumpyOps multiplies with blis, whose kernels on this kind of machine (AMD EPYC,
    AVX-512) ran the tok2vec, tagger, parser and NER products about 3x slower than OpenBLAS on
    one thread (a 12929 x 288 by 288 x 288 product: 65 ms against 22 ms); on the 84 PolNeAR dev
    articles the parse took 28% less CPU, every token's tag, head, dependency, entity, sentence
    start, POS, lemma and morphology the same. `NumpyOps(use_blis=False)` is thinc's own switch
    (it delegates `gemm` to numpy); every other op stays NumpyOps' compiled one, and the parser's
    per-state step keeps its own blis `CBlas`. Only layers on plain NumpyOps are switched. blis ran on
    one thread; numpy's BLAS is held to one too (threads.py), also where no Pipeline set it."""
    one_blas_thread()
    ops = NumpyOps(use_blis=False)
    switched = 0
    for _name, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        for node in (model.walk() if isinstance(model, Model) else ()):
            if type(node.ops) is NumpyOps and node.ops.use_blis:
                node.ops = ops
                switched += 1
    return switched


def faster_components(nlp: Language) -> None:
    """The lemmatizer and attribute ruler through MemoLemmas and ArrayMatches, where they are spaCy's;
    the models' products through numpy's BLAS (blas_products)."""
    _memoise_lemmas(nlp)
    _array_attributes(nlp)
    blas_products(nlp)
