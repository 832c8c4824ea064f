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
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

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


def json_pieces(
    opening: BaseModel, items: Iterable[BaseModel], closing: Callable[[], BaseModel]
) -> Iterator[str]:
    """`to_json` of a document written a project at a time, so it is never whole in memory.

    `opening` is the document with no projects, as it is known before them;
    `items` are its projects; `closing()`, called after the last one, the
    document with no projects and its final last keys. The pieces joined are
    the bytes `to_json` gives of the whole document.
    """
    yield _around_projects(opening)[0]
    count = 0
    for item in items:
        # Two levels deeper in the document: its lines are never blank, each gets four spaces.
        project = "    " + item.model_dump_json(indent=2).replace("\n", "\n    ")
        yield ("\n" if count == 0 else ",\n") + project
        count += 1
    yield ("\n  ]" if count else "]") + _around_projects(closing())[1]


_NO_PROJECTS = '\n  "projects": []'  # never inside a JSON string, which holds no raw newline


def _around_projects(document: BaseModel) -> tuple[str, str]:
    """A document's JSON up to the opening of its projects list, and after its closing."""
    text = to_json(document)
    head, marker, tail = text.partition(_NO_PROJECTS)
    if not marker:
        raise ValueError("json_pieces wants a document with an empty projects list")
    return head + marker[:-1], tail


STDOUT = "-"

Content = str | Iterable[str]
"""What is written: a text, or its pieces in order (the pieces are read once)."""


def write_output(target: str | Path | None, content: Content) -> None:
    """Write `content` to stdout (None or `-`), into a stream, or atomically over a file.

    Pieces meant for a stream are gathered in a temporary file first, so a run that
    fails half-way writes nothing at all, as it does to a file.
    """
    if target is None or str(target) == STDOUT:
        _copy_whole(content, lambda: contextlib.nullcontext(sys.stdout))
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
        _stream(path, content)
    else:
        write_atomic(path, content, mode)


def _stream(path: Path, content: Content) -> None:
    """Write into a FIFO or a device as it is: it cannot be replaced, and must not be."""
    try:
        _copy_whole(content, lambda: path.open("w", encoding="utf-8"))
    except OSError as error:
        raise ExtractorError(E_WRITE, f"cannot write {path}: {error.strerror}") from error


def _copy_whole(content: Content, opened: Callable[[], AbstractContextManager[IO[str]]]) -> None:
    """Write a text, or pieces once they have all come (held in a temporary file till then)."""
    if isinstance(content, str):
        with opened() as handle:
            handle.write(content)
        return
    import shutil
    import tempfile  # only pieces need them, not a text

    with tempfile.TemporaryFile("w+", encoding="utf-8") as held:
        held.writelines(content)
        held.seek(0)
        with opened() as handle:
            shutil.copyfileobj(held, handle)


def write_atomic(path: Path, content: Content, mode: int | None = None) -> None:
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
            handle.writelines([content] if isinstance(content, str) else content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException as error:  # the pieces' own failure too: no partial file is left
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise ExtractorError(E_WRITE, f"cannot write {path}: {error.strerror}") from error
        raise


def _umask() -> int:
    """The process umask (read by setting it, then restoring it), so output has usual modes."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
