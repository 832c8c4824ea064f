"""A diff for people: a terminal report (colour optional) and a Markdown note.

Both start with the summary, then list each changed project with its field
changes (old → new) and its item changes grouped by section, each pointing to
where it stands in the old and the new document.
"""

from __future__ import annotations

from typing import Any

from extractor.diff import has_differences
from extractor.rules import SECTION_KEYS

_ITEM_MARKS = {"added": "+", "removed": "-", "modified": "~"}
_COLOURS = {"added": "32", "removed": "31", "modified": "33", "title": "1", "where": "2"}


def where(span: dict[str, Any] | None) -> str:
    """Given a span or None, `line N` or `page P, line N`, or empty when unknown.

    >>> where({"page": 3, "line_start": 40})
    'page 3, line 40'
    """
    if not span:
        return ""
    line = f"line {span['line_start']}"
    return f"page {span['page']}, {line}" if span.get("page") else line


def both_places(spans: dict[str, Any]) -> str:
    """Given `{old, new}` spans, `old line N, new line M`, leaving out the unknown side."""
    places = [f"{side} {where(spans[side])}" for side in ("old", "new") if where(spans[side])]
    return ", ".join(places)


def summary_lines(diff: dict[str, Any]) -> list[str]:
    """The summary lines both renderings start with."""
    if not has_differences(diff):
        return [f"No differences ({diff['summary']['projects']['unchanged']} projects unchanged)."]
    summary = diff["summary"]
    projects, items = summary["projects"], summary["items"]
    return [
        f"Projects: {projects['added']} added, {projects['removed']} removed, "
        f"{projects['changed']} changed, {projects['unchanged']} unchanged",
        f"Changes: {summary['fields']} fields; items {items['added']} added, "
        f"{items['removed']} removed, {items['modified']} modified",
    ]


def project_name(entry: dict[str, Any]) -> str:
    """`8 ASTRICONE`, or `6` when the project has no acronym."""
    return " ".join(str(part) for part in (entry["number"], entry.get("acronym")) if part)


def render_terminal(diff: dict[str, Any], old_label: str, new_label: str, colour: bool) -> str:
    """Given a diff and names for its two inputs, the terminal report (ANSI colour if asked)."""

    def paint(text: str, role: str) -> str:
        return f"\x1b[{_COLOURS[role]}m{text}\x1b[0m" if colour and text else text

    def at(text: str) -> str:
        return f"  {paint(f'({text})', 'where')}" if text else ""

    projects = diff["projects"]
    lines = [
        paint(
            f"{old_label} ({diff['old']['as_of']}) → {new_label} ({diff['new']['as_of']})", "title"
        ),
        *summary_lines(diff),
    ]
    for kind in ("added", "removed"):
        if projects[kind]:
            lines += ["", paint(f"Projects {kind}:", "title")]
        for entry in projects[kind]:
            place = where(entry.get("span"))
            side = "new" if kind == "added" else "old"
            text = f"{_ITEM_MARKS[kind]} {project_name(entry)}: {entry['title']}"
            lines.append("  " + paint(text, kind) + at(f"{side} {place}" if place else ""))
    for change in projects["changed"]:
        lines += [
            "",
            paint(f"Project {project_name(change)}", "title")
            + f" (matched by {change['match']})"
            + at(both_places(change["spans"])),
        ]
        for field in change["fields"]:
            text = f"{field['path']}: {_value(field['old'])} → {_value(field['new'])}"
            lines.append("  " + paint(text, "modified") + at(both_places(field["spans"])))
        for section, entries in _by_section(change["items"]):
            lines.append(f"  {section}:")
            for kind, entry in entries:
                mark = _ITEM_MARKS[kind]
                if kind == "modified":
                    lines.append("    " + paint(f"{mark} {entry['old']}", "removed"))
                    lines.append(
                        "      "
                        + paint(f"→ {entry['new']}", "added")
                        + at(both_places(entry["spans"]))
                    )
                else:
                    side = "new" if kind == "added" else "old"
                    place = where(entry["span"])
                    text = paint(f"{mark} {entry['text']}", kind)
                    lines.append(f"    {text}" + at(f"{side} {place}" if place else ""))
    return "\n".join(lines) + "\n"


def render_markdown(diff: dict[str, Any], old_label: str, new_label: str) -> str:
    """Given a diff and names for its two inputs, a Markdown report to paste into a note."""
    projects = diff["projects"]
    old_label, new_label = _code(old_label), _code(new_label)
    lines = [
        f"# Diff: {old_label} ({diff['old']['as_of']}) → {new_label} ({diff['new']['as_of']})",
        "",
        *(f"- {line}" for line in summary_lines(diff)),
    ]
    for kind in ("added", "removed"):
        if projects[kind]:
            lines += ["", f"## Projects {kind}", ""]
        for entry in projects[kind]:
            place = where(entry.get("span"))
            side = "new" if kind == "added" else "old"
            suffix = f" ({side} {place})" if place else ""
            lines.append(f"- **{project_name(entry)}**: {_cell(entry['title'])}{suffix}")
    for change in projects["changed"]:
        place = both_places(change["spans"])
        suffix = f" ({place})" if place else ""
        lines += ["", f"## {project_name(change)}", "", f"Matched by {change['match']}{suffix}."]
        if change["fields"]:
            lines += ["", "| field | old | new | where |", "|---|---|---|---|"]
            for field in change["fields"]:
                lines.append(
                    f"| `{field['path']}` | {_cell(_value(field['old']))} "
                    f"| {_cell(_value(field['new']))} | {both_places(field['spans'])} |"
                )
        for section, entries in _by_section(change["items"]):
            lines += ["", f"### {section}", ""]
            for kind, entry in entries:
                if kind == "modified":
                    place = both_places(entry["spans"])
                    text = f"~~{_cell(entry['old'])}~~ → {_cell(entry['new'])}"
                else:
                    side = "new" if kind == "added" else "old"
                    place = f"{side} {where(entry['span'])}" if where(entry["span"]) else ""
                    text = _cell(entry["text"])
                    text = f"~~{text}~~" if kind == "removed" else text
                suffix = f" ({place})" if place else ""
                lines.append(f"- {kind}: {text}{suffix}")
    return "\n".join(lines) + "\n"


def _by_section(items: dict[str, list[dict[str, Any]]]) -> list[tuple[str, list[tuple[str, Any]]]]:
    """Given a project's item changes, per section in report order: (kind, entry) pairs."""
    grouped = []
    for section in SECTION_KEYS:
        entries = [
            (kind, entry)
            for kind in ("added", "removed", "modified")
            for entry in items[kind]
            if entry["section"] == section
        ]
        if entries:
            grouped.append((section, entries))
    return grouped


def _value(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, list):
        return ", ".join(str(element) for element in value) or "(none)"
    return str(value)


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell or list item."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("~", "\\~")


def _code(text: str) -> str:
    return f"`{text}`"
