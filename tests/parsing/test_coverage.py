"""Every source line is used or listed as unparsed; coverage counts content, not furniture."""

from __future__ import annotations

from extractor.parsing.coverage import coverage, unparsed_lines
from extractor.text.source import SourceText

TEXT = "Titlu raport\n\n  text pierdut  \n3\nparagraf folosit\n**"
# Why the reading stage leaves lines out, by line number.
REASONS = {4: "page_furniture", 6: "markup_only"}


def test_lines_not_used_are_listed_with_their_reason_and_trimmed_span() -> None:
    source = SourceText(TEXT)
    unparsed = unparsed_lines(source, {1, 5}, REASONS)
    assert [(entry["text"], entry["reason"]) for entry in unparsed] == [
        ("text pierdut", "not_recognized"),
        ("3", "page_furniture"),
        ("**", "markup_only"),
    ]
    span = unparsed[0]["span"]
    assert TEXT[span["char_start"] : span["char_end"]] == "text pierdut"
    assert (span["line_start"], span["line_end"]) == (3, 3)


def test_blank_lines_are_never_unparsed() -> None:
    assert unparsed_lines(SourceText("\n  \n\t\n"), set(), REASONS) == []


def test_coverage_is_the_share_of_visible_chars_used_with_furniture_on_neither_side() -> None:
    source = SourceText(TEXT)
    unparsed = unparsed_lines(source, {1, 5}, REASONS)
    used = len("Titluraport") + len("paragraffolosit")
    assert coverage(source, unparsed) == round(used / (used + len("textpierdut**")), 4)


def test_furniture_alone_does_not_lower_coverage() -> None:
    source = SourceText("conținut\n7")
    assert coverage(source, unparsed_lines(source, {1}, {2: "page_furniture"})) == 1.0


def test_an_empty_text_has_coverage_zero() -> None:
    assert coverage(SourceText(""), []) == 0.0
