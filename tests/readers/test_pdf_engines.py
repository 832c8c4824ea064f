"""The pdfium reader (the default) and pdfplumber's (the reference) give the same document.

Every PDF the tests draw is extracted with both. fpdf2's PDFs give the same bytes.
Chromium's and LibreOffice's (printed once by `_print_with_chromium` of
test_pipeline_pdf.py and kept in tests/fixtures/chromium/, and the drift fixtures of
tests/drift/engines/, so no test waits on a browser) give the same document but for
boxes that may differ by up to half a point: pdfium places each glyph with widths
rounded to whole thousandths of an em, where Chromium writes fractional widths that
pdfminer uses as written, so on an 18 pt line the difference adds up to 0.43 pt.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import GOLDEN, ROOT
from pdf_fixtures import Layout, drawn_pdf, render_pdf
from test_pdf import BAD_PDFS, LAYOUTS, SMALL, _one_page

from extractor.emit import to_json
from extractor.errors import ExtractorError
from extractor.pipeline import run_bytes
from extractor.readers.pdf.reading import PDF_ENGINES, page_reader
from extractor.ruleset import load_rules

RULES = load_rules()
GOLDEN_2019 = json.loads((GOLDEN / "cluster-inovativ-2019.json").read_text("utf-8"))
PRINTED = [
    ROOT / "tests" / "fixtures" / "chromium" / "small-report.pdf",
    ROOT / "tests" / "fixtures" / "chromium" / "cluster-inovativ-2019.pdf",
    ROOT / "tests" / "drift" / "engines" / "cluster-inovativ-2019-chromium.pdf",
    ROOT / "tests" / "drift" / "engines" / "cluster-inovativ-2019-libreoffice.pdf",
]

DRAWN: dict[str, Callable[[], bytes]] = {
    **{
        f"small-{name}": (lambda layout=layout: render_pdf(SMALL, layout))
        for name, layout in LAYOUTS.items()
    },
    "small-tables-cut-header-repeated-ruled": lambda: render_pdf(
        SMALL, Layout(split_tables={"table:1": True, "table:3": False})
    ),
    "golden-ruled": lambda: render_pdf(GOLDEN_2019, Layout()),
    "golden-unruled": lambda: render_pdf(
        GOLDEN_2019, Layout(ruled=False, header=None, footer="{n}")
    ),
    "ligatures": lambda: _one_page("Planul de ﬁnanţare şi ﬂuxul ŢĂRII"),
    "combining-marks": lambda: _one_page("Competit\u0326ia s\u0326i finant\u0327are"),
}


def both(data: bytes) -> list[Any]:
    return [
        run_bytes(data, "report.pdf", RULES, allow_empty=True, pdf_engine=engine).document
        for engine in PDF_ENGINES
    ]


@pytest.mark.parametrize("name", DRAWN)
def test_both_readers_give_the_same_bytes_for_a_pdf_fpdf2_draws(name: str) -> None:
    pdfium, pdfplumber = both(DRAWN[name]())
    assert to_json(pdfium) == to_json(pdfplumber)


def _boxes_apart(value: Any) -> tuple[Any, list[float]]:
    """The document without its boxes, and the boxes' numbers in order."""
    if isinstance(value, dict):
        parts = {key: _boxes_apart(item) for key, item in value.items() if key != "bbox"}
        numbers = list(value.get("bbox") or [])
        for _, inner in parts.values():
            numbers.extend(inner)
        return {key: part for key, (part, _) in parts.items()}, numbers
    if isinstance(value, list):
        parts = [_boxes_apart(item) for item in value]
        return [part for part, _ in parts], [n for _, inner in parts for n in inner]
    return value, []


@pytest.mark.parametrize("path", PRINTED, ids=[f"{p.parent.name}/{p.name}" for p in PRINTED])
def test_both_readers_give_the_same_document_for_a_pdf_a_browser_or_office_suite_printed(
    path: Path,
) -> None:
    pdfium, pdfplumber = both(path.read_bytes())
    content, boxes = _boxes_apart(pdfium.model_dump(mode="json"))
    reference, reference_boxes = _boxes_apart(pdfplumber.model_dump(mode="json"))
    assert content == reference
    assert len(boxes) == len(reference_boxes) > 0
    assert max(abs(a - b) for a, b in zip(boxes, reference_boxes, strict=True)) <= 0.5


@pytest.mark.parametrize("case", BAD_PDFS)
def test_both_readers_refuse_a_bad_pdf_with_the_same_code(case: str) -> None:
    make = BAD_PDFS[case][0]
    data = make()
    codes = []
    for engine in PDF_ENGINES:
        with pytest.raises(ExtractorError) as raised:
            run_bytes(data, f"{case}.pdf", RULES, pdf_engine=engine)
        codes.append(raised.value.code)
    assert codes[0] == codes[1] == BAD_PDFS[case][1]


def test_both_readers_read_marker_shapes_filled_or_outlined_alike() -> None:
    """Discs are first-level bullets, circles second-level: the fill is what tells them apart."""
    data = drawn_pdf("small-report", LAYOUTS["shape-bullets-no-gaps"])

    def fills(engine: str) -> list[list[bool]]:
        pages = page_reader(engine)(data, "x.pdf", RULES.pdf)
        return [[shape.filled for shape in page.shapes] for page in pages]

    filled = fills("pdfium")
    assert fills("pdfplumber") == filled
    assert {fill for page in filled for fill in page} == {True, False}
