"""Cutting the report into the preamble and one block per project."""

from __future__ import annotations

import pytest
from records import RULES, records_of

from extractor.parsing.segment import Segments, records_to_segments

HEADER_ROW = (
    "Titlu\tPerioadă implementare\tCoordonator\tDirector proiect\t"
    "Nr. membri cluster\tRegiunea\tDomeniu"
)
VALUE_ROW = "Titlu A\t01.06.2018 - 31.05.2020\tAsociația X\tAna Pop\t32\tNord-Vest\tEnergie"


def segments(*rows: str) -> Segments:
    text = "\n".join(rows)
    return records_to_segments(records_of(text), RULES, len(text))


def numbers(records: tuple) -> list[int]:
    return [record.line.number for record in records]


# (header line, number, acronym)
HEADER_CASES = [
    pytest.param("Nr.proiect/acronim _1 CLS/INOV-TREC", "1", "INOV-TREC", id="glued"),
    pytest.param("Nr. proiect / acronim _8 CLS/ ASTRICONE", "8", "ASTRICONE", id="spaced"),
    pytest.param("Nr. proiect / acronim _3 CLS/Ino Tex\t\t\t", "3", "Ino Tex", id="tabs"),
    pytest.param("Nr. proiect / acronim _12 CLS/ CEX-IMAG", "12", "CEX-IMAG", id="two-digits"),
    pytest.param("Nr. proiect/acronim: 4 CLS/XYZ", "4", "XYZ", id="colon"),
    pytest.param("Nr proiect / acronim _5 CLS / ABC", "5", "ABC", id="no-dot"),
    pytest.param("Nr. proiect/acronim - 6 CLS/DEF", "6", "DEF", id="dash"),
    pytest.param("Nr.  proiect  /  acronim  _7  CLS/GHI ", "7", "GHI", id="double-spaces"),
    pytest.param("Nr. proiect / acronim 9 JKL", "9", "JKL", id="no-cls"),
    pytest.param("NR. PROIECT / ACRONIM _9 CLS/X", "9", "X", id="upper-case"),
    pytest.param("Nr. proiect / acronim: _13 CLS/MNO", "13", "MNO", id="colon-and-underscore"),
    pytest.param("Nr. proiect / acronim _15 CLS-ABC", "15", "ABC", id="cls-dash"),
    pytest.param("Nr. proiect / acronim _17 / ABC", "17", "ABC", id="bare-slash"),
    pytest.param("**Nr. proiect / acronim _3 CLS/Ino Tex**", "3", "Ino Tex", id="bold"),
    pytest.param("## Nr. proiect / acronim _3 CLS/Ino Tex", "3", "Ino Tex", id="markdown"),
    pytest.param("Nr. proiect / acronim: 3: CLS/Ino Tex", "3", "Ino Tex", id="colons"),
    pytest.param("Nr. proiect / acronim - 3 - CLS/Ino Tex", "3", "Ino Tex", id="hyphens"),
    pytest.param(
        "Nr. proiect / acronim \u2013 3 \u2013 CLS/Ino Tex", "3", "Ino Tex", id="en-dashes"
    ),
    pytest.param("Nr. proiect / acronim / 3 / CLS/Ino Tex", "3", "Ino Tex", id="slashes"),
    pytest.param("Nr. proiect / acronim, 3, CLS/Ino Tex", "3", "Ino Tex", id="commas"),
    pytest.param("Proiect nr. 3 (CLS/Ino Tex)", "3", "Ino Tex", id="proiect-nr"),
]


@pytest.mark.parametrize(("header", "number", "acronym"), HEADER_CASES)
def test_header_variants_start_a_block(header: str, number: str, acronym: str) -> None:
    result = segments("Stadiul proiectelor", "", header, "", HEADER_ROW, VALUE_ROW, "Site proiect")
    assert numbers(result.preamble) == [1]
    assert len(result.blocks) == 1
    block = result.blocks[0]
    assert block.has_header is True
    assert numbers(block.records) == [3, 5, 6, 7]
    assert (block.table, block.table_form) == (1, "row")
    match = RULES.document.project.header_match(block.records[0].bare)
    assert match is not None
    assert (match["number"], match["acronym"]) == (number, acronym)


