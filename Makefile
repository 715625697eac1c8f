# cablegraph: `make demo` sets up, ingests the bundled samples and serves; `make test` runs the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STORE ?= ./cablegraph-store
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup demo ingest serve test lint bench clean

$(BIN)/cablegraph: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

setup: $(BIN)/cablegraph

ingest: setup
	$(BIN)/cablegraph ingest samples --store $(STORE)

demo: ingest
	@echo ""
	@echo "cablegraph is serving $(STORE) at http://$(HOST):$(PORT)/  (SPARQL endpoint: http://$(HOST):$(PORT)/sparql)"
	@echo "Try:  curl -G http://$(HOST):$(PORT)/sparql --data-urlencode 'query=SELECT ?cable ?subject WHERE { ?cable <http://purl.org/dc/terms/title> ?subject } LIMIT 5'"
	@echo ""
	$(BIN)/cablegraph serve --store $(STORE) --host $(HOST) --port $(PORT)

serve: setup
	$(BIN)/cablegraph serve --store $(STORE) --host $(HOST) --port $(PORT)

test: setup
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python bench/ingest.py samples

clean:
	rm -rf $(STORE) $(VENV) .pytest_cache
