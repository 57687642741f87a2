# ClauseCheck: `make run` serves the app, `make test` runs the whole suite. Both set up first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.requirements-installed
HOST   ?= 127.0.0.1
PORT   ?= 5000
export FLASK_APP := wsgi

.PHONY: run test setup translations lint format i18n migration clean

run: setup
	$(BIN)/flask db upgrade
	$(BIN)/flask demo load
	@echo "条款核查 ClauseCheck: http://$(HOST):$(PORT)  (演示账户见 README / demo accounts in README)"
	SESSION_COOKIE_SECURE=$${SESSION_COOKIE_SECURE:-0} $(BIN)/flask run --host $(HOST) --port $(PORT)

test: setup lint
	$(BIN)/python tests/run_suites.py

setup: $(STAMP) instance/config.py translations

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

# A random secret key, written once; the app refuses to start with the default one.
instance/config.py:
	@mkdir -p instance
	@$(PYTHON) -c "import secrets; print('SECRET_KEY = ' + repr(secrets.token_hex(32)))" > $@
	@echo "wrote a new SECRET_KEY to $@"

translations: $(STAMP)
	@$(BIN)/pybabel compile --use-fuzzy --statistics -d checklists/translations 2>&1 | tail -n 1

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Refresh the catalogue after adding UI strings: make i18n, then translate the new msgids.
i18n: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext --no-location --sort-output \
	  --ignore-dirs='.venv tests' -o checklists/translations/messages.pot .
	$(BIN)/pybabel update -i checklists/translations/messages.pot -d checklists/translations \
	  --no-fuzzy-matching --width 100

# After changing models: make migration m="what changed"
migration: setup
	$(BIN)/flask db migrate -m "$(m)"

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