@pytest.mark.parametrize(
    "line",
    [
        "Nr. proiecte depuse: 16",
        "Proiectul nr. 1 CLS/INOV-TREC",
        "Nr. proiect",
        "Acronim: INOV-TREC",
    ],
)
def test_lines_like_a_header_do_not_start_a_block(line: str) -> None:
    result = segments("PREAMBUL", line, "Text.")
    assert result.blocks == ()
    assert numbers(result.preamble) == [1, 2, 3]


def test_blocks_in_order_with_preamble() -> None:
    result = segments(
        "Stadiul proiectelor",  # 1
        "PREAMBUL",  # 2
        "Text.",  # 3
        "Nr.proiect/acronim _1 CLS/A",  # 4
        HEADER_ROW,  # 5
        VALUE_ROW,  # 6
        "Site proiect",  # 7
        "Nr. proiect / acronim _2 CLS/ B",  # 8
        "",  # 9
        HEADER_ROW,  # 10
        VALUE_ROW,  # 11
    )
    assert numbers(result.preamble) == [1, 2, 3]
    assert [(numbers(block.records), block.has_header) for block in result.blocks] == [
        ([4, 5, 6, 7], True),
        ([8, 10, 11], True),
    ]


def test_block_without_header_starts_at_its_table() -> None:
    result = segments(
        "PREAMBUL",  # 1
        "Nr.proiect/acronim _5 CLS/CM",  # 2
        HEADER_ROW,  # 3
        VALUE_ROW,  # 4
        "Activități în curs:",  # 5
        "",  # 6
        HEADER_ROW,  # 7: project 6 lost its header line
        VALUE_ROW,  # 8
        "Site proiect",  # 9
        "Nr. proiect / acronim _7 CLS/MECHATRANS",  # 10
        HEADER_ROW,  # 11
        VALUE_ROW,  # 12
    )
    assert numbers(result.preamble) == [1]
    assert [(numbers(block.records), block.has_header) for block in result.blocks] == [
        ([2, 3, 4, 5], True),
        ([7, 8, 9], False),
        ([10, 11, 12], True),
    ]


def test_first_block_without_header() -> None:
    result = segments("PREAMBUL", "Text.", HEADER_ROW, VALUE_ROW, "Site proiect")
    assert numbers(result.preamble) == [1, 2]
    assert [(numbers(block.records), block.has_header) for block in result.blocks] == [
        ([3, 4, 5], False)
    ]


def test_header_row_after_a_header_line_stays_in_its_block() -> None:
    result = segments("Nr.proiect/acronim _1 CLS/A", "", "", HEADER_ROW, VALUE_ROW)
    assert result.preamble == ()
    assert [(numbers(block.records), block.has_header) for block in result.blocks] == [
        ([1, 4, 5], True)
    ]
    assert result.blocks[0].table == 1


def test_no_projects() -> None:
    result = segments("Stadiul proiectelor", "PREAMBUL", "Text fără proiecte.", "")
    assert result.blocks == ()
    assert numbers(result.preamble) == [1, 2, 3]


def test_segments_cover_every_line_once() -> None:
    rows = ["PREAMBUL", "Nr.proiect/acronim _1 CLS/A", HEADER_ROW, VALUE_ROW, "x", HEADER_ROW]
    text = "\n".join(rows)
    records = records_of(text)
    result = records_to_segments(records, RULES, len(text))
    joined = result.preamble + tuple(r for block in result.blocks for r in block.records)
    assert joined == records


def test_a_vertical_table_is_one_table_of_its_block() -> None:
    labels = HEADER_ROW.split("\t")
    values = VALUE_ROW.split("\t")
    vertical = [f"{label}: {value}" for label, value in zip(labels, values, strict=True)]
    result = segments("Nr.proiect/acronim _1 CLS/A", *vertical, "", *vertical)
    assert [(numbers(block.records)[0], block.has_header) for block in result.blocks] == [
        (1, True),
        (10, False),
    ]
    assert [(block.table, block.table_form) for block in result.blocks] == [
        (1, "vertical"),
        (0, "vertical"),
    ]


def test_a_block_ends_before_the_next_ones_line_and_the_last_at_the_text_end() -> None:
    rows = ("Nr.proiect/acronim _1 CLS/A", HEADER_ROW, VALUE_ROW, "", "")
    rows += ("Nr. proiect / acronim _2 CLS/ B", HEADER_ROW, VALUE_ROW, "Site proiect", "")
    text = "\n".join(rows)
    first, second = records_to_segments(records_of(text), RULES, len(text)).blocks
    assert first.end == text.index("Nr. proiect / acronim _2") - 1
    assert second.end == len(text)
