"""Extract several reports so that one bad file never costs the others.

`extract_outcome` gives a file's document or the error that stopped it, never
raising, so a caller (a notebook's loop) tries every file and names the
failures; `extract_each` is that loop. `write_outcome` extracts a file straight
into its output a project at a time, as the CLI's process pool does, so a large
report is never a whole document in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from extractor.assembly import Summary
from extractor.collector import cyclic_gc_paused
from extractor.emit import json_pieces, write_output
from extractor.errors import E_INTERNAL, ExtractorError
from extractor.models import Document
from extractor.pipeline import DEFAULT_ENGINE, PageProgress, document_parts, extract
from extractor.ruleset import Rules

T = TypeVar("T")
Outcome = Document | ExtractorError


def extract_outcome(
    path: Path,
    rules: Rules,
    *,
    allow_empty: bool = False,
    on_page: PageProgress | None = None,
    pdf_engine: str = DEFAULT_ENGINE,
) -> Outcome:
    """Given a report path, its document, or the error it met."""
    return _outcome(
        path,
        lambda: extract(
            path, rules, allow_empty=allow_empty, on_page=on_page, pdf_engine=pdf_engine
        ),
    )


def extract_each(
    paths: Iterable[Path], rules: Rules, *, allow_empty: bool = False
) -> Iterator[tuple[Path, Outcome]]:
    """Given report paths, each path with its document or its error, one after another."""
    for path in paths:
        yield path, extract_outcome(path, rules, allow_empty=allow_empty)


def write_outcome(
    path: Path,
    targets: dict[Path, Path | None],
    rules: Rules,
    *,
    allow_empty: bool = False,
    on_page: PageProgress | None = None,
    pdf_engine: str = DEFAULT_ENGINE,
) -> Summary | ExtractorError:
    """Given a report path, write its document to `targets[path]` (None: stdout).

    What was written, or the error that stopped it; a failed run leaves the
    output as it was.
    """

    def write() -> Summary:
        parts = document_parts(
            path, rules, allow_empty=allow_empty, on_page=on_page, pdf_engine=pdf_engine
        )
        with cyclic_gc_paused():
            pieces = json_pieces(parts.opening(), parts.projects(), parts.closing)
            write_output(targets[path], pieces)
        return parts.summary()

    return _outcome(path, write)


def _outcome(path: Path, work: Callable[[], T]) -> T | ExtractorError:
    """What `work` gives, or its error; never raising, so the files after it are still tried.

    An unexpected exception (a bug) is an E050 for that file, with the exception
    as its cause.
    """
    try:
        return work()
    except ExtractorError as error:
        return error
    except Exception as error:
        failure = ExtractorError(
            E_INTERNAL,
            f"{path}: internal error: {type(error).__name__}: {error}",
            "please report it with the input file; --debug shows the traceback",
        )
        failure.__cause__ = error
        return failure
