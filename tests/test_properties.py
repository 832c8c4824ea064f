"""Properties that hold for any input, checked on generated and mutated report fragments.

The fragments are small reports in the 2019 layout, changed the way damaged or
foreign files are: lines dropped, duplicated, swapped or cut short, random
Unicode, list markers and bytes put in. Whatever comes in, the segmenter, the
table reader, the item reader and the whole pipeline raise nothing but the
tool's own error; every non-blank line lands in a field, an item or `unparsed`
(or is named by a warning); and the document validates.

The CI profile is derandomized (the same examples every run); `bench/fuzz.py`
runs the same properties with the `long` profile and fresh random examples.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from reports import HEADER_ROW, project_block, report

from extractor.errors import ExtractorError
from extractor.models import Document
from extractor.nlp.lemmas import lemma_table, word_forms
from extractor.parsing.items import records_to_items
from extractor.parsing.segment import records_to_segments
from extractor.parsing.table import TableStart, read_table
from extractor.pipeline import run_bytes
from extractor.reading.records import Record, lines_to_records
from extractor.ruleset import load_rules
from extractor.text.source import SourceText

settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
    max_examples=100,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "long",
    max_examples=int(os.environ.get("EXTRACTOR_HYPOTHESIS_EXAMPLES", "2000")),
    database=None,  # a failure prints its example and a @reproduce_failure blob instead
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("EXTRACTOR_HYPOTHESIS_PROFILE", "ci"))

RULES = load_rules()
BASE_LINES = report(
    project_block(1, "AAA"), project_block(2, "BBB", members="n/a", region="Sud")
).split("\n")
MARKERS = ("-", "•", "*", "**", "◦", "✓", "\u2013", "o", "+", "1.", "a)", "#")
# Words of the lines that are labels, used by the table and website readers without a span.
LABEL_WORDS = tuple(re.findall(r"\w+", HEADER_ROW + " Site proiect"))

Mutation = tuple[str, int, int, str]


@st.composite
def mutations(draw: st.DrawFn) -> list[Mutation]:
    """A short list of edits: drop, duplicate, swap, cut, or insert text, a marker, a glyph."""
    inserted = st.one_of(
        st.text(max_size=40),
        st.sampled_from(MARKERS),
        st.tuples(st.sampled_from(MARKERS), st.text(max_size=20)).map(" ".join),
    )
    edit = st.tuples(
        st.sampled_from(("drop", "duplicate", "swap", "cut", "insert")),
        st.integers(0, 10_000),
        st.integers(0, 10_000),
        inserted,
    )
    return draw(st.lists(edit, max_size=8))


def mutated(lines: list[str], edits: list[Mutation]) -> list[str]:
    """`lines` with the edits applied in order; positions wrap around the current length."""
    lines = list(lines)
    for kind, first, second, text in edits:
        if not lines:
            lines = [text]
            continue
        at, other = first % len(lines), second % len(lines)
        if kind == "drop":
            del lines[at]
        elif kind == "duplicate":
            lines.insert(at, lines[at])
        elif kind == "swap":
            lines[at], lines[other] = lines[other], lines[at]
        elif kind == "cut":
            lines[at] = lines[at][: second % (len(lines[at]) + 1)]
        else:
            lines.insert(at, text)
    return lines


def source_of(lines: list[str]) -> SourceText:
    return SourceText("\n".join(lines))


def records_of(source: SourceText) -> tuple[Record, ...]:
    return lines_to_records(source.lines, RULES, lemma_table())


@given(mutations())
def test_the_segmenter_cuts_every_record_into_exactly_one_part(edits: list[Mutation]) -> None:
    source = source_of(mutated(BASE_LINES, edits))
    records = records_of(source)
    segments = records_to_segments(records, RULES, len(source.text))
    parts = [*segments.preamble, *(record for block in segments.blocks for record in block.records)]
    assert parts == list(records)
    assert {record.line.number for record in records} == {
        line.number for line in source.lines if not line.is_blank
    }


@given(mutations())
def test_the_table_reader_takes_only_lines_it_was_given(edits: list[Mutation]) -> None:
    source = source_of([HEADER_ROW, *mutated(BASE_LINES[10:16], edits)])
    records = records_of(source)
    start = TableStart(0, "row", 1)
    read = read_table(records, start, RULES.table, RULES.sections.website, source.text)
    assert read.used <= {line.number for line in source.lines}


@given(mutations())
def test_the_item_reader_gives_items_inside_the_source(edits: list[Mutation]) -> None:
    source = source_of(mutated(BASE_LINES[16:24], edits))
    records = [r for r in records_of(source) if not (r.furniture or r.is_empty)]
    for item in flatten(records_to_items(records, source, RULES, word_forms()).items):
        assert 0 <= item["span"]["char_start"] <= item["span"]["char_end"] <= len(source.text)


@settings(max_examples=settings().max_examples // 2)
@given(mutations(), st.lists(st.tuples(st.integers(0, 10_000), st.binary(max_size=3)), max_size=3))
def test_the_pipeline_gives_a_valid_document_or_its_own_error(
    edits: list[Mutation], stray_bytes: list[tuple[int, bytes]]
) -> None:
    data = "\n".join(mutated(BASE_LINES, edits)).encode("utf-8")
    for at, inserted in stray_bytes:
        at %= len(data) + 1
        data = data[:at] + inserted + data[at:]
    try:
        extraction = run_bytes(data, "mutat.txt", RULES, allow_empty=True)
    except ExtractorError:
        return
    document = extraction.document.model_dump(mode="json")
    assert Document.model_validate(document) == extraction.document
    covered = {
        n for span in spans_taken(document) for n in range(span["line_start"], span["line_end"] + 1)
    }
    for line in extraction.source.lines:
        if not line.is_blank and line.number not in covered:
            assert is_label(line.text), line


def is_label(text: str) -> bool:
    """A table header row or a website label, read without a span: mostly label words.

    Mostly, not all: a stray char inside a column label leaves the row a header row
    (its unknown column then has its own warning).
    """
    words = re.findall(r"\w+", text)
    labels = sum(any(label.startswith(word) for label in LABEL_WORDS) for word in words)
    return labels * 2 > len(words)


def flatten(items: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for item in items:
        yield item
        yield from flatten(item["children"])


def section_spans(section: dict[str, Any] | None) -> Iterator[dict[str, Any]]:
    if section:
        yield section["span"]
        yield from (item["span"] for item in flatten(section["items"]))


def spans_taken(document: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The span of every field, heading, item, unparsed line and warning; not the blocks' spans.

    A line a warning points at is not lost silently (a repeated section heading
    is one: its items are kept, the warning names the line).
    """
    yield from (span for span in document["report"]["spans"].values() if span)
    yield from section_spans(document["report"]["preamble"])
    for project in document["projects"]:
        for value in project["spans"].values():
            yield from value if isinstance(value, list) else [value] if value else []
        for key in ("objective", "results", "ongoing"):
            yield from section_spans(project[key])
        yield from (warning["span"] for warning in project["warnings"] if warning["span"])
    yield from (entry["span"] for entry in document["unparsed"])
