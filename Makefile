# Coordina developer tasks. `make help` lists them.
#
#   make test PYTEST_ARGS='-k storage -x'     extra pytest arguments
#   make bench BENCH_ARGS='-k import'         extra pytest arguments for benchmarks
#   make run ARGS='--help'                    arguments for main.py
#   make venv PYTHON=python3.12               interpreter the venv is made from

PYTHON ?= python3
VENV ?= .venv
PYTEST_ARGS ?=
BENCH_ARGS ?=
ARGS ?=

VENV_PY := $(VENV)/bin/python
# The stamp's name carries a hash of pyproject.toml: editing the dependencies makes a new
# stamp name, so the next `make` reinstalls. A mere checkout/touch does not.
PYPROJECT_HASH := $(shell sha256sum pyproject.toml 2>/dev/null | cut -c1-16)
STAMP := $(VENV)/.installed-$(PYPROJECT_HASH)

I18N_DIR := resources/i18n
TS := $(I18N_DIR)/coordina_en.ts
QM := $(I18N_DIR)/coordina_en.qm
# tools/ is optional (a checkout without it still lints).
LINT_PATHS := app tests main.py $(wildcard tools)
UI_SOURCES = $(shell find app/ui -name '*.py' 2>/dev/null | LC_ALL=C sort)

.DEFAULT_GOAL := help
.PHONY: help venv run test bench reliability lint i18n qm check-system check-system-gui clean distclean \
	package package-check

help:
	@echo "make venv           create $(VENV) and pip install -e '.[test]' (again when pyproject.toml changes)"
	@echo "make run            check system (incl. X11 libs), build .qm, run main.py (ARGS=...)"
	@echo "make test           check system, lint, run pytest offscreen with coverage (PYTEST_ARGS=...), benches excluded"
	@echo "make bench          run tests/bench/ with pytest-benchmark and print the table (BENCH_ARGS=...)"
	@echo "make reliability    kill -9, fuzz and disk-fault harness at full strength; writes RELIABILITY.md"
	@echo "make lint           ruff check, ruff format --check and mypy app"
	@echo "make i18n           update $(TS) from app/ui with pyside6-lupdate, then build the .qm"
	@echo "make qm             build $(QM) from $(TS) if missing or older (run/test do this)"
	@echo "make check-system   check shared libraries, fonts and python3-venv; prints the apt-get line"
	@echo "make package        build dist/coordina/ and dist/coordina-<version>-<os>-<arch>.tar.gz (+ .sha256)"
	@echo "make package-check  package, then check size budget and glibc, and run the bundle's self-test"
	@echo "make clean          remove caches and build products; distclean also removes $(VENV)"

# --- environment --------------------------------------------------------------------

check-system:
	@PYTHON='$(PYTHON)' VENV='$(VENV)' bash packaging/check_system.sh

check-system-gui:
	@PYTHON='$(PYTHON)' VENV='$(VENV)' bash packaging/check_system.sh --gui

venv: $(STAMP)

$(STAMP):
	@test -x $(VENV_PY) || { echo "Creating $(VENV) with $(PYTHON)"; $(PYTHON) -m venv $(VENV); }
	$(VENV_PY) -m pip install --progress-bar off -e '.[test]'
	@rm -f $(VENV)/.installed-*
	@touch $@

# --- translations -------------------------------------------------------------------
# The .ts is the committed source; the .qm is a build product made on demand.

qm: $(if $(wildcard $(TS)),$(QM))

$(QM): $(TS) | $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $(TS) -qm $(QM)

i18n: $(STAMP)
	@test -n "$(UI_SOURCES)" || { echo "make i18n: no Python files under app/ui/"; exit 1; }
	@mkdir -p $(I18N_DIR)
	@cp $(TS) build/i18n-before.ts 2>/dev/null || { mkdir -p build && cp $(TS) build/i18n-before.ts; }
	$(VENV)/bin/pyside6-lupdate $(UI_SOURCES) -no-obsolete -source-language es_MX -target-language en -ts $(TS)
	@# Strings that moved to another class keep their English (tools/i18n_fill.py says why).
	$(VENV_PY) tools/i18n_fill.py $(TS) build/i18n-before.ts
	$(VENV)/bin/pyside6-lupdate $(UI_SOURCES) -no-obsolete -source-language es_MX -target-language en -ts $(TS) -silent
	$(VENV)/bin/pyside6-lrelease $(TS) -qm $(QM)

# --- tasks --------------------------------------------------------------------------

run: check-system-gui venv qm
	$(VENV_PY) main.py $(ARGS)

test: check-system venv qm lint
	QT_QPA_PLATFORM=offscreen $(VENV_PY) -m pytest -q --cov --cov-report= $(PYTEST_ARGS)
	$(VENV_PY) tools/coverage_gate.py $(if $(strip $(PYTEST_ARGS)),--no-gate)

bench: check-system venv qm
	@test -d tests/bench || { echo "make bench: tests/bench/ does not exist yet"; exit 0; }; \
	QT_QPA_PLATFORM=offscreen $(VENV_PY) -m pytest tests/bench -s -p no:cacheprovider \
		--benchmark-sort=name --benchmark-columns=min,median,mean,max,rounds $(BENCH_ARGS)

# The same tests/reliability/ run in `make test` as a short smoke version; here at full
# strength (>= 300 kills, >= 10,000 fuzz cases a target). Each part writes its figures as JSON
# into build/reliability/, and report.py turns them into RELIABILITY.md.
reliability: check-system venv qm
	@rm -rf build/reliability && mkdir -p build/reliability
	QT_QPA_PLATFORM=offscreen COORDINA_RELIABILITY=full COORDINA_RELIABILITY_OUT=build/reliability \
		$(VENV_PY) -m pytest tests/reliability -q -p no:cacheprovider $(PYTEST_ARGS)
	$(VENV_PY) tests/reliability/report.py build/reliability RELIABILITY.md

# --- the desktop bundle (packaging/README.md) ---------------------------------------
# Its own locked venv (build/package-venv, packaging/requirements-package.txt), not $(VENV).

package:
	@PYTHON='$(PYTHON)' bash packaging/build.sh

# The bundle's self-test runs from another working directory with an empty environment
# (`env -i`), as a double-click would: only HOME, set to a fresh folder so that nothing (Qt,
# fontconfig caches) touches the real home. The self-test itself goes offscreen without a
# display. Then the size budget and the glibc baseline (packaging/check_bundle.py).
package-check: package
	@PYTHON='$(PYTHON)' bash packaging/check_package.sh

# ruff's lint rules, ruff's formatting (checked, never rewritten here) and mypy over app/
# ([tool.ruff*] and [tool.mypy] in pyproject.toml: strict for models, storage and sync).
lint: venv
	$(VENV)/bin/ruff check $(LINT_PATHS)
	$(VENV)/bin/ruff format --check $(LINT_PATHS)
	$(VENV)/bin/mypy app

clean:
	rm -rf build dist .pytest_cache .ruff_cache .mypy_cache .benchmarks *.egg-info
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
	rm -f $(QM)

distclean: clean
	rm -rf $(VENV)
