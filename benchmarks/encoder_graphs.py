"""Voice encoder graphs side by side: ms a sentence and how far their vectors are apart.

    python benchmarks/encoder_graphs.py OLD.onnx NEW.onnx [...] [--sentences N] [--repeats N]

Each graph runs on one thread (as a pipeline worker runs it) over the same
batches (256 pieces, as the encoder batches them) of the first --sentences
sentences of the PolNeAR dev articles (../shared/data; else the synthetic
fixtures), the graphs taking turns --repeats times, so a load that comes
and goes on a shared machine falls on all of them alike. Times are CPU
seconds of session.run (what other jobs on the machine inflate least);
min and median are printed. The vectors (pooled as the encoder pools) are
compared with the first graph's and with numpy's (on the first 200
sentences: numpy is 30 times slower). Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import re
import statistics
import time

import numpy as np

from throughput import load_texts  # noqa: E402  (benchmarks/ is the script's directory)


def sentences(limit: int) -> list[str]:
    _, texts = load_texts(10_000)
    found = [s.strip() for text in texts for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]
    return found[:limit]


def feeds(encoder, texts: list[str]) -> list[dict[str, np.ndarray]]:
    """The encoder's own batches of these texts, as ONNX Runtime inputs."""
    from newsgraph.voice.encoder import BATCH_PIECES, _batches

    ids = [encoder.tokenizer.encode(text) for text in texts]
    out = []
    for chunk in _batches(ids, BATCH_PIECES):
        batch = [ids[i] for i in chunk]
        width = max(map(len, batch))
        rows, mask = np.zeros((len(batch), width), np.int64), np.zeros((len(batch), width), np.float32)
        for row, seq in enumerate(batch):
            rows[row, :len(seq)], mask[row, :len(seq)] = seq, 1.0
        out.append({"ids": rows, "mask": mask})
    return out


def timed(backends: dict, batches: list[dict], repeats: int) -> dict[str, list[float]]:
    seconds: dict[str, list[float]] = {path: [] for path in backends}
    for _ in range(repeats):
        for path, backend in backends.items():
            start = time.process_time()
            for feed in batches:
                backend.session.run(["states"], feed)
            seconds[path].append(time.process_time() - start)
    return seconds


def vectors(encoder, backend, texts: list[str]) -> np.ndarray:
    saved, encoder.backend = encoder.backend, backend
    try:
        return encoder.encode(texts)
    finally:
        encoder.backend = saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graphs", nargs="+")
    parser.add_argument("--sentences", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    from newsgraph.voice.encoder import OnnxBackend, load_encoder

    encoder = load_encoder(backend="numpy")
    texts = sentences(args.sentences)
    backends = {path: OnnxBackend(path, encoder.digest) for path in args.graphs}
    seconds = timed(backends, feeds(encoder, texts), args.repeats)
    first = vectors(encoder, backends[args.graphs[0]], texts)
    reference = encoder.encode(texts[:200])
    print(f"{len(texts)} sentences, {args.repeats} turns each, one thread, CPU time of session.run")
    for path, backend in backends.items():
        ours = vectors(encoder, backend, texts)
        apart = float(np.abs(ours - first).max())
        from_numpy = float((1 - np.sum(ours[:200] * reference, axis=1)).max())
        per = [s / len(texts) * 1e3 for s in seconds[path]]
        print(f"{path}: {min(per):.3f} ms a sentence (median {statistics.median(per):.3f}); "
              f"largest difference from the first graph {apart:.1e}, cosine distance from numpy {from_numpy:.1e}")


if __name__ == "__main__":
    main()
