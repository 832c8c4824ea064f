"""A value the schema refuses inside one project is set aside; the rest of the report is kept."""

from __future__ import annotations

import copy

import pytest
from reports import project_block, report

from extractor.assembly import validate
from extractor.errors import ExtractorError
from extractor.pipeline import run_bytes
from extractor.ruleset import load_rules

RULES = load_rules()
TEXT = report(project_block(1, "AAA"), project_block(2, "BBB"))


@pytest.fixture(scope="module")
def extraction():
    return run_bytes(TEXT.encode(), "r.txt", RULES)


def test_a_refused_item_gives_way_to_its_children_and_is_kept_in_unparsed(extraction) -> None:
    data = copy.deepcopy(extraction.data)
    results = data["projects"][1]["results"]["items"]
    child = copy.deepcopy(results[0])
    results[0]["text"] = ""
    results[0]["children"] = [child]
    document = validate(data, extraction.source)
    assert [item.text for item in document.projects[1].results.items] == [child["text"]]
    (warning,) = [w for w in document.projects[1].warnings if w.code == "invalid_value"]
    assert warning.message.startswith("results.items.0.text: String should have at least 1")
    span = results[0]["span"]
    entry = next(e for e in document.unparsed if e.span.char_start == span["char_start"])
    assert entry.text == TEXT[span["char_start"] : span["char_end"]].strip()
    assert document.projects[0] == extraction.document.projects[0]


def test_a_refused_field_becomes_null_with_its_source_kept(extraction) -> None:
    data = copy.deepcopy(extraction.data)
    data["projects"][0]["cluster_members"] = -3
    document = validate(data, extraction.source)
    assert document.projects[0].cluster_members is None
    assert document.projects[0].spans.cluster_members is None
    assert "30" in [entry.text for entry in document.unparsed]
    assert [w.code for w in document.projects[0].warnings] == ["invalid_value"]


def test_a_problem_outside_the_projects_is_a_bug_to_report(extraction) -> None:
    data = copy.deepcopy(extraction.data)
    data["coverage"] = 3.0
    with pytest.raises(ExtractorError) as caught:
        validate(data, extraction.source)
    assert caught.value.code == "E050"
    assert caught.value.message.startswith("r.txt: the extracted data does not fit the schema: cov")
