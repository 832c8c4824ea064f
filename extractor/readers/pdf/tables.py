"""Tables of a PDF page: ruled ones from their lines, unruled ones from text alignment.

The text form writes a table as one line per row, cells separated by a tab, and a
cell that wraps onto several lines as one value; both finders give that.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice, pairwise

from extractor.readers.pdf.layout import (
    LEVEL_TOLERANCE,
    WORD_GAP,
    CellEdge,
    Glyph,
    PrintedLine,
    Unit,
    glyphs_to_lines,
    join_lines,
    word_cut,
)

Box = tuple[float, float, float, float]
Span = tuple[float, float]  # a column's left and right x
Grid = tuple[Box, list[list[Box | None]]]  # a ruled table's box, and its rows of cell boxes
MIN_COLUMNS = 3  # fewer aligned cells is a label and its value, not a table
CELL_GAP = 0.8  # font sizes of white space between two cells of an unruled table


@dataclass
class TableBlock:
    """A table as rows of cells, each cell the lines written in it."""

    rows: list[list[list[PrintedLine]]]
    page: int
    top: float
    spans: list[Span]  # each column's x range

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
    boxes = [
        ((row_index, column), cell)
        for row_index, row in enumerate(grid)
        for column, cell in enumerate(row)
        if cell
    ]
    cells: dict[tuple[int, int], list[Glyph]] = {}
    for glyph in glyphs:  # as `inside`, for every cell: a glyph on a border is in both
        x, y = (glyph.x0 + glyph.x1) / 2, (glyph.top + glyph.bottom) / 2
        for at, (left, top, right, bottom) in boxes:
            if left <= x <= right and top <= y <= bottom:
                cells.setdefault(at, []).append(glyph)
    rows = [
        [glyphs_to_lines(cells.get((row_index, column), []), page) for column in range(len(row))]
        for row_index, row in enumerate(grid)
    ]
    if _writes_wrap_spaces(rows):
        space = max(glyph.space for glyph in glyphs)
        for row, boxes in zip(rows, grid, strict=True):
            for lines, cell in zip(row, boxes, strict=True):
                _set_cell_edge(lines, cell, space)
    rows = [row for row in rows if any(row)]
    return TableBlock(rows, page, box[1], _grid_spans(grid))


def _grid_spans(grid: list[list[Box | None]]) -> list[Span]:
    """Given a table's rows of cell boxes (None where a cell spans), each column's x range."""
    spans: list[Span] = []
    for column in range(max(len(row) for row in grid)):
        boxes = [row[column] for row in grid if column < len(row) and row[column]]
        spans.append((min(b[0] for b in boxes), max(b[2] for b in boxes)) if boxes else (0.0, 0.0))
    return spans


def _writes_wrap_spaces(rows: Sequence[Sequence[Sequence[PrintedLine]]]) -> bool:
    """Whether the engine writes a space char where it wraps a cell's line (some engines never do).

    Only then does a line that ends with no space tell a broken word.
    """
    return any(line.glyphs[-1].space for row in rows for cell in row for line in cell[:-1])


def _set_cell_edge(lines: Sequence[PrintedLine], cell: Box | None, space: float) -> None:
    """Note on a cell's lines where its text ends: its box less the padding at its left."""
    if not cell or not lines:
        return
    edge = CellEdge(cell[2] - (min(line.x0 for line in lines) - cell[0]), space)
    for line in lines:
        line.cell = edge


def mark_cut_words(table: TableBlock, words: Counter[str]) -> None:
    """Mark the lines of the table's cells that end in a word the engine cut (see `_cut`).

    `words` counts the words the document writes whole (see `whole_words`).
    """
    for row in table.rows:
        for cell in row:
            for line, following in pairwise(cell):
                line.cut = _cut(line, following, words)


def _cut(line: PrintedLine, following: PrintedLine, words: Counter[str]) -> bool:
    """Whether a cell's line ends in a word cut, rather than a word that fits the cell exactly.

    Where the cell had room for a space, the engine would have written one after a
    whole word. Where it had not, both may be: the line's word is taken as whole
    when the document writes it whole more often than the two pieces joined.
    """
    if line.cell is None or not word_cut(line, following):
        return False
    if line.cell.right - line.x1 >= line.cell.space:
        return True
    head = _word(line.glyphs)
    return words[head] <= words[head + _word(following.segments(WORD_GAP)[0])]


def whole_words(lines: Sequence[PrintedLine]) -> list[str]:
    """The words of lines (a paragraph, a cell), in lower case, less any on either side of a
    possible cut word (see `word_cut`), which may be pieces."""
    found: list[str] = []
    for index, line in enumerate(lines):
        cut_after = index + 1 < len(lines) and word_cut(line, lines[index + 1])
        cut_before = index > 0 and word_cut(lines[index - 1], line)
        if not cut_after and not cut_before:  # most lines
            found.extend(_line_letter_runs(line))
            continue
        pieces = [_letter_runs(piece) for piece in line.segments(WORD_GAP)]
        if cut_after:
            pieces.pop()
        if cut_before and pieces:
            pieces.pop(0)
        found.extend(word for piece in pieces for word in piece)
    return found


