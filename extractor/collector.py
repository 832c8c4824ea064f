"""Python's cyclic garbage collector, paused while large acyclic data is built.

A command imports spaCy and pydantic and reads a report; the stages then build
millions of small acyclic dicts, lists and models. Each full pass of the collector
walks all of them, so its cost grows with the heap: it was a fifth of a PDF
extraction's CPU time and made a run superlinear (100,000 header lines: 48 s, 4 s
without it). Reference counting frees everything the stages drop; the collector,
on again afterwards, takes any cycles a library made.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """The collector off inside the block, then as it was before (pauses may nest)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
