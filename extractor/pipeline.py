"""The ways into the stages: extract a report, read its text, compare documents.

The stages after loading are chained in `assembly.py`, imported only to extract;
each takes plain data and returns plain data; `Extraction` keeps the
intermediates so a notebook or a test can look at any of them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extractor.collector import cyclic_gc_paused
from extractor.errors import E_NOT_DOCUMENT, E_READ, ExtractorError, too_many_digits
from extractor.readers.pdf.reading import DEFAULT_ENGINE, PageProgress

# The stages, the models and the rules are imported where used: `extractor text`
# of a UTF-8 report needs none of them but loading and normalizing, `validate` and
# `diff` of documents none but the models.
if TYPE_CHECKING:
    from extractor.assembly import DocumentParts
    from extractor.compare.models import DocumentDiff
    from extractor.models import Document
    from extractor.parsing.segment import Segments
    from extractor.readers.load import Loaded
    from extractor.reading.records import Record
    from extractor.ruleset import Rules
    from extractor.text.normalize import Normalized
    from extractor.text.source import SourceText


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
    """The JSON data of a file, such as a document `extract` wrote; not JSON is an E040.

    pydantic-core's parser reads a document in half the time `json` takes, and gives
    the same data. What it refuses, `json` reads again: it may take it (a string with
    a lone surrogate, nesting deeper than 200), and where it does not, it says why.
    """
    from pydantic_core import from_json

    data = read_input(path)
    try:
        return from_json(data)
    except ValueError:
        pass
    try:
        return json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ExtractorError(E_NOT_DOCUMENT, f"{path}: not JSON (not UTF-8 text)") from error
    except json.JSONDecodeError as error:
        raise ExtractorError(
            E_NOT_DOCUMENT,
            f"{path}: not JSON (line {error.lineno}, column {error.colno}: {error.msg})",
        ) from error
    except ValueError as error:
        message = f"{path}: its JSON holds {too_many_digits()}"
        raise ExtractorError(E_NOT_DOCUMENT, message) from error
    except RecursionError as error:
        raise ExtractorError(
            E_NOT_DOCUMENT,
            f"{path}: its JSON is nested too deeply to be an extractor document",
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
    from extractor.readers.load import bytes_to_text, is_pdf, pdf_to_text

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
    from extractor.readers.load import is_pdf, unicode_to_text
    from extractor.text.normalize import normalize

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
    from extractor.assembly import DocumentParts, validate

    loaded = load(data, name, rules, on_page, pdf_engine)
    # Loading is left out: a PDF's pages are read with the collector on, as their
    # library expects.
    with cyclic_gc_paused():
        parts = DocumentParts(loaded, rules, allow_empty=allow_empty)
        plain = {**parts.head(), "projects": list(parts.project_data()), **parts.tail()}
        document = validate(plain, parts.source)
    return Extraction(
        loaded, parts.normalized, parts.source, parts.records, parts.segments, plain, document
    )


def document_parts(
    report: Report,
    rules: Rules | Path | None = None,
    *,
    name: str | None = None,
    allow_empty: bool = False,
    on_page: PageProgress | None = None,
    pdf_engine: str = DEFAULT_ENGINE,
) -> DocumentParts:
    """A report's document in parts, to write one project at a time (`emit.json_pieces`)."""
    from extractor.assembly import DocumentParts

    data, name = _read_report(report, name)
    rules = _rules_of(rules)
    loaded = load(data, name, rules, on_page, pdf_engine)
    del data  # the text holds it now: a large report is not kept twice
    with cyclic_gc_paused():
        return DocumentParts(loaded, rules, allow_empty)


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

    if isinstance(report, dict):
        return checked_document(report, "the document given")
    if not isinstance(report, str | Path | bytes):  # a Document: models not imported to say so
        return report.model_dump(mode="json")
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
