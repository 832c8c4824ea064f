"""The source side of a review page: the text that spans point into, a line per row.

Each line carries its number and the offset of its first char, so the page
can mark a span's exact chars; lines of warnings and unparsed entries are
marked, and a PDF's text gets a mark where each page starts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import Any

from extractor.text.source import SourceText


@dataclass
class LineMarks:
    """What to flag on source lines: line number -> (css class, note) pairs."""

    marks: dict[int, list[tuple[str, str]]] = field(default_factory=dict)

    def add(self, span: dict[str, Any] | None, css: str, note: str) -> None:
        if not span:
            return
        for number in range(span["line_start"], span["line_end"] + 1):
            self.marks.setdefault(number, []).append((css, note))


def document_marks(document: dict[str, Any]) -> LineMarks:
    """Given a document, its warnings and unparsed lines as marks on the source."""
    marks = LineMarks()
    warnings = [*document["warnings"], *(w for p in document["projects"] for w in p["warnings"])]
    for warning in warnings:
        marks.add(warning.get("span"), "warn", f"warning {warning['code']}: {warning['message']}")
    for entry in document["unparsed"]:
        marks.add(entry["span"], "unparsed", f"unparsed: {entry['reason']}")
    return marks


def line_pages(document: dict[str, Any]) -> dict[int, int]:
    """The page each line starts on, read off the spans (PDF inputs); empty for text."""
    starts: dict[int, int] = {}

    def visit(value: Any) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("page"), int) and isinstance(value.get("line_start"), int):
                starts.setdefault(value["line_start"], value["page"])
            for child in value.values():
                visit(child)
        elif isinstance(value, list):
            for child in value:
                visit(child)

    visit(document)
    return starts


def source_pane(pane: str, text: str, document: dict[str, Any], marks: LineMarks) -> str:
    """Given a pane id, the normalized text and its document, the pane's HTML."""
    pages = line_pages(document)
    rows: list[str] = []
    page = 0
    for line in SourceText(text).lines:
        if pages.get(line.number, 0) > page:
            page = pages[line.number]
            rows.append(f'<div class="page-mark">page {page}</div>')
        flags = marks.marks.get(line.number, [])
        css = " ".join(["line", *dict.fromkeys(flag for flag, _ in flags)])
        note = "; ".join(note for _, note in flags)
        title = f' title="{escape(note)}"' if note else ""
        rows.append(
            f'<div class="{css}" data-pane="{pane}" data-line="{line.number}" '
            f'data-start="{line.start}"{title}><span class="no">{line.number}</span>'
            f'<span class="text">{escape(line.text)}</span></div>'
        )
    return f'<div class="source" id="{pane}">{"".join(rows)}</div>'
