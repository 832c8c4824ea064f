"""The JSON of a document: the bytes of `json.dumps`, written whole or a project at a time."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import GOLDEN, REPORT_2019
from pdf_fixtures import Layout, render_pdf

from extractor.assembly import DocumentParts, validate
from extractor.emit import json_pieces, to_json, write_output
from extractor.errors import ExtractorError
from extractor.pipeline import document_parts, run_bytes
from extractor.ruleset import load_rules

RULES = load_rules()
GOLDEN_2019 = json.loads((GOLDEN / "cluster-inovativ-2019.json").read_text("utf-8"))


def _standard_json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("kind", ["text", "pdf"])
def test_a_document_is_written_as_json_dumps_writes_it(kind: str) -> None:
    if kind == "text":
        data, name = REPORT_2019.read_bytes(), "report.txt"
    else:
        data, name = render_pdf(GOLDEN_2019, Layout(ruled=False, footer="{n}")), "report.pdf"
    document = run_bytes(data, name, RULES).document
    assert to_json(document) == _standard_json(document.model_dump(mode="json"))


@pytest.mark.parametrize("kind", ["text", "pdf", "empty"])
def test_the_pieces_of_a_document_join_into_its_json(kind: str) -> None:
    """Written a project at a time, a document has the bytes it has written whole."""
    if kind == "pdf":
        data = render_pdf(GOLDEN_2019, Layout(ruled=False, footer="{n}"))
    elif kind == "text":
        data = REPORT_2019.read_bytes()
    else:
        data = b"Stadiul proiectelor\n\nNimic altceva.\n"
    whole = to_json(run_bytes(data, "r", RULES, allow_empty=True).document)
    parts = document_parts(data, RULES, name="r", allow_empty=True)
    pieces = list(json_pieces(parts.opening(), parts.projects(), parts.closing))
    assert "".join(pieces) == whole
    assert len(pieces) == 2 + len(json.loads(whole)["projects"])
    summary = parts.summary()
    assert (summary.projects, summary.coverage) == (
        len(json.loads(whole)["projects"]),
        json.loads(whole)["coverage"],
    )


def test_a_value_set_aside_in_a_streamed_project_lands_in_the_tail() -> None:
    """The refused value's source joins the document's unparsed, and coverage counts it."""
    data = REPORT_2019.read_bytes()

    def spoiled(parts: DocumentParts) -> Iterator[dict[str, Any]]:
        for number, project in enumerate(DocumentParts.project_data(parts), start=1):
            yield {**project, "cluster_members": -3} if number == 2 else project

    parts = document_parts(data, RULES, name="r")
    parts.project_data = lambda: spoiled(parts)  # type: ignore[method-assign]
    streamed = json.loads("".join(json_pieces(parts.opening(), parts.projects(), parts.closing)))
    extraction = run_bytes(data, "r", RULES)
    expected = copy.deepcopy(extraction.data)
    expected["projects"][1]["cluster_members"] = -3
    assert streamed == json.loads(to_json(validate(expected, extraction.source)))
    assert streamed["projects"][1]["cluster_members"] is None
    assert [w["code"] for w in streamed["projects"][1]["warnings"]][-1] == "invalid_value"
    assert len(streamed["unparsed"]) == len(extraction.document.unparsed) + 1
    assert streamed["coverage"] < extraction.document.coverage


def _failing_pieces() -> Iterator[str]:
    yield '{\n  "schema_version": "1.2",\n'
    raise ExtractorError("E050", "r: broke half-way")


def test_pieces_that_fail_half_way_leave_a_file_as_it_was(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(ExtractorError):
        write_output(target, _failing_pieces())
    assert target.read_text(encoding="utf-8") == "old"
    assert [path.name for path in tmp_path.iterdir()] == ["out.json"]


def test_pieces_that_fail_half_way_write_nothing_to_stdout(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(ExtractorError):
        write_output("-", _failing_pieces())
    assert capsys.readouterr().out == ""
