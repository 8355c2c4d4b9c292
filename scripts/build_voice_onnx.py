"""Build src/newsgraph/models/voice_encoder.onnx: the voice encoder as an ONNX graph.

The graph is the numpy encoder of newsgraph/voice/encoder.py, op for op,
written from models/voice_encoder.npz (so no torch and no model download):
int8 word vectors gathered and scaled, positions, LayerNorm, three
transformer layers with GELU in its tanh form, and the final states out
(pooling and the per-word shares stay in numpy, where they are exact).
The layers run on pieces, (batch x length, 384), so each product is one
2-D product; query, key and value are one product of the three matrices
side by side. Several fused contrib ops were measured and left out
(docs/voice.md): the graph's time is mostly the integer products, which
already run at the CPU's int8 peak.

With --int8 (the default) the layer products run in integers: the .npz's
own int8 weights, and activations quantised per piece (per token) at each
product; --float runs them in float32 with the weights dequantised as numpy
does (the same vectors within 1e-6). Per-token scales matter: one scale per
batch (onnxruntime.quantization's dynamic mode) moved the vectors 5 times
as far from numpy's (cosine distance 4e-3 against 8e-4 on CHECK_SENTENCES)
and flipped 20 of 643 CheckThat/BABE opinion decisions against 5. The graph
is checked against the numpy encoder before the file is written: the script
refuses one whose unit vectors differ from numpy's by more than --tolerance
(cosine distance).

    pip install onnx onnxruntime        # onnx is needed only here
    python scripts/build_voice_onnx.py

The graph records the digest of the .npz it was built from; the encoder
refuses a graph built from another .npz (rebuild with this script).
"""
from __future__ import annotations

from pathlib import Path

import click
import numpy as np

from newsgraph.voice.encoder import (HEADS, LAYERS, WIDTH, SentenceEncoder, default_encoder_path,
                                     default_onnx_path)

OPSET = 17  # LayerNormalization
MS = "com.microsoft"  # ONNX Runtime's contrib ops
# Sentences the check runs on: synthetic, of the lengths news sentences have.
CHECK_SENTENCES = (
    "The minister said on Tuesday that the talks would resume next week.",
    "This reckless plan will fail, and everyone who backed it should be ashamed.",
    "Prices rose 3.2 percent in March, the statistics office reported.",
    "Critics argue the council should have acted sooner.",
    "Well.",
    "According to two officials familiar with the matter, who spoke on condition of anonymity because "
    "they were not authorised to discuss the negotiations, the delegation left without an agreement.",
)


