"""A review page: one self-contained HTML file to check an extraction against its source.

The page holds everything it shows (text, styles, script) and asks for nothing
over the network (its Content-Security-Policy forbids it), so it works when
opened from disk and can be mailed or archived as one file.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from importlib.resources import files
from pathlib import Path
from typing import Any

from extractor.compare.documents import diff_documents
from extractor.errors import E_FORMAT, ExtractorError
from extractor.pipeline import PageProgress, Report, run
from extractor.review.changes import NEW, OLD, change_marks, changes_pane
from extractor.review.report import report_pane
from extractor.review.source import document_marks, source_pane
from extractor.ruleset import DiffRules, Rules

_POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"


@dataclass(frozen=True)
class Reviewed:
    """A report's document as plain data and the text its spans point into."""

    name: str
    document: dict[str, Any]
    text: str


def reviewed(report: Report, rules: Rules, on_page: PageProgress | None = None) -> Reviewed:
    """Given a report (text or PDF), its document and text; a `.json` has no text to show."""
    if not isinstance(report, bytes) and Path(report).suffix.lower() == ".json":
        raise ExtractorError(
            E_FORMAT,
            f"{report}: a review shows the report's own text, which a document does not hold",
            "give the report (.txt or .pdf) the document was extracted from",
        )
    extraction = run(report, rules, on_page=on_page)
    name = "report" if isinstance(report, bytes) else str(report)
    return Reviewed(name, extraction.document.model_dump(mode="json"), extraction.source.text)


def report_page(side: Reviewed) -> str:
    """Given a reviewed report, the page: its source on the left, its document on the right."""
    document = side.document
    warnings = len(document["warnings"]) + sum(len(p["warnings"]) for p in document["projects"])
    facts = (
        f"{len(document['projects'])} projects, {warnings} warning(s), "
        f"{len(document['unparsed'])} unparsed line(s), coverage {document['coverage']:.2%}"
    )
    navigation = "".join(
        f'<a href="#project-{project["number"]}">{project["number"]} '
        f"{escape(project.get('acronym') or '?')}</a>"
        for project in document["projects"]
    )
    source = source_pane("src", side.text, document, document_marks(document))
    body = f'<div class="panes two">{source}{report_pane("src", document)}</div>'
    return _page(f"Review: {side.name}", facts, navigation, body)


def diff_page(old: Reviewed, new: Reviewed, rules: DiffRules) -> str:
    """Given two reviewed reports, the page: both sources side by side, the changes between."""
    diff = diff_documents(old.document, new.document, rules)
    old_marks, new_marks = change_marks(diff)
    summary = diff["summary"]["projects"]
    facts = ", ".join(f"{count} {kind}" for kind, count in summary.items()) + " project(s)"
    body = (
        '<div class="panes three">'
        f"{source_pane(OLD, old.text, old.document, old_marks)}"
        f"{changes_pane(diff)}"
        f"{source_pane(NEW, new.text, new.document, new_marks)}</div>"
    )
    return _page(f"Review: {old.name} → {new.name}", facts, "", body)


def _asset(name: str) -> str:
    return files("extractor.review").joinpath(name).read_text(encoding="utf-8")


def _page(title: str, facts: str, navigation: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="ro"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_asset('review.css')}</style></head>"
        f'<body><header><h1>{escape(title)}</h1><p class="facts">{escape(facts)}</p>'
        f'<nav class="projects">{navigation}</nav></header>{body}'
        f"<script>{_asset('review.js')}</script></body></html>\n"
    )
