"""Split lines where the conversion glued a heading onto the line before it.

`Site proiect<https://x.ro/>**Obiectivul proiectului:**` holds the website and
the objective heading; `Principalele rezultate**Activitățile … Etapa nr. 1 :**`
holds the results heading and a sub-heading. Later stages read fragments, so
a glued heading is read like one on its own line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import regex

from extractor.text.source import Line

_TRAILING_BOLD = regex.compile(r"\*\*(?P<inner>[^*\n]+?)\*\*\s*$")


@dataclass(frozen=True)
class Fragment:
    """A non-blank piece of one line, with the source offsets of its ends."""

    line: Line
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.line.text[self.start - self.line.start : self.end - self.line.start]

    @property
    def indent(self) -> int:
        text = self.text
        return len(text) - len(text.lstrip())


def lines_to_fragments(lines: Iterable[Line], is_heading: Callable[[str], bool]) -> list[Fragment]:
    """Given lines, their non-blank fragments, split before a glued bold heading."""
    fragments = []
    for line in lines:
        if line.is_blank:
            continue
        text = line.text.rstrip()
        end = line.start + len(text)
        glued = _TRAILING_BOLD.search(text)
        if (
            glued
            and glued.start() > 0
            and text[: glued.start()].strip()
            and is_heading(glued.group("inner"))
        ):
            fragments.append(Fragment(line, line.start, line.start + glued.start()))
            fragments.append(Fragment(line, line.start + glued.start(), end))
        else:
            fragments.append(Fragment(line, line.start, end))
    return fragments
