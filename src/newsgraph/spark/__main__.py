"""spark-submit entry point: `spark-submit [--master yarn ...] PATH/TO/newsgraph/spark/__main__.py ARGS`,
or `python -m newsgraph.spark ARGS` (ARGS as for `newsgraph spark`). Absolute imports: spark-submit
runs this file as a script, outside its package."""
import sys

from newsgraph.cli import main

if __name__ == "__main__":
    main(["spark", *sys.argv[1:]], prog_name="newsgraph")
