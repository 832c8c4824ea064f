"""The lines that name the report and its projects, as other writers write them.

The project header missing, bold, as a markdown heading, with other
punctuation or wording; the report title bold, as a markdown heading, wrapped,
in capitals, or with its date worded otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from drift.compare import Content
from drift.lines import HEADER, TITLE, join_lines, map_lines, split_lines

DROPPED_HEADERS = (3, 9)


def drop_headers(text: str) -> str:
    """A writer who left out the header line of projects 3 and 9 (project 6 already lacks one).

    The expected content changes: those projects keep their number (inferred
    from the sequence) but lose their acronym (null) and carry a
    `missing_header` warning; see `expect_dropped_headers`.
    """
    lines = split_lines(text)
    out: list[str] = []
    skip_blank = False
    for line in lines:
        match = HEADER.fullmatch(line)
        if match and int(match["number"]) in DROPPED_HEADERS:
            skip_blank = True
            continue
        if skip_blank and not line.strip():
            skip_blank = False
            continue
        skip_blank = False
        out.append(line)
    return join_lines(out)


def expect_dropped_headers(content: Content) -> Content:
    """The golden content with the dropped headers' acronyms null and `missing_header` added."""
    projects = []
    for project in content["projects"]:
        if project["number"] in DROPPED_HEADERS:
            warnings = sorted([*project["warnings"], "missing_header"])
            project = {**project, "acronym": None, "warnings": warnings}
        projects.append(project)
    return {**content, "projects": projects}


def rewrite_headers(text: str, render: Callable[[re.Match[str]], str]) -> str:
    """The text with each project header line as `render` writes it from its parts."""
    return map_lines(
        text, lambda line: render(match) if (match := HEADER.fullmatch(line)) else line
    )


def _header_as_written(match: re.Match[str]) -> str:
    return match.group(0).rstrip()


def header_bold(text: str) -> str:
    """Word to markdown: the project header line bold, its table-row tabs gone."""
    return rewrite_headers(text, lambda m: f"**{_header_as_written(m)}**")


def header_markdown(text: str) -> str:
    """A converter that makes each project header a markdown heading (`## Nr. proiect ...`)."""
    return rewrite_headers(text, lambda m: f"## {_header_as_written(m)}")


def header_separated(match: re.Match[str], separator: str) -> str:
    """`Nr. proiect / acronim - 3 - CLS/Ino Tex`: `separator` between label, number, code."""
    spaced = separator if separator in ":," else f" {separator}"
    return f"{match['label']}{spaced} {match['number']}{spaced} CLS/{match['acronym']}"


HEADER_SEPARATORS = {"colon": ":", "hyphen": "-", "en_dash": "\u2013", "slash": "/", "comma": ","}


def header_proiect_nr(text: str) -> str:
    """Another year's header wording: `Proiect nr. 3 (CLS/Ino Tex)`."""
    return rewrite_headers(text, lambda m: f"Proiect nr. {m['number']} (CLS/{m['acronym']})")


def _rewrite_title(text: str, render: Callable[[str], str]) -> str:
    return map_lines(text, lambda line: render(line) if TITLE.fullmatch(line) else line)


def title_bold(text: str) -> str:
    """Word to markdown: the report title line bold."""
    return _rewrite_title(text, lambda line: f"**{line}**")


def title_markdown(text: str) -> str:
    """A converter that makes the report title a level-1 markdown heading."""
    return _rewrite_title(text, lambda line: f"# {line}")


def title_upper(text: str) -> str:
    """A writer who sets the report title in capitals."""
    return _rewrite_title(text, str.upper)


def expect_title_upper(content: Content) -> Content:
    """The golden content with the title in capitals (its date, `as_of`, the same)."""
    return {**content, "report": {**content["report"], "title": content["report"]["title"].upper()}}


def title_wrapped(text: str) -> str:
    """pdftotext of a centred title too long for one line: its date on the next line."""
    return _rewrite_title(text, lambda line: line.replace(" la ", " la\n", 1))


TITLE_DATE_WORDINGS = {
    "in_words": ("31 decembrie 2019", "a writer who names the month: `la 31 decembrie 2019`"),
    "la_data_de": ("data de 31.12.2019", "a writer who dates the title `la data de 31.12.2019`"),
    "in_words_la_data_de": ("data de 31 decembrie 2019", "both: `la data de 31 decembrie 2019`"),
}


def title_date_worded(text: str, wording: str) -> str:
    """The title's date as `wording` writes it; the title's text changes with it."""
    return _rewrite_title(text, lambda line: line.replace("31.12.2019", wording))


def expect_title_date_worded(content: Content, wording: str) -> Content:
    """The golden content with the title as reworded (its date, `as_of`, the same)."""
    title = content["report"]["title"].replace("31.12.2019", wording)
    return {**content, "report": {**content["report"], "title": title}}
