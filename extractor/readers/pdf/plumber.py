"""The reference PDF reader: chars and ruled tables of each page from pdfplumber.

Slower than the pdfium reader, whose numbers it is the check for; chosen with
`--pdf-engine pdfplumber`.
"""

from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager, suppress

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.page import Page

from extractor.readers.pdf.layout import Shape, chars_to_glyphs
from extractor.readers.pdf.problems import damaged, encrypted
from extractor.readers.pdf.reading import PageContent
from extractor.readers.pdf.tables import Grid
from extractor.ruleset import PdfRules

RULED_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}


def read_pages(data: bytes, name: str, rules: PdfRules) -> Iterator[PageContent]:
    """Given a PDF's bytes, each page's glyphs and ruled grids, closing each page once read."""
    with _library_messages_held():
        try:
            document = pdfplumber.open(io.BytesIO(data))
        except Exception as error:  # a damaged file makes the parser raise almost anything
            if _encrypted(error):
                raise encrypted(name) from error
            raise damaged(name, error) from error
        read = 0  # pages read, to name the page that fails
        try:
            for page in document.pages:
                content = _read_page(page, len(document.pages), rules)
                page.close()
                read += 1
                yield content
        except Exception as error:  # as above: objects read lazily, page by page
            raise damaged(name, error, read + 1) from error
        finally:
            with suppress(Exception):  # closing reads the pages again: a bad one raises again
                document.close()


@contextmanager
def _library_messages_held() -> Iterator[None]:
    """Keep pdfminer's and pdfplumber's warnings and log lines off stderr.

    On a damaged file they print dozens of lines of raw PDF objects; they are
    passed on to this module's logger at debug level, which `--debug` shows.
    """
    held = _Held()
    loggers = [logging.getLogger(name) for name in _LIBRARY_LOGGERS]
    saved = [(logger.level, logger.propagate) for logger in loggers]
    for logger in loggers:
        logger.addHandler(held)
        logger.setLevel(logging.WARNING)
        logger.propagate = False
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield
    finally:
        for logger, (level, propagate) in zip(loggers, saved, strict=True):
            logger.removeHandler(held)
            logger.setLevel(level)
            logger.propagate = propagate
        for record in held.records:
            _LOG.debug("%s: %s", record.name, record.getMessage())
        for warning in caught:
            _LOG.debug("%s: %s", warning.category.__name__, warning.message)


_LIBRARY_LOGGERS = ("pdfminer", "pdfplumber")
_LOG = logging.getLogger(__name__)


class _Held(logging.Handler):
    """A log handler that keeps the records instead of printing them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


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
