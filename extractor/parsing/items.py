"""Turn the records of a section into its item tree, with ordered block processors.

Each processor has a `test` (does this record open or continue what I build?)
and a `run` (add it to the tree). They are tried in the order of ITEM_PROCESSORS;
the paragraph processor, last, takes whatever no other one did. The rules are
those of the README's "How items are read".

An item's text is read from its pieces: the bare text of each of its lines,
joined with a space, or with none where a word was hyphenated at a line's
end; page furniture between them is left out.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import regex

from extractor.parsing.findings import Finding
from extractor.reading.headings import heading_words
from extractor.reading.records import Record
from extractor.ruleset import Rules
from extractor.text.cleaning import pieces_text
from extractor.text.source import SourceText

# A word cut at a line's end: letters (or a number: `14-` `15`), then the hyphen.
_CUT_WORD = regex.compile(r"(\p{L}+|\d+)-$")
_WORD_START = regex.compile(r"\p{L}+|\d+")
# Marks that close what comes before them: never a space before one.
_CLOSING = ")]}\u201d\u2019,.;:!?%"
# A hyphen after this few letters joins a clitic (`s-au`, `într-o`), never a cut word.
_CLITIC = 2
# The ending of a noun made of a verb's long infinitive (`generare` of `genera`).
_VERB_NOUN = "re"

Piece = tuple[int, int, bool]
"""Source offsets of a part of an item's text; whether it joins the part before without space."""


@dataclass
class Draft:
    """An item being built: its kind, its span (markup included), its pieces, and children."""

    kind: str
    start: int
    end: int
    pieces: list[Piece]
    indent: int = 0
    glyph: str | None = None
    children: list[Draft] = field(default_factory=list)


@dataclass
class Tree:
    """The items built so far, and the places the processors attach to."""

    items: list[Draft] = field(default_factory=list)
    heading: Draft | None = None
    bullet: Draft | None = None
    last: Draft | None = None
    last_record: Record | None = None
    findings: list[Finding] = field(default_factory=list)

    @property
    def container(self) -> list[Draft]:
        return self.heading.children if self.heading else self.items


@dataclass(frozen=True)
class Context:
    source: str
    rules: Rules
    words: Sequence[str]

    def item_text(self, draft: Draft) -> str:
        return pieces_text(self.source, draft.pieces)

    def item_text_ends_with(self, draft: Draft, endings: tuple[str, ...]) -> bool:
        """`item_text(draft).endswith(endings)`, read from as few last pieces as decide it.

        A line that may go on an item asks this of an item still growing; reading the
        whole item each time would be quadratic in its lines.
        """
        longest = max(map(len, endings), default=0)
        tail = ""
        for first in range(len(draft.pieces) - 1, -1, -1):
            tail = pieces_text(self.source, draft.pieces[first:])
            if len(tail) >= longest:
                break
        return tail.endswith(endings)


class Processor(Protocol):
    def test(self, record: Record, tree: Tree, context: Context) -> bool: ...

    def run(self, record: Record, tree: Tree, context: Context) -> None: ...


def _start(record: Record) -> int:
    """Where an item's span starts: its first char, marker included."""
    return record.start + len(record.text) - len(record.text.lstrip())


def _piece(record: Record) -> Piece:
    """The part of a record an item's text takes: its bare text, or, when its marker is a
    word that opens no item here (`o bancă`), the line from that word on."""
    if record.marker is not None and record.marker.is_word:
        return (_start(record), record.end, False)
    return (record.bare_start, record.bare_end, False)


def _draft(kind: str, record: Record) -> Draft:
    glyph = record.marker.glyph if record.marker else None
    pieces = [(record.bare_start, record.bare_end, False) if kind == "bullet" else _piece(record)]
    return Draft(kind, _start(record), record.end, pieces, record.indent, glyph)


def _is_list_item(record: Record, tree: Tree) -> bool:
    """A marker opens an item; a marker that is also a word (`o`) only inside a list."""
    marker = record.marker
    return (
        marker is not None
        and not record.is_empty
        and (not marker.is_word or tree.bullet is not None)
    )


