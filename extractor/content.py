"""The content of an extracted document: what it says, apart from where it says it.

Two extractions say the same thing when their content views are equal, whatever
their input format, input file or provenance. Diffs and golden tests compare this.
"""

from __future__ import annotations

from typing import Any, Literal, get_args

PROVENANCE_KEYS = frozenset({"span", "spans", "source"})

SectionKey = Literal["objective", "results", "ongoing"]
"""The project fields that hold a section: each project's headed parts, in report order."""
SECTION_KEYS: tuple[str, ...] = get_args(SectionKey)


def content_view(document: dict[str, Any]) -> dict[str, Any]:
    """Given a document as plain data, the same data without provenance.

    >>> content_view({"source": {}, "projects": [{"number": 1, "span": {}}]})
    {'projects': [{'number': 1}]}
    """
    return _strip(document)


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _strip(item) for key, item in value.items() if key not in PROVENANCE_KEYS}
    if isinstance(value, list):
        return [_strip(item) for item in value]
    return value
