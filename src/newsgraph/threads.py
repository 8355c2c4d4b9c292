"""One compute thread per process.

newsgraph scales by processes (`--workers N`); a BLAS library that also
starts a thread per core in each process only contends with them, and with
everything else on a shared machine (measured: 27% more CPU for the same
work on a quiet machine, 2-5x slower under contention). Every Pipeline, in
the main process and in each worker, calls one_blas_thread(); the ONNX
Runtime session of the voice encoder is built with one thread likewise.
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def one_blas_thread() -> None:
    """Limit OpenBLAS/MKL/BLIS (and OpenMP) pools of this process to one thread, once."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)
