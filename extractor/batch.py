"""Extract several reports, one at a time, so that one bad file never costs the others.

`extract_each` tries every file and yields its document or the error that
stopped it; the caller writes the good ones and names the failures.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from extractor.errors import E_INTERNAL, ExtractorError
from extractor.models import Document
from extractor.pipeline import extract
from extractor.ruleset import Rules

Outcome = Document | ExtractorError


def extract_each(
    paths: Iterable[Path], rules: Rules, *, allow_empty: bool = False
) -> Iterator[tuple[Path, Outcome]]:
    """Given report paths, each path with its document, or with the error it met, in order.

    An unexpected exception (a bug) is an E050 for that file, with the exception as
    its cause, so the files after it are still tried.
    """
    for path in paths:
        try:
            yield path, extract(path, rules, allow_empty=allow_empty)
        except ExtractorError as error:
            yield path, error
        except Exception as error:
            failure = ExtractorError(
                E_INTERNAL,
                f"{path}: internal error: {type(error).__name__}: {error}",
                "please report it with the input file; --debug shows the traceback",
            )
            failure.__cause__ = error
            yield path, failure
