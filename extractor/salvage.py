"""Set aside what the schema refuses inside a project, so one bad value never loses a report.

Given the document as plain data and pydantic's problems with it, each refused
value inside a project is taken out (an item gives way to its children, a field
goes back to its default), its source is kept in `unparsed`, and a warning on
its project says what was refused. A problem outside the projects cannot be set
aside: the caller reports it as a bug.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from extractor.models import Project, ProjectSpans, Span
from extractor.text.source import SourceText

Path = tuple[str | int, ...]

# Lists whose elements can be set aside one by one.
_ELEMENT_LISTS = frozenset({"items", "children", "facts", "websites", "warnings", "esca_labels"})
# Project keys that no default can stand in for: the project is nothing without them.
_REQUIRED = frozenset({"number", "span"})


def set_aside(
    data: dict[str, Any], problems: Sequence[dict[str, Any]], source: SourceText
) -> dict[str, Any] | None:
    """Given the data and pydantic's problems, a copy without the refused values, or None.

    None means a problem lies outside any project's optional parts. The copy's
    `unparsed` holds the values' sources; its coverage is the caller's to count again.
    """
    data = copy.deepcopy(data)
    targets: dict[Path, dict[str, Any]] = {}
    for problem in problems:
        target = _target(data, tuple(problem["loc"]))
        if target is None:
            return None
        targets.setdefault(target, problem)
    for path in sorted(targets, reverse=True):  # later list elements first: indexes stay right
        if any(other != path and path[: len(other)] == other for other in targets):
            continue  # inside a value set aside anyway
        _take_out(data, path, targets[path], source)
    data["unparsed"].sort(key=lambda entry: entry["span"]["char_start"])
    return data


def _target(data: dict[str, Any], loc: Path) -> Path | None:
    """The smallest part of a project holding the refused value: a list element or a field."""
    if len(loc) < 3 or loc[0] != "projects" or not isinstance(loc[1], int):
        return None
    if loc[2] in _REQUIRED or loc[2] not in Project.model_fields:
        return None
    node: Any = data["projects"][loc[1]]
    deepest: Path | None = None
    for depth in range(2, len(loc)):
        key = loc[depth]
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(key, int) and loc[depth - 1] in _ELEMENT_LISTS:
            deepest = loc[: depth + 1]
    return deepest or loc[:3]


def _take_out(
    data: dict[str, Any], path: Path, problem: dict[str, Any], source: SourceText
) -> None:
    """Take the value at `path` out, keep its source in unparsed, and warn on its project."""
    project = data["projects"][path[1]]
    key = str(path[2])
    if isinstance(path[-1], int):
        container = _at(data, path[:-1])
        value = container[path[-1]]
        children = value.get("children") if isinstance(value, dict) else None
        is_item = path[-2] in ("items", "children")
        lifted = children if is_item and isinstance(children, list) else []
        container[path[-1] : path[-1] + 1] = lifted
        span = _span(value.get("span") if isinstance(value, dict) else None, source)
    else:
        value = project[key]
        project[key] = Project.model_fields[key].get_default(call_default_factory=True)
        spans = project.get("spans")
        field_span = None
        if isinstance(spans, dict) and key in ProjectSpans.model_fields:
            field_span = spans.get(key)
            spans[key] = ProjectSpans.model_fields[key].get_default(call_default_factory=True)
        span = _span(field_span if isinstance(field_span, dict) else None, source)
    span = span or _span(project.get("span"), source)
    where = ".".join(str(part) for part in problem["loc"][2:])
    project.setdefault("warnings", []).append(
        {
            "code": "invalid_value",
            "message": f"{where}: {problem['msg']}; left out, its source kept in unparsed",
            "span": span,
        }
    )
    text = source.text[span["char_start"] : span["char_end"]].strip() if span else ""
    if span is not None:
        data["unparsed"].append(
            {"text": text or _shown(value), "reason": "not_recognized", "span": span}
        )


def _at(data: dict[str, Any], path: Path) -> Any:
    node: Any = data
    for key in path:
        node = node[key]
    return node


def _span(span: Any, source: SourceText) -> dict[str, Any] | None:
    """The span if it is a valid one inside the source, else None."""
    if not isinstance(span, dict):
        return None
    try:
        checked = Span.model_validate(span)
    except ValidationError:
        return None
    return span if checked.char_end <= len(source.text) else None


def _shown(value: Any) -> str:
    text = value.get("text") if isinstance(value, dict) else value
    return str(text)[:200]
