# The README's two commands: `make demo` and `make test`. Each sets itself up from nothing
# (a fresh clone and a Python 3.11+ on PATH): `make demo` creates .venv-demo with the core
# alone (pydantic, holidays, python-stdnum: seconds, tens of MB); `make test` creates .venv with
# the dev extra (every tool and extra), then runs.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-dev
DEMO   := .venv-demo

LOWEST := .venv-lowest

.PHONY: demo dist test test-lowest lint typecheck pytest docs figures golden countries bench worst-case format clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "ouitec-terms needs Python 3.11 or newer; run make PYTHON=python3.11 ...")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

$(DEMO)/.installed-core: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "ouitec-terms needs Python 3.11 or newer; run make PYTHON=python3.11 ...")'
	@test -x $(DEMO)/bin/python || $(PYTHON) -m venv $(DEMO)
	$(DEMO)/bin/python -m pip install --quiet --disable-pip-version-check -e .
	@touch $@

demo: $(DEMO)/.installed-core
	$(DEMO)/bin/ouitec-terms demo

# The sdist and the wheel, in dist/ (a test installs the wheel into a clean environment).
dist: $(STAMP)
	rm -rf dist
	$(BIN)/uv build --quiet --out-dir dist
	@ls dist

test: lint typecheck pytest docs

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/ruff format --check src tests scripts benchmarks
	$(BIN)/lint-imports
	$(BIN)/codespell docs src tests scripts benchmarks README.md CHANGELOG.md

typecheck: $(STAMP)
	$(BIN)/mypy --strict

pytest: $(STAMP)
	$(BIN)/pytest $(if $(CI),-p no:cacheprovider,) $(PYTEST_FLAGS)

# The declared floors, proven: a second environment with exactly the lowest versions that
# pyproject.toml allows, for the core and every extra (uv --resolution lowest-direct), then the
# same checks as make test in it. Old matplotlib releases call pyparsing names that today's
# pyparsing deprecates: that warning, raised inside matplotlib, is the only one this run lets
# through (make test keeps every warning an error).
test-lowest: $(STAMP)
	rm -rf $(LOWEST)
	$(BIN)/uv venv --quiet --python $(BIN)/python $(LOWEST)
	$(BIN)/uv pip install --quiet --python $(LOWEST)/bin/python --resolution lowest-direct \
		-e '.[dev]'
	@$(BIN)/uv pip list --python $(LOWEST)/bin/python 2>/dev/null \
		| grep -Ei '^(pydantic|holidays|numpy|pandas|matplotlib|hypothesis|pytest|mkdocs|ruff|mypy) '
	@touch $(LOWEST)/.installed-dev
	$(MAKE) --no-print-directory VENV=$(LOWEST) \
		PYTEST_FLAGS="-W 'ignore::pyparsing.warnings.PyparsingDeprecationWarning'" \
		lint typecheck pytest docs

# The documentation site, built strictly (any warning fails); notebooks are executed into it.
docs: $(STAMP)
	MPLBACKEND=Agg JUPYTER_PLATFORM_DIRS=1 NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet --site-dir site

# Benchmarks against businesstimedelta, pandas and workalendar (not part of make test, which
# runs a 200-item smoke of the same script). Results: benchmarks/results/latest.json.
bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py
	$(BIN)/python benchmarks/imports.py
	$(BIN)/python benchmarks/book.py

# The worst documents within the limits of D74, measured (docs/performance.md, "Limits").
worst-case: $(STAMP)
	$(BIN)/python benchmarks/worst_case.py

# The golden documents of tests/golden/, written again after a change to a rendering that was
# meant; review the change with git diff tests/golden.
golden: $(STAMP)
	$(BIN)/python scripts/golden.py
	PYTHONPATH=tests $(BIN)/python tests/test_einvoice.py

# The ISO 3166-1 country list of the library, written again from pycountry (a test fails when
# the installed pycountry and the written list disagree).
countries: $(STAMP)
	$(BIN)/python scripts/make_countries.py
	$(BIN)/ruff format --quiet src/ouitec_terms/boundary/iso3166.py

# The README's picture, generated (never drawn by hand).
figures: $(STAMP)
	MPLBACKEND=Agg $(BIN)/python scripts/make_figures.py docs/images

format: $(STAMP)
	$(BIN)/ruff check --fix src tests scripts benchmarks
	$(BIN)/ruff format src tests scripts benchmarks

clean:
	rm -rf $(VENV) $(LOWEST) $(DEMO) .pytest_cache .mypy_cache .ruff_cache .hypothesis build dist site
