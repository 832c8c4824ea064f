"""JSON read back: what makes it no version-1 document, with what to give instead."""

from __future__ import annotations

from typing import Any

import pytest

from extractor.compare.checks import check_document
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
