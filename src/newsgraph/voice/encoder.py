"""Sentence embeddings for the opinion classifier: a compact MiniLM run in numpy.

models/voice_encoder.npz holds the first three layers of all-MiniLM-L6-v2
(Apache-2.0) with int8 weights, built by scripts/build_voice_encoder.py.
Word order and context decide whether a sentence argues or reports ("the
plan will fail" vs "officials said the plan would fail"), which bag-of-words
features miss; a small transformer sees them, and numpy is enough to run
one, so neither torch nor a model download is needed.

The transformer runs on one of two backends with the same interface:
ONNX Runtime over models/voice_encoder.onnx (int8 products, built from the
.npz by scripts/build_voice_onnx.py; the default when onnxruntime is
installed) or numpy. Tokenising, pooling and the per-word shares are the
same numpy code for both, so the shares stay an exact decomposition of
each backend's own score; the backends' vectors differ by the int8
rounding of activations (cosine distance under 2e-3, checked when the
graph is built and in tests/test_voice_encoder.py).
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Sequence

import numpy as np

from ..config import ENCODER_BACKENDS as BACKENDS
from ..errors import NewsgraphError

ENCODER_NAME = "voice_encoder.npz"
ONNX_NAME = "voice_encoder.onnx"
LAYERS, HEADS, WIDTH = 3, 12, 384
# Pieces per sentence, [CLS] and [SEP] included; longer sentences are cut.
MAX_PIECES = 128
# Pieces (padding included) per batch of sentences. Small batches of sentences of
# similar length waste little on padding and stay in cache: on 2 cores, 256
# ran faster than batches of 16 to 128 sentences.
BATCH_PIECES = 256
# Distinct words whose pieces the tokenizer keeps (a few MB), so a long run's memory stays bounded.
WORD_CACHE = 50_000
MATRICES = ("attention.self.query", "attention.self.key", "attention.self.value",
            "attention.output.dense", "intermediate.dense", "output.dense")


def default_encoder_path() -> Path:
    return Path(str(resources.files("newsgraph").joinpath("models", ENCODER_NAME)))


def default_onnx_path() -> Path:
    return Path(str(resources.files("newsgraph").joinpath("models", ONNX_NAME)))


def basic_tokens(text: str) -> list[str]:
    """BERT's uncased pre-tokenisation: lowercase, strip accents, split off punctuation."""
    return [word for word, _, _ in basic_words(text)]


def basic_words(text: str) -> list[tuple[str, int, int]]:
    """basic_tokens, each with the [start, end) characters of `text` it came from.

    ASCII runs are matched by one regular expression (letters and digits are word characters,
    the ASCII punctuation a mark each, the rest separators: what _char_kinds makes of them), and
    only other characters go through _char_kinds one by one; the words are the same either way."""
    words: list[tuple[str, int, int]] = []
    current: list[str] = []
    begin = 0
    for found in _ASCII_PIECES.finditer(text):
        i, kind = found.start(), found.lastindex
        if kind == 1:  # ASCII letters and digits
            if not current:
                begin = i
            current.append(found.group().lower())
            continue
        if kind == 4:  # any other character
            begin = _other_char(found.group(), i, words, current, begin)
            continue
        if current:
            words.append(("".join(current), begin, i))
            current = []
        if kind == 2:
            words.append((found.group(), i, i + 1))
    if current:
        words.append(("".join(current), begin, len(text)))
    return words


_ASCII_PIECES = re.compile(r"([A-Za-z0-9]+)|([!-/:-@\[-`{-~])|([\x00- \x7f]+)|(.)", re.DOTALL)


def _other_char(original: str, i: int, words: list, current: list[str], begin: int) -> int:
    """One non-ASCII character at i: extends, ends or follows the current word; returns where it begins."""
    for ch, kind in _char_kinds(original):
        if kind == _WORD:
            if not current:
                begin = i
            current.append(ch)
            continue
        if current:
            words.append(("".join(current), begin, i))
            current.clear()
        if kind == _PUNCT:
            words.append((ch, i, i + 1))
    return begin


_WORD, _PUNCT, _SPACE = 0, 1, 2


