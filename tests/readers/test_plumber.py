"""The reference reader's own care: the library's log lines held back, a failing close ignored."""

from __future__ import annotations

import logging

import pdfplumber
import pytest
from pdf_fixtures import drawn_pdf
from test_pdf import PDF_RULES

from extractor.readers.pdf import plumber
from extractor.readers.pdf.document import load_pdf

PLUMBER_LOG = "extractor.readers.pdf.plumber"


def test_the_librarys_log_lines_are_passed_on_at_debug_level_and_kept_off_stderr(
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """On a damaged file pdfminer logs dozens of lines of raw PDF objects: `--debug` shows them."""
    read_page = plumber._read_page

    def warning_on_page_2(page: pdfplumber.page.Page, *rest: object) -> object:
        if page.page_number == 2:  # as pdfminer does when a page's objects are damaged
            logging.getLogger("pdfminer.pdfpage").warning("invalid object 12 0 R")
        return read_page(page, *rest)

    monkeypatch.setattr(plumber, "_read_page", warning_on_page_2)
    with caplog.at_level(logging.DEBUG):
        load_pdf(drawn_pdf("small-report"), "small.pdf", PDF_RULES, engine="pdfplumber")
    held = [(record.name, record.levelname, record.getMessage()) for record in caplog.records]
    assert (PLUMBER_LOG, "DEBUG", "pdfminer.pdfpage: invalid object 12 0 R") in held
    assert not [record for record in held if record[0].startswith("pdfminer")]
    assert capsys.readouterr().err == ""


def test_a_document_that_fails_again_on_closing_gives_its_pages_all_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Closing reads the pages again, so a damaged page raises again there: the pages read stand."""

    def failing_close(self: pdfplumber.PDF) -> None:
        raise ValueError("invalid object 12 0 R")

    data = drawn_pdf("small-report")
    closed = load_pdf(data, "small.pdf", PDF_RULES, engine="pdfplumber")
    monkeypatch.setattr(pdfplumber.PDF, "close", failing_close)
    assert load_pdf(data, "small.pdf", PDF_RULES, engine="pdfplumber") == closed
