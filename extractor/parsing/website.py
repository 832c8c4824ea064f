"""Read a project's website line: a label, then one or more URLs, bare.

The URL may follow the label after tabs, be glued to it (`Site proiecthttp://…`),
be wrapped in `<>`, or stand on the lines below the label.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractor.parsing.fragments import Fragment
from extractor.ruleset import WebsiteRules
from extractor.text.cleaning import fold

_TRAILING = ".,;:)]}'\""


def label_length(fragment: Fragment, rules: WebsiteRules) -> int | None:
    """Length of the website label that opens the fragment, if one does."""
    text = fragment.text
    body = text.lstrip("* \t")
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
    first_word = wording.split()[0]
    if fold(text[: len(first_word)]) != fold(first_word):
        return None
    wanted = fold(wording)
    for length in range(len(wording), min(len(text), 2 * len(wording)) + 1):
        if fold(text[:length]) == wanted:
            return length
    return None


def urls_in(fragment: Fragment, skip: int, rules: WebsiteRules) -> list[tuple[int, int]]:
    """Source ranges of the bare URLs in a fragment, after its first `skip` chars."""
    ranges = []
    for match in rules.url.finditer(fragment.text, skip):
        url = match.group().rstrip(_TRAILING)
        ranges.append((fragment.start + match.start(), fragment.start + match.start() + len(url)))
    return ranges


def leftover(fragment: Fragment, skip: int, rules: WebsiteRules) -> str:
    """What a fragment says after its first `skip` chars besides URLs, markup and punctuation."""
    rest = rules.url.sub(" ", fragment.text[skip:])
    words = rest.replace("<", " ").replace(">", " ").replace("*", " ").split()
    return " ".join(words).strip(" ,;:.'\"")


def is_url_only(fragment: Fragment, rules: WebsiteRules) -> bool:
    """A fragment holding nothing but URLs (in `<>` or not) continues the website list."""
    return bool(urls_in(fragment, 0, rules)) and not leftover(fragment, 0, rules)


def read_websites(
    fragments: Sequence[Fragment], index: int, rules: WebsiteRules
) -> tuple[list[tuple[int, int]], int, str]:
    """Given the index of a label fragment: the URL ranges, the index after the last used,
    and what the label's line says besides (which no field takes, so it is reported)."""
    skip = label_length(fragments[index], rules) or 0
    ranges = urls_in(fragments[index], skip, rules)
    extra = leftover(fragments[index], skip, rules)
    position = index + 1
    if not ranges:
        while position < len(fragments) and is_url_only(fragments[position], rules):
            ranges.extend(urls_in(fragments[position], 0, rules))
            position += 1
    return ranges, position, extra
