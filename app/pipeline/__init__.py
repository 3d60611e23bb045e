"""Assembly of the NLP pipeline: the base English model plus our registered components.

`models/pipeline.cfg` is a spaCy config: its [components] are added to the base model with
`nlp.add_pipe` (spaCy validates each against its factory), and its [initialize.components] are
resolved by spaCy's registry (the lexicon and pattern readers of `lexicon.py`) and handed to each
component's `initialize()`. The base model's own components are loaded trained, never
re-initialized.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.util import registry

from app.pipeline.lexicon import read_lexicon
from app.pipeline.pieces import pipe_in_pieces as pipe_in_pieces
from app.pipeline.tokenizer import (
    DEFAULT_MAX_CHUNK,
    bound_tokenizer,
    keep_abbreviations,
    split_glued_quotes,
    straighten_apostrophe,
    straighten_quote_marks,
    title_case_surnames,
)

# Modules whose import registers our factories, config functions and extensions (done in
# build_pipeline, so that importing the light `app.pipeline.types` pulls in no component).
COMPONENT_MODULES = (
    "app.pipeline.extensions",
    "app.pipeline.lexicon",
    "app.pipeline.sentences",
    "app.pipeline.quotes.component",
    "app.pipeline.reported.component",
    "app.pipeline.speakers.component",
    "app.pipeline.entities.component",
    "app.pipeline.quotes.review",
)
# The config variable that names the folder of the data files (the config's own folder).
MODELS_PATH_VARIABLE = "paths.models"


def build_pipeline(model_name: str, config_path: Path) -> Language:
    """Load the base model once and append our components as `config_path` describes them."""
    register_components()
    nlp = spacy.load(model_name)
    config = spacy.util.load_config(
        config_path,
        overrides={MODELS_PATH_VARIABLE: str(config_path.resolve().parent)},
        interpolate=True,
    )
    guard = config.get("tokenizer_guard", {})
    bound_tokenizer(nlp, int(guard.get("max_chunk", DEFAULT_MAX_CHUNK)))
    if guard.get("split_glued_quotes", False):
        split_glued_quotes(nlp)
    if guard.get("straighten_apostrophe", False):
        straighten_apostrophe(nlp)
    if guard.get("straighten_quote_marks", False):
        straighten_quote_marks(nlp)
    if guard.get("title_case_surnames", False):
        title_case_surnames(nlp)
    if guard.get("abbreviations"):
        keep_abbreviations(nlp, read_lexicon(guard["abbreviations"]))
    components: dict[str, Any] = dict(config.get("components", {}))
    for name, component_cfg in components.items():
        settings = dict(component_cfg)
        # `before`: a base model component it must run ahead of (the parser), else it is appended
        before = settings.pop("before", None)
        nlp.add_pipe(settings.pop("factory"), name=name, before=before, config=settings)
    init_cfg = registry.resolve(config.get("initialize", {}).get("components", {}))
    for name in components:
        pipe = nlp.get_pipe(name)
        initialize = getattr(pipe, "initialize", None)
        if initialize is not None:
            initialize(lambda: [], nlp=nlp, **init_cfg.get(name, {}))
    return nlp


def register_components() -> None:
    """Import the component modules so that their factories are registered with spaCy."""
    for module in COMPONENT_MODULES:
        importlib.import_module(module)
