"""Extract several reports so that one bad file never costs the others.

`extract_outcome` gives a file's document or the error that stopped it, never
raising, so a caller (the CLI's process pool, a notebook's loop) tries every
file, writes the good ones and names the failures; `extract_each` is that loop.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from extractor.errors import E_INTERNAL, ExtractorError
from extractor.models import Document
from extractor.pipeline import DEFAULT_ENGINE, PageProgress, extract
from extractor.ruleset import Rules

Outcome = Document | ExtractorError


def extract_outcome(
    path: Path,
    rules: Rules,
    *,
    allow_empty: bool = False,
    on_page: PageProgress | None = None,
    pdf_engine: str = DEFAULT_ENGINE,
) -> Outcome:
    """Given a report path, its document, or the error it met.

    An unexpected exception (a bug) is an E050 for that file, with the exception as
    its cause, so the files after it are still tried.
    """
    try:
        return extract(path, rules, allow_empty=allow_empty, on_page=on_page, pdf_engine=pdf_engine)
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


def extract_each(
    paths: Iterable[Path], rules: Rules, *, allow_empty: bool = False
) -> Iterator[tuple[Path, Outcome]]:
    """Given report paths, each path with its document or its error, one after another."""
    for path in paths:
        yield path, extract_outcome(path, rules, allow_empty=allow_empty)
