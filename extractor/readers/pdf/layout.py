"""Text lines of a PDF page, and the paragraphs, bullets and headings they make.

pdfplumber gives chars with a box and a font. The text form of a report keeps one
line per paragraph or bullet, marks bold and italic runs with `**` and `*`, and
writes bullets as `- ` (`  - ` one level in); this module rebuilds that from the
geometry: lines from char tops, words from gaps, blocks from line spacing, bullet
glyphs (or the small shapes some engines draw instead) and their x positions,
and emphasis from font names.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import InitVar, dataclass, field
from itertools import islice, pairwise
from operator import attrgetter

from extractor.ruleset import PdfListRules, PdfRules, PdfShapeRules

SOFT_HYPHEN = "\u00ad"
# Dashes a line may break after (Unicode line breaking); a line holding one never
# ends in a word broken for want of room, since the engine would break there.
BREAK_AFTER = "-\u2010\u2013\u2014"
WORD_GAP = 0.12  # a gap wider than this share of the font size separates words
TAB_GAP = 1.5  # a gap wider than this many font sizes separates cells (a tab)
MARKER_GAP = 0.45  # a dash or a number followed by this gap is a list marker
LEVEL_TOLERANCE = 4.0  # bullet glyphs within this many points are at one level
CENTRE_TOLERANCE = 0.5  # font sizes between the margins at both ends of a centred line


@dataclass(slots=True)
class Glyph:
    """One char on a page: its text, box (points, top-down), size and emphasis."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool
    italic: bool
    page: int
    space: float = 0.0  # the width of the space char the PDF writes after it (0: none)


@dataclass(frozen=True, slots=True)
class Shape:
    """A vector shape on a page (box in points, top-down), filled or only outlined."""

    x0: float
    top: float
    x1: float
    bottom: float
    filled: bool


@dataclass(frozen=True, slots=True)
class CellEdge:
    """Where the text of a table cell ends at the right, and how wide a space is there."""

    right: float
    space: float


# A unit of output text: the chars and the glyph they were read from (None when
# the loader wrote them: spaces between words, tabs, newlines, markup).
Unit = tuple[str, Glyph | None]


@dataclass
class PrintedLine:
    """Glyphs sharing a baseline, left to right; `marker` counts the glyphs of a list marker."""

    glyphs: list[Glyph]
    page: int
    lists: InitVar[PdfListRules | None] = None
    marker: int = field(init=False)
    top: float = field(init=False)
    bottom: float = field(init=False)
    x0: float = field(init=False)
    x1: float = field(init=False)
    size: float = field(init=False)
    # The edge of the table cell the line is set in, where the table reader knows
    # that the engine writes the space at a wrap (see `word_cut`).
    cell: CellEdge | None = field(default=None, init=False)
    cut: bool = field(default=False, init=False)  # it ends in a word cut, going on below

    def __post_init__(self, lists: PdfListRules | None) -> None:
        glyphs = self.glyphs
        glyphs.sort(key=_X0)
        self.top = min(map(_TOP, glyphs))
        self.bottom = max(map(_BOTTOM, glyphs))
        self.x0 = glyphs[0].x0
        self.x1 = max(map(_X1, glyphs))
        self.size = _most_common_size(glyphs)
        self.marker = self._marker(lists) if lists else 0

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.units())

    @property
    def bold(self) -> bool:
        return all(glyph.bold for glyph in self.glyphs)

    def units(self, start: int = 0) -> list[Unit]:
        """Given the index of a first glyph, the line's text from there with spaces and tabs.

        A gap is a tab when it is wide and much wider than the line's narrowest word
        gap, so that the stretched spaces of a justified line stay spaces.
        """
        glyphs = self.glyphs[start:]
        if not glyphs:
            return []
        size = self.size
        word_gap, tab_gap, lone_tab_gap = WORD_GAP * size, TAB_GAP * size, 2 * TAB_GAP * size
        gaps = [after.x0 - before.x1 for before, after in pairwise(glyphs)]
        narrowest = min((gap for gap in gaps if gap > word_gap), default=0.0)
        out: list[Unit] = [(glyphs[0].text, glyphs[0])]
        append = out.append
        for gap, glyph in zip(gaps, islice(glyphs, 1, None), strict=True):
            if gap > tab_gap and (gap > 2 * narrowest or gap > lone_tab_gap):
                append(_TAB)
            elif gap > word_gap:
                append(_WORD_SPACE)
            append((glyph.text, glyph))
        return out

    def first_word_width(self) -> float:
        """The width of the line's first word, from its first glyph to the first word gap."""
        end = self.glyphs[0]
        for glyph in self.glyphs[1:]:
            if glyph.x0 - end.x1 > WORD_GAP * self.size:
                break
            end = glyph
        return end.x1 - self.glyphs[0].x0

    def segments(self, gap: float = TAB_GAP) -> list[list[Glyph]]:
        """The line cut where a gap is wider than `gap` font sizes: cells of an unruled row."""
        widest = gap * self.size
        previous = self.glyphs[0]
        cell = [previous]
        cells: list[list[Glyph]] = [cell]
        for glyph in islice(self.glyphs, 1, None):
            if glyph.x0 - previous.x1 > widest:
                cell = []
                cells.append(cell)
            cell.append(glyph)
            previous = glyph
        return cells

    def _marker(self, lists: PdfListRules) -> int:
        """How many glyphs open the line as a list marker (0 when it is not a list item)."""
        first = 1
        while first < len(self.glyphs) and self.glyphs[first].x0 - self.glyphs[first - 1].x1 <= (
            WORD_GAP * self.size
        ):
            first += 1
        if first >= len(self.glyphs):
            return 0
        word = "".join(glyph.text for glyph in self.glyphs[:first])
        gap = self.glyphs[first].x0 - self.glyphs[first - 1].x1
        if len(word) == 1 and word in lists.bullets:
            return first
        wide = gap > MARKER_GAP * self.size
        if wide and ((len(word) == 1 and word in lists.gapped) or lists.numbering.match(word)):
            return first
        return 0


