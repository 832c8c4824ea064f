"""Turn the fragments of a section into its item tree, with ordered block processors.

Each processor has a `test` (does this fragment open or continue what I build?)
and a `run` (add it to the tree). They are tried in the order of ITEM_PROCESSORS;
the paragraph processor, last, takes whatever no other one did. The rules are
those of the README's "How items are read".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import regex

from extractor.parsing.fragments import Fragment
from extractor.ruleset import Rules, SectionRules
from extractor.text.cleaning import clean_text, leading_marker_length
from extractor.text.source import SourceText

_WHOLLY_ITALIC = regex.compile(r"^\*[^*](?:.*[^*])?\*$")


def section_key(text: str, rules: SectionRules) -> str | None:
    """Which section a heading opens (`objective`, `results`, `ongoing`), if it is one."""
    if len(text) > rules.longest_heading + 16:  # room for markup and spaces; spares a clean
        return None
    return rules.key_for_heading(clean_text(text))


def is_subheading(text: str, rules: SectionRules) -> bool:
    cleaned = clean_text(text)
    return any(pattern.match(cleaned) for pattern in rules.subheadings.patterns)


def is_heading(text: str, rules: SectionRules) -> bool:
    """A section heading or a sub-heading: what may be glued to the end of a line."""
    return section_key(text, rules) is not None or is_subheading(text, rules)


@dataclass
class Draft:
    """An item being built: its kind, source range, and children."""

    kind: str
    start: int
    end: int
    children: list[Draft] = field(default_factory=list)


@dataclass
class Tree:
    """The items built so far, and the places the processors attach to."""

    items: list[Draft] = field(default_factory=list)
    heading: Draft | None = None
    bullet: Draft | None = None
    last: Draft | None = None

    @property
    def container(self) -> list[Draft]:
        return self.heading.children if self.heading else self.items


@dataclass(frozen=True)
class Context:
    source: str
    rules: Rules

    def marker_length(self, fragment: Fragment) -> int:
        return leading_marker_length(fragment.text, self.rules.markup.bullets)

    def is_bullet(self, fragment: Fragment) -> bool:
        return self.marker_length(fragment) > fragment.indent

    def item_text(self, draft: Draft) -> str:
        return clean_text(self.source[draft.start : draft.end], bullets=self.rules.markup.bullets)


class Processor(Protocol):
    def test(self, fragment: Fragment, tree: Tree, context: Context) -> bool: ...

    def run(self, fragment: Fragment, tree: Tree, context: Context) -> None: ...


def _start(fragment: Fragment) -> int:
    return fragment.start + fragment.indent


class SubheadingProcessor:
    """A sub-heading (`… pentru Etapa nr. 1 :`) holds the items after it."""

    def test(self, fragment: Fragment, tree: Tree, context: Context) -> bool:
        return is_subheading(fragment.text, context.rules.sections)

    def run(self, fragment: Fragment, tree: Tree, context: Context) -> None:
        heading = Draft("heading", _start(fragment), fragment.end)
        tree.items.append(heading)
        tree.heading, tree.bullet, tree.last = heading, None, heading


class SubBulletProcessor:
    """An indented bullet belongs to the top-level bullet above it."""

    def test(self, fragment: Fragment, tree: Tree, context: Context) -> bool:
        return fragment.indent > 0 and tree.bullet is not None and context.is_bullet(fragment)

    def run(self, fragment: Fragment, tree: Tree, context: Context) -> None:
        child = Draft("bullet", _start(fragment), fragment.end)
        tree.bullet.children.append(child)  # type: ignore[union-attr]
        tree.last = child


class DisplacedSubBulletProcessor:
    """A wholly italic bullet after a bullet that opened a sub-list is one of its sub-items.

    A page break in the source lost their indent; the italics stayed.
    """

    def test(self, fragment: Fragment, tree: Tree, context: Context) -> bool:
        parent = tree.bullet
        if parent is None or not tree.container or tree.container[-1] is not parent:
            return False
        if not context.is_bullet(fragment):
            return False
        body = fragment.text[context.marker_length(fragment) :].strip()
        opened_sublist = bool(parent.children) or context.item_text(parent).endswith(":")
        return opened_sublist and bool(_WHOLLY_ITALIC.match(body))

    def run(self, fragment: Fragment, tree: Tree, context: Context) -> None:
        SubBulletProcessor().run(fragment, tree, context)


class BulletProcessor:
    def test(self, fragment: Fragment, tree: Tree, context: Context) -> bool:
        return context.is_bullet(fragment)

    def run(self, fragment: Fragment, tree: Tree, context: Context) -> None:
        bullet = Draft("bullet", _start(fragment), fragment.end)
        tree.container.append(bullet)
        tree.bullet = tree.last = bullet


class ContinuationProcessor:
    """A line that starts in lower case after an unfinished item is that item wrapped."""

    def test(self, fragment: Fragment, tree: Tree, context: Context) -> bool:
        first = fragment.text.lstrip("* \t")[:1]
        if tree.last is None or not first.islower():
            return False
        return not context.item_text(tree.last).endswith(tuple(context.rules.markup.sentence_end))

    def run(self, fragment: Fragment, tree: Tree, context: Context) -> None:
        tree.last.end = fragment.end  # type: ignore[union-attr]


class ParagraphProcessor:
    """Whatever no other processor takes; it also ends a bullet list."""

    def test(self, fragment: Fragment, tree: Tree, context: Context) -> bool:
        return True

    def run(self, fragment: Fragment, tree: Tree, context: Context) -> None:
        paragraph = Draft("paragraph", _start(fragment), fragment.end)
        tree.container.append(paragraph)
        tree.bullet, tree.last = None, paragraph


ITEM_PROCESSORS: tuple[Processor, ...] = (
    SubheadingProcessor(),
    SubBulletProcessor(),
    DisplacedSubBulletProcessor(),
    BulletProcessor(),
    ContinuationProcessor(),
    ParagraphProcessor(),
)


def fragments_to_items(
    fragments: Sequence[Fragment], source: SourceText, rules: Rules
) -> list[dict[str, Any]]:
    """Given a section's fragments (heading excluded), its items as plain data."""
    context = Context(source.text, rules)
    tree = Tree()
    for fragment in fragments:
        processor = next(p for p in ITEM_PROCESSORS if p.test(fragment, tree, context))
        processor.run(fragment, tree, context)
    return [_to_item(draft, source, context) for draft in tree.items]


def _to_item(draft: Draft, source: SourceText, context: Context) -> dict[str, Any]:
    return {
        "kind": draft.kind,
        "text": context.item_text(draft),
        "children": [_to_item(child, source, context) for child in draft.children],
        "span": source.span(draft.start, draft.end),
    }
