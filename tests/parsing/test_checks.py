"""Checks across the document: the preamble's funded count and the numbering of projects."""

from __future__ import annotations

from extractor.parsing.checks import document_findings

COUNT_SPAN = {"page": None, "line_start": 30, "line_end": 30, "char_start": 900, "char_end": 902}


def test_a_report_that_adds_up_has_no_finding() -> None:
    report = {"projects_funded": 3, "spans": {"projects_funded": COUNT_SPAN}}
    assert document_findings(report, [1, 2, 3]) == []


def test_a_funded_count_unlike_the_blocks_is_a_count_mismatch_at_the_count() -> None:
    report = {"projects_funded": 12, "spans": {"projects_funded": COUNT_SPAN}}
    (finding,) = document_findings(report, [1, 2])
    assert finding.code == "count_mismatch"
    assert finding.message == "the preamble says 12 projects were funded, the report has 2"
    assert (finding.start, finding.end) == (900, 902)


def test_no_stated_count_is_no_mismatch() -> None:
    assert document_findings({"projects_funded": None}, [1, 2]) == []


def test_numbers_out_of_sequence_are_named() -> None:
    (finding,) = document_findings({}, [1, 3, 2])
    assert finding.code == "number_sequence"
    assert "[1, 3, 2]" in finding.message
    assert finding.start is None
