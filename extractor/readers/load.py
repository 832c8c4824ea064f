"""Turn an input's bytes into text, and say how: format, encoding, hash."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from extractor.errors import E_DECODE, E_EMPTY, E_FORMAT, ExtractorError
from extractor.readers.pdf.reading import DEFAULT_ENGINE, PageProgress

if TYPE_CHECKING:  # types only: a Unicode text is read without the rules (and pydantic)
    from extractor.readers.pdf.document import PdfGeometry
    from extractor.ruleset import EncodingRules, PdfRules

PDF_MAGIC = b"%PDF-"

Note = tuple[str, str]
"""A warning's code and message about the whole input, such as bytes that did not decode."""


@dataclass(frozen=True)
class Loaded:
    """The text of an input as read, before normalization, and its `source` record.

    A PDF also gives each char's page and box (`geometry`), and the numbers of the
    lines that are page furniture (running headers, footers, page numbers).
    `findings` are what the reading found amiss (bytes that did not decode).
    """

    text: str
    source: dict[str, Any]
    geometry: PdfGeometry | None = None
    furniture: frozenset[int] = frozenset()
    findings: tuple[Note, ...] = ()


def source_record(name: str, data: bytes, fmt: str, **extra: Any) -> dict[str, Any]:
    import hashlib  # here, as only extracting needs it, not the commands that read documents

    return {"file": name, "sha256": hashlib.sha256(data).hexdigest(), "format": fmt, **extra}


def is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(PDF_MAGIC)


def bytes_to_text(data: bytes, name: str, rules: EncodingRules) -> Loaded:
    """Given a text input's bytes, its text in the encoding that reads as Romanian."""
    return _loaded(data, name, decode(data, name, rules))


def unicode_to_text(data: bytes, name: str) -> Loaded | None:
    """Given a text input's bytes, what `bytes_to_text` gives when they are Unicode (UTF-16
    with its BOM, or UTF-8 that decodes whole), which needs no rules; else None."""
    decoded = _unicode(data, name)
    return None if decoded is None else _loaded(data, name, decoded)


def _loaded(data: bytes, name: str, decoded: Decoded) -> Loaded:
    if not decoded.text.strip():
        raise ExtractorError(E_EMPTY, f"{name}: the input holds no text")
    record = source_record(name, data, "text", encoding=decoded.encoding)
    return Loaded(decoded.text, record, findings=decoded.findings)


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


class Decoded(NamedTuple):
    """A text input read: its text, the encoding it was read in, and what did not read."""

    text: str
    encoding: str
    findings: tuple[Note, ...] = ()


def decode(data: bytes, name: str, rules: EncodingRules) -> Decoded:
    """UTF-16 with BOM, else UTF-8 first; a legacy encoding only when it reads the bytes better.

    A UTF-8 text with a few bad bytes stays UTF-8: each run of them becomes U+FFFD and
    one finding names their byte offsets, so one stray byte never garbles a whole report.
    """
    unicode = _unicode(data, name)
    if unicode is not None:
        return unicode
    skip, utf8 = _utf8_bom(data)
    text, bad = _utf8_replacing(data, skip)
    best = Decoded(text, utf8, (_replaced_finding(bad),))
    best_score = romanian_score(text, rules.romanian_letters) - len(bad)
    if not skip:  # without a BOM saying UTF-8, a legacy encoding may read the bytes better
        for encoding in rules.legacy:
            try:
                legacy = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            score = romanian_score(legacy, rules.romanian_letters)
            if score > best_score:
                best, best_score = Decoded(legacy, encoding, _mixed_findings(text, encoding)), score
    _refuse_garbled(best.text, name)
    return best


def _unicode(data: bytes, name: str) -> Decoded | None:
    """UTF-16 with its BOM, or UTF-8 that decodes whole; None for other text; binary is E004."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Decoded(_strict(data, "utf-16", name), "utf-16")
    if b"\x00" in data:
        raise ExtractorError(
            E_FORMAT,
            f"{name}: binary data, neither text nor PDF",
            "give the report as a .txt (UTF-8, UTF-16 or a Romanian legacy encoding) or .pdf file",
        )
    skip, utf8 = _utf8_bom(data)
    try:
        return Decoded(data[skip:].decode("utf-8"), utf8)
    except UnicodeDecodeError:
        return None


def _utf8_bom(data: bytes) -> tuple[int, str]:
    """The length of the UTF-8 BOM the bytes start with (or 0), and the encoding's name."""
    if data.startswith(codecs.BOM_UTF8):
        return len(codecs.BOM_UTF8), "utf-8-sig"
    return 0, "utf-8"


def _utf8_replacing(data: bytes, skip: int) -> tuple[str, list[int]]:
    """The UTF-8 text with each run of bad bytes as one U+FFFD, and each bad byte's offset."""
    escaped = data[skip:].decode("utf-8", errors="surrogateescape")
    bad: list[int] = []
    parts: list[str] = []
    offset, position = skip, 0
    for run in _ESCAPED.finditer(escaped):
        before = escaped[position : run.start()]
        offset += len(before.encode("utf-8"))
        bad.extend(range(offset, offset + len(run.group())))
        offset += len(run.group())
        parts.extend((before, _REPLACEMENT))
        position = run.end()
    parts.append(escaped[position:])
    return "".join(parts), bad


_ESCAPED = re.compile("[\udc80-\udcff]+")
_REPLACEMENT = "\ufffd"
_NAMED_OFFSETS = 20  # a warning names at most this many offsets, then says how many more


def _replaced_finding(bad: list[int]) -> Note:
    named = ", ".join(str(offset) for offset in bad[:_NAMED_OFFSETS])
    more = f" and {len(bad) - _NAMED_OFFSETS} more" if len(bad) > _NAMED_OFFSETS else ""
    noun = "byte is" if len(bad) == 1 else "bytes are"
    return (
        "invalid_bytes",
        f"{len(bad)} {noun} not UTF-8 and read as U+FFFD: at byte {named}{more}",
    )


def _mixed_findings(utf8_text: str, encoding: str) -> tuple[Note, ...]:
    """A legacy reading of bytes that also hold UTF-8 letters garbles those: say so."""
    letters = sum(1 for ch in utf8_text if not ch.isascii() and ch != _REPLACEMENT)
    if not letters:
        return ()
    return (
        (
            "invalid_bytes",
            f"read as {encoding}, though {letters} letter(s) read as UTF-8: "
            "the file mixes encodings, and those letters may be wrong",
        ),
    )


def _refuse_garbled(text: str, name: str) -> None:
    """Bytes that read as control chars or nothing at all in every encoding are not text."""
    unreadable = sum(1 for ch in text if ch == _REPLACEMENT or (ch in _CONTROLS))
    if unreadable * 10 > len(text):
        raise ExtractorError(
            E_DECODE,
            f"{name}: {unreadable} of its {len(text)} chars are control chars or bytes that "
            "read in no known encoding",
            "save the report as UTF-8 text",
        )


_CONTROLS = frozenset(chr(code) for code in (*range(0x20), *range(0x7F, 0xA0))) - set("\t\n\r\f\v")


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


def _strict(data: bytes, encoding: str, name: str) -> str:
    """Decode all of it: a file whose BOM names its encoding is read in that one or not at all."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ExtractorError(
            E_DECODE,
            f"{name}: byte {error.start} is not {encoding}, though the file has its BOM",
            "re-save the file in one encoding",
        ) from error
