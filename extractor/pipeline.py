"""The only place that chains the stages: load, normalize, segment, parse, check, enrich, validate.

Each stage takes plain data and returns plain data; `Extraction` keeps the
intermediates so a notebook or a test can look at any of them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extractor.collector import cyclic_gc_paused
from extractor.errors import (
    E_INTERNAL,
    E_NOT_DOCUMENT,
    E_NOT_REPORT,
    E_READ,
    ExtractorError,
    first_problem,
)
from extractor.parsing.findings import Finding
from extractor.readers.load import Loaded, bytes_to_text, is_pdf, pdf_to_text, unicode_to_text
from extractor.readers.pdf.reading import DEFAULT_ENGINE, PageProgress
from extractor.text.normalize import Normalized, normalize
from extractor.text.source import SourceText

# The stages, the models and the rules are imported where used: `extractor text`
# of a UTF-8 report needs none of them, `validate` and `diff` only the models.
if TYPE_CHECKING:
    from extractor.compare.models import DocumentDiff
    from extractor.models import Document
    from extractor.parsing.segment import Segments
    from extractor.reading.records import Record
    from extractor.ruleset import Rules


@dataclass(frozen=True)
class Extraction:
    """Every stage's output for one input, the validated document last."""

    loaded: Loaded
    normalized: Normalized
    source: SourceText
    records: tuple[Record, ...]
    segments: Segments
    data: dict[str, Any]
    document: Document


