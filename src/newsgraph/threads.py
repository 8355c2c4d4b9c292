"""One compute thread per process, and the loaded models out of the collector's way.

newsgraph scales by processes (`--workers N`); a BLAS library that also
starts a thread per core in each process only contends with them, and with
everything else on a shared machine (measured: 27% more CPU for the same
work on a quiet machine, 2-5x slower under contention). Every Pipeline, in
the main process and in each worker, calls one_blas_thread() (as does
fastspacy.blas_products, which moves the spaCy models' products onto it); the ONNX
Runtime session of the voice encoder is built with one thread likewise.
Every Pipeline also freezes what it loaded (freeze_loaded), so the cyclic
garbage collector stops re-walking the models on each full collection.
"""
from __future__ import annotations

import gc
from functools import lru_cache


@lru_cache(maxsize=1)
def one_blas_thread() -> None:
    """Limit OpenBLAS/MKL/BLIS (and OpenMP) pools of this process to one thread, once."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)


def freeze_loaded() -> None:
    """Move every object alive now (the spaCy model, the lexicons, the knowledge base: loaded once,
    kept for the process's life) out of the cyclic collector's reach (`gc.freeze`). Otherwise each
    full collection, which parsing and the stages' allocations trigger every few seconds, walks
    them all again: with them frozen, the collector's time on the 84 PolNeAR dev articles fell
    from 0.48 s to 0.17 s and the parse ran about 6% faster. They are never freed, which they would
    not be anyway; a process that builds many Pipelines freezes each one's objects likewise."""
    gc.freeze()
