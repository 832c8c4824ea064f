"""Place each span of a document from a PDF on its page: the page number and the box.

Spans point into the normalized text; the normalize stage maps those offsets back
to the loaded text, and the PDF loader knows where each loaded char was printed.
"""

from __future__ import annotations

from typing import Any

from extractor.readers.pdf.document import PdfGeometry
from extractor.text.normalize import Normalized


def place_spans(data: Any, normalized: Normalized, geometry: PdfGeometry) -> Any:
    """Given a document as plain data, a copy whose spans also carry `page` and `bbox`."""
    if isinstance(data, list):
        return [place_spans(item, normalized, geometry) for item in data]
    if not isinstance(data, dict):
        return data
    placed = {key: place_spans(value, normalized, geometry) for key, value in data.items()}
    if "char_start" in data:  # a span: the one object with char offsets
        start = normalized.origin(data["char_start"])
        end = (
            normalized.origin(data["char_end"] - 1) + 1
            if data["char_end"] > data["char_start"]
            else start
        )
        page, box = geometry.locate(start, end)
        placed["page"] = page
        placed["bbox"] = list(box) if box else None
    return placed
