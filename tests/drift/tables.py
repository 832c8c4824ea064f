"""The metadata table and the website line as other converters write them.

A markdown pipe table (its columns' alignment marked or not), two vertical forms,
a value row split across two lines (between cells or inside the long title cell),
or cut by a page break, and the table laid out in columns with spaces, its cells
wrapped (`pdftotext -layout`); the website's URL as a markdown link.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from drift.lines import (
    HEADER,
    MEMBERS_LABEL,
    PERIOD_LABEL,
    RUNNING_HEAD,
    SITE_LABEL,
    TABLE_LABELS,
    join_lines,
    map_lines,
    split_lines,
)


@dataclass(frozen=True)
class Table:
    """One project's metadata table: column headers, values, and its `Site proiect` row."""

    headers: list[str]
    values: list[str]
    site: list[str] | None

    @property
    def site_urls(self) -> str:
        return " ".join(cell for cell in (self.site or [])[1:] if cell)


def _rewrite_tables(
    text: str, render: Callable[[Table], list[str]], strip_header_tabs: bool = True
) -> str:
    """Each tab-separated table (header row, value row, tabbed site row) as `render` writes it."""
    lines = split_lines(text)
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.startswith(f"{TABLE_LABELS[0]}\t"):
            header = HEADER.fullmatch(line)
            out.append(line.rstrip() if header and strip_header_tabs else line)
            index += 1
            continue
        values = lines[index + 1].split("\t")
        site_line = lines[index + 2] if index + 2 < len(lines) else ""
        site = site_line.split("\t") if site_line.startswith(f"{SITE_LABEL}\t") else None
        out.extend(render(Table(line.split("\t"), values, site)))
        index += 3 if site else 2
    return join_lines(out)


def _pipe_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _pipe_table(table: Table) -> list[str]:
    rows = [_pipe_row(table.headers), "|" + "---|" * len(table.headers), _pipe_row(table.values)]
    return rows + ([_pipe_row(table.site)] if table.site else [])


def _value_reworded(table: Table, label: str, reword: Callable[[str], str]) -> list[str]:
    """The table as tab rows, as it was, the value under `label` reworded."""
    column = table.headers.index(label)
    values = [reword(value) if at == column else value for at, value in enumerate(table.values)]
    site = ["\t".join(table.site)] if table.site else []
    return ["\t".join(table.headers), "\t".join(values), *site]


def table_members_worded(text: str) -> str:
    """A writer who counts a cluster's members with their noun: `32 membri`."""
    render = partial(_value_reworded, label=MEMBERS_LABEL, reword=lambda value: f"{value} membri")
    return _rewrite_tables(text, render, strip_header_tabs=False)


MONTHS = ("ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august",
          "septembrie", "octombrie", "noiembrie", "decembrie")  # fmt: skip
_DATE = re.compile(r"(\d{2})\.(\d{2})\.(\d{4})")


def _in_words(period: str) -> str:
    return _DATE.sub(lambda m: f"{int(m[1])} {MONTHS[int(m[2]) - 1]} {m[3]}", period).replace(
        " - ", " \u2013 "
    )


PERIOD_FORMS = {
    "in_words": (_in_words, "a writer who names the months: `1 iunie 2018 \u2013 31 mai 2020`"),
    "slashes": (
        lambda period: period.replace(".", "/"),
        "a word processor's dates with slashes: `01/06/2018 - 31/05/2020`",
    ),
}


def table_period_reworded(text: str, form: str) -> str:
    """The period written in another `form` of PERIOD_FORMS; the dates are the same."""
    reword, _ = PERIOD_FORMS[form]
    render = partial(_value_reworded, label=PERIOD_LABEL, reword=reword)
    return _rewrite_tables(text, render, strip_header_tabs=False)


def table_pipe(text: str) -> str:
    """A markdown converter (pandoc) that writes each metadata table as a pipe table."""
    return _rewrite_tables(text, _pipe_table)


ALIGNMENTS = (":--", ":-:", "--:", "-")


def _aligned_pipe_table(table: Table) -> list[str]:
    header, _, *rest = _pipe_table(table)
    marks = (ALIGNMENTS[column % len(ALIGNMENTS)] for column in range(len(table.headers)))
    return [header, "|" + "|".join(marks) + "|", *rest]


def table_pipe_aligned(text: str) -> str:
    """A markdown converter that marks each column's alignment in the pipe table's delimiter
    row (`|:--|:-:|--:|-|`)."""
    return _rewrite_tables(text, _aligned_pipe_table)


_AUTOLINK_OR_URL = re.compile(
    r"<((?:https?://|www\.)[^<>\s]+)>|(?<!<)((?:https?://|www\.)[^\s<>*\"]+)"
)


