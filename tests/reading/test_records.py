"""The line-reading stage: one record per line, read once, before any rule."""

from __future__ import annotations

import pytest
from records import RULES, records_of

from extractor.nlp.lemmas import lemma_table
from extractor.reading.records import lines_to_records
from extractor.text.source import SourceText


def test_a_record_holds_the_bare_text_and_its_offsets() -> None:
    text = "intro\n\n   - **Planul de acțiune;**\n"
    [_, record] = records_of(text)
    assert record.indent == 3
    assert record.marker is not None and record.marker.glyph == "-"
    assert record.bold
    assert record.bare == "Planul de acțiune;"
    assert text[record.bare_start : record.bare_end] == "Planul de acțiune;"
    assert text[record.start : record.end] == "   - **Planul de acțiune;**"
    assert record.content == "**Planul de acțiune;**"


def test_tabs_count_as_columns_of_indent() -> None:
    [record] = records_of("\to copil")
    assert record.indent == RULES.markup.tab_width


def test_markdown_heading_level_and_no_marker() -> None:
    [record] = records_of("## - nu e listă")
    assert (record.heading_level, record.marker, record.bare) == (2, None, "- nu e listă")


def test_blank_lines_before_and_after() -> None:
    first, second, third = records_of("unu\ndoi\n\ntrei")
    assert (first.after_blank, first.before_blank) == (True, False)
    assert (second.after_blank, second.before_blank) == (False, True)
    assert (third.after_blank, third.standalone) == (True, True)


def test_a_glued_bold_heading_is_a_record_of_its_own() -> None:
    text = (
        "Site proiect<https://x.ro/a>**Obiectivul proiectului:**\nText cu **bold** **nu e titlu**"
    )
    records = records_of(text)
    assert [r.text for r in records] == [
        "Site proiect<https://x.ro/a>",
        "**Obiectivul proiectului:**",
        "Text cu **bold** **nu e titlu**",
    ]
    assert records[1].glued and records[1].section == "objective"


def test_headings_are_marked_by_meaning_only_on_lines_of_their_own() -> None:
    text = (
        "Rezultate\n\n"
        "- Rezultate\n\n"
        "Primul paragraf care se termină\nrezultate\n\n"
        "Activitățile implementate și rezultatele obținute pentru Etapa nr. 2 :\n"
    )
    records = records_of(text)
    assert [(r.bare, r.section, r.subheading) for r in records] == [
        ("Rezultate", "results", False),
        ("Rezultate", None, False),
        ("Primul paragraf care se termină", None, False),
        ("rezultate", None, False),
        (
            "Activitățile implementate și rezultatele obținute pentru Etapa nr. 2 :",
            None,
            True,
        ),
    ]


def test_a_heading_with_its_text_right_below_it_opens_a_section() -> None:
    """`pdftotext -layout` writes no blank line below a heading: after a blank, a line
    ending in a colon, or with a sub-heading right below it, still opens its section."""
    text = (
        "Principalele rezultate:\nS-au elaborat două studii.\n\n"
        "Obiectivul proiectului\n"
        "Activitățile implementate și rezultatele obținute pentru Etapa nr. 1 :\n"
        "Un paragraf\nActivități în curs:\n\n"
        "1. Rezultate:\ncu o listă dedesubt\n\n"
        "Obiectivul proiectului\nfără două puncte\n"
    )
    records = records_of(text)
    assert [(r.bare, r.section) for r in records] == [
        ("Principalele rezultate:", "results"),
        ("S-au elaborat două studii.", None),
        ("Obiectivul proiectului", "objective"),
        ("Activitățile implementate și rezultatele obținute pentru Etapa nr. 1 :", None),
        ("Un paragraf", None),
        ("Activități în curs:", None),  # no blank line above: a paragraph's last line
        ("Rezultate:", None),  # a numbered item introducing its sub-list
        ("cu o listă dedesubt", None),
        ("Obiectivul proiectului", None),  # no colon, no sub-heading below: maybe wrapped
        ("fără două puncte", None),
    ]


def test_furniture_is_marked_and_a_blank_line_around_it_still_separates() -> None:
    text = "Un paragraf\n\nPagina 1 din 2\n\ncare continuă"
    records = records_of(text)
    assert [r.furniture for r in records] == [False, True, False]
    assert records[2].after_blank


def test_furniture_without_blank_lines_is_transparent() -> None:
    text = "Un paragraf\n- 2 -\ncare continuă"
    records = records_of(text)
    assert [r.furniture for r in records] == [False, True, False]
    assert not records[2].after_blank


def test_lines_the_loader_found_to_be_furniture() -> None:
    records = lines_to_records(SourceText("Antet\nText").lines, RULES, lemma_table(), {1})
    assert [r.furniture for r in records] == [True, False]


def test_marker_or_markup_alone_is_empty() -> None:
    assert [r.is_empty for r in records_of("-\n\n**\n\n•\n\n- text")] == [True, True, True, False]


def test_italic_that_runs_past_the_line_end() -> None:
    first, second = records_of("- *începe aici\ncontinuă*")
    assert first.opens_italic and not first.italic
    assert not second.opens_italic


def test_a_piece_before_a_glued_heading_ends_at_its_last_word() -> None:
    text = "Text înainte de titlu \t**Obiectivul proiectului:**"
    first, heading = records_of(text)
    assert (first.text, first.bare, heading.text) == (
        "Text înainte de titlu",
        "Text înainte de titlu",
        "**Obiectivul proiectului:**",
    )
    assert text[first.start : first.end] == "Text înainte de titlu"