_X0, _X1, _TOP, _BOTTOM = (attrgetter(side) for side in ("x0", "x1", "top", "bottom"))
_TAB: Unit = ("\t", None)
_WORD_SPACE: Unit = (" ", None)


def _most_common_size(glyphs: Sequence[Glyph]) -> float:
    """The size most glyphs have, to a tenth of a point (the first such when sizes tie)."""
    sizes: Counter[float] = Counter()
    for size, count in Counter(glyph.size for glyph in glyphs).items():
        sizes[round(size, 1)] += count
    return sizes.most_common(1)[0][0]


class GlyphMaker:
    """Glyphs of one page from chars as a reader gives them, with what the glyphs share.

    A ligature glyph (`ﬁ`) becomes the letters it stands for, all in its box. Equal
    numbers (to a thousandth of a point), texts and font styles are shared, since the
    glyphs of every page are kept until the text is written: it saves a third of
    their memory.
    """

    def __init__(self, page: int, rules: PdfRules) -> None:
        self.page = page
        self.rules = rules
        self.numbers: dict[float, float] = {}
        self.texts: dict[str, str] = {}
        self.styles: dict[str, tuple[bool, bool]] = {}

    def style(self, font: str) -> tuple[bool, bool]:
        """Whether a font name says bold, and italic (rules/pdf.toml)."""
        found = self.styles.get(font)
        if found is None:
            name = font.lower()
            fonts = self.rules.fonts
            found = self.styles[font] = (
                any(mark in name for mark in fonts.bold),
                any(mark in name for mark in fonts.italic),
            )
        return found

    def number(self, value: float) -> float:
        """The one float object for `value` to a thousandth of a point."""
        rounded = round(value, 3)
        return self.numbers.setdefault(rounded, rounded)

    def letters(self, text: str) -> str:
        """The letters a char stands for: itself, or those of a ligature glyph."""
        found = self.texts.get(text)
        if found is None:
            found = self.texts[text] = self.rules.ligatures.get(text, text)
        return found

    def glyph(
        self, text: str, font: str, x0: float, top: float, x1: float, bottom: float, size: float
    ) -> Glyph:
        number = self.number
        return Glyph(
            self.letters(text),
            number(x0),
            number(top),
            number(x1),
            number(bottom),
            number(size),
            *self.style(font),
            self.page,
        )


def chars_to_glyphs(chars: Iterable[dict], page: int, rules: PdfRules) -> list[Glyph]:
    """Given pdfplumber chars of one page, the upright, visible ones as glyphs.

    A space char is no glyph, but the glyph before it notes its width.
    """
    maker = GlyphMaker(page, rules)
    glyphs: list[Glyph] = []
    for char in chars:
        text = char["text"]
        if not text.strip():
            if glyphs and text:
                glyphs[-1].space = float(char["x1"]) - float(char["x0"])
            continue
        if not char.get("upright", True):
            continue
        font = str(char.get("fontname", ""))
        glyphs.append(
            maker.glyph(
                text,
                font,
                float(char["x0"]),
                float(char["top"]),
                float(char["x1"]),
                float(char["bottom"]),
                float(char["size"]),
            )
        )
    return glyphs


