"""Read the report's own fields from the records before the first project.

The title line gives the title and the as-of date; the preamble's prose gives
the competition and how many projects were submitted and funded.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from extractor.parsing.fields import parse_date
from extractor.parsing.findings import Finding
from extractor.parsing.items import records_to_items
from extractor.reading.records import Record
from extractor.ruleset import Rules
from extractor.text.cleaning import clean_text, pieces_text
from extractor.text.source import SourceText

if TYPE_CHECKING:
    import regex

# The most lines a title takes: a converter may wrap a long one.
TITLE_LINES = 3


@dataclass
class PreambleRead:
    report: dict[str, Any] = field(default_factory=dict)
    used: set[int] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)


def preamble_to_report(
    records: Sequence[Record], source: SourceText, rules: Rules, words: Sequence[str]
) -> PreambleRead:
    """Given the preamble's records, the report's fields, their spans, and the lines used."""
    read = PreambleRead(report={"title": None, "as_of": None, "spans": {}})
    content = [record for record in records if not record.furniture]
    found = next(
        (
            (index, title)
            for index in range(len(content))
            if (title := _title_at(content, index, rules))
        ),
        None,
    )
    if found is None:
        read.findings.append(Finding("missing_title", "no line reads as the report title"))
        body = content
    else:
        index, (lines, match) = found
        _read_title(lines, match, source, rules.nlp.dates.months, read)
        body = content[index + len(lines) :]
    heading_index = next(
        (i for i, r in enumerate(body) if rules.document.preamble.heading.match(r.bare)), None
    )
    prose = body if heading_index is None else body[heading_index + 1 :]
    if heading_index is not None:
        _read_prose(body[heading_index], prose, source, rules, words, read)
    if prose:
        _read_statements(prose[0].start, prose[-1].end, source, rules, read)
    return read


def _read_prose(
    heading: Record,
    prose: Sequence[Record],
    source: SourceText,
    rules: Rules,
    words: Sequence[str],
    read: PreambleRead,
) -> None:
    """The preamble as a section: its heading, then its paragraphs as items."""
    match = rules.document.preamble.heading.match(heading.bare)
    start = heading.bare_start + match.start("heading")
    records = [record for record in prose if not record.is_empty]
    items = records_to_items(records, source, rules, words)
    read.report["preamble"] = {
        "heading": clean_text(heading.bare),
        "items": items.items,
        "span": source.span(start, heading.bare_end),
    }
    read.findings.extend(items.findings)
    read.used.add(heading.line.number)
    read.used.update(record.line.number for record in records)


def _title_at(
    content: Sequence[Record], index: int, rules: Rules
) -> tuple[list[Record], regex.Match[str]] | None:
    """The title's lines and its match, if the title starts at `index`: one line, or up to
    TITLE_LINES lines with no blank between (a converter wraps a long title)."""
    lines: list[Record] = []
    for record in content[index : index + TITLE_LINES]:
        if lines and record.after_blank:
            break
        lines.append(record)
        match = rules.document.title.pattern.match(" ".join(line.bare for line in lines))
        if match:
            return lines, match
    return None


def _read_title(
    lines: list[Record],
    match: regex.Match[str],
    source: SourceText,
    months: Mapping[str, int],
    read: PreambleRead,
) -> None:
    """The title and its date, from its lines and the pattern's match on them joined."""
    start, end = lines[0].bare_start, lines[-1].bare_end
    read.report["title"] = pieces_text(
        source.text, [(r.bare_start, r.bare_end, False) for r in lines]
    )
    read.report["spans"]["title"] = source.span(start, end)
    read.used.update(line.line.number for line in lines)
    date_start = _joined_offset(lines, match.start("as_of"))
    date_end = _joined_offset(lines, match.end("as_of"))
    try:
        read.report["as_of"] = parse_date(match["as_of"], months).isoformat()
        read.report["spans"]["as_of"] = source.span(date_start, date_end)
    except ValueError:
        read.findings.append(
            Finding("invalid_date", f"{match['as_of']!r} is no calendar date", date_start, date_end)
        )


def _joined_offset(lines: Sequence[Record], offset: int) -> int:
    """The source offset of `offset` into the lines' bare texts joined by single spaces."""
    *before, last = lines
    for line in before:
        if offset <= len(line.bare):
            return line.bare_start + offset
        offset -= len(line.bare) + 1
    return last.bare_start + offset


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
