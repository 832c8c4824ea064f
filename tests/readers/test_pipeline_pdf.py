"""A report from its PDF gives the content its text gives, with spans placed on pages.

The PDFs are drawn by the tests from content (tests/pdf_fixtures.py): the small
hand-made report and the whole 2019 golden; two more were printed by Chromium
from the same content and committed (tests/print_chromium_fixtures.py). Page furniture is listed as
unparsed `page_furniture`, which the text of the same report does not have, so
the comparisons leave those entries aside; coverage does not count them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from conftest import REPORT_2019, ROOT
from pdf_fixtures import Layout, document, drawn_pdf, render_text
from test_golden import golden_view
from test_pdf import BAD_PDFS, SMALL

from extractor.cli.main import main
from extractor.content import content_view
from extractor.pipeline import extract, normalized_text

GOLDEN_2019 = document("cluster-inovativ-2019")


def without_furniture(document: dict[str, Any]) -> dict[str, Any]:
    """The document's content less the page furniture only a PDF has."""
    content = content_view(document)
    content["unparsed"] = [e for e in content["unparsed"] if e["reason"] != "page_furniture"]
    return content


def extract_pdf(tmp_path: Path, data: bytes, name: str = "report.pdf") -> dict[str, Any]:
    path = tmp_path / name
    path.write_bytes(data)
    return extract(path).model_dump(mode="json")


