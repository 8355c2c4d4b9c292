"""Several worker processes for large inputs (`--workers N`).

Each worker builds its own Pipeline once (the class is passed in, so this
module does not import pipeline.py, which imports it); batches keep spaCy's
`pipe` efficient and results come back in input order.
"""
from __future__ import annotations

import itertools
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from typing import Any, Callable, Iterable, Iterator

from .article import RawInput
from .config import Config
from .errors import InputError

_worker = None


def _init(make_pipeline: Callable[..., Any], config: Config, known_actors: tuple = ()) -> None:
    global _worker
    _exit_with_parent(os.getppid())
    # The Pipeline limits BLAS to one thread in this process, as in the parent.
    _worker = make_pipeline(replace(config, workers=1), known_actors=known_actors)


def _exit_with_parent(parent: int) -> None:
    """Workers of a parent killed with SIGKILL would otherwise wait forever."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="newsgraph-parent-watch", daemon=True).start()


def _run(batch: list):
    return list(_worker.analyze_batches(batch))


def analyze_parallel(make_pipeline: Callable[..., Any], config: Config, items: Iterable[RawInput | InputError],
                     known_actors: tuple = ()) -> Iterator:
    """Outcomes in input order from config.workers processes, each with make_pipeline(config, known_actors=...)
    (the Pipeline class: a module-level name, so it pickles by reference)."""
    chunk = max(1, config.batch_size)
    batches = _chunks(items, chunk)
    initargs = (make_pipeline, config, tuple(known_actors))
    with ProcessPoolExecutor(config.workers, initializer=_init, initargs=initargs) as pool:
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
