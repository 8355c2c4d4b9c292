"""Shared fixtures: one spaCy-backed Pipeline for the whole session."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

from newsgraph.evaluation import has_data

# The machines that run the suite are shared and noisy: no property test may fail on
# time (hypothesis' default is a 200 ms deadline per example).
settings.register_profile("newsgraph", deadline=None)
settings.load_profile("newsgraph")

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def pipeline():
    from newsgraph.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def seed_analysis(pipeline):
    seed = SEEDS / "000_e494edcee4030ef3.txt"
    if not seed.exists():
        pytest.skip(f"seed article not found at {seed} (the shared folder is absent)")
    return pipeline.analyze(seed.read_text(encoding="utf-8"), published="2021-05-20")


def needs_data(required: str):
    """Skip marker for tests reading ../shared/data/<required>."""
    return pytest.mark.skipif(not has_data(required), reason=f"shared data {required!r} not found; set NEWSGRAPH_DATA")
