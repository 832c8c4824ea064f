"""JSON read back: what makes it no version-1 document, with what to give instead."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import ROOT

from extractor.compare.checks import check_document, checked_document, document_problems
from extractor.errors import ExtractorError
from extractor.models import SCHEMA_VERSION


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ([1, 2], "E040"),
        ({"projects": []}, "E040"),
        ({"schema_version": "1.0", "projects": [{"acronym": "X"}]}, "E040"),
        ({"schema_version": "2.0", "projects": []}, "E041"),
    ],
)
def test_check_document_refuses_what_is_not_a_version_1_document(data: Any, code: str) -> None:
    with pytest.raises(ExtractorError) as error:
        check_document(data, "old.json")
    assert error.value.code == code
    assert "old.json" in error.value.message


def test_check_document_errors_say_what_to_give_instead() -> None:
    again = "extract both reports again with this version of the extractor"
    give = "give the JSON that `extractor extract` wrote, or the report itself"
    cases = [
        ([1], f"E040 old.json: not an extractor document (no schema_version) ({give})"),
        (
            {"schema_version": "1.0", "projects": {}},
            "E040 old.json: not an extractor document (projects is not a list of numbered "
            f"projects) ({give})",
        ),
        (
            {"schema_version": "2.1", "projects": []},
            f"E041 old.json: schema_version 2.1 is not supported (this extractor reads "
            f"{SCHEMA_VERSION}) "
            f"({again})",
        ),
    ]
    for data, error in cases:
        with pytest.raises(ExtractorError) as raised:
            check_document(data, "old.json")
        assert str(raised.value) == error


def test_check_document_accepts_a_minor_version() -> None:
    document = {"schema_version": "1.3", "projects": []}
    assert check_document(document, "x.json") is document


def _problems(data: Any, limit: int) -> list[str]:
    return [error.message for error in document_problems(data, "x.json", limit=limit)]


def test_problems_past_the_limit_are_counted_on_a_last_line() -> None:
    data = {"schema_version": "1.0", "projects": [{"number": 1}, {"number": 2}]}
    every = _problems(data, limit=1000)
    assert len(every) > 3
    assert _problems(data, limit=len(every)) == every
    assert _problems(data, limit=len(every) - 3) == [
        *every[:-3],
        "x.json: 3 more problem(s)",
    ]


def _document() -> dict[str, Any]:
    return json.loads((ROOT / "output" / "cluster-inovativ-2019.json").read_text("utf-8"))


def test_diff_refuses_a_document_with_its_first_problem_saying_whether_there_are_more() -> None:
    one = _document()
    del one["coverage"]
    with pytest.raises(ExtractorError) as raised:
        checked_document(one, "x.json")
    assert raised.value.message == "x.json: coverage: Field required"
    many = {"schema_version": "1.0", "projects": [{"number": 1}]}
    first = _problems(many, limit=1000)[0]
    with pytest.raises(ExtractorError) as raised:
        checked_document(many, "x.json")
    assert raised.value.message == f"{first} (and more problems: `extractor validate` lists them)"


def test_a_valid_document_has_no_problems_and_is_given_back() -> None:
    document = _document()
    assert document_problems(document, "x.json") == []
    assert checked_document(document, "x.json") is document