@lru_cache(maxsize=8192)
def _char_kinds(original: str) -> tuple[tuple[str, int], ...]:
    """What one character of the text becomes: lowercased, decomposed, accents dropped, each
    remaining character a word character, a punctuation mark or a separator. Cached, since
    a text has few distinct characters and unicodedata lookups cost more than the loop."""
    lowered = original.lower()
    kinds = []
    for ch in lowered if lowered.isascii() else unicodedata.normalize("NFD", lowered):
        category = unicodedata.category(ch)
        if category == "Mn":
            continue
        if ch.isspace() or category in ("Cc", "Cf"):
            kinds.append((ch, _SPACE))
        else:
            kinds.append((ch, _PUNCT if _is_punctuation(ch, category) else _WORD))
    return tuple(kinds)


def _is_punctuation(ch: str, category: str) -> bool:
    cp = ord(ch)
    return 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126 or category.startswith("P")


class WordPiece:
    """Greedy longest-match WordPiece over a vocabulary, as BERT tokenises."""

    def __init__(self, vocab: Sequence[str]):
        self.ids = {piece: i for i, piece in enumerate(vocab)}
        self.unknown = self.ids["[UNK]"]
        self.cls, self.sep = self.ids["[CLS]"], self.ids["[SEP]"]
        self._words: dict[str, tuple[int, ...]] = {}  # word -> its pieces: news repeats its words

    def encode(self, text: str) -> list[int]:
        return self.encode_spans(text)[0]

    def encode_spans(self, text: str) -> tuple[list[int], list[tuple[int, int]]]:
        """Piece ids with [CLS] and [SEP], and the characters of `text` each piece stands for."""
        pieces, spans = [], []
        for word, start, end in basic_words(text):
            found = self._words.get(word)
            if found is None:
                found = tuple(self.word(word))
                if len(self._words) < WORD_CACHE:
                    self._words[word] = found
            pieces += found
            spans += [(start, end)] * len(found)
        cut = MAX_PIECES - 2
        return [self.cls, *pieces[:cut], self.sep], [(0, 0), *spans[:cut], (0, 0)]

    def word(self, word: str) -> list[int]:
        ids, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start and self._piece(word, start, end) not in self.ids:
                end -= 1
            if end == start:
                return [self.unknown]
            ids.append(self.ids[self._piece(word, start, end)])
            start = end
        return ids

    @staticmethod
    def _piece(word: str, start: int, end: int) -> str:
        return word[start:end] if start == 0 else "##" + word[start:end]


