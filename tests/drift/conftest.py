"""The drift suite's one door into the extractor: a report's bytes in, its document out."""

from __future__ import annotations

from typing import Any

import extractor


def extract_bytes(data: bytes, name: str) -> dict[str, Any]:
    """The document extracted from a report's bytes through the public API, as JSON data."""
    return extractor.extract(data, name=name).model_dump(mode="json")
