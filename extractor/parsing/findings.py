"""Anomalies the stages find, kept as plain data until they become Warnings.

Every code is stable and listed in CODES with what it means; the README's
table of warning codes is generated from the same list by a test.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from extractor.text.source import SourceText

CODES: dict[str, str] = {
    "missing_title": "no line of the preamble matches the report title pattern",
    "invalid_date": "a date does not exist in the calendar",
    "missing_count": "the preamble does not state how many projects were submitted or funded",
    "count_mismatch": "the preamble's funded count differs from the number of project blocks",
    "number_sequence": "project numbers are not 1, 2, 3, ... in document order",
    "missing_header": "a project block lacks its header line; its number is inferred",
    "missing_table": "a project block has no metadata table",
    "table_shape": "the metadata table's value row has another number of cells than its header",
    "unknown_column": "a metadata table column whose header no rule knows",
    "missing_field": "a metadata table field is absent or empty",
    "invalid_period": "the implementation period is not two dates, start before end",
    "invalid_members": "the cluster member count is not a positive whole number",
    "unknown_region": "the region is none of the eight development regions",
    "missing_website": "a project block has no project website",
    "extra_text": "a line read for a field says more than the field takes; the rest is quoted",
    "missing_section": "a project block lacks one of its three sections",
    "duplicate_section": "a section heading appears twice in a block; the items are kept in order",
    "unknown_heading": "a short heading line of its own (bold, markdown or capitals) inside a "
    "section opens no known section; it is kept as a heading item",
    "invalid_bytes": "bytes not in the text's encoding: replaced, or their letters may be wrong",
    "invalid_value": "a value the schema refuses; it is left out and kept in `unparsed`",
    "no_projects": "no project block was found: the document is written only with --allow-empty",
}


@dataclass(frozen=True)
class Finding:
    """A warning's code and message, and the source range it is about (or none)."""

    code: str
    message: str
    start: int | None = None
    end: int | None = None

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"undocumented warning code {self.code!r}")

    def to_warning(self, source: SourceText) -> dict[str, Any]:
        span = None
        if self.start is not None:
            end = self.end if self.end is not None else source.line_at(self.start).end
            span = source.span(self.start, max(end, self.start))
        return {"code": self.code, "message": self.message, "span": span}
