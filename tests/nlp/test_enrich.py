"""The enrich stage: item facts with true spans, project indicators, on small documents and 2019."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from conftest import REPORT_2019

from extractor.errors import E_INVALID, ExtractorError
from extractor.models import Document, Indicators, Item
from extractor.nlp.components import build_nlp
from extractor.nlp.enrich import enrich, project_indicators
from extractor.pipeline import run
from extractor.ruleset import load_rules
from extractor.text.cleaning import clean, leading_marker_length
from extractor.text.source import SourceText

RULES = load_rules()
NLP = build_nlp(RULES)
BULLETS = RULES.markup.bullets

SOURCE = """Principalele rezultate:

- Au fost realizate **24 de audituri** de inovare la 21 septembrie 2018;
- S-a realizat un audit ESCA și a fost obținută medalia de argint;
- S-au efectuat două traininguri
 - *o sesiune de mentorat, www.exemplu.ro*

Activități în curs:

- ESCA Gold Label și 3 studii de piață;
"""


def item(text: str, raw: str, kind: str = "bullet", children: list[Any] | None = None) -> dict:
    """An item whose span is the source line holding `raw`, as the pipeline writes it."""
    start = SOURCE.index(raw)
    end = SOURCE.index("\n", start)
    source = SourceText(SOURCE)
    assert clean(SOURCE[start:end], base=start, bullets=BULLETS).text == text
    text_start = start + leading_marker_length(SOURCE[start:end], BULLETS)
    return {
        "kind": kind,
        "text": text,
        "children": children or [],
        "span": source.span(start, end),
        "pieces": [[text_start, end, False]],
    }


def section(heading: str, items: list[dict]) -> dict:
    return {"heading": heading, "items": items, "span": SourceText(SOURCE).span(0, 1)}


def small_document() -> dict[str, Any]:
    mentoring = item("o sesiune de mentorat, www.exemplu.ro", " - *o sesiune")
    results = [
        item(
            "Au fost realizate 24 de audituri de inovare la 21 septembrie 2018;",
            "- Au fost realizate",
        ),
        item("S-a realizat un audit ESCA și a fost obținută medalia de argint;", "- S-a realizat"),
        item("S-au efectuat două traininguri", "- S-au efectuat", children=[mentoring]),
    ]
    ongoing = [item("ESCA Gold Label și 3 studii de piață;", "- ESCA Gold")]
    return {
        "report": {"preamble": None},
        "projects": [
            {
                "number": 1,
                "objective": None,
                "results": section("Principalele rezultate", results),
                "ongoing": section("Activități în curs", ongoing),
            }
        ],
    }


def enriched() -> dict[str, Any]:
    return enrich(small_document(), SourceText(SOURCE), NLP)


def test_every_item_gets_facts_children_too() -> None:
    project = enriched()["projects"][0]
    results = project["results"]["items"]
    assert [(fact["type"], fact["text"]) for fact in results[0]["facts"]] == [
        ("quantity", "24 de audituri de inovare"),
        ("date", "21 septembrie 2018"),
    ]
    assert [fact["text"] for fact in results[2]["children"][0]["facts"]] == [
        "o sesiune",
        "www.exemplu.ro",
    ]
    assert [fact["type"] for fact in project["ongoing"]["items"][0]["facts"]] == [
        "organization",
        "label",
        "quantity",
    ]


def test_fact_spans_point_at_the_source_also_through_markup() -> None:
    for item_ in _all_items(enriched()):
        for fact in item_["facts"]:
            span = fact["span"]
            raw = SOURCE[span["char_start"] : span["char_end"]]
            assert clean(raw).text == fact["text"]
            line = SOURCE.count("\n", 0, span["char_start"]) + 1
            assert span["line_start"] == span["line_end"] == line
    first = enriched()["projects"][0]["results"]["items"][0]["facts"][0]
    span = first["span"]
    assert SOURCE[span["char_start"] : span["char_end"]] == "24 de audituri** de inovare"


def test_facts_validate_and_keep_the_models_key_order() -> None:
    project = enriched()["projects"][0]
    for item_ in _all_items(enriched()):
        Item.model_validate(item_)
    Indicators.model_validate(project["indicators"])
    quantity = project["results"]["items"][0]["facts"][0]
    assert list(quantity) == ["type", "text", "span", "value", "unit"]
    label = project["results"]["items"][1]["facts"][-1]
    assert list(label) == ["type", "text", "span", "scheme", "level", "status"]


def test_indicators_count_the_results_and_list_each_label_once() -> None:
    indicators = enriched()["projects"][0]["indicators"]
    assert indicators == {
        "esca_labels": [
            {"level": "silver", "status": "achieved"},
            {"level": "gold", "status": "planned"},
        ],
        "counts": {"audit": 25, "sesiune": 1, "training": 2},
    }


def test_a_count_stated_once_is_counted_once() -> None:
    project = enriched()["projects"][0]
    first = project["results"]["items"][0]
    project["results"]["items"].append(copy.deepcopy(first))
    assert project_indicators(project)["counts"]["audit"] == 25


def test_the_input_is_not_changed() -> None:
    document = small_document()
    before = copy.deepcopy(document)
    enrich(document, SourceText(SOURCE), NLP)
    assert document == before


def test_an_item_whose_text_is_not_its_span_is_an_error() -> None:
    document = small_document()
    document["projects"][0]["results"]["items"][0]["text"] = "Alte 3 studii de piață"
    with pytest.raises(ExtractorError) as caught:
        enrich(document, SourceText(SOURCE), NLP)
    assert caught.value.code == E_INVALID
    assert "lines 3-3" in caught.value.message


# ESCA labels of the 12 projects of 2019, read by hand from the source.
ESCA_2019 = {
    1: [],
    2: [("silver", "achieved")],  # "a fost obținută medalia de argint"
    3: [],  # an ESCA audit "pentru reconfirmarea nivelului de excelență": no level named
    4: [("silver", "planned")],  # ongoing: "ESCA Silver Label"
    5: [],
    6: [("gold", "planned")],  # ongoing: "În vederea pregătirii ... pentru Gold Label"
    7: [("silver", "achieved")],  # "Obținerea ... a Certificatului de Excelență SILVER"
    8: [("silver", "planned")],  # "Pentru obținerea medaliei de argint ..., s-a realizat un audit"
    9: [("gold", "planned")],  # ongoing: "în vederea ... certificarea GOLD"
    10: [("silver", "achieved"), ("gold", "planned")],  # "a primit eticheta de argint"; preevaluare
    11: [],
    12: [("silver", "achieved")],  # results: "benchmarking ESCA ... 1 etichetă argint"
}


@pytest.fixture(scope="module")
def report_2019() -> tuple[dict[str, Any], str]:
    extraction = run(REPORT_2019, RULES)
    return extraction.document.model_dump(mode="json"), extraction.source.text


def test_esca_labels_of_every_2019_project(report_2019: tuple[dict[str, Any], str]) -> None:
    document, _ = report_2019
    labels = {
        project["number"]: [
            (label["level"], label["status"]) for label in project["indicators"]["esca_labels"]
        ]
        for project in document["projects"]
    }
    assert labels == ESCA_2019


def test_every_2019_fact_span_holds_its_text(report_2019: tuple[dict[str, Any], str]) -> None:
    document, text = report_2019
    Document.model_validate(document)
    facts = [fact for item_ in _all_items(document) for fact in item_["facts"]]
    assert len(facts) >= 140
    for fact in facts:
        span = fact["span"]
        assert (
            clean(text[span["char_start"] : span["char_end"]], bullets=BULLETS).text == fact["text"]
        )


def _all_items(document: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []

    def walk(items: list[dict[str, Any]]) -> None:
        for item_ in items:
            found.append(item_)
            walk(item_["children"])

    preamble = document["report"].get("preamble")
    if preamble:
        walk(preamble["items"])
    for project in document["projects"]:
        for key in ("objective", "results", "ongoing"):
            if project[key]:
                walk(project[key]["items"])
    return found


def test_parts_listed_after_their_total_are_not_counted_again() -> None:
    def quantity(start: int, value: int, unit: str) -> dict[str, Any]:
        span = {"line_start": 1, "line_end": 1, "char_start": start, "char_end": start + 5}
        return {"type": "quantity", "text": "x", "span": span, "value": value, "unit": unit}

    listing = [quantity(0, 3, "grup"), *(quantity(10 * n, 1, "grup") for n in (1, 2, 3))]
    separate = [quantity(100, 1, "grup"), quantity(110, 1, "grup")]
    too_many = [
        quantity(200, 2, "studiu"),
        *(quantity(200 + 10 * n, 1, "studiu") for n in (1, 2, 3)),
    ]
    items = [
        {"kind": "bullet", "text": "x", "children": [], "span": facts[0]["span"], "facts": facts}
        for facts in (listing, separate, too_many)
    ]
    project = {"results": {"heading": "R", "items": items, "span": items[0]["span"]}}
    assert project_indicators(project)["counts"] == {"grup": 5, "studiu": 5}
