"""The metadata table: header row by wording, value row also when split over lines."""

from __future__ import annotations

import pytest
from records import RULES as ALL_RULES
from records import records_of

from extractor.parsing.table import (
    Cell,
    TableRead,
    TableStart,
    find_table,
    header_fields,
    is_header_row,
    read_table,
    row_cells,
)
from extractor.reading.records import Record

RULES = ALL_RULES.table
WEBSITE = ALL_RULES.sections.website
HEADER = (
    "Titlu\tPerioadă implementare\tCoordonator\tDirector proiect\t"
    "Nr. membri cluster\tRegiunea\tDomeniu"
)
VALUES = "Titlu A\t01.06.2018 - 31.05.2020\tAsociația X\tAna Pop\t32\tNord-Vest\tEnergie"
EXPECTED = {
    "title": "Titlu A",
    "period": "01.06.2018 - 31.05.2020",
    "coordinator": "Asociația X",
    "director": "Ana Pop",
    "cluster_members": "32",
    "region": "Nord-Vest",
    "domain": "Energie",
}


def lines_of(*rows: str) -> tuple[Record, ...]:
    return records_of("\n".join(rows))


def read(rows: list[str]) -> tuple[str, TableRead, dict[str, str]]:
    text = "\n".join(rows)
    records = records_of(text)
    start = find_table(records, 0, RULES) or TableStart(0, "row", 1)
    table = read_table(records, start, RULES, WEBSITE, text)
    return text, table, {name: text[cell.start : cell.end] for name, cell in table.cells.items()}


def test_a_wrapped_last_cell_is_one_value() -> None:
    rows = [HEADER, VALUES + ", mediu și", "schimbări climatice", "", "Site proiect\thttp://a.ro"]
    _, table, values = read(rows)
    assert " ".join(values["domain"].split()) == "Energie, mediu și schimbări climatice"
    assert table.used == {1, 2, 3}
    assert table.findings == []


def test_a_line_after_a_blank_does_not_continue_the_table() -> None:
    rows = [HEADER, VALUES, "", "paragraf după tabel"]
    _, table, values = read(rows)
    assert values["domain"] == "Energie"
    assert table.used == {1, 2}


def cell_texts(record: Record) -> list[str]:
    line = record.line
    return [
        line.text[cell.start - line.start : cell.end - line.start] for cell in row_cells(record)
    ]


def test_row_cells_skip_extra_and_trailing_tabs() -> None:
    record = lines_of("ignored", "\tTitlu A\t\t\t01.06.2018 - 31.05.2020 \t\t")[1]
    line = record.line
    cells = row_cells(record)
    assert cell_texts(record) == ["Titlu A", "01.06.2018 - 31.05.2020"]
    assert cells[0] == Cell(line.start + 1, line.start + 8)
    assert line.text[cells[1].end - line.start] == " "


def test_row_cells_trim_spaces_and_drop_blank_cells() -> None:
    assert cell_texts(lines_of("  a b  \t   \t c")[0]) == ["a b", "c"]


def test_pipe_row_cells() -> None:
    assert cell_texts(lines_of("| Titlu A | 01.06.2018 - 31.05.2020 |  | c |")[0]) == [
        "Titlu A",
        "01.06.2018 - 31.05.2020",
        "c",
    ]


def test_header_fields() -> None:
    line = lines_of("Regiunea\tTitlu\t\tBuget\tNr membri cluster\t")[0]
    assert header_fields(line, RULES) == ["region", "title", None, "cluster_members"]


HEADER_ROW_CASES = [
    pytest.param(HEADER, True, id="2019-header"),
    pytest.param(HEADER + "\t\t\t", True, id="trailing-tabs"),
    pytest.param("Titlu\tCoordonator\tDirector\tRegiune\tDomeniu", True, id="five-known"),
    pytest.param("Titlu\tCoordonator\tDirector\tRegiune\tBuget", False, id="four-known"),
    pytest.param(VALUES, False, id="value-row"),
    pytest.param("Titlu Coordonator Director Regiune Domeniu", False, id="no-tabs"),
]


@pytest.mark.parametrize(("row", "expected"), HEADER_ROW_CASES)
def test_is_header_row(row: str, expected: bool) -> None:
    assert is_header_row(lines_of(row)[0], RULES) is expected


