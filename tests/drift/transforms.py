"""Layout drift: the 2019 report text rewritten the way another year or converter writes it.

Each transformation is a small pure function of the whole text (in the modules
beside this one) that changes the form, never the words. `TRANSFORMS` is the
one ordered table of them: a stable name, the family a combination takes one
of at most, a one-line description of the writer or converter it imitates,
and, where the expected content changes, the function that gives the expected
content from the golden's. The table's order is the order a combination
applies them in: structure first, then wrapping and pages, then characters,
the encoding last (it turns the text into bytes).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from drift.bullets import (
    BULLET_PAIRS,
    MARKERS,
    NOT_FIRST_LEVEL,
    remark,
    sub_bullets_four_spaces,
    sub_bullets_tab,
)
from drift.characters import (
    LEGACY_ENCODINGS,
    cedilla_letters,
    crlf,
    expect_legacy,
    legacy_encoded,
    nbsp,
    utf8_bom,
    utf16_bom,
)
from drift.compare import Content
from drift.headers import (
    HEADER_SEPARATORS,
    TITLE_DATE_WORDINGS,
    drop_headers,
    expect_dropped_headers,
    expect_title_date_worded,
    expect_title_upper,
    header_bold,
    header_markdown,
    header_proiect_nr,
    header_separated,
    rewrite_headers,
    title_bold,
    title_date_worded,
    title_markdown,
    title_upper,
    title_wrapped,
)
from drift.headings import (
    headings_bold,
    headings_lower,
    headings_markdown,
    headings_no_colon,
    headings_numbered_arabic,
    headings_numbered_roman,
    headings_tight,
    headings_title_case,
    headings_upper,
    reword_headings,
)
from drift.lines import SECTION_WORDINGS
from drift.pages import (
    PAGE_NUMBERS,
    page_break_before_number,
    page_break_blank_lines,
    page_break_form_feed,
    paginate,
    running_head,
)
from drift.preamble import COUNT_WORDINGS, expect_counts_reworded, reword_counts
from drift.tables import (
    PERIOD_FORMS,
    table_columns,
    table_columns_close,
    table_members_worded,
    table_period_reworded,
    table_pipe,
    table_pipe_aligned,
    table_row_split,
    table_row_split_page_break,
    table_row_wrapped_cell,
    table_vertical_colon,
    table_vertical_lines,
    website_markdown_links,
)
from drift.wrapping import WRAPS, wrap

Rewrite = Callable[[str], "str | bytes"]


def _same(content: Content) -> Content:
    return content


@dataclass(frozen=True)
class Transform:
    """One drift transformation: its name, what it imitates, and what it should extract to."""

    name: str
    family: str
    rewrite: Rewrite
    imitates: str
    expect: Callable[[Content], Content] = _same


# A combination takes one transformation of a family at most (two heading forms
# or two table shapes would undo each other), and applies them in this order.
FAMILIES = (
    "missing_headers",
    "header",
    "title",
    "counts",
    "heading_objective",
    "heading_results",
    "heading_ongoing",
    "heading_form",
    "values",
    "table",
    "website",
    "bullets",
    "wrap",
    "pages",
    "letters",
    "spaces",
    "line_ends",
    "encoding",
)


def _from_function(family: str, rewrite: Callable[[str], Any], **extra: Any) -> Transform:
    """A transformation named after its function, its docstring's first line saying what."""
    doc = (rewrite.__doc__ or "").strip().splitlines()
    return Transform(rewrite.__name__, family, rewrite, doc[0] if doc else "", **extra)


def _slug(wording: str) -> str:
    """`Activități în curs` gives `activitati_in_curs`."""
    letters = unicodedata.normalize("NFKD", wording.casefold()).encode("ascii", "ignore")
    return "_".join(letters.decode().split())


def _headers_and_titles() -> Iterator[Transform]:
    yield _from_function("missing_headers", drop_headers, expect=expect_dropped_headers)
    for function in (header_bold, header_markdown, header_proiect_nr):
        yield _from_function("header", function)
    for name, separator in HEADER_SEPARATORS.items():
        yield Transform(
            f"header_separator_{name}",
            "header",
            partial(rewrite_headers, render=partial(header_separated, separator=separator)),
            f"another year's header punctuation: `Nr. proiect / acronim{separator} 3 ...`",
        )
    for function in (title_bold, title_markdown, title_wrapped):
        yield _from_function("title", function)
    yield _from_function("title", title_upper, expect=expect_title_upper)
    yield from _reworded(
        "title_date", "title", TITLE_DATE_WORDINGS, title_date_worded, expect_title_date_worded
    )
    yield from _reworded("counts", "counts", COUNT_WORDINGS, reword_counts, expect_counts_reworded)


def _reworded(
    prefix: str,
    family: str,
    wordings: dict[str, tuple[str, str]],
    rewrite: Callable[..., str],
    expect: Callable[..., Content],
) -> Iterator[Transform]:
    """A transformation per wording (name: the wording and who writes it) of the report's
    own words: `rewrite(text, wording=...)`, the content expected `expect(content, wording=...)`."""
    for name, (wording, origin) in wordings.items():
        yield Transform(
            f"{prefix}_{name}",
            family,
            partial(rewrite, wording=wording),
            origin,
            partial(expect, wording=wording),
        )


