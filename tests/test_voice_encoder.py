"""The sentence encoder of the voice stage: tokenising, encoding on both backends, the build scripts' pieces."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.voice.encoder import (MAX_PIECES, WIDTH, WordPiece, basic_tokens, content_digest,
                                     default_encoder_path, load_encoder)

VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "un", "##want", "##ed", "want", "run", "##ning", ",", "a", "##b"]


def _build_script():
    return _load_script("build_voice_encoder.py")


def _load_script(name: str):
    path = Path(__file__).resolve().parents[1] / "scripts" / name
    spec = importlib.util.spec_from_file_location(name.removesuffix(".py"), path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_basic_tokens_lowercase_strip_accents_and_split_punctuation():
    assert basic_tokens("Café owners said: “No!”") == ["cafe", "owners", "said", ":", "“", "no", "!", "”"]


def test_basic_words_drop_control_characters_and_keep_character_offsets():
    from newsgraph.voice.encoder import basic_words

    text = "Naïve\u200bplan\x00— e\u0301t\u00e9\tOK"
    assert basic_words(text) == [("naive", 0, 5), ("plan", 6, 10), ("—", 11, 12), ("ete", 13, 17), ("ok", 18, 20)]


def test_wordpiece_gives_the_same_pieces_for_a_word_seen_before():
    tokenizer = WordPiece(["[UNK]", "[CLS]", "[SEP]", "un", "##believ", "##able", "believ"])
    first = tokenizer.encode_spans("unbelievable unbelievable")
    assert first == tokenizer.encode_spans("unbelievable unbelievable")  # from the word cache now
    assert first[0] == [1, 3, 4, 5, 3, 4, 5, 2]


def test_wordpiece_takes_the_longest_pieces_and_marks_unknown_words():
    tokenizer = WordPiece(VOCAB)
    ids = tokenizer.encode("Unwanted, running xyz")
    assert [VOCAB[i] for i in ids] == ["[CLS]", "un", "##want", "##ed", ",", "run", "##ning", "[UNK]", "[SEP]"]


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_wordpiece_never_fails_and_stays_within_the_limit(text):
    ids = WordPiece(VOCAB).encode(text)
    assert ids[0] == VOCAB.index("[CLS]") and ids[-1] == VOCAB.index("[SEP]")
    assert len(ids) <= MAX_PIECES and all(0 <= i < len(VOCAB) for i in ids)


def test_digest_depends_on_the_values_not_on_dict_order():
    a = {"x": np.arange(3, dtype=np.float32), "y": np.ones(2, dtype=np.int8)}
    b = {"y": np.ones(2, dtype=np.int8), "x": np.arange(3, dtype=np.float32)}
    assert content_digest(a) == content_digest(b)
    b["x"] = b["x"] + 1
    assert content_digest(a) != content_digest(b)


def test_quantised_rows_come_back_within_half_a_step():
    build = _build_script()
    matrix = np.random.default_rng(0).normal(size=(5, 40)).astype(np.float32)
    values, scale = build.quantise_rows(matrix)
    assert values.dtype == np.int8 and scale.shape == (5, 1)
    assert np.all(np.abs(values.astype(np.float32) * scale - matrix) <= scale / 2 + 1e-7)


def test_kept_pieces_keep_every_single_character():
    build = _build_script()
    vocab = ["[PAD]"] + [f"w{i}" for i in range(build.VOCAB_CAP + 10)] + ["##q", "z", "##long"]
    kept = build.kept_pieces(vocab)
    assert kept[:3] == [0, 1, 2]
    assert {"##q", "z"} <= {vocab[i] for i in kept} and "##long" not in {vocab[i] for i in kept}


def test_safetensors_reader_keeps_float32_tensors(tmp_path):
    import json
    import struct

    values = np.arange(6, dtype=np.float32)
    header = {"a": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 24]},
              "ids": {"dtype": "I64", "shape": [1], "data_offsets": [24, 32]},
              "__metadata__": {"format": "pt"}}
    blob = json.dumps(header).encode()
    path = tmp_path / "t.safetensors"
    path.write_bytes(struct.pack("<Q", len(blob)) + blob + values.tobytes() + np.int64(7).tobytes())
    tensors = _build_script().read_safetensors(path)
    assert list(tensors) == ["a"] and tensors["a"].tolist() == [[0, 1, 2], [3, 4, 5]]


@pytest.fixture(scope="module")
def encoder():
    return load_encoder()


def test_shipped_encoder_gives_unit_vectors_in_input_order(encoder):
    texts = ["The council met on Tuesday.", "A shorter one.", "", "A much longer sentence " * 80]
    vectors = encoder.encode(texts)
    assert vectors.shape == (4, WIDTH) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    # Batching and padding do not change a sentence's vector.
    alone = encoder.encode(["A shorter one."])[0]
    assert np.allclose(alone, vectors[1], atol=1e-5)


def test_shipped_encoder_puts_paraphrases_closer_than_unrelated_sentences(encoder):
    a, b, c = encoder.encode(["The cat sits on the mat.", "A kitten is sitting on a rug.",
                              "Stock markets fell sharply today."])
    assert float(a @ b) > float(a @ c) + 0.2


@pytest.mark.slow
def test_word_shares_add_up_to_the_projection_and_point_at_the_words():
    import numpy as np

    from newsgraph.voice.encoder import basic_words, load_encoder

    encoder = load_encoder()  # the default backend: ONNX Runtime when installed
    texts = ["A truly shameful decision by the council.", "Rates rose on Tuesday, officials said."]
    direction = np.random.default_rng(0).normal(size=WIDTH).astype(np.float32)
    vectors, evidence = encoder.encode_with_evidence(texts, direction)
    assert np.allclose(vectors, encoder.encode(texts))
    for text, vector, words in zip(texts, vectors, evidence):
        assert [(a, b) for a, b, _ in words] == [(a, b) for _, a, b in basic_words(text)]
        states, _ = encoder._forward([encoder.tokenizer.encode(text)])
        pooled = states[0].mean(axis=0)
        # What [CLS] and [SEP] add to the projection; every other piece belongs to a word.
        specials = (states[0][[0, -1]] @ direction).sum() / (len(states[0]) * np.linalg.norm(pooled))
        assert abs(sum(share for _, _, share in words) + specials - float(vector @ direction)) < 1e-4


SENTENCES = ["The council met on Tuesday.", "This shameful plan will fail, and its authors know it.",
             "Prices rose 3.2 percent in March, the statistics office said.", "Well.",
             "According to officials who spoke on condition of anonymity, the delegation left " * 3]
# Cosine distance allowed between the int8 ONNX graph's vectors and numpy's (docs/voice.md).
ONNX_TOLERANCE = 2e-3


def _numpy_and_onnx():
    pytest.importorskip("onnxruntime", reason="the ONNX backend needs onnxruntime")
    return load_encoder(backend="numpy"), load_encoder(backend="onnx")


def test_onnx_graph_agrees_with_numpy_within_the_stated_tolerance():
    numpy_encoder, onnx_encoder = _numpy_and_onnx()
    assert type(numpy_encoder.backend).__name__ == "NumpyBackend"
    assert type(onnx_encoder.backend).__name__ == "OnnxBackend"
    assert numpy_encoder.digest == onnx_encoder.digest
    a, b = numpy_encoder.encode(SENTENCES), onnx_encoder.encode(SENTENCES)
    distance = 1 - np.sum(a * b, axis=1)
    assert distance.max() < ONNX_TOLERANCE
    assert not np.allclose(a, b, atol=1e-7)  # it really is the other backend


def _graph_states(model, digest: str, ids: np.ndarray, mask: np.ndarray, where: Path) -> np.ndarray:
    """States of an in-memory graph of scripts/build_voice_onnx.py, run as the encoder runs it."""
    import onnx

    from newsgraph.voice.encoder import OnnxBackend

    onnx.helper.set_model_props(model, {"source_digest": digest})
    onnx.save(model, where)
    return OnnxBackend(str(where), digest).states(ids, mask)


def _padded_batch(vocab_size: int) -> tuple[np.ndarray, np.ndarray]:
    """Three synthetic sentences of 5, 17 and 9 pieces, padded to 17 (random ids, fixed seed)."""
    ids = np.random.default_rng(3).integers(4, vocab_size, size=(3, 17))
    mask = np.zeros((3, 17), dtype=np.float32)
    for row, length in enumerate((5, 17, 9)):
        mask[row, :length], ids[row, length:] = 1.0, 0
    return ids, mask


@pytest.mark.parametrize("int8", [False, True])
def test_build_script_graph_is_the_numpy_encoder_and_the_shipped_graph(tmp_path, int8):
    """The float graph of scripts/build_voice_onnx.py is numpy's transformer (so its wiring: the
    fused query/key/value product, the heads, the padding, is right); the int8 graph it writes
    gives the shipped graph's states exactly (so the shipped file is the script's, not stale)."""
    pytest.importorskip("onnx", reason="building the graph needs onnx")
    numpy_encoder, onnx_encoder = _numpy_and_onnx()
    build = _load_script("build_voice_onnx.py")
    with np.load(default_encoder_path(), allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    ids, mask = _padded_batch(len(arrays["vocab"]))
    ours = _graph_states(build.build_graph(arrays, int8), numpy_encoder.digest, ids, mask, tmp_path / "g.onnx")
    real = mask.astype(bool)
    if int8:
        assert np.array_equal(ours[real], onnx_encoder.backend.states(ids, mask)[real])
    else:
        assert np.abs(ours[real] - numpy_encoder.backend.states(ids, mask)[real]).max() < 1e-4


def test_shares_are_exact_on_either_backend():
    """Whatever the backend, a text's word shares plus [CLS]/[SEP] add up to vector . direction."""
    direction = np.random.default_rng(1).normal(size=WIDTH).astype(np.float32)
    for encoder in _numpy_and_onnx():
        vectors, evidence = encoder.encode_with_evidence(SENTENCES[:2], direction)
        for text, vector, words in zip(SENTENCES[:2], vectors, evidence):
            states, _ = encoder._forward([encoder.tokenizer.encode(text)])
            pooled = states[0].mean(axis=0)
            specials = (states[0][[0, -1]] @ direction).sum() / (len(states[0]) * np.linalg.norm(pooled))
            assert abs(sum(share for _, _, share in words) + specials - float(vector @ direction)) < 1e-4


