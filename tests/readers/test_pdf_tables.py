"""A table that a page break cuts: its part on the next page joins it, a cut row goes on."""

from __future__ import annotations

import pytest
from test_pdf_layout import line_of

from extractor.readers.pdf.layout import PrintedLine
from extractor.readers.pdf.tables import Span, TableBlock, continues, join_continued

SPANS = [(40.0, 140.0), (140.0, 240.0), (240.0, 340.0)]


def cell(text: str, page: int) -> list[PrintedLine]:
    """A cell of one line per `|`-separated part, on `page`."""
    return [
        line_of(part, top=100 + 12 * index, page=page)
        for index, part in enumerate(text.split("|"))
        if part
    ]


def table(rows: list[list[str]], page: int, spans: list[Span] = SPANS) -> TableBlock:
    return TableBlock([[cell(text, page) for text in row] for row in rows], page, 90, 800, spans)


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
