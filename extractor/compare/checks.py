"""Whether JSON read back is an extractor document: every problem, or the first.

`validate` lists a document's problems and `diff` refuses one that has any; this
needs the prebuilt validator only, not the models, the comparison or its libraries.
"""

from __future__ import annotations

from typing import Any

from pydantic_core import ValidationError

from extractor.errors import E_INVALID, E_NOT_DOCUMENT, E_SCHEMA_VERSION, ExtractorError, problems
from extractor.prebuilt import schema_version, validator


def check_document(data: Any, name: str) -> dict[str, Any]:
    """Given parsed JSON from `name`, the document, or E040/E041 saying why it is none."""
    if not isinstance(data, dict) or not isinstance(data.get("schema_version"), str):
        raise ExtractorError(
            E_NOT_DOCUMENT,
            f"{name}: not an extractor document (no schema_version)",
            "give the JSON that `extractor extract` wrote, or the report itself",
        )
    projects = data.get("projects")
    if not isinstance(projects, list) or not all(
        isinstance(project, dict) and isinstance(project.get("number"), int) for project in projects
    ):
        raise ExtractorError(
            E_NOT_DOCUMENT,
            f"{name}: not an extractor document (projects is not a list of numbered projects)",
            "give the JSON that `extractor extract` wrote, or the report itself",
        )
    major = data["schema_version"].split(".")[0]
    if major != schema_version().split(".")[0]:
        raise ExtractorError(
            E_SCHEMA_VERSION,
            f"{name}: schema_version {data['schema_version']} is not supported "
            f"(this extractor reads {schema_version()})",
            "extract both reports again with this version of the extractor",
        )
    return data


PROBLEM_LIMIT = 20
"""At most this many problems are listed for one document; a last line counts the rest."""


def document_problems(data: Any, name: str, limit: int = PROBLEM_LIMIT) -> list[ExtractorError]:
    """Given parsed JSON from `name`, what makes it no valid document (E040, E041, E042s)."""
    try:
        check_document(data, name)
        validator("Document").validate_python(data)
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
