"""Tables: words cut at a cell's edge, and a table a page break cuts (a cut row goes on)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest
from test_pdf_layout import SIZE, SPACE, _spaced, cell_lines, line_of

from extractor.readers.pdf.layout import CellEdge, Glyph, PrintedLine
from extractor.readers.pdf.tables import (
    Box,
    Span,
    TableBlock,
    continues,
    fill_grid,
    join_continued,
    mark_cut_words,
    split_inside,
    whole_words,
)

SPANS = [(40.0, 140.0), (140.0, 240.0), (240.0, 340.0)]


@pytest.mark.parametrize(
    ("wrap_spaces", "text"), [(True, "TRANSYLVANIA ENERGY"), (False, "TRANSYLVA NIA ENERGY")]
)
def test_a_cut_word_is_read_only_where_the_engine_writes_the_space_at_a_wrap(
    wrap_spaces: bool, text: str
) -> None:
    """A space missing at a line's end tells a cut only from an engine that writes it elsewhere."""
    lines = [line_of("TRANSYLVA", top=100), line_of("NIA", top=112), line_of("ENERGY", top=124)]
    lines[1].glyphs[-1].space = SPACE if wrap_spaces else 0.0
    cell = (45.0, 95.0, lines[0].x1 + 7.0, 140.0)  # 5 points of padding each side
    glyphs = [glyph for line in lines for glyph in line.glyphs]
    table = fill_grid(cell, [[cell]], glyphs, 1)
    mark_cut_words(table, Counter())
    assert table.row_texts() == [text]


# (room left in the cell, how often the document writes each word whole, the cell's text)
EXACT_FIT_CASES = [
    pytest.param(1.0, {}, "Dezvoltareacapacității", id="no-word-known-a-cut"),
    pytest.param(1.0, {"dezvoltarea": 3}, "Dezvoltarea capacității", id="a-known-word-fits"),
    pytest.param(
        1.0,
        {"dezvoltarea": 3, "dezvoltareacapacității": 9},
        "Dezvoltareacapacității",
        id="the-joined-word-better-known",
    ),
    pytest.param(4.0, {"dezvoltarea": 3}, "Dezvoltareacapacității", id="room-for-a-space"),
    # Room of exactly a space's width: the engine could have written one, so it is a cut.
    pytest.param(SPACE, {"dezvoltarea": 3}, "Dezvoltareacapacității", id="room-of-one-space"),
]


@pytest.mark.parametrize(("room", "words", "text"), EXACT_FIT_CASES)
def test_a_word_that_may_fill_its_cell_exactly_is_settled_by_the_documents_words(
    room: float, words: dict[str, int], text: str
) -> None:
    """With no room for a space (3 points) either a cut or a whole word that just fits."""
    table = TableBlock([[cell_lines("Dezvoltarea", "capacității", room)]], 1, 90, SPANS[:1])
    mark_cut_words(table, Counter(words))
    assert table.row_texts() == [text]


def test_words_on_either_side_of_a_possible_cut_are_not_counted_whole() -> None:
    lines = cell_lines("PROMOVARE", "A TEHNOLOGIEI pre-competitive", 1.0)
    assert whole_words(lines) == ["tehnologiei", "pre", "competitive"]


def _in_cell(lines: list[PrintedLine], right: float) -> list[PrintedLine]:
    """The lines, set in a table cell whose text ends at `right`."""
    for line in lines:
        line.cell = CellEdge(right, SPACE)
    return lines


def test_every_word_of_lines_with_no_possible_cut_is_counted() -> None:
    """A paragraph's words all count, on every line, including a short first word below."""
    lines = [line_of("Dezvoltarea regională", top=100), line_of("a clusterelor", top=112)]
    assert whole_words(lines) == ["dezvoltarea", "regională", "a", "clusterelor"]


def test_a_cells_last_line_that_fills_it_cuts_no_word_of_the_first() -> None:
    """Only a line that goes on below can end in a cut: the last line of a cell filling it
    to the edge (a long name that just fits) says nothing of the lines above it."""
    lines = [line_of("Pol de", top=100), line_of("COMPETITIVITATE", top=112)]
    _in_cell(lines, lines[1].x1 + 1.0)
    assert whole_words(lines) == ["pol", "de", "competitivitate"]


def test_a_cut_is_judged_by_the_first_char_of_the_line_below_it() -> None:
    """Room for an average char (5 points) but not for the wide capital the next line starts
    with (8 points): the engine cut the word there, so its pieces are not whole words."""
    wide = line_of("WAVE CLUSTER", top=112)
    first = wide.glyphs[0]
    wide = PrintedLine([replace(first, x0=first.x0 - 3.0), *wide.glyphs[1:]], 1)
    lines = [line_of("SMART", top=100), wide, line_of("IAȘI", top=124)]
    _in_cell(lines, lines[0].x1 + 6.0)
    assert whole_words(lines) == ["cluster", "iași"]


