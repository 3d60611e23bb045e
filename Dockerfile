# Quote attribution service: uvicorn serving the spaCy pipeline on port 8000.
# Two stages: `build` installs the locked packages into /opt/venv with uv; the runtime image gets
# that venv and the code, not uv. Works on python:3.11-slim (python3 in /usr/local/bin) and on a
# Debian bookworm stand-in (/usr/bin/python3): python3 is taken from PATH in both stages.

FROM python:3.11-slim-bookworm AS build
LABEL org.quote-attribution.project=quotes

ENV PYTHONDONTWRITEBYTECODE=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    UV_PROJECT_ENVIRONMENT=/opt/venv \
    UV_PYTHON_DOWNLOADS=never \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy

# uv, pinned as in the Makefile, in a venv of its own that stays in this stage.
RUN python3 -m venv /opt/uv && /opt/uv/bin/pip install --no-cache-dir uv==0.13.9

WORKDIR /srv
COPY pyproject.toml uv.lock ./
# The same command and lock as `make run` (uv sync --frozen): the locked packages, the English
# model package among them, and the project as an editable install pointing at /srv. The install
# needs README.md and app/ to exist, not their contents (the runtime stage adds the code), so this
# layer changes only with pyproject.toml and uv.lock; uv's download cache outlives it.
RUN --mount=type=cache,target=/root/.cache/uv \
    python3 -m venv --without-pip /opt/venv \
    && touch README.md && mkdir app && touch app/__init__.py \
    && /opt/uv/bin/uv sync --frozen --no-dev


FROM python:3.11-slim-bookworm
LABEL org.quote-attribution.project=quotes

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/venv/bin:$PATH \
    QUOTES_HOST=0.0.0.0 \
    QUOTES_PORT=8000 \
    QUOTES_WORKERS=1 \
    QUOTES_PIPELINE_CONFIG=/srv/models/pipeline.cfg

RUN groupadd --gid 10001 quotes \
    && useradd --no-log-init --uid 10001 --gid 10001 --no-create-home --shell /usr/sbin/nologin quotes

COPY --from=build /opt/venv /opt/venv
WORKDIR /srv
# The pipeline config and lexicons, the seed article used in the API docs, then the service.
COPY models ./models
COPY seeds ./seeds
COPY app ./app
RUN python -m compileall -q app

# Runs as non-root and writes nothing: `docker run --read-only` works as is.
USER 10001:10001
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('QUOTES_PORT', '8000') + '/healthz', timeout=4)"]

CMD ["quotes", "serve"]
