"""Pipeline stage: every line of the normalized text read once into a plain record.

A record holds a line's piece (a line, or the part of it before or after a
glued bold heading), its indentation, its list marker, its markup peeled off
(markdown heading level, whole-line bold or italic), the offsets of its bare
text, whether a blank line comes before and after it, whether it is page
furniture, and whether it is a section heading or a sub-heading. Headers,
headings, table rows, website lines and items are recognised from records,
never from raw lines, so the text and the PDF paths share every rule after it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

import regex

from extractor.reading.columns import ColumnHeader, read_column_header
from extractor.reading.furniture import furniture_indexes
from extractor.reading.headings import is_subheading, section_of
from extractor.reading.markers import Marker, read_marker
from extractor.reading.markup import heading_level, is_markup_only, peel_emphasis
from extractor.ruleset import Rules, TableRules
from extractor.text.cleaning import fold
from extractor.text.source import Line

_TRAILING_BOLD = regex.compile(r"\*\*(?P<inner>[^*\n]+?)\*\*\s*$")
# Room for markup and spacing around a metadata label or the website label.
_LABEL_SLACK = 8
# The most lines a column-laid table's header takes: its labels wrapped over as many.
_HEADER_LINES = 4


@dataclass(frozen=True, slots=True)
class Record:
    """One line, or one piece of a line, as the parsing stages read it.

    Offsets are into the whole normalized text: `start`/`end` bound the piece
    (indent included, trailing space not), `content_start` is where its text
    begins after indent and marker, `bare_start`/`bare_end` bound that text
    without the markup around it. The marker is as read from the line: its `end`
    is `content_start` less `line.start`.
    """

    line: Line
    start: int
    end: int
    indent: int
    content_start: int
    bare_start: int
    bare_end: int
    marker: Marker | None = None
    heading_level: int = 0
    bold: bool = False
    italic: bool = False
    after_blank: bool = True
    before_blank: bool = True
    after_page_break: bool = False
    glued: bool = False
    furniture: bool = False
    section: str | None = None
    subheading: bool = False

    def _slice(self, start: int, end: int) -> str:
        return self.line.whole[start:end]

    @property
    def text(self) -> str:
        """The piece as written, indent and markup included."""
        return self._slice(self.start, self.end)

    @property
    def content(self) -> str:
        """The piece after its indent and marker, markup kept."""
        return self._slice(self.content_start, self.end)

    @property
    def bare(self) -> str:
        """The piece's words without indent, marker and markup around them."""
        return self._slice(self.bare_start, self.bare_end)

    @property
    def standalone(self) -> bool:
        """Alone between blank lines, or a heading glued to another line's end."""
        return self.glued or (self.after_blank and self.before_blank)

    @property
    def opens_italic(self) -> bool:
        """Wholly italic, or opening an italic run that goes on past the line's end."""
        content = self.content.lstrip()
        starts = content.startswith("*") and not content.startswith("**")
        return self.italic or (starts and content.count("*") == 1)

    @property
    def is_empty(self) -> bool:
        """A marker or markup alone, no words: nothing an item could hold."""
        bare = self.bare
        return not bare.strip() or is_markup_only(bare)


def lines_to_records(
    lines: Sequence[Line],
    rules: Rules,
    lemmas: Mapping[str, str],
    furniture_lines: Collection[int] = frozenset(),
) -> tuple[Record, ...]:
    """Given the text's lines, a record per non-blank line (two for a glued heading), in order.

    `furniture_lines` holds the numbers of lines the loader found to be page
    furniture (a PDF's running heads); the text's own are found by evidence.
    A blank line anywhere between two records of content, furniture aside,
    separates them.
    """
    records: list[Record] = []
    blank_lines = {line.number for line in lines if line.is_blank}
    for line in lines:
        if not line.is_blank:
            records.extend(_pieces(line, rules, lemmas))
    # Each pass replaces the records in place: a large report's records are held once.
    _mark_furniture(records, rules, lemmas, furniture_lines)
    _mark_blanks(records, blank_lines)
    _mark_headings(records, rules, lemmas)
    return tuple(records)


