# Two commands on a fresh machine: `make run` serves the archive, `make test` tests it.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed-$(shell cksum < requirements/dev.txt | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test screenshots lint format setup chromium wrk gettext messages lock clean

$(INSTALLED): requirements/dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/dev.txt
	rm -f $(VENV)/.installed-* && touch $@

setup: $(INSTALLED) messages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable
	$(PY) manage.py load_seed_events
	$(PY) manage.py dev_accounts

run: setup
	$(PY) manage.py runserver $(HOST):$(PORT)

# Browser tests drive Debian's Chromium; browser downloads do not work here.
chromium:
	@command -v chromium >/dev/null || { \
		echo "Installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# The load and fault benchmarks (benchmarks/load.py, faults.py) drive Debian's wrk.
wrk:
	@command -v wrk >/dev/null || { \
		echo "Installing Debian's wrk for the load benchmarks"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

test: $(INSTALLED) chromium messages
	$(PY) -m pytest $(PYTEST_ARGS)

# The README's pictures of the reader, taken by the browser test from the seed events.
screenshots: $(INSTALLED) chromium messages
	COVERAGE_SCREENSHOTS=docs/screenshots $(PY) -m pytest -q tests/test_browser.py -k pictured

# The interface translations (locale/*/LC_MESSAGES/django.po) compile with GNU gettext's msgfmt.
gettext:
	@command -v msgfmt >/dev/null || { \
		echo "Installing Debian's gettext for compilemessages"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; }

messages: $(INSTALLED) gettext
	$(PY) manage.py compilemessages --ignore=$(VENV) >/dev/null

lint: $(INSTALLED)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

format: $(INSTALLED)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Re-pin the dependencies after editing requirements/*.in.
lock: $(INSTALLED)
	cd requirements && ../$(VENV)/bin/pip-compile -q --generate-hashes --strip-extras -o base.txt base.in
	cd requirements && ../$(VENV)/bin/pip-compile -q --generate-hashes --strip-extras --allow-unsafe -o dev.txt dev.in

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
