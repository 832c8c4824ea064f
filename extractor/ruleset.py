"""Load the layout and language data in `rules/`, checked, into one object.

A year whose layout drifts gets a new wording or pattern in `rules/`, not new
code. Every file is validated when loaded; a bad entry stops the run with
`E020`, naming the file and the entry.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache, cached_property
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal, Self

import regex
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    TypeAdapter,
    ValidationError,
    field_validator,
    model_validator,
    with_config,
)
from typing_extensions import TypedDict  # pydantic reads typing's only from Python 3.12

from extractor.content import SectionKey
from extractor.errors import E_RULES, ExtractorError, too_many_digits
from extractor.models import RegionName
from extractor.rulefiles import DEFAULT_RULES_DIR, invalid, read_toml, unreadable
from extractor.text.cleaning import fold, fold_within


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
# A pattern that goes into spaCy's pipeline config as its source text.
SerializedPattern = Annotated[Pattern, PlainSerializer(lambda p: p.pattern, when_used="json")]


class _Rules(BaseModel):
    """Rules data; `required_groups` names the groups each pattern field must capture."""

    # Built on first use: `extractor diff` of two documents checks only DiffRules.
    model_config = ConfigDict(
        extra="forbid", frozen=True, arbitrary_types_allowed=True, defer_build=True
    )
    required_groups: ClassVar[dict[str, tuple[str, ...]]] = {}

    @model_validator(mode="after")
    def _groups_present(self) -> Self:
        for field, groups in self.required_groups.items():
            value = getattr(self, field)
            for pattern in value if isinstance(value, tuple) else (value,):
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


MarkerKind = Literal["dash", "bullet", "sub_bullet", "check", "markdown", "numbering"]


class MarkerGlyphs(_Rules):
    """List-marker glyphs of one kind, and the list level they open (1 or 2)."""

    kind: MarkerKind
    level: int = Field(ge=1, le=2)
    glyphs: str = Field(min_length=1)


class MarkupRules(_Rules):
    """List markers and emphasis, as the line-reading stage peels them off a line."""

    markers: tuple[MarkerGlyphs, ...] = Field(min_length=1)
    numbering: Pattern
    sentence_end: str = Field(min_length=1)
    tab_width: int = Field(ge=1)

    # The lookups below are cached properties, not private attributes: a private
    # attribute is read through pydantic's __getattr__, a cost per read on hot paths.
    @cached_property
    def _levels(self) -> dict[str, tuple[str, int]]:
        levels: dict[str, tuple[str, int]] = {}
        for group in self.markers:
            for glyph in group.glyphs:
                levels.setdefault(glyph, (group.kind, group.level))
        return levels

    def glyph(self, char: str) -> tuple[str, int] | None:
        """The kind and level of a marker glyph, or None for a char that is none."""
        return self._levels.get(char)

    @property
    def bullets(self) -> str:
        """Every glyph that is a marker and no letter: what cleaning strips off an item's start."""
        return "".join(glyph for glyph in self._levels if not glyph.isalpha())


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
    required_groups: ClassVar = {"headers": ("number", "acronym")}
    headers: tuple[Pattern, ...] = Field(min_length=1)

    def header_match(self, text: str) -> regex.Match[str] | None:
        """The first header pattern that reads `text` (a line's bare text), if one does."""
        return next(filter(None, (pattern.match(text) for pattern in self.headers)), None)


class FurnitureRules(_Rules):
    patterns: tuple[Pattern, ...]
    recurring: int = Field(ge=2)
    recurring_length: int = Field(ge=1)


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


class MembersRules(_Rules):
    required_groups: ClassVar = {"pattern": ("count",)}
    pattern: Pattern


TABLE_FIELDS = ("title", "period", "coordinator", "director", "cluster_members", "region", "domain")


class TableRules(_Rules):
    min_header_columns: int = Field(ge=1)
    column_gap: int = Field(default=2, ge=2)
    columns: tuple[Column, ...]
    period: PeriodRules
    members: MembersRules

    @cached_property
    def column_piece(self) -> regex.Pattern[str]:
        """A run of words in a column-laid line: no gap of `column_gap` spaces inside."""
        return regex.compile(rf"\S+(?: {{1,{self.column_gap - 1}}}\S+)*")

    @field_validator("columns")
    @classmethod
    def _all_fields(cls, columns: tuple[Column, ...]) -> tuple[Column, ...]:
        fields = [column.field for column in columns]
        if sorted(fields) != sorted(TABLE_FIELDS):
            raise ValueError(f"columns must name each of {', '.join(TABLE_FIELDS)} once")
        return columns

    @cached_property
    def _fields_by_header(self) -> dict[str, str]:
        fields: dict[str, str] = {}
        for column in self.columns:
            for wording in column.headers:
                fields.setdefault(fold(wording), column.field)
        return fields

    @cached_property
    def longest_header(self) -> int:
        """The length of the longest header wording, folded."""
        return max(map(len, self._fields_by_header))

    def field_for_header(self, header: str) -> str | None:
        # Most texts tried are whole lines, far longer than any header.
        folded = fold_within(header, self.longest_header)
        return None if folded is None else self._fields_by_header.get(folded)


