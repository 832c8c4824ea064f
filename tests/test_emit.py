"""The JSON of a document: pydantic's encoder writes the bytes of `json.dumps`."""

from __future__ import annotations

import json

import pytest
from conftest import GOLDEN, REPORT_2019
from pdf_fixtures import Layout, render_pdf

from extractor.emit import to_json
from extractor.pipeline import run_bytes
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
