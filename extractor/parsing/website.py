"""Read a project's website line: a label, then one or more URLs, bare.

The URL may follow the label after tabs, a colon or a pipe, be glued to it
(`Site proiecthttp://…`), be wrapped in `<>` or be a markdown link's target
(`[www.x.ro](https://www.x.ro/)`), or stand on the lines below the label.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache

import regex

from extractor.reading.records import Record
from extractor.ruleset import WebsiteRules
from extractor.text.cleaning import fold

_TRAILING = ".,;:)]}'\""
_OPENING = "*|_ \t"


def label_length(record: Record, rules: WebsiteRules) -> int | None:
    """Length of the website label that opens the record's text, if one does."""
    text = record.text
    body = text.lstrip(_OPENING)
    for label in rules.labels:
        length = _prefix_length(body, label)
        if length is None:
            continue
        rest = body[length:]
        if not rest or not rest[0].isalpha() or rules.url.match(rest):
            return len(text) - len(body) + length
    return None


def _prefix_length(text: str, wording: str) -> int | None:
    """Length of the start of `text` that reads as `wording`, spacing and case aside."""
    first_length, first_word, wanted = _folded_label(wording)
    if fold(text[:first_length]) != first_word:
        return None
    for length in range(len(wording), min(len(text), 2 * len(wording)) + 1):
        if fold(text[:length]) == wanted:
            return length
    return None


@cache
def _folded_label(wording: str) -> tuple[int, str, str]:
    """A label wording's first word, its length and folded, and the whole wording folded.

    Every line of a project is tried against each label: these are read once.
    """
    first_word = wording.split()[0]
    return len(first_word), fold(first_word), fold(wording)


def urls_in(record: Record, skip: int, rules: WebsiteRules) -> list[tuple[int, int]]:
    """Source ranges of the bare URLs in a record, after its first `skip` chars."""
    base = record.start
    return [(base + start, base + end) for start, end, _ in _urls(record.text, skip, rules)]


def leftover(record: Record, skip: int, rules: WebsiteRules) -> str:
    """What a record says after its first `skip` chars besides URLs, markup and punctuation."""
    text, position, pieces = record.text, skip, []
    for _, _, (taken_start, taken_end) in _urls(text, skip, rules):
        pieces.append(text[position:taken_start])
        position = taken_end
    rest = " ".join([*pieces, text[position:]])
    for markup in "<>*|":
        rest = rest.replace(markup, " ")
    return " ".join(rest.split()).strip(" ,;:.'\"")


# A markdown link; its target may hold parentheses, paired (`https://x.ro/a_(b)`).
_MARKDOWN_LINK = regex.compile(r"\[[^\[\]]*+\]\((?P<target>(?:[^()\s]|\([^()\s]*+\))++)\)")


def _urls(text: str, skip: int, rules: WebsiteRules) -> Iterator[tuple[int, int, tuple[int, int]]]:
    """Each URL in `text` after `skip`: its range, and the range of text it takes. A markdown
    link to a URL is taken whole: its text is the URL's label, not another URL."""
    position = skip
    for link in _MARKDOWN_LINK.finditer(text, skip):
        start, end = link.span("target")
        if rules.url.fullmatch(text, start, end):
            yield from _bare_urls(text, position, link.start(), rules)
            yield start, end, link.span()
            position = link.end()
    yield from _bare_urls(text, position, len(text), rules)


def _bare_urls(
    text: str, start: int, end: int, rules: WebsiteRules
) -> Iterator[tuple[int, int, tuple[int, int]]]:
    for match in rules.url.finditer(text, start, end):
        url = match.group().rstrip(_TRAILING)
        yield match.start(), match.start() + len(url), match.span()


def is_url_only(record: Record, rules: WebsiteRules) -> bool:
    """A record holding nothing but URLs (in `<>` or not) continues the website list."""
    return bool(urls_in(record, 0, rules)) and not leftover(record, 0, rules)


def read_websites(
    records: Sequence[Record], index: int, rules: WebsiteRules
) -> tuple[list[tuple[int, int]], int, str]:
    """Given the index of a label record: the URL ranges, the index after the last used,
    and what the label's line says besides (which no field takes, so it is reported)."""
    skip = label_length(records[index], rules) or 0
    ranges = urls_in(records[index], skip, rules)
    extra = leftover(records[index], skip, rules)
    position = index + 1
    if not ranges:
        while position < len(records) and (
            records[position].furniture or is_url_only(records[position], rules)
        ):
            ranges.extend(urls_in(records[position], 0, rules))
            position += 1
    return ranges, position, extra