class SubheadingProcessor:
    """A sub-heading (`… pentru Etapa nr. 1 :`) holds the items after it."""

    def test(self, record: Record, tree: Tree, context: Context) -> bool:
        return record.subheading

    def run(self, record: Record, tree: Tree, context: Context) -> None:
        heading = _draft("heading", record)
        tree.items.append(heading)
        tree.heading, tree.bullet, tree.last = heading, None, heading


class UnknownHeadingProcessor:
    """A short bold, markdown or capitals line of its own that opens no section: a heading item.

    It is kept, with a warning, rather than read as a paragraph of the section before.
    """

    def test(self, record: Record, tree: Tree, context: Context) -> bool:
        if record.marker is not None or not record.standalone or record.is_empty:
            return False
        if heading_words(record.content, context.rules.sections.heading) is None:
            return False
        bare = record.bare
        capitals = any(char.isalpha() for char in bare) and bare == bare.upper()
        return record.bold or record.heading_level > 0 or capitals

    def run(self, record: Record, tree: Tree, context: Context) -> None:
        SubheadingProcessor().run(record, tree, context)
        tree.findings.append(
            Finding(
                "unknown_heading",
                f"the heading {record.bare!r} opens no known section; kept as a heading item",
                record.bare_start,
                record.bare_end,
            )
        )


class SubBulletProcessor:
    """A marker indented past its bullet's, or a second-level one under another glyph, is a
    sub-item of that bullet (a list whose own items use a second-level glyph stays flat)."""

    def test(self, record: Record, tree: Tree, context: Context) -> bool:
        parent, marker = tree.bullet, record.marker
        if parent is None or marker is None or not _is_list_item(record, tree):
            return False
        return record.indent > parent.indent or (marker.level == 2 and marker.glyph != parent.glyph)

    def run(self, record: Record, tree: Tree, context: Context) -> None:
        child = _draft("bullet", record)
        tree.bullet.children.append(child)  # type: ignore[union-attr]
        tree.last = child


class DisplacedSubBulletProcessor:
    """A wholly italic bullet after a bullet that opened a sub-list is one of its sub-items.

    A page break in the source lost their indent; the italics stayed.
    """

    def test(self, record: Record, tree: Tree, context: Context) -> bool:
        parent = tree.bullet
        # The bullet is in the container it was added to until a heading opens another.
        if parent is None or tree.container[-1] is not parent:
            return False
        if not _is_list_item(record, tree):
            return False
        opened_sublist = bool(parent.children) or context.item_text_ends_with(parent, (":",))
        return opened_sublist and record.opens_italic and not record.bold

    def run(self, record: Record, tree: Tree, context: Context) -> None:
        SubBulletProcessor().run(record, tree, context)


class BulletProcessor:
    def test(self, record: Record, tree: Tree, context: Context) -> bool:
        return _is_list_item(record, tree)

    def run(self, record: Record, tree: Tree, context: Context) -> None:
        bullet = _draft("bullet", record)
        tree.container.append(bullet)
        tree.bullet = tree.last = bullet


