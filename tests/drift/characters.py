"""Characters, line ends and encodings of other editors and code pages."""

from __future__ import annotations

import codecs
import re
from typing import Any

from drift.compare import Content

COMMA_TO_CEDILLA = str.maketrans("șțȘȚ", "şţŞŢ")


def cedilla_letters(text: str) -> str:
    """An old keyboard layout or font: ş ţ Ş Ţ with a cedilla instead of a comma below."""
    return text.translate(COMMA_TO_CEDILLA)


_SHORT_WORD_SPACE = re.compile(r"(?<!\w)(\w{1,2}) (?=\w)")


def nbsp(text: str) -> str:
    """Word's non-breaking spaces after short words (`în`, `de`, `și`, `la`)."""
    return _SHORT_WORD_SPACE.sub("\\1\u00a0", text)


def crlf(text: str) -> str:
    """A Windows editor: CR LF line ends."""
    return text.replace("\n", "\r\n")


# Content characters a legacy code page lacks, as a converter writes them instead.
CONTENT_FALLBACK = {"“": '"', "”": '"', "„": '"', "\u2013": "-", "—": "-"}
# Letters written in the other form of ș ț, and bullet glyphs written as `-`.
FORM_FALLBACK = {
    **{a: b for a, b in zip("șțȘȚşţŞŢ", "şţŞŢșțȘȚ", strict=True)},
    **{glyph: "-" for glyph in "•●▪■\uf0b7·◦○▫✓✔➢►→"},
}


def _fallbacks(encoding: str) -> dict[str, str]:
    """The characters `encoding` cannot write, each with what a converter writes instead."""
    table = {**CONTENT_FALLBACK, **FORM_FALLBACK}
    return {char: sub for char, sub in table.items() if not _encodable(char, encoding)}


def _encodable(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def legacy_encoded(text: str, encoding: str) -> bytes:
    """The text in a legacy `encoding`, what it cannot write replaced as a converter does."""
    fallbacks = _fallbacks(encoding)
    return "".join(fallbacks.get(char, char) for char in text).encode(encoding)


def expect_legacy(content: Content, encoding: str) -> Content:
    """The golden content with the quotes and dashes `encoding` lacks written as ASCII."""
    table = str.maketrans(
        {char: sub for char, sub in _fallbacks(encoding).items() if char in CONTENT_FALLBACK}
    )

    def substitute(value: Any) -> Any:
        if isinstance(value, str):
            return value.translate(table)
        if isinstance(value, dict):
            return {key: substitute(item) for key, item in value.items()}
        if isinstance(value, list):
            return [substitute(item) for item in value]
        return value

    return substitute(content)


LEGACY_ENCODINGS = {
    "cp1250": "Windows' Central European code page (Notepad's ANSI on a Romanian Windows)",
    "iso_8859_2": "Latin-2, an old Unix or web export",
    "iso_8859_16": "Latin-10, the Romanian ISO code page",
}


def utf16_bom(text: str) -> bytes:
    """Notepad's `Unicode`: UTF-16 with a byte-order mark."""
    return text.encode("utf-16")


def utf8_bom(text: str) -> bytes:
    """Notepad's `UTF-8 with BOM`."""
    return codecs.BOM_UTF8 + text.encode("utf-8")