def _line_letter_runs(line: PrintedLine) -> list[str]:
    """The `_letter_runs` of each of the line's words (its segments at WORD_GAP), in one pass."""
    widest = WORD_GAP * line.size
    previous = line.glyphs[0]
    texts = [previous.text if previous.text.isalnum() else " "]
    for glyph in islice(line.glyphs, 1, None):
        if glyph.x0 - previous.x1 > widest:
            texts.append(" ")
        texts.append(glyph.text if glyph.text.isalnum() else " ")
        previous = glyph
    return "".join(texts).casefold().split()


def _word(glyphs: Sequence[Glyph]) -> str:
    """The letters and digits of a word, in lower case."""
    return "".join(glyph.text for glyph in glyphs if glyph.text.isalnum()).casefold()


def _letter_runs(glyphs: Sequence[Glyph]) -> list[str]:
    """The runs of letters and digits in a word (`pre-competitive`: `pre`, `competitive`)."""
    text = "".join([glyph.text if glyph.text.isalnum() else " " for glyph in glyphs])
    return text.casefold().split()


def inside(glyph: Glyph, box: Box) -> bool:
    """Whether the glyph's centre is in the box."""
    x, y = (glyph.x0 + glyph.x1) / 2, (glyph.top + glyph.bottom) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def split_inside(glyphs: Sequence[Glyph], box: Box) -> tuple[list[Glyph], list[Glyph]]:
    """The glyphs `inside` the box, and the others, each in their order (one pass, inlined)."""
    left, top, right, bottom = box
    held: list[Glyph] = []
    rest: list[Glyph] = []
    for glyph in glyphs:
        x, y = (glyph.x0 + glyph.x1) / 2, (glyph.top + glyph.bottom) / 2
        (held if left <= x <= right and top <= y <= bottom else rest).append(glyph)
    return held, rest


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
    right = max(line.x1 for line in lines[start:end])
    rows: list[list[list[Glyph]]] = []
    previous: PrintedLine | None = None
    for line in lines[start:end]:
        if previous is None or line.bold != previous.bold or line.top - previous.bottom > line.size:
            rows.append([[] for _ in columns])
        for piece in line.segments(CELL_GAP):
            left = piece[0].x0 + LEVEL_TOLERANCE
            column = max(index for index, x in enumerate(columns) if x <= left)
            rows[-1][column].extend(piece)
        previous = line
    table_rows = [[glyphs_to_lines(cell, first.page) for cell in row] for row in rows]
    spans = list(zip(columns, [*columns[1:], right], strict=True))
    return TableBlock(table_rows, first.page, first.top, spans), end


def _fits(line: PrintedLine, previous: PrintedLine, columns: Sequence[float]) -> bool:
    if line.page != previous.page or line.top - previous.bottom > 2 * line.size:
        return False
    pieces = line.segments(CELL_GAP)
    return all(any(abs(piece[0].x0 - x) <= LEVEL_TOLERANCE for x in columns) for piece in pieces)


def continues(previous: TableBlock, table: TableBlock) -> bool:
    """Whether `table`, first on its page, goes on from `previous`, last on the page before.

    It does when each of its columns stands under a column of `previous`.
    """
    return previous.page == table.page - 1 and _column_map(previous, table) is not None


def join_continued(previous: TableBlock, table: TableBlock) -> TableBlock:
    """Given a table and the part of it the next page holds, the one table they make.

    A header row the next page repeats is dropped. Where the page break cut the
    last row (see `_cut_row`), the first row below goes on that row, each cell
    under the cell above it; further rows are rows of their own, cells placed by
    column position. The table they make is on the page of `table`, so that a part
    on the page after goes on it in turn.
    """
    mapping = _column_map(previous, table) or {}
    rows = table.rows
    if previous.row_texts()[:1] == table.row_texts()[:1]:
        rows = rows[1:]
    placed = [_place_row(row, mapping, len(previous.spans)) for row in rows]
    joined = [list(row) for row in previous.rows]
    if placed and _cut_row(joined, placed[0]):
        joined[-1] = [above + below for above, below in zip(joined[-1], placed.pop(0), strict=True)]
    return TableBlock([*joined, *placed], table.page, previous.top, previous.spans)


def _column_map(previous: TableBlock, table: TableBlock) -> dict[int, int] | None:
    """For each column of `table`, the column of `previous` it stands under (most overlap)."""
    mapping: dict[int, int] = {}
    for column, (left, right) in enumerate(table.spans):
        overlaps = [min(right, above[1]) - max(left, above[0]) for above in previous.spans]
        best = max(range(len(overlaps)), key=overlaps.__getitem__)
        if overlaps[best] <= (right - left) / 2 or best in mapping.values():
            return None
        mapping[column] = best
    return mapping


def _place_row(
    row: list[list[PrintedLine]], mapping: dict[int, int], count: int
) -> list[list[PrintedLine]]:
    placed: list[list[PrintedLine]] = [[] for _ in range(count)]
    for column, cell in enumerate(row):
        placed[mapping.get(column, column)].extend(cell)
    return placed


def _cut_row(rows: list[list[list[PrintedLine]]], first: list[list[PrintedLine]]) -> bool:
    """Whether the page break cut the last of `rows`, so that `first` below goes on it.

    A row a page break cuts goes on only in the cells whose text was not done: some
    cell filled above is empty below, and no cell empty above is filled below. A
    row of its own fills its cells (a header row alone above is never cut).
    """
    if len(rows) < 2:
        return False
    last = rows[-1]
    ended = any(above and not below for above, below in zip(last, first, strict=True))
    opened = any(below and not above for above, below in zip(last, first, strict=True))
    return ended and not opened
