# The two commands: `make run` and `make test`. Everything else supports them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test setup services sandbox-image db translations catalogs lint screenshots clean axe-core

run: db ## set up, migrate, load demo data and serve on http://127.0.0.1:5000
	@echo
	@echo "  Kodprov: http://127.0.0.1:5000"
	@echo "  Demo logins (password demo-kodprov):"
	@echo "    kandidat@demo.kodprov.se     candidate (shares the report)"
	@echo "    kandidat2@demo.kodprov.se    candidate (does not share it)"
	@echo "    handledare@demo.kodprov.se   facilitator"
	@echo "    handlaggare@demo.kodprov.se  caseworker"
	@echo "    admin@demo.kodprov.se        admin"
	@echo
	$(BIN)/flask --app web run --host 127.0.0.1 --port 5000

AXE_DIR := tests/browser/axe
AXE := $(AXE_DIR)/node_modules/axe-core/axe.min.js

test: setup services sandbox-image axe-core ## set up and run the whole suite
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/pytest

setup: $(STAMP) translations

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

translations: $(STAMP) ## compile the message catalogues (sv, en)
	$(BIN)/pybabel -q compile -d web/translations

catalogs: $(STAMP) ## extract new strings and update sv/en catalogues (then translate sv)
	$(BIN)/pybabel -q extract -F babel.cfg -k _l --no-location --sort-output \
		--project Kodprov -o web/translations/messages.pot .
	$(BIN)/pybabel -q update -i web/translations/messages.pot -d web/translations --no-wrap \
		--no-fuzzy-matching

db: setup ## migrate the database and load demo data when it is empty
	$(BIN)/kodprov db upgrade
	$(BIN)/kodprov demo --if-empty

services: ## in CI (root, CI=true): install and start PostgreSQL, Redis, Docker, Chromium
	@if [ "$$CI" = "true" ]; then bash scripts/services.sh; \
	else echo "services: not CI; tests needing a missing service are skipped (run scripts/services.sh as root to start them)"; fi

sandbox-image: setup ## build the sandbox image offline when a Docker engine answers
	@if docker info >/dev/null 2>&1; then $(BIN)/python -m sandbox.image; \
	else echo "sandbox-image: no Docker engine answers; skipped"; fi

screenshots: setup ## save PNGs of the main pages under docs/screenshots/
	$(BIN)/python scripts/screenshots.py

axe-core: $(AXE) ## install the pinned axe-core for the browser tests (npm, once)

# Installed from the lock file only when missing or older than it: offline once present.
$(AXE): $(AXE_DIR)/package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --prefix $(AXE_DIR) --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "axe-core: npm is missing; the accessibility tests cannot run (apt-get install npm)"; fi

lint: setup
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache

clean:
	rm -rf $(VENV) instance .pytest_cache .ruff_cache $(AXE_DIR)/node_modules