def test_read_table_two_lines() -> None:
    _, table, values = read([HEADER, VALUES, "", "Site proiect"])
    assert values == EXPECTED
    assert table.used == {1, 2}
    assert table.findings == []
    assert table.next_index == 2


def test_value_row_split_mid_cell_continues_the_last_cell() -> None:
    rows = [
        HEADER,
        "Titlu A\t01.06.2018 - 31.05.2020\tAsociația",
        'Cluster "X"\tAna Pop\t32\tNord-Vest\tEnergie',
    ]
    text, table, values = read(rows)
    assert values == {**EXPECTED, "coordinator": 'Asociația\nCluster "X"'}
    assert table.used == {1, 2, 3}
    assert table.findings == []
    assert table.next_index == 3
    assert text[table.cells["coordinator"].start] == "A"


def test_value_row_split_at_a_tab_is_not_merged() -> None:
    rows = [
        HEADER,
        "Titlu A\t01.06.2018 - 31.05.2020\tAsociația X\t",
        "Ana Pop\t32\tNord-Vest\tEnergie",
    ]
    _, table, values = read(rows)
    assert values == EXPECTED
    assert table.findings == []


def test_blank_line_inside_a_split_row_is_skipped() -> None:
    rows = [
        HEADER,
        "Titlu A\t01.06.2018 - 31.05.2020\tAsociația X\t",
        "",
        "Ana Pop\t32\tNord-Vest\tEnergie",
    ]
    _, table, values = read(rows)
    assert values == EXPECTED
    assert table.used == {1, 2, 4}
    assert table.next_index == 3


def test_a_row_one_cell_short_goes_on_past_a_blank_line() -> None:
    rows = [HEADER, "Titlu A\t01.06.2018 - 31.05.2020\tAsociația X\tAna Pop\t32\tNord-Vest", "",
            "Energie"]  # fmt: skip
    _, table, values = read(rows)
    assert values == EXPECTED
    assert table.findings == []


@pytest.mark.parametrize(
    "heading",
    [
        ["", "Obiectivul proiectului:", ""],
        ["Activitățile implementate și rezultatele obținute pentru Etapa nr. 2 :"],
    ],
    ids=["section-heading", "subheading-right-below"],
)
def test_a_heading_ends_a_value_row_that_lacks_cells(heading: list[str]) -> None:
    rows = [HEADER, "Titlu A\t01.06.2018 - 31.05.2020", *heading, "Ana Pop"]
    _, table, values = read(rows)
    assert values == {"title": "Titlu A", "period": "01.06.2018 - 31.05.2020"}
    assert (table.used, table.next_index) == ({1, 2}, 2)


def test_value_row_split_before_a_tab_is_not_merged() -> None:
    rows = [
        HEADER,
        "Titlu A\t01.06.2018 - 31.05.2020\tAsociația X",
        "\tAna Pop\t32\tNord-Vest\tEnergie",
    ]
    _, table, values = read(rows)
    assert values == EXPECTED
    assert table.findings == []


def test_columns_in_another_order() -> None:
    header = (
        "Regiunea\tTitlu\tDomeniu\tNr. membri cluster\t"
        "Coordonator\tDirector proiect\tPerioadă implementare"
    )
    row = "Nord-Vest\tTitlu A\tEnergie\t32\tAsociația X\tAna Pop\t01.06.2018 - 31.05.2020"
    _, table, values = read([header, row])
    assert values == EXPECTED
    assert table.findings == []


def test_unknown_column() -> None:
    header = HEADER.replace("\tDomeniu", "\tBuget total\tDomeniu")
    text, table, values = read([header, VALUES.replace("\tEnergie", "\t100 lei\tEnergie")])
    assert values == EXPECTED
    assert [finding.code for finding in table.findings] == ["unknown_column"]
    finding = table.findings[0]
    assert "'Buget total'" in finding.message and "'100 lei' is not taken" in finding.message
    assert text[finding.start : finding.end] == "100 lei"


def test_too_few_cells() -> None:
    text, table, values = read(
        [HEADER, "Titlu A\t01.06.2018 - 31.05.2020\tAsociația X", "Site proiect\thttp://x.ro/"]
    )
    assert values == {key: EXPECTED[key] for key in ("title", "period", "coordinator")}
    assert [finding.code for finding in table.findings] == ["table_shape"]
    finding = table.findings[0]
    assert "7 columns" in finding.message
    assert "3 cells" in finding.message
    assert text[finding.start : finding.end] == "Asociația X"


