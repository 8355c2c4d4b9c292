"""Several worker processes for large inputs (`--workers N`).

Each worker builds its own Pipeline once (the class is passed in, so this
module does not import pipeline.py, which imports it); batches keep spaCy's
`pipe` efficient and results come back in input order. The input's last
batches are cut finer (`_chunks`), so the workers finish together.
"""
from __future__ import annotations

import itertools
import multiprocessing
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
# The inputs left when the stream ends (at most workers x batch size) go out in this many chunks per
# worker. In whole batches a worker could be left with a last batch while the others idle: on the
# 84 PolNeAR dev articles (6 batches of 16, 3 a worker) that capped 2 workers at about 1.8x one.
TAIL_PIECES = 4


def _init(make_pipeline: Callable[..., Any], config: Config, known_actors: tuple = (), loaded: Any = None) -> None:
    global _worker
    _exit_with_parent(os.getppid())
    _worker = _worker_pipeline(make_pipeline, config, known_actors, loaded)


def _worker_pipeline(make_pipeline: Callable[..., Any], config: Config, known_actors: tuple, loaded: Any) -> Any:
    if loaded is not None:  # forked: the parent's Pipeline (and its one BLAS thread) is this process's too
        return loaded
    # The Pipeline limits BLAS to one thread in this process, as in the parent.
    return make_pipeline(replace(config, workers=1), known_actors=known_actors)


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
                     known_actors: tuple = (), loaded: Any = None) -> Iterator:
    """Outcomes in input order from config.workers processes: forked ones sharing `loaded` (the
    caller's Pipeline, if given and the platform forks), else each with make_pipeline(config,
    known_actors=...) (the Pipeline class: a module-level name, so it pickles by reference)."""
    chunk = max(1, config.batch_size)
    batches = _chunks(items, chunk, config.workers)
    forking = _fork_context() if loaded is not None else None
    initargs = (make_pipeline, config, tuple(known_actors), loaded if forking else None)
    with ProcessPoolExecutor(config.workers, mp_context=forking, initializer=_init, initargs=initargs) as pool:
        # Bounded look-ahead keeps memory flat on millions of inputs.
        pending = []
        for batch in batches:
            pending.append(pool.submit(_run, batch))
            if len(pending) >= config.workers * 2:
                yield from pending.pop(0).result()
        for fut in pending:
            yield from fut.result()


def _fork_context():
    """The fork start method where the platform has it: a forked worker inherits the initializer's
    arguments in memory instead of unpickling them, so the parent's loaded Pipeline can be one."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None


def _chunks(items: Iterable, size: int, workers: int = 1) -> Iterator[list]:
    """Batches of `size` while more than workers x size inputs are ahead (read ahead, at most
    one batch more); then what is left, cut into TAIL_PIECES nearly equal chunks per worker."""
    it = iter(items)
    ahead: list = []
    while True:
        ahead.extend(itertools.islice(it, (workers + 1) * size - len(ahead)))
        if len(ahead) <= workers * size:  # the stream has ended
            break
        yield ahead[:size]
        del ahead[:size]
    yield from _even(ahead, workers * TAIL_PIECES)


def _even(items: list, pieces: int) -> Iterator[list]:
    """items in order, in min(pieces, len(items)) chunks whose sizes differ by at most one."""
    pieces = max(1, min(pieces, len(items)))
    small, extra = divmod(len(items), pieces)
    start = 0
    for k in range(pieces):
        end = start + small + (k < extra)
        if end > start:
            yield items[start:end]
        start = end