class SentenceEncoder:
    """WordPiece ids -> embeddings -> three transformer layers -> mean-pooled unit vector."""

    def __init__(self, arrays: dict[str, np.ndarray], backend: str = "auto", onnx_path: str | None = None):
        self.digest = content_digest(arrays)
        self.tokenizer = WordPiece([str(piece) for piece in arrays["vocab"]])
        self.backend = choose_backend(arrays, self.digest, backend, onnx_path)
        # Vectors (and shares) of texts encoded ahead by prime(), for the batch in progress.
        self._primed: dict[str, tuple[np.ndarray, np.ndarray | None]] = {}
        self._primed_direction: np.ndarray | None = None
    @classmethod
    def load(cls, path: str | None = None, backend: str = "auto") -> "SentenceEncoder":
        where = Path(path) if path else default_encoder_path()
        if not where.is_file():
            raise NewsgraphError(f"voice encoder {where} is missing; run scripts/build_voice_encoder.py")
        with np.load(where, allow_pickle=False) as data:
            # A graph next to a non-default .npz is that .npz's graph (its digest is checked).
            onnx_path = str(where.with_suffix(".onnx")) if path else None
            return cls({name: data[name] for name in data.files}, backend, onnx_path)

    def prime(self, texts: Sequence[str], direction: np.ndarray | None = None) -> None:
        """Encode texts ahead, in one pass: the pipeline primes every sentence of a batch of
        articles, so batches by length span articles and pad less. Later calls to encode and
        encode_with_evidence (same direction) read these results; the next prime replaces them."""
        unique = list(dict.fromkeys(texts))
        self._primed, self._primed_direction = {}, None
        vectors, shares = self._encode(unique, direction)
        self._primed = dict(zip(unique, zip(vectors, shares)))
        self._primed_direction = direction

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector (float32, WIDTH) per text, in order."""
        return self.encode_with_evidence(texts)[0]

    def encode_with_evidence(self, texts: Sequence[str], direction: np.ndarray | None = None):
        """Unit vectors, and given a direction, each word's share of vector . direction.

        The vector is the mean of the pieces' final states scaled to unit
        length, so vector . direction is exactly the sum over pieces of
        state . direction / (pieces x length): a word's share is the sum over
        its pieces. Shares come as (start, end, share) with characters of the
        text; None for every text without a direction.
        """
        if self._primed and all(text in self._primed for text in texts) and (
                direction is None or direction is self._primed_direction):
            found = [self._primed[text] for text in texts]
            out = np.stack([vector for vector, _ in found]) if found else np.zeros((0, WIDTH), np.float32)
            return out, [None if direction is None else shares for _, shares in found]
        return self._encode(texts, direction)

    def _encode(self, texts: Sequence[str], direction: np.ndarray | None):
        encoded = [self.tokenizer.encode_spans(text) for text in texts]
        ids = [pieces for pieces, _ in encoded]
        out = np.zeros((len(ids), WIDTH), dtype=np.float32)
        per_piece: list[np.ndarray | None] = [None] * len(ids)
        for chunk in _batches(ids, self.backend.batch_pieces):
            states, mask = self._forward([ids[i] for i in chunk])
            pieces = mask.sum(axis=1, keepdims=True)
            pooled = (states * mask[:, :, None]).sum(axis=1) / pieces
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[chunk] = pooled / norms
            if direction is not None:
                shares = (states @ direction) / (pieces * norms)
                for row, i in enumerate(chunk):
                    per_piece[i] = shares[row, :len(ids[i])]
        evidence = [None if shares is None else _word_shares(spans, shares)
                    for (_, spans), shares in zip(encoded, per_piece)]
        return out, evidence

    def _forward(self, batch: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
        """Final states (batch, length, WIDTH) and the padding mask (batch, length)."""
        length = max(map(len, batch))
        ids = np.zeros((len(batch), length), dtype=np.int64)
        mask = np.zeros((len(batch), length), dtype=np.float32)
        for row, seq in enumerate(batch):
            ids[row, :len(seq)], mask[row, :len(seq)] = seq, 1.0
        return self.backend.states(ids, mask), mask


def choose_backend(arrays: dict[str, np.ndarray], digest: str, backend: str, onnx_path: str | None):
    """ONNX Runtime when asked, or for "auto" when onnxruntime and the graph are there; else numpy."""
    if backend not in BACKENDS:
        raise NewsgraphError(f"unknown encoder backend {backend!r}; choose from {', '.join(BACKENDS)}")
    where = onnx_path or str(default_onnx_path())
    if backend == "onnx" or (backend == "auto" and _onnx_available(where)):
        return OnnxBackend(where, digest)
    return NumpyBackend(arrays)


def _onnx_available(where: str) -> bool:
    from importlib.util import find_spec

    return find_spec("onnxruntime") is not None and Path(where).is_file()


class OnnxBackend:
    """The graph of scripts/build_voice_onnx.py on ONNX Runtime, one thread: workers fill the cores."""

    # As numpy's: on CheckThat test sentences 256 pieces a batch ran 3.1 ms a sentence, 1024 3.5, 2048 4.4.
    batch_pieces = BATCH_PIECES

    def __init__(self, path: str, digest: str):
        try:
            import onnxruntime as ort
        except ImportError:
            raise NewsgraphError("the onnx encoder backend needs onnxruntime: pip install onnxruntime, "
                                 "or NEWSGRAPH_ENCODER=numpy") from None
        if not Path(path).is_file():
            raise NewsgraphError(f"voice encoder graph {path} is missing; run scripts/build_voice_onnx.py, "
                                 "or NEWSGRAPH_ENCODER=numpy")
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.log_severity_level = 3
        self.session = ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])
        built_from = self.session.get_modelmeta().custom_metadata_map.get("source_digest")
        if built_from != digest:
            raise NewsgraphError(f"voice encoder graph {path} was built from encoder {built_from}, not {digest}; "
                                 "run scripts/build_voice_onnx.py")

    def states(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        return self.session.run(["states"], {"ids": ids, "mask": mask})[0]


class NumpyBackend:
    """The transformer in numpy: float32 matrices for BLAS, int8 word vectors gathered per sentence."""

    batch_pieces = BATCH_PIECES

    def __init__(self, arrays: dict[str, np.ndarray]):
        # Word vectors stay int8 (rows are gathered per sentence); layer matrices are
        # dequantised once, transposed for x @ W, because BLAS wants float32.
        self.word_q, self.word_scale = arrays["word.q"], arrays["word.scale"]
        self.w = {name: value for name, value in arrays.items() if not name.endswith((".q", ".scale"))}
        for layer in range(LAYERS):
            for name in MATRICES:
                key = f"layer{layer}.{name}"
                matrix = arrays[key + ".q"].astype(np.float32) * arrays[key + ".scale"]
                self.w[key + ".weight"] = np.ascontiguousarray(matrix.T)

    def states(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        x = self._embed(ids)
        padding = ((1.0 - mask) * -1e9)[:, None, None, :]
        for layer in range(LAYERS):
            x = self._layer(x, f"layer{layer}.", padding)
        return x

    def _embed(self, ids: np.ndarray) -> np.ndarray:
        w = self.w
        words = self.word_q[ids].astype(np.float32) * self.word_scale[ids]
        x = words + w["position"][:ids.shape[1]] + w["token_type"]
        return _layer_norm(x, w["embeddings.norm.weight"], w["embeddings.norm.bias"])

    def _layer(self, x: np.ndarray, p: str, padding: np.ndarray) -> np.ndarray:
        w = self.w

        def dense(h, name):
            # One 2-D product: numpy runs a 3-D @ 2-D product as one small GEMM per sentence.
            flat = h.reshape(-1, h.shape[-1]) @ w[p + name + ".weight"]
            flat += w[p + name + ".bias"]
            return flat.reshape(*h.shape[:-1], -1)

        batch, length = x.shape[:2]
        q, k, v = (dense(x, f"attention.self.{n}").reshape(batch, length, HEADS, -1).transpose(0, 2, 1, 3)
                   for n in ("query", "key", "value"))
        attended = _attention(q, k, v, padding).transpose(0, 2, 1, 3).reshape(batch, length, WIDTH)
        x = _layer_norm(x + dense(attended, "attention.output.dense"),
                        w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
        hidden = _gelu(dense(x, "intermediate.dense"))
        return _layer_norm(x + dense(hidden, "output.dense"), w[p + "output.LayerNorm.weight"],
                           w[p + "output.LayerNorm.bias"])


def _word_shares(spans: Sequence[tuple[int, int]], shares: np.ndarray) -> tuple[tuple[int, int, float], ...]:
    """Piece shares summed per word; [CLS] and [SEP] (span (0, 0)) belong to no word."""
    words: dict[tuple[int, int], float] = {}
    # tolist() gives each share as float() does, at once; the sums run in the same order.
    for span, share in zip(spans, shares.tolist()):
        if span[1] > span[0]:
            words[span] = words.get(span, 0.0) + share
    return tuple((start, end, share) for (start, end), share in words.items())


def _batches(ids: Sequence[list[int]], limit: int = BATCH_PIECES) -> list[list[int]]:
    """Indices grouped shortest first, each group padded to at most `limit` pieces."""
    groups: list[list[int]] = []
    for i in sorted(range(len(ids)), key=lambda i: len(ids[i])):
        if groups and len(ids[i]) * (len(groups[-1]) + 1) <= limit:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _attention(q: np.ndarray, k: np.ndarray, v: np.ndarray, padding: np.ndarray) -> np.ndarray:
    scores = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(q.shape[-1])) + padding
    scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return (scores / scores.sum(axis=-1, keepdims=True)) @ v


def _layer_norm(x: np.ndarray, gain: np.ndarray, bias: np.ndarray, eps: float = 1e-12) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * gain + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU in its tanh form, in place on x (the layer's fresh intermediate array).

    The tanh form is within 1e-3 of the exact erf form and several times
    faster in numpy; the classifier is trained on this encoder's output, so
    it sees the same numbers. In place, because temporaries of this size
    cost more than the arithmetic.
    """
    inner = x * x
    inner *= np.float32(0.044715)
    inner += np.float32(1.0)
    inner *= x
    inner *= np.float32(0.7978845608)
    np.tanh(inner, out=inner)
    inner += np.float32(1.0)
    x *= np.float32(0.5)
    x *= inner
    return x


def content_digest(arrays: dict[str, np.ndarray]) -> str:
    """A hash of the arrays (not of the zip file, whose timestamps vary between builds)."""
    digest = hashlib.sha256()
    for name in sorted(arrays):
        digest.update(name.encode())
        digest.update(np.ascontiguousarray(arrays[name]).tobytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=4)
def load_encoder(path: str | None = None, backend: str = "auto") -> SentenceEncoder:
    return SentenceEncoder.load(path, backend)