_BOTTOM_X0 = attrgetter("bottom", "x0")


def glyphs_to_lines(
    glyphs: Sequence[Glyph], page: int, lists: PdfListRules | None = None
) -> list[PrintedLine]:
    """Given the glyphs of one page (or one table cell), its lines from top to bottom.

    With `lists`, each line's list marker is found (table cells have none).
    """
    lines: list[PrintedLine] = []
    current: list[Glyph] = []
    anchor = 0.0
    for glyph in sorted(glyphs, key=_BOTTOM_X0):
        if current and glyph.bottom - anchor > 0.4 * glyph.size:
            lines.append(PrintedLine(current, page, lists))
            current = []
        if not current:
            anchor = glyph.bottom
        current.append(glyph)
    if current:
        lines.append(PrintedLine(current, page, lists))
    return lines


def mark_shapes(
    lines: Sequence[PrintedLine], shapes: Iterable[Shape], lists: PdfListRules
) -> list[PrintedLine]:
    """Given a page's lines and its vector shapes, the lines with marker shapes as bullet glyphs.

    A line with no list marker of its own gets the shape nearest its text that
    reads as a marker for it (see `_marks`) as its first glyph: the filled or the outlined
    bullet the rules name, so the shape is a marker as a bullet glyph is.
    """
    largest = lists.shapes.max_size * max((line.size for line in lines), default=0.0)
    free = [shape for shape in shapes if max(_sides(shape)) <= largest]
    out: list[PrintedLine] = []
    for line in lines:
        candidates = [] if line.marker else [s for s in free if _marks(s, line, lists.shapes)]
        if not candidates:
            out.append(line)
            continue
        shape = max(candidates, key=lambda candidate: candidate.x1)
        free.remove(shape)
        first = line.glyphs[0]
        bullet = lists.shapes.filled if shape.filled else lists.shapes.outlined
        box = (shape.x0, shape.top, shape.x1, shape.bottom)
        glyph = Glyph(bullet, *box, line.size, first.bold, first.italic, line.page)
        marked = PrintedLine([glyph, *line.glyphs], line.page, lists)
        marked.marker = 1  # a shape is no letter of the first word, however near it stands
        out.append(marked)
    return out


def _marks(shape: Shape, line: PrintedLine, rules: PdfShapeRules) -> bool:
    """Whether `shape` marks `line` as a list item: bullet-sized, just left of it, in its height."""
    small, large = sorted(_sides(shape))
    if small < rules.min_size * line.size or large > rules.max_size * line.size:
        return False
    if large > rules.max_aspect * small:
        return False
    gap = line.x0 - shape.x1
    middle = (shape.top + shape.bottom) / 2
    return 0 <= gap <= rules.max_gap * line.size and line.top <= middle <= line.bottom


def _sides(shape: Shape) -> tuple[float, float]:
    return shape.x1 - shape.x0, shape.bottom - shape.top


def line_pitches(lines: Sequence[PrintedLine]) -> dict[float, float]:
    """Given lines in reading order, per font size the distance between two lines of a paragraph.

    That is the smallest common distance between neighbouring lines of that size (a
    report of short items has more distances between paragraphs than within them).
    """
    pitches: dict[float, Counter[int]] = {}
    for before, after in pairwise(lines):
        distance = after.top - before.top
        same = before.page == after.page and before.size == after.size
        if same and 0 < distance < 3 * before.size:
            pitches.setdefault(before.size, Counter())[round(distance)] += 1
    found: dict[float, float] = {}
    for size, counts in pitches.items():
        enough = max(2, 0.05 * counts.total())
        common = [pitch for pitch, count in counts.items() if count >= enough]
        if common:
            found[size] = float(min(common))
    return found


def marker_levels(lines: Iterable[PrintedLine]) -> list[float]:
    """Given all lines, the x positions of list markers, one per nesting level."""
    levels: list[float] = []
    for x in sorted(line.x0 for line in lines if line.marker):
        if not levels or x - levels[-1] > LEVEL_TOLERANCE:
            levels.append(x)
    return levels


