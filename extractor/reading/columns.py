"""A table laid out in columns with spaces, as `pdftotext -layout` writes one.

Each cell starts at its column's position, a gap of spaces (`column_gap` or
more, rules/table.toml) between columns, and a cell too long for its column
goes on at that position on the lines below. The header row names the
columns by the labels of rules/table.toml; a label may wrap too (`Perioadă`
over `implementare`), so the lines right below the header that make more of
its labels known ones are part of it. Positions count from the line's start.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from extractor.ruleset import TableRules
from extractor.text.source import Line

# How far off its column's position a cell may start: an engine places text by its
# width in points, so a cell can land a few chars off its header's.
SLACK = 3


@dataclass(frozen=True, slots=True)
class ColumnHeader:
    """A header row's columns: each one's position and label, and how many lines it takes."""

    starts: tuple[int, ...]
    labels: tuple[str, ...]
    lines: int


def column_pieces(text: str, rules: TableRules) -> list[tuple[int, int]]:
    """The runs of words in `text` between gaps of `column_gap` spaces or more, as (start, end)."""
    return [match.span() for match in rules.column_piece.finditer(text)]


def placed_pieces(
    text: str, starts: tuple[int, ...], rules: TableRules, seen: Collection[int] = ()
) -> list[tuple[int, int, int]] | None:
    """A line's pieces under the columns starting at `starts`, as (column, start, end).

    A piece that goes on past the next column's position is a cell filled to its
    column's edge, one space before the next cell: it parts at the space whose next
    word starts within SLACK chars of that position, at a position `seen` to start a
    piece on the table's other lines first (a cell's lines start alike). With no such
    space, a piece ending within SLACK chars past the position is a cell a little
    wider than its column. None for a line with a word further over the position, or
    a piece over two positions (a paragraph, not a line of the table).
    """
    placed: list[tuple[int, int, int]] = []
    for start, end in column_pieces(text, rules):
        column = column_of(starts, start)
        if column + 1 < len(starts) and end > starts[column + 1]:
            edge = starts[column + 1]
            near = range(edge - SLACK - 1, min(end, edge + SLACK))  # within the piece
            spaces = [at for at in near if text[at] == " "]
            if spaces:
                space = min(spaces, key=lambda at: (at + 1 not in seen, abs(at + 1 - edge)))
                placed.append((column, start, space))
                start, column = space + 1, column + 1
                if column + 1 < len(starts) and end > starts[column + 1]:
                    return None
            elif end > edge + SLACK:
                return None
        placed.append((column, start, end))
    return placed


def column_of(starts: tuple[int, ...], position: int) -> int:
    """The column a cell starting at `position` belongs to: the last one starting at or
    before it (SLACK chars allowed), the first for a cell left of them all."""
    column = 0
    for index, start in enumerate(starts):
        if position + SLACK >= start:
            column = index
    return column


def read_column_header(lines: Iterable[Line], rules: TableRules) -> ColumnHeader | None:
    """The header of a column-laid table whose first line is the first of `lines`, if it is
    one: its labels, once the lines below have lengthened them, name `min_header_columns`
    fields or more. `lines` are the table's lines, each the next below the one before: a
    blank line ends them, page furniture is no line of them (`records.column_header_at`)."""
    following = iter(lines)
    first = next(following, None)
    header = None if first is None else _header_line(first.text, rules)
    if first is None or header is None:
        return None
    known = _known(header.labels, rules)
    for line in following:
        text = line.text
        pieces = [] if _not_columns(text) else column_pieces(text, rules)
        if not pieces:
            break
        lengthened = list(header.labels)
        for start, end in pieces:
            lengthened[column_of(header.starts, start)] += " " + text[start:end]
        count = _known(lengthened, rules)
        if count <= known or any(
            rules.field_for_header(old) and not rules.field_for_header(new)
            for old, new in zip(header.labels, lengthened, strict=True)
        ):
            break
        header, known = ColumnHeader(header.starts, tuple(lengthened), header.lines + 1), count
    return header if known >= rules.min_header_columns else None


def _header_line(text: str, rules: TableRules) -> ColumnHeader | None:
    """A header's first line: enough pieces for a header's columns."""
    # Most lines hold no gap at all: counted before they are cut into pieces.
    if _not_columns(text) or text.count(" " * rules.column_gap) < rules.min_header_columns - 1:
        return None
    pieces = [
        label
        for start, end in column_pieces(text, rules)
        for label in _labels(text, start, end, rules) or [(start, end)]
    ]
    if len(pieces) < rules.min_header_columns:
        return None
    starts = tuple(start for start, _ in pieces)
    return ColumnHeader(starts, tuple(text[start:end] for start, end in pieces), 1)


def _labels(text: str, start: int, end: int, rules: TableRules) -> list[tuple[int, int]] | None:
    """A header piece as the known labels it is, one space apart where an engine set two
    columns that close (`Regiunea Domeniu`); None if it is not all labels."""
    if rules.field_for_header(text[start:end]):
        return [(start, end)]
    # Only a label's length from the end, markup around it allowed: a long piece (a
    # line of prose) is not tried at every space.
    for space in range(end - 1, max(start, end - 2 * rules.longest_header - 2), -1):
        if text[space] == " " and rules.field_for_header(text[space + 1 : end]):
            head = _labels(text, start, space, rules)
            if head is not None:
                return [*head, (space + 1, end)]
    return None


def _not_columns(text: str) -> bool:
    """A tab or pipe row: a table in another form (parsing/table.py)."""
    return "\t" in text or text.lstrip().startswith("|")


def _known(labels: Iterable[str], rules: TableRules) -> int:
    return sum(rules.field_for_header(label) is not None for label in labels)
