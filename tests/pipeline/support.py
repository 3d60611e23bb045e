"""Helpers shared by the pipeline tests: lexicons from models/, hand-set quotes, hand-parsed docs,
and running our components on a doc the base model parsed."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import load_config, registry

import app.pipeline.lexicon  # noqa: F401 - registers the config readers
from app.pipeline.extensions import QUOTES_KEY
from app.pipeline.lexicon import read_patterns
from app.pipeline.types import Attribution, Quote, SpeakerCandidate

ROOT = Path(__file__).resolve().parents[2]
MODELS = ROOT / "models"
SEED = ROOT / "seeds" / "sanctuary-cities.txt"
SPEAKER_COMPONENTS = ("speaker_attributor", "speaker_resolver")
OUR_COMPONENTS = ("quote_finder", "reported_speech", *SPEAKER_COMPONENTS, "quote_reviewer")
QUOTE_RE = re.compile(r'"([^"\n]+)"')


def initialize_data(component: str) -> dict[str, Any]:
    """The [initialize.components.COMPONENT] section of models/pipeline.cfg, resolved: the
    initialize() arguments of a component, exactly as the service loads them."""
    config = load_config(
        MODELS / "pipeline.cfg", overrides={"paths.models": str(MODELS)}, interpolate=True
    )
    resolved = registry.resolve(config["initialize"]["components"])
    data: dict[str, Any] = dict(resolved[component])
    return data


def attributor_data() -> dict[str, object]:
    return {
        "cue_verbs": MODELS / "cue_verbs.txt",
        "speech_nouns": MODELS / "speech_nouns.txt",
        "cue_phrases": read_patterns(MODELS / "patterns" / "cue_phrases.jsonl"),
        "dependency_patterns": read_patterns(MODELS / "patterns" / "passive_agent.jsonl"),
        "source_nouns": initialize_data("speaker_attributor")["source_nouns"],
        "gendered_nouns": MODELS / "gendered_nouns.tsv",
        "issued_nouns": initialize_data("speaker_attributor")["issued_nouns"],
        "causing_verbs": MODELS / "causing_verbs.txt",
        "poll_nouns": MODELS / "poll_nouns.txt",
        "answer_openers": MODELS / "answer_openers.txt",
    }


RESOLVER_DATA = {
    "titles": MODELS / "titles.txt",
    "honorifics": MODELS / "honorifics.tsv",
    "org_nouns": MODELS / "org_nouns.txt",
    "document_nouns": MODELS / "document_nouns.txt",
    "role_synonyms": MODELS / "role_synonyms.tsv",
    "org_kind_words": MODELS / "org_kind_words.tsv",
}


def set_quotes(doc: Doc, types: Sequence[str] = ()) -> None:
    """Every "..." passage of the text becomes a quote span (type from `types`, else direct)."""
    spans = []
    for k, match in enumerate(QUOTE_RE.finditer(doc.text)):
        span = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        assert span is not None
        kind = types[k] if k < len(types) else "direct"
        span._.quote = Quote(match.start(1), match.end(1), match.group(1), kind, '"', '"')  # type: ignore[arg-type]
        spans.append(span)
    doc.spans[QUOTES_KEY] = spans


def attribute(nlp: Language, text: str, types: Sequence[str] = ()) -> Doc:
    """Parse `text` with the base model, mark its "..." passages as quotes of the given types,
    then run the speaker components."""
    with nlp.select_pipes(disable=[n for n in OUR_COMPONENTS if n in nlp.pipe_names]):
        doc = nlp(text)
    set_quotes(doc, types)
    for name in SPEAKER_COMPONENTS:
        doc = nlp.get_pipe(name)(doc)
    return doc


def attributions(doc: Doc) -> list[Attribution | None]:
    return [span._.attribution for span in doc.spans[QUOTES_KEY]]


def resolutions(doc: Doc) -> list[tuple[str | None, str]]:
    """(name, resolution) of every attributed quote."""
    return [(a.name, a.resolution) for a in attributions(doc) if a is not None]


def who(doc: Doc) -> list[tuple[str | None, str | None, str | None]]:
    """(name, mention text, cue text) of every quote."""
    out: list[tuple[str | None, str | None, str | None]] = []
    for a in attributions(doc):
        assert a is not None
        out.append((a.name, a.mention.text if a.mention else None, a.cue.text if a.cue else None))
    return out


def speakers(doc: Doc) -> list[str | None]:
    """The speaker's name of every quote (`who` without the mention and the cue)."""
    return [name for name, _, _ in who(doc)]