@dataclass
class TextBlock:
    """A paragraph, a heading or a list item: lines that read as one line of the text form."""

    lines: list[PrintedLine]
    marker: int  # glyphs of the list marker on the first line; 0 for no marker
    level: int  # 0 top level, 1 and more nested (list items only)

    @property
    def text_x0(self) -> float:
        first = self.lines[0]
        return first.glyphs[self.marker].x0 if self.marker else first.x0

    def units(self) -> list[Unit]:
        """The block as one line of the text form, with markers and emphasis."""
        body = emphasize(join_lines(self.lines, self.marker))
        if not self.marker:
            return body
        return [(" - " if self.level else "- ", None), *body]


def join_lines(lines: Sequence[PrintedLine], skip: int = 0) -> list[Unit]:
    """Given wrapped lines of one paragraph or cell, their text as one line.

    The first `skip` glyphs (a list marker) are left out; a word hyphenated at the
    end of a line (`cercetare-` then `dezvoltare`, or with a soft hyphen, which
    normalizing drops) or cut there (`cut`) is joined without a space.
    """
    body: list[Unit] = []
    for index, line in enumerate(lines):
        units = line.units(skip if index == 0 else 0)
        if body:
            hyphen_wrap = body[-1][0] == SOFT_HYPHEN or (
                body[-1][0] == "-"
                and len(body) > 1
                and body[-2][0][-1].isalnum()
                and units[0][0][0].isalnum()
            )
            if not hyphen_wrap and not lines[index - 1].cut:
                body.append((" ", None))
        body.extend(units)
    return body


def word_cut(line: PrintedLine, following: PrintedLine) -> bool:
    """Whether an engine broke a word at the end of `line`, a table cell's line, with no hyphen.

    An engine breaks a word that alone is wider than its cell where the next char
    no longer fits: the line is that one word, with no dash to break after,
    filling the cell to within a char, and no space written after it (an engine
    that writes the space at a wrap drops it only when it overflows the cell, so
    a line that stops short of the edge keeps it).
    """
    if line.cell is None or line.glyphs[-1].space or len(line.segments(WORD_GAP)) > 1:
        return False
    if any(glyph.text in BREAK_AFTER for glyph in line.glyphs[1:]):
        return False
    widths = [glyph.x1 - glyph.x0 for glyph in line.glyphs]
    next_char = following.glyphs[0].x1 - following.glyphs[0].x0
    return line.cell.right - line.x1 < max(next_char, sum(widths) / len(widths))


def emphasize(units: Sequence[Unit]) -> list[Unit]:
    """Given units, the same with `**` around bold runs and `*` around italic runs."""
    out: list[Unit] = []
    open_mark = ""
    close_at = 0  # where a closing mark goes: after the last char of the run
    bold = italic = None  # the emphasis of the last glyph seen
    for unit in units:
        text, glyph = unit
        if glyph is None or not text.strip():
            out.append(unit)
            continue
        if glyph.bold != bold or glyph.italic != italic:
            bold, italic = glyph.bold, glyph.italic
            mark = "**" * bold + "*" * italic
            if mark != open_mark:
                if open_mark:
                    out.insert(close_at, (open_mark, None))
                if mark:
                    out.append((mark, None))
                open_mark = mark
        out.append(unit)
        close_at = len(out)
    if open_mark:
        out.insert(close_at, (open_mark, None))
    return out


def starts_block(
    line: PrintedLine,
    previous: PrintedLine,
    block: TextBlock,
    pitches: dict[float, float],
    column: tuple[float, float],
) -> bool:
    """Whether `line` opens a new block rather than continuing `block` (last line `previous`).

    `column` is the left and right of the text on the page of `previous`.
    """
    if line.marker or line.bold != previous.bold:
        return True
    if block.marker and line.x0 < block.text_x0 - LEVEL_TOLERANCE:
        return True
    left, right = column
    if line.page != previous.page:
        # Cut by a page break: it goes on when the last line was full, that is when
        # the next line's first word would not have fitted on it.
        room = right - previous.x1
        return room > 2 * previous.size and room > line.first_word_width() + previous.size / 2
    if _centred(previous, column) and _centred(line, column):
        # Centred lines (a cover page) set at one pitch: the same, room on both sides.
        room = right - left - (previous.x1 - previous.x0)
        if room > line.first_word_width() + previous.size / 2:
            return True
    pitch = pitches.get(previous.size, previous.size * 1.3)
    return line.top - previous.top > pitch * 1.25


def _centred(line: PrintedLine, column: tuple[float, float]) -> bool:
    """Whether the line stands in the middle of the column, clear of both its edges."""
    margin_left, margin_right = line.x0 - column[0], column[1] - line.x1
    clear = min(margin_left, margin_right) > 2 * line.size
    return clear and abs(margin_left - margin_right) <= CENTRE_TOLERANCE * line.size