class SectionHeading(_Rules):
    """A section and the lemmas that cue it: one of `cues`, and one of `with_cues` if any."""

    key: SectionKey
    cues: tuple[str, ...] = Field(min_length=1)
    with_cues: tuple[str, ...] = ()


class HeadingShape(_Rules):
    """What a heading line looks like: few words, no sentence inside, optional numbering."""

    max_words: int = Field(ge=1)
    numbering: Pattern
    not_inside: str
    not_at_end: str


class SubheadingRules(_Rules):
    patterns: tuple[Pattern, ...]


class WebsiteRules(_Rules):
    labels: tuple[str, ...] = Field(min_length=1)
    url: Pattern


class SectionRules(_Rules):
    sections: tuple[SectionHeading, ...]
    heading: HeadingShape
    subheadings: SubheadingRules
    website: WebsiteRules


class RegionSpelling(_Rules):
    name: RegionName
    spellings: tuple[str, ...] = Field(min_length=1)


class RegionRules(_Rules):
    regions: tuple[RegionSpelling, ...]

    @cached_property
    def _names_by_spelling(self) -> dict[str, str]:
        names: dict[str, str] = {}
        for region in self.regions:
            for spelling in (region.name, *region.spellings):
                names.setdefault(_compact(spelling), region.name)
        return names

    def canonical(self, written: str) -> str | None:
        """Given a region as a report writes it, its canonical name, or None."""
        return self._names_by_spelling.get(_compact(written))


def _compact(text: str) -> str:
    return fold(text).replace(" ", "").replace("-", "")


Score = Annotated[float, Field(gt=0, le=100, strict=True)]


@with_config(ConfigDict(extra="forbid"))
class DiffRules(TypedDict):
    """Thresholds of `extractor diff`, as rapidfuzz scores (0-100): plain data, as the
    documents compared are, checked by a prebuilt validator (`compare.rules.load_diff_rules`)."""

    title_match: Score
    item_similarity: Score


class PdfShapeRules(_Rules):
    """Which vector shapes are list markers (sizes in font sizes), and the glyph each stands for."""

    min_size: float = Field(gt=0)
    max_size: float = Field(gt=0)
    max_aspect: float = Field(ge=1)
    max_gap: float = Field(gt=0)
    filled: str = Field(min_length=1, max_length=1)
    outlined: str = Field(min_length=1, max_length=1)

    @model_validator(mode="after")
    def _sizes_in_order(self) -> Self:
        if self.min_size >= self.max_size:
            raise ValueError("min_size must be smaller than max_size")
        return self


class PdfListRules(_Rules):
    bullets: str = Field(min_length=1)
    gapped: str
    numbering: Pattern
    shapes: PdfShapeRules

    @model_validator(mode="after")
    def _shape_glyphs_are_bullets(self) -> Self:
        for glyph in (self.shapes.filled, self.shapes.outlined):
            if glyph not in self.bullets:
                raise ValueError(f"shapes: {glyph!r} must be one of the bullets")
        return self


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


class NumberRules(_Rules):
    one: tuple[str, ...] = Field(min_length=1)
    joiner: str = Field(min_length=1)
    years: tuple[int, int]
    max_digits: int = Field(ge=1)
    words: dict[str, int] = Field(min_length=1)


class UnitRules(_Rules):
    units: tuple[str, ...] = Field(min_length=1)
    adjectives: tuple[str, ...] = ()
    lemmas: dict[str, str] = Field(default_factory=dict)
    phrases: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _phrases_are_multiword(self) -> UnitRules:
        for phrase in self.phrases:
            if len(phrase.split()) < 2:
                raise ValueError(f"phrase {phrase!r} has one word: list it under units")
        return self


class DateRules(_Rules):
    required_groups: ClassVar = {"numeric": ("day", "month", "year")}
    months: dict[str, int] = Field(min_length=12)
    numeric: SerializedPattern

    @model_validator(mode="after")
    def _months_in_range(self) -> DateRules:
        for name, number in self.months.items():
            if not 1 <= number <= 12:
                raise ValueError(f"month {name!r} has number {number}, not 1 to 12")
        return self


