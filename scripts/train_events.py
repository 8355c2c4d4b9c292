"""Train the event classifier shipped as src/newsgraph/models/events_classifier.json.

Data: the CAMEO penta train sentences (../shared/data/events/cameo_penta_train.tsv,
GPL-3.0, compiled by the ConfliBERT project), read where they lie and never
copied. Only the learned weights are written (hashed feature slots, no text).
The PLOVER GSR is NOT trained on: it stays the held-out set for the
trained-on-penta figure of `newsgraph eval events`.

    .venv/bin/python scripts/train_events.py [--c 4] [--out PATH]
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from newsgraph.evaluation.events import load_penta
from newsgraph.events import training
from newsgraph.events.model import default_model_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--c", type=float, default=training.C, help="inverse L2 strength")
    parser.add_argument("--out", type=Path, default=default_model_path())
    args = parser.parse_args()
    started = time.perf_counter()
    rows = load_penta()
    proposed = training.propose([t for t, _ in rows])
    labels = [label for _, label in rows]
    fitted = training.fit(training.matrix(proposed), labels, args.c)
    meta = {"trained_on": "CAMEO penta train (cameo_penta_train.tsv, GPL-3.0), all sentences",
            "sentences": len(rows), "c": args.c, "classes": "CAMEO penta 0-4"}
    model = training.to_event_model(fitted, meta)
    args.out.write_text(json.dumps(model.as_json(), separators=(",", ":")) + "\n", encoding="utf-8")
    kept = sum(len(p) for p in model.weights.values())
    print(f"wrote {args.out} ({kept} weights) from {len(rows)} sentences in {time.perf_counter() - started:.0f}s")


if __name__ == "__main__":
    main()
