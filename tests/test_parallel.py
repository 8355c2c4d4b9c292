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
