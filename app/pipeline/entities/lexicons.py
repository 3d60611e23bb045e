"""The speaker_resolver's word lists, loaded from files under models/ (see pipeline.cfg), and the
role noun each honorific abbreviation stands for."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.pipeline.entities.first_names import Gender

# Honorific abbreviations and the role noun a later nominal uses ("Sen. X" ... "the senator").
HONORIFIC_ROLES: dict[str, str] = {
    "sen.": "senator",
    "rep.": "representative",
    "gov.": "governor",
    "pres.": "president",
    "gen.": "general",
    "lt.": "lieutenant",
    "col.": "colonel",
    "capt.": "captain",
    "sgt.": "sergeant",
    "dr.": "doctor",
    "prof.": "professor",
    "rev.": "reverend",
    "sec.": "secretary",
    "atty.": "attorney",
    "coun.": "councillor",
    "const.": "constable",
    "cst.": "constable",
    "cpl.": "corporal",
    "det.": "detective",
    "insp.": "inspector",
    "supt.": "superintendent",
}


@dataclass(frozen=True, slots=True)
class ResolverLexicons:
    """The speaker_resolver's word lists (files under models/)."""

    titles: frozenset[str] = frozenset()
    honorifics: dict[str, Gender | None] = field(default_factory=dict)
    org_nouns: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()
    gendered_nouns: dict[str, Gender] = field(default_factory=dict)
    source_nouns: frozenset[str] = frozenset()  # common nouns that can name a speaker
    first_names: dict[str, Gender] = field(default_factory=dict)  # GenderLexicon overrides
    # labels that open a line of page furniture (`RELATED:`): its names are another story's
    furniture_labels: frozenset[str] = frozenset()
    # role word -> the other nouns that refer back to its holder (`Justice X` ... `the judge`)
    role_synonyms: dict[str, frozenset[str]] = field(default_factory=dict)
    # organisation noun -> name words that show that kind (`the company` ... `Shopify Inc.`)
    org_kind_words: dict[str, frozenset[str]] = field(default_factory=dict)
    # (derived once) the nouns of a role a person holds: a title, a gendered noun, a source's
    # noun that names no organisation or document (`firefighter`, not `bill`)
    person_role_nouns: frozenset[str] = field(init=False, default=frozenset())

    def __post_init__(self) -> None:
        nouns = self.source_nouns - self.org_nouns - self.document_nouns
        roles = self.titles | frozenset(self.gendered_nouns) | nouns
        object.__setattr__(self, "person_role_nouns", roles)

    def to_json(self) -> dict[str, Any]:
        return {
            "titles": sorted(self.titles),
            "honorifics": dict(sorted(self.honorifics.items())),
            "org_nouns": sorted(self.org_nouns),
            "document_nouns": sorted(self.document_nouns),
            "gendered_nouns": dict(sorted(self.gendered_nouns.items())),
            "source_nouns": sorted(self.source_nouns),
            "first_names": dict(sorted(self.first_names.items())),
            "furniture_labels": sorted(self.furniture_labels),
            "role_synonyms": {k: sorted(v) for k, v in sorted(self.role_synonyms.items())},
            "org_kind_words": {k: sorted(v) for k, v in sorted(self.org_kind_words.items())},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ResolverLexicons:
        return cls(
            titles=frozenset(data["titles"]),
            honorifics=dict(data["honorifics"]),
            org_nouns=frozenset(data["org_nouns"]),
            document_nouns=frozenset(data["document_nouns"]),
            gendered_nouns=dict(data.get("gendered_nouns", {})),
            source_nouns=frozenset(data.get("source_nouns", ())),
            first_names=dict(data.get("first_names", {})),
            furniture_labels=frozenset(data.get("furniture_labels", ())),
            role_synonyms={k: frozenset(v) for k, v in data.get("role_synonyms", {}).items()},
            org_kind_words={k: frozenset(v) for k, v in data.get("org_kind_words", {}).items()},
        )
