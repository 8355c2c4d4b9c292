"""One BLAS thread in every process that builds a Pipeline (threads.py), Spark's workers included."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

# In a fresh process: this test session's own Pipelines have limited its pools already.
PROBE = """
import json, sys
from threadpoolctl import threadpool_info
{build}
print(json.dumps([(i["internal_api"], i["num_threads"]) for i in threadpool_info()]))
"""
BUILDS = {
    "pipeline": "from newsgraph.pipeline import Pipeline; Pipeline(stages=('actors',))",
    "spark task": "from newsgraph.spark.task import pipeline_for; pipeline_for({'stages': ('actors',)})",
}


@pytest.mark.slow
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: a BLAS pool has one thread anyway")
@pytest.mark.parametrize("where", sorted(BUILDS))
def test_a_process_that_builds_a_pipeline_runs_one_blas_thread(where):
    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    done = subprocess.run([sys.executable, "-c", PROBE.format(build=BUILDS[where])], env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    pools = json.loads(done.stdout.strip().splitlines()[-1])
    assert pools, "no BLAS pool loaded: nothing was checked"
    assert all(threads == 1 for _, threads in pools), pools
