"""Findings: a documented code, a message, and the source range they become a span of."""

from __future__ import annotations

import pytest

from extractor.parsing.findings import Finding
from extractor.text.source import SourceText

SOURCE = SourceText("prima linie\na doua linie\n")


def test_an_undocumented_code_is_refused() -> None:
    with pytest.raises(ValueError, match="undocumented warning code 'no_such_code'"):
        Finding("no_such_code", "mesaj")


def test_a_finding_without_a_place_has_no_span() -> None:
    warning = Finding("missing_title", "no title").to_warning(SOURCE)
    assert warning == {"code": "missing_title", "message": "no title", "span": None}


def test_a_finding_with_a_range_spans_it() -> None:
    span = Finding("extra_text", "rest", 14, 18).to_warning(SOURCE)["span"]
    assert (span["char_start"], span["char_end"], span["line_start"]) == (14, 18, 2)


def test_a_finding_with_a_start_only_spans_to_the_end_of_its_line() -> None:
    span = Finding("extra_text", "rest", 14).to_warning(SOURCE)["span"]
    assert (span["char_start"], span["char_end"]) == (14, len("prima linie\na doua linie"))
    assert (span["line_start"], span["line_end"]) == (2, 2)


def test_a_range_ending_before_its_start_is_empty_at_the_start() -> None:
    span = Finding("extra_text", "rest", 14, 3).to_warning(SOURCE)["span"]
    assert (span["char_start"], span["char_end"]) == (14, 14)
