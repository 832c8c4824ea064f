"""The report's own fields, read from the records before the first project."""

from __future__ import annotations

import pytest
from records import RULES, WORDS, records_of
from reports import project_block, report

from extractor.parsing.preamble import PreambleRead, preamble_to_report
from extractor.parsing.segment import records_to_segments
from extractor.text.source import SourceText


def read_preamble(text: str) -> PreambleRead:
    preamble = records_to_segments(records_of(text), RULES, len(text)).preamble
    return preamble_to_report(preamble, SourceText(text), RULES, WORDS)


def test_the_title_line_gives_the_title_the_date_and_their_spans() -> None:
    text = report(project_block(1))
    read = read_preamble(text)
    title = text.splitlines()[0]
    assert (read.report["title"], read.report["as_of"]) == (title, "2020-12-31")
    spans = read.report["spans"]
    assert (spans["title"]["char_start"], spans["title"]["char_end"]) == (0, len(title))
    date = title.index("31.12.2020")
    assert (spans["as_of"]["char_start"], spans["as_of"]["char_end"]) == (date, date + 10)
    assert read.findings == []


@pytest.mark.parametrize("cut", [" la ", "Cluster inovativ” "], ids=["date-below", "three-lines"])
def test_a_title_wrapped_over_lines_is_read_whole(cut: str) -> None:
    """A converter wraps a long title: up to three lines, no blank between."""
    text = report(project_block(1)).replace(cut, cut.rstrip() + "\n", 1)
    if cut != " la ":
        text = text.replace(" la ", " la\n", 1)
    read = read_preamble(text)
    title = "Stadiul proiectelor “Cluster inovativ” la 31.12.2020"
    assert (read.report["title"], read.report["as_of"]) == (title, "2020-12-31")
    spans = read.report["spans"]
    date = text.index("31.12.2020")
    assert (spans["as_of"]["char_start"], spans["as_of"]["char_end"]) == (date, date + 10)
    assert (spans["title"]["char_start"], spans["title"]["char_end"]) == (0, date + 10)
    assert read.used >= {1, 2}


def test_a_title_goes_on_over_no_blank_line_nor_past_three_lines() -> None:
    apart = report(project_block(1)).replace(" la ", " la\n\n", 1)
    assert read_preamble(apart).report["title"] is None
    four = report(project_block(1)).replace(" ", "\n", 3)
    assert read_preamble(four).report["title"] is None


def test_a_title_date_not_in_the_calendar_warns_on_the_date_and_keeps_the_title() -> None:
    text = report(project_block(1)).replace("31.12.2020", "31.02.2020")
    read = read_preamble(text)
    date = text.index("31.02.2020")
    assert [(f.code, f.message, f.start, f.end) for f in read.findings] == [
        ("invalid_date", "'31.02.2020' is no calendar date", date, date + 10)
    ]
    assert read.report["as_of"] is None and "as_of" not in read.report["spans"]
    assert read.report["title"].endswith("31.02.2020")


def test_the_counts_and_competition_are_read_from_the_prose_with_spans() -> None:
    text = report(project_block(1), funded=9)
    read = read_preamble(text)
    assert (read.report["projects_submitted"], read.report["projects_funded"]) == (16, 9)
    assert read.report["competition"] == "Organizare și dezvoltare cluster"
    funded = read.report["spans"]["projects_funded"]
    assert text[funded["char_start"] : funded["char_end"]] == "9"
    heading = read.report["preamble"]
    assert heading["heading"] == "PREAMBUL"
    assert text[heading["span"]["char_start"] : heading["span"]["char_end"]] == "PREAMBUL"
    assert read.used == {1, 3, 5, 7}


def test_the_preamble_heading_span_starts_at_its_word_past_punctuation() -> None:
    text = report(project_block(1)).replace("PREAMBUL", "(PREAMBUL)")
    span = read_preamble(text).report["preamble"]["span"]
    assert span["char_start"] == text.index("PREAMBUL")


def test_a_report_without_a_title_line_warns_once() -> None:
    text = report(project_block(1)).split("\n", 2)[2]
    read = read_preamble(text)
    assert [(f.code, f.message, f.start, f.end) for f in read.findings] == [
        ("missing_title", "no line reads as the report title", None, None)
    ]
    assert (read.report["title"], read.report["as_of"]) == (None, None)