# (a line with no possible cut beside it, its words)
WHOLE_WORD_CASES = [
    pytest.param(
        line_of("(Pre-competitive R&D, faza 2)"),
        ["pre", "competitive", "r", "d", "faza", "2"],
        id="signs-part-letter-runs",
    ),
    # Letter spacing (0.5 points at 10 points) is no word gap.
    pytest.param(
        _spaced(10.0, ("a", 0.0, 5.0), ("b", 5.5, 10.5), ("c", 20.0, 25.0)),
        ["ab", "c"],
        id="letter-spacing",
    ),
    # Nor is a gap of exactly the word gap share (0.12 x 25 points = 3 points).
    pytest.param(
        _spaced(25.0, ("a", 0.0, 10.0), ("b", 13.0, 23.0), ("c", 40.0, 50.0)),
        ["ab", "c"],
        id="gap-of-exactly-a-word-gap",
    ),
]


@pytest.mark.parametrize(("line", "words"), WHOLE_WORD_CASES)
def test_the_words_of_a_line_are_its_letter_runs_parted_at_word_gaps(
    line: PrintedLine, words: list[str]
) -> None:
    """The document's whole words settle cut words in cells: a sign or a word gap parts them."""
    assert whole_words([line]) == words


def centred_at(x: float, y: float) -> Glyph:
    """A glyph 4 by 6 points whose centre is at (x, y)."""
    return Glyph("x", x - 2.0, y - 3.0, x + 2.0, y + 3.0, SIZE, False, False, 1)


def test_a_glyph_centred_on_a_tables_edge_is_held_by_it() -> None:
    """A ruled table's text drawn over its border belongs to it, not to the page's lines."""
    box = (10.0, 20.0, 50.0, 40.0)
    on_edges = [centred_at(*centre) for centre in ((10, 30), (50, 30), (30, 20), (30, 40))]
    outside = [centred_at(9.5, 30.0), centred_at(30.0, 40.5)]
    held, rest = split_inside([outside[0], *on_edges, outside[1]], box)
    assert (held, rest) == (on_edges, outside)


def test_a_glyph_centred_on_a_cell_border_is_in_each_cell_it_touches() -> None:
    """Where a cell's text overlaps a border, no cell loses it: here, a corner of four cells."""
    cells: list[Box] = [(x, y, x + 50.0, y + 20.0) for y in (100.0, 120.0) for x in (50.0, 100.0)]
    grid: list[list[Box | None]] = [cells[:2], cells[2:]]
    table = fill_grid((50.0, 100.0, 150.0, 140.0), grid, [centred_at(100.0, 120.0)], 3)
    assert table.row_texts() == ["x\tx", "x\tx"]
    assert {line.page for row in table.rows for cell in row for line in cell} == {3}


def test_a_columns_span_runs_over_the_cell_boxes_that_start_in_it() -> None:
    """Spans match a table's columns to those of its part on the next page.

    A cell that spans columns has None in the next; a row may end early; a column
    where no box starts spans nothing.
    """
    top: list[Box | None] = [(40.0, 88.0, 140.0, 100.0), (140.0, 88.0, 240.0, 100.0), None]
    wide: list[Box | None] = [(40.0, 100.0, 300.0, 112.0)]
    table = fill_grid((40.0, 88.0, 300.0, 112.0), [top, wide], [], 1)
    assert table.spans == [(40.0, 300.0), (140.0, 240.0), (0.0, 0.0)]


def test_a_cells_text_ends_at_its_box_less_the_padding_at_its_left() -> None:
    """An engine pads a cell alike on both sides: its text can reach no further right."""
    lines = [line_of("Creșterea", top=100), line_of("firmelor", top=112)]
    lines[0].glyphs[-1].space = SPACE  # the engine writes the space where it wraps
    cell: Box = (44.0, 95.0, 200.0, 130.0)  # the text starts 6 points in, at x 50
    glyphs = [glyph for line in lines for glyph in line.glyphs]
    table = fill_grid(cell, [[cell]], glyphs, 1)
    assert [line.cell for line in table.rows[0][0]] == [CellEdge(194.0, SPACE)] * 2


def cell(text: str, page: int) -> list[PrintedLine]:
    """A cell of one line per `|`-separated part, on `page`."""
    return [
        line_of(part, top=100 + 12 * index, page=page)
        for index, part in enumerate(text.split("|"))
        if part
    ]


def table(rows: list[list[str]], page: int, spans: list[Span] = SPANS) -> TableBlock:
    return TableBlock([[cell(text, page) for text in row] for row in rows], page, 90, spans)


HEADER = ["Titlu", "Perioadă", "Coordonator"]

