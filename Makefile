# The README's two commands: `make demo` and `make test`. Each sets itself up from nothing
# (a fresh clone and a Python 3.11+ on PATH): `make demo` creates .venv-demo with the core
# alone (pydantic, holidays, python-stdnum: seconds, tens of MB); `make test` creates .venv from
# uv.lock (every extra and the dev dependency group), then runs.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-dev
DEMO   := .venv-demo

LOWEST := .venv-lowest

.PHONY: demo dist lock lowest-build reference test test-lowest lint typecheck pytest docs figures golden countries bench worst-case format clean

# The development environment is the lock file's (uv.lock, D97): uv, bootstrapped with pip,
# installs exactly the locked versions of every extra and of the dev group; --locked fails when
# uv.lock no longer matches pyproject.toml (then run `make lock`).
$(STAMP): pyproject.toml uv.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "ouitec-terms needs Python 3.11 or newer; run make PYTHON=python3.11 ...")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@# -qq: a machine's pip configuration may name index folders that do not exist (not our warnings)
	$(BIN)/python -m pip install -qq --disable-pip-version-check "$$($(PYTHON) scripts/locked.py uv)"
	UV_PROJECT_ENVIRONMENT=$(VENV) $(BIN)/uv sync --quiet --locked --inexact --all-extras --group dev
	@touch $@

# uv.lock written again after a change of pyproject.toml's dependencies.
lock: $(STAMP)
	$(BIN)/uv lock

$(DEMO)/.installed-core: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "ouitec-terms needs Python 3.11 or newer; run make PYTHON=python3.11 ...")'
	@test -x $(DEMO)/bin/python || $(PYTHON) -m venv $(DEMO)
	$(DEMO)/bin/python -m pip install --quiet --disable-pip-version-check -e .
	@touch $@

demo: $(DEMO)/.installed-core
	$(DEMO)/bin/ouitec-terms demo

# The sdist and the wheel, in dist/ (a test installs the wheel into a clean environment). Needs
# only the build tool, in its own small environment; the backend comes from build-system.
dist:
	@test -x .venv-build/bin/python || $(PYTHON) -m venv .venv-build
	.venv-build/bin/python -m pip install --quiet --disable-pip-version-check "build>=1.2"
	rm -rf dist
	.venv-build/bin/python -m build --outdir dist . >/dev/null
	@ls dist

test: lint typecheck pytest docs

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/ruff format --check src tests scripts benchmarks
	$(BIN)/lint-imports --no-logo
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
		-e '.[notebook,docs,batch,bench,einvoice]' --group dev
	@$(BIN)/uv pip list --python $(LOWEST)/bin/python 2>/dev/null \
		| grep -Ei '^(pydantic|holidays|numpy|pandas|matplotlib|hypothesis|pytest|mkdocs|ruff|mypy) '
	@touch $(LOWEST)/.installed-dev
	$(MAKE) --no-print-directory lowest-build
	$(MAKE) --no-print-directory VENV=$(LOWEST) \
		PYTEST_FLAGS="-W 'ignore::pyparsing.warnings.PyparsingDeprecationWarning'" \
		lint typecheck pytest docs

# The build backend at its declared floor: the wheel built with exactly the lowest hatchling
# build-system.requires allows carries the licence metadata (PEP 639).
lowest-build: $(STAMP)
	rm -rf $(LOWEST)/dist && mkdir -p $(LOWEST)
	$(BIN)/python scripts/build_floor.py > $(LOWEST)/build-floor.txt
	$(BIN)/uv build --quiet --wheel --build-constraint $(LOWEST)/build-floor.txt --out-dir $(LOWEST)/dist .
	$(BIN)/python scripts/check_wheel_metadata.py $(LOWEST)/dist/*.whl

# The documentation site, built strictly (any warning fails); notebooks are executed into it.
docs: $(STAMP)
	MPLBACKEND=Agg JUPYTER_PLATFORM_DIRS=1 NO_MKDOCS_2_WARNING=1 PYDEVD_DISABLE_FILE_VALIDATION=1 \
		JUPYTER_CONFIG_PATH=$(CURDIR)/scripts/jupyter \
		$(BIN)/mkdocs build --strict --quiet --site-dir site

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

# The API reference's pages, one per module, and the package page listing every export (a test
# fails when they are stale).
reference: $(STAMP)
	$(BIN)/python scripts/make_reference.py

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
	rm -rf $(VENV) $(LOWEST) $(DEMO) .venv-build .pytest_cache .mypy_cache .ruff_cache .hypothesis build dist site
