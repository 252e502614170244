# torch.nn course — every target sets up what it needs; `make help` lists them.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DATA_STAMP := data/FashionMNIST/raw/t10k-labels-idx1-ubyte
# npm packages (package.json: axe-core for the accessibility tests, iframe-worker for the offline site),
# exact versions from the npm registry, never a CDN; one install, so that neither prunes the other
NODE_STAMP := node_modules/.installed
HOST ?= 127.0.0.1:8000
# Debian packages the browser tests need (installed when missing, as root, with apt)
BROWSER_PKGS := chromium fonts-noto-cjk

export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help setup data browser serve build offline test bench reference-run clean i18n-status parity

help: ## list the targets
	@grep -hE '^[a-zA-Z0-9_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found (Python >= 3.10 needed)"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (torch.nn course)" >/dev/null
	@touch $(STAMP)

# FashionMNIST: data/ already, else Debian's package (installed here when missing, as root, with apt),
# else torchvision's download (course_lib.data)
$(DATA_STAMP): | $(STAMP)
	@if [ ! -f /usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz ] && command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends dataset-fashion-mnist >/dev/null || true; \
	fi
	$(PY) -m course_lib.data

$(NODE_STAMP): package.json
	@if command -v npm >/dev/null; then npm install --no-package-lock --no-audit --no-fund >/dev/null && touch $@; \
	else echo "note: npm missing: the accessibility and offline-site tests will fail or be skipped"; fi

setup: $(STAMP) $(DATA_STAMP) $(NODE_STAMP) ## create .venv, install the project and the npm packages, get FashionMNIST (idempotent)

data: $(DATA_STAMP) ## get FashionMNIST: data/, then the Debian package, then torchvision's download

browser: ## install Debian's chromium for the browser tests, if missing (needs root + apt)
	@if [ ! -x /usr/bin/chromium ]; then \
	  if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(BROWSER_PKGS) >/dev/null; \
	  else echo "note: /usr/bin/chromium missing and apt unusable: browser tests will be skipped"; fi; \
	fi

serve: setup ## execute the lessons and serve the site at http://127.0.0.1:8000, reloading on edits
	$(VENV)/bin/mkdocs serve -a $(HOST) --livereload --dirty

build: setup ## execute the lessons (cached) and build the site into site/ (strict; no-op if nothing changed)
	$(PY) -m course_lib.build $(if $(FORCE),--force)

# The site to read from disk: build/torch-nn-course.zip (Material's offline plugin; its Web Worker shim
# for file:// from the npm registry, not from unpkg.com at every page load)
offline: setup ## build the site for reading from disk (file://) into build/torch-nn-course.zip
	rm -rf build/torch-nn-course build/torch-nn-course.zip
	COURSE_OFFLINE=true $(PY) -m mkdocs build --strict --site-dir build/torch-nn-course
	cd build && ../$(PY) -m zipfile -c torch-nn-course.zip torch-nn-course

test: setup browser ## run every test (lessons as scripts, parity, executor, site, browser)
	$(PY) -m pytest

bench: setup ## benchmark clean / no-op / prose-edit / code-edit builds on a scratch copy
	$(PY) -m course_lib.build.bench

reference-run: setup ## execute every lesson afresh, one at a time, and record device, times and accuracy in docs/reference_run.json
	$(PY) -m course_lib.build.reference

i18n-status: ## list each Korean lesson as up to date, outdated or missing against its English twin
	@$(if $(wildcard $(PY)),$(PY),$(PYTHON)) -m course_lib.build.i18n status

parity: setup ## check that each ko/en lesson pair has the same code
	$(PY) -m pytest -q tests/test_parity.py

clean: ## remove the built site and the execution caches (keeps .venv and data)
	rm -rf site build .cache docs/ko/lessons docs/en/lessons outputs test-artifacts
