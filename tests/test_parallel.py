"""How parallel.py cuts the input into tasks for its workers (no processes started)."""
from __future__ import annotations

import itertools

from newsgraph.parallel import TAIL_PIECES, _chunks, _even


def test_chunks_keep_every_input_in_order():
    items = list(range(1000))
    assert [i for chunk in _chunks(iter(items), 16, 3) for i in chunk] == items


def test_the_last_inputs_are_cut_finer_so_workers_finish_together():
    sizes = [len(c) for c in _chunks(range(84), 16, 2)]
    # Four whole batches, then the 20 left in 2 x TAIL_PIECES chunks of 3 or 2: whole batches
    # of 16 would leave one worker a last batch of 16 while the other has 4.
    assert sizes[:4] == [16, 16, 16, 16]
    assert len(sizes) == 4 + 2 * TAIL_PIECES and set(sizes[4:]) == {2, 3}
    assert sum(sizes) == 84


def test_a_short_input_goes_out_in_single_items():
    assert [len(c) for c in _chunks(range(5), 16, 2)] == [1] * 5
    assert list(_chunks([], 16, 2)) == []


def test_reading_ahead_is_bounded():
    read = itertools.count()
    stream = (next(read) for _ in itertools.count())  # endless
    first = next(_chunks(stream, 16, 2))
    assert first == list(range(16))
    assert next(read) <= 3 * 16 + 1  # at most one batch beyond workers x size was read


def test_even_pieces_differ_by_at_most_one():
    pieces = list(_even(list(range(10)), 4))
    assert [len(p) for p in pieces] == [3, 3, 2, 2]
    assert list(_even([1, 2], 8)) == [[1], [2]]


def _never_called(*args, **kwargs):
    raise AssertionError("a forked worker must not build a Pipeline of its own")


def test_a_forked_worker_starts_from_the_parents_loaded_pipeline():
    from newsgraph.config import Config
    from newsgraph.parallel import _worker_pipeline

    loaded = object()
    assert _worker_pipeline(_never_called, Config(), (), loaded) is loaded


def test_without_a_loaded_pipeline_a_worker_builds_its_own_single_worker_one():
    from newsgraph.config import Config
    from newsgraph.parallel import _worker_pipeline

    built = _worker_pipeline(lambda config, known_actors: (config.workers, known_actors), Config(workers=3), ("a",), None)
    assert built == (1, ("a",))


class _Pool:
    """Stands in for ProcessPoolExecutor: records how it was made, starts nothing."""

    made: dict = {}

    def __init__(self, workers, mp_context=None, initializer=None, initargs=()):
        _Pool.made = {"context": mp_context, "initargs": initargs}

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_the_loaded_pipeline_goes_to_the_workers_only_where_they_are_forked(monkeypatch):
    import newsgraph.parallel as parallel
    from newsgraph.config import Config

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", _Pool)
    loaded = object()
    list(parallel.analyze_parallel(_never_called, Config(workers=2), [], loaded=loaded))
    if parallel._fork_context() is not None:
        assert _Pool.made["initargs"][-1] is loaded
        assert _Pool.made["context"].get_start_method() == "fork"
    monkeypatch.setattr(parallel, "_fork_context", lambda: None)  # a platform that spawns
    list(parallel.analyze_parallel(_never_called, Config(workers=2), [], loaded=loaded))
    assert _Pool.made["initargs"][-1] is None and _Pool.made["context"] is None
