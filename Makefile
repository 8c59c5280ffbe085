# Two commands for a fresh machine (Python 3.10+ and make are all it needs):
#   make serve   set up, then serve the learning site at http://127.0.0.1:8000
#   make test    set up, then run every test (installs Chromium when run as root)

VENV   ?= .venv
PYTHON ?= python3
BIN     = $(VENV)/bin
export NO_MKDOCS_2_WARNING = 1

.PHONY: serve build test validate setup setup-test browsers clean

serve: setup
	$(BIN)/berdaya validate
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: setup
	$(BIN)/berdaya validate
	$(BIN)/mkdocs build --strict

validate: setup
	$(BIN)/berdaya validate

test: setup-test browsers
	$(BIN)/python -m pytest

setup: $(VENV)/.installed
setup-test: $(VENV)/.installed-test

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

browsers:
	@sh scripts/ensure-chromium.sh

clean:
	rm -rf site $(VENV) .pytest_cache
