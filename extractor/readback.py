"""Documents read back from JSON: each reason one is not a valid document, as a coded error.

`validate` lists them all (up to a limit), `diff` refuses an input with any, so
that nothing compares or loads a document the schema would refuse.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from extractor.compare.documents import check_document
from extractor.errors import E_INVALID, ExtractorError, problems
from extractor.models import Document
from extractor.pipeline import read_json

PROBLEM_LIMIT = 20
"""At most this many problems are listed for one document; a last line counts the rest."""


def document_problems(data: Any, name: str, limit: int = PROBLEM_LIMIT) -> list[ExtractorError]:
    """Given parsed JSON from `name`, what makes it no valid document (E040, E041, E042s)."""
    try:
        check_document(data, name)
        Document.model_validate(data)
    except ExtractorError as error:
        return [error]
    except ValidationError as error:
        found = [ExtractorError(E_INVALID, f"{name}: {problem}") for problem in problems(error)]
        if len(found) > limit:
            rest = len(found) - limit
            found = [*found[:limit], ExtractorError(E_INVALID, f"{name}: {rest} more problem(s)")]
        return found
    return []


def checked_document(data: Any, name: str) -> dict[str, Any]:
    """The document if it validates; else its first problem, saying how many there are."""
    found = document_problems(data, name, limit=1)
    if not found:
        return data
    first = found[0]
    if len(found) > 1:
        first.message += " (and more problems: `extractor validate` lists them)"
    raise first


def read_document(path: Path) -> Document:
    """An extracted document read back from its JSON file, checked against the schema."""
    return Document.model_validate(checked_document(read_json(path), str(path)))
