"""What a line of the 2019 report is, also after the drift transforms have rewritten it.

The transforms work line by line on the structure a reader sees in the 2019
text: the project header, the metadata table, the `Site proiect` line, the
section headings (alone, or glued to the line before or after them), the
sub-headings, bullets and paragraphs. Later transforms of a combination (hard
wrapping, page furniture) must still tell these apart after earlier ones have
reworded headings, changed bullet markers or reshaped tables, so the patterns
here know every form the transforms write.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from reports import HEADER_ROW

# Per section, the 2019 wording first, then other years' wordings (the issue's list, then
# three nobody listed that carry the same cues).
SECTION_WORDINGS = {
    "objective": (
        "Obiectivul proiectului",
        "Scopul proiectului",
        "OBIECTIVELE PROIECTULUI",
        "Obiectiv general",
    ),
    "results": (
        "Principalele rezultate",
        "Rezultatele proiectului",
        "Rezultate",
        "Rezultate obținute până în prezent",
    ),
    "ongoing": (
        "Activități în curs",
        "Activități viitoare",
        "Activități planificate pentru etapa următoare",
        "Activități aflate în derulare",
    ),
}
SECTION_KEYS = tuple(SECTION_WORDINGS)

TABLE_LABELS = tuple(HEADER_ROW.split("\t"))
MEMBERS_LABEL = "Nr. membri cluster"
PERIOD_LABEL = "Perioadă implementare"
SITE_LABEL = "Site proiect"
RUNNING_HEAD = "UEFISCDI \u2013 Stadiul proiectelor Cluster inovativ 2019"

# Every bullet glyph a transform writes, both levels (numbering apart).
BULLET_GLYPHS = frozenset("-\u2013—•●▪■\uf0b7·o◦○▫✓✔➢►→*+")
NUMBERING = re.compile(r"\d{1,2}[.)]|[a-z]\)|[ivxl]{1,5}\.")


def _wording_pattern() -> str:
    wordings = sorted(
        (w for group in SECTION_WORDINGS.values() for w in group), key=len, reverse=True
    )
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in wordings)


_WORDING = _wording_pattern()
HEADING_ALONE = re.compile(rf"(?P<text>{_WORDING})(?P<colon>\s*:)?", re.IGNORECASE)
HEADING_GLUED_AFTER = re.compile(
    rf"(?P<before>.+?)\*\*(?P<text>{_WORDING})(?P<colon>\s*:)?\*\*", re.IGNORECASE
)
HEADING_GLUED_BEFORE = re.compile(
    rf"(?P<text>{_WORDING})(?P<colon>\s*:)?(?P<after>\*\*.+\*\*)", re.IGNORECASE
)
SUBHEADING = re.compile(
    r"Activitățile implementate și rezultatele obținute pentru Etapa nr\. \d+ :"
)
PREAMBLE_HEADING = "PREAMBUL"
# A heading in any form the transforms write: markdown level, numbering, bold, colon.
_FORMED_HEADING = re.compile(
    rf"^\s*(?:#{{1,6}}\s+)?(?:(?:\d+|[IVX]+)\.\s+)?(?:\*\*)?(?:{_WORDING}|{PREAMBLE_HEADING})"
    rf"\s*:?(?:\*\*)?(?:\*\*.*)?$|\*\*(?:{_WORDING})\s*:?\*\*$",
    re.IGNORECASE,
)
HEADER = re.compile(
    r"(?P<label>Nr\.\s*proiect\s*/\s*acronim)\s*_(?P<number>\d+)\s+CLS/\s*(?P<acronym>.+?)\s*"
)
_FORMED_HEADER = re.compile(r"^[#*\s]*(?:Nr\.?\s*proiect\s*/\s*acronim|Proiect\s+nr\.)", re.I)
TITLE = re.compile(r"Stadiul proiectelor .+ la \d{2}\.\d{2}\.\d{4}")
_FORMED_TITLE = re.compile(r"^[#*\s]*Stadiul proiectelor ")
_TABLE_LABEL = "|".join(re.escape(label) for label in (*TABLE_LABELS, SITE_LABEL))
_VERTICAL_LABEL = re.compile(rf"(?:{_TABLE_LABEL})")
_VERTICAL_FIELD = re.compile(rf"(?:{_TABLE_LABEL}): .*")
_SITE = re.compile(r"^(?:Site proiect|<?https?://)")
# The first line of a table laid out in columns with spaces (`pdftotext -layout`).
_COLUMNS_HEADER = re.compile(rf"^{re.escape(TABLE_LABELS[0])} {{2,}}\S")
BULLET = re.compile(r"(?P<prefix>(?P<indent>\s*)(?P<marker>\S+)\s+)\S")


class Kind(Enum):
    """The part of the report a line belongs to."""

    BLANK = "blank"
    TITLE = "title"
    HEADER = "header"
    TABLE = "table"
    SITE = "site"
    HEADING = "heading"
    BULLET = "bullet"
    TEXT = "text"
    FURNITURE = "furniture"


TEXT_KINDS = frozenset({Kind.BULLET, Kind.TEXT})


@dataclass(frozen=True)
class Heading:
    """A section heading found in a line, with what the line glues before and after it."""

    key: str
    text: str
    colon: str
    before: str = ""
    after: str = ""


def find_heading(line: str) -> Heading | None:
    """The section heading of a line as the 2019 writer put it: alone or glued."""
    for pattern in (HEADING_ALONE, HEADING_GLUED_AFTER, HEADING_GLUED_BEFORE):
        match = pattern.fullmatch(line)
        if match:
            groups = match.groupdict()
            return Heading(
                key=section_key(match["text"]),
                text=match["text"],
                colon=match["colon"] or "",
                before=groups.get("before") or "",
                after=groups.get("after") or "",
            )
    return None


def section_key(wording: str) -> str:
    folded = " ".join(wording.split()).casefold()
    for key, wordings in SECTION_WORDINGS.items():
        if folded in (w.casefold() for w in wordings):
            return key
    raise ValueError(f"not a section heading wording: {wording!r}")


def is_marker(token: str) -> bool:
    """Whether a word is a bullet glyph or a list number (`1.`, `a)`, `iv.`)."""
    return token in BULLET_GLYPHS or bool(NUMBERING.fullmatch(token))


def opens_line_badly(word: str) -> bool:
    """Whether a word opening a line would read as a marker, heading, table row or website."""
    return is_marker(word) or word.startswith(("#", "|", "<http", "http"))


def bullet_prefix(line: str) -> str | None:
    """The indent, marker and space before a bullet's text, or None for no bullet."""
    match = BULLET.match(line)
    return match["prefix"] if match and is_marker(match["marker"]) else None


