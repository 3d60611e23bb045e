"""Pydantic models of the HTTP API (and of the CLI/Ray output lines, which are the same objects)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.pipeline.types import NON_SPEECH_TYPES, EntityKind, QuoteType, Resolution

# The quote types an answer holds unless the request asks for others.
DEFAULT_QUOTE_TYPES: tuple[str, ...] = ("direct", "partial")


class TextSpan(BaseModel):
    """Words of the submitted text; `text == input[start:end]` (Unicode code point offsets)."""

    model_config = ConfigDict(frozen=True)

    text: str
    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(ge=0)]


class AttributionRequest(BaseModel):
    """One article to attribute."""

    model_config = ConfigDict(extra="forbid")

    text: Annotated[str, Field(description="Article text, plain. Offsets in the answer index it.")]
    id: Annotated[
        str | None,
        Field(default=None, max_length=256, description="Echoed back; generated if absent."),
    ] = None
    title: Annotated[str | None, Field(default=None, max_length=1000)] = None
    types: Annotated[
        list[QuoteType] | None,
        Field(
            default=None,
            min_length=1,
            description=(
                "Quote types to return: any of `direct` (a whole quotation), `partial` (a quoted "
                "fragment), `indirect` (reported speech, not in quotation marks), `scare` (scare "
                "quotes, terms) and `title` (titles, nicknames; scare and title are never "
                "attributed). Default: `direct` and `partial`."
            ),
        ),
    ] = None
    include_non_speech: Annotated[
        bool,
        Field(
            description=(
                "Also return scare quotes and titles: the same as adding `scare` and `title` "
                "to `types`."
            )
        ),
    ] = False
    format: Annotated[
        Literal["text", "html"],
        Field(
            description=(
                "`text`: plain text. `html`: tags are stripped and entities decoded for the "
                "pipeline, and every offset is mapped back to the HTML as sent, so "
                "`input[start:end]` is the raw HTML slice (it may hold tags) and every `text` "
                "field is that slice."
            )
        ),
    ] = "text"
    offsets: Annotated[
        Literal["codepoint", "utf16"],
        Field(
            description=(
                "Unit of every `start`/`end`: `codepoint` (Python str indices) or `utf16` (UTF-16 "
                "code units, JavaScript string indices: `input.slice(start, end) === text`)."
            )
        ),
    ] = "codepoint"

    @property
    def quote_types(self) -> frozenset[str]:
        """The types the answer holds: `types` (default direct and partial), plus scare and
        title with `include_non_speech`."""
        chosen = set(self.types) if self.types else set(DEFAULT_QUOTE_TYPES)
        if self.include_non_speech:
            chosen |= NON_SPEECH_TYPES
        return frozenset(chosen)


class Speaker(BaseModel):
    """Who said a quote."""

    name: str | None = Field(
        description="Canonical name (fullest form in the article); null when unresolved."
    )
    mention: TextSpan | None = Field(description="The words naming the speaker at this place.")
    entity: str | None = Field(description="Id of the entry in `speakers`; null when unresolved.")
    resolution: Resolution
    reason: str | None = Field(
        default=None,
        description=(
            'Why the mention stayed unresolved (`name` null), e.g. "no woman or person of '
            "unknown gender named before 'she'\"; null when resolved."
        ),
    )


class QuoteOut(BaseModel):
    id: str
    text: str = Field(description="Quote content without the marks; equals input[start:end].")
    start: int
    end: int
    type: QuoteType
    segments: list[TextSpan] = Field(
        default_factory=list, description="Per-paragraph pieces of a multi-paragraph quote."
    )
    speaker: Speaker | None
    cue: TextSpan | None
    part_of: str | None = Field(
        default=None,
        description=(
            'For a quoted fragment inside reported speech (`X said the plan was "dead"`): '
            "the id of that `indirect` passage, when the answer holds it."
        ),
    )
    fragments: list[str] = Field(
        default_factory=list,
        description="For an `indirect` passage: the ids of the quoted fragments inside it.",
    )
    declined: bool = Field(
        default=False,
        description=(
            "For an `indirect` passage: its cue is negated or refused (`did not respond by "
            "deadline`, `would not say whether ...`, `declined to say how many`), "
            "so the source did not say it. Such passages are reported, as the annotated news "
            "we measure on counts them; drop them to keep only what was said."
        ),
    )
    confidence: Annotated[
        float,
        Field(
            ge=0.0,
            le=1.0,
            description=(
                "Calibrated probability that `speaker` is right (for a quote without a speaker: "
                "that it has none), from a model fitted on annotated news; review below ~0.5."
            ),
        ),
    ]


class SpeakerOut(BaseModel):
    id: str
    name: str
    kind: EntityKind
    role: str | None
    aliases: list[str]
    quotes: list[str] = Field(description="Ids of this speaker's quotes.")


class ModelInfo(BaseModel):
    name: str
    version: str
    components: list[str]


class AttributionResponse(BaseModel):
    id: str
    quotes: list[QuoteOut]
    speakers: list[SpeakerOut]
    model: ModelInfo


class BatchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    documents: Annotated[list[AttributionRequest], Field(min_length=1)]


class DocumentError(BaseModel):
    """A per-document failure inside a batch (the rest of the batch is still answered)."""

    id: str | None
    status: int
    title: str
    detail: str


class BatchItem(BaseModel):
    ok: bool
    result: AttributionResponse | None = None
    error: DocumentError | None = None


class BatchResponse(BaseModel):
    results: list[BatchItem]


class Health(BaseModel):
    status: Literal["ok"]


class Ready(BaseModel):
    status: Literal["ready"]
    model: ModelInfo


class ProblemField(BaseModel):
    field: str
    message: str


class Problem(BaseModel):
    """An error (RFC 9457 problem details), sent as `application/problem+json`."""

    type: str
    title: str
    status: int
    detail: str
    errors: list[ProblemField] | None = None
