# The two commands a newcomer needs: `make serve` (preview the catalogue) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium
export NO_MKDOCS_2_WARNING := 1

.PHONY: install browser serve build validate lint test bench bench-ci clean

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements-dev.txt -e .
	touch $(STAMP)

install: $(STAMP) ## set up the virtual environment with pinned dependencies

browser: ## install Debian's Chromium for the browser tests (needs root)
	@test -x $(CHROMIUM) || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	  else echo "Chromium is missing: run 'sudo apt-get install chromium'" >&2; exit 1; fi; }

serve: install ## build the catalogue and preview it at http://127.0.0.1:8000
	$(BIN)/mkdocs serve

build: install ## build the static site into site/
	$(BIN)/mkdocs build --strict

validate: install ## check every record
	$(BIN)/catalogue validate

lint: install
	$(BIN)/ruff check catalogue hooks bench tests
	$(BIN)/mypy

test: install browser lint ## everything CI checks
	$(BIN)/catalogue validate
	$(BIN)/catalogue codeowners --check
	$(BIN)/python -m pytest -q -p no:cacheprovider
	$(BIN)/python -m bench --ci

bench: install ## benchmarks at 1,000 and 10,000 records, written to bench/RESULTS.md
	$(BIN)/python -m bench

clean:
	rm -rf site $(VENV) .pytest_cache .mypy_cache .ruff_cache
