"""Read one project block: header line, metadata table, website, and three sections."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from extractor.parsing.fields import FIELD_PROCESSORS
from extractor.parsing.findings import Finding
from extractor.parsing.fragments import Fragment
from extractor.parsing.items import fragments_to_items, section_key
from extractor.parsing.segment import Block
from extractor.parsing.table import is_header_row, read_table
from extractor.parsing.website import label_length, read_websites
from extractor.ruleset import SECTION_KEYS, Rules
from extractor.text.cleaning import clean_text
from extractor.text.source import Line, SourceText


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
    to_fragments: Callable[[Sequence[Line]], list[Fragment]],
) -> BlockRead:
    """Given a block and the number the sequence expects, the project as plain data."""
    first = block.lines[0]
    read = BlockRead(project={"number": expected_number, "acronym": None, "spans": {}})
    read.project["span"] = source.span(first.start, block.lines[-1].end)
    if block.has_header:
        _read_header(first, source, rules, read)
    else:
        read.findings.append(
            Finding(
                "missing_header",
                f"no header line: number {expected_number} inferred, acronym unknown",
                first.start,
                first.end,
            )
        )
    table_index = next(
        (i for i, line in enumerate(block.lines) if is_header_row(line, rules.table)), None
    )
    body_start = 1 if block.has_header else 0
    if table_index is None:
        read.findings.append(Finding("missing_table", "no metadata table", first.start, first.end))
    else:
        body_start = _read_table(block.lines, table_index, source, rules, to_fragments, read)
    _read_body(to_fragments(block.lines[body_start:]), source, rules, read)
    return read


def _read_header(line: Line, source: SourceText, rules: Rules, read: BlockRead) -> None:
    match = rules.document.project.header.match(line.text)
    number_start, number_end = (line.start + offset for offset in match.span("number"))
    read.project["number"] = int(match["number"])
    read.project["spans"]["number"] = source.span(number_start, number_end)
    acronym_start, acronym_end = (line.start + offset for offset in match.span("acronym"))
    acronym = clean_text(source.text[acronym_start:acronym_end])
    if acronym:
        read.project["acronym"] = acronym
        read.project["spans"]["acronym"] = source.span(acronym_start, acronym_end)
    read.used.add(line.number)


def _read_table(
    lines: Sequence[Line],
    index: int,
    source: SourceText,
    rules: Rules,
    to_fragments: Callable[[Sequence[Line]], list[Fragment]],
    read: BlockRead,
) -> int:
    """Read the table at `index` into the project; return the index after it."""

    def ends_table(line: Line) -> bool:
        return any(
            label_length(fragment, rules.sections.website) is not None
            or section_key(fragment.text, rules.sections) is not None
            for fragment in to_fragments([line])
        )

    table = read_table(lines, index, rules.table, ends_table)
    read.used.update(table.used)
    read.findings.extend(table.findings)
    for name, (processor, code) in FIELD_PROCESSORS.items():
        cell = table.cells.get(name)
        if cell is None:
            read.project[name] = None
            read.findings.append(Finding("missing_field", f"the table has no {name} cell"))
            continue
        value, problem = processor(clean_text(source.text[cell.start : cell.end]), rules)
        read.project[name] = value
        read.project["spans"][name] = source.span(cell.start, cell.end)
        if problem:
            read.findings.append(Finding(code, f"{name}: {problem}", cell.start, cell.end))
    return table.next_index


def _read_body(
    fragments: list[Fragment], source: SourceText, rules: Rules, read: BlockRead
) -> None:
    """The website and the sections; other fragments before the first section stay unused."""
    sections: dict[str, dict[str, Any]] = {}
    section_fragments: dict[str, list[Fragment]] = {}
    websites: list[tuple[int, int]] = []
    current: str | None = None
    index = 0
    while index < len(fragments):
        fragment = fragments[index]
        key = section_key(fragment.text, rules.sections)
        if key is not None:
            current = key
            read.used.add(fragment.line.number)
            if key in sections:
                read.findings.append(
                    Finding(
                        "duplicate_section", f"a second {key} heading", fragment.start, fragment.end
                    )
                )
            else:
                start = fragment.start + fragment.indent
                sections[key] = {
                    "heading": clean_text(fragment.text),
                    "span": source.span(start, fragment.end),
                }
                section_fragments[key] = []
            index += 1
        elif label_length(fragment, rules.sections.website) is not None:
            ranges, after, extra = read_websites(fragments, index, rules.sections.website)
            websites.extend(ranges)
            if extra:
                read.findings.append(
                    Finding(
                        "extra_text",
                        f"the website line also says {extra!r}, which no field takes",
                        fragment.start,
                        fragment.end,
                    )
                )
            read.used.update(f.line.number for f in fragments[index:after])
            index = after
        else:
            if current is not None:
                section_fragments[current].append(fragment)
            index += 1
    for key, collected in section_fragments.items():
        sections[key]["items"] = fragments_to_items(collected, source, rules)
        read.used.update(fragment.line.number for fragment in collected)
    read.project["websites"] = [source.text[start:end] for start, end in websites]
    read.project["spans"]["websites"] = [source.span(start, end) for start, end in websites]
    if not websites:
        start, end = (fragments[0].start, fragments[0].end) if fragments else (None, None)
        read.findings.append(Finding("missing_website", "no project website", start, end))
    for key in SECTION_KEYS:
        read.project[key] = sections.get(key)
        if key not in sections:
            read.findings.append(Finding("missing_section", f"no {key} section"))
