"""Read a project's metadata table: a header row naming the columns, then the value row.

Cells are separated by runs of tabs. Columns are known by their header wording
(rules/table.toml), so their order may change from year to year.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import regex

from extractor.parsing.findings import Finding
from extractor.ruleset import TableRules
from extractor.text.source import Line

_CELL = regex.compile(r"[^\t]+")


@dataclass(frozen=True)
class Cell:
    """A cell's place in the text: source offsets, end exclusive, spaces trimmed."""

    start: int
    end: int


@dataclass
class TableRead:
    """What the table gave: a cell per field, the lines it used, and what looked wrong."""

    cells: dict[str, Cell] = field(default_factory=dict)
    used: set[int] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)
    next_index: int = 0


def line_cells(line: Line) -> list[Cell]:
    """Given a table line, its non-empty cells; extra tabs make no empty cells."""
    cells = []
    for match in _CELL.finditer(line.text):
        raw = match.group()
        if raw.strip():
            start = match.start() + len(raw) - len(raw.lstrip())
            end = match.end() - (len(raw) - len(raw.rstrip()))
            cells.append(Cell(line.start + start, line.start + end))
    return cells


def header_fields(line: Line, rules: TableRules) -> list[str | None]:
    """The field each cell of a header row names (None for a wording no rule knows)."""
    return [rules.field_for_header(_cell_text(line, cell)) for cell in line_cells(line)]


def is_header_row(line: Line, rules: TableRules) -> bool:
    if "\t" not in line.text:
        return False
    return sum(1 for name in header_fields(line, rules) if name) >= rules.min_header_columns


def read_table(
    lines: Sequence[Line], index: int, rules: TableRules, ends_table: Callable[[Line], bool]
) -> TableRead:
    """Given the index of a header row, the value row below it, also when split over lines.

    A value row broken over lines continues its last cell, unless the break
    is next to a tab (then it fell between two cells). Once every column has
    a value, lines right below (no blank line between) with no tab still
    continue the last cell: it wrapped.
    """
    header = lines[index]
    header_cells = line_cells(header)
    names = header_fields(header, rules)
    read = TableRead(used={header.number})
    values: list[Cell] = []
    previous: Line | None = None
    position = index + 1
    while position < len(lines) and len(values) < len(names):
        line = lines[position]
        if not line.is_blank:
            if ends_table(line):
                break
            cells = line_cells(line)
            if previous is not None and cells and not _between_cells(previous, line):
                values[-1] = Cell(values[-1].start, cells[0].end)
                cells = cells[1:]
            values.extend(cells)
            read.used.add(line.number)
            previous = line
        position += 1
    while (
        previous is not None
        and position < len(lines)
        and lines[position].number == previous.number + 1
        and not lines[position].is_blank
        and "\t" not in lines[position].text
        and not ends_table(lines[position])
    ):
        previous = lines[position]
        values[-1] = Cell(values[-1].start, line_cells(previous)[-1].end)
        read.used.add(previous.number)
        position += 1
    read.next_index = position
    for name, header_cell, value in zip(names, header_cells, values, strict=False):
        if name is None:
            wording = _cell_text(header, header_cell)
            read.findings.append(
                Finding(
                    "unknown_column",
                    f"no rule knows the column {wording!r}; its value "
                    f"{' '.join(_span_text(lines, value).split())!r} is not taken",
                    value.start,
                    value.end,
                )
            )
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


def _between_cells(previous: Line, line: Line) -> bool:
    """A row broken next to a tab broke between two cells, not inside one."""
    return previous.text.endswith("\t") or line.text.startswith("\t")


def _span_text(lines: Sequence[Line], cell: Cell) -> str:
    """A cell's source text, also when it runs over several of the (contiguous) lines."""
    base = lines[0].start
    return "\n".join(line.text for line in lines)[cell.start - base : cell.end - base]


def _cell_text(line: Line, cell: Cell) -> str:
    return line.text[cell.start - line.start : cell.end - line.start]