def _pieces(line: Line, rules: Rules, lemmas: Mapping[str, str]) -> list[Record]:
    """A line's record, or two when a bold heading is glued to the end of its text."""
    text = line.text.rstrip()
    glued = _TRAILING_BOLD.search(text)
    # After markdown heading marks alone (`## **Rezultate**`) the bold is the heading's own.
    if glued and text[: glued.start()].strip().strip("#"):
        inner = glued.group("inner")
        if is_subheading(inner, rules.sections) or section_of(inner, rules.sections, lemmas):
            return [
                _record(line, 0, glued.start(), rules),
                replace(_record(line, glued.start(), len(text), rules), glued=True),
            ]
    return [_record(line, 0, len(text), rules)]


def _record(line: Line, start: int, end: int, rules: Rules) -> Record:
    """The record of `line.text[start:end]` (offsets within the line)."""
    text = line.text
    end = start + len(text[start:end].rstrip())
    first = end - len(text[start:end].lstrip())
    indent = len(text[start:first].expandtabs(rules.markup.tab_width))
    level, after_marks = heading_level(text, first, end)
    # A markdown heading's `#` is no list marker, so none is read after one.
    marker = read_marker(text, first, end, rules.markup)
    content = marker.end if marker else after_marks
    peeled = peel_emphasis(text, content, end)
    # Offsets into the whole text; an offset equal to another is the same int object,
    # as a record is made for every line and five new ints would outweigh it.
    base = line.start
    piece_start = base + start if start else base
    piece_end = base + end
    content_start = piece_start if content == start else base + content
    return Record(
        line=line,
        start=piece_start,
        end=piece_end,
        indent=indent,
        content_start=content_start,
        bare_start=content_start if peeled.start == content else base + peeled.start,
        bare_end=piece_end if peeled.end == end else base + peeled.end,
        marker=marker,
        heading_level=level,
        bold=peeled.bold,
        italic=peeled.italic,
    )


def _mark_blanks(records: list[Record], blank_lines: Collection[int]) -> None:
    """Each record knows whether a blank line (or the start) comes before it and one (or the
    end) after it, and whether page furniture comes right before it (a page break). Page
    furniture is looked through, and its own flags are left as they are."""
    content = [index for index, record in enumerate(records) if not record.furniture]
    after: list[bool] = []
    previous: Record | None = None
    for index in content:
        record = records[index]
        after.append(
            record.glued
            or previous is None
            or any(n in blank_lines for n in range(previous.line.number, record.line.number))
        )
        previous = record
    # A record comes before a blank line when the next one comes after it.
    for index, after_blank, before_blank in zip(content, after, [*after[1:], True], strict=True):
        record = records[index]
        page_break = index > 0 and records[index - 1].furniture
        flags = (after_blank, before_blank, page_break)
        if (record.after_blank, record.before_blank, record.after_page_break) != flags:
            records[index] = replace(
                record,
                after_blank=after_blank,
                before_blank=before_blank,
                after_page_break=page_break,
            )


def _mark_furniture(
    records: list[Record],
    rules: Rules,
    lemmas: Mapping[str, str],
    furniture_lines: Collection[int],
) -> None:
    longest = max(len(w) for c in rules.table.columns for w in c.headers) + _LABEL_SLACK
    website = {fold(label) for label in rules.sections.website.labels}

    def is_label(index: int) -> bool:
        label = records[index].bare.partition(":")[0].strip()
        if len(label) > longest:
            return False
        return rules.table.field_for_header(label) is not None or fold(label) in website

    def is_bare_label(index: int) -> bool:
        return not records[index].bare.partition(":")[2].strip() and is_label(index)

    def is_structure(index: int) -> bool:
        record = records[index]
        bare = record.bare
        return bool(
            record.marker
            or "\t" in record.text
            or bare.startswith("|")
            or is_label(index)
            or _in_column_header(records, index, rules)
            or rules.document.project.header_match(bare)
            or is_subheading(bare, rules.sections)
            or any(fold(bare[:longest]).startswith(label) for label in website)
            or section_of(bare, rules.sections, lemmas)
        )

    found = furniture_indexes(
        _StrippedTexts(records),
        is_structure,
        is_bare_label,
        rules.document.furniture,
    )
    for index, record in enumerate(records):
        if index in found or record.line.number in furniture_lines:
            records[index] = replace(record, furniture=True)