def website_markdown_links(text: str) -> str:
    """A markdown converter that writes each website URL as a link, `[url](url)`."""
    return map_lines(
        text,
        lambda line: (
            _AUTOLINK_OR_URL.sub(lambda m: f"[{m[1] or m[2]}]({m[1] or m[2]})", line)
            if line.startswith((SITE_LABEL, "<http"))
            else line
        ),
    )


def _vertical_colon(table: Table) -> list[str]:
    rows = [f"{label}: {value}" for label, value in zip(table.headers, table.values, strict=True)]
    return rows + ([f"{SITE_LABEL}: {table.site_urls}"] if table.site else [])


def table_vertical_colon(text: str) -> str:
    """A writer who lists the metadata as `Titlu: ...`, one field a line."""
    return _rewrite_tables(text, _vertical_colon)


def _vertical_lines(table: Table) -> list[str]:
    rows = [line for pair in zip(table.headers, table.values, strict=True) for line in pair]
    return rows + ([SITE_LABEL, table.site_urls] if table.site else [])


def table_vertical_lines(text: str) -> str:
    """A converter that reads the table column by column: each label, then its value below."""
    return _rewrite_tables(text, _vertical_lines)


SPLIT_AFTER_CELL = 3


def _split_row(table: Table, between: list[str]) -> list[str]:
    first = "\t".join(table.values[:SPLIT_AFTER_CELL])
    rest = "\t".join(table.values[SPLIT_AFTER_CELL:])
    site = ["\t".join(table.site)] if table.site else []
    return ["\t".join(table.headers), first, *between, rest, *site]


def table_row_split(text: str) -> str:
    """A converter that breaks a long table row in two lines between its cells."""
    return _rewrite_tables(text, lambda table: _split_row(table, []), strip_header_tabs=False)


def _wrapped_title_row(table: Table) -> list[str]:
    words = table.values[0].split(" ")
    half = len(words) // 2
    first = " ".join(words[:half])
    rest = "\t".join([" ".join(words[half:]), *table.values[1:]])
    site = ["\t".join(table.site)] if table.site else []
    return ["\t".join(table.headers), first, rest, *site]


def table_row_wrapped_cell(text: str) -> str:
    """A converter that wraps the long title cell, so the value row goes on on the next line."""
    return _rewrite_tables(text, _wrapped_title_row, strip_header_tabs=False)


def table_row_split_page_break(text: str) -> str:
    """A PDF-to-text converter: a page break (footer, running head) falls inside a table row."""
    pages = iter(range(2, 100))
    return _rewrite_tables(
        text,
        lambda table: _split_row(table, [str(next(pages)), RUNNING_HEAD]),
        strip_header_tabs=False,
    )


# `pdftotext -layout`: a column as wide as its widest words allow, up to this many chars,
# and this many spaces between columns.
COLUMN_WIDTH = 14
COLUMN_GAP = 3


def _laid_out(cells: list[list[str]], widths: list[int], gaps: list[int]) -> list[str]:
    """Wrapped cells side by side, each at its column's position (`gaps` spaces after each
    column but the last), as many lines as the longest takes."""
    lines = []
    for row in range(max(map(len, cells))):
        parts = [
            (cell[row] if row < len(cell) else "").ljust(width)
            for cell, width in zip(cells, widths, strict=True)
        ]
        line = "".join(part + " " * gap for part, gap in zip(parts, [*gaps, 0], strict=True))
        lines.append(line.rstrip())
    return lines


def _columns(table: Table, last_gap: int = COLUMN_GAP) -> list[str]:
    def wrap(text: str) -> list[str]:
        return textwrap.wrap(text, COLUMN_WIDTH, break_long_words=False)

    labels = [wrap(label) for label in table.headers]
    values = [wrap(value) for value in table.values]
    widths = [
        max(len(line) for line in [*label, *value])
        for label, value in zip(labels, values, strict=True)
    ]
    gaps = [COLUMN_GAP] * (len(widths) - 2) + [last_gap]
    site = [f"{SITE_LABEL}{' ' * COLUMN_GAP}{table.site_urls}"] if table.site else []
    return [*_laid_out(labels, widths, gaps), *_laid_out(values, widths, gaps), "", *site]


def table_columns(text: str) -> str:
    """`pdftotext -layout`: the table laid out in columns with spaces, each cell (and label)
    wrapped at its column's width, the lines of a row one under the other."""
    return _rewrite_tables(text, _columns)


def table_columns_close(text: str) -> str:
    """`pdftotext -layout` of a tight table (Chromium's): the last two columns one space
    apart, so a header `Regiunea Domeniu` and a row `Nord-Vest Energie, mediu`."""
    return _rewrite_tables(text, lambda table: _columns(table, last_gap=1))
