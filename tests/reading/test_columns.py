"""A table laid out in columns with spaces: its pieces, and its header's wrapped labels."""

from __future__ import annotations

import pytest
from pydantic import Field
from records import RULES, records_of
from reports import HEADER_ROW

from extractor.reading.columns import column_of, column_pieces, placed_pieces, read_column_header
from extractor.reading.records import column_header_at
from extractor.ruleset import TableRules
from extractor.text.source import SourceText

TABLE = RULES.table
# As `pdftotext -layout` writes the 2019 report's table: labels wrapped under their column.
HEADER = [
    "Titlu        Perioadă       Coordonator   Director   Nr. membri   Regiunea   Domeniu",
    "             implementare                 proiect    cluster",
]


def header_of(*lines: str):
    return read_column_header(SourceText("\n".join(lines)).lines, TABLE)


def test_pieces_are_parted_by_two_spaces_or_more_not_one() -> None:
    text = "Adrian Bot  32   Nord-Vest"
    assert [text[start:end] for start, end in column_pieces(text, TABLE)] == [
        "Adrian Bot",
        "32",
        "Nord-Vest",
    ]


def test_the_gap_is_a_rule() -> None:
    rules = TableRules.model_validate({**TABLE.model_dump(), "column_gap": 3})
    text = "Adrian Bot  32   Nord-Vest"
    assert [text[start:end] for start, end in column_pieces(text, rules)] == [
        "Adrian Bot  32",
        "Nord-Vest",
    ]


@pytest.mark.parametrize(
    ("position", "column"),
    [(0, 0), (6, 0), (7, 1), (10, 1), (16, 1), (17, 2), (50, 2)],
)
def test_a_piece_is_in_the_last_column_starting_at_or_three_chars_after_it(
    position: int, column: int
) -> None:
    # Three chars of slack: an engine places text by its width in points.
    assert column_of((0, 10, 20), position) == column


def test_labels_wrapped_below_the_header_lengthen_it() -> None:
    header = header_of(*HEADER, "Titlu A      01.06.2018 -   Asociația X   Ana Pop    32")
    assert header is not None
    assert header.lines == 2
    assert header.starts == (0, 13, 28, 42, 53, 66, 77)
    assert header.labels == tuple(HEADER_ROW.split("\t"))  # the report's own labels


def test_a_header_needs_enough_known_labels() -> None:
    assert header_of("Titlu        Perioadă       Coordonator   Regiunea   Nimic   Altceva") is None
    assert header_of("Titlu  Coordonator  Regiunea  Domeniu") is None


def test_a_header_of_known_labels_on_one_line_takes_one() -> None:
    header = header_of(
        "Titlu   Perioada implementare   Coordonator   Director   Regiunea   Domeniu",
        "Titlu A   01.06.2018 - 31.05.2020   Asociația X   Ana Pop   Sud   Energie",
    )
    assert header is not None and header.lines == 1


def test_a_line_that_would_make_a_known_label_unknown_is_not_the_header() -> None:
    # `Director` + `Pop` is no label: the value row's first line, not the header's.
    header = header_of(
        "Titlu        Perioadă       Coordonator   Director   Nr. membri   Regiunea   Domeniu",
        "             implementare                 Pop        cluster",
    )
    assert header is not None
    assert header.lines == 1
    assert header.labels[3] == "Director"


def test_a_blank_line_ends_the_header() -> None:
    header = header_of(HEADER[0], "", HEADER[1])
    assert header is not None and header.lines == 1


def test_a_piece_left_of_every_column_is_in_the_first() -> None:
    assert column_of((4, 10, 20), 0) == 0


@pytest.mark.parametrize(
    "row",
    [
        "Titlu  \tCoordonator  \tDirector  \tRegiunea  \tDomeniu",
        "  |  Titlu  |  Coordonator  |  Director  |  Regiunea  |  Domeniu  |",
    ],
    ids=["tab-row-padded-with-spaces", "pipe-row-indented"],
)
def test_tab_and_pipe_rows_are_read_in_their_own_form(row: str) -> None:
    assert header_of(row) is None


def test_a_tab_or_pipe_line_below_the_header_is_none_of_it() -> None:
    for below in (HEADER[1] + "\t", "|" + HEADER[1][1:]):
        header = header_of(HEADER[0], below)
        assert header is not None and header.lines == 1


def test_a_line_below_that_makes_no_more_labels_known_is_none_of_the_header() -> None:
    header = header_of(HEADER[0], "             de lucru")
    assert header is not None
    assert (header.lines, header.labels[1]) == (1, "Perioadă")


def test_records_after_a_blank_line_are_no_lines_of_the_header() -> None:
    """Records skip blank lines: the line numbers tell the gap."""
    found = column_header_at(records_of("\n".join([HEADER[0], "", HEADER[1]])), 0, TABLE)
    assert found is not None and (found[0].lines, found[1]) == (1, 1)


