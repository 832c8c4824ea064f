"""The one error type of the package: a stable code, a message, and a hint.

Only the CLI turns these into exit codes; library callers catch `ExtractorError`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import ValidationError


class ExtractorError(Exception):
    """A failure the user can act on, with a stable code such as `E001`."""

    def __init__(self, code: str, message: str, hint: str | None = None) -> None:
        self.code = code
        self.message = message
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        text = f"[{self.code}] {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


def first_problem(error: ValidationError) -> str:
    """The first thing pydantic refused, as `where.it.is: what is wrong`."""
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "(top level)"
    given = first.get("input")
    got = f" (got {given!r})" if isinstance(given, str | int | float) else ""
    return f"{where}: {first['msg']}{got}"


# Stable codes. Never reuse a retired code for something else.
E_READ = "E001"  # the input cannot be read
E_DECODE = "E002"  # the bytes are not text in a known encoding
E_EMPTY = "E003"  # the input holds no text
E_FORMAT = "E004"  # the input's format is not supported
E_PDF_ENCRYPTED = "E010"
E_PDF_DAMAGED = "E011"
E_PDF_NO_TEXT = "E012"
E_RULES = "E020"  # a rules file is missing or malformed
E_WRITE = "E030"  # the output cannot be written
E_NOT_DOCUMENT = "E040"  # a JSON file is not an extractor document
E_SCHEMA_VERSION = "E041"  # a document's major schema_version is not supported
E_INVALID = "E042"  # a document does not validate against the schema
E_INTERNAL = "E050"  # the extracted data does not fit the schema: a bug to report
