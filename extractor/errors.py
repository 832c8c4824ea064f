"""The one error type of the package: a stable code, a message, and a hint.

Only the CLI turns these into exit codes; library callers catch `ExtractorError`.
Every error prints as one line, `E0NN <file>: <what happened> (<what to do>)`.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import ValidationError

LINE_LIMIT = 300
"""At most this many characters in an error line, so a terminal or a log shows it whole."""


class ExtractorError(Exception):
    """A failure the user can act on, with a stable code such as `E001`."""

    def __init__(self, code: str, message: str, hint: str | None = None) -> None:
        self.code = code
        self.message = message
        self.hint = hint or HINTS.get(code, "see the error codes in the README")
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{self.code} {self.message} ({self.hint})"

    def __reduce__(self) -> tuple[type[ExtractorError], tuple[str, str, str]]:
        """Pickled as its code, message and hint, so it crosses to and from worker processes."""
        return type(self), (self.code, self.message, self.hint)

    def line(self, prefix: str = "extractor: ") -> str:
        """The error as one line within LINE_LIMIT: a long message is cut, not the hint."""
        message = " ".join(self.message.split())
        hint = " ".join(self.hint.split())
        room = LINE_LIMIT - len(f"{prefix}{self.code}  ({hint})")
        if len(message) > room:
            message = message[: max(room - 1, 0)].rstrip() + "…"
        return f"{prefix}{self.code} {message} ({hint})"[:LINE_LIMIT]


def first_problem(error: ValidationError) -> str:
    """The first thing pydantic refused, as `where.it.is: what is wrong`."""
    return problems(error)[0]


def problems(error: ValidationError) -> list[str]:
    """Everything pydantic refused, each as `where.it.is: what is wrong (got value)`."""
    found = []
    for problem in error.errors():
        loc = [str(part) for part in problem["loc"]]
        if len(loc) > _LOC_PARTS:  # a path hundreds of levels deep: its ends say where
            loc = [*loc[: _LOC_PARTS // 2], "…", *loc[-_LOC_PARTS // 2 :]]
        where = ".".join(loc) or "(top level)"
        given = problem.get("input")
        got = f" (got {given!r:.60})" if isinstance(given, str | int | float) else ""
        found.append(f"{where}: {problem['msg']}{got}")
    return found


_LOC_PARTS = 12


def too_many_digits() -> str:
    """What a JSON or TOML reader's plain ValueError means: a number past Python's limit
    on the digits of an int, which no document or rules file holds."""
    return f"a number of more than {sys.get_int_max_str_digits()} digits"


# Stable codes. Never reuse a retired code for something else.
E_READ = "E001"  # the input cannot be read
E_DECODE = "E002"  # the bytes are not text in a known encoding
E_EMPTY = "E003"  # the input holds no text
E_FORMAT = "E004"  # the input's format is not supported
E_NOT_REPORT = "E005"  # the input has no project block: not a Cluster inovativ status report
E_PDF_ENCRYPTED = "E010"
E_PDF_DAMAGED = "E011"
E_PDF_NO_TEXT = "E012"
E_RULES = "E020"  # a rules file is missing or malformed
E_WRITE = "E030"  # the output cannot be written
E_NOT_DOCUMENT = "E040"  # a JSON file is not an extractor document
E_SCHEMA_VERSION = "E041"  # a document's major schema_version is not supported
E_INVALID = "E042"  # a document does not validate against the schema
E_INTERNAL = "E050"  # an internal error (data the schema refuses, an exception): a bug
E_USAGE = "E060"  # the command line is wrong: unknown command or option, missing argument

# What to do, for an error raised without its own hint.
HINTS: dict[str, str] = {
    E_READ: "check the path and its permissions",
    E_DECODE: "save the report as UTF-8",
    E_EMPTY: "check the file",
    E_FORMAT: "give the report as a .txt or .pdf file",
    E_NOT_REPORT: "check that this is the report; --allow-empty writes an empty document",
    E_PDF_ENCRYPTED: "save an unprotected copy and extract that",
    E_PDF_DAMAGED: "get a complete copy of the file, or re-save it with a PDF viewer",
    E_PDF_NO_TEXT: "it needs OCR, which this tool does not do",
    E_RULES: "restore it from the repository",
    E_WRITE: "check the output path and its permissions",
    E_NOT_DOCUMENT: "give the JSON that `extractor extract` wrote",
    E_SCHEMA_VERSION: "extract the report again with this version of the extractor",
    E_INVALID: "compare with `extractor schema`",
    E_INTERNAL: "please report this with the input file",
    E_USAGE: "see `extractor --help`",
}
