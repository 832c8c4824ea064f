"""Cut the report's records into the preamble and one block per project.

A block starts at its header line (`Nr. proiect / acronim _8 CLS/ ASTRICONE`),
or, where the header is missing, at a metadata table that is the second
table since the last header (the block before already had its own). The
segmenter hands each block the place of its table, so nothing looks for it again.
"""

from __future__ import annotations

from dataclasses import dataclass

from extractor.parsing.table import find_table
from extractor.reading.records import Record
from extractor.ruleset import Rules


@dataclass(frozen=True, slots=True)
class Block:
    """A project's records, from its header (or table) to the record before the next block.

    `table` is the index (into `records`) where its metadata table starts and
    `table_form` how that table is written (`row` or `vertical`); `end` is the
    source offset where the block ends, blank lines after its last record included.
    """

    records: tuple[Record, ...]
    has_header: bool
    table: int | None
    table_form: str | None
    end: int


@dataclass(frozen=True)
class Segments:
    preamble: tuple[Record, ...]
    blocks: tuple[Block, ...]


def records_to_segments(records: tuple[Record, ...], rules: Rules, text_end: int) -> Segments:
    """Given every record of the report and the text's length, its preamble and blocks."""
    starts: list[tuple[int, bool]] = []
    tables: dict[int, tuple[int, str]] = {}  # by the start of the block that has it
    after_table = 0
    for index, record in enumerate(records):
        if record.furniture or index < after_table:
            continue
        if rules.document.project.header_match(record.bare):
            starts.append((index, True))
            continue
        found = find_table(records, index, rules.table)
        if found is None:
            continue
        # A table before any header, or a second one in a block, starts a block of its own.
        if not starts or starts[-1][0] in tables:
            starts.append((index, False))
        tables[starts[-1][0]] = (index, found.form)
        after_table = found.end
    if not starts:
        return Segments(records, ())
    bounds = [index for index, _ in starts[1:]] + [len(records)]
    blocks = []
    for (start, has_header), end in zip(starts, bounds, strict=True):
        table = tables.get(start)
        block_end = records[end].line.start - 1 if end < len(records) else text_end
        blocks.append(
            Block(
                records[start:end],
                has_header,
                None if table is None else table[0] - start,
                None if table is None else table[1],
                block_end,
            )
        )
    return Segments(records[: starts[0][0]], tuple(blocks))