def _headings() -> Iterator[Transform]:
    for key, wordings in SECTION_WORDINGS.items():
        for wording in wordings[1:]:
            yield Transform(
                f"heading_{_slug(wording)}",
                f"heading_{key}",
                partial(reword_headings, key=key, wording=wording),
                f"another writer's {key} heading: `{wording}`",
            )
    for function in (
        headings_upper,
        headings_lower,
        headings_title_case,
        headings_no_colon,
        headings_bold,
        headings_tight,
    ):
        yield _from_function("heading_form", function)
    for level in (1, 2, 3):
        yield Transform(
            f"headings_markdown_h{level}",
            "heading_form",
            partial(headings_markdown, level=level),
            f"a markdown converter: headings `{'#' * level} ...` on lines of their own",
        )
    for function in (headings_numbered_arabic, headings_numbered_roman):
        yield _from_function("heading_form", function)


def _tables() -> Iterator[Transform]:
    yield _from_function("values", table_members_worded)
    for form, (_, origin) in PERIOD_FORMS.items():
        yield Transform(
            f"table_period_{form}", "values", partial(table_period_reworded, form=form), origin
        )
    for function in (
        table_pipe,
        table_pipe_aligned,
        table_vertical_colon,
        table_vertical_lines,
        table_row_split,
        table_row_wrapped_cell,
        table_row_split_page_break,
        table_columns,
        table_columns_close,
    ):
        yield _from_function("table", function)
    yield _from_function("website", website_markdown_links)


def _bullets() -> Iterator[Transform]:
    for name, marker in MARKERS.items():
        if name not in NOT_FIRST_LEVEL:
            yield Transform(
                f"bullets_first_{name}",
                "bullets",
                partial(remark, first=marker, second=None),
                f"first-level items marked `{marker.glyph}`: {marker.origin}",
            )
    for name, marker in MARKERS.items():
        yield Transform(
            f"bullets_second_{name}",
            "bullets",
            partial(remark, first=None, second=marker),
            f"second-level items marked `{marker.glyph}`: {marker.origin}",
        )
    for name, (first, second, indent, origin) in BULLET_PAIRS.items():
        yield Transform(
            f"bullets_pair_{name}",
            "bullets",
            partial(remark, first=MARKERS[first], second=MARKERS[second], second_indent=indent),
            origin,
        )
    for function in (sub_bullets_tab, sub_bullets_four_spaces):
        yield _from_function("bullets", function)


def _layout() -> Iterator[Transform]:
    for name, (width, indented, hyphenate, origin) in WRAPS.items():
        yield Transform(
            name,
            "wrap",
            partial(wrap, width=width, indent_continuation=indented, hyphenate=hyphenate),
            origin,
        )
    for name, (furniture, form) in PAGE_NUMBERS.items():
        yield Transform(
            f"page_numbers_{name}",
            "pages",
            partial(paginate, furniture=furniture),
            f"a PDF-to-text converter keeping page numbers {form}, also inside a paragraph",
        )
    yield _from_function("pages", running_head)
    yield _from_function("pages", page_break_blank_lines)
    yield _from_function("pages", page_break_form_feed)
    yield _from_function("pages", page_break_before_number)


def _characters() -> Iterator[Transform]:
    yield _from_function("letters", cedilla_letters)
    yield _from_function("spaces", nbsp)
    yield _from_function("line_ends", crlf)
    for name, origin in LEGACY_ENCODINGS.items():
        encoding = name.replace("_", "-")
        yield Transform(
            f"encoding_{name}",
            "encoding",
            partial(legacy_encoded, encoding=encoding),
            f"{origin}; what it cannot write becomes ASCII",
            partial(expect_legacy, encoding=encoding),
        )
    yield _from_function("encoding", utf16_bom)
    yield _from_function("encoding", utf8_bom)


def _checked(transforms: list[Transform]) -> tuple[Transform, ...]:
    names = [transform.name for transform in transforms]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise ValueError(f"drift transforms registered twice: {duplicates}")
    unknown = sorted({t.family for t in transforms} - set(FAMILIES))
    if unknown:
        raise ValueError(f"drift transforms of no known family: {unknown}")
    return tuple(sorted(transforms, key=lambda t: FAMILIES.index(t.family)))


TRANSFORMS = _checked(
    [
        *_headers_and_titles(),
        *_headings(),
        *_tables(),
        *_bullets(),
        *_layout(),
        *_characters(),
    ]
)


def apply(transforms: tuple[Transform, ...], text: str) -> bytes:
    """The report's bytes after `transforms` in order (UTF-8 unless an encoding comes last)."""
    result: str | bytes = text
    for transform in transforms:
        if isinstance(result, bytes):
            raise ValueError(f"{transform.name} comes after an encoding")
        result = transform.rewrite(result)
    return result if isinstance(result, bytes) else result.encode("utf-8")


def expected(transforms: tuple[Transform, ...], content: Content) -> Content:
    """The content the transformed report should extract to, from the golden's."""
    for transform in transforms:
        content = transform.expect(content)
    return content
