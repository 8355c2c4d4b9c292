"""Several worker processes for large inputs (`--workers N`).

Each worker builds its own Pipeline once; batches keep spaCy's `pipe`
efficient and results come back in input order.
"""
from __future__ import annotations

import itertools
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from typing import Iterable, Iterator

from .article import RawInput
from .config import Config
from .errors import InputError

_worker = None


def _init(config: Config, known_actors: tuple = ()) -> None:
    global _worker
    from .pipeline import Pipeline

    _exit_with_parent(os.getppid())
    _one_blas_thread()
    _worker = Pipeline(replace(config, workers=1), known_actors=known_actors)


def _one_blas_thread() -> None:
    """Workers already fill the cores; BLAS threads on top of them (the voice encoder's
    matrix products) would only contend."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)


def _exit_with_parent(parent: int) -> None:
    """Workers of a parent killed with SIGKILL would otherwise wait forever."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="newsgraph-parent-watch", daemon=True).start()


def _run(batch: list):
    return list(_worker._analyze_batches(batch))


def analyze_parallel(config: Config, items: Iterable[RawInput | InputError], known_actors: tuple = ()) -> Iterator:
    chunk = max(1, config.batch_size)
    batches = _chunks(items, chunk)
    with ProcessPoolExecutor(config.workers, initializer=_init, initargs=(config, tuple(known_actors))) as pool:
        # Bounded look-ahead keeps memory flat on millions of inputs.
        pending = []
        for batch in batches:
            pending.append(pool.submit(_run, batch))
            if len(pending) >= config.workers * 2:
                yield from pending.pop(0).result()
        for fut in pending:
            yield from fut.result()


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch
