# CityNet CMS: two commands to run and to test on a fresh clone (see README).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Two sets, each with its own stamps (named after the files' digests, so an edited file reinstalls): what production
# runs (requirements.txt, npm packages without devDependencies) for run, worker, migrate, seed and backup; and the
# development set (requirements-dev.txt, which includes requirements.txt, and every npm package) for tests and lint.
STAMP := $(VENV)/.installed-runtime-$(shell sha1sum requirements.txt | cut -c1-12)
DEV_STAMP := $(VENV)/.installed-dev-$(shell cat requirements.txt requirements-dev.txt | sha1sum | cut -c1-12)
NODE_STAMP := node_modules/.installed-runtime-$(shell sha1sum package.json package-lock.json | sha1sum | cut -c1-12)
NODE_DEV_STAMP := node_modules/.installed-dev-$(shell sha1sum package.json package-lock.json | sha1sum | cut -c1-12)
HOST ?= 127.0.0.1
PORT ?= 8000
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/citynet
PYTEST_ARGS ?=
# Both cores: one worker per core, each with its own test database; the seeded network's tests are one work unit
# and every other module another (tests/conftest.py), so each expensive world is built once (docs/testing.md).
XDIST ?= -n 2 --dist loadgroup
COVERAGE := --cov=citypages --cov=home --cov=search --cov=demo --cov=translations --cov=cityteams --cov=opendata --cov=matching --cov=contact --cov=commitments --cov=pagecache --cov-report=term:skip-covered --cov-fail-under=90

.PHONY: install install-runtime lint-templates run serve migrate seed test test-quick test-postgres test-browser bench-pages lint format clean backup worker soak

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	rm -f $(VENV)/.installed-runtime-* && touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	rm -f $(VENV)/.installed-dev-* && touch $@

# Front-end packages (Leaflet) from the npm registry, served as our own static files; the development set adds
# axe-core (browser tests) and Biome (lint). npm ci empties node_modules first, stamps included.
$(NODE_STAMP): package.json package-lock.json
	npm ci --omit=dev --no-audit --no-fund --loglevel=error
	touch $@

$(NODE_DEV_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# What production runs.
install-runtime: $(STAMP) $(NODE_STAMP)

# Everything: production's packages, tests and tooling.
install: $(DEV_STAMP) $(NODE_DEV_STAMP)

migrate: install-runtime
	$(BIN)/python manage.py migrate --noinput

seed: migrate
	$(BIN)/python manage.py seed_network

backup: install-runtime
	$(BIN)/python manage.py backup

# The background worker of a deployment that queues its work (TASK_BACKEND=database; docs/deployment.md).
# Development needs none: its tasks run where they are asked for.
worker: migrate
	TASK_BACKEND=database $(BIN)/python manage.py run_worker --no-reload

run: seed
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	@echo ""
	@echo "CityNet is served on http://$(HOST):$(PORT)/en/  (admin: http://$(HOST):$(PORT)/admin/)"
	@echo "Demo logins: admin; clermont-ferrand.communicator, clermont-ferrand.moderator, anshan.communicator, anshan.moderator; german.translator, chinese.translator"
	@echo "  (password: \$$DEMO_PASSWORD, or the one seed_network printed when it created the accounts)"
	DJANGO_SETTINGS_MODULE=settings.dev $(BIN)/gunicorn cms.wsgi:application --bind $(HOST):$(PORT) --workers 2 --threads 4 --access-logfile -

# The browser suite runs on its own (make test-browser): it serves a seeded site and needs Chromium.
test: install
	DJANGO_SETTINGS_MODULE=settings.test $(BIN)/pytest $(XDIST) --ignore=tests/browser $(COVERAGE) $(PYTEST_ARGS)

# The edit-test loop: everything but the seeded network's tests, the permission matrices, the scale checks and the
# browser suite; SQLite test databases kept between runs (var/test-quick*.sqlite3, new migrations applied), no coverage.
# Compiled modules and pytest's rewritten test modules are kept too, even where the environment says not to write
# them (PYTHONDONTWRITEBYTECODE): about 3 s less per process on each run after the first.
test-quick: install
	PYTHONDONTWRITEBYTECODE= TEST_DATABASE_FILE=var/test-quick.sqlite3 DJANGO_SETTINGS_MODULE=settings.test \
		$(BIN)/pytest $(XDIST) --reuse-db \
		--ignore=tests/browser -m "not seeded and not slow" $(PYTEST_ARGS)

test-postgres: install
	DATABASE_URL=$${DATABASE_URL:-$(POSTGRES_URL)} DJANGO_SETTINGS_MODULE=settings.test $(BIN)/pytest $(XDIST) --ignore=tests/browser $(PYTEST_ARGS)

# Debian's Chromium (/usr/bin/chromium, never a downloaded browser) driven by Playwright against the demo network
# served by gunicorn; screenshots and the accessibility report go to var/browser-report/.
test-browser: install
	DJANGO_SETTINGS_MODULE=settings.test $(BIN)/pytest tests/browser $(PYTEST_ARGS)

# Public pages under load with production settings, the page cache cold and warm, on the seeded network and grown to
# 10,000 and 100,000 pages (benchmarks/page_load.py; PostgreSQL and Redis; results in docs/performance.md).
bench-pages: install
	$(BIN)/python benchmarks/page_load.py --scale 10000 100000 $(BENCH_ARGS)

# The site under load and faults with production settings: PostgreSQL and SQLite under mixed load with a publish a
# second, Redis, PostgreSQL, SMTP and the worker failing mid-run, 10,000 fuzzed requests (benchmarks/soak.py, about
# 15 minutes; results in docs/reliability.md). make test runs a 10-second smoke of it.
soak: install
	$(BIN)/python benchmarks/soak.py $(SOAK_ARGS)

# Templates: djlint's rules (.djlintrc), and no line over 160 characters (a rule djlint does not have).
TEMPLATES = $(shell find . -path ./node_modules -prune -o -path ./.venv -prune -o -path ./var -prune -o -path '*/templates/*.html' -print)

lint-templates: install
	$(BIN)/djlint --lint .
	@LC_ALL=C.UTF-8 awk 'length($$0) > 160 { print FILENAME ":" FNR ": " length($$0) " characters, more than 160"; long = 1 } END { exit long }' $(TEMPLATES) < /dev/null

# Python: ruff (pyproject.toml), migrations in step with the models, types (mypy, mypy.ini) and the apps' layers
# (import-linter, [tool.importlinter] in pyproject.toml); templates (above); JS and CSS: Biome (biome.json). The same
# checks run as pre-commit hooks (.pre-commit-config.yaml).
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	$(MAKE) --no-print-directory lint-templates
	node_modules/.bin/biome check .
	$(BIN)/mypy
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	node_modules/.bin/biome check --write .

clean:
	rm -rf $(VENV) var node_modules .pytest_cache .ruff_cache .mypy_cache .import_linter_cache