def test_the_counts_are_read_from_the_preamble_only() -> None:
    """A project that states a count of its own does not give the report's."""
    statement = "Această competiție a reunit 16 proiecte depuse, dintre care 1 proiecte au fost "
    block = project_block(1) + "\n\nÎn regiune 5 proiecte au fost finanțate.\n"
    read = read_preamble(report(block).replace(statement, "Competiția a avut succes, "))
    assert (read.report["projects_submitted"], read.report["projects_funded"]) == (None, None)
    assert [f.code for f in read.findings] == ["missing_count", "missing_count"]


@pytest.mark.parametrize(
    ("written", "as_of"),
    [
        ("31 decembrie 2020", "2020-12-31"),
        ("5 Martie 2021", "2021-03-05"),
        ("30 sept. 2021", "2021-09-30"),
        ("data de 31.12.2020", "2020-12-31"),
        ("data de 1 iunie 2021", "2021-06-01"),
        ("31/12/2020", "2020-12-31"),
    ],
)
def test_the_title_date_may_name_its_month_and_follow_la_data_de(written: str, as_of: str) -> None:
    text = report(project_block(1)).replace("31.12.2020", written, 1)
    read = read_preamble(text)
    assert read.report["as_of"] == as_of and read.findings == []
    date = written.removeprefix("data de ")
    span = read.report["spans"]["as_of"]
    assert text[span["char_start"] : span["char_end"]] == date


@pytest.mark.parametrize("wrapped", ["31 decembrie\n2020", "31 decembrie\n    **2020**"])
def test_a_title_date_in_words_wrapped_spans_both_its_lines(wrapped: str) -> None:
    text = report(project_block(1)).replace("31.12.2020", wrapped, 1)
    read = read_preamble(text)
    assert read.report["as_of"] == "2020-12-31"
    assert read.report["title"] == "Stadiul proiectelor “Cluster inovativ” la 31 decembrie 2020"
    span = read.report["spans"]["as_of"]
    assert text[span["char_start"] : span["char_end"]] == wrapped.removesuffix("**")


@pytest.mark.parametrize("written", ["31 decembre 2020", "31.13.2020", "0 mai 2020", "31/02/2020"])
def test_a_title_date_of_no_known_month_or_day_warns_and_keeps_the_title(written: str) -> None:
    text = report(project_block(1)).replace("31.12.2020", written, 1)
    read = read_preamble(text)
    start = text.index(written)
    assert [(f.code, f.message, f.start, f.end) for f in read.findings] == [
        ("invalid_date", f"{written!r} is no calendar date", start, start + len(written))
    ]
    assert read.report["as_of"] is None and read.report["title"].endswith(written)


COUNT_STATEMENT = "Această competiție a reunit 16 proiecte depuse, dintre care 1 proiecte au fost "


@pytest.mark.parametrize(
    ("statement", "counts"),
    [
        ("Au fost depuse 16 propuneri de proiecte, dintre care au fost finanțate 9.", (16, 9)),
        ("În 2020 au fost depuse 24 de propuneri, dintre care 3 au fost finanțate.", (24, 3)),
        ("În 2019 au fost finanțate 12 proiecte din 30 de proiecte depuse.", (30, 12)),
        ("Dintre cele 16 proiecte depuse, 4 proiecte sunt finanțate.", (16, 4)),
        ("Din 20 de propuneri depuse au fost finanțate 2018-2019 proiecte.", (20, None)),
        ("Au fost depuse 7 propuneri și au fost finanțate 12 milioane de lei.", (7, None)),
        ("Au fost depuse 7 propuneri și au fost finanțate 2.5 proiecte.", (7, None)),
        ("Au fost depuse 7 propuneri, dintre care au fost finanțate 20 %.", (7, None)),
    ],
)
def test_the_counts_are_read_as_other_writers_word_them(
    statement: str, counts: tuple[int | None, int | None]
) -> None:
    text = report(project_block(1)).replace(COUNT_STATEMENT + "finanțate.", statement)
    assert statement in text
    read = read_preamble(text)
    assert (read.report["projects_submitted"], read.report["projects_funded"]) == counts


def test_a_title_in_capitals_is_read() -> None:
    title = "STADIUL PROIECTELOR „CLUSTER INOVATIV” LA 31 DECEMBRIE 2020"
    text = report(project_block(1)).replace(
        "Stadiul proiectelor “Cluster inovativ” la 31.12.2020", title
    )
    read = read_preamble(text)
    assert (read.report["title"], read.report["as_of"]) == (title, "2020-12-31")
