"""All custom `Doc`/`Span` attributes of the pipeline, in one place (safe to import twice)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

# The key of the span group that holds every quoted passage (speech and non-speech), in text order.
QUOTES_KEY = "quotes"


def register_extensions() -> None:
    """Register the extensions once; later calls are no-ops."""
    # Span in doc.spans[QUOTES_KEY] -> app.pipeline.types.Quote
    if not Span.has_extension("quote"):
        Span.set_extension("quote", default=None)
    # Span in doc.spans[QUOTES_KEY] -> app.pipeline.types.Attribution | None (speech quotes only)
    if not Span.has_extension("attribution"):
        Span.set_extension("attribution", default=None)
    # Doc -> tuple[app.pipeline.types.SpeakerEntity, ...], in order of first quote
    if not Doc.has_extension("speakers"):
        Doc.set_extension("speakers", default=())
    # Span in doc.spans[QUOTES_KEY] -> app.pipeline.types.SpeakerCandidate | None: what the
    # speaker_attributor found (mention + cue + layout), read by the speaker_resolver
    if not Span.has_extension("speaker_candidate"):
        Span.set_extension("speaker_candidate", default=None)
    # Span in doc.spans[QUOTES_KEY] of type indirect -> app.pipeline.types.ReportedCue: the cue
    # and source the reported_speech component found, read by the speaker_attributor
    if not Span.has_extension("reported"):
        Span.set_extension("reported", default=None)


register_extensions()
