"""The report side of a review page: the extracted document, project by project.

Every field, item, fact, warning and unparsed line is a `pick`: it names the
spans it came from (`data-spans`: pane, lines, chars), so selecting it marks
them in the source, and a source line finds its pick again.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from extractor.content import SECTION_KEYS
from extractor.export.tables import project_coverage, project_unparsed

SECTION_TITLES = {"objective": "Objective", "results": "Results", "ongoing": "Ongoing"}
REPORT_FIELDS = ("title", "as_of", "competition", "projects_submitted", "projects_funded")
PROJECT_FIELDS = ("acronym", "title", "period", "coordinator", "director", "cluster_members")
PROJECT_FIELDS += ("region", "domain")

SpanRef = tuple[str, dict[str, Any] | None]


def spans_attribute(refs: list[SpanRef]) -> str:
    """`data-spans` of a pick: [[pane, line_start, line_end, char_start, char_end], ...]."""
    found = [
        [pane, span["line_start"], span["line_end"], span["char_start"], span["char_end"]]
        for pane, span in refs
        if span
    ]
    return escape(json.dumps(found, separators=(",", ":")))


def pick(
    tag: str, css: str, refs: list[SpanRef], body: str, *, reverse: bool = True, **data: str
) -> str:
    """An element that selects its spans; `reverse=False` keeps source clicks from picking it."""
    extra = "".join(
        f' data-{key.replace("_", "-")}="{escape(value)}"' for key, value in data.items()
    )
    no_reverse = "" if reverse else ' data-reverse="no"'
    return (
        f'<{tag} class="pick {css}" data-spans="{spans_attribute(refs)}"{no_reverse}{extra}>'
        f"{body}</{tag}>"
    )


def field_text(value: Any) -> str:
    if isinstance(value, dict) and "start" in value:
        return f"{value['start']} to {value['end']}"
    if isinstance(value, dict):
        return " · ".join(str(part) for part in value.values() if part)
    return "" if value is None else str(value)


def field_row(pane: str, name: str, value: Any, span: dict[str, Any] | None) -> str:
    value_html = escape(field_text(value))
    body = f'<span class="key">{escape(name)}</span> <span class="value">{value_html}</span>'
    return pick("div", "field", [(pane, span)], body, field=name)


def fact_text(fact: dict[str, Any]) -> str:
    kind = fact["type"]
    if kind == "quantity":
        return f"{fact['value']} {fact['unit']}"
    if kind == "label":
        return f"{fact['scheme']} {fact['level']} ({fact['status']})"
    if kind == "organization":
        return fact["name"]
    if kind == "date":
        return fact.get("value") or f"{fact['start']} to {fact['end']}"
    return str(fact.get("value", fact["text"]))


def items_html(pane: str, items: list[dict[str, Any]], prefix: str) -> str:
    rows = []
    for index, item in enumerate(items, start=1):
        path = f"{prefix}{index}"
        facts = "".join(
            pick(
                "span",
                f"fact fact-{fact['type']}",
                [(pane, fact["span"])],
                escape(fact_text(fact)),
                reverse=False,
                title=fact["type"],
            )
            for fact in item["facts"]
        )
        children = items_html(pane, item["children"], f"{path}.")
        body = f'<span class="item-text">{escape(item["text"])}</span>'
        if facts:
            body += f'<span class="facts">{facts}</span>'
        rows.append(
            pick("li", f"item {item['kind']}", [(pane, item["span"])], body + children, path=path)
        )
    return f"<ul>{''.join(rows)}</ul>" if rows else ""


def warning_rows(pane: str, warnings: list[dict[str, Any]]) -> str:
    return "".join(
        pick(
            "div",
            "warning",
            [(pane, warning.get("span"))],
            f"<b>{escape(warning['code'])}</b> {escape(warning['message'])}",
        )
        for warning in warnings
    )


def project_html(pane: str, project: dict[str, Any], unparsed: list[dict[str, Any]]) -> str:
    number = project["number"]
    coverage = project_coverage(project, project_unparsed(project, unparsed))
    heading = (
        f'<span class="number">{number}</span> {escape(project.get("acronym") or "(no acronym)")}'
        f'<span class="coverage">coverage {coverage:.1%}</span>'
    )
    if project["warnings"]:
        heading += f'<span class="warn-count">{len(project["warnings"])} warning(s)</span>'
    parts = [pick("h2", "project-head", [(pane, project["span"])], heading, reverse=False)]
    parts.append(warning_rows(pane, project["warnings"]))
    spans = project["spans"]
    parts.append(field_row(pane, "number", number, spans.get("number")))
    for name in PROJECT_FIELDS:
        parts.append(field_row(pane, name, project.get(name), spans.get(name)))
    for url, span in zip(project["websites"], spans.get("websites") or [], strict=False):
        parts.append(field_row(pane, "website", url, span))
    for key in SECTION_KEYS:
        section = project.get(key)
        if not section:
            continue
        head = pick("h3", "section-head", [(pane, section["span"])], escape(section["heading"]))
        parts.append(
            f'<div class="section" data-section="{key}">{head}'
            f"{items_html(pane, section['items'], f'{key}/')}</div>"
        )
    return (
        f'<section class="project" id="project-{number}" data-number="{number}">'
        f"{''.join(parts)}</section>"
    )


def report_pane(pane: str, document: dict[str, Any]) -> str:
    """Given a document and the id of its source pane, the report side's HTML."""
    report = document["report"]
    head = [
        field_row(pane, name, report.get(name), report["spans"].get(name)) for name in REPORT_FIELDS
    ]
    head.append(warning_rows(pane, document["warnings"]))
    projects = [
        project_html(pane, project, document["unparsed"]) for project in document["projects"]
    ]
    unparsed = "".join(
        pick(
            "div",
            f"unparsed-entry {entry['reason']}",
            [(pane, entry["span"])],
            f'<span class="key">line {entry["span"]["line_start"]}</span> {escape(entry["text"])}',
        )
        for entry in document["unparsed"]
    )
    return (
        f'<div class="report"><section class="report-head">{"".join(head)}</section>'
        f"{''.join(projects)}"
        f'<section class="unparsed-list"><h2>Unparsed lines ({len(document["unparsed"])})</h2>'
        f"{unparsed}</section></div>"
    )
