"""Cut the report's lines into the preamble and one block per project.

A block starts at its header line (`Nr. proiect / acronim _8 CLS/ ASTRICONE`),
or, where the header is missing, at a metadata table's header row that is the
second table since the last header (the block before already had its own).
"""

from __future__ import annotations

from dataclasses import dataclass

from extractor.parsing.table import is_header_row
from extractor.ruleset import Rules
from extractor.text.source import Line


@dataclass(frozen=True)
class Block:
    """A project's lines, from its header (or table) to the line before the next block."""

    lines: tuple[Line, ...]
    has_header: bool


@dataclass(frozen=True)
class Segments:
    preamble: tuple[Line, ...]
    blocks: tuple[Block, ...]


def lines_to_segments(lines: tuple[Line, ...], rules: Rules) -> Segments:
    """Given all lines of the report, its preamble and project blocks, in order."""
    starts: list[tuple[int, bool]] = []
    block_has_table = False
    for index, line in enumerate(lines):
        if rules.document.project.header.match(line.text):
            starts.append((index, True))
            block_has_table = False
        elif is_header_row(line, rules.table):
            if not starts or block_has_table:
                starts.append((index, False))
            block_has_table = True
    if not starts:
        return Segments(lines, ())
    ends = [index for index, _ in starts[1:]] + [len(lines)]
    blocks = tuple(
        Block(lines[start:end], has_header)
        for (start, has_header), end in zip(starts, ends, strict=True)
    )
    return Segments(lines[: starts[0][0]], blocks)
