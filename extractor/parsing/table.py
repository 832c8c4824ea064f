"""Read a project's metadata table, in each form a text writes it.

- a header row naming the columns, then the value row, cells separated by
  tabs (a word processor's table saved as text) or by `|` (a markdown pipe
  table, its `|---|` row aside); a value row may be split over lines, also by
  a page break;
- columns: the same rows laid out with spaces, each cell at its column's
  position and wrapped over the lines below it (`pdftotext -layout`);
- vertical: one `Label: value` a line, or a label line and its value line.

Columns are known by their labels (rules/table.toml), in any order.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice

import regex

from extractor.parsing.findings import Finding
from extractor.parsing.website import label_length
from extractor.reading.columns import column_pieces, placed_pieces
from extractor.reading.records import Record, column_header_at
from extractor.ruleset import TableRules, WebsiteRules
from extractor.text.source import Line

_TAB_CELL = regex.compile(r"[^\t]+")
_PIPE_CELL = regex.compile(r"[^|]+")
# A markdown table's delimiter row: hyphens in each cell, a colon at either end for the
# column's alignment (`|---|`, `|:--|:-:|--:|`).
_SEPARATOR_ROW = regex.compile(r"^\|?(?:\s*:?-+:?\s*\|)+\s*:?(?:-+:?\s*)?$")


@dataclass(frozen=True)
class Cell:
    """A cell's place in the text: source offsets, end exclusive, spaces trimmed.

    `more` holds the ranges where the cell goes on after other cells: a row a
    page break split column by column goes on in a second row.
    """

    start: int
    end: int
    more: tuple[tuple[int, int], ...] = ()

    @property
    def pieces(self) -> list[tuple[int, int]]:
        return [(self.start, self.end), *self.more]


@dataclass(frozen=True)
class TableStart:
    """Where a table starts, how it is written, and the index after its header part."""

    index: int
    form: str
    end: int


@dataclass
class TableRead:
    """What the table gave: a cell per field, the lines it used, and what looked wrong."""

    cells: dict[str, Cell] = field(default_factory=dict)
    used: set[int] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)
    next_index: int = 0


def is_pipe_row(record: Record) -> bool:
    return record.bare.startswith("|")


def is_separator_row(record: Record) -> bool:
    return bool(_SEPARATOR_ROW.match(record.bare))


def row_cells(record: Record) -> list[Cell]:
    """Given a table row, its non-empty cells; extra tabs or pipes make no empty cells."""
    return list(_cells(record))


def _cells(record: Record) -> Iterator[Cell]:
    pattern = _PIPE_CELL if is_pipe_row(record) else _TAB_CELL
    text, base = record.line.text, record.line.start
    for match in pattern.finditer(text, record.start - base, record.end - base):
        raw = match.group()
        if raw.strip():
            start = match.start() + len(raw) - len(raw.lstrip())
            end = match.end() - (len(raw) - len(raw.rstrip()))
            yield Cell(base + start, base + end)


def _cell_text(record: Record, cell: Cell) -> str:
    return record.line.text[cell.start - record.line.start : cell.end - record.line.start]


def header_fields(record: Record, rules: TableRules) -> list[str | None]:
    """The field each cell of a header row names (None for a wording no rule knows)."""
    return [rules.field_for_header(_cell_text(record, cell)) for cell in row_cells(record)]


def is_header_row(record: Record, rules: TableRules) -> bool:
    """Enough cells name a field; read a cell at a time, as a line can hold thousands."""
    if "\t" not in record.text and not is_pipe_row(record):
        return False
    named = (cell for cell in _cells(record) if rules.field_for_header(_cell_text(record, cell)))
    return next(islice(named, rules.min_header_columns - 1, None), None) is not None


def vertical_field(record: Record, rules: TableRules) -> tuple[str, Cell | None] | None:
    """A vertical table's line: its field, and its value cell (None: on the next line)."""
    bare = record.bare
    label, colon, value = bare.partition(":")
    name = rules.field_for_header(label.strip().strip("*_"))
    if name is None:
        return None
    if not value.strip():
        return name, None
    start = record.bare_start + len(label) + len(colon)
    start += len(value) - len(value.lstrip())
    return name, Cell(start, record.bare_end)


