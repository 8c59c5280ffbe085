# Two commands for a fresh machine (Python 3.10+ and make are all it needs):
#   make serve   set up, then serve the learning site at http://127.0.0.1:8000/berdaya/
#   make test    set up, then run every test (installs Chromium when run as root)

VENV   ?= .venv
PYTHON ?= python3
BIN     = $(VENV)/bin
export NO_MKDOCS_2_WARNING = 1

.PHONY: serve build test validate setup setup-test browsers clean

# serve checks the content on every save itself: a mistake shows in the terminal and on
# every page, while the last good pages stay up.
serve: setup
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

# Performance benchmarks (bench/README.md); BENCH_ARGS=--quick for fewer repetitions.
.PHONY: bench
bench: setup
	$(BIN)/python -m bench.run $(BENCH_ARGS)

# Node tools for the accessibility tests and the Lighthouse audit (package.json).
# Without npm the axe tests are skipped with a warning (under CI=true they fail).
.PHONY: node-deps audit
test: node-deps

node-deps:
	@if ! command -v npm >/dev/null 2>&1; then \
	  echo "WARNING: npm not found; accessibility (axe) tests will be SKIPPED. Install Node.js, then run: npm ci" >&2; \
	elif [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then \
	  npm ci --no-audit --no-fund || echo "WARNING: npm ci failed; axe tests will be SKIPPED" >&2; \
	fi

# Lighthouse, five runs per page: home, a module, a self-assessment, a training schedule, the glossary (bench/audit/FIGURES.md).
audit: setup node-deps
	$(BIN)/python bench/audit/lighthouse.py $(AUDIT_ARGS)

# Engine portability (bench/README.md): builds `berdaya generate`'s output with the newest
# Zensical in its own venv (bench/results/zensical-venv) and checks it in Chromium. Not a gate.
.PHONY: portability
portability: setup-test
	$(BIN)/python -m bench.zensical_check $(PORTABILITY_ARGS)
