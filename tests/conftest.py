"""Shared fixtures: one loaded pipeline for the session, and apps built around it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from spacy.language import Language

from app.main import create_app
from app.pipeline import build_pipeline
from app.service import AttributionService
from app.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def nlp(settings: Settings) -> Language:
    """The full pipeline (base English model + our components), loaded once."""
    return build_pipeline(settings.model_name, settings.pipeline_config)


@pytest.fixture(scope="session")
def service(nlp: Language, settings: Settings) -> Iterator[AttributionService]:
    svc = AttributionService(nlp, worker_threads=1, max_queue=settings.max_queue)
    yield svc
    svc.close()


@pytest.fixture
def client(settings: Settings, service: AttributionService) -> Iterator[TestClient]:
    """A TestClient on an app that shares the session's pipeline."""
    with TestClient(create_app(settings, service=service)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (SEEDS_DIR / "sanctuary-cities.txt").read_text(encoding="utf-8")
