"""One project block read into plain data: what each missing or doubled part gives."""

from __future__ import annotations

from records import RULES, WORDS, records_of
from reports import HEADER_ROW, project_block

from extractor.parsing.project import BlockRead, block_to_project
from extractor.parsing.segment import records_to_segments
from extractor.text.source import SourceText

HEADER = "Nr. proiect / acronim _4 CLS/ABC"


def read_block(text: str, number: int = 1) -> BlockRead:
    [block] = records_to_segments(records_of(text), RULES, len(text)).blocks
    return block_to_project(block, number, SourceText(text), RULES, WORDS)


def found(read: BlockRead) -> list[tuple[str, str, int | None, int | None]]:
    return [(f.code, f.message, f.start, f.end) for f in read.findings]


def test_a_block_without_a_table_warns_on_its_header_line() -> None:
    text = f"{HEADER}\n\nSite proiect\thttp://x.ro\n\nObiectivul proiectului:\n\nText unu.\n"
    read = read_block(text)
    assert found(read)[0] == ("missing_table", "no metadata table", 0, len(HEADER))
    assert (read.project["number"], read.project["acronym"]) == (4, "ABC")
    spans = read.project["spans"]
    assert (spans["number"]["char_start"], spans["number"]["char_end"]) == (23, 24)
    assert (spans["acronym"]["char_start"], spans["acronym"]["char_end"]) == (29, 32)
    assert (text[23:24], text[29:32]) == ("4", "ABC")
    assert "title" not in read.project


def test_a_second_heading_of_a_section_warns_and_its_items_go_on_the_first() -> None:
    second = "Obiectivul proiectului:"
    text = (
        f"{HEADER}\n\nSite proiect\thttp://x.ro\n\nObiectivul proiectului:\n\nText unu.\n\n"
        f"{second}\n\nText doi.\n"
    )
    read = read_block(text)
    start = text.rindex(second)
    assert ("duplicate_section", "a second objective heading", start, start + len(second)) in (
        found(read)
    )
    objective = read.project["objective"]
    assert [item["text"] for item in objective["items"]] == ["Text unu.", "Text doi."]
    assert objective["span"]["char_start"] == text.index(second)


def test_a_numbered_section_heading_is_read_and_spanned_after_its_numbering() -> None:
    text = project_block(1).replace("Obiectivul proiectului:", "II. Obiectivul proiectului:")
    objective = read_block(text).project["objective"]
    start = text.index("Obiectivul proiectului:")
    assert objective["heading"] == "Obiectivul proiectului:"
    assert (objective["span"]["char_start"], objective["span"]["char_end"]) == (
        start,
        start + len("Obiectivul proiectului:"),
    )


def test_a_markdown_section_heading_is_read_without_its_marks() -> None:
    text = project_block(1).replace("Obiectivul proiectului:", "## Obiectivul proiectului")
    objective = read_block(text).project["objective"]
    assert objective["heading"] == "Obiectivul proiectului"
    assert objective["span"]["char_start"] == text.index("## Obiectivul")


def test_a_table_without_a_column_leaves_that_field_unset_and_reads_the_others() -> None:
    text = project_block(1).replace("\tCoordonator", "").replace("\tASOCIAȚIA ABC", "")
    read = read_block(text)
    assert read.project["coordinator"] is None
    assert "coordinator" not in read.project["spans"]
    assert (read.project["title"], read.project["director"], read.project["domain"]) == (
        "Titlul ABC",
        "Ion Popescu",
        "Energie",
    )
    assert found(read) == [("missing_field", "the table has no coordinator cell", None, None)]


def test_a_block_without_a_website_warns_on_its_first_line_after_the_table() -> None:
    text = project_block(1, website="")
    [finding] = read_block(text).findings
    start = text.index("Obiectivul proiectului:")
    assert (finding.code, finding.message) == ("missing_website", "no project website")
    assert (finding.start, finding.end) == (start, start + len("Obiectivul proiectului:"))


def test_text_beside_the_website_is_quoted_on_the_website_line() -> None:
    line = "Site proiect\thttp://example.ro/p în construcție, ediția X"
    text = project_block(1, website=line)
    read = read_block(text)
    assert read.project["websites"] == ["http://example.ro/p"]
    start = text.index(line)
    assert found(read) == [
        (
            "extra_text",
            "the website line also says 'în construcție, ediția X', which no field takes",
            start,
            start + len(line),
        )
    ]


def test_a_block_without_a_header_takes_the_number_the_sequence_expects() -> None:
    text = project_block(None)
    read = read_block(text, 7)
    assert (read.project["number"], read.project["acronym"]) == (7, None)
    first_line = text.splitlines()[0]
    assert found(read) == [
        (
            "missing_header",
            "no header line: number 7 inferred, acronym unknown",
            0,
            len(first_line),
        )
    ]


def test_a_value_the_field_refuses_warns_on_its_cell() -> None:
    text = project_block(1, members="treizeci")
    read = read_block(text)
    assert read.project["cluster_members"] is None
    start = text.index("treizeci")
    assert found(read) == [
        (
            "invalid_members",
            "cluster_members: 'treizeci' is not a positive whole number",
            start,
            start + len("treizeci"),
        )
    ]


def test_a_cell_split_by_a_page_break_reads_its_parts_joined_by_a_space() -> None:
    values = "Titlu\t01.07.2018 - 30.06.2020\tASOCIAȚIA\tIon Popescu\t30\tCentru\tEnergie"
    text = f"{HEADER}\n\n{HEADER_ROW}\n{values}\n8\nABC\t\tABC\t\t\t\t\n"
    read = read_block(text)
    assert (read.project["title"], read.project["coordinator"]) == ("Titlu ABC", "ASOCIAȚIA ABC")


def test_a_block_without_table_or_website_warns_on_its_first_line_after_the_header() -> None:
    text = f"{HEADER}\n\nObiectivul proiectului:\n\nText unu.\n"
    missing = [f for f in found(read_block(text)) if f[0] == "missing_website"]
    start = text.index("Obiectivul")
    assert missing == [
        ("missing_website", "no project website", start, start + len("Obiectivul proiectului:"))
    ]


def test_a_heading_numbered_without_a_dot_keeps_its_number_as_written() -> None:
    """`XI Rezultate` has no numbering the rules know (a dot or bracket after it): the
    heading is kept whole, its roman number a word of it."""
    text = project_block(1).replace("Principalele rezultate:", "XI Principalele rezultate")
    assert read_block(text).project["results"]["heading"] == "XI Principalele rezultate"


def test_a_wrapped_table_cell_joins_at_a_hyphen_as_an_item_does() -> None:
    """A narrow column wraps `Sanda-Mirela` after its hyphen, and cuts `coope-rare`."""
    text = (
        f"{HEADER}\n"
        "Titlu        Perioadă       Coordonator   Director   Nr. membri   Regiunea   Domeniu\n"
        "             implementare                 proiect    cluster\n"
        "O bună       01.06.2018 -   Asociația X   Sanda-     32           Sud        Energie\n"
        "coope-       31.05.2020                   Mirela\n"
        "rare\n\n"
        "Site proiect   http://x.ro\n"
    )
    project = read_block(text).project
    assert (project["title"], project["director"]) == ("O bună cooperare", "Sanda-Mirela")
    assert project["period"] == {"start": "2018-06-01", "end": "2020-05-31"}