def classify(lines: list[str]) -> list[Kind]:
    """Each line's kind; a value line under a bare table label (vertical table) is table,
    and so is each line of a table laid out in columns, up to the blank line after it."""
    kinds = []
    after_label = in_columns = False
    for line in lines:
        kind = _kind(line)
        in_columns = bool(_COLUMNS_HEADER.match(line)) or (in_columns and kind is not Kind.BLANK)
        if (after_label or in_columns) and kind in TEXT_KINDS:
            kind = Kind.TABLE
        if kind is not Kind.BLANK:
            after_label = bool(_VERTICAL_LABEL.fullmatch(line.strip()))
        kinds.append(kind)
    return kinds


def _kind(line: str) -> Kind:
    stripped = line.strip()
    if not stripped:
        return Kind.BLANK
    if stripped == RUNNING_HEAD:
        return Kind.FURNITURE
    if _FORMED_TITLE.match(line):
        return Kind.TITLE
    if _FORMED_HEADER.match(line):
        return Kind.HEADER
    if _SITE.match(stripped):
        return Kind.SITE
    if "\t" in stripped or stripped.startswith("|") or _VERTICAL_FIELD.fullmatch(stripped):
        return Kind.TABLE
    if _VERTICAL_LABEL.fullmatch(stripped):
        return Kind.TABLE
    if _FORMED_HEADING.search(stripped) or SUBHEADING.search(stripped):
        return Kind.HEADING
    if bullet_prefix(line) is not None:
        return Kind.BULLET
    return Kind.TEXT


def split_lines(text: str) -> list[str]:
    return text.split("\n")


def join_lines(lines: list[str]) -> str:
    return "\n".join(lines)


def map_lines(text: str, rewrite: Callable[[str], str | list[str]]) -> str:
    """The text with each line replaced by what `rewrite` makes of it (one line or several)."""
    out: list[str] = []
    for line in split_lines(text):
        result = rewrite(line)
        out.extend([result] if isinstance(result, str) else result)
    return join_lines(out)


def roman(number: int) -> str:
    """`number` in Roman numerals, up to 49 (section and list numbers)."""
    numerals = ((40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, numeral in numerals:
        while number >= value:
            out += numeral
            number -= value
    return out