def typed_speakers(doc: Doc) -> list[tuple[str, str | None]]:
    """(type, speaker name) of every passage the whole pipeline found."""
    out: list[tuple[str, str | None]] = []
    for span in doc.spans[QUOTES_KEY]:
        a = span._.attribution
        out.append((span._.quote.type, a.name if a else None))
    return out


def layouts(doc: Doc) -> list[str | None]:
    found: list[SpeakerCandidate | None] = [s._.speaker_candidate for s in doc.spans[QUOTES_KEY]]
    return [c.layout if c is not None else None for c in found]


def quotes_of(nlp: Language, text: str) -> list[Quote]:
    """The quoted passages (reported speech, which the full pipeline adds, left out)."""
    doc = nlp(text)
    return [span._.quote for span in doc.spans[QUOTES_KEY] if span._.quote.type != "indirect"]


def spans_of(nlp: Language, text: str) -> list[tuple[str, str]]:
    """(content, type) of every quote."""
    return [(q.text, q.type) for q in quotes_of(nlp, text)]


def reports(nlp: Language, text: str) -> list[tuple[str, str | None, str | None]]:
    """(passage, speaker name, cue) of every indirect passage."""
    doc = nlp(text)
    out = []
    for span in doc.spans[QUOTES_KEY]:
        if span._.quote.type != "indirect":
            continue
        a = span._.attribution
        out.append((span.text, a.name if a else None, a.cue.text if a and a.cue else None))
    return out


def attributed_speakers(doc: Doc) -> list[tuple[str, str | None]]:
    """(type, speaker name) of every passage that has an attribution (`typed_speakers` without
    the non-speech passages), in order."""
    return [
        (span._.quote.type, span._.attribution.name)
        for span in doc.spans[QUOTES_KEY]
        if span._.attribution is not None
    ]


def only(nlp: Language, text: str) -> Quote:
    quotes = quotes_of(nlp, text)
    assert len(quotes) == 1, quotes
    return quotes[0]


def hand_parsed(
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    **annotations: Any,
) -> Doc:
    """A doc parsed by hand, on a blank vocab: the words with their heads, labels and parts of
    speech, and any other annotation `Doc` takes (`tags`, `lemmas`, `ents`, `spaces`)."""
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, **annotations)


# `The union rejected the offer, a decision officials said could prolong the strike.` as the
# parser reads it: "said" the root, with a clause before it and a subjectless one after it.
GAPPED = ["The", "union", "rejected", "the", "offer", ",", "a", "decision", "officials", "said"]
GAPPED += ["could", "prolong", "the", "strike", "."]
GAPPED_HEADS = [1, 2, 9, 4, 2, 9, 8, 8, 9, 9, 11, 9, 13, 11, 9]
GAPPED_DEPS = ["det", "nsubj", "ccomp", "det", "dobj", "punct", "det", "compound", "nsubj"]
GAPPED_DEPS += ["ROOT", "aux", "ccomp", "det", "dobj", "punct"]
GAPPED_POS = ["DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT", "DET", "NOUN", "NOUN", "VERB"]
GAPPED_POS += ["AUX", "VERB", "DET", "NOUN", "PUNCT"]
GAPPED_TAGS = ["DT", "NN", "VBD", "DT", "NN", ",", "DT", "NN", "NNS", "VBD", "MD", "VB", "DT", "NN"]
GAPPED_TAGS += ["."]


def gapped_doc(changes: dict[int, tuple[str, str, str]] | None = None) -> Doc:
    """The hand-parsed `GAPPED` sentence, with `changes`: token index -> (word, tag, dep)."""
    words, tags, deps = list(GAPPED), list(GAPPED_TAGS), list(GAPPED_DEPS)
    for k, (word, tag, dep) in (changes or {}).items():
        words[k], tags[k], deps[k] = word, tag, dep
    return hand_parsed(words, GAPPED_HEADS, deps, GAPPED_POS, tags=tags)
