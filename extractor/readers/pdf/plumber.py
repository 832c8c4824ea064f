"""The reference PDF reader: chars and ruled tables of each page from pdfplumber.

Slower than the pdfium reader, whose numbers it is the check for; chosen with
`--pdf-engine pdfplumber`.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.psparser import PSException
from pdfplumber.page import Page
from pdfplumber.utils.exceptions import PdfminerException

from extractor.readers.pdf.layout import Shape, chars_to_glyphs
from extractor.readers.pdf.problems import damaged, encrypted
from extractor.readers.pdf.reading import PageContent
from extractor.readers.pdf.tables import Grid
from extractor.ruleset import PdfRules

RULED_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}


def read_pages(data: bytes, name: str, rules: PdfRules) -> Iterator[PageContent]:
    """Given a PDF's bytes, each page's glyphs and ruled grids, closing each page once read."""
    try:
        document = pdfplumber.open(io.BytesIO(data))
    except (PdfminerException, PDFPasswordIncorrect, PDFEncryptionError) as error:
        if _encrypted(error):
            raise encrypted(name) from error
        raise damaged(name, error) from error
    except (PSException, ValueError, KeyError, TypeError) as error:
        raise damaged(name, error) from error
    read = 0  # pages read, to name the page that fails
    with document:
        try:
            for page in document.pages:
                content = _read_page(page, len(document.pages), rules)
                page.close()
                read += 1
                yield content
        except (PdfminerException, PSException, ValueError, KeyError, TypeError) as error:
            raise damaged(name, error, read + 1) from error


def _encrypted(error: BaseException) -> bool:
    """Whether opening failed for want of a password (pdfplumber wraps pdfminer's error)."""
    causes = (error, *error.args[:1])
    return any(isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError) for cause in causes)


def _read_page(page: Page, of: int, rules: PdfRules) -> PageContent:
    number = page.page_number
    glyphs = chars_to_glyphs(page.chars, number, rules)
    return PageContent(number, of, float(page.height), glyphs, ruled_grids(page), _shapes(page))


def _shapes(page: Page) -> list[Shape]:
    """Given an open page, its curves and rectangles as plain boxes, filled or outlined."""
    return [
        Shape(
            float(drawn["x0"]),
            float(drawn["top"]),
            float(drawn["x1"]),
            float(drawn["bottom"]),
            bool(drawn.get("fill")),
        )
        for drawn in (*page.curves, *page.rects)
    ]


def ruled_grids(page: Page) -> list[Grid]:
    """Given a pdfplumber page, each ruled table's box and its rows of cell boxes."""
    found = page.find_tables(RULED_SETTINGS)
    return [(table.bbox, [list(row.cells) for row in table.rows]) for table in found]
