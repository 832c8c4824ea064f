"""Read one project block: header line, metadata table, website, and three sections."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from extractor.content import SECTION_KEYS
from extractor.parsing.fields import FIELD_PROCESSORS
from extractor.parsing.findings import Finding
from extractor.parsing.items import Piece, joined_in_cell, records_to_items
from extractor.parsing.segment import Block
from extractor.parsing.table import TableStart, read_table
from extractor.parsing.website import label_length, read_websites
from extractor.reading.records import Record
from extractor.ruleset import Rules
from extractor.text.cleaning import clean_text, pieces_text
from extractor.text.source import SourceText


@dataclass
class BlockRead:
    project: dict[str, Any]
    used: set[int] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)


def block_to_project(
    block: Block,
    expected_number: int,
    source: SourceText,
    rules: Rules,
    words: Sequence[str],
) -> BlockRead:
    """Given a block and the number the sequence expects, the project as plain data.

    `words` are the known word forms that tell a word cut at a line's end.
    """
    first = block.records[0]
    read = BlockRead(project={"number": expected_number, "acronym": None, "spans": {}})
    read.project["span"] = source.span(first.line.start, block.end)
    if block.has_header:
        _read_header(first, source, rules, read)
    else:
        read.findings.append(
            Finding(
                "missing_header",
                f"no header line: number {expected_number} inferred, acronym unknown",
                first.line.start,
                first.line.end,
            )
        )
    body_start = 1 if block.has_header else 0
    if block.table is None or block.table_form is None:
        read.findings.append(
            Finding("missing_table", "no metadata table", first.line.start, first.line.end)
        )
    else:
        start = TableStart(block.table, block.table_form, block.table + 1)
        body_start = _read_table(block.records, start, source, rules, words, read)
    _read_body(block.records[body_start:], source, rules, words, read)
    return read


def _read_header(record: Record, source: SourceText, rules: Rules, read: BlockRead) -> None:
    match = rules.document.project.header_match(record.bare)
    number_start, number_end = (record.bare_start + offset for offset in match.span("number"))
    read.project["number"] = int(match["number"])
    read.project["spans"]["number"] = source.span(number_start, number_end)
    acronym_start, acronym_end = (record.bare_start + offset for offset in match.span("acronym"))
    acronym = clean_text(source.text[acronym_start:acronym_end])
    if acronym:
        read.project["acronym"] = acronym
        read.project["spans"]["acronym"] = source.span(acronym_start, acronym_end)
    read.used.add(record.line.number)


def _read_table(
    records: Sequence[Record],
    start: TableStart,
    source: SourceText,
    rules: Rules,
    words: Sequence[str],
    read: BlockRead,
) -> int:
    """Read the table at `start` into the project; return the index after it.

    A cell wrapped over lines joins as `items.joined_in_cell` says."""
    table = read_table(records, start, rules.table, rules.sections.website, source.text)
    read.used.update(table.used)
    read.findings.extend(table.findings)
    for name, (processor, code) in FIELD_PROCESSORS.items():
        cell = table.cells.get(name)
        if cell is None:
            read.project[name] = None
            read.findings.append(Finding("missing_field", f"the table has no {name} cell"))
            continue
        width = max(end - start for start, end in cell.pieces)
        pieces: list[Piece] = []
        for start, end in cell.pieces:
            piece = (start, end, False)
            if pieces:
                pieces[-1], piece = joined_in_cell(source.text, pieces[-1], piece, width, words)
            pieces.append(piece)
        value, problem = processor(pieces_text(source.text, pieces), rules)
        read.project[name] = value
        read.project["spans"][name] = source.span(cell.start, cell.pieces[-1][1])
        if problem:
            read.findings.append(Finding(code, f"{name}: {problem}", cell.start, cell.end))
    return table.next_index


def _section_heading(record: Record, rules: Rules) -> tuple[str, int]:
    """A section heading's text as written (markup and numbering aside) and where it starts."""
    line = record.line
    numbering = rules.sections.heading.numbering.match(record.bare)
    if numbering:
        start = record.bare_start + numbering.end()
    else:
        start = record.start + len(record.text) - len(record.text.lstrip())
    return clean_text(line.text[start - line.start : record.end - line.start].lstrip("#")), start


def _read_body(
    records: Sequence[Record],
    source: SourceText,
    rules: Rules,
    words: Sequence[str],
    read: BlockRead,
) -> None:
    """The website and the sections; other records before the first section stay unused."""
    sections: dict[str, dict[str, Any]] = {}
    section_records: dict[str, list[Record]] = {}
    websites: list[tuple[int, int]] = []
    current: str | None = None
    content = [record for record in records if not record.furniture]
    index = 0
    while index < len(content):
        record = content[index]
        key = record.section
        if key is not None:
            current = key
            read.used.add(record.line.number)
            if key in sections:
                read.findings.append(
                    Finding(
                        "duplicate_section", f"a second {key} heading", record.start, record.end
                    )
                )
            else:
                heading, start = _section_heading(record, rules)
                sections[key] = {"heading": heading, "span": source.span(start, record.end)}
                section_records[key] = []
            index += 1
        elif label_length(record, rules.sections.website) is not None:
            ranges, after, extra = read_websites(content, index, rules.sections.website)
            websites.extend(ranges)
            if extra:
                read.findings.append(
                    Finding(
                        "extra_text",
                        f"the website line also says {extra!r}, which no field takes",
                        record.start,
                        record.end,
                    )
                )
            read.used.update(r.line.number for r in content[index:after])
            index = after
        else:
            if current is not None and not record.is_empty:
                section_records[current].append(record)
            index += 1
    for key, collected in section_records.items():
        items = records_to_items(collected, source, rules, words)
        sections[key]["items"] = items.items
        read.findings.extend(items.findings)
        read.used.update(record.line.number for record in collected)
    read.project["websites"] = [source.text[start:end] for start, end in websites]
    read.project["spans"]["websites"] = [source.span(start, end) for start, end in websites]
    if not websites:
        start, end = (content[0].start, content[0].end) if content else (None, None)
        read.findings.append(Finding("missing_website", "no project website", start, end))
    for key in SECTION_KEYS:
        read.project[key] = sections.get(key)
        if key not in sections:
            read.findings.append(Finding("missing_section", f"no {key} section"))
