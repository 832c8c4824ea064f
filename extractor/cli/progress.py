"""Several inputs at once: a process pool across the cores, a progress bar on a terminal.

Results come back in input order whatever order the workers finish in, so the
output is the same bytes as one input after another. The bar (tqdm) is drawn on
stderr only when stderr is a terminal and `-q` was not given; it is erased when
done, so the summary lines are all that stays.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from tqdm import tqdm

from extractor.errors import ExtractorError

T = TypeVar("T")

# What a worker sends back: ("ok", result) or ("error", code, message, hint). An
# ExtractorError does not survive pickling as itself (its arguments are not args).
Outcome = tuple[Any, ...]


def shows_progress(quiet: bool) -> bool:
    """A bar only for a person watching: stderr is a terminal and `-q` was not given."""
    return not quiet and sys.stderr.isatty()


def map_inputs(
    work: Callable[..., T], paths: Sequence[Path], *, quiet: bool, unit: str = "input"
) -> list[T]:
    """Given a picklable function and the inputs, its results in input order.

    Several inputs go to a process pool with a worker per core (up to one per
    input), the bar counting inputs; the first input that failed, in input
    order, raises its error. One input runs here, and `work(path, on_page=...)`
    draws a bar of the PDF's pages (a text input has none).
    """
    if len(paths) == 1:
        with PageBar(quiet) as bar:
            return [_result(_guarded(partial(work, on_page=bar.on_page), paths[0]))]
    workers = min(len(paths), os.cpu_count() or 1)
    bar = tqdm(
        total=len(paths),
        unit=unit,
        file=sys.stderr,
        leave=False,
        disable=not shows_progress(quiet),
    )
    with bar:
        if workers < 2:
            outcomes = [_guarded(work, path) for path in _ticking(paths, bar)]
        else:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                futures = [pool.submit(_guarded, work, path) for path in paths]
                outcomes = [future.result() for future in _ticking(futures, bar)]
    return [_result(outcome) for outcome in outcomes]


class PageBar:
    """A bar of a PDF's pages, drawn from the first page read on (no bar for a text input)."""

    def __init__(self, quiet: bool) -> None:
        self.shown = shows_progress(quiet)
        self.bar: tqdm | None = None

    def on_page(self, done: int, total: int) -> None:
        if not self.shown:
            return
        if self.bar is None:
            self.bar = tqdm(total=total, unit="page", file=sys.stderr, leave=False)
        self.bar.update(done - self.bar.n)

    def __enter__(self) -> PageBar:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.close()


def _ticking(entries: Sequence[Any], bar: tqdm) -> Iterator[Any]:
    """Each entry in turn, the bar advanced once the caller is done with it."""
    for entry in entries:
        yield entry
        bar.update()


def _guarded(work: Callable[[Path], T], path: Path) -> Outcome:
    try:
        return ("ok", work(path))
    except ExtractorError as error:
        return ("error", error.code, error.message, error.hint)


def _result(outcome: Outcome) -> Any:
    if outcome[0] == "error":
        raise ExtractorError(*outcome[1:])
    return outcome[1]
