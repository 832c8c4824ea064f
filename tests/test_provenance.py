"""Every span points at its value in the text that `extractor text` prints."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import REPORT_2019

from extractor.pipeline import run
from extractor.ruleset import load_rules
from extractor.text.cleaning import clean
from extractor.text.source import SourceText

BULLETS = load_rules().markup.bullets


@pytest.fixture(scope="module")
def extraction() -> tuple[dict[str, Any], SourceText]:
    result = run(REPORT_2019)
    return result.document.model_dump(mode="json"), result.source


def items(section: dict[str, Any] | None) -> Iterator[dict[str, Any]]:
    if section is None:
        return
    stack = list(reversed(section["items"]))
    while stack:
        item = stack.pop()
        yield item
        stack.extend(reversed(item["children"]))


def sections(document: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield document["report"]["preamble"]
    for project in document["projects"]:
        for key in ("objective", "results", "ongoing"):
            if project[key]:
                yield project[key]


def at(source: SourceText, span: dict[str, Any]) -> str:
    assert source.line_at(span["char_start"]).number == span["line_start"]
    assert source.line_at(max(span["char_start"], span["char_end"] - 1)).number == span["line_end"]
    return source.text[span["char_start"] : span["char_end"]]


def test_every_item_is_the_cleaned_text_of_its_span(extraction) -> None:
    document, source = extraction
    checked = 0
    for section in sections(document):
        assert clean(at(source, section["span"])).text == section["heading"]
        for item in items(section):
            assert clean(at(source, item["span"]), bullets=BULLETS).text == item["text"]
            checked += 1
    assert checked == 232  # every item of the 2019 report, preamble included


def test_every_project_field_span_holds_its_value(extraction) -> None:
    document, source = extraction
    for project in document["projects"]:
        spans = project["spans"]
        if spans["number"]:
            assert at(source, spans["number"]) == str(project["number"])
        for field in ("acronym", "title", "coordinator", "director", "domain"):
            if project[field] is not None:
                assert clean(at(source, spans[field])).text == project[field], field
        assert clean(at(source, spans["region"])).text == project["region"]["raw"]
        assert at(source, spans["cluster_members"]) == str(project["cluster_members"])
        start, end = (project["period"][key] for key in ("start", "end"))
        written = at(source, spans["period"])
        assert start[:4] in written and end[:4] in written
        assert [at(source, span) for span in spans["websites"]] == project["websites"]
        assert at(source, project["span"]).strip()


def test_project_spans_tile_the_report(extraction) -> None:
    document, _ = extraction
    blocks = [(p["span"]["line_start"], p["span"]["line_end"]) for p in document["projects"]]
    assert blocks == sorted(blocks)
    assert all(end < next_start for (_, end), (next_start, _) in itertools.pairwise(blocks))


def test_report_field_spans(extraction) -> None:
    document, source = extraction
    report = document["report"]
    assert clean(at(source, report["spans"]["title"])).text == report["title"]
    assert at(source, report["spans"]["as_of"]) == "31.12.2019"
    assert clean(at(source, report["spans"]["competition"])).text == report["competition"]
    assert at(source, report["spans"]["projects_submitted"]) == "16"
    assert at(source, report["spans"]["projects_funded"]) == "12"


def test_unparsed_lines_are_reported_with_their_place(extraction) -> None:
    document, source = extraction
    assert [entry["span"]["line_start"] for entry in document["unparsed"]] == [
        5,
        7,
        9,
        10,
        11,
        12,
        13,
        15,
    ]
    for entry in document["unparsed"]:
        assert at(source, entry["span"]) == entry["text"]
        assert entry["reason"] == "not_recognized"


def test_coverage_counts_all_but_the_cover_page(extraction) -> None:
    document, source = extraction
    visible = sum(1 for ch in source.text if not ch.isspace())
    cover = sum(1 for entry in document["unparsed"] for ch in entry["text"] if not ch.isspace())
    assert document["coverage"] == round((visible - cover) / visible, 4)
    assert document["coverage"] > 0.99