def find_table(records: Sequence[Record], index: int, rules: TableRules) -> TableStart | None:
    """The table that starts at `index`, if one does."""
    record = records[index]
    if is_header_row(record, rules):
        return TableStart(index, "row", index + 1)
    found = column_header_at(records, index, rules)
    if found is not None:
        return TableStart(index, "columns", found[1])
    if vertical_field(record, rules) is None:
        return None
    read = read_vertical(records, index, rules)
    if len(read.cells) >= rules.min_header_columns:
        return TableStart(index, "vertical", read.next_index)
    return None


def read_table(
    records: Sequence[Record],
    start: TableStart,
    rules: TableRules,
    website: WebsiteRules,
    text: str,
) -> TableRead:
    """Given where a table starts (as `find_table` found it), its cells; `text` is the source."""
    if start.form == "vertical":
        return read_vertical(records, start.index, rules)
    if start.form == "columns":
        return read_columns(records, start.index, rules, website, text)
    return read_row(records, start.index, rules, website, text)


def read_columns(
    records: Sequence[Record], index: int, rules: TableRules, website: WebsiteRules, text: str
) -> TableRead:
    """Given the index of a column-laid header, its value row: the lines below it, each
    piece of text in the column it starts under, a column's pieces one cell.

    The row ends at a blank line once it has text, at a section heading or the
    website line, or at a line that does not fit the columns: one whose piece runs
    over the next column's position with no space there to part it (a paragraph).
    Page furniture between its lines, the header's too, is skipped: a row a page break
    cut goes on after it, blank lines around the furniture and all.
    """
    found = column_header_at(records, index, rules)
    assert found is not None  # where find_table found one
    header, position = found
    header_records = records[index:position]
    read = TableRead(used={record.line.number for record in header_records if not record.furniture})
    lines: list[Line] = []
    while position < len(records):
        record = records[position]
        if record.furniture:
            position += 1
            continue
        ended = record.after_blank and lines and not record.after_page_break
        if _ends_table(record, website) or ended:
            break
        if placed_pieces(record.line.text, header.starts, rules) is None:
            break
        lines.append(record.line)
        position += 1
    read.next_index = position
    read.used.update(line.number for line in lines)
    seen = {start for line in lines for start, _ in column_pieces(line.text, rules)}
    columns: list[list[tuple[int, int]]] = [[] for _ in header.starts]
    for line in lines:
        for column, start, end in placed_pieces(line.text, header.starts, rules, seen) or ():
            columns[column].append((line.start + start, line.start + end))
    for label, pieces in zip(header.labels, columns, strict=True):
        if not pieces:
            continue
        cell = Cell(*pieces[0], tuple(pieces[1:]))
        name = rules.field_for_header(label)
        if name is None:
            read.findings.append(_unknown_column(label, cell, text))
        else:
            read.cells.setdefault(name, cell)
    return read


def _unknown_column(wording: str, cell: Cell, text: str) -> Finding:
    """A column no rule knows, named with its value: no field takes it."""
    value = " ".join(" ".join(text[start:end] for start, end in cell.pieces).split())
    return Finding(
        "unknown_column",
        f"no rule knows the column {' '.join(wording.split())!r}; its value {value!r} is not taken",
        cell.start,
        cell.pieces[-1][1],
    )


def read_vertical(records: Sequence[Record], index: int, rules: TableRules) -> TableRead:
    """One field a line (`Titlu: …`), or a label line and then its value line.

    The table ends at a line that is no field, or at a field it already has
    (the next project's table).
    """
    read = TableRead()
    position = index
    while position < len(records):
        record = records[position]
        if record.furniture:
            position += 1
            continue
        found = vertical_field(record, rules)
        if found is None or found[0] in read.cells:
            break
        name, cell = found
        read.used.add(record.line.number)
        position += 1
        if cell is None:
            while position < len(records) and records[position].furniture:
                position += 1
            if position == len(records):
                break
            value = records[position]
            cell = Cell(value.bare_start, value.bare_end)
            read.used.add(value.line.number)
            position += 1
        read.cells[name] = cell
    read.next_index = position
    return read


