"""The middle of a diff review page: each change of `extractor diff`, linked to both sources.

A change is a pick whose spans lie in the old pane, the new pane or both, so
selecting it marks its place in each source; the source lines of removed,
added and reworded items are flagged in their pane.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from extractor.review.report import pick
from extractor.review.source import LineMarks

OLD, NEW = "old", "new"


def _value(value: Any) -> str:
    return "(none)" if value is None else json.dumps(value, ensure_ascii=False).strip('"')


def _both(spans: dict[str, Any] | None) -> list[tuple[str, dict[str, Any] | None]]:
    spans = spans or {}
    return [(OLD, spans.get("old")), (NEW, spans.get("new"))]


def change_marks(diff: dict[str, Any]) -> tuple[LineMarks, LineMarks]:
    """Given a diff, the marks it puts on the old source and on the new one."""
    old, new = LineMarks(), LineMarks()
    projects = diff["projects"]
    for project in projects["removed"]:
        old.add(project.get("span"), "del", "project removed")
    for project in projects["added"]:
        new.add(project.get("span"), "add", "project added")
    for change in projects["changed"]:
        for field in change["fields"]:
            old.add(field["spans"]["old"], "mod", f"{field['path']} changed")
            new.add(field["spans"]["new"], "mod", f"{field['path']} changed")
        items = change["items"]
        for item in items["removed"]:
            old.add(item.get("span"), "del", f"{item['section']}: item removed")
        for item in items["added"]:
            new.add(item.get("span"), "add", f"{item['section']}: item added")
        for item in items["modified"]:
            old.add(item["spans"]["old"], "mod", f"{item['section']}: item reworded")
            new.add(item["spans"]["new"], "mod", f"{item['section']}: item reworded")
    return old, new


def _project_title(project: dict[str, Any]) -> str:
    return f'<span class="number">{project["number"]}</span> {escape(project.get("acronym") or "")}'


def _changed_project(change: dict[str, Any]) -> str:
    head = pick(
        "h2",
        "project-head",
        _both(change.get("spans")),
        f"{_project_title(change)} <small>matched by {escape(change['match'])}</small>",
        reverse=False,
    )
    rows = [
        pick(
            "div",
            "change field-change",
            _both(field["spans"]),
            f'<span class="key">{escape(field["path"])}</span> '
            f"<del>{escape(_value(field['old']))}</del>"
            f"<ins>{escape(_value(field['new']))}</ins>",
        )
        for field in change["fields"]
    ]
    items = change["items"]
    for how, pane, tag in (("removed", OLD, "del"), ("added", NEW, "ins")):
        rows += [
            pick(
                "div",
                f"change {how}",
                [(pane, item.get("span"))],
                f'<span class="key">{escape(item["section"])}</span> '
                f"<{tag}>{escape(item['text'])}</{tag}>",
            )
            for item in items[how]
        ]
    rows += [
        pick(
            "div",
            "change modified",
            _both(item["spans"]),
            f'<span class="key">{escape(item["section"])}</span> <del>{escape(item["old"])}</del>'
            f"<ins>{escape(item['new'])}</ins>",
        )
        for item in items["modified"]
    ]
    number = change["number"]
    return f'<section class="project" data-number="{number}">{head}{"".join(rows)}</section>'


def _project_came_or_went(project: dict[str, Any], pane: str, how: str) -> str:
    title = escape(project.get("title") or "")
    body = f"<h2>{_project_title(project)} {how}</h2><p>{title}</p>"
    return pick("section", f"project change {how}", [(pane, project.get("span"))], body)


def changes_pane(diff: dict[str, Any]) -> str:
    """Given a diff with its spans, the list of changes, project by project."""
    projects = diff["projects"]
    parts = [_project_came_or_went(project, OLD, "removed") for project in projects["removed"]]
    parts += [_project_came_or_went(project, NEW, "added") for project in projects["added"]]
    parts += [_changed_project(change) for change in projects["changed"]]
    unchanged = ", ".join(
        f"{entry['number']} {escape(entry.get('acronym') or '')}" for entry in projects["unchanged"]
    )
    summary = diff["summary"]
    counts = ", ".join(f"{count} {kind}" for kind, count in summary["projects"].items())
    return (
        f'<div class="changes"><p class="summary">Projects: {counts}; '
        f"{summary['fields']} field change(s).</p>{''.join(parts)}"
        f'<p class="unchanged">Unchanged: {unchanged or "none"}</p></div>'
    )