def test_the_longest_metadata_label_recurring_alone_is_no_furniture() -> None:
    """A vertical table repeats its labels in every project: structure, not a running head."""
    longest = max((h for c in RULES.table.columns for h in c.headers), key=len)
    block = f"**{longest}:**\n\n{{}}\n\n**Regiunea:**\n\nCentru\n\nUn paragraf.\n\n"
    records = records_of("".join(block.format(n) for n in (12, 31, 7, 45)))
    assert [r.bare for r in records if r.furniture] == []


def test_a_markdown_heading_indented_by_spaces_keeps_its_level() -> None:
    [record] = records_of("  ## Rezultate")
    assert (record.heading_level, record.indent, record.bare) == (2, 2, "Rezultate")


def test_a_markdown_heading_in_bold_is_one_record() -> None:
    [record] = records_of("## **Obiectivul proiectului:**")
    assert (record.heading_level, record.bold, record.bare) == (2, True, "Obiectivul proiectului:")
    assert record.section == "objective"


@pytest.mark.parametrize(
    ("text", "bare", "bold", "italic"),
    [
        ("- ****", "****", False, False),
        ("##   ", "##", False, False),
        ("**Nota** de mai sus **Obiectivul proiectului:**", "**Nota** de mai sus", False, False),
        ("**Nota de mai sus **Obiectivul proiectului:**", "**Nota de mai sus", False, False),
    ],
    ids=[
        "marks-alone-after-a-marker-stay",
        "heading-marks-alone-stay",
        "bold-at-both-ends-of-the-line-only",
        "bold-opened-before-a-glued-heading",
    ],
)
def test_a_piece_is_peeled_within_its_own_bounds(
    text: str, bare: str, bold: bool, italic: bool
) -> None:
    """A marker, heading marks or a glued heading bound the piece emphasis is peeled from
    (`test_markup` has emphasis on whole texts)."""
    record = records_of(text)[0]
    assert (record.bare, record.bold, record.italic) == (bare, bold, italic)


def test_a_page_number_opening_the_text_follows_no_label() -> None:
    """The first line has no line before it: the label last of all is not taken for one."""
    records = records_of("3\n\nRegiunea\n\nCentru\n\nDomeniu")
    assert [record.furniture for record in records] == [True, False, False, False]


def test_a_website_line_recurring_without_a_url_is_no_running_head() -> None:
    """Projects without a site say so on their website line: the same words, recurring."""
    block = "Site proiect în construcție\n\nUn paragraf despre proiect.\n\n"
    assert not any(record.furniture for record in records_of(block * 3))


def test_a_column_laid_table_header_recurring_in_every_project_is_no_furniture() -> None:
    """`pdftotext -layout` repeats each project's table header, wrapped labels and all."""
    header = (
        "Titlu        Perioadă       Coordonator   Director   Nr. membri   Regiunea   Domeniu\n"
        "             implementare                 proiect    cluster\n"
    )
    block = header + "Proiect {}     01.06.2018 -   Asociația {}   {}    32   Sud   Energie\n\n"
    projects = [("A", "X", "Ana Pop"), ("B", "Y", "Ion Pop"), ("C", "Z", "Eva Ene")]
    records = records_of("".join(block.format(*project) for project in projects))
    assert [record.bare for record in records if record.furniture] == []


def test_a_column_laid_header_and_its_wrapped_labels_are_no_furniture_a_head_below_is() -> None:
    """Labels in capitals wrap to lines that start in capitals, as a running head does; a
    page break right below the header puts the next page's head there."""
    header = (
        "TITLU        PERIOADĂ       COORDONATOR   DIRECTOR   NR. MEMBRI   REGIUNEA   DOMENIU\n"
        "             IMPLEMENTARE                 PROIECT    CLUSTER\n"
        "RAPORT UEFISCDI\n"
    )
    block = header + "Proiect {}     01.06.2018 -   Asociația {}   {}    32   Sud   Energie\n\n"
    projects = [("A", "X", "Ana Pop"), ("B", "Y", "Ion Pop"), ("C", "Z", "Eva Ene")]
    records = records_of("".join(block.format(*project) for project in projects))
    assert [record.bare for record in records if record.furniture] == ["RAPORT UEFISCDI"] * 3


@pytest.mark.parametrize(
    ("above", "heading"),
    [
        ("Un paragraf încheiat.\n3\n", "results"),
        ("Un paragraf **încheiat.**\n3\n", "results"),
        ("Un paragraf care merge\n3\n", None),
        ("Un paragraf încheiat.\n", None),
    ],
    ids=[
        "page-break-after-a-sentence",
        "page-break-after-a-sentence-in-bold",
        "page-break-inside-a-sentence",
        "no-page-break",
    ],
)
def test_a_heading_at_a_page_top_after_a_finished_sentence_opens_its_section(
    above: str, heading: str | None
) -> None:
    """pdftotext: a page number, then the next page's heading, with no blank line."""
    records = records_of(f"{above}Principalele rezultate:\nS-a realizat agenda.")
    [record] = [record for record in records if record.bare == "Principalele rezultate:"]
    assert record.section == heading


def test_a_record_after_page_furniture_knows_a_page_break_came_between() -> None:
    records = records_of("Un paragraf,\n\n3\n\ncare merge.\n\nAlt paragraf.")
    assert [(r.bare, r.after_page_break) for r in records if not r.furniture] == [
        ("Un paragraf,", False),
        ("care merge.", True),
        ("Alt paragraf.", False),
    ]


def test_the_first_record_follows_no_page_break_even_with_furniture_last() -> None:
    records = records_of("Primul rând.\n\nAl doilea.\n\n3")
    assert records[-1].furniture
    assert not records[0].after_page_break


def test_a_record_after_a_page_number_opening_the_text_follows_a_page_break() -> None:
    records = records_of("3\n\nPrimul rând.")
    assert records[0].furniture
    assert records[1].after_page_break
