"""Write documents as deterministic JSON, atomically: all of the file or none of it."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from extractor.errors import E_WRITE, ExtractorError


def to_json(document: BaseModel | dict[str, Any]) -> str:
    """Same document, same bytes: key order from the schema, UTF-8 text, 2-space indent.

    A model is written by pydantic's own encoder, which gives the bytes `json.dumps`
    gives of its `model_dump(mode="json")` (`ensure_ascii=False`, `indent=2`) in an
    eighth of the time and without the copy as Python objects.
    """
    if isinstance(document, BaseModel):
        return document.model_dump_json(indent=2) + "\n"
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def write_atomic(path: Path, text: str) -> None:
    """Write beside the target, then rename over it, so a failed run leaves no partial file."""
    directory = path.parent if str(path.parent) else Path(".")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(
            dir=directory, prefix=f".{path.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise ExtractorError(E_WRITE, f"cannot write in {directory}: {error.strerror}") from error
    try:
        os.chmod(temporary, 0o666 & ~_umask())
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise ExtractorError(E_WRITE, f"cannot write {path}: {error.strerror}") from error


def _umask() -> int:
    """The process umask (read by setting it, then restoring it), so output has usual modes."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
