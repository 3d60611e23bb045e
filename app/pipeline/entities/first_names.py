"""First names -> gender: the gender_guesser package's answers, with the project's own overrides
and a country's usage where it knows the name."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Literal

Gender = Literal["female", "male"]

# Gender-guesser answers taken as evidence ("mostly_*" and "andy" are not: never guess).
GENDER_ANSWERS: dict[str, Gender] = {"male": "male", "female": "female"}
# The gender each answer leans to ("andy" and "unknown" lean to none).
LEANING: dict[str, Gender] = {
    "male": "male",
    "mostly_male": "male",
    "female": "female",
    "mostly_female": "female",
}
# Name-lexicon answers that make a word a first name (an alias "Chris" joins "Chris Anderson").
FIRST_NAME_ANSWERS: frozenset[str] = frozenset(
    {"male", "female", "mostly_male", "mostly_female", "andy"}
)
# The answer for a word the name lexicon does not hold.
UNKNOWN_ANSWER = "unknown"


# How many answers `GenderLexicon` keeps before it starts again.
MAX_REMEMBERED = 50_000


class GenderLexicon:
    """First names -> gender, from the gender_guesser package (loaded in initialize), with the
    project's own answers first (`overrides`: names it does not know or calls androgynous that
    news text uses for one gender, "Bernie", "Megyn"). With a `country` (one of gender_guesser's,
    "usa" for US news) that country's usage decides where it knows the name: worldwide, "Jan" and
    "Jean" are men's names and "Rand" and "Nate" women's; in the US it is the other way round."""

    def __init__(self, overrides: Mapping[str, Gender] | None = None, country: str = "") -> None:
        import gender_guesser.detector as gender_detector

        if country and country not in gender_detector.Detector.COUNTRIES:
            raise ValueError(f"gender_guesser knows no country {country!r}")
        self._detector = gender_detector.Detector(case_sensitive=False)
        self._overrides = dict(overrides or {})
        self._country = country
        # answers already given: an article asks for the same names many times
        self._answers: dict[str, str] = {}

    def answer(self, first_name: str) -> str:
        """gender_guesser's answer: male, female, mostly_male, mostly_female, andy, unknown."""
        found = self._answers.get(first_name)
        if found is None:
            if len(self._answers) >= MAX_REMEMBERED:
                self._answers.clear()  # (a long-running service meets ever more words)
            found = self._answers[first_name] = self._look_up(first_name)
        return found

    def _look_up(self, first_name: str) -> str:
        answer = self._look_up_written(first_name)
        if answer == "unknown" and first_name[:1] != _without_accents(first_name[:1]):
            # the lexicon spells names with an accented capital one way only: `Élise` as Elise,
            # `Émile` as Emile (only the capital: `Santé` of Santé Québec is no Italian "Sante")
            return self._look_up_written(_without_accents(first_name[:1]) + first_name[1:])
        return answer

    def _look_up_written(self, first_name: str) -> str:
        override = self._overrides.get(first_name.lower())
        if override is not None:
            return override
        answer: str = self._detector.get_gender(first_name)
        if not self._country or answer == "unknown":
            return answer
        local: str = self._detector.get_gender(first_name, self._country)
        # the country's answer where it is sure, or where it leans the other way
        if local in GENDER_ANSWERS or (local in LEANING and LEANING[local] != LEANING.get(answer)):
            return local
        return answer

    def gender(self, first_name: str) -> Gender | None:
        found = GENDER_ANSWERS.get(self.answer(first_name))
        if found is None and "-" in first_name.strip("-"):
            # a compound given name (Jean-Yves, Marie-Claude, Marc-André) is its first name's
            # gender, as the French usage that writes them has it (not a country's own usage)
            first = first_name.strip("-").split("-")[0]
            found = self._overrides.get(first.lower()) or GENDER_ANSWERS.get(
                self._detector.get_gender(first)
            )
        return found


def _without_accents(word: str) -> str:
    """The word with its letters' accents dropped (`É` -> E)."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