def _ends_table(record: Record, website: WebsiteRules) -> bool:
    """What follows a table: a section heading or the website line."""
    return (
        record.section is not None or record.subheading or label_length(record, website) is not None
    )


def read_row(
    records: Sequence[Record], index: int, rules: TableRules, website: WebsiteRules, text: str
) -> TableRead:
    """Given the index of a header row, the value row below it, also when split over lines.

    A value row may be broken over lines, between cells or inside one: lines
    right below (no blank line between) are read while the breaks not next to
    a tab could still fall inside cells, and the cells beyond the header's count
    say how many did (`_join_parts`). A next row as wide as the header with
    empty cells is the same row split by a page break column by column: each
    of its cells goes on with the cell above. Page furniture between the parts
    is skipped.
    """
    header = records[index]
    header_cells = row_cells(header)
    names = header_fields(header, rules)
    read = TableRead(used={header.line.number})
    parts: list[tuple[Record, list[Cell]]] = []
    total = breaks = 0
    position = index + 1
    while position < len(records):
        record = records[position]
        if record.furniture:
            position += 1
            continue
        if is_separator_row(record):
            read.used.add(record.line.number)
            position += 1
            continue
        complete = total >= len(names)
        if _ends_table(record, website) or (complete and record.after_blank):
            break
        row = "\t" in record.text or is_pipe_row(record)
        if complete and row and (total - breaks >= len(names) or is_pipe_row(record)):
            break
        if parts and not _between_cells(parts[-1][0], record):
            breaks += 1
        cells = row_cells(record)
        parts.append((record, cells))
        total += len(cells)
        read.used.add(record.line.number)
        position += 1
    values = _join_parts(parts, len(names))
    while position < len(records) and len(values) == len(names):
        record = records[position]
        if record.furniture:
            position += 1
            continue
        fields = _positional_cells(record)
        if record.after_blank or _ends_table(record, website) or len(fields) != len(names):
            break
        if all(fields) or not any(fields):
            break
        values = [
            Cell(value.start, value.end, (*value.more, (field.start, field.end)))
            if field
            else value
            for value, field in zip(values, fields, strict=True)
        ]
        read.used.add(record.line.number)
        position += 1
    read.next_index = position
    for name, header_cell, value in zip(names, header_cells, values, strict=False):
        if name is None:
            read.findings.append(_unknown_column(_cell_text(header, header_cell), value, text))
        elif name not in read.cells:
            read.cells[name] = value
    if len(values) != len(names):
        where = values[-1] if values else Cell(header.start, header.end)
        read.findings.append(
            Finding(
                "table_shape",
                f"the table header has {len(names)} columns but its value row {len(values)} cells",
                where.start,
                where.end,
            )
        )
    return read


def _positional_cells(record: Record) -> list[Cell | None]:
    """A tab row's cells by column, None where a cell is empty (`a\t\tc`: a, None, c)."""
    line = record.line
    text = line.text[record.start - line.start :]  # trailing tabs are empty cells too
    if "\t" not in text:
        return []
    cells: list[Cell | None] = []
    offset = record.start
    for raw in text.split("\t"):
        stripped = raw.strip()
        if stripped:
            start = offset + len(raw) - len(raw.lstrip())
            cells.append(Cell(start, start + len(stripped)))
        else:
            cells.append(None)
        offset += len(raw) + 1
    return cells


def _join_parts(parts: list[tuple[Record, list[Cell]]], columns: int) -> list[Cell]:
    """A value row's cells from the lines it was broken over.

    The cells beyond the header's count tell how many breaks fell inside a cell;
    those are the first breaks not next to a tab (a break next to a tab fell
    between two cells).
    """
    joins = sum(len(cells) for _, cells in parts) - columns
    values: list[Cell] = []
    previous: Record | None = None
    for record, cells in parts:
        if joins > 0 and previous and values and cells and not _between_cells(previous, record):
            values[-1] = Cell(values[-1].start, cells[0].end)
            cells = cells[1:]
            joins -= 1
        values.extend(cells)
        previous = record
    return values


def _between_cells(previous: Record, record: Record) -> bool:
    """A row broken next to a tab broke between two cells, not inside one."""
    return previous.line.text.endswith("\t") or record.line.text.startswith("\t")
