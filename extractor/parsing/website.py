"""Read a project's website line: a label, then one or more URLs, bare.

The URL may follow the label after tabs, a colon or a pipe, be glued to it
(`Site proiecthttp://…`), be wrapped in `<>`, or stand on the lines below the label.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

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
    ranges = []
    for match in rules.url.finditer(record.text, skip):
        url = match.group().rstrip(_TRAILING)
        ranges.append((record.start + match.start(), record.start + match.start() + len(url)))
    return ranges


def leftover(record: Record, skip: int, rules: WebsiteRules) -> str:
    """What a record says after its first `skip` chars besides URLs, markup and punctuation."""
    rest = rules.url.sub(" ", record.text[skip:])
    for markup in "<>*|":
        rest = rest.replace(markup, " ")
    return " ".join(rest.split()).strip(" ,;:.'\"")


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