def build_graph(arrays: dict[str, np.ndarray], int8: bool = True):
    """The graph: ids (batch, length) int64, mask (batch, length) float32 -> states (float32).
    With int8, the layer products run in integers (product_int8); else in float32."""
    from onnx import TensorProto, helper

    g = _Builder(arrays, int8)
    x = _embeddings(g)
    # The layers run on pieces, (batch x length, WIDTH): each product is one 2-D product with
    # no reshape around it; only attention needs the sentences back.
    pieces = g.const("pieces", np.array([-1, WIDTH]))
    x = g.node("Reshape", [x, pieces], "emb.flat")
    g.node("Shape", ["ids"], "batch_length")
    split = g.node("Concat", ["batch_length", g.const("head_shape", np.array([HEADS, WIDTH // HEADS]))],
                   "split_heads", axis=0)
    padding = _padding(g)
    for layer in range(LAYERS):
        x = _layer(g, x, f"layer{layer}.", split, padding)
    sentences = g.node("Concat", ["batch_length", g.const("width", np.array([WIDTH]))], "sentences", axis=0)
    g.node("Reshape", [x, sentences], "states")
    graph = helper.make_graph(
        g.nodes, "voice_encoder",
        [helper.make_tensor_value_info("ids", TensorProto.INT64, ["batch", "length"]),
         helper.make_tensor_value_info("mask", TensorProto.FLOAT, ["batch", "length"])],
        [helper.make_tensor_value_info("states", TensorProto.FLOAT, ["batch", "length", WIDTH])],
        g.inits)
    # com.microsoft: ONNX Runtime's contrib ops (MatMulIntegerToFloat, FastGelu).
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET), helper.make_opsetid(MS, 1)],
                              producer_name="newsgraph")
    model.ir_version = 8
    return model


class _Builder:
    """Nodes and initialisers of the graph being written, and its products."""

    def __init__(self, arrays: dict[str, np.ndarray], int8: bool):
        self.arrays, self.int8 = arrays, int8
        self.nodes: list = []
        self.inits: list = []
        self.names: set[str] = set()

    def const(self, name: str, value: np.ndarray) -> str:
        from onnx import numpy_helper

        if name not in self.names:  # shared constants (the shapes, the offsets) are stored once
            self.names.add(name)
            self.inits.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def array(self, key: str) -> str:
        return self.const(key, self.arrays[key])

    def node(self, op: str, inputs: list[str], output: str, outputs: list[str] | None = None,
             domain: str = "", **attrs) -> str:
        from onnx import helper

        self.nodes.append(helper.make_node(op, inputs, outputs or [output], name=output, domain=domain, **attrs))
        return output

    def product(self, x: str, keys: list[str], out: str) -> str:
        """x (pieces, width) @ W, no bias; W is the keys' matrices side by side (query, key and
        value in one product: one quantisation of x, one integer product, for the three)."""
        weight_q = np.concatenate([self.arrays[key + ".q"] for key in keys])
        weight_scale = np.concatenate([self.arrays[key + ".scale"] for key in keys])
        if self.int8:
            return self.product_int8(x, weight_q, weight_scale, out)
        # x @ W with W = (q * scale).T, dequantised exactly as encoder.py does.
        matrix = (weight_q.astype(np.float32) * weight_scale).T
        return self.node("MatMul", [x, self.const(out + ".weight", matrix)], out)

    def product_int8(self, x: str, weight_q: np.ndarray, weight_scale: np.ndarray, out: str) -> str:
        """x @ W in integers: W's own int8 rows (the .npz's, unchanged), and each piece's
        activations quantised to 8 bits with a scale of its own (per token, so a piece with
        large values does not coarsen the others). Unsigned activations (offset 128) with
        signed weights is the product ONNX Runtime runs fast on x86 (VNNI)."""
        node, const = self.node, self.const
        peak = node("ReduceMax", [node("Abs", [x], out + ".abs")], out + ".peak", axes=[1], keepdims=0)
        step = node("Div", [node("Max", [peak, const("tiny", np.array(1e-12, dtype=np.float32))], out + ".floor"),
                            const("levels", np.array(127.0, dtype=np.float32))], out + ".step")
        # One scale per row (axis 0), offset 128: round(x / step) + 128 as uint8 in one op.
        offsets = node("Expand", [const("offset.row", np.array([128], dtype=np.uint8)),
                                  node("Shape", [step], out + ".rows")], out + ".offsets")
        quantised = node("QuantizeLinear", [x, step, offsets], out + ".u8", axis=0)
        # Integer product, cast and scaled by W's column scales in one contrib op. (Its a_scale
        # could take the per-row steps too, but with a bias input ORT then scales the bias as
        # well, and without one it ran no faster than this Mul.)
        cols = node("MatMulIntegerToFloat",
                    [quantised, const(out + ".qt", np.ascontiguousarray(weight_q.T)),
                     const("unit", np.array(1.0, np.float32)), const(out + ".wscale", weight_scale.reshape(-1)),
                     const("offset.u8", np.array(128, dtype=np.uint8))], out + ".cols", domain=MS)
        per_row = node("Unsqueeze", [step, const("axis1", np.array([1]))], out + ".step.col")
        return node("Mul", [cols, per_row], out)

    def layer_norm(self, x: str, prefix: str, out: str) -> str:
        return self.node("LayerNormalization", [x, self.array(prefix + ".weight"), self.array(prefix + ".bias")],
                         out, axis=-1, epsilon=1e-12)


def _embeddings(g: _Builder) -> str:
    """int8 word rows gathered then scaled, as numpy does (so the table stays 8 MB), plus
    positions and the token type, normalised: (batch, length, WIDTH)."""
    from onnx import TensorProto

    node, const = g.node, g.const
    rows = node("Gather", [g.array("word.q"), "ids"], "emb.q", axis=0)
    scales = node("Gather", [g.array("word.scale"), "ids"], "emb.scale", axis=0)
    words = node("Mul", [node("Cast", [rows], "emb.f", to=TensorProto.FLOAT), scales], "emb.words")
    length = node("Shape", ["ids"], "length", start=1, end=2)
    positions = node("Slice", [g.array("position"), const("zero", np.array([0])), length,
                               const("axis0", np.array([0]))], "emb.positions")
    x = node("Add", [node("Add", [words, positions], "emb.sum"), g.array("token_type")], "emb.all")
    return g.layer_norm(x, "embeddings.norm", "emb.out")


def _padding(g: _Builder) -> str:
    """-1e9 on masked keys, shaped (batch, 1, 1, length) to add to the scores."""
    inverted = g.node("Sub", [g.const("one", np.array(1.0, dtype=np.float32)), "mask"], "mask.inv")
    scaled = g.node("Mul", [inverted, g.const("big", np.array(-1e9, dtype=np.float32))], "mask.neg")
    return g.node("Unsqueeze", [scaled, g.const("axes12", np.array([1, 2]))], "padding")


def _layer(g: _Builder, x: str, p: str, split: str, padding: str) -> str:
    """One transformer layer on pieces (pieces, WIDTH) -> (pieces, WIDTH)."""
    node = g.node
    attended = _attention(g, x, p, split, padding)
    out = node("Add", [g.product(attended, [p + "attention.output.dense"], p + "attn.out"),
                       g.array(p + "attention.output.dense.bias")], p + "attn.biased")
    x = g.layer_norm(node("Add", [x, out], p + "attn.res"), p + "attention.output.LayerNorm", p + "attn.norm")
    hidden = g.product(x, [p + "intermediate.dense"], p + "inter")
    # 0.5 x (1 + tanh(0.7978845608 (x + 0.044715 x^3))) with the bias added first, in one op: the
    # tanh form numpy uses.
    hidden = node("FastGelu", [hidden, g.array(p + "intermediate.dense.bias")], p + "gelu", domain=MS)
    out = node("Add", [g.product(hidden, [p + "output.dense"], p + "ffn.out"), g.array(p + "output.dense.bias")],
               p + "ffn.biased")
    return g.layer_norm(node("Add", [x, out], p + "ffn.res"), p + "output.LayerNorm", p + "out")


def _attention(g: _Builder, x: str, p: str, split: str, padding: str) -> str:
    """Self-attention of the pieces' sentences: query, key and value from one product and one
    bias add, split, heads apart, softmax of the scaled, masked scores; back to (pieces, WIDTH)."""
    node, const = g.node, g.const
    keys = [p + f"attention.self.{name}" for name in ("query", "key", "value")]
    bias = const(p + "qkv.bias", np.concatenate([g.arrays[key + ".bias"] for key in keys]))
    qkv = node("Add", [g.product(x, keys, p + "qkv"), bias], p + "qkv.biased")
    node("Split", [qkv, const("split3", np.array([WIDTH] * 3))], p + "split", outputs=[p + "q", p + "k", p + "v"],
         axis=1)
    heads = {name: node("Transpose", [node("Reshape", [p + name, split], p + name + ".heads")], p + name + ".t",
                        perm=[0, 2, 3, 1] if name == "k" else [0, 2, 1, 3]) for name in "qkv"}
    root = const("root", np.array(np.sqrt(WIDTH // HEADS), dtype=np.float32))
    scores = node("Div", [node("MatMul", [heads["q"], heads["k"]], p + "scores"), root], p + "scores.scaled")
    weights = node("Softmax", [node("Add", [scores, padding], p + "scores.masked")], p + "weights", axis=-1)
    attended = node("Transpose", [node("MatMul", [weights, heads["v"]], p + "attended")], p + "attended.t",
                    perm=[0, 2, 1, 3])
    return node("Reshape", [attended, const("pieces", np.array([-1, WIDTH]))], p + "attended.flat")


def check(target: Path, numpy_encoder: SentenceEncoder, tolerance: float) -> float:
    """Largest cosine distance between the graph's and numpy's unit vectors on CHECK_SENTENCES."""
    from newsgraph.voice.encoder import OnnxBackend

    graph = OnnxBackend(str(target), numpy_encoder.digest)
    ours = numpy_encoder.encode(CHECK_SENTENCES)
    numpy_encoder.backend, saved = graph, numpy_encoder.backend
    try:
        theirs = numpy_encoder.encode(CHECK_SENTENCES)
    finally:
        numpy_encoder.backend = saved
    worst = float(1 - np.min(np.sum(ours * theirs, axis=1)))
    if worst > tolerance:
        target.unlink()
        raise click.ClickException(f"the graph's vectors are {worst:.2e} from numpy's (limit {tolerance:.0e}); "
                                   "try --float")
    return worst


@click.command()
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Where to write the .onnx.")
@click.option("--int8/--float", "int8", default=True, help="int8 layer products (default) or float32.")
@click.option("--tolerance", type=float, default=2e-3, help="Largest cosine distance allowed from numpy.")
def main(out: Path | None, int8: bool, tolerance: float) -> None:
    import onnx

    with np.load(default_encoder_path(), allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    encoder = SentenceEncoder(arrays, backend="numpy")
    model = build_graph(arrays, int8)
    # The encoder checks this against the .npz it loads the vocabulary from.
    onnx.helper.set_model_props(model, {"source_digest": encoder.digest, "int8": str(int8).lower()})
    onnx.checker.check_model(model)
    target = out or default_onnx_path()
    onnx.save(model, target)
    worst = check(target, encoder, tolerance)
    click.echo(f"wrote {target}: {'int8' if int8 else 'float32'} products, {target.stat().st_size / 1e6:.1f} MB, "
               f"source digest {encoder.digest}, largest cosine distance from numpy {worst:.1e}")


if __name__ == "__main__":
    main()