def spans(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        own = [value] if "char_start" in value and "line_start" in value else []
        return own + [span for item in value.values() for span in spans(item)]
    if isinstance(value, list):
        return [span for item in value for span in spans(item)]
    return []


@pytest.mark.parametrize(
    "layout",
    [
        Layout(bottom_before=frozenset({"header:2", "results:1.2"})),
        Layout(ruled=False, footer="{n}", bottom_before=frozenset({"table:2", "results:1.1"})),
        Layout(split_tables={"table:1": True, "table:3": False}),
    ],
    ids=["ruled", "unruled", "tables-cut"],
)
def test_pdf_and_text_of_one_report_have_the_same_content(tmp_path: Path, layout: Layout) -> None:
    text_path = tmp_path / "report.txt"
    text_path.write_text(render_text(SMALL), encoding="utf-8")
    from_text = extract(text_path).model_dump(mode="json")
    from_pdf = extract_pdf(tmp_path, drawn_pdf("small-report", layout))
    assert without_furniture(from_pdf) == without_furniture(from_text)
    assert from_pdf["source"]["format"] == "pdf" and from_pdf["source"]["pages"] >= 3
    furniture = [e["text"] for e in from_pdf["unparsed"] if e["reason"] == "page_furniture"]
    assert len(furniture) >= 3


@pytest.mark.parametrize(
    "layout",
    [
        Layout(),
        Layout(ruled=False, header=None, footer="{n}"),
        Layout(shape_bullets=True, cut_rows=frozenset({"table:2", "table:7"})),
    ],
    ids=["ruled-with-furniture", "unruled-page-numbers", "shape-bullets-rows-cut"],
)
def test_the_2019_golden_drawn_as_pdf_reads_back_as_the_golden(
    tmp_path: Path, layout: Layout
) -> None:
    document = extract_pdf(tmp_path, drawn_pdf("cluster-inovativ-2019", layout))
    assert document["source"]["pages"] >= 15
    document["unparsed"] = [e for e in document["unparsed"] if e["reason"] != "page_furniture"]
    assert golden_view(document) == GOLDEN_2019


def test_every_span_of_a_pdf_names_its_page_and_a_box_holding_its_text(tmp_path: Path) -> None:
    data = drawn_pdf("small-report", Layout(bottom_before=frozenset({"header:2"})))
    document = extract_pdf(tmp_path, data)
    found = spans(document)
    assert found and all(span["page"] and span["bbox"] for span in found)
    title = document["projects"][1]["spans"]["title"]
    with pdfplumber.open(tmp_path / "report.pdf") as pdf:
        x0, top, x1, bottom = title["bbox"]
        box = (x0 - 0.5, top - 0.5, x1 + 0.5, bottom + 0.5)
        cell = pdf.pages[title["page"] - 1].within_bbox(box)
        assert " ".join(cell.extract_text().split()) == document["projects"][1]["title"]
    assert title["page"] == 3  # the header line ends page 2; the table opens page 3


def test_spans_of_a_pdf_point_into_its_text(tmp_path: Path) -> None:
    document = extract_pdf(tmp_path, drawn_pdf("small-report"))
    text = normalized_text(tmp_path / "report.pdf")
    project = document["projects"][0]
    span = project["spans"]["director"]
    assert text[span["char_start"] : span["char_end"]] == project["director"]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "extractor.cli.main", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_the_command_line_extracts_and_prints_the_text_of_a_pdf(tmp_path: Path) -> None:
    pdf_path = tmp_path / "report.pdf"
    pdf_path.write_bytes(drawn_pdf("small-report"))
    out = tmp_path / "out.json"
    done = _cli("extract", str(pdf_path), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert json.loads(out.read_text("utf-8"))["source"]["format"] == "pdf"
    printed = _cli("text", str(pdf_path))
    assert printed.returncode == 0
    assert "Nr. proiect / acronim _1 CLS/INOV-TREC\n" in printed.stdout


@pytest.mark.parametrize("case", BAD_PDFS)
def test_a_bad_pdf_is_one_line_on_stderr_and_a_failing_exit(tmp_path: Path, case: str) -> None:
    path = tmp_path / f"{case}.pdf"
    path.write_bytes(BAD_PDFS[case][0]())
    done = _cli("extract", str(path))
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert BAD_PDFS[case][2] in done.stderr and "Traceback" not in done.stderr


# Printed once by Chromium from the HTML rendering (tests/print_chromium_fixtures.py).
CHROMIUM_PDFS = ROOT / "tests" / "fixtures" / "chromium"


def test_a_pdf_printed_by_chromium_reads_as_the_same_content(tmp_path: Path) -> None:
    text_path = tmp_path / "report.txt"
    text_path.write_text(render_text(SMALL), encoding="utf-8")
    from_text = extract(text_path).model_dump(mode="json")
    from_pdf = extract(CHROMIUM_PDFS / "small-report.pdf").model_dump(mode="json")
    assert without_furniture(from_pdf) == without_furniture(from_text)


def test_the_2019_golden_printed_by_chromium_reads_back_as_the_golden() -> None:
    # Chromium sets text ragged-right and breaks lines after hyphens ("INNOSUP-" / "01-2018"),
    # which the fpdf2 drawings do not; its running footer ends in a "3/17" page counter.
    document = extract(CHROMIUM_PDFS / "cluster-inovativ-2019.pdf").model_dump(mode="json")
    furniture = [entry for entry in document["unparsed"] if entry["reason"] == "page_furniture"]
    assert len(furniture) == 2 * document["source"]["pages"]  # its header and its footer
    document["unparsed"] = [entry for entry in document["unparsed"] if entry not in furniture]
    assert golden_view(document) == GOLDEN_2019


def test_diff_of_the_2019_text_and_its_pdf_is_empty(tmp_path: Path, capsys) -> None:
    pdf = tmp_path / "cluster-inovativ-2019.pdf"
    pdf.write_bytes(drawn_pdf("cluster-inovativ-2019", Layout()))
    assert main(["diff", str(REPORT_2019), str(pdf), "--format", "json"]) == 0
    diff = json.loads(capsys.readouterr().out)
    assert len(diff["projects"]["unchanged"]) == 12
    assert diff["projects"]["changed"] == diff["projects"]["added"] == []


def test_the_pdfplumber_engine_extracts_the_same_json_from_the_command_line(tmp_path: Path) -> None:
    pdf_path = tmp_path / "report.pdf"
    pdf_path.write_bytes(drawn_pdf("small-report"))
    outputs = {}
    for engine in ("pdfium", "pdfplumber"):
        outputs[engine] = tmp_path / f"{engine}.json"
        done = _cli("extract", str(pdf_path), "-o", str(outputs[engine]), "--pdf-engine", engine)
        assert done.returncode == 0, done.stderr
    assert outputs["pdfium"].read_bytes() == outputs["pdfplumber"].read_bytes()
