"""Read the report's own fields from the text before the first project.

The title line gives the title and the as-of date; the preamble's prose gives
the competition and how many projects were submitted and funded.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from extractor.parsing.fields import parse_date
from extractor.parsing.findings import Finding
from extractor.parsing.fragments import Fragment
from extractor.parsing.items import fragments_to_items
from extractor.ruleset import Rules
from extractor.text.cleaning import clean_text
from extractor.text.source import Line, SourceText


@dataclass
class PreambleRead:
    report: dict[str, Any] = field(default_factory=dict)
    used: set[int] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)


def preamble_to_report(
    lines: Sequence[Line],
    source: SourceText,
    rules: Rules,
    to_fragments: Callable[[Sequence[Line]], list[Fragment]],
) -> PreambleRead:
    """Given the preamble's lines, the report's fields, their spans, and the lines used."""
    read = PreambleRead(report={"title": None, "as_of": None, "spans": {}})
    title_index = next(
        (i for i, line in enumerate(lines) if rules.document.title.pattern.match(line.text)), None
    )
    if title_index is None:
        read.findings.append(Finding("missing_title", "no line reads as the report title"))
        body = lines
    else:
        _read_title(lines[title_index], source, rules, read)
        body = lines[title_index + 1 :]
    heading_index = next(
        (i for i, line in enumerate(body) if rules.document.preamble.heading.match(line.text)), None
    )
    prose = body if heading_index is None else body[heading_index + 1 :]
    if heading_index is not None:
        _read_prose(body[heading_index], prose, source, rules, to_fragments, read)
    if prose:
        _read_statements(prose[0].start, prose[-1].end, source, rules, read)
    return read


def _read_prose(
    heading: Line,
    prose: Sequence[Line],
    source: SourceText,
    rules: Rules,
    to_fragments: Callable[[Sequence[Line]], list[Fragment]],
    read: PreambleRead,
) -> None:
    """The preamble as a section: its heading, then its paragraphs as items."""
    fragments = to_fragments(prose)
    wording = rules.document.preamble.heading.match(heading.text)["heading"]
    start = heading.start + heading.text.find(wording)
    read.report["preamble"] = {
        "heading": clean_text(heading.text),
        "items": fragments_to_items(fragments, source, rules),
        "span": source.span(start, heading.start + len(heading.text.rstrip())),
    }
    read.used.add(heading.number)
    read.used.update(fragment.line.number for fragment in fragments)


def _read_title(line: Line, source: SourceText, rules: Rules, read: PreambleRead) -> None:
    match = rules.document.title.pattern.match(line.text)
    start = line.start + len(line.text) - len(line.text.lstrip())
    end = line.start + len(line.text.rstrip())
    read.report["title"] = clean_text(source.text[start:end])
    read.report["spans"]["title"] = source.span(start, end)
    read.used.add(line.number)
    date_start, date_end = (line.start + offset for offset in match.span("as_of"))
    try:
        read.report["as_of"] = parse_date(match["as_of"]).isoformat()
        read.report["spans"]["as_of"] = source.span(date_start, date_end)
    except ValueError:
        read.findings.append(
            Finding("invalid_date", f"{match['as_of']!r} is no calendar date", date_start, date_end)
        )


def _read_statements(
    start: int, end: int, source: SourceText, rules: Rules, read: PreambleRead
) -> None:
    """The competition name and the counts, where the preamble's prose states them."""
    prose = source.text[start:end]
    patterns = rules.document.preamble
    for key, pattern in (
        ("competition", patterns.competition),
        ("projects_submitted", patterns.submitted),
        ("projects_funded", patterns.funded),
    ):
        match = pattern.search(prose)
        if match is None:
            read.report[key] = None
            if key != "competition":
                read.findings.append(Finding("missing_count", f"the preamble does not state {key}"))
            continue
        group_start, group_end = (start + offset for offset in match.span(key))
        value = clean_text(source.text[group_start:group_end])
        read.report[key] = value if key == "competition" else int(value)
        read.report["spans"][key] = source.span(group_start, group_end)
