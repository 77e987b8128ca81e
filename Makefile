# Two commands: `make run` (set up .venv, seed the store on first run, serve the app) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB := $(or $(MUSEUM_DB),data/museums.duckdb)
PORT ?= 8501
export PYTHONPATH := $(CURDIR)

.PHONY: run test e2e bench sample clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Stamp files make the install idempotent: pip runs again only when a requirements file changes.
$(VENV)/.run-deps: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-deps: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.run-deps

$(DB): | $(VENV)/.run-deps
	$(BIN)/python -m analysis load data/sample_survey.xlsx --db $(DB) --user sample-seed

run: $(VENV)/.run-deps $(DB)
	STREAMLIT_SERVER_PORT=$${STREAMLIT_SERVER_PORT:-$(PORT)} MUSEUM_DB=$(DB) $(BIN)/streamlit run app.py

test: $(VENV)/.dev-deps
	$(BIN)/python -m pytest

bench: $(VENV)/.dev-deps
	$(BIN)/python bench/headers.py
	$(BIN)/python bench/run.py

# Regenerate the bundled sample survey (deterministic: same seed, same figures).
sample: $(VENV)/.run-deps
	$(BIN)/python -m analysis sample data/sample_survey.xlsx

clean:
	rm -rf $(VENV) .pytest_cache
