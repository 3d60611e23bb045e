# Two commands for a fresh machine: `make run` (serve on 127.0.0.1:8000) and `make test`.
# Everything is installed from pyproject.toml + uv.lock into .venv; nothing is downloaded at run time.

UV_VERSION := 0.13.9
UV_PIN := uv==$(UV_VERSION)
# uv on PATH, else the PyPI package in a private bootstrap venv (.tools, made by the .uv target;
# a venv because a distribution's own python3 may refuse pip installs, PEP 668).
UV := $(shell command -v uv 2>/dev/null)
ifeq ($(UV),)
UV := .tools/bin/uv
endif
PY := .venv/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint typecheck pytest install install-test browser bench evaluate clean \
	container container-tools

# uv comes from PyPI; bootstrap it with pip where it is missing.
.uv:
	@$(UV) --version >/dev/null 2>&1 || { python3 -m venv .tools && .tools/bin/pip install --quiet "$(UV_PIN)"; }
	@touch .uv

install: .uv
	$(UV) sync --frozen

install-test: .uv
	$(UV) sync --frozen --all-extras

run: install
	.venv/bin/quotes serve --host $(HOST) --port $(PORT)

# Debian's headless Chromium for the reading-view browser test.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null; \
	  else echo "chromium missing and cannot be installed here: browser tests will be skipped" >&2; fi; }

# podman (with runc, which works on hybrid cgroups) and debootstrap, for the container test, which
# builds and runs the image; where they cannot be installed that test is skipped and says why.
container-tools:
	@{ command -v podman && command -v runc && command -v debootstrap; } >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends podman runc debootstrap >/dev/null; \
	  else echo "podman, runc or debootstrap missing and cannot be installed here: the container test will be skipped" >&2; fi; }

# The image as localhost/quotes:latest (tests/container/image.py: the Dockerfile's base, pulled or a
# stand-in made with debootstrap where no registry answers, then podman build).
container: container-tools
	python3 tests/container/image.py build --tag localhost/quotes:latest

lint:
	.venv/bin/ruff check .
	.venv/bin/ruff format --check app tests

typecheck:
	.venv/bin/mypy

pytest:
	.venv/bin/pytest -q

test: install-test browser container-tools lint typecheck pytest

bench: install-test
	.venv/bin/quotes bench --write-md BENCHMARKS.md

evaluate: install-test
	.venv/bin/quotes evaluate seeds/gold.jsonl --baseline textacy

clean:
	rm -rf .venv .uv .tools .pytest_cache .mypy_cache .ruff_cache
