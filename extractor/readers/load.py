"""Turn an input's bytes into text, and say how: format, encoding, hash."""

from __future__ import annotations

import codecs
import hashlib
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from extractor.errors import E_DECODE, E_EMPTY, E_FORMAT, ExtractorError
from extractor.readers.pdf.reading import DEFAULT_ENGINE, PageProgress
from extractor.ruleset import EncodingRules, PdfRules

if TYPE_CHECKING:
    from extractor.readers.pdf.document import PdfGeometry

PDF_MAGIC = b"%PDF-"


@dataclass(frozen=True)
class Loaded:
    """The text of an input as read, before normalization, and its `source` record.

    A PDF also gives each char's page and box (`geometry`), and the numbers of the
    lines that are page furniture (running headers, footers, page numbers).
    """

    text: str
    source: dict[str, Any]
    geometry: PdfGeometry | None = None
    furniture: frozenset[int] = frozenset()


def source_record(name: str, data: bytes, fmt: str, **extra: Any) -> dict[str, Any]:
    return {"file": name, "sha256": hashlib.sha256(data).hexdigest(), "format": fmt, **extra}


def is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(PDF_MAGIC)


def bytes_to_text(data: bytes, name: str, rules: EncodingRules) -> Loaded:
    """Given a text input's bytes, its text in the encoding that reads as Romanian."""
    text, encoding = decode(data, name, rules)
    if not text.strip():
        raise ExtractorError(E_EMPTY, f"{name}: the input holds no text", "check the file")
    return Loaded(text, source_record(name, data, "text", encoding=encoding))


def pdf_to_text(
    data: bytes,
    name: str,
    rules: PdfRules,
    on_page: PageProgress | None = None,
    engine: str = DEFAULT_ENGINE,
) -> Loaded:
    """Given a PDF's bytes, the report's text form read from it, with its geometry.

    `engine` names the reader of the PDF's chars and ruling lines (`reading.PDF_ENGINES`).
    """
    # Imported on first use: text inputs need no PDF library.
    from extractor.readers.pdf.document import load_pdf

    pdf = load_pdf(data, name, rules, on_page, engine)
    furniture = frozenset(entry.line for entry in pdf.furniture)
    source = source_record(name, data, "pdf", pages=pdf.pages)
    return Loaded(pdf.text, source, pdf.geometry, furniture)


def decode(data: bytes, name: str, rules: EncodingRules) -> tuple[str, str]:
    """UTF-8 (with or without BOM) or UTF-16 with BOM first; else the best legacy encoding."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data, "utf-8", name, skip=len(codecs.BOM_UTF8)), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", name), "utf-16"
    if b"\x00" in data:
        raise ExtractorError(
            E_FORMAT,
            f"{name}: binary data, neither text nor PDF",
            "give the report as a .txt (UTF-8, UTF-16 or a Romanian legacy encoding) or .pdf file",
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = []
    for order, encoding in enumerate(rules.legacy):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        candidates.append((romanian_score(text, rules.romanian_letters), -order, text, encoding))
    if not candidates:
        raise ExtractorError(
            E_DECODE,
            f"{name}: not UTF-8, and no legacy encoding ({', '.join(rules.legacy)}) reads it",
            "save the report as UTF-8",
        )
    _, _, text, encoding = max(candidates)
    return text, encoding


def romanian_score(text: str, letters: str) -> int:
    """Romanian letters count for a decoding, control chars and foreign letters against it."""
    score = 0
    for ch in text:
        if ch.isascii():
            continue
        if ch in letters:
            score += 1
        elif ch.isalpha() or unicodedata.category(ch) == "Cc":
            score -= 1
    return score


def _strict(data: bytes, encoding: str, name: str, skip: int = 0) -> str:
    """Decode after the first `skip` bytes (a BOM the codec does not eat itself)."""
    try:
        return data[skip:].decode(encoding)
    except UnicodeDecodeError as error:
        raise ExtractorError(
            E_DECODE,
            f"{name}: byte {skip + error.start} is not {encoding}, though the file has its BOM",
            "re-save the file in one encoding",
        ) from error