def test_header_without_values() -> None:
    _, table, values = read([HEADER, "", "Site proiect\thttp://x.ro/"])
    assert values == {}
    assert table.used == {1}
    assert [finding.code for finding in table.findings] == ["table_shape"]
    assert (table.findings[0].start, table.findings[0].end) == (0, len(HEADER))


def test_too_many_cells_are_left_out() -> None:
    _, table, values = read([HEADER, VALUES + "\tîn plus"])
    assert values == EXPECTED
    assert [finding.code for finding in table.findings] == ["table_shape"]


def test_ends_table_stops_the_value_row() -> None:
    rows = [HEADER, "Titlu A\t01.06.2018 - 31.05.2020", "Site proiect\thttp://x.ro/", "Ana Pop"]
    _, table, values = read(rows)
    assert values == {"title": "Titlu A", "period": "01.06.2018 - 31.05.2020"}
    assert table.used == {1, 2}
    assert table.next_index == 2
    assert [finding.code for finding in table.findings] == ["table_shape"]


def test_read_table_from_a_later_index() -> None:
    text = "\n".join(["Nr.proiect/acronim _1 CLS/A", "", HEADER, VALUES])
    records = records_of(text)
    table = read_table(records, TableStart(1, "row", 2), RULES, WEBSITE, text)
    assert text[table.cells["domain"].start : table.cells["domain"].end] == "Energie"
    assert table.used == {3, 4}
    assert table.next_index == 3


