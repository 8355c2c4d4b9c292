"""Train the shipped opinion classifier: src/newsgraph/models/voice_opinion.json.

A logistic regression over the sentence embeddings of the voice encoder
(models/voice_encoder.npz, scripts/build_voice_encoder.py). Training data,
both licensed for redistribution of what is learnt from them:
  * CheckThat! 2023 English subjectivity, train + dev (the same sentences are
    published as NewsSD-ENG under CC BY 4.0), read from ../shared/data;
  * src/newsgraph/data/voice/synthetic_train.tsv, sentences written for this
    project (GPL-3.0-or-later).
The CheckThat test split and BABE are never used here: they are for
`newsgraph eval voice`. Deterministic: same data and encoder, same weights.

    python scripts/train_voice.py [--out PATH] [--C 2.0] [--synthetic-weight 1.0]
"""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import click

from newsgraph.evaluation import data_dir
from newsgraph.voice.encoder import load_encoder
from newsgraph.voice.model import default_model_path
from newsgraph.voice.training import DEFAULT_C, fit, read_checkthat, read_labelled_tsv

SPLITS = ("train", "dev")


@click.command()
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Where to write the JSON model.")
@click.option("--C", "C", type=float, default=DEFAULT_C, show_default=True, help="Inverse L2 strength.")
@click.option("--synthetic-weight", type=float, default=1.0, show_default=True,
              help="Sample weight of the synthetic sentences (0 leaves them out).")
def main(out: Path | None, C: float, synthetic_weight: float) -> None:
    base = data_dir("subjectivity") / "subjectivity"
    rows = [row for split in SPLITS for row in read_checkthat(base / f"checkthat2023_{split}.tsv")]
    weights = [1.0] * len(rows)
    if synthetic_weight > 0:
        synthetic = read_labelled_tsv(Path(str(resources.files("newsgraph").joinpath(
            "data", "voice", "synthetic_train.tsv"))))
        rows += synthetic
        weights += [synthetic_weight] * len(synthetic)
    meta = {
        "trained_on": [f"checkthat2023_{s} (NewsSD-ENG, CC BY 4.0)" for s in SPLITS]
        + (["newsgraph synthetic_train.tsv (GPL-3.0-or-later)"] if synthetic_weight > 0 else []),
        "sentences": len(rows), "C": C, "synthetic_weight": synthetic_weight,
        "encoder": "models/voice_encoder.npz: all-MiniLM-L6-v2 (Apache-2.0), 3 layers, int8",
    }
    # numpy: the reference runtime (a stale .onnx after a new .npz would be refused anyway).
    fitted = fit(load_encoder(backend="numpy"), [text for text, _ in rows], [label for _, label in rows], C, weights, meta)
    target = out or default_model_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(fitted.as_json(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    click.echo(f"wrote {target}: {len(fitted.weights)} weights from {len(rows)} sentences")


if __name__ == "__main__":
    main()
