# Two commands matter: `make serve` (set up, then serve the site) and `make test` (set up, then
# run the whole suite). Everything else is a step they share.
SHELL := /bin/bash
.DEFAULT_GOAL := help
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

VENV := .venv
BIN := $(VENV)/bin
# The first Python >= 3.12 found: on PATH by name, then in pyenv's versions folder.
PYTHON ?= $(shell for p in python3.13 python3.12 python3.14 python3 \
	$$(ls -d $$HOME/.pyenv/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -r); do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 && { echo $$p; break; }; \
	done)

.PHONY: help setup serve build build-zensical test test-fast lint golden icons bench clean browser

# What setup installs: everything for working on the project. The Pages workflow's build job
# takes only what a site build needs: `make build EXTRAS=docs NPM_OMIT=dev`.
EXTRAS ?= test,docs,dev,zensical
NPM_OMIT ?=

help:
	@echo "make serve   set up what is missing and serve the site at http://127.0.0.1:8000"
	@echo "make test    set up what is missing and run the whole test suite"
	@echo "make test-fast  lint, then every test that needs no browser (-m 'not browser')"
	@echo "make build   write the static site into site/ (MkDocs: what Pages publishes)"
	@echo "make build-zensical  the same site built by Zensical, into site/"
	@echo "make golden  rewrite the golden drafts after an intended wording change"
	@echo "make icons   redraw the PNG icons from their SVG drawings (docs/images/)"
	@echo "make bench   benchmark the worksheet against a plain Pyodide page"

$(VENV)/.installed: pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.12 or newer is needed (python3.12, python3.13, ...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[$(EXTRAS)]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error $(if $(NPM_OMIT),--omit=$(NPM_OMIT))
	touch $@

# The project's own cache (wheels, assembled runtime): not .cache/, which site builders own.
CACHE := .followup-cache

$(CACHE)/.prepared: $(VENV)/.installed node_modules/.installed src/followup_site/runtime.py
	$(BIN)/python -m followup_site prepare
	touch $@

setup: $(VENV)/.installed node_modules/.installed $(CACHE)/.prepared

# Browser tests need Chromium: the one on PATH; else, as root on Debian, Debian's package
# (apt-get; Ubuntu's is a snap); else Playwright's own build, downloaded into
# ~/.cache/ms-playwright/. It says which, and installs nothing when a Chromium is there.
browser: setup
	@if command -v chromium >/dev/null 2>&1; then \
		echo "Browser tests: Chromium at $$(command -v chromium)"; \
	elif [ "$$(id -u)" = 0 ] && grep -qx 'ID=debian' /etc/os-release 2>/dev/null; then \
		echo "Browser tests need Chromium: installing Debian's package as root (apt-get install chromium)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "Browser tests need Chromium: downloading Playwright's (playwright install chromium)"; \
		$(BIN)/playwright install chromium; \
	fi

serve: setup
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

# The pages, then (from macros/main.py's on_post_build) `python -m followup_site finish site`.
build: setup
	$(BIN)/mkdocs build --strict

# Zensical runs the guide's macros but ignores hooks and on_post_build: the second step by hand.
# --clean: its cache (.cache/) may hold pages rendered by an older engine.
build-zensical: setup
	$(BIN)/zensical build --clean --strict
	$(BIN)/python -m followup_site finish site

lint: setup
	$(BIN)/ruff check src tests macros bench
	$(BIN)/mypy
	node_modules/.bin/tsc -p jsconfig.json

test: setup browser lint
	$(BIN)/pytest

# Everything but the Chromium tests (tests/browser/, marked `browser`): no browser to install.
test-fast: setup lint
	$(BIN)/pytest -m "not browser"

golden: setup
	$(BIN)/python tests/golden.py

# Redraw the PNG icons and link-preview card (docs/images/) after changing their SVG drawings.
icons: setup browser
	$(BIN)/python -m followup_site icons

bench: setup browser
	$(BIN)/python bench/run.py

clean:
	rm -rf site $(CACHE) .cache .pytest_cache build dist src/*.egg-info
