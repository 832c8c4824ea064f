"""What a PDF reader gives for each page, and the readers there are."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only types: the command line reads ENGINES without the layout code
    from extractor.readers.pdf.layout import Glyph
    from extractor.readers.pdf.tables import Grid
    from extractor.ruleset import PdfRules

ENGINES = ("pdfium", "pdfplumber")  # the first is the default
DEFAULT_ENGINE = ENGINES[0]


@dataclass(frozen=True)
class PageContent:
    """One page as read: its number, height, glyphs and each ruled table's box and cell rows."""

    number: int
    height: float
    glyphs: list[Glyph]
    grids: list[Grid]


PageReader = Callable[[bytes, str, "PdfRules"], Iterator[PageContent]]


def page_reader(engine: str) -> PageReader:
    """The reader of an engine, imported on first use (each is a heavy import)."""
    if engine == "pdfium":
        from extractor.readers.pdf.pdfium import read_pages
    elif engine == "pdfplumber":
        from extractor.readers.pdf.plumber import read_pages
    else:
        raise ValueError(f"unknown PDF engine {engine!r}: one of {', '.join(ENGINES)}")
    return read_pages
