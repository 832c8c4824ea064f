"""Section headings as other writers and converters write them.

Other wordings, any case, no colon, bold, markdown levels, numbering; the
forms that put a heading on a line of its own also unglue the 2019 headings
glued to a website line or to a sub-heading.
"""

from __future__ import annotations

from collections.abc import Callable

from drift.lines import (
    PREAMBLE_HEADING,
    SECTION_KEYS,
    SUBHEADING,
    Heading,
    find_heading,
    join_lines,
    map_lines,
    roman,
    split_lines,
)


def _glued(heading: Heading, text: str, colon: str) -> str:
    return f"{heading.before}{'**' if heading.before else ''}{text}{colon}" + (
        "**" if heading.before else heading.after
    )


def reword_headings(text: str, key: str, wording: str) -> str:
    """The text with the `key` section's headings in another wording, colon and glue kept."""

    def reword(line: str) -> str:
        heading = find_heading(line)
        if heading is None or heading.key != key:
            return line
        return _glued(heading, wording, heading.colon)

    return map_lines(text, reword)


def _recase_headings(text: str, case: Callable[[str], str]) -> str:
    def recase(line: str) -> str:
        heading = find_heading(line)
        return line if heading is None else _glued(heading, case(heading.text), heading.colon)

    return map_lines(text, recase)


def headings_upper(text: str) -> str:
    """A writer who types section headings in capitals (`OBIECTIVUL PROIECTULUI:`)."""
    return _recase_headings(text, str.upper)


def headings_lower(text: str) -> str:
    """A writer who types section headings in lower case (`principalele rezultate:`)."""
    return _recase_headings(text, str.lower)


def headings_title_case(text: str) -> str:
    """A template with title-cased section headings (`Activități În Curs:`)."""
    return _recase_headings(text, str.title)


def headings_no_colon(text: str) -> str:
    """A writer who ends section headings without a colon."""

    def uncolon(line: str) -> str:
        heading = find_heading(line)
        return line if heading is None else _glued(heading, heading.text, "")

    return map_lines(text, uncolon)


def _reformat_headings(
    text: str, section: Callable[[Heading], str], subheading: Callable[[str], str]
) -> str:
    """Each section heading and sub-heading on a line of its own, in a converter's form."""

    def reformat(line: str) -> list[str]:
        heading = find_heading(line)
        if heading is not None:
            before = [heading.before, ""] if heading.before else []
            after = ["", subheading(heading.after.strip("*"))] if heading.after else []
            return [*before, section(heading), *after]
        if SUBHEADING.fullmatch(line):
            return [subheading(line)]
        return [line]

    return map_lines(text, reformat)


def headings_bold(text: str) -> str:
    """Word to markdown: every heading bold on a line of its own, none glued to another line."""

    def bold(line: str) -> str:
        return f"**{line}**"

    unglued = _reformat_headings(text, lambda h: bold(h.text + h.colon), bold)
    return map_lines(unglued, lambda line: bold(line) if line == PREAMBLE_HEADING else line)


def headings_markdown(text: str, level: int) -> str:
    marks = "#" * level
    unglued = _reformat_headings(
        text, lambda h: f"{marks} {h.text}{h.colon}", lambda s: f"{marks}# {s}"
    )
    return map_lines(unglued, lambda line: f"{marks} {line}" if line == PREAMBLE_HEADING else line)


def _headings_numbered(text: str, number: Callable[[int], str]) -> str:
    return _reformat_headings(
        text,
        lambda h: f"{number(SECTION_KEYS.index(h.key) + 1)}. {h.text}{h.colon}",
        lambda s: s,
    )


def headings_numbered_arabic(text: str) -> str:
    """A template that numbers the three sections (`1. Obiectivul proiectului:`)."""
    return _headings_numbered(text, str)


def headings_numbered_roman(text: str) -> str:
    """A template that numbers the three sections in Roman numerals (`II. Principalele ...`)."""
    return _headings_numbered(text, roman)


def headings_tight(text: str) -> str:
    """pdftotext -layout: each heading on a line of its own, the text right below it."""
    unglued = _reformat_headings(text, lambda h: h.text + h.colon, lambda s: s)
    out: list[str] = []
    below_heading = False
    for line in split_lines(unglued):
        if below_heading and not line.strip():
            continue
        out.append(line)
        below_heading = find_heading(line) is not None or bool(SUBHEADING.fullmatch(line))
    return join_lines(out)