def test_primed_texts_come_back_as_if_encoded_alone(encoder):
    direction = np.random.default_rng(2).normal(size=WIDTH).astype(np.float32)
    alone, alone_words = encoder.encode_with_evidence(SENTENCES[:3], direction)
    encoder.prime(SENTENCES + ["Another article's sentence, batched with these."], direction)
    backend = encoder.backend

    class Refuses:
        batch_pieces = 256

        def states(self, ids, mask):
            raise AssertionError("primed texts must not be encoded again")

    encoder.backend = Refuses()
    try:
        primed, primed_words = encoder.encode_with_evidence(SENTENCES[:3], direction)
        assert np.allclose(encoder.encode(SENTENCES[1:2]), primed[1:2])
        with pytest.raises(AssertionError, match="must not"):  # a text not primed is encoded
            encoder.encode(["Not primed at all."])
    finally:
        encoder.backend = backend
    assert np.allclose(primed, alone, atol=1e-5)
    for ours, theirs in zip(primed_words, alone_words):
        assert [(a, b) for a, b, _ in ours] == [(a, b) for a, b, _ in theirs]
        assert np.allclose([s for _, _, s in ours], [s for _, _, s in theirs], atol=1e-5)


def test_unknown_backend_and_a_graph_of_another_encoder_are_clear_errors(tmp_path):
    from newsgraph.errors import NewsgraphError
    from newsgraph.voice.encoder import OnnxBackend, default_onnx_path

    with pytest.raises(NewsgraphError, match="unknown encoder backend"):
        load_encoder(backend="gpu")
    pytest.importorskip("onnxruntime", reason="the ONNX backend needs onnxruntime")
    with pytest.raises(NewsgraphError, match="build_voice_onnx"):
        OnnxBackend(str(default_onnx_path()), "0000000000000000")
    with pytest.raises(NewsgraphError, match="missing"):
        OnnxBackend(str(tmp_path / "absent.onnx"), "0000000000000000")


def _words_by_character(text):
    """basic_words' definition, one character at a time (what its regular expression shortcuts)."""
    from newsgraph.voice.encoder import _PUNCT, _WORD, _char_kinds

    words, current, begin = [], [], 0
    for i, original in enumerate(text):
        for ch, kind in _char_kinds(original):
            if kind == _WORD:
                begin = i if not current else begin
                current.append(ch)
                continue
            if current:
                words.append(("".join(current), begin, i))
                current = []
            if kind == _PUNCT:
                words.append((ch, i, i + 1))
    return words + ([("".join(current), begin, len(text))] if current else [])


def test_basic_words_match_the_character_by_character_definition():
    from newsgraph.voice.encoder import basic_words

    for text in ["Naïve\tDÉJÀ-vu, the ﬁne print\x00said 3.5%", "Ünïcode’s “quotes” — and\u200bjoins",
                 "e\u0301tude ß İstanbul 中文 x\x7fy", "", "   ", "a"]:
        assert basic_words(text) == _words_by_character(text)
    assert basic_words("Café owners") == [("cafe", 0, 4), ("owners", 5, 11)]
