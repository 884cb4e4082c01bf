# Civica: `make demo` serves the demo site, `make test` runs the whole test suite (`make test-fast`: all but the browser tests).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# The site's address in e-mails and calendar feeds; follows HOST and PORT unless given.
CIVICA_BASE_URL ?= http://$(HOST):$(PORT)
# The demo runs with DEBUG off (config/settings/demo.py): visitors see Civica's own error pages.
DEMO_ENV = DJANGO_SETTINGS_MODULE=config.settings.demo CIVICA_BASE_URL=$(CIVICA_BASE_URL)
PYTEST_ARGS ?=
PO_FILES := $(wildcard locale/*/LC_MESSAGES/*.po)
MO_FILES := $(PO_FILES:.po=.mo)

.PHONY: demo test test-fast lint-imports setup messages makemessages check-deploy bench bench-load bench-api clean browser \
	lighthouse worker

demo:
	@$(PYTHON) scripts/demo_banner.py $(HOST) $(PORT)
	@$(MAKE) --no-print-directory setup
	@$(DEMO_ENV) $(BIN)/python manage.py migrate --noinput -v 0
	@$(DEMO_ENV) $(BIN)/python manage.py loaddemo -v 0
	@echo "Serving Civica on http://$(HOST):$(PORT)/ (Ctrl+C stops it)"
	@$(DEMO_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# node_modules: Leaflet for the maps (served from static/vendor/leaflet), axe-core for the browser tests.
setup: $(VENV)/.installed messages node_modules/.installed

# Development: a Celery worker with the beat scheduler in it (digests), on the broker at REDIS_URL (or
# CELERY_BROKER_URL). Without one, tasks run in the web process and no worker is needed (`make demo`).
worker: setup
	@test -n "$(REDIS_URL)$(CELERY_BROKER_URL)" || { echo "make worker needs a broker, e.g. REDIS_URL=redis://127.0.0.1:6379/0 make worker (give runserver the same REDIS_URL)"; exit 1; }
	DJANGO_SETTINGS_MODULE=$${DJANGO_SETTINGS_MODULE:-config.settings.dev} $(BIN)/celery -A config worker --beat --loglevel=INFO --concurrency=2

$(VENV)/.installed: requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	@$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	@touch $@

# Compiled catalogues are built, never committed (polib: no gettext tools needed).
messages: $(MO_FILES)

locale/%.mo: locale/%.po $(VENV)/.installed
	@$(BIN)/python -c "import polib, sys; polib.pofile(sys.argv[1]).save_as_mofile(sys.argv[2])" $< $@

# For developers (needs GNU gettext): extract new strings into both catalogues.
makemessages: $(VENV)/.installed
	$(BIN)/python manage.py makemessages -l ro -l en --no-obsolete --no-location -i ".venv/*" -i "node_modules/*"
	$(BIN)/python scripts/fill_english_catalogue.py

node_modules/.installed: package.json package-lock.json
	@npm ci --silent --no-audit --no-fund
	@touch $@

browser:
	@test -x /usr/bin/chromium || bash scripts/install_chromium.sh

test: $(VENV)/.installed-dev messages node_modules/.installed browser
	@$(BIN)/ruff check --quiet civica config tests bench scripts conftest.py
	@$(MAKE) --no-print-directory lint-imports
	@$(BIN)/python -m pytest -n $${PYTEST_WORKERS:-2} --dist loadgroup $(PYTEST_ARGS)

# The import graph reads downwards and has no cycle (.importlinter; ARCHITECTURE.md "Dependencies").
lint-imports: $(VENV)/.installed-dev
	@$(BIN)/lint-imports --no-cache --no-logo

# Quick local runs: everything but the browser tests (no chromium, no npm). CI runs `make test`.
test-fast: $(VENV)/.installed-dev messages
	@$(BIN)/ruff check --quiet civica config tests bench scripts conftest.py
	@$(BIN)/python -m pytest -n $${PYTEST_WORKERS:-2} --dist loadgroup -m "not browser" --ignore=tests/browser $(PYTEST_ARGS)

check-deploy: $(VENV)/.installed
	DJANGO_SETTINGS_MODULE=config.settings.production DJANGO_SECRET_KEY=$$(head -c 48 /dev/urandom | base64) \
		DJANGO_ALLOWED_HOSTS=civica.example.org DATABASE_URL=sqlite:///:memory: \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

# Quick benchmarks; the city-scale load benchmark needs PostgreSQL and minutes: make bench-load.
bench: $(VENV)/.installed-dev
	@for script in bench/bench_*.py; do $(BIN)/python $$script; done

bench-load: $(VENV)/.installed-dev
	$(BIN)/python bench/load_participation.py $(BENCH_ARGS)

# The API's ideas list and one idea at city scale, on bench-load's database (bench/load_api.py).
bench-api: $(VENV)/.installed-dev
	$(BIN)/python bench/load_api.py $(BENCH_ARGS)

# Lighthouse scores (mobile) of five pages under gunicorn with production settings: bench/lighthouse.py.
lighthouse: $(VENV)/.installed messages node_modules/.installed browser
	$(BIN)/python bench/lighthouse.py $(LIGHTHOUSE_ARGS)

clean:
	rm -rf $(VENV) node_modules staticfiles $(MO_FILES)