class ContinuationProcessor:
    """A line that goes on with the item before it: a wrapped line, or a word cut in two.

    It does when no blank line comes between (page furniture aside), or after an
    item that does not end a sentence (a word cut by a hyphen ends none) when it
    starts in lower case, or, after a page break, in anything but a capital (a
    sentence a page cut before a number, `24 de firme`). After a page break it also
    does, whatever its first letter, when the item's lines were wrapped there: the
    item ends no sentence, and the line's first word would not have fit on the
    item's last line (`_wrapped_before`); and, in lower case, when it hangs under
    the text of the line before (a list item's wrapped line), however that ends.
    The processors before it take every list item, so a line it sees has no
    marker, or a word (`o`) that opens no item here.
    """

    def test(self, record: Record, tree: Tree, context: Context) -> bool:
        last, line_before = tree.last, tree.last_record
        if last is None or line_before is None or last.kind == "heading":
            return False
        if not record.after_blank:
            return True
        first = record.bare.lstrip("*_ \t")[:1]
        page_break = record.after_page_break
        tab_width = context.rules.markup.tab_width
        if page_break and first.islower() and _hangs_under(record, line_before, tab_width):
            return True
        goes_on = first.islower() or (page_break and not first.isupper())
        if not (goes_on or page_break):
            return False
        if context.item_text_ends_with(last, tuple(context.rules.markup.sentence_end)):
            return False
        return goes_on or _wrapped_before(last, record, context.source)

    def run(self, record: Record, tree: Tree, context: Context) -> None:
        last = tree.last
        pieces = last.pieces  # type: ignore[union-attr]
        pieces[-1], piece = joined_at_hyphen(
            context.source, pieces[-1], _piece(record), context.words
        )
        pieces.append(piece)
        last.end = record.end  # type: ignore[union-attr]


def _wrapped_before(draft: Draft, record: Record, source: str) -> bool:
    """Whether the item's lines were wrapped right before the record: the item has two
    lines or more, and the record's first word would not have fit on its last line, as
    long as its longest line at most (where a writer or converter wraps, a line ends)."""
    if len(draft.pieces) < 2:
        return False
    ends = [end - source.rfind("\n", 0, end) - 1 for _, end, _ in draft.pieces]
    return ends[-1] + 1 + len(record.bare.split(maxsplit=1)[0]) > max(ends)


def _hangs_under(record: Record, line_before: Record, tab_width: int) -> bool:
    """Whether the record's text starts, past an indent, where the text of the line before
    starts past its marker or indent: the hanging indent of a list item's wrapped line."""
    column = _text_column(record, tab_width)
    return column > 0 and column == _text_column(line_before, tab_width)


def _text_column(record: Record, tab_width: int) -> int:
    """The column where a record's text starts, after its indent and marker (tabs expanded)."""
    line = record.line
    return len(line.text[: record.content_start - line.start].expandtabs(tab_width))


def joined_at_hyphen(
    source: str, before: Piece, after: Piece, words: Sequence[str]
) -> tuple[Piece, Piece]:
    """Two pieces of a text wrapped over lines, as they join: after a hyphen at the first's
    end, the second goes on without a space, and the hyphen goes if it cut a word.

    A hyphen between parts of a hyphenated word (`Eco-nano-` `tehnologii`, `Eco-`
    `nano-tehnologii`) stays: a typesetter breaks such a word at its own hyphens, and
    cuts none of its parts.
    """
    start, end, glued = before
    text = source[start:end]
    rest = source[after[0] : after[1]].lstrip("*_")
    cut = _CUT_WORD.search(text)
    following = _WORD_START.match(rest)
    if not (cut and following):
        return before, after
    compound = text[cut.start() - 1 : cut.start()] == "-" or rest[following.end() :][:1] == "-"
    if not compound and _drop_hyphen(cut.group(1), following.group(), words):
        before = (start, end - 1, glued)
    return before, (after[0], after[1], True)


def joined_in_cell(
    source: str, before: Piece, after: Piece, width: int, words: Sequence[str]
) -> tuple[Piece, Piece]:
    """Two lines of a table cell `width` chars wide at most, as they join: as an item's
    lines do (`joined_at_hyphen`), and with no space where the engine cut a word too long
    for the cell at its edge, with no hyphen (`MOLECULAR` `Ă`).

    Such a cut leaves the word's start alone on its line. The line and the next one's
    first word are joined when they make a known word and one of them is none, or, both
    being words (`PROMOVARE` `A`), when together they are too long for the cell's lines;
    and a line opening with a closing mark always goes on with no space.
    """
    before, after = joined_at_hyphen(source, before, after, words)
    line = source[before[0] : before[1]]
    first = source[after[0] : after[1]]
    following = _WORD_START.match(first)
    if first[:1] in _CLOSING or (
        following
        and _is_word(joined := line + following.group(), words)
        and (
            not (_is_word(line, words) and _is_word(following.group(), words))
            or len(joined) >= width
        )
    ):
        return before, (after[0], after[1], True)
    return before, after