def read_input(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as error:
        raise ExtractorError(E_READ, f"{path}: no such file", "check the path") from error
    except IsADirectoryError as error:
        raise ExtractorError(E_READ, f"{path}: is a folder, not a report file") from error
    except OSError as error:
        raise ExtractorError(E_READ, f"{path}: cannot read it: {error.strerror}") from error


def read_json(path: Path) -> Any:
    """The JSON data of a file, such as a document `extract` wrote; not JSON is an E040."""
    data = read_input(path)
    try:
        return json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ExtractorError(E_NOT_DOCUMENT, f"{path}: not JSON (not UTF-8 text)") from error
    except json.JSONDecodeError as error:
        raise ExtractorError(
            E_NOT_DOCUMENT,
            f"{path}: not JSON (line {error.lineno}, column {error.colno}: {error.msg})",
            "give the JSON that `extractor extract` wrote",
        ) from error
    except RecursionError as error:
        raise ExtractorError(
            E_NOT_DOCUMENT,
            f"{path}: its JSON is nested too deeply to be an extractor document",
            "give the JSON that `extractor extract` wrote",
        ) from error


Report = str | Path | bytes
"""A report to extract: its path, or its bytes (text or PDF)."""


def load(
    data: bytes,
    name: str,
    rules: Rules,
    on_page: PageProgress | None = None,
    pdf_engine: str = DEFAULT_ENGINE,
) -> Loaded:
    """A report's text; `pdf_engine` reads a PDF (`pdfium`, or `pdfplumber` the reference)."""
    if is_pdf(data):
        return pdf_to_text(data, name, rules.pdf, on_page, pdf_engine)
    return bytes_to_text(data, name, rules.encodings)


def extract(
    report: Report,
    rules: Rules | None = None,
    *,
    name: str | None = None,
    allow_empty: bool = False,
    on_page: PageProgress | None = None,
    pdf_engine: str = DEFAULT_ENGINE,
) -> Document:
    """The validated document for a report (text or PDF), given as a path or as bytes.

    A file with no project block is not a report (E005); `allow_empty` gives its
    empty document instead, with a `no_projects` warning. `on_page` hears of each
    PDF page read; `pdf_engine` reads a PDF (`pdfium`, or `pdfplumber` the reference).
    """
    return run(
        report, rules, name=name, allow_empty=allow_empty, on_page=on_page, pdf_engine=pdf_engine
    ).document


def normalized_text(
    report: Report, rules: Rules | Path | None = None, *, pdf_engine: str = DEFAULT_ENGINE
) -> str:
    """The normalized text every span of `extract(report)` points into.

    `rules`, or the folder to read them from (the bundled one by default), are read only
    for a report that needs them: a PDF, or text that is not Unicode.
    """
    data, name = _read_report(report, None)
    loaded = None if is_pdf(data) else unicode_to_text(data, name)
    if loaded is None:
        loaded = load(data, name, _rules_of(rules), pdf_engine=pdf_engine)
    return normalize(loaded.text).text


def _rules_of(rules: Rules | Path | None) -> Rules:
    """The rules given, or those of the folder given (None: the bundled ones), read now."""
    if rules is None or isinstance(rules, Path):
        from extractor.ruleset import load_rules

        return load_rules(rules)
    return rules


def run(
    report: Report,
    rules: Rules | None = None,
    *,
    name: str | None = None,
    allow_empty: bool = False,
    on_page: PageProgress | None = None,
    pdf_engine: str = DEFAULT_ENGINE,
) -> Extraction:
    """Every stage's output for a report; `name` is the file name recorded for bytes."""
    data, name = _read_report(report, name)
    return run_bytes(
        data, name, _rules_of(rules), on_page, allow_empty=allow_empty, pdf_engine=pdf_engine
    )


def _read_report(report: Report, name: str | None) -> tuple[bytes, str]:
    if isinstance(report, bytes):
        return report, name or "report"
    path = Path(report)
    return read_input(path), name or path.name


def run_bytes(
    data: bytes,
    name: str,
    rules: Rules,
    on_page: PageProgress | None = None,
    *,
    allow_empty: bool = False,
    pdf_engine: str = DEFAULT_ENGINE,
) -> Extraction:
    """Every stage's output for a report's bytes; no project block is an E005 unless allowed.

    `on_page` hears of each PDF page read; `pdf_engine` names the PDF reader.
    """
    loaded = load(data, name, rules, on_page, pdf_engine)
    # Loading is left out: a PDF's pages are read with the collector on, as their
    # library expects.
    with cyclic_gc_paused():
        return _run_stages(loaded, name, rules, allow_empty)


def _run_stages(loaded: Loaded, name: str, rules: Rules, allow_empty: bool) -> Extraction:
    from extractor.parsing.segment import records_to_segments
    from extractor.readers.pdf.placement import place_spans
    from extractor.reading.records import lines_to_records

    normalized = normalize(loaded.text)
    source = SourceText(normalized.text)
    from extractor.nlp.lemmas import lemma_table, word_forms

    records = lines_to_records(source.lines, rules, lemma_table(), loaded.furniture)
    segments = records_to_segments(records, rules, len(source.text))
    findings = [Finding(code, message) for code, message in loaded.findings]
    if not segments.blocks:
        if not allow_empty:
            raise ExtractorError(
                E_NOT_REPORT,
                f"{name}: does not look like a Cluster inovativ status report "
                "(no project block found)",
                "check that this is the report; --allow-empty writes an empty document",
            )
        findings.append(Finding("no_projects", "no project block found: the document is empty"))
    parsed = parse(segments, source, loaded.source, rules, word_forms())
    parsed["warnings"] = _warnings(findings, source) + parsed["warnings"]
    # Imported on first use: spaCy takes about half a second to import, and only
    # extraction needs it (not `extractor schema`, `text` or `validate`).
    from extractor.nlp.components import build_nlp
    from extractor.nlp.enrich import enrich

    data_ = enrich(parsed, source, build_nlp(rules))
    if loaded.geometry is not None:
        data_ = place_spans(data_, normalized, loaded.geometry)
    return Extraction(loaded, normalized, source, records, segments, data_, validate(data_, source))


def document_data(
    report: Document | dict[str, Any] | Report,
    rules: Rules | Path | None = None,
    on_page: PageProgress | None = None,
    pdf_engine: str = DEFAULT_ENGINE,
) -> dict[str, Any]:
    """A document as plain data: given as one, as its `.json` file, or as a report to extract.

    `rules`, or the folder to read them from (the bundled one by default), are read only
    to extract a report.
    """
    from extractor.compare.checks import checked_document
    from extractor.models import Document

    if isinstance(report, Document):
        return report.model_dump(mode="json")
    if isinstance(report, dict):
        return checked_document(report, "the document given")
    if not isinstance(report, bytes) and Path(report).suffix.lower() == ".json":
        return checked_document(read_json(Path(report)), str(report))
    return extract(report, _rules_of(rules), on_page=on_page, pdf_engine=pdf_engine).model_dump(
        mode="json"
    )


def diff(
    old: Document | dict[str, Any] | Report,
    new: Document | dict[str, Any] | Report,
    rules: Rules | None = None,
) -> DocumentDiff:
    """What changed from `old` to `new`: documents, their `.json` files, or reports to extract."""
    # Imported on first use, like spaCy: only comparing needs rapidfuzz.
    from extractor.compare.documents import diff_documents
    from extractor.compare.models import DocumentDiff

    rules = _rules_of(rules)
    old_data, new_data = document_data(old, rules), document_data(new, rules)
    return DocumentDiff.model_validate(diff_documents(old_data, new_data, rules.diff))


def parse(
    segments: Segments,
    source: SourceText,
    source_record: dict[str, Any],
    rules: Rules,
    words: Sequence[str],
) -> dict[str, Any]:
    """Given the segments, the whole document as plain data, not yet validated.

    `words` are the known word forms (lower case) that tell a word cut at a
    line's end from a hyphenated one.
    """
    from extractor.models import SCHEMA_VERSION
    from extractor.parsing.checks import document_findings
    from extractor.parsing.coverage import coverage, unparsed_lines
    from extractor.parsing.preamble import preamble_to_report
    from extractor.parsing.project import block_to_project

    preamble = preamble_to_report(segments.preamble, source, rules, words)
    used = set(preamble.used)
    projects = []
    for block in segments.blocks:
        expected = projects[-1]["number"] + 1 if projects else 1
        read = block_to_project(block, expected, source, rules, words)
        read.project["warnings"] = _warnings(read.findings, source)
        projects.append(read.project)
        used |= read.used
    findings = preamble.findings + document_findings(preamble.report, projects)
    unparsed = unparsed_lines(source, used, _reasons(segments))
    return {
        "schema_version": SCHEMA_VERSION,
        "source": source_record,
        "report": preamble.report,
        "projects": projects,
        "warnings": _warnings(findings, source),
        "unparsed": unparsed,
        "coverage": coverage(source, unparsed),
    }


def _reasons(segments: Segments) -> dict[int, str]:
    """Why the reading stage leaves a line out: page furniture, or markup without words."""
    records = [*segments.preamble, *(r for block in segments.blocks for r in block.records)]
    reasons = {}
    for record in records:
        if record.furniture:
            reasons[record.line.number] = "page_furniture"
        elif record.is_empty:
            reasons.setdefault(record.line.number, "markup_only")
    return reasons


def validate(data: dict[str, Any], source: SourceText) -> Document:
    """The schema's verdict; a value it refuses inside a project is set aside with a warning.

    The stages only build valid values, so a refused one is a bug, but one bug in one
    project must not lose the report: the rest is written and the warning says what.
    Only a problem outside the projects stops the run (E050).
    """
    from pydantic import ValidationError

    from extractor.models import Document
    from extractor.salvage import set_aside

    for _ in range(_SALVAGE_ROUNDS):
        try:
            return Document.model_validate(data)
        except ValidationError as error:
            salvaged = set_aside(data, error.errors(), source)
            if salvaged is None:
                raise ExtractorError(
                    E_INTERNAL,
                    f"{data['source']['file']}: the extracted data does not fit the schema: "
                    f"{first_problem(error)}",
                    "please report this with the input file",
                ) from error
            data = salvaged
    return Document.model_validate(data)


_SALVAGE_ROUNDS = 3  # an item set aside lifts its children, which a next round checks


def _warnings(findings: list[Finding], source: SourceText) -> list[dict[str, Any]]:
    return [finding.to_warning(source) for finding in findings]
