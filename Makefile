# The README's commands. Each creates .venv when missing and installs into it.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat setup.cfg pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: demo test lint bench bench-quick clean-venv

$(STAMP): setup.cfg pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/framing demo

test: $(STAMP)
	$(BIN)/ruff check framing tests bench
	$(BIN)/ruff format --check framing tests bench
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check framing tests bench
	$(BIN)/ruff format --check framing tests bench

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

bench-quick: $(STAMP)
	$(BIN)/python bench/run_all.py --quick

clean-venv:
	rm -rf $(VENV)
