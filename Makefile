# The two commands a newcomer runs: `make demo` and `make test`. Both set up .venv first.
PYTHON ?= $(shell command -v python3.11 || command -v python3.12 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint clean serve

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; v = sys.version_info[:2]; sys.exit(0 if (3, 11) <= v < (3, 13) else "iprules needs Python 3.11 or 3.12 (durable-rules does not import on 3.13); set PYTHON=...")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,cluster]'
	touch $(STAMP)

demo: $(STAMP)
	@# exit 1 means "violations found", which is what the example is for
	$(BIN)/iprules check examples/台账.jsonl; status=$$?; [ $$status -le 1 ]
	@mkdir -p out
	$(BIN)/iprules check examples/台账.jsonl --format html --output out/报告.html; status=$$?; [ $$status -le 1 ]
	@echo "HTML 报告 / HTML report: $(CURDIR)/out/报告.html (open it in a browser)"

# the workbench in a browser, on this computer only: http://127.0.0.1:8000/
# (another address: make serve HOST=0.0.0.0 with IPRULES_PASSWORD set; see docs/workbench.md)
HOST ?= 127.0.0.1
PORT ?= 8000
serve: $(STAMP)
	$(BIN)/iprules serve --host $(HOST) --port $(PORT)

CODE := src tests $(wildcard benchmarks)

lint: $(STAMP)
	$(BIN)/ruff check $(CODE)
	$(BIN)/ruff format --check $(CODE)
	$(BIN)/mypy $(CODE)

test: lint
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
