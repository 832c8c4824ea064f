"""Tables of a PDF page: ruled ones from their lines, unruled ones from text alignment.

The text form writes a table as one line per row, cells separated by a tab, and a
cell that wraps onto several lines as one value; both finders give that.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from extractor.readers.pdf.layout import (
    LEVEL_TOLERANCE,
    Glyph,
    PrintedLine,
    Unit,
    glyphs_to_lines,
    join_lines,
)

Box = tuple[float, float, float, float]
Grid = tuple[Box, list[list[Box | None]]]  # a ruled table's box, and its rows of cell boxes
MIN_COLUMNS = 3  # fewer aligned cells is a label and its value, not a table
CELL_GAP = 0.8  # font sizes of white space between two cells of an unruled table


@dataclass
class TableBlock:
    """A table as rows of cells, each cell the lines written in it."""

    rows: list[list[list[PrintedLine]]]
    page: int
    top: float
    bottom: float

    @property
    def columns(self) -> int:
        return max(len(row) for row in self.rows)

    def row_texts(self) -> list[str]:
        return ["\t".join(_plain(cell) for cell in row) for row in self.rows]

    def units(self) -> list[Unit]:
        """The table as the text form writes it: a line per row, a tab between cells."""
        out: list[Unit] = []
        for row in self.rows:
            if out:
                out.append(("\n", None))
            for index, cell in enumerate(row):
                if index:
                    out.append(("\t", None))
                out.extend(join_lines(cell))
        return out


def _plain(cell: Sequence[PrintedLine]) -> str:
    return "".join(text for text, _ in join_lines(cell))


def fill_grid(
    box: Box, grid: list[list[Box | None]], glyphs: Sequence[Glyph], page: int
) -> TableBlock:
    """Given a table's cell boxes and the glyphs inside its box, the table with its text."""
    cells: dict[tuple[int, int], list[Glyph]] = {}
    for glyph in glyphs:
        for row_index, row in enumerate(grid):
            for column, cell in enumerate(row):
                if cell and inside(glyph, cell):
                    cells.setdefault((row_index, column), []).append(glyph)
    rows = [
        [glyphs_to_lines(cells.get((row_index, column), []), page) for column in range(len(row))]
        for row_index, row in enumerate(grid)
    ]
    rows = [row for row in rows if any(row)]
    return TableBlock(rows, page, box[1], box[3])


def inside(glyph: Glyph, box: Box) -> bool:
    """Whether the glyph's centre is in the box."""
    x, y = (glyph.x0 + glyph.x1) / 2, (glyph.top + glyph.bottom) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def aligned_table(lines: Sequence[PrintedLine], start: int) -> tuple[TableBlock, int] | None:
    """Given lines and an index, the unruled table that starts there and where it ends.

    A table starts at a line cut into MIN_COLUMNS or more cells by wide gaps, whose
    next line is also cut so; it goes on while each line's pieces start at a column.
    Rows change where emphasis changes (a bold header row) or a wider gap opens.
    """
    first = lines[start]
    cells = first.segments(CELL_GAP)
    if len(cells) < MIN_COLUMNS or start + 1 >= len(lines):
        return None
    columns = [cell[0].x0 for cell in cells]
    end = start + 1
    while end < len(lines) and _fits(lines[end], lines[end - 1], columns):
        end += 1
    if end - start < 2 or len(lines[start + 1].segments(CELL_GAP)) < 2:
        return None
    rows: list[list[list[Glyph]]] = []
    previous: PrintedLine | None = None
    for line in lines[start:end]:
        if previous is None or line.bold != previous.bold or line.top - previous.bottom > line.size:
            rows.append([[] for _ in columns])
        for piece in line.segments(CELL_GAP):
            start = piece[0].x0 + LEVEL_TOLERANCE
            column = max(index for index, x in enumerate(columns) if x <= start)
            rows[-1][column].extend(piece)
        previous = line
    table_rows = [[glyphs_to_lines(cell, first.page) for cell in row] for row in rows]
    return TableBlock(table_rows, first.page, first.top, lines[end - 1].bottom), end


def _fits(line: PrintedLine, previous: PrintedLine, columns: Sequence[float]) -> bool:
    if line.page != previous.page or line.top - previous.bottom > 2 * line.size:
        return False
    pieces = line.segments(CELL_GAP)
    return all(any(abs(piece[0].x0 - x) <= LEVEL_TOLERANCE for x in columns) for piece in pieces)
