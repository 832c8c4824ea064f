"""A diff for people: a terminal report (colour optional) and a Markdown note.

Both start with the summary, then list each changed project with its field
changes (old → new) and its item changes grouped by section, each pointing to
where it stands in the old and the new document. In a reworded item the words
that changed are marked, since a long item often differs by one number.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Any

from extractor.compare.documents import has_differences
from extractor.content import SECTION_KEYS

_ITEM_MARKS = {"added": "+", "removed": "-", "modified": "~"}
_SIDES = {"added": "new", "removed": "old"}
_COLOURS = {"added": "32", "removed": "31", "modified": "33", "title": "1", "where": "2"}
_CHANGED_WORDS = "7"  # reverse video, inside the line's own colour


def where(span: dict[str, Any] | None) -> str:
    """Given a span or None, `line N` or `page P, line N`, or empty when unknown.

    >>> where({"page": 3, "line_start": 40})
    'page 3, line 40'
    """
    if not span:
        return ""
    line = f"line {span['line_start']}"
    return f"page {span['page']}, {line}" if span.get("page") else line


def one_place(side: str, span: dict[str, Any] | None) -> str:
    """`old line N` for one side, or empty when the span is unknown."""
    return f"{side} {where(span)}" if span else ""


def both_places(spans: dict[str, Any]) -> str:
    """Given `{old, new}` spans, `old line N, new line M`, leaving out an unknown side."""
    return ", ".join(place for side in ("old", "new") if (place := one_place(side, spans[side])))


def word_changes(old: str, new: str) -> list[tuple[str, str]]:
    """Given two texts, runs of words: `=` in both, `-` only in old, `+` only in new.

    >>> word_changes("24 de firme", "30 de firme")
    [('-', '24'), ('+', '30'), ('=', 'de firme')]
    """
    old_words, new_words = old.split(" "), new.split(" ")
    runs: list[tuple[str, str]] = []
    matcher = SequenceMatcher(None, old_words, new_words, autojunk=False)
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if operation == "equal":
            runs.append(("=", " ".join(old_words[old_start:old_end])))
            continue
        if old_end > old_start:
            runs.append(("-", " ".join(old_words[old_start:old_end])))
        if new_end > new_start:
            runs.append(("+", " ".join(new_words[new_start:new_end])))
    return runs


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

    def at(place: str) -> str:
        return f"  {paint(f'({place})', 'where')}" if place else ""

    def reworded(runs: list[tuple[str, str]], keep: str, role: str) -> str:
        """One side of a reworded item; with colour, its changed words in reverse video."""
        if not colour:
            return " ".join(text for operation, text in runs if operation in ("=", keep))
        base = f"\x1b[{_COLOURS[role]}m"
        words = [
            f"\x1b[{_CHANGED_WORDS}m{text}\x1b[27m" if operation == keep else text
            for operation, text in runs
            if operation in ("=", keep)
        ]
        return f"{base}{' '.join(words)}\x1b[0m"

    projects = diff["projects"]
    title = f"{old_label} ({diff['old']['as_of']}) → {new_label} ({diff['new']['as_of']})"
    lines = [paint(title, "title"), *summary_lines(diff)]
    for kind in ("added", "removed"):
        if projects[kind]:
            lines += ["", paint(f"Projects {kind}:", "title")]
        for entry in projects[kind]:
            text = f"{_ITEM_MARKS[kind]} {project_name(entry)}: {entry['title']}"
            lines.append("  " + paint(text, kind) + at(one_place(_SIDES[kind], entry.get("span"))))
    for change in projects["changed"]:
        heading = paint(f"Project {project_name(change)}", "title")
        lines += ["", f"{heading} (matched by {change['match']}){at(both_places(change['spans']))}"]
        for field in change["fields"]:
            text = f"{field['path']}: {_value(field['old'])} → {_value(field['new'])}"
            lines.append("  " + paint(text, "modified") + at(both_places(field["spans"])))
        for section, entries in _by_section(change["items"]):
            lines.append(f"  {section}:")
            for kind, entry in entries:
                if kind == "modified":
                    runs = word_changes(entry["old"], entry["new"])
                    lines.append("    ~ " + reworded(runs, "-", "removed"))
                    lines.append(
                        "      → " + reworded(runs, "+", "added") + at(both_places(entry["spans"]))
                    )
                else:
                    text = paint(f"{_ITEM_MARKS[kind]} {entry['text']}", kind)
                    lines.append(f"    {text}" + at(one_place(_SIDES[kind], entry["span"])))
    return "\n".join(lines) + "\n"


def render_markdown(diff: dict[str, Any], old_label: str, new_label: str) -> str:
    """Given a diff and names for its two inputs, a Markdown report to paste into a note."""
    projects = diff["projects"]
    lines = [
        f"# Diff: `{old_label}` ({diff['old']['as_of']}) → `{new_label}` ({diff['new']['as_of']})",
        "",
        *(f"- {line}" for line in summary_lines(diff)),
    ]
    for kind in ("added", "removed"):
        if projects[kind]:
            lines += ["", f"## Projects {kind}", ""]
        for entry in projects[kind]:
            suffix = _suffix(one_place(_SIDES[kind], entry.get("span")))
            lines.append(f"- **{project_name(entry)}**: {_escape(entry['title'])}{suffix}")
    for change in projects["changed"]:
        suffix = _suffix(both_places(change["spans"]))
        lines += ["", f"## {project_name(change)}", "", f"Matched by {change['match']}{suffix}."]
        places = [both_places(field["spans"]) for field in change["fields"]]
        header, rule = ("| field | old | new | where |", "|---|---|---|---|")
        if not any(places):  # documents without provenance: no empty column
            header, rule = header.removesuffix(" where |"), rule.removesuffix("---|")
        if change["fields"]:
            lines += ["", header, rule]
        for field, place in zip(change["fields"], places, strict=True):
            row = f"| `{field['path']}` | {_escape(_value(field['old']))} "
            row += f"| {_escape(_value(field['new']))} |"
            lines.append(f"{row} {place} |" if any(places) else row)
        for section, entries in _by_section(change["items"]):
            lines += ["", f"### {section}", ""]
            for kind, entry in entries:
                if kind == "modified":
                    text = _inline_changes(word_changes(entry["old"], entry["new"]))
                    suffix = _suffix(both_places(entry["spans"]))
                else:
                    text = _escape(entry["text"])
                    text = f"~~{text}~~" if kind == "removed" else text
                    suffix = _suffix(one_place(_SIDES[kind], entry["span"]))
                lines.append(f"- {kind}: {text}{suffix}")
    return "\n".join(lines) + "\n"


def _inline_changes(runs: list[tuple[str, str]]) -> str:
    """A reworded item as one line: removed words struck through, added words in bold."""
    marks = {"=": "{}", "-": "~~{}~~", "+": "**{}**"}
    return " ".join(marks[operation].format(_escape(text)) for operation, text in runs)


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


def _suffix(place: str) -> str:
    return f" ({place})" if place else ""


def _escape(text: str) -> str:
    """Text safe inside a Markdown table cell or list item: no stray pipes, tildes or stars."""
    for char in "\\|~*_`":
        text = text.replace(char, "\\" + char)
    return text
