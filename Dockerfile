# Quote attribution service: one uvicorn process tree serving the spaCy pipeline on port 8000.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    UV_PROJECT_ENVIRONMENT=/opt/venv \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_NO_CACHE=1

RUN pip install --no-cache-dir uv==0.13.9

WORKDIR /srv

# Dependency layer: changes only when the lock changes (the English model package is baked in here).
COPY pyproject.toml uv.lock README.md ./
RUN uv sync --frozen --no-dev --no-install-project

# The service itself, its pipeline config and lexicons, and the seed article used in the API docs.
COPY app ./app
COPY models ./models
COPY seeds ./seeds
RUN uv sync --frozen --no-dev \
    && useradd --system --uid 10001 --user-group --no-create-home --shell /usr/sbin/nologin quotes

ENV PATH=/opt/venv/bin:$PATH \
    QUOTES_HOST=0.0.0.0 \
    QUOTES_PORT=8000 \
    QUOTES_WORKERS=1 \
    QUOTES_PIPELINE_CONFIG=/srv/models/pipeline.cfg

# Runs as non-root and writes nothing: `docker run --read-only` works as is.
USER 10001:10001
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('QUOTES_PORT', '8000') + '/healthz', timeout=4)"]

CMD ["quotes", "serve"]