def _drop_hyphen(left: str, right: str, words: Sequence[str]) -> bool:
    """Whether a hyphen at a line's end cut a word (`coope-` `rare`) rather than joins two.

    The joined word is a known word form or the start of one, or, for a noun
    made of a verb (`generare`), it less its `re` is one: it was cut. Else a
    clitic (`s-` `au`) or two known words (`cercetare-` `dezvoltare`, a noun
    made of a verb counting as known as above: `dezvoltare-` `inovare`) keep
    their hyphen; anything else was cut by the typesetter. No typesetter cuts a
    word before a capital or beside a number: a capitalised word goes on a
    compound name (`Nord-` `Vest`, `Bistrița-` `Năsăud`), a number on a range or
    a name (`14-` `15`, `COVID-` `19`). A hyphen after capitals goes on an
    acronym (`IMAGO-` `MOL`, `IMM-` `urilor`) unless the two make a known word
    (`CERCE-` `TARE`).
    """
    capitalised = right[:1].isupper() and not right.isupper()
    if len(left) <= _CLITIC or capitalised or left.isdigit() or right.isdigit():
        return False
    joined = left + right
    known = _known(joined, words, prefix=True) or _is_word(joined, words)
    if known or left.isupper():
        return known
    return not (_is_word(left, words) and _is_word(right, words))


def _is_word(word: str, words: Sequence[str]) -> bool:
    """A known word form, or a noun made of a verb (`inovare`) whose verb (`inova`) is one."""
    return _known(word, words) or (
        word.endswith(_VERB_NOUN) and _known(word.removesuffix(_VERB_NOUN), words)
    )


def _known(word: str, words: Sequence[str], prefix: bool = False) -> bool:
    """Whether `word` is in the sorted `words`, or with `prefix` starts one of them."""
    lower = word.lower()
    index = bisect_left(words, lower)
    if index == len(words):
        return False
    return words[index] == lower or (prefix and words[index].startswith(lower))


class ParagraphProcessor:
    """Whatever no other processor takes; it also ends a bullet list."""

    def test(self, record: Record, tree: Tree, context: Context) -> bool:
        return True

    def run(self, record: Record, tree: Tree, context: Context) -> None:
        paragraph = _draft("paragraph", record)
        tree.container.append(paragraph)
        tree.bullet, tree.last = None, paragraph


ITEM_PROCESSORS: tuple[Processor, ...] = (
    SubheadingProcessor(),
    UnknownHeadingProcessor(),
    SubBulletProcessor(),
    DisplacedSubBulletProcessor(),
    BulletProcessor(),
    ContinuationProcessor(),
    ParagraphProcessor(),
)


@dataclass(frozen=True)
class ItemsRead:
    """A section's items as plain data, and the records' anomalies."""

    items: list[dict[str, Any]]
    findings: list[Finding]


def records_to_items(
    records: Sequence[Record], source: SourceText, rules: Rules, words: Sequence[str]
) -> ItemsRead:
    """Given a section's records (heading excluded, no furniture, no empty ones), its items.

    `words` holds the known word forms (lower case, sorted) that tell a cut
    word from a hyphenated one. Each item keeps its `pieces` for the enrich stage, which
    maps facts back to the source through them.
    """
    context = Context(source.text, rules, words)
    tree = Tree()
    for record in records:
        processor = next(p for p in ITEM_PROCESSORS if p.test(record, tree, context))
        processor.run(record, tree, context)
        tree.last_record = record
    return ItemsRead([_to_item(draft, source, context) for draft in tree.items], tree.findings)


def _to_item(draft: Draft, source: SourceText, context: Context) -> dict[str, Any]:
    return {
        "kind": draft.kind,
        "text": context.item_text(draft),
        "children": [_to_item(child, source, context) for child in draft.children],
        "span": source.span(draft.start, draft.end),
        "pieces": [list(piece) for piece in draft.pieces],
    }
