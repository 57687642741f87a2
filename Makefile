# ClauseCheck: `make run` serves the app, `make test` runs the whole suite. Both set up first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.requirements-installed
DEV_STAMP := $(VENV)/.requirements-dev-installed
HOST   ?= 127.0.0.1
PORT   ?= 5000
export FLASK_APP := wsgi

.PHONY: run test setup setup-dev translations lint format i18n migration clean lock \
	system-packages-pdf system-packages-test

run: setup system-packages-pdf
	$(BIN)/flask db upgrade
	$(BIN)/flask demo load
	@echo "条款核查 ClauseCheck: http://$(HOST):$(PORT)  (演示账户见 README / demo accounts in README)"
	SESSION_COOKIE_SECURE=$${SESSION_COOKIE_SECURE:-0} $(BIN)/flask run --host $(HOST) --port $(PORT)

test: setup-dev system-packages-test lint
	$(BIN)/python tests/run_suites.py

setup: $(STAMP) instance/config.py translations

setup-dev: setup $(DEV_STAMP)

# --no-compile: Python compiles what it imports when it first imports it; compiling every
# installed module up front (most are never imported) costs a third of the install.
$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --no-compile --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

$(DEV_STAMP): requirements-dev.txt $(STAMP)
	$(BIN)/python -m pip install --quiet --no-compile --disable-pip-version-check -r requirements-dev.txt
	touch $(DEV_STAMP)

# What the system must provide, checked by what it can do (not by package names), installed
# from Debian's packages when we are root on Debian/Ubuntu; otherwise stop and say the command.
# PDFs (notices, reports): a Chinese font and Pango. Browser tests: Debian's chromium. The
# deployment recipe's tests (tests/test_deploy.py): nginx and systemd-analyze.
define system_packages
missing=""; \
for need in $(1); do \
  case $$need in \
    chromium) command -v chromium >/dev/null || missing="$$missing chromium" ;; \
    font) [ -n "$$(fc-list :lang=zh 2>/dev/null)" ] || missing="$$missing fonts-noto-cjk" ;; \
    pango) { /sbin/ldconfig -p 2>/dev/null || ldconfig -p 2>/dev/null; } | grep -q libpangoft2-1.0 || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0" ;; \
    nginx) { command -v nginx || test -x /usr/sbin/nginx; } >/dev/null || missing="$$missing nginx" ;; \
    systemd-analyze) command -v systemd-analyze >/dev/null || missing="$$missing systemd" ;; \
  esac; \
done; \
if [ -n "$$missing" ]; then \
  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
    echo "installing Debian's$$missing ($(2))"; \
    export DEBIAN_FRONTEND=noninteractive; \
    { apt-get update -qq && apt-get install -y -qq $$missing >/dev/null; } || { \
      echo "FAIL: could not install$$missing" >&2; exit 1; }; \
  else \
    echo "Missing for $(2):$$missing. Install them, then run make again:" >&2; \
    echo "  sudo apt-get install -y$$missing" >&2; exit 1; \
  fi; \
fi
endef

system-packages-pdf:
	@$(call system_packages,font pango,PDFs with Chinese text)

system-packages-test:
	@$(call system_packages,chromium font pango nginx systemd-analyze,the browser/PDF/deploy tests)

# A random secret key, written once; the app refuses to start with the default one.
instance/config.py:
	@mkdir -p instance
	@$(PYTHON) -c "import secrets; print('SECRET_KEY = ' + repr(secrets.token_hex(32)))" > $@
	@echo "wrote a new SECRET_KEY to $@"

translations: $(STAMP)
	@$(BIN)/pybabel compile --use-fuzzy --statistics -d checklists/translations 2>&1 | tail -n 1

lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(DEV_STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Refresh the catalogue after adding UI strings: make i18n, then translate the new msgids.
i18n: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext --no-location --sort-output \
	  --ignore-dirs='.venv .venv-fuzz tests' -o checklists/translations/messages.pot .
	$(BIN)/pybabel update -i checklists/translations/messages.pot -d checklists/translations \
	  --no-fuzzy-matching --width 100

# After changing models: make migration m="what changed"
migration: setup
	$(BIN)/flask db migrate -m "$(m)"

# deploy/requirements.lock from requirements.txt: every package pinned with its files' hashes
# (deploy/lock.py: pip resolves, the index's simple API gives the hashes; about 40 s).
lock:
	$(PYTHON) deploy/lock.py requirements.txt deploy/requirements.lock

clean:
	rm -rf $(VENV) .venv-fuzz .pytest_cache .ruff_cache
