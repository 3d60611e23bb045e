"""Assembly of the NLP pipeline: the base English model plus our registered components."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from app.pipeline.tokenizer import DEFAULT_MAX_CHUNK, bound_tokenizer

# Modules whose import registers our factories and extensions (done in build_pipeline, so that
# importing the light `app.pipeline.types` does not pull in every component).
COMPONENT_MODULES = ("app.pipeline.extensions", "app.pipeline.quotes", "app.pipeline.speakers")

# Sections of models/pipeline.cfg: [components.NAME] (factory + settings),
# [initialize.components.NAME] (arguments of the component's initialize(), e.g. lexicon paths)
# and [tokenizer_guard] (see app.pipeline.tokenizer).
COMPONENTS_SECTION = "components"
INITIALIZE_SECTION = "initialize"
TOKENIZER_GUARD_SECTION = "tokenizer_guard"


def build_pipeline(model_name: str, config_path: Path) -> Language:
    """Load the base model once and append our components as `config_path` describes them."""
    register_components()
    nlp = spacy.load(model_name)
    config = spacy.util.load_config(config_path, interpolate=True)
    guard = config.get(TOKENIZER_GUARD_SECTION, {})
    bound_tokenizer(nlp, int(guard.get("max_chunk", DEFAULT_MAX_CHUNK)))
    lexicon_dir = config_path.parent
    components: dict[str, Any] = dict(config.get(COMPONENTS_SECTION, {}))
    init_cfg: dict[str, Any] = dict(config.get(INITIALIZE_SECTION, {}).get("components", {}))
    for name, component_cfg in components.items():
        settings = dict(component_cfg)
        factory = settings.pop("factory")
        nlp.add_pipe(factory, name=name, config=settings)
    for name in components:
        pipe = nlp.get_pipe(name)
        initialize = getattr(pipe, "initialize", None)
        if initialize is not None:
            kwargs = {k: _resolve_path(v, lexicon_dir) for k, v in init_cfg.get(name, {}).items()}
            initialize(lambda: [], nlp=nlp, **kwargs)
    return nlp


def _resolve_path(value: Any, base: Path) -> Any:
    """Lexicon file names in the config are relative to the config's folder."""
    if isinstance(value, str) and value.endswith((".txt", ".json", ".tsv")):
        return base / value
    return value


def register_components() -> None:
    """Import the component modules so that their factories are registered with spaCy."""
    for module in COMPONENT_MODULES:
        importlib.import_module(module)
