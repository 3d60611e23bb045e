"""A name as the article writes it at one place, and the cluster of one entity's names."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from app.pipeline.entities.first_names import Gender
from app.pipeline.syntax import NOMINAL_SUBJECT_DEPS
from app.pipeline.text import span_text
from app.pipeline.types import EntityKind


@dataclass(slots=True)
class Name:
    """A name as the article writes it at one place, split into title and name proper."""

    start: int  # token range of the name proper
    end: int
    words: tuple[str, ...]  # lowercased words of the name proper (possessive dropped)
    text: str
    role: str | None
    role_words: frozenset[str]
    gender: Gender | None  # stated by an honorific
    kind: EntityKind
    subject: bool
    head: int = 0  # the name's syntactic head token
    dep: str = ""  # dependency label of the name's head
    # a lone capitalised word the tagger called an organisation ("Burton explained"): it may be
    # a person's surname, so he/she can still refer to it
    maybe_person: bool = False
    # a lone surname's gender as a pronoun bound to it states ("Ebeling lives in her hometown"),
    # set before clustering (`gender.mark_bound_genders`): which of a family it names
    bound_gender: Gender | None = None
    # the words of an organisation's name past its head (`Bank of Canada` -> "canada"): no
    # alias joins by them, but they keep `Bank of Canada` apart from `Bank of Montreal`
    qualifier: tuple[str, ...] = ()
    # the NER called it a place (`Canada`): it may be a surname the NER misread (`Singh`), never
    # the short form of an organisation's name that ends with a place (`Statistics Canada`)
    place: bool = False

    @property
    def key_words(self) -> tuple[str, ...]:
        """The words that tell this name's entity from others': its words and qualifier."""
        return self.words + self.qualifier if self.qualifier else self.words


@dataclass(slots=True)
class Cluster:
    """Names of one entity across the article."""

    names: list[Name]
    canonical: Name
    kind: EntityKind
    gender: Gender | None = None
    role: str | None = None
    role_words: frozenset[str] = frozenset()
    maybe_person: bool = False  # an "organisation" that may be a person (see Name)

    @property
    def personal(self) -> bool:
        """A person, or a one-word name that may be one: what he/she can refer to."""
        return self.kind == "person" or self.maybe_person


def listed_org(doc: Doc, start: int, end: int) -> Name:
    """The organisation's name the parse read as a list (`written.coordinated_org`)."""
    root = doc[start:end].root
    return Name(
        start=start,
        end=end,
        words=tuple(t.lower_ for t in doc[start:end] if t.text != ","),
        text=span_text(doc, start, end),
        role=None,
        role_words=frozenset(),
        gender=None,
        kind="organization",
        subject=root.dep_ in NOMINAL_SUBJECT_DEPS,
        head=root.i,
        dep=root.dep_,
    )
