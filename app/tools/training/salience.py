"""Fitting the pronoun salience weights from the training articles, which have no annotated
antecedents: a gendered pronoun whose gender leaves exactly one person it can mean, with every
other person nearby of the other gender, is silver data. Ranking that person above the others
by salience alone (gender features left out) teaches how much recency, subjecthood, being the
current speaker, prominence and the paragraph weigh. A pairwise logistic regression (the chosen
person against each other one) gives the weights; they go to `models/pipeline.cfg`'s
`[components.speaker_resolver.salience]` by hand, with the figures this prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spacy.language import Language

# Features fitted from silver data ("known_gender" cannot be: every silver answer has it).
FITTED: tuple[str, ...] = (
    "sentences_back",
    "subject",
    "background",
    "current_speaker",
    "log_mentions",
    "same_paragraph",
)
# Config names of the weights, and the sign that turns a coefficient into a weight.
CONFIG_NAMES: dict[str, tuple[str, float]] = {
    "sentences_back": ("per_sentence", -1.0),
    "subject": ("subject", 1.0),
    "background": ("background", -1.0),
    "current_speaker": ("current_speaker", 1.0),
    "log_mentions": ("prominence", 1.0),
    "same_paragraph": ("same_paragraph", 1.0),
}
REGULARIZATION_C = 0.1


@dataclass(frozen=True, slots=True)
class Instance:
    """One pronoun: the candidates' feature vectors and which one the gender singles out."""

    vectors: list[list[float]]
    answer: int


def collect(nlp: Language, texts: Sequence[str], *, batch_size: int = 8) -> list[Instance]:
    """Silver instances from running the pipeline over `texts`."""
    resolver: Any = nlp.get_pipe("speaker_resolver")
    found: list[Instance] = []

    def observe(pronoun: Any, gender: str, ranked: list[Any], people: dict[str, Any]) -> None:
        known = [c for c in ranked if people.get(c.key) is not None]
        same = [c for c in known if people[c.key] == gender]
        if len(same) == 1 and len(known) > 1:
            vectors = [[float(getattr(c, name)) for name in FITTED] for c in known]
            found.append(Instance(vectors, known.index(same[0])))

    resolver.pronoun_observer = observe
    try:
        for doc in nlp.pipe(texts, batch_size=batch_size):
            del doc  # the observer collects while the resolver runs
    finally:
        resolver.pronoun_observer = None
    return found


def fit(instances: Sequence[Instance]) -> dict[str, Any]:
    """Weights by config name, and how often the fitted weights rank the silver answer first."""
    import numpy
    from sklearn.linear_model import LogisticRegression

    x: list[Any] = []
    y: list[int] = []
    for inst in instances:
        answer = numpy.array(inst.vectors[inst.answer])
        for k, vector in enumerate(inst.vectors):
            if k != inst.answer:
                difference = answer - numpy.array(vector)
                x += [difference, -difference]
                y += [1, 0]
    model = LogisticRegression(C=REGULARIZATION_C, fit_intercept=False, max_iter=2000)
    model.fit(numpy.array(x), numpy.array(y))
    coefficients = dict(zip(FITTED, model.coef_[0], strict=True))
    weights = {
        CONFIG_NAMES[n][0]: round(CONFIG_NAMES[n][1] * float(c), 3) for n, c in coefficients.items()
    }
    top1 = sum(
        int(
            max(range(len(i.vectors)), key=lambda k: float(numpy.dot(i.vectors[k], model.coef_[0])))
            == i.answer
        )
        for i in instances
    )
    return {"weights": weights, "instances": len(instances), "silver_top1": top1 / len(instances)}
