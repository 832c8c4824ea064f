"""The output schema: the single source of truth for the JSON the tool emits.

Field order here is the key order of the emitted JSON, so it is part of the
output contract (see README, "Output"). New keys go after the existing ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_serializer, model_validator

from extractor.constraints import (
    Fields,
    date_single_or_range,
    period_in_order,
    region_code_matches_name,
    span_in_order,
)

SCHEMA_VERSION = "1.0"

RegionName = Literal[
    "Nord-Vest",
    "Centru",
    "Nord-Est",
    "Sud-Est",
    "Sud-Muntenia",
    "București-Ilfov",
    "Sud-Vest Oltenia",
    "Vest",
]
Nuts2Code = Literal["RO11", "RO12", "RO21", "RO22", "RO31", "RO32", "RO41", "RO42"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _across_fields(check: Callable[[Fields], None]) -> Any:
    """A model validator running `check`, a function of `extractor.constraints`, on the
    model's fields; the prebuilt validators find the check by the name kept here."""

    def validate(model: _Model) -> _Model:
        check(vars(model))
        return model

    validate.constraint = check.__name__  # type: ignore[attr-defined]
    return model_validator(mode="after")(validate)


class Span(_Model):
    """Where a value stands in the text that `extractor text` prints.

    Lines are 1-based; chars are 0-based offsets into the whole text, end
    exclusive, so `text[char_start:char_end]` is the value's source.
    """

    page: int | None = Field(default=None, ge=1)
    line_start: int = Field(ge=1)
    line_end: int = Field(ge=1)
    char_start: int = Field(ge=0)
    char_end: int = Field(ge=0)
    bbox: tuple[float, float, float, float] | None = Field(
        default=None, description="PDF only: [x0, top, x1, bottom] in points on `page`."
    )

    _ordered = _across_fields(span_in_order)


class Warning(_Model):  # the contract names it so; it shadows the builtin here only
    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    message: str
    span: Span | None = None


class _Fact(_Model):
    """A statement found in an item's text: its kind, exact surface and where it is."""

    type: str
    text: str
    span: Span


class QuantityFact(_Fact):
    type: Literal["quantity"] = "quantity"
    value: int = Field(ge=0)
    unit: str


class DateFact(_Fact):
    type: Literal["date"] = "date"
    value: dt.date | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    _single_or_range = _across_fields(date_single_or_range)

    @model_serializer(mode="wrap")
    def _drop_unused(self, handler: Any) -> dict[str, Any]:
        data = handler(self)
        return {key: value for key, value in data.items() if value is not None}


class LabelFact(_Fact):
    type: Literal["label"] = "label"
    scheme: str
    level: Literal["bronze", "silver", "gold"]
    status: Literal["achieved", "planned"]


class OrganizationFact(_Fact):
    type: Literal["organization"] = "organization"
    name: str


class UrlFact(_Fact):
    type: Literal["url"] = "url"
    value: str


Fact = Annotated[
    QuantityFact | DateFact | LabelFact | OrganizationFact | UrlFact,
    Field(discriminator="type"),
]


class Item(_Model):
    kind: Literal["paragraph", "bullet", "heading"]
    text: str = Field(min_length=1)
    children: list[Item] = Field(default_factory=list)
    span: Span
    facts: list[Fact] = Field(default_factory=list)


class Section(_Model):
    heading: str
    items: list[Item] = Field(default_factory=list)
    span: Span = Field(description="The heading's place.")


class Period(_Model):
    start: dt.date
    end: dt.date

    _start_before_end = _across_fields(period_in_order)


class Region(_Model):
    raw: str
    name: RegionName | None = None
    nuts2: Nuts2Code | None = None

    _code_matches_name = _across_fields(region_code_matches_name)


class LabelIndicator(_Model):
    level: Literal["bronze", "silver", "gold"]
    status: Literal["achieved", "planned"]


class Indicators(_Model):
    esca_labels: list[LabelIndicator] = Field(default_factory=list)
    counts: dict[str, int] = Field(default_factory=dict)


class ProjectSpans(_Model):
    """Provenance of the project's scalar fields, keyed like the fields."""

    number: Span | None = None
    acronym: Span | None = None
    title: Span | None = None
    period: Span | None = None
    coordinator: Span | None = None
    director: Span | None = None
    cluster_members: Span | None = None
    region: Span | None = None
    domain: Span | None = None
    websites: list[Span] = Field(default_factory=list)


class Project(_Model):
    number: int = Field(ge=1)
    acronym: str | None = None
    title: str | None = None
    period: Period | None = None
    coordinator: str | None = None
    director: str | None = None
    cluster_members: int | None = Field(default=None, gt=0)
    region: Region | None = None
    domain: str | None = None
    websites: list[str] = Field(default_factory=list)
    objective: Section | None = None
    results: Section | None = None
    ongoing: Section | None = None
    warnings: list[Warning] = Field(default_factory=list)
    span: Span = Field(description="The whole project block.")
    spans: ProjectSpans = Field(default_factory=ProjectSpans)
    indicators: Indicators = Field(default_factory=Indicators)


class ReportSpans(_Model):
    title: Span | None = None
    as_of: Span | None = None
    competition: Span | None = None
    projects_submitted: Span | None = None
    projects_funded: Span | None = None


class Report(_Model):
    title: str | None = None
    as_of: dt.date | None = None
    competition: str | None = None
    projects_submitted: int | None = Field(default=None, ge=0)
    projects_funded: int | None = Field(default=None, ge=0)
    preamble: Section | None = None
    spans: ReportSpans = Field(default_factory=ReportSpans)


class Source(_Model):
    file: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    format: Literal["text", "pdf"]
    encoding: str | None = Field(
        default=None, description="Text only: the encoding the bytes were decoded with."
    )
    pages: int | None = Field(default=None, ge=0, description="PDF only: the page count.")


class Unparsed(_Model):
    """A source line that no field or item took, so nothing is dropped silently."""

    text: str
    reason: Literal["not_recognized", "page_furniture", "markup_only"]
    span: Span


class Document(_Model):
    schema_version: str = SCHEMA_VERSION
    source: Source
    report: Report
    projects: list[Project] = Field(default_factory=list)
    warnings: list[Warning] = Field(default_factory=list)
    unparsed: list[Unparsed] = Field(default_factory=list)
    coverage: float = Field(
        ge=0.0, le=1.0, description="Share of non-blank source characters that fields or items use."
    )
