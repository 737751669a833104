# proscribe — two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO := demo-out

.PHONY: demo test lint typecheck bench model clean

$(BIN)/proscribe: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	@touch $@

$(VENV)/.test-deps: $(BIN)/proscribe
	$(BIN)/pip install -q -e '.[test]'
	@touch $@

## The main job on the embedded default: SQLite, the bundled pack, the bundled sample catalogue.
demo: $(BIN)/proscribe
	@mkdir -p $(DEMO)
	$(BIN)/proscribe scan samples/catalogue.jsonl --pack cn-crypto-mining-2021 \
	    --as-of 2021-10-20 --jurisdiction CN --db sqlite:///$(DEMO)/proscribe.db \
	    --out $(DEMO)/verdicts.jsonl --report $(DEMO)/report.html; \
	    status=$$?; [ $$status -le 1 ] || exit $$status

## Lint, type-check, and the whole test suite.
test: $(VENV)/.test-deps
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/pytest

bench: $(VENV)/.test-deps
	$(BIN)/python bench/scan.py

clean:
	rm -rf $(DEMO) .pytest_cache .mypy_cache .ruff_cache

## Retrain the bundled classifier from the project-written corpus (reproducible: fixed seed).
model: $(BIN)/proscribe
	$(BIN)/proscribe train --synthetic 100000 --seed 7 \
	    --out src/proscribe/packs/cn-crypto-mining-2021/model.skops
