"""Tables: words cut at a cell's edge, and a table a page break cuts (a cut row goes on)."""

from __future__ import annotations

from collections import Counter

import pytest
from test_pdf_layout import SPACE, cell_lines, line_of

from extractor.readers.pdf.layout import PrintedLine
from extractor.readers.pdf.tables import (
    Span,
    TableBlock,
    continues,
    fill_grid,
    join_continued,
    mark_cut_words,
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


def test_a_table_elsewhere_does_not_go_on() -> None:
    above = table([HEADER, ["Agenda", "2017", "IND"]], 1)
    assert not continues(above, table([["Excelență", "2018", "Cluster"]], 3))
    shifted = [(200.0, 300.0), (300.0, 400.0), (400.0, 500.0)]
    assert not continues(above, table([["Excelență", "2018", "Cluster"]], 2, shifted))