def test_a_page_break_inside_the_header_is_looked_through() -> None:
    """pdftotext: the page number between blank lines, then the header's last line."""
    records = records_of("\n".join([HEADER[0], "", "", "12", "", HEADER[1], "Titlu A  x"]))
    assert [record.furniture for record in records] == [False, True, False, False]
    found = column_header_at(records, 0, TABLE)
    assert found is not None and (found[0].lines, found[1]) == (2, 3)
    assert found[0].labels[1] == "Perioadă implementare"


def test_a_header_of_just_enough_labels_two_spaces_apart() -> None:
    assert TABLE.min_header_columns == 5
    header = header_of("Titlu  Coordonator  Director  Regiunea  Domeniu")
    assert header is not None and header.starts == (0, 7, 20, 30, 40)


def test_no_lines_no_header() -> None:
    assert read_column_header([], TABLE) is None


def test_labels_one_space_apart_are_columns_of_their_own() -> None:
    """Chromium's tight table: `pdftotext -layout` sets two columns one space apart."""
    header = header_of(
        "Titlu     Perioadă       Coordonator   Director   Nr.       Regiunea Domeniu",
        "          implementare                 proiect    membri",
        "                                                  cluster",
    )
    assert header is not None
    assert header.labels[-2:] == ("Regiunea", "Domeniu")
    assert header.starts[-2:] == (60, 69)
    assert (header.lines, header.labels[4]) == (3, "Nr. membri cluster")


def test_a_piece_that_is_not_all_labels_stays_whole() -> None:
    header = header_of("Titlu  Coordonator  Director  Regiunea  Domeniu  Nr. crt")
    assert header is not None and header.labels[-1] == "Nr. crt"


def placed(text: str, starts: tuple[int, ...], seen: tuple[int, ...] = ()) -> list[str] | None:
    found = placed_pieces(text, starts, TABLE, seen)
    return (
        None if found is None else [f"{column}:{text[start:end]}" for column, start, end in found]
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Nord-Vest Energie,", ["0:Nord-Vest", "1:Energie,"], id="space-at-the-edge"),
        pytest.param("Nord-Vest  Energie,", ["0:Nord-Vest", "1:Energie,"], id="a-gap"),
        pytest.param("Nord-Ves Energie,", ["0:Nord-Ves", "1:Energie,"], id="a-char-left"),
        pytest.param("Nord-V Energie,", ["0:Nord-V", "1:Energie,"], id="three-chars-left"),
        pytest.param("Nord-Vestic Energie,", ["0:Nord-Vestic", "1:Energie,"], id="two-right"),
        pytest.param("Nord Energie, și alte", None, id="a-word-over-the-edge"),
        pytest.param("Nord-Vestului", ["0:Nord-Vestului"], id="a-word-ending-just-over-it"),
        pytest.param("Nord-Vestulețu", None, id="a-word-ending-further-over-it"),
        pytest.param("Nord-Vest E", ["0:Nord-Vest", "1:E"], id="a-line-ending-past-a-space"),
        pytest.param("Nord- Energie,", None, id="four-chars-left"),
        pytest.param("Nord-Ve Es Textile", ["0:Nord-Ve Es", "1:Textile"], id="the-nearer-space"),
        pytest.param("Nord-Vest Energie,ab", ["0:Nord-Vest", "1:Energie,ab"], id="up-to-the-next"),
        pytest.param("Nord-Vest Energie, mediu și schimbări", None, id="over-two-edges"),
    ],
)
def test_a_piece_over_the_next_columns_edge_parts_at_a_space_near_it(
    text: str, expected: list[str] | None
) -> None:
    assert placed(text, (0, 10, 30)) == expected


def test_a_tie_goes_to_where_the_tables_other_lines_start_a_piece() -> None:
    """`Nord - Est Textile`: a space two chars either side of the edge at 8."""
    assert placed("Nord - Est Textile", (0, 8)) == ["0:Nord -", "1:Est Textile"]
    assert placed("Nord - Est Textile", (0, 8), seen=(11,)) == ["0:Nord - Est", "1:Textile"]


class _CountingRules(TableRules):
    """The table rules, counting the texts tried as labels (in a list: the rules are frozen)."""

    tried: list[str] = Field(default_factory=list)

    def field_for_header(self, header: str) -> str | None:
        self.tried.append(header)
        return super().field_for_header(header)


def test_a_long_piece_is_tried_as_labels_near_its_end_only() -> None:
    """A header line with 100,000 words of prose glued on: a label it might end in is
    looked for in a label's length from its end, not at every one of its spaces."""
    rules = _CountingRules.model_validate(TABLE.model_dump())
    prose = " ".join(["cuvânt"] * 100_000)
    [line] = SourceText(f"Titlu  Coordonator  Director  Regiunea  Domeniu  {prose}").lines
    header = read_column_header([line], rules)
    assert header is not None and header.labels[-1] == prose
    assert len(rules.tried) < 200


def test_a_parted_piece_may_run_up_to_the_column_after_next() -> None:
    assert placed("Nord-Vest Energie,ab", (0, 10, 20)) == ["0:Nord-Vest", "1:Energie,ab"]
    assert placed("Nord-Vest Energie,abc", (0, 10, 20)) is None
