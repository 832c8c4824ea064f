"""Write documents as deterministic JSON, atomically: all of the file or none of it.

An output path is honoured for what it is: a regular file (or a new path) is
replaced atomically, a symlink is written through to its target, and a FIFO, a
character device or `-` is streamed into, never replaced by a file.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extractor.errors import E_WRITE, ExtractorError

if TYPE_CHECKING:
    from pydantic import BaseModel


def to_json(document: BaseModel | dict[str, Any]) -> str:
    """Same document, same bytes: key order from the schema, UTF-8 text, 2-space indent.

    A model is written by pydantic's own encoder, which gives the bytes `json.dumps`
    gives of its `model_dump(mode="json")` (`ensure_ascii=False`, `indent=2`) in an
    eighth of the time and without the copy as Python objects.
    """
    if isinstance(document, dict):
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return document.model_dump_json(indent=2) + "\n"


STDOUT = "-"


def write_output(target: str | Path | None, text: str) -> None:
    """Write `text` to stdout (None or `-`), into a stream, or atomically over a file."""
    if target is None or str(target) == STDOUT:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    path = Path(os.path.realpath(target)) if Path(target).is_symlink() else Path(target)
    try:
        mode = path.stat().st_mode
    except OSError:
        mode = None
    if mode is not None and stat.S_ISDIR(mode):
        raise ExtractorError(E_WRITE, f"cannot write {target}: it is a folder", "name a file")
    if mode is not None and not stat.S_ISREG(mode):
        _stream(path, text)
    else:
        write_atomic(path, text, mode)


def _stream(path: Path, text: str) -> None:
    """Write into a FIFO or a device as it is: it cannot be replaced, and must not be."""
    try:
        with path.open("w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as error:
        raise ExtractorError(E_WRITE, f"cannot write {path}: {error.strerror}") from error


def write_atomic(path: Path, text: str, mode: int | None = None) -> None:
    """Write beside the target, then rename over it, so a failed run leaves no partial file.

    The new file keeps `mode`, the permissions of the file it replaces, when given.
    """
    import tempfile  # only a file written needs it, not stdout

    directory = path.parent if str(path.parent) else Path(".")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(
            dir=directory, prefix=f".{path.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise ExtractorError(E_WRITE, f"cannot write in {directory}: {error.strerror}") from error
    try:
        os.chmod(temporary, stat.S_IMODE(mode) if mode is not None else 0o666 & ~_umask())
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