def column_header_at(
    records: Sequence[Record], index: int, rules: TableRules
) -> tuple[ColumnHeader, int] | None:
    """The header of a column-laid table (reading/columns.py) whose first line is record
    `index`'s, if one is, and the index of the record after the header's last line."""
    taken: list[int] = []

    def lines() -> Iterator[Line]:
        for at in _table_indexes(records, index):
            taken.append(at)
            yield records[at].line

    header = read_column_header(lines(), rules)
    return None if header is None else (header, taken[header.lines - 1] + 1)


def _table_indexes(records: Sequence[Record], index: int) -> Iterator[int]:
    """The records from `index` on, while each is on the line right below the one before;
    once page furniture is known, a page break (the furniture and the blank lines around
    it) is looked through, as a table a page break cut goes on after it."""
    yield index
    previous = records[index].line.number
    for at in range(index + 1, len(records)):
        record = records[at]
        if record.furniture:
            continue
        number = record.line.number
        if number != previous + 1 and not record.after_page_break:
            return
        yield at
        previous = number


def _in_column_header(records: Sequence[Record], index: int, rules: Rules) -> bool:
    """Whether the record is a line of a column-laid table's header, which a report
    repeats on every project's table."""
    for first in range(index, max(index - _HEADER_LINES, -1), -1):
        found = column_header_at(records, first, rules.table)
        if found is not None and found[1] > index:
            return True
    return False


class _StrippedTexts(Sequence[str]):
    """The records' texts, stripped, made when asked: a list of them all would hold the
    report's text once more."""

    def __init__(self, records: Sequence[Record]) -> None:
        self._records = records

    def __len__(self) -> int:
        return len(self._records)

    def __getitem__(self, index: int) -> str:  # type: ignore[override]
        return self._records[index].text.strip()


def _mark_headings(records: list[Record], rules: Rules, lemmas: Mapping[str, str]) -> None:
    """Which records are sub-headings, and which open a section (a short line of its own).

    Sub-headings are found first: one right below a line tells that line is a heading.
    """
    content = [index for index, record in enumerate(records) if not record.furniture]
    for index in content:
        if is_subheading(records[index].bare, rules.sections):
            records[index] = replace(records[index], subheading=True)
    ends = tuple(rules.markup.sentence_end)
    for before, index, after in zip([None, *content], content, [*content[1:], None], strict=False):
        record = records[index]
        below = None if after is None else records[after]
        # Page furniture right above, after a finished sentence: a page break, which sets a
        # heading at a page's top as a blank line would.
        page_top = (
            before is not None
            and record.after_page_break
            and records[before].bare.rstrip("*_").endswith(ends)
        )
        if not record.subheading and _may_be_heading(record, below, page_top):
            section = section_of(record.content, rules.sections, lemmas)
            if section is not None:
                records[index] = replace(record, section=section)


def _may_be_heading(record: Record, below: Record | None, page_top: bool) -> bool:
    """A line of its own, or a bold heading glued to a line's end, with no list marker but
    numbering: blank lines around it, so no wrapped line goes on into or out of it.

    A converter may write no blank line below a heading (`pdftotext -layout`): a line
    with no marker after a blank (or at a page's top, `page_top`) still opens what follows
    when it ends in a colon, or when a sub-heading comes right below it (page furniture
    looked through). A numbered item may end in a colon to introduce its sub-list, so
    that one needs the blank.
    """
    if record.marker is not None and record.marker.kind != "numbering":
        return False
    if record.standalone:
        return True
    introduces = record.bare.endswith(":") or (below is not None and below.subheading)
    return record.marker is None and (record.after_blank or page_top) and introduces
