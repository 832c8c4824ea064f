"""The 2019 report laid out by Chromium and by LibreOffice reads as the golden on the PDF side.

The PDFs are committed in tests/drift/engines/ (see its README). What the PDF
reader owns is checked here: every table field, every list item with its kind and
depth, the cover lines. The engines set each project's header line bold, which
the text side does not read as a header yet: it lands as the last item before
it, and the acronym stays empty; both are left aside here.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest
import regex
from conftest import GOLDEN, ROOT
from test_golden import golden_view

from extractor.pipeline import extract

PDF_ENGINES = ROOT / "tests" / "drift" / "engines"
GOLDEN_2019 = json.loads((GOLDEN / "cluster-inovativ-2019.json").read_text("utf-8"))
HEADER_LINE = regex.compile(r"^(?:\*\*)?Nr\. proiect\s*/\s*acronim")
SECTIONS = ("objective", "results", "ongoing")


@cache
def read(engine: str) -> dict[str, Any]:
    path = PDF_ENGINES / f"cluster-inovativ-2019-{engine}.pdf"
    return golden_view(extract(path).model_dump(mode="json"))


def items(section: dict[str, Any] | None) -> list[dict[str, Any]]:
    """A section's items less a header line read as an item."""
    if not section:
        return []
    return [item for item in section["items"] if not HEADER_LINE.match(item["text"])]


def fields(project: dict[str, Any]) -> dict[str, Any]:
    left_aside = {"acronym", "warnings", *SECTIONS}
    return {key: value for key, value in project.items() if key not in left_aside}


@pytest.mark.parametrize("engine", ["chromium", "libreoffice"])
def test_every_table_field_and_website_reads_as_the_golden(engine: str) -> None:
    read_back = [fields(project) for project in read(engine)["projects"]]
    assert read_back == [fields(project) for project in GOLDEN_2019["projects"]]


@pytest.mark.parametrize("engine", ["chromium", "libreoffice"])
@pytest.mark.parametrize("section", SECTIONS)
def test_every_item_reads_with_its_kind_and_depth(engine: str, section: str) -> None:
    projects = zip(read(engine)["projects"], GOLDEN_2019["projects"], strict=True)
    for project, golden in projects:
        assert items(project[section]) == items(golden[section]), f"project {golden['number']}"


@pytest.mark.parametrize("engine", ["chromium", "libreoffice"])
def test_the_preamble_and_each_cover_line_read_as_the_golden(engine: str) -> None:
    document = read(engine)
    assert items(document["report"]["preamble"]) == GOLDEN_2019["report"]["preamble"]["items"]
    cover = [entry["text"] for entry in GOLDEN_2019["unparsed"]]
    unparsed = [entry["text"] for entry in document["unparsed"] if entry["text"] in cover]
    assert unparsed == cover
