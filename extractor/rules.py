"""Load the layout and language data in `rules/`, checked, into one object.

A year whose layout drifts gets a new wording or pattern in `rules/`, not new
code. Every file is validated when loaded; a bad entry stops the run with
`E020`, naming the file and the entry.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal, Self, get_args

import regex
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)

from extractor.cleaning import fold
from extractor.errors import E_RULES, ExtractorError, first_problem
from extractor.models import RegionName

DEFAULT_RULES_DIR = Path(__file__).resolve().parent.parent / "rules"


def _compile(pattern: Any) -> regex.Pattern[str]:
    if isinstance(pattern, regex.Pattern):
        return pattern
    if not isinstance(pattern, str):
        raise ValueError("a pattern is a string")
    try:
        return regex.compile(pattern)
    except regex.error as error:
        raise ValueError(f"pattern {pattern!r} does not compile: {error}") from error


Pattern = Annotated[regex.Pattern[str], BeforeValidator(_compile)]


class _Rules(BaseModel):
    """Rules data; `required_groups` names the groups each pattern field must capture."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)
    required_groups: ClassVar[dict[str, tuple[str, ...]]] = {}

    @model_validator(mode="after")
    def _groups_present(self) -> Self:
        for field, groups in self.required_groups.items():
            pattern = getattr(self, field)
            missing = [name for name in groups if name not in pattern.groupindex]
            if missing:
                groups = ", ".join(missing)
                raise ValueError(
                    f"{field}: pattern {pattern.pattern!r} lacks the group(s) {groups}"
                )
        return self


class EncodingRules(_Rules):
    legacy: tuple[str, ...] = Field(min_length=1)
    romanian_letters: str = Field(min_length=1)

    @field_validator("legacy")
    @classmethod
    def _known_codecs(cls, names: tuple[str, ...]) -> tuple[str, ...]:
        for name in names:
            try:
                "".encode(name)
            except LookupError as error:
                raise ValueError(f"unknown encoding {name!r}") from error
        return names


class MarkupRules(_Rules):
    bullets: str = Field(min_length=1)
    sentence_end: str = Field(min_length=1)


class TitleRules(_Rules):
    required_groups: ClassVar = {"pattern": ("as_of",)}
    pattern: Pattern


class PreambleRules(_Rules):
    required_groups: ClassVar = {
        "heading": ("heading",),
        "competition": ("competition",),
        "submitted": ("projects_submitted",),
        "funded": ("projects_funded",),
    }
    heading: Pattern
    competition: Pattern
    submitted: Pattern
    funded: Pattern


class ProjectRules(_Rules):
    required_groups: ClassVar = {"header": ("number", "acronym")}
    header: Pattern


class FurnitureRules(_Rules):
    patterns: tuple[Pattern, ...]


class DocumentRules(_Rules):
    title: TitleRules
    preamble: PreambleRules
    project: ProjectRules
    furniture: FurnitureRules


class Column(_Rules):
    field: str
    headers: tuple[str, ...] = Field(min_length=1)


class PeriodRules(_Rules):
    required_groups: ClassVar = {"pattern": ("start", "end")}
    pattern: Pattern


TABLE_FIELDS = ("title", "period", "coordinator", "director", "cluster_members", "region", "domain")


class TableRules(_Rules):
    min_header_columns: int = Field(ge=1)
    columns: tuple[Column, ...]
    period: PeriodRules

    @field_validator("columns")
    @classmethod
    def _all_fields(cls, columns: tuple[Column, ...]) -> tuple[Column, ...]:
        fields = [column.field for column in columns]
        if sorted(fields) != sorted(TABLE_FIELDS):
            raise ValueError(f"columns must name each of {', '.join(TABLE_FIELDS)} once")
        return columns

    _fields_by_header: dict[str, str] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: Any) -> None:
        for column in self.columns:
            for wording in column.headers:
                self._fields_by_header.setdefault(fold(wording), column.field)

    def field_for_header(self, header: str) -> str | None:
        return self._fields_by_header.get(fold(header))


SectionKey = Literal["objective", "results", "ongoing"]
SECTION_KEYS: tuple[str, ...] = get_args(SectionKey)


class SectionHeading(_Rules):
    key: SectionKey
    headings: tuple[str, ...] = Field(min_length=1)


class SubheadingRules(_Rules):
    patterns: tuple[Pattern, ...]


