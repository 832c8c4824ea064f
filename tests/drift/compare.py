"""The content a drift transformation must keep, and a short account of what it lost.

Compared: the report's fields and preamble items, each project's fields, and
each section's items as (kind, text, children), so depth counts too. Not
compared: spans, facts, indicators, coverage, `unparsed`, and the wording of
section headings (a transformation may reword or re-case them; the heading is
kept as written). Of the warnings, only the codes in `COMPARED_WARNINGS`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

Content = dict[str, Any]

REPORT_FIELDS = ("title", "as_of", "competition", "projects_submitted", "projects_funded")
PROJECT_FIELDS = (
    "number",
    "acronym",
    "title",
    "period",
    "coordinator",
    "director",
    "cluster_members",
    "region",
    "domain",
    "websites",
)
SECTIONS = ("objective", "results", "ongoing")
COMPARED_WARNINGS = frozenset({"missing_header"})
SHOWN_DIFFERENCES = 8
CONTEXT = 30


def content(document: dict[str, Any]) -> Content:
    """Given a document (or the golden, which has the same keys), the compared content."""
    report = document["report"]
    return {
        "report": {
            **{field: report[field] for field in REPORT_FIELDS},
            "preamble": _items(report["preamble"]),
        },
        "projects": [_project(project) for project in document["projects"]],
    }


def _project(project: dict[str, Any]) -> Content:
    codes = (warning["code"] for warning in project["warnings"])
    return {
        **{field: project[field] for field in PROJECT_FIELDS},
        **{key: _items(project[key]) for key in SECTIONS},
        "warnings": sorted(code for code in codes if code in COMPARED_WARNINGS),
    }


def _items(section: dict[str, Any] | None) -> list[Content] | None:
    return None if section is None else [_item(item) for item in section["items"]]


def _item(item: dict[str, Any]) -> Content:
    return {
        "kind": item["kind"],
        "text": item["text"],
        "children": [_item(child) for child in item["children"]],
    }


def differences(expected: Any, actual: Any, path: str = "") -> Iterator[str]:
    """Each place where `actual` differs from `expected`, outermost first, as one line."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in [*expected, *(key for key in actual if key not in expected)]:
            yield from differences(expected.get(key), actual.get(key), _child(path, key))
    elif isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            yield f"{path}: {len(expected)} entries expected, {len(actual)} found"
        for index in range(max(len(expected), len(actual))):
            here = _child(path, index)
            if index >= len(actual):
                yield f"{here}: missing, expected {_short(expected[index])}"
            elif index >= len(expected):
                yield f"{here}: unexpected {_short(actual[index])}"
            else:
                yield from differences(expected[index], actual[index], here)
    elif expected != actual:
        yield f"{path}: {_contrast(expected, actual)}"


def report(label: str, expected: Content, actual: Content) -> str | None:
    """None when the contents agree, else a short message naming `label` and the first paths."""
    found = list(differences(expected, actual))
    if not found:
        return None
    shown = found[:SHOWN_DIFFERENCES]
    more = f", first {len(shown)}" if len(found) > len(shown) else ""
    lines = "\n  ".join(shown)
    return f"{label}: {len(found)} differences from the 2019 golden{more}:\n  {lines}"


def _child(path: str, key: str | int) -> str:
    if path == "projects" and isinstance(key, int):
        return f"project {key + 1}"
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _short(value: Any) -> str:
    if isinstance(value, dict) and "kind" in value and "text" in value:
        return f"{value['kind']} {_clip(value['text'])}"
    if isinstance(value, dict) and "number" in value:
        return f"project {value['number']} ({value.get('acronym')})"
    return _clip(repr(value))


def _contrast(expected: Any, actual: Any) -> str:
    if not (isinstance(expected, str) and isinstance(actual, str)):
        return f"expected {_short(expected)}, got {_short(actual)}"
    start = next(
        (i for i, (a, b) in enumerate(zip(expected, actual, strict=False)) if a != b),
        min(len(expected), len(actual)),
    )
    begin = max(0, start - CONTEXT)

    def excerpt(text: str) -> str:
        cut = text[begin : start + 2 * CONTEXT]
        return ("…" if begin else "") + repr(cut) + ("…" if start + 2 * CONTEXT < len(text) else "")

    return f"expected {excerpt(expected)}, got {excerpt(actual)}"


def _clip(text: str) -> str:
    return text if len(text) <= 2 * CONTEXT + 10 else text[: 2 * CONTEXT] + "…"