class LabelNouns(_Rules):
    words: tuple[str, ...] = Field(min_length=1)


class LabelStatus(_Rules):
    achieved: tuple[str, ...] = Field(min_length=1)
    planned: tuple[str, ...] = Field(min_length=1)
    sections: dict[str, Literal["achieved", "planned"]] = Field(min_length=1)


class LabelRules(_Rules):
    scheme: str = Field(min_length=1)
    levels: dict[str, Literal["bronze", "silver", "gold"]] = Field(min_length=1)
    nouns: LabelNouns
    status: LabelStatus


class TokenizerRules(_Rules):
    infixes: tuple[SerializedPattern, ...] = ()


class UrlRules(_Rules):
    start: SerializedPattern


class NlpRules(_Rules):
    """The vocabulary of `rules/nlp/*.toml`, checked."""

    tokenizer: TokenizerRules
    numbers: NumberRules
    units: UnitRules
    dates: DateRules
    labels: LabelRules
    urls: UrlRules


class PatternEntry(_Rules):
    """One line of a `rules/nlp/*.jsonl` file, in spaCy's `{label, pattern, id}` shape."""

    label: Literal["quantity", "date", "label", "organization", "url"]
    pattern: (
        Annotated[str, Field(min_length=1)] | Annotated[list[dict[str, Any]], Field(min_length=1)]
    )
    id: str | None = None


class PatternLine(_Rules):
    """A pattern entry and the line of its JSONL file, so a pattern spaCy refuses names it."""

    line: int
    entry: PatternEntry


FACT_TYPES = ("quantity", "date", "label", "organization", "url")
# The JSONL pattern files of `rules/nlp/`, in the order the fact matcher adds them.
PATTERN_FILES = ("quantities", "dates", "labels", "organizations", "urls")


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
    nlp: NlpRules
    patterns: dict[str, tuple[PatternLine, ...]]


_FILES: dict[str, type[_Rules]] = {
    "encodings": EncodingRules,
    "markup": MarkupRules,
    "document": DocumentRules,
    "table": TableRules,
    "sections": SectionRules,
    "regions": RegionRules,
    "pdf": PdfRules,
}


def validate_rules(
    path: Path, validate: Callable[[Any], Any], data: Any, where: str = "entry"
) -> Any:
    """Given a rules file's data and the model's validation, the checked data; the first
    bad entry is an E020."""
    try:
        return validate(data)
    except ValidationError as error:
        raise invalid(path, error, where) from error


_NLP_FILES: dict[str, type[_Rules]] = {
    "tokenizer": TokenizerRules,
    "numbers": NumberRules,
    "units": UnitRules,
    "dates": DateRules,
    "labels": LabelRules,
    "urls": UrlRules,
}


def read_patterns(path: Path) -> tuple[PatternLine, ...]:
    """Given a JSONL pattern file, its entries by line; a bad line is an E020 naming it."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise unreadable(path, error) from error
    entries = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            raise ExtractorError(
                E_RULES, f"rules file {path}: line {number} is not JSON: {error.msg}"
            ) from error
        except ValueError as error:
            raise ExtractorError(
                E_RULES, f"rules file {path}: line {number}: {too_many_digits()}"
            ) from error
        entry = validate_rules(path, PatternEntry.model_validate, data, where=f"line {number}:")
        entries.append(PatternLine(line=number, entry=entry))
    return tuple(entries)


def _read_models(directory: Path, models: dict[str, type[_Rules]]) -> dict[str, Any]:
    return {
        name: validate_rules(path, model.model_validate, read_toml(path))
        for name, model in models.items()
        for path in [directory / f"{name}.toml"]
    }


def load_rules(directory: Path | None = None) -> Rules:
    """The checked rules of `directory` (the layout files and `nlp/`), read once per process;
    the bundled `rules/` by default (None)."""
    return _load_rules(directory or DEFAULT_RULES_DIR)


def _read_diff_rules(directory: Path) -> DiffRules:
    # As `compare.rules.load_diff_rules` reads it, but checked by the model itself.
    path = directory / "diff.toml"
    return validate_rules(path, TypeAdapter(DiffRules).validate_python, read_toml(path))


@cache
def _load_rules(directory: Path) -> Rules:
    nlp_directory = directory / "nlp"
    return Rules(
        directory=directory,
        nlp=NlpRules(**_read_models(nlp_directory, _NLP_FILES)),
        patterns={name: read_patterns(nlp_directory / f"{name}.jsonl") for name in PATTERN_FILES},
        diff=_read_diff_rules(directory),
        **_read_models(directory, _FILES),
    )
