"""Page furniture a PDF-to-text converter leaves in the text.

Running heads and page numbers every so many lines: every other page break
falls between two lines, the others inside a paragraph, cut mid-sentence
before a lower-case word, whose two halves must be joined again.
"""

from __future__ import annotations

from collections.abc import Callable

from drift.lines import (
    RUNNING_HEAD,
    TEXT_KINDS,
    bullet_prefix,
    classify,
    join_lines,
    opens_line_badly,
    split_lines,
)

PAGE_LINES = 40
SENTENCE_END = ".;:!?"
MIN_CUT_LINE = 40  # a shorter line is not cut in two


def _opens_lower(word: str) -> bool:
    return word[0].isalpha() and word[0].islower() and not opens_line_badly(word)


def _opens_number(word: str) -> bool:
    return word[0].isdigit()


def _mid_split(line: str, opens: Callable[[str], bool] = _opens_lower) -> int | None:
    """Where a page break may cut a line mid-sentence: before a word `opens` takes (a
    lower-case one by default), mid-line."""
    if len(line) < MIN_CUT_LINE:
        return None
    prefix = bullet_prefix(line) or ""
    spaces = [i for i, char in enumerate(line) if char == " " and i > len(prefix)]
    for index in sorted(spaces, key=lambda i: abs(i - len(line) // 2)):
        head, tail = line[:index], line[index + 1 :]
        words = tail.split()
        if not words or not head.strip() or head.endswith(tuple(SENTENCE_END)):
            continue
        if opens(words[0]):
            return index
    return None


def _page_breaks(
    lines: list[str], opens: Callable[[str], bool] = _opens_lower
) -> list[tuple[int, int | None]]:
    """Where the page breaks fall, as (line index, offset of the cut in it, or None).

    Every PAGE_LINES lines a break: after that line, or (every other one) inside
    the next text line that can be cut mid-sentence.
    """
    kinds = classify(lines)
    breaks: list[tuple[int, int | None]] = []
    pending = False
    for index, (line, kind) in enumerate(zip(lines, kinds, strict=True)):
        split = _mid_split(line, opens) if pending and kind in TEXT_KINDS else None
        if split is not None:
            breaks.append((index, split))
            pending = False
        elif (index + 1) % PAGE_LINES == 0 and index + 1 < len(lines):
            if (index + 1) // PAGE_LINES % 2:
                breaks.append((index, None))
            else:
                pending = True
    return breaks


def paginate(
    text: str,
    furniture: Callable[[int, int], list[str]],
    opens: Callable[[str], bool] = _opens_lower,
) -> str:
    """The text with `furniture(page, pages)` (footer, running head) at each page break;
    a break inside a line falls before a word `opens` takes."""
    lines = split_lines(text)
    breaks = dict(_page_breaks(lines, opens))
    pages = len(breaks) + 1
    out: list[str] = []
    page = 1
    for index, line in enumerate(lines):
        if index not in breaks:
            out.append(line)
            continue
        split = breaks[index]
        block = furniture(page, pages)
        page += 1
        if split is None:
            out.extend([line, *block])
        else:
            out.extend([line[:split], *block, line[split + 1 :]])
    return join_lines(out)


PAGE_NUMBERS = {
    "plain": (lambda page, pages: [str(page)], "`3`"),
    "dashed": (lambda page, pages: [f"- {page} -"], "`- 3 -`"),
    "pagina_din": (lambda page, pages: [f"Pagina {page} din {pages}"], "`Pagina 3 din 20`"),
    "pag": (lambda page, pages: [f"pag. {page}"], "`pag. 3`"),
    "slash": (lambda page, pages: [f"{page}/{pages}"], "`3/20`"),
}


def running_head(text: str) -> str:
    """A PDF-to-text converter that keeps each page's running head, also inside a paragraph."""
    return paginate(text, lambda page, pages: [RUNNING_HEAD])


def page_break_blank_lines(text: str) -> str:
    """pdftotext -layout: footer page number and next running head between blank lines."""
    return paginate(
        text, lambda page, pages: ["", f"Pagina {page} din {pages}", "", RUNNING_HEAD, ""]
    )


_NEXT_PAGE = "\x00next page\x00"


def page_break_form_feed(text: str) -> str:
    """pdftotext: the page number, then a form feed opening the next page's first line."""
    paged = paginate(text, lambda page, pages: ["", "", str(page), _NEXT_PAGE])
    return paged.replace(_NEXT_PAGE + "\n", "\f")


def page_break_before_number(text: str) -> str:
    """pdftotext -layout: a page break cutting a sentence before a number (`24 de firme`),
    footer page number and next running head between blank lines."""
    return paginate(
        text,
        lambda page, pages: ["", f"Pagina {page} din {pages}", "", RUNNING_HEAD, ""],
        opens=_opens_number,
    )