LABELS, CELLS = HEADER.split("\t"), VALUES.split("\t")
TABLE_FORMS = [
    pytest.param(
        ["| " + HEADER.replace("\t", " | ") + " |", "|---|---|---|---|---|---|---|",
         "| " + VALUES.replace("\t", " | ") + " |"],
        "row",
        id="markdown-pipe-table",
    ),
    pytest.param(
        ["| " + HEADER.replace("\t", " | ") + " |", "|:--|:-:|--:|---|:---:| - |-|",
         "| " + VALUES.replace("\t", " | ") + " |"],
        "row",
        id="markdown-pipe-table-aligned",
    ),
    pytest.param(
        [f"{label}: {value}" for label, value in zip(LABELS, CELLS, strict=True)],
        "vertical",
        id="vertical-label-colon-value",
    ),
    pytest.param(
        [row for pair in zip(LABELS, CELLS, strict=True) for row in pair],
        "vertical",
        id="vertical-label-line-then-value-line",
    ),
    pytest.param(
        [HEADER, "Titlu A\t01.06.2018 - 31.05.2020\tAsociația X", "",
         "Pagina 2 din 9", "", "Ana Pop\t32\tNord-Vest\tEnergie"],
        "row",
        id="row-split-by-a-page-break",
    ),
    pytest.param(
        [HEADER, "Titlu", "A\t01.06.2018 - 31.05.2020\tAsociația", "X\tAna Pop\t32\tNord-Vest",
         "Energie"],
        "row",
        id="row-broken-inside-two-cells-and-between-two",
    ),
    pytest.param(
        [HEADER, "Titlu\t01.06.2018 - 31.05.2020\tAsociația\tAna Pop\t32\tNord-Vest\tEnergie",
         "8", "A\t\tX\t\t\t\t"],
        "row",
        id="row-split-column-by-column-by-a-page-break",
    ),
    pytest.param(
        [HEADER, "Titlu A\t01.06.2018 - 31.05.2020\tAsociația X",
         "Ana Pop\t32\tNord-Vest\tEnergie"],
        "row",
        id="row-split-between-cells-without-tab",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("rows", "form"), TABLE_FORMS)
def test_table_forms(rows: list[str], form: str) -> None:
    text = "\n".join(rows)
    records = records_of(text)
    start = find_table(records, 0, RULES)
    assert start is not None and start.form == form
    table = read_table(records, start, RULES, WEBSITE, text)
    assert joined_cells(text, table) == EXPECTED
    assert table.findings == []
    # Every line of the table is used, a markdown separator row too; page furniture is not.
    assert table.used == {record.line.number for record in records if not record.furniture}
    assert table.next_index == len(records)


def joined_cells(text: str, table: TableRead) -> dict[str, str]:
    """Each cell's text, its pieces on several lines joined with single spaces."""
    return {
        name: " ".join(" ".join(text[start:end] for start, end in cell.pieces).split())
        for name, cell in table.cells.items()
    }


# A value row broken inside cells (no tab next to the break) as a converter wraps it.
BROKEN = [HEADER, "Titlu A\t01.06.2018 - 31.05.2020\tAsociația", "X\tAna Pop\t32\tNord"]
NEXT_ROW = "Titlu B\t01.01.2019 - 31.12.2020\tAsociația Y\tIon Pop\t12\tCentru\tTextile"


@pytest.mark.parametrize(
    "rows",
    [
        pytest.param([*BROKEN, "Vest\tEnergie"], id="a-tab-line-while-cells-may-be-broken"),
        pytest.param([*BROKEN, "Vest", "\tEnergie"], id="two-breaks-then-a-tab-line"),
    ],
)
def test_a_line_with_a_tab_goes_on_a_row_whose_breaks_may_fall_inside_cells(
    rows: list[str],
) -> None:
    text = "\n".join(rows)
    records = records_of(text)
    table = read_table(records, TableStart(0, "row", 1), RULES, WEBSITE, text)
    assert joined_cells(text, table) == {**EXPECTED, "region": "Nord Vest"}
    assert (table.findings, table.next_index) == ([], len(records))


@pytest.mark.parametrize(
    "rows",
    [
        pytest.param([HEADER, VALUES, NEXT_ROW], id="after-a-whole-row"),
        pytest.param(
            [HEADER, "Titlu A\t01.06.2018 - 31.05.2020\tAsociația",
             "X\tAna Pop\t32\tNord-Vest\tEnergie", NEXT_ROW],
            id="after-a-row-broken-inside-a-cell",
        ),
    ],
)  # fmt: skip
def test_a_whole_row_right_below_the_value_row_is_not_read_into_it(rows: list[str]) -> None:
    text = "\n".join(rows)
    records = records_of(text)
    table = read_table(records, TableStart(0, "row", 1), RULES, WEBSITE, text)
    assert joined_cells(text, table) == EXPECTED
    assert (table.used, table.next_index) == (set(range(1, len(rows))), len(rows) - 1)


# The value row's cells after the coordinator.
REST = "Ana Pop\t32\tNord-Vest\tEnergie"


@pytest.mark.parametrize(
    "rows",
    [
        pytest.param(
            [HEADER, "Titlu A\t01.06.2018 - 31.05.2020\t", "Asociația", "X\t" + REST],
            id="first-break-after-a-tab",
        ),
        pytest.param(
            [HEADER, "Titlu A\t01.06.2018 - 31.05.2020", "\tAsociația", "X\t" + REST],
            id="first-break-before-a-tab",
        ),
    ],
)
def test_of_two_breaks_the_one_next_to_a_tab_falls_between_cells(rows: list[str]) -> None:
    _, table, values = read(rows)
    assert " ".join(values["coordinator"].split()) == "Asociația X"
    assert {name: values[name] for name in ("title", "period", "director")} == {
        "title": "Titlu A",
        "period": "01.06.2018 - 31.05.2020",
        "director": "Ana Pop",
    }
    assert table.findings == []
    assert table.next_index == 4


VERTICAL = [f"{label}: {value}" for label, value in zip(LABELS, CELLS, strict=True)]


def test_a_vertical_table_skips_page_furniture_between_its_lines() -> None:
    rows = [*VERTICAL[:3], "Pagina 2 din 9", *VERTICAL[3:], "", "Site proiect"]
    _, table, values = read(rows)
    assert values == EXPECTED
    assert table.used == {1, 2, 3, 5, 6, 7, 8}
    assert table.next_index == 8


def test_a_vertical_label_line_finds_its_value_past_page_furniture() -> None:
    rows = [*VERTICAL[:2], "Coordonator", "Pagina 2 din 9", "Asociația X", *VERTICAL[3:]]
    _, table, values = read(rows)
    assert values == EXPECTED
    assert table.used == {1, 2, 3, 5, 6, 7, 8, 9}
    assert table.next_index == 9


def test_a_vertical_label_last_of_all_has_no_value() -> None:
    _, table, values = read([*VERTICAL[:6], "Domeniu"])
    assert values == {name: EXPECTED[name] for name in list(EXPECTED)[:6]}
    assert table.used == {1, 2, 3, 4, 5, 6, 7}
    assert table.next_index == 7


def test_a_row_split_column_by_column_goes_on_past_page_furniture() -> None:
    first = "Titlu\t01.06.2018 - 31.05.2020\tAsociația\tAna Pop\t32\tNord-Vest\tEnergie"
    pages = ["Pagina 2 din 9", "A\t\tX\t\t\t\t", "Pagina 3 din 9", "B\t\t\t\t\t\t"]
    rows = [HEADER, first, *pages, "Site proiect\thttp://x.ro/"]
    text = "\n".join(rows)
    records = records_of(text)
    assert [index for index, record in enumerate(records) if record.furniture] == [2, 4]
    table = read_table(records, TableStart(0, "row", 1), RULES, WEBSITE, text)
    assert joined_cells(text, table) == {**EXPECTED, "title": "Titlu A B"}
    assert (table.used, table.next_index) == ({1, 2, 4, 6}, 6)


def test_a_value_row_with_a_heading_glued_to_its_end_keeps_its_last_cell() -> None:
    """As the 2019 text glues a heading to the website line, a converter may glue it here."""
    _, table, values = read([HEADER, VALUES + "**Obiectivul proiectului:**"])
    assert values == EXPECTED
    assert table.findings == []


def test_a_vertical_table_needs_as_many_fields_as_a_header_row_needs_columns() -> None:
    least = RULES.min_header_columns
    for count, expected in ((least, "vertical"), (least - 1, None)):
        records = lines_of(*VERTICAL[:count], "", "Un paragraf.")
        found = find_table(records, 0, RULES)
        assert (found and found.form) == expected


def test_a_vertical_label_in_bold_before_its_colon() -> None:
    records = lines_of("**Titlu proiect**: Proiect X", "**Regiunea**: Centru")
    assert find_table(records, 0, RULES) is None  # two fields are no table
    read_cells = read_table(records, TableStart(0, "vertical", 2), RULES, WEBSITE, "")
    assert set(read_cells.cells) == {"title", "region"}


# As `pdftotext -layout` writes the table: labels and values wrapped under their columns.
COLUMNS = [
    "Titlu        Perioadă       Coordonator   Director   Nr. membri   Regiunea   Domeniu",
    "             implementare                 proiect    cluster",
    "Titlu A pe   01.06.2018 -   Asociația X   Ana Pop    32           Nord-Vest  Energie,",
    "două rânduri 31.05.2020                                                      mediu",
]


def read_columns_of(rows: list[str]) -> tuple[TableRead, dict[str, str]]:
    text = "\n".join(rows)
    records = records_of(text)
    start = find_table(records, 0, RULES)
    assert start is not None and start.form == "columns" and start.end == 2
    table = read_table(records, start, RULES, WEBSITE, text)
    values = {
        name: " ".join(text[begin:end] for begin, end in cell.pieces)
        for name, cell in table.cells.items()
    }
    return table, values


def test_a_column_laid_table_reads_each_column_as_a_cell() -> None:
    after = ["", "Site proiect   http://a.ro", "", "Obiectivul proiectului:", "", "Un paragraf."]
    table, values = read_columns_of([*COLUMNS, *after])
    assert values == {
        **EXPECTED,
        "title": "Titlu A pe două rânduri",
        "domain": "Energie, mediu",
    }
    assert table.used == {1, 2, 3, 4}
    assert table.next_index == 4
    assert table.findings == []


def test_a_cell_filled_to_the_next_column_is_parted_at_the_one_space() -> None:
    rows = [*COLUMNS[:3], "două rânduri 31.05.2020"]
    rows[2] = rows[2].replace("Titlu A pe  ", "Titlu A pe b")
    _, values = read_columns_of(rows)
    assert values["title"] == "Titlu A pe b două rânduri"
    assert values["period"] == "01.06.2018 - 31.05.2020"


def test_a_paragraph_right_below_a_column_table_is_not_read_into_it() -> None:
    paragraph = "Obiectivul proiectului este creșterea capacității de inovare a clusterului."
    table, values = read_columns_of([*COLUMNS, paragraph])
    assert table.used == {1, 2, 3, 4}
    assert table.next_index == 4
    assert values["title"] == "Titlu A pe două rânduri"


def test_a_column_no_rule_knows_is_named_with_its_value() -> None:
    rows = [row[:13] + row[13:].replace("Perioadă    ", "Nr. crt.    ") for row in COLUMNS]
    rows[1] = rows[1].replace("implementare", "            ")
    table, values = read_columns_of(rows)
    assert "period" not in values
    [finding] = table.findings
    assert finding.code == "unknown_column"
    assert "'Nr. crt.'" in finding.message
    assert "'01.06.2018 - 31.05.2020'" in finding.message


def test_a_blank_line_between_header_and_values_is_allowed_then_ends_the_row() -> None:
    table, values = read_columns_of([*COLUMNS[:2], "", *COLUMNS[2:], "", "Alt paragraf"])
    assert values["director"] == "Ana Pop"
    assert table.next_index == 4


def test_a_cell_filled_to_the_last_column_is_parted_too() -> None:
    rows = [*COLUMNS[:2], COLUMNS[2].replace("Nord-Vest  Energie", "Centru Sud Energie")]
    _, values = read_columns_of(rows)
    assert (values["region"], values["domain"]) == ("Centru Sud", "Energie,")


def test_a_word_running_over_a_column_edge_is_no_table_line() -> None:
    rows = [*COLUMNS, "un rând lung care trece peste marginile coloanelor tabelului de sus"]
    table, _ = read_columns_of(rows)
    assert table.used == {1, 2, 3, 4}


def test_a_row_a_page_break_cut_goes_on_after_the_page_furniture() -> None:
    """pdftotext -layout: the page number between blank lines, inside the row."""
    rows = [*COLUMNS[:3], "", "", "7", "", COLUMNS[3], "", "Site proiect   http://a.ro"]
    table, values = read_columns_of(rows)
    assert values["title"] == "Titlu A pe două rânduri"
    assert values["period"] == "01.06.2018 - 31.05.2020"
    assert table.used == {1, 2, 3, 8}
    assert table.next_index == 5


def test_a_header_a_page_break_cut_goes_on_after_the_page_furniture() -> None:
    """pdftotext -layout: the page number between blank lines, inside the header."""
    text = "\n".join([COLUMNS[0], "", "", "7", "", *COLUMNS[1:]])
    records = records_of(text)
    start = find_table(records, 0, RULES)
    assert start is not None and (start.form, start.end) == ("columns", 3)
    table = read_table(records, start, RULES, WEBSITE, text)
    assert text[slice(*table.cells["director"].pieces[0])] == "Ana Pop"
    assert text[slice(*table.cells["title"].pieces[1])] == "două rânduri"
    assert table.used == {1, 6, 7, 8}


def test_a_blank_line_with_no_page_break_still_ends_the_row() -> None:
    rows = [*COLUMNS[:3], "", COLUMNS[3]]
    table, values = read_columns_of(rows)
    assert values["title"] == "Titlu A pe"
    assert table.used == {1, 2, 3}


def test_a_cells_other_lines_tell_where_a_tight_row_parts() -> None:
    """Chromium's tight table: `Nord - Est Textile și` with a space two chars either side
    of the `Domeniu` column; the cell's next line starts where `Textile` does."""
    rows = [
        "Titlu      Perioadă       Coordonator   Director   Nr. membri   Regiunea Domeniu",
        "           implementare                 proiect    cluster",
        "Titlu A    01.06.2018 -   Asociația X   Ana Pop    32           Nord - Est Textile și",
        "           31.05.2020                                                      pielărie",
    ]
    _, values = read_columns_of(rows)
    assert (values["region"], values["domain"]) == ("Nord - Est", "Textile și pielărie")


def test_an_empty_column_leaves_its_field_out_and_the_next_ones_in() -> None:
    rows = [*COLUMNS[:2], COLUMNS[2].replace("Ana Pop", "       "), COLUMNS[3]]
    _, values = read_columns_of(rows)
    assert "director" not in values
    assert (values["cluster_members"], values["region"]) == ("32", "Nord-Vest")
