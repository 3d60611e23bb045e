"""What resolving one speaker mention gives: the entity it names (a cluster of the article's
names, or an unnamed source the mention itself describes), how it was found, and the evidence
the confidence weighs."""

from __future__ import annotations

from dataclasses import dataclass

from app.pipeline.entities.first_names import Gender
from app.pipeline.entities.named import Cluster
from app.pipeline.types import EntityKind, Resolution

# The key prefix of an unnamed source, described by its mention (`nominal:a spokesman`).
NOMINAL_KEY = "nominal:"


@dataclass(slots=True)
class Resolved:
    """A mention tied to an entity (`key`) or left unresolved (`key` None)."""

    key: str | None  # cluster/entity key, None when unresolved
    name: str | None
    kind: EntityKind
    resolution: Resolution
    role: str | None = None
    gender: Gender | None = None
    alias: str | None = None
    reason: str | None = None  # why a mention stayed unresolved
    candidates: int = 1  # entities the mention could have meant
    margin: float | None = None  # score lead of the chosen antecedent over the next one
    distance: int = 0  # sentences between the mention and the antecedent's last mention

    @classmethod
    def unresolved(cls, reason: str | None = None) -> Resolved:
        return cls(None, None, "unknown", "context", reason=reason, candidates=0)

    @classmethod
    def to_cluster(
        cls, key: str, cluster: Cluster, resolution: Resolution, alias: str | None = None
    ) -> Resolved:
        return cls(
            key=key,
            name=cluster.canonical.text,
            kind=cluster.kind,
            resolution=resolution,
            role=cluster.role,
            gender=cluster.gender,
            alias=alias,
        )
