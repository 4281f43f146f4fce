# autonews — `make run` and `make test` set everything up on a machine with Python 3.11 and make.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.9
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml uv.lock | sha256sum | cut -c1-12)

export UV_PYTHON_DOWNLOADS := never
export DO_NOT_TRACK := 1
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export DBT_SEND_ANONYMOUS_USAGE_STATS := false
export RUNTIME__DLTHUB_TELEMETRY := false

.DEFAULT_GOAL := help
.PHONY: help setup run test lint format bench eval docs clean db-stop

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml uv.lock
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required, found " + sys.version.split()[0]'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	@$(BIN)/uv sync --frozen --inexact --compile-bytecode --python $(BIN)/python --quiet
	@rm -f $(VENV)/.installed-* && touch $@

setup: $(STAMP) ## create the environment from the locked versions

run: setup ## run the nightly job once on the bundled samples (embedded PostgreSQL unless DATABASE_URL)
	$(BIN)/autonews run $(if $(SOURCE),--source $(SOURCE))

test: setup ## run the test suite against a real PostgreSQL (embedded unless TEST_DATABASE_URL)
	$(BIN)/pytest $(PYTEST_ARGS)

lint: setup ## ruff and sqlfluff
	$(BIN)/ruff check flows tests bench evaluation
	$(BIN)/ruff format --check flows tests bench evaluation
	$(BIN)/sqlfluff lint dbt_project/models dbt_project/tests --disable-progress-bar

format: setup ## format the Python code
	$(BIN)/ruff format flows tests bench evaluation
	$(BIN)/ruff check --fix flows tests bench evaluation

bench: setup ## throughput and memory benchmarks (N=10000,100000 by default; BENCH_N to change), then the worst-case inputs
	$(BIN)/python -m bench $(if $(BENCH_N),--sizes $(BENCH_N))
	$(BIN)/python -m bench worst-case

eval: setup ## precision, recall and F1 on the labelled sets (news_dev through the marts too)
	$(BIN)/python -m evaluation all --marts
	$(BIN)/python -m evaluation.stories

docs: setup ## build dbt's documentation site (lineage from sources to marts)
	$(BIN)/python -m flows.docs

db-stop: setup ## stop the embedded PostgreSQL
	$(BIN)/autonews db stop

clean: ## remove the environment and local state (the embedded database too)
	-$(BIN)/autonews db stop
	rm -rf $(VENV) .autonews dbt_project/target dbt_project/logs
