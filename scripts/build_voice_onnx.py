"""Build src/newsgraph/models/voice_encoder.onnx: the voice encoder as an ONNX graph.

The graph is the numpy encoder of newsgraph/voice/encoder.py, op for op,
written from models/voice_encoder.npz (so no torch and no model download):
int8 word vectors gathered and scaled, positions, LayerNorm, three
transformer layers with GELU in its tanh form, and the final states out
(pooling and the per-word shares stay in numpy, where they are exact).

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
    With int8, the layer products run in integers (dense_int8); else in float32."""
    from onnx import TensorProto, helper, numpy_helper

    nodes, inits, names = [], [], set()

    def const(name: str, value: np.ndarray) -> str:
        if name not in names:  # shared constants (GELU's, the head shapes) are stored once
            names.add(name)
            inits.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def node(op: str, inputs: list[str], output: str, **attrs) -> str:
        nodes.append(helper.make_node(op, inputs, [output], name=output, **attrs))
        return output

    def layer_norm(x: str, prefix: str, out: str) -> str:
        return node("LayerNormalization", [x, const(prefix + ".weight", arrays[prefix + ".weight"]),
                                           const(prefix + ".bias", arrays[prefix + ".bias"])],
                    out, axis=-1, epsilon=1e-12)

    def dense(x: str, key: str, out: str) -> str:
        if int8:
            return dense_int8(x, key, out)
        # x @ W with W = (q * scale).T, dequantised exactly as encoder.py does.
        matrix = (arrays[key + ".q"].astype(np.float32) * arrays[key + ".scale"]).T
        product = node("MatMul", [x, const(key + ".weight", matrix)], out + ".mm")
        return node("Add", [product, const(key + ".bias", arrays[key + ".bias"])], out)

    def dense_int8(x: str, key: str, out: str, gelu_after: bool = False) -> str:
        """x @ W in integers: W's own int8 rows (the .npz's, unchanged), and each piece's
        activations quantised to 8 bits with a scale of its own (per token, so a piece with
        large values does not coarsen the others). Unsigned activations (offset 128) with
        signed weights is the product ONNX Runtime runs fast on x86 (VNNI)."""
        weight_q, weight_scale = arrays[key + ".q"], arrays[key + ".scale"]
        width_in, width_out = weight_q.shape[1], weight_q.shape[0]
        flat = node("Reshape", [x, const(f"rows{width_in}", np.array([-1, width_in]))], out + ".flat")
        peak = node("ReduceMax", [node("Abs", [flat], out + ".abs")], out + ".peak", axes=[1], keepdims=0)
        step = node("Div", [node("Max", [peak, const("tiny", np.array(1e-12, dtype=np.float32))], out + ".floor"),
                            const("levels", np.array(127.0, dtype=np.float32))], out + ".step")
        # One scale per row (axis 0), offset 128: round(x / step) + 128 as uint8 in one op.
        offsets = node("Expand", [const("offset.row", np.array([128], dtype=np.uint8)),
                                  node("Shape", [step], out + ".rows")], out + ".offsets")
        quantised = node("QuantizeLinear", [flat, step, offsets], out + ".u8", axis=0)
        # Integer product, cast and scaled by W's column scales in one contrib op.
        nodes.append(helper.make_node(
            "MatMulIntegerToFloat",
            [quantised, const(key + ".qt", np.ascontiguousarray(weight_q.T)), const("unit", np.array(1.0, np.float32)),
             const(key + ".cols", weight_scale.reshape(-1)), const("offset.u8", np.array(128, dtype=np.uint8))],
            [out + ".cols"], name=out + ".cols", domain="com.microsoft"))
        per_row = node("Unsqueeze", [step, const("axis1", np.array([1]))], out + ".step.col")
        scaled = node("Mul", [out + ".cols", per_row], out + ".scaled")
        if gelu_after:
            # 0.5 x (1 + tanh(0.7978845608 (x + 0.044715 x^3))) with the bias added first, in one op.
            biased = node("FastGelu", [scaled, const(key + ".bias", arrays[key + ".bias"])], out + ".gelu",
                          domain="com.microsoft")
        else:
            biased = node("Add", [scaled, const(key + ".bias", arrays[key + ".bias"])], out + ".biased")
        return node("Reshape", [biased, shape_of(width_out)], out)

    def shape_of(width: int) -> str:
        """(batch, length, width) as a shape tensor, built once per width."""
        name = f"shape{width}"
        if name not in names:
            names.add(name)
            nodes.append(helper.make_node("Concat", ["batch_length", const(f"width{width}", np.array([width]))],
                                          [name], name=name, axis=0))
        return name

    # Embeddings: int8 rows gathered then scaled, as numpy does, so the table stays 8 MB.
    node("Shape", ["ids"], "batch_length")
    rows = node("Gather", [const("word.q", arrays["word.q"]), "ids"], "emb.q", axis=0)
    scales = node("Gather", [const("word.scale", arrays["word.scale"]), "ids"], "emb.scale", axis=0)
    words = node("Mul", [node("Cast", [rows], "emb.f", to=TensorProto.FLOAT), scales], "emb.words")
    length = node("Shape", ["ids"], "length", start=1, end=2)
    positions = node("Slice", [const("position", arrays["position"]), const("zero", np.array([0])), length,
                               const("axis0", np.array([0]))], "emb.positions")
    x = node("Add", [node("Add", [words, positions], "emb.sum"), const("token_type", arrays["token_type"])],
             "emb.all")
    x = layer_norm(x, "embeddings.norm", "emb.out")
    # Padding: -1e9 on masked keys, shaped (batch, 1, 1, length).
    inverted = node("Sub", [const("one", np.array(1.0, dtype=np.float32)), "mask"], "mask.inv")
    scaled = node("Mul", [inverted, const("big", np.array(-1e9, dtype=np.float32))], "mask.neg")
    padding = node("Unsqueeze", [scaled, const("axes12", np.array([1, 2]))], "padding")
    split = const("split_heads", np.array([0, 0, HEADS, WIDTH // HEADS]))
    merge = const("merge_heads", np.array([0, 0, WIDTH]))
    root = const("root", np.array(np.sqrt(WIDTH // HEADS), dtype=np.float32))
    for layer in range(LAYERS):
        p = f"layer{layer}."
        heads = {}
        for name in ("query", "key", "value"):
            flat = dense(x, p + f"attention.self.{name}", p + name)
            shaped = node("Reshape", [flat, split], p + name + ".heads")
            perm = [0, 2, 3, 1] if name == "key" else [0, 2, 1, 3]
            heads[name] = node("Transpose", [shaped], p + name + ".t", perm=perm)
        scores = node("MatMul", [heads["query"], heads["key"]], p + "scores")
        scores = node("Add", [node("Div", [scores, root], p + "scores.scaled"), padding], p + "scores.masked")
        weights = node("Softmax", [scores], p + "weights", axis=-1)
        attended = node("MatMul", [weights, heads["value"]], p + "attended")
        attended = node("Reshape", [node("Transpose", [attended], p + "attended.t", perm=[0, 2, 1, 3]), merge],
                        p + "attended.flat")
        out = dense(attended, p + "attention.output.dense", p + "attn.out")
        x = layer_norm(node("Add", [x, out], p + "attn.res"), p + "attention.output.LayerNorm", p + "attn.norm")
        if int8:
            hidden = dense_int8(x, p + "intermediate.dense", p + "inter", gelu_after=True)
        else:
            hidden = _gelu(node, const, dense(x, p + "intermediate.dense", p + "inter"), p + "gelu")
        out = dense(hidden, p + "output.dense", p + "ffn.out")
        x = layer_norm(node("Add", [x, out], p + "ffn.res"), p + "output.LayerNorm", p + "out")
    nodes.append(helper.make_node("Identity", [x], ["states"], name="states"))
    graph = helper.make_graph(
        nodes, "voice_encoder",
        [helper.make_tensor_value_info("ids", TensorProto.INT64, ["batch", "length"]),
         helper.make_tensor_value_info("mask", TensorProto.FLOAT, ["batch", "length"])],
        [helper.make_tensor_value_info("states", TensorProto.FLOAT, ["batch", "length", WIDTH])],
        inits)
    # com.microsoft: ONNX Runtime's contrib ops (MatMulIntegerToFloat, FastGelu) of the int8 graph.
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET),
                                                    helper.make_opsetid("com.microsoft", 1)],
                              producer_name="newsgraph")
    model.ir_version = 8
    return model


def _gelu(node, const, x: str, p: str) -> str:
    """0.5 x (1 + tanh(0.7978845608 (x + 0.044715 x^3))): the tanh form encoder.py uses."""
    def scalar(name, value):
        return const(name, np.array(value, dtype=np.float32))

    cube = node("Mul", [node("Mul", [x, x], p + ".sq"), x], p + ".cube")
    inner = node("Add", [x, node("Mul", [cube, scalar("gelu.c", 0.044715)], p + ".c")], p + ".inner")
    t = node("Tanh", [node("Mul", [inner, scalar("gelu.k", 0.7978845608)], p + ".k")], p + ".tanh")
    half = node("Mul", [x, scalar("gelu.half", 0.5)], p + ".half")
    return node("Mul", [half, node("Add", [t, scalar("gelu.one", 1.0)], p + ".one")], p + ".out")


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