class WebsiteRules(_Rules):
    labels: tuple[str, ...] = Field(min_length=1)
    url: Pattern


class SectionRules(_Rules):
    sections: tuple[SectionHeading, ...]
    subheadings: SubheadingRules
    website: WebsiteRules
    _keys_by_heading: dict[str, str] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: Any) -> None:
        for section in self.sections:
            for wording in section.headings:
                self._keys_by_heading.setdefault(fold(wording), section.key)

    @property
    def longest_heading(self) -> int:
        return max(len(wording) for section in self.sections for wording in section.headings)

    def key_for_heading(self, heading: str) -> str | None:
        """Which section a heading's wording opens; `heading` is cleaned text, colon allowed."""
        return self._keys_by_heading.get(fold(heading).rstrip(": "))


class RegionSpelling(_Rules):
    name: RegionName
    spellings: tuple[str, ...] = Field(min_length=1)


class RegionRules(_Rules):
    regions: tuple[RegionSpelling, ...]

    _names_by_spelling: dict[str, str] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: Any) -> None:
        for region in self.regions:
            for spelling in (region.name, *region.spellings):
                self._names_by_spelling.setdefault(_compact(spelling), region.name)

    def canonical(self, written: str) -> str | None:
        """Given a region as a report writes it, its canonical name, or None."""
        return self._names_by_spelling.get(_compact(written))


def _compact(text: str) -> str:
    return fold(text).replace(" ", "").replace("-", "")


Score = Annotated[float, Field(gt=0, le=100, strict=True)]


class DiffRules(_Rules):
    """Thresholds of `extractor diff`, as rapidfuzz scores (0-100)."""

    title_match: Score
    item_similarity: Score


class PdfListRules(_Rules):
    bullets: str = Field(min_length=1)
    gapped: str
    numbering: Pattern


class PdfFontRules(_Rules):
    bold: tuple[str, ...]
    italic: tuple[str, ...]


class PdfFurnitureRules(_Rules):
    page_number: Pattern


class PdfRules(_Rules):
    """How a PDF writes the layout: list markers, emphasis in fonts, ligatures, page numbers."""

    lists: PdfListRules
    fonts: PdfFontRules
    ligatures: dict[str, str]
    furniture: PdfFurnitureRules

    @field_validator("ligatures")
    @classmethod
    def _one_glyph_each(cls, ligatures: dict[str, str]) -> dict[str, str]:
        for glyph, letters in ligatures.items():
            if len(glyph) != 1 or not letters:
                raise ValueError(f"ligature {glyph!r}: one glyph, standing for one or more letters")
        return ligatures


class Rules(_Rules):
    directory: Path
    encodings: EncodingRules
    markup: MarkupRules
    document: DocumentRules
    table: TableRules
    sections: SectionRules
    regions: RegionRules
    diff: DiffRules
    pdf: PdfRules


_FILES: dict[str, type[_Rules]] = {
    "encodings": EncodingRules,
    "markup": MarkupRules,
    "document": DocumentRules,
    "table": TableRules,
    "sections": SectionRules,
    "regions": RegionRules,
    "diff": DiffRules,
    "pdf": PdfRules,
}


def unreadable(path: Path, error: OSError) -> ExtractorError:
    """The E020 for a rules file that cannot be read."""
    message = f"cannot read rules file {path}: {error.strerror}"
    return ExtractorError(E_RULES, message, "restore it from the repository")


def read_toml(path: Path) -> dict[str, Any]:
    """Given a rules file, its data; an unreadable or malformed file is an E020."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise unreadable(path, error) from error
    except tomllib.TOMLDecodeError as error:
        raise ExtractorError(E_RULES, f"rules file {path} is not valid TOML: {error}") from error


def validate_rules(path: Path, model: type[_Rules], data: dict[str, Any]) -> Any:
    """Given a rules file's data, its checked model; the first bad entry is an E020."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise ExtractorError(E_RULES, f"rules file {path}: entry {first_problem(error)}") from error


@cache
def load_rules(directory: Path = DEFAULT_RULES_DIR) -> Rules:
    """The checked rules of `directory`, read once per process."""
    parts = {
        name: validate_rules(
            directory / f"{name}.toml", model, read_toml(directory / f"{name}.toml")
        )
        for name, model in _FILES.items()
    }
    return Rules(directory=directory, **parts)
