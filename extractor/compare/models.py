"""The diff contract as pydantic models: what `extractor.diff` returns and `diff --format json`
prints. `diff_documents` builds plain data; these models check and type it."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from extractor.models import Source, Span


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SpanPair(_Model):
    """Where a change stands in the old and in the new document."""

    old: Span | None
    new: Span | None


class Side(_Model):
    as_of: str | None
    source: Source | None


class ProjectBrief(_Model):
    number: int
    acronym: str | None
    title: str | None
    span: Span | None


class ProjectKey(_Model):
    number: int
    acronym: str | None


class FieldChange(_Model):
    path: str
    old: Any
    new: Any
    spans: SpanPair


class ItemEntry(_Model):
    section: Literal["objective", "results", "ongoing"]
    text: str
    span: Span | None


class ItemEdit(_Model):
    section: Literal["objective", "results", "ongoing"]
    old: str
    new: str
    spans: SpanPair


class ItemChanges(_Model):
    added: list[ItemEntry]
    removed: list[ItemEntry]
    modified: list[ItemEdit]


class ProjectChange(_Model):
    number: int
    acronym: str | None
    match: Literal["number", "acronym", "title"]
    fields: list[FieldChange]
    items: ItemChanges
    spans: SpanPair


class ProjectChanges(_Model):
    added: list[ProjectBrief]
    removed: list[ProjectBrief]
    changed: list[ProjectChange]
    unchanged: list[ProjectKey]


class ItemCounts(_Model):
    added: int
    removed: int
    modified: int


class Summary(_Model):
    projects: dict[str, int]
    fields: int
    items: ItemCounts


class DocumentDiff(_Model):
    """Two documents compared: projects added, removed, changed and unchanged."""

    old: Side
    new: Side
    projects: ProjectChanges
    summary: Summary

    @property
    def has_differences(self) -> bool:
        """What decides `extractor diff`'s exit status: 1 when true, 0 when not."""
        projects = self.projects
        return bool(projects.added or projects.removed or projects.changed)
