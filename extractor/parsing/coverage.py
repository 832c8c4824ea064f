"""Account for every source line: used by a field or item, or listed as unparsed."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from extractor.text.source import SourceText


def unparsed_lines(
    source: SourceText, used: Collection[int], reasons: Mapping[int, str]
) -> list[dict[str, Any]]:
    """Given the numbers of the lines used, the non-blank lines that nothing took.

    `reasons` says why a line was left (`page_furniture`, `markup_only`) where
    the reading stage knows; any other line was `not_recognized`.
    """
    unparsed = []
    for line in source.lines:
        if line.is_blank or line.number in used:
            continue
        start = line.start + len(line.text) - len(line.text.lstrip())
        end = line.start + len(line.text.rstrip())
        unparsed.append(
            {
                "text": line.text.strip(),
                "reason": reasons.get(line.number, "not_recognized"),
                "span": source.span(start, end),
            }
        )
    return unparsed


def coverage(source: SourceText, unparsed: list[dict[str, Any]]) -> float:
    """Share of the non-blank source characters that fields or items use, to 4 places.

    Page furniture is not the report's content, so it counts on neither side: a
    report's PDF and its text have the same coverage.
    """
    furniture = sum(_visible(e["text"]) for e in unparsed if e["reason"] == "page_furniture")
    missed = sum(_visible(e["text"]) for e in unparsed if e["reason"] != "page_furniture")
    total = sum(_visible(line.text) for line in source.lines) - furniture
    return round((total - missed) / total, 4) if total else 0.0


def _visible(text: str) -> int:
    return len("".join(text.split()))
