"""The drift suite's one door into the extractor: a report's bytes in, its document out."""

from __future__ import annotations

from functools import cache
from typing import Any

from extractor.pipeline import run_bytes
from extractor.ruleset import Rules, load_rules


@cache
def _rules() -> Rules:
    return load_rules()


def extract_bytes(data: bytes, name: str) -> dict[str, Any]:
    """The document extracted from a report's bytes, as JSON data."""
    return run_bytes(data, name, _rules()).document.model_dump(mode="json")