# (rows above the break, rows below it, the rows of the joined table)
CASES = [
    pytest.param(
        [HEADER, ["Creșterea|competitivității", "2018 - 2020", "ASOCIAȚIA|PATRONATUL"]],
        [["firmelor din|regiune", "", "ROMÂN"]],
        [
            HEADER,
            [
                "Creșterea competitivității firmelor din regiune",
                "2018 - 2020",
                "ASOCIAȚIA PATRONATUL ROMÂN",
            ],
        ],
        id="a-cut-row-goes-on",
    ),
    pytest.param(
        [HEADER, ["Agenda", "2017 - 2020", "IND-AGRO"]],
        [["Excelență", "2018 - 2020", "Cluster Mobilier"]],
        [
            HEADER,
            ["Agenda", "2017 - 2020", "IND-AGRO"],
            ["Excelență", "2018 - 2020", "Cluster Mobilier"],
        ],
        id="a-full-row-is-a-row",
    ),
    pytest.param(
        [HEADER],
        [["Excelență", "", "Cluster"]],
        [HEADER, ["Excelență", "", "Cluster"]],
        id="the-row-after-a-header-alone",
    ),
    pytest.param(
        [HEADER, ["Agenda", "", "IND-AGRO"]],
        [["strategică", "2017 - 2020", ""]],
        [HEADER, ["Agenda", "", "IND-AGRO"], ["strategică", "2017 - 2020", ""]],
        id="a-cell-empty-above-is-filled-below",
    ),
    pytest.param(
        [HEADER, ["Creșterea", "2018 - 2020", "ASOCIAȚIA"]],
        [HEADER, ["firmelor", "", "ROMÂN"]],
        [HEADER, ["Creșterea firmelor", "2018 - 2020", "ASOCIAȚIA ROMÂN"]],
        id="the-header-repeated",
    ),
    pytest.param(
        [HEADER, ["Agenda", "", "IND-AGRO"], ["Creșterea", "2018 - 2020", "ASOCIAȚIA"]],
        [["firmelor", "", "ROMÂN"]],
        [
            HEADER,
            ["Agenda", "", "IND-AGRO"],
            ["Creșterea firmelor", "2018 - 2020", "ASOCIAȚIA ROMÂN"],
        ],
        id="the-last-row-of-several-goes-on",
    ),
]


@pytest.mark.parametrize(("above", "below", "rows"), CASES)
def test_the_part_of_a_table_on_the_next_page(
    above: list[list[str]], below: list[list[str]], rows: list[list[str]]
) -> None:
    first, second = table(above, 1), table(below, 2)
    assert continues(first, second)
    assert join_continued(first, second).row_texts() == ["\t".join(row) for row in rows]


def test_cells_below_join_the_column_they_stand_under() -> None:
    above = table([HEADER, ["Creșterea", "2018 - 2020", "ASOCIAȚIA"]], 1)
    # Drawn without its middle column's text, the part below has two cells.
    below = table([["firmelor", "ROMÂN"]], 2, [(42.0, 138.0), (238.0, 342.0)])
    joined = join_continued(above, below)
    assert joined.row_texts()[1:] == ["Creșterea firmelor\t2018 - 2020\tASOCIAȚIA ROMÂN"]


def test_a_table_over_three_pages_is_one_table() -> None:
    """The part on the third page goes on the table the first two make, as the second went on."""
    first = table([HEADER, ["Agenda", "2017", "IND"]], 1)
    second, third = (  # at the top of their pages
        replace(table([row], page), top=40.0)
        for page, row in ((2, ["Excelență", "2018", "Cluster"]), (3, ["Mobilier", "2019", "Lemn"]))
    )
    joined = join_continued(first, second)
    assert continues(joined, third)
    whole = join_continued(joined, third)
    assert whole.row_texts()[1:] == [
        "Agenda\t2017\tIND",
        "Excelență\t2018\tCluster",
        "Mobilier\t2019\tLemn",
    ]
    assert (whole.page, whole.top, whole.spans) == (3, first.top, first.spans)


def test_a_table_elsewhere_does_not_go_on() -> None:
    above = table([HEADER, ["Agenda", "2017", "IND"]], 1)
    assert not continues(above, table([["Excelență", "2018", "Cluster"]], 3))
    shifted = [(200.0, 300.0), (300.0, 400.0), (400.0, 500.0)]
    assert not continues(above, table([["Excelență", "2018", "Cluster"]], 2, shifted))


def test_a_column_stands_under_one_above_that_holds_more_than_half_its_width() -> None:
    """A column half under one column and half under others is no continuation of either."""
    above = table([HEADER], 1)
    # 100 of its 200 points under the middle column: exactly half.
    assert not continues(above, table([["Excelență"]], 2, [(90.0, 290.0)]))
    assert continues(above, table([["Excelență"]], 2, [(91.0, 289.0)]))  # 100 of 198


def test_a_part_whose_columns_match_none_above_is_joined_column_for_column() -> None:
    """Joining does not fail on a part `continues` would refuse: its cells keep their places."""
    above = table([HEADER, ["Agenda", "2017", "IND"]], 1)
    shifted = [(200.0, 300.0), (300.0, 400.0), (400.0, 500.0)]
    below = table([["Excelență", "2018", "Cluster"]], 2, shifted)
    assert join_continued(above, below).row_texts()[1:] == [
        "Agenda\t2017\tIND",
        "Excelență\t2018\tCluster",
    ]
