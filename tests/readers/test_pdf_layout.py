"""Lines of glyphs made by hand: list markers, joined lines, emphasis, page numbers."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from extractor.readers.pdf.furniture import furniture
from extractor.readers.pdf.layout import (
    LEVEL_TOLERANCE,
    MARKER_GAP,
    WORD_GAP,
    CellEdge,
    Glyph,
    GlyphMaker,
    PrintedLine,
    Shape,
    TextBlock,
    chars_to_glyphs,
    emphasize,
    glyphs_to_lines,
    join_lines,
    line_pitches,
    mark_shapes,
    marker_levels,
    starts_block,
    word_cut,
)
from extractor.readers.pdf.tables import aligned_table, inside
from extractor.ruleset import PdfListRules, load_rules

RULES = load_rules().pdf
SIZE = 10.0
WIDTH = 5.0  # every glyph is 5 points wide
SPACE = 3.0  # and a word gap 3 points, as a 10 point font's space


def line_of(
    text: str,
    first_gap: float = SPACE,
    *,
    gap: float = SPACE,
    top: float = 100.0,
    bold: frozenset[str] = frozenset(),
    italic: frozenset[str] = frozenset(),
    page: int = 1,
    x: float = 50.0,
) -> PrintedLine:
    """A line of `text` from `x`: word gaps `gap`, the first `first_gap`; words in `bold`
    bold, those in `italic` italic."""
    glyphs: list[Glyph] = []
    for index, word in enumerate(text.split(" ")):
        for char in word:
            glyphs.append(
                Glyph(char, x, top, x + WIDTH, top + SIZE, SIZE, word in bold, word in italic, page)
            )
            x += WIDTH
        x += first_gap if index == 0 else gap
    return PrintedLine(glyphs, page, RULES.lists)


MARKER_CASES = [
    ("• Diseminare", SPACE, 1),
    ("\uf0b7 Diseminare", 14.0, 1),  # a word processor's Symbol-font bullet
    ("✓ Diseminare", SPACE, 1),
    ("- Diseminare", 14.0, 1),
    ("\u2013 Diseminare", 14.0, 1),  # an en dash
    ("- la secțiunea Members", SPACE, 0),  # a wrapped line that starts with a dash
    ("o Diseminare", 14.0, 1),
    ("o firmă nouă", SPACE, 0),
    ("1. Diseminare", 14.0, 2),
    ("12) Diseminare", 14.0, 3),
    ("a) Diseminare", 14.0, 2),
    ("2. etape derulate", SPACE, 0),
    ("3 Diseminare", 14.0, 0),  # a lone number then a tab: a table's number column
    ("Diseminare rezultate", 14.0, 0),
]


@pytest.mark.parametrize(("text", "gap", "marker"), MARKER_CASES)
def test_list_markers(text: str, gap: float, marker: int) -> None:
    assert line_of(text, gap).marker == marker


def marked(marker: str, gap: float, size: float) -> int:
    """The marker count of `marker` then `Diseminare` `gap` points after it, at font `size`
    (whole-point boxes, so that the gap is exact)."""
    glyphs = [Glyph(marker, 0.0, 100.0, 10.0, 100.0 + size, size, False, False, 1)]
    x = 10.0 + gap
    for char in "Diseminare":
        glyphs.append(Glyph(char, x, 100.0, x + 10.0, 100.0 + size, size, False, False, 1))
        x += 10.0
    return PrintedLine(glyphs, 1, RULES.lists).marker


def test_a_bullet_no_more_than_a_word_gap_from_its_word_is_glued_to_it_not_a_marker() -> None:
    size = 25.0  # a word gap is more than 3 points: 0.12 of the size
    assert WORD_GAP * size == 3.0
    assert (marked("•", 3.0, size), marked("•", 3.5, size)) == (0, 1)


def test_a_dash_is_a_marker_only_past_the_marker_gap() -> None:
    size = 20.0  # the marker gap is 9 points: 0.45 of the size
    assert MARKER_GAP * size == 9.0
    assert (marked("-", 9.0, size), marked("-", 9.5, size)) == (0, 1)


def shape_at(right: float, size: float = 3.0, *, top: float = 103.5, filled: bool = True) -> Shape:
    """A square shape `size` points wide ending at x `right`, centred near a line at top 100."""
    return Shape(right - size, top, right, top + size, filled)


# (shape, the marker glyph the line gets, or None when the shape is no marker for it)
SHAPE_CASES = [
    pytest.param(shape_at(42.0), "•", id="filled-disc-left-of-the-text"),
    pytest.param(shape_at(42.0, filled=False), "◦", id="outlined-circle"),
    pytest.param(shape_at(49.0, 6.0), "•", id="square-touching-the-text"),
    pytest.param(shape_at(42.0, 1.0), None, id="a-dot-too-small"),
    pytest.param(shape_at(42.0, 9.0), None, id="a-box-too-large"),
    pytest.param(Shape(20.0, 104.0, 42.0, 105.0, True), None, id="a-rule-not-a-square"),
    pytest.param(shape_at(20.0), None, id="too-far-left"),
    pytest.param(shape_at(56.0), None, id="over-the-text"),
    pytest.param(shape_at(42.0, top=112.0), None, id="below-the-line"),
    # A dash drawn as a short rule (6 by 1.5 points) is bullet-sized but no square.
    pytest.param(Shape(36.0, 104.0, 42.0, 105.5, True), None, id="a-short-rule-not-a-square"),
    # The limits themselves still mark the line: at a 10 point font, sides up to 8 points,
    # the longer side up to 1.5 times the shorter, 0 to 25 points left of the text, the
    # shape's middle anywhere from the line's top (100) to its bottom (110).
    pytest.param(shape_at(42.0, 8.0), "•", id="the-largest-bullet"),
    pytest.param(Shape(40.0, 103.0, 42.0, 106.0, True), "•", id="the-most-oblong-bullet"),
    pytest.param(shape_at(50.0), "•", id="no-gap-before-the-text"),
    pytest.param(shape_at(25.0), "•", id="the-widest-gap"),
    pytest.param(shape_at(42.0, top=98.5), "•", id="centre-on-the-lines-top"),
    pytest.param(shape_at(42.0, top=108.5), "•", id="centre-on-the-lines-bottom"),
]


@pytest.mark.parametrize(("shape", "bullet"), SHAPE_CASES)
def test_a_small_shape_left_of_a_line_is_its_list_marker(shape: Shape, bullet: str | None) -> None:
    (line,) = mark_shapes([line_of("Diseminare rezultate")], [shape], RULES.lists)
    assert line.marker == (1 if bullet else 0)
    assert line.glyphs[0].text == (bullet or "D")
    assert "".join(text for text, _ in line.units(line.marker)) == "Diseminare rezultate"


def test_a_shape_of_the_smallest_bullet_size_marks_its_line() -> None:
    """The smallest bullet is 0.12 font sizes across (a dot drawn for a small font): its
    size itself is enough. (The line starts near x 0, where 1.2 is an exact difference.)"""
    smallest = RULES.lists.shapes.min_size * SIZE
    dot = Shape(0.0, 104.0, smallest, 105.5, True)  # 1.2 by 1.5 points
    (line,) = mark_shapes([line_of("Diseminare", x=10.0)], [dot], RULES.lists)
    assert line.marker == 1


def test_each_shape_marks_one_line_and_a_glyph_bullet_keeps_its_own() -> None:
    lines = [line_of("• Diseminare", top=100), line_of("Rezultate noi", top=112)]
    shapes = [shape_at(42.0, top=103.5), shape_at(42.0, top=115.5, filled=False)]
    marked = mark_shapes(lines, shapes, RULES.lists)
    assert [line.glyphs[0].text for line in marked] == ["•", "◦"]
    assert [line.marker for line in marked] == [1, 1]


def _text(units: list) -> str:
    return "".join(text for text, _ in units)


def test_wrapped_lines_join_with_a_space_and_hyphenated_words_without() -> None:
    lines = [line_of("activități de cercetare-", top=100), line_of("dezvoltare și", top=112)]
    assert _text(join_lines(lines)) == "activități de cercetare-dezvoltare și"
    lines = [line_of("perioada 2018 -", top=100), line_of("2020", top=112)]
    assert _text(join_lines(lines)) == "perioada 2018 - 2020"
    lines = [line_of("cerce\u00ad", top=100), line_of("tare", top=112)]
    assert _text(join_lines(lines)) == "cerce\u00adtare"


def cell_lines(first: str, second: str, room: float, *, space: float = 0.0) -> list[PrintedLine]:
    """Two lines of a table cell whose text ends `room` points right of the first line;
    `space` is the width of a space written after the first."""
    lines = [line_of(first, top=100), line_of(second, top=112)]
    lines[0].glyphs[-1].space = space
    for line in lines:
        line.cell = CellEdge(lines[0].x1 + room, SPACE)
    return lines


# (first line, second line, room left in the cell, a space written after the first, a cut)
CUT_CASES = [
    pytest.param("TRANSYLVA", "NIA ENERGY", 2.0, 0.0, True, id="word-cut"),
    pytest.param("medicamentului", ")", 0.5, 0.0, True, id="cut-before-a-bracket"),
    pytest.param("IMAGISTICĂ", "MOLECULARĂ", 2.0, SPACE, False, id="space-written"),
    pytest.param("nano-tehnologii", "și", 1.0, 0.0, False, id="breaks-at-its-dash"),
    pytest.param("e-guvernare", "și", 1.0, 0.0, False, id="breaks-at-a-dash-after-one-letter"),
    pytest.param("companiilor din", "cadrul", 1.0, 0.0, False, id="two-words"),
    pytest.param("CLUSTERUL", "UI", 8.0, 0.0, False, id="short-of-the-edge"),
    # Room for exactly one more char (5 points): the next one would have fitted.
    pytest.param("TRANSYLVA", "NIA ENERGY", WIDTH, 0.0, False, id="room-for-one-more-char"),
]


@pytest.mark.parametrize(("first", "second", "room", "space", "cut"), CUT_CASES)
def test_a_word_cut_fills_its_cell_alone_with_no_space_and_no_dash(
    first: str, second: str, room: float, space: float, cut: bool
) -> None:
    assert word_cut(*cell_lines(first, second, room, space=space)) is cut


def test_lines_outside_a_table_cell_are_never_a_cut_word() -> None:
    assert not word_cut(line_of("TRANSYLVA", top=100), line_of("NIA", top=112))


def test_a_line_marked_cut_joins_the_next_without_a_space() -> None:
    lines = cell_lines("TRANSYLVA", "NIA ENERGY", 2.0)
    assert _text(join_lines(lines)) == "TRANSYLVA NIA ENERGY"
    lines[0].cut = True
    assert _text(join_lines(lines)) == "TRANSYLVANIA ENERGY"


def test_a_bold_run_over_two_lines_is_one_run() -> None:
    bold = frozenset({"Organizare", "și", "dezvoltare", "cluster"})
    lines = [line_of("Competiția Organizare și", top=100, bold=bold)]
    lines.append(line_of("dezvoltare cluster face", top=112, bold=bold))
    text = _text(emphasize(join_lines(lines)))
    assert text == "Competiția **Organizare și dezvoltare cluster** face"


def _char(text: str, x0: float, width: float = WIDTH, **given: object) -> dict[str, object]:
    """A char as pdfplumber gives it, `width` points wide at `x0`; `given` keys replace
    (or, set to None, remove) its usual ones."""
    char: dict[str, object] = {
        "text": text,
        "x0": x0,
        "top": 100.0,
        "x1": x0 + width,
        "bottom": 100.0 + SIZE,
        "size": SIZE,
        "fontname": "Arial",
        "upright": True,
    }
    char.update(given)
    return {key: value for key, value in char.items() if value is not None}


def test_a_char_set_sideways_is_left_out_and_the_chars_after_it_are_read() -> None:
    """A rotated char (a vertical table header, a margin note) is no text of its line;
    the upright chars after it on the page still are."""
    chars = [_char("A", 50.0), _char("B", 55.0, upright=False), _char("C", 60.0)]
    assert [glyph.text for glyph in chars_to_glyphs(chars, 1, RULES)] == ["A", "C"]


def test_a_char_whose_orientation_is_not_given_is_read_as_upright() -> None:
    """Only a char said to be set sideways is left out: a reader that gives no
    orientation loses no text."""
    chars = [_char("A", 50.0, upright=None)]
    assert [glyph.text for glyph in chars_to_glyphs(chars, 1, RULES)] == ["A"]


def test_a_space_char_is_no_glyph_but_the_glyph_before_it_notes_its_width() -> None:
    """The printed space's width tells a wrap from a cut word in a table cell (see
    `word_cut`); a space before the page's first glyph (an indent) has no glyph to go to."""
    chars = [_char(" ", 40.0, 2.5), _char("A", 50.0), _char(" ", 55.0, 2.5), _char("B", 57.5)]
    glyphs = chars_to_glyphs(chars, 1, RULES)
    assert [(glyph.text, glyph.space) for glyph in glyphs] == [("A", 2.5), ("B", 0.0)]


def test_an_italic_run_in_regular_text_is_starred() -> None:
    """A name or a foreign term set in italic, with no change of weight around it,
    keeps its `*` marks as in the text form."""
    line = line_of("proiectul Cluster inovativ", italic=frozenset({"Cluster"}))
    assert _text(emphasize(line.units())) == "proiectul *Cluster* inovativ"


def test_a_line_with_a_wide_gap_has_a_tab_but_a_justified_line_does_not() -> None:
    assert _text(line_of("Site http://x.ro/a", 40.0).units()) == "Site\thttp://x.ro/a"
    justified = line_of("unu doi trei patru", 16.0, gap=16.0)  # every word gap stretched
    assert _text(justified.units()) == "unu doi trei patru"


PAGE_NUMBERS = [
    ("Pagina 3 din 20", True),
    ("pagina 3/20", True),
    ("3 / 20", True),
    ("- 3 -", True),
    ("3", True),
    ("3 proiecte", False),
    ("Nr. 3", False),
]


@pytest.mark.parametrize(("text", "expected"), PAGE_NUMBERS)
def test_page_numbers(text: str, expected: bool) -> None:
    assert bool(RULES.furniture.page_number.match(text)) is expected


def test_a_line_repeated_at_one_place_on_three_pages_is_furniture_on_two_it_is_not() -> None:
    def page(number: int, header: str) -> tuple[list[PrintedLine], float]:
        lines = [line_of(header, top=30, page=number), line_of("Text al paginii", top=300)]
        return lines, 842.0

    three = [page(number, "Raport UEFISCDI 2019") for number in (1, 2, 3)]
    assert furniture(three, RULES.furniture.page_number) == [{0}, {0}, {0}]
    two = [page(number, "Titlu Perioadă Coordonator") for number in (1, 2)]
    assert furniture(two, RULES.furniture.page_number) == [set(), set()]


def test_a_running_head_printed_a_little_lower_on_one_page_is_at_the_same_place() -> None:
    def page(number: int, top: float) -> tuple[list[PrintedLine], float]:
        lines = [line_of("Raport UEFISCDI 2019", top=top, page=number), line_of("Text", top=300)]
        return lines, 842.0

    jittered = [page(1, 30.0), page(2, 33.0), page(3, 30.0)]
    assert furniture(jittered, RULES.furniture.page_number) == [{0}, {0}, {0}]
    apart = [page(1, 30.0), page(2, 42.0), page(3, 54.0)]
    assert furniture(apart, RULES.furniture.page_number) == [set(), set(), set()]


def test_a_paragraph_cut_by_a_page_break_goes_on_when_its_last_line_was_full() -> None:
    first = line_of("un produs nou la nivel de cluster", top=780)
    block = TextBlock([first], 0, 0)
    long_word = line_of("(scaun-static-dinamic) și", top=60, page=2)
    short_word = line_of("Un alt paragraf", top=60, page=2)
    column = (first.x0, first.x1 + 60)  # room for "Un" but not for "(scaun-static-dinamic)"
    assert not starts_block(long_word, first, block, {}, column)
    assert starts_block(short_word, first, block, {}, column)


def centred(text: str, top: float, column: tuple[float, float] = (50.0, 450.0)) -> PrintedLine:
    """A line of `text` in the middle of `column` (left and right x)."""
    left, right = column
    width = line_of(text).x1 - 50.0
    return line_of(text, top=top, x=left + (right - left - width) / 2)


def test_centred_lines_at_one_pitch_are_blocks_unless_the_first_was_full() -> None:
    column, pitches = (50.0, 450.0), {SIZE: 12.0}
    cover = centred("MINISTERUL EDUCAȚIEI ȘI CERCETĂRII", 100)
    block = TextBlock([cover], 0, 0)
    assert starts_block(centred("ue fiscdi", 112), cover, block, pitches, column)
    # A centred line with no room left for the next one's first word wraps onto it.
    full = centred("Stadiul proiectelor Cluster inovativ la data de", 100)
    block = TextBlock([full], 0, 0)
    wrapped = centred("treizecișiunudecembriedouămiinouăsprezece", 112)
    assert not starts_block(wrapped, full, block, pitches, column)


# The previous line's margins (left, right) in its column, and whether it is centred.
CENTRED_CASES = [
    pytest.param(25.0, 25.0, True, id="clear-of-both-edges"),
    pytest.param(20.0, 20.0, False, id="two-font-sizes-from-the-edges-is-not-clear"),
    pytest.param(10.0, 10.0, False, id="balanced-but-near-the-edges"),
    pytest.param(25.0, 30.0, True, id="half-a-font-size-off-centre"),
    pytest.param(25.0, 31.0, False, id="more-off-centre"),
]


@pytest.mark.parametrize(("left", "right", "is_centred"), CENTRED_CASES)
def test_only_a_pair_of_centred_lines_parts_where_the_next_word_would_have_fitted(
    left: float, right: float, is_centred: bool
) -> None:
    """On a cover page each centred line is a block of its own, though set at one pitch.
    A line is centred when more than two font sizes clear of both edges of the column
    and off its middle by half a font size at most; otherwise (a body line, justified
    or ragged) only the distance between the lines parts them.
    """
    previous = line_of("MINISTERUL EDUCAȚIEI", top=100)
    column = (previous.x0 - left, previous.x1 + right)
    line = centred("ue fiscdi", 112, column)  # "ue" would have fitted on the line above
    block = TextBlock([previous], 0, 0)
    assert starts_block(line, previous, block, {SIZE: 12.0}, column) is is_centred


@pytest.mark.parametrize(
    ("spare", "parts"),
    [
        pytest.param(5.0, False, id="exactly-the-word-and-half-a-font-size"),
        pytest.param(6.0, True, id="a-point-more"),
    ],
)
def test_centred_lines_part_when_the_next_word_and_half_a_font_size_fit_above(
    spare: float, parts: bool
) -> None:
    """Room of exactly the next line's first word and half a font size (a space) in all,
    both sides of a centred line, is not enough: the title was wrapped there.
    """
    title = "Stadiul proiectelor Cluster inovativ la data de"
    wrapped = "treizecișiunu decembrie"  # its first word is 65 points wide
    column = (50.0, 50.0 + line_of(title).x1 - 50.0 + 65.0 + spare)
    previous, line = centred(title, 100, column), centred(wrapped, 112, column)
    block = TextBlock([previous], 0, 0)
    assert starts_block(line, previous, block, {SIZE: 12.0}, column) is parts


def _spaced(size: float, *boxes: tuple[str, float, float]) -> PrintedLine:
    """A line of glyphs of one size at the given (text, x0, x1)."""
    glyphs = [
        Glyph(text, x0, 100.0, x1, 100.0 + size, size, False, False, 1) for text, x0, x1 in boxes
    ]
    return PrintedLine(glyphs, 1)


def test_first_word_width_ends_at_the_first_gap_wider_than_a_word_gap() -> None:
    assert line_of("a bcd").first_word_width() == WIDTH
    assert line_of("ab cd").first_word_width() == 2 * WIDTH
    # Letter spacing (0.5 points at 10 points) is no word gap, nor is a gap of exactly
    # the word gap share (0.12 x 25 points = 3 points): words part at wider gaps only.
    spaced = _spaced(10.0, ("a", 0.0, 5.0), ("b", 5.5, 10.5), ("c", 20.0, 25.0))
    assert spaced.first_word_width() == 10.5
    exact = _spaced(25.0, ("a", 0.0, 10.0), ("b", 13.0, 23.0), ("c", 40.0, 50.0))
    assert exact.first_word_width() == 23.0


def _continues(
    line: PrintedLine,
    previous: PrintedLine,
    pitches: dict[float, float] | None = None,
    right: float = 500.0,
) -> bool:
    """Whether `line` goes on with the one-line block of `previous` (not a new block)."""
    block = TextBlock([previous], previous.marker, 0)
    return not starts_block(line, previous, block, pitches or {}, (previous.x0, right))


def test_a_line_goes_on_with_the_block_above_it_by_its_distance_and_the_room_left() -> None:
    previous = line_of("Activitatea de cercetare", top=100)
    # A list marker opens a block, bold or not like the line above.
    assert not _continues(line_of("• Diseminare", top=112), previous)
    # The next line at the known pitch goes on; exactly 1.25 pitches down still does.
    assert _continues(line_of("și inovare", top=124), previous, pitches={SIZE: 24.0})
    assert _continues(line_of("și inovare", top=115), previous, pitches={SIZE: 12.0})
    assert not _continues(line_of("și inovare", top=116), previous, pitches={SIZE: 12.0})
    # Without a known pitch, 1.3 font sizes is taken for one.
    assert _continues(line_of("și inovare", top=114), previous)
    assert not _continues(line_of("și inovare", top=117), previous)
    # Over a page break: the line goes on when its first word would not have fitted above,
    # half a font size to spare, or when less than two font sizes were left.
    short, long = line_of("Un alt", top=60, page=2), line_of("Planul nou", top=60, page=2)
    assert _continues(short, previous, right=previous.x1 + 20)
    assert not _continues(short, previous, right=previous.x1 + 21)
    assert _continues(long, previous, right=previous.x1 + 34)
    assert _continues(long, previous, right=previous.x1 + 35)  # "Planul" is 30 points wide
    assert not _continues(long, previous, right=previous.x1 + 36)


def test_a_list_item_goes_on_with_lines_no_further_left_than_its_text() -> None:
    item = line_of("• Diseminare rezultate", top=100)
    text_x0 = item.glyphs[item.marker].x0
    wrapped = line_of("și promovare", top=112)
    shift = text_x0 - LEVEL_TOLERANCE - wrapped.x0  # as far left as a wrapped line may be
    for glyph in wrapped.glyphs:
        glyph.x0 += shift
        glyph.x1 += shift
    assert _continues(PrintedLine(wrapped.glyphs, 1, RULES.lists), item)


def _row(top: float, shift: float = 0.0, page: int = 1) -> PrintedLine:
    """A row of three cells, 30 points apart (wider than a cell gap), `shift` to the right."""
    line = line_of("Nr Titlu Stadiu", 30.0, gap=30.0, top=top, page=page)
    for glyph in line.glyphs:
        glyph.x0 += shift
        glyph.x1 += shift
    return PrintedLine(line.glyphs, page, RULES.lists)


@pytest.mark.parametrize(
    ("third", "rows"),
    [
        (_row(124.0), 3),  # right below: one more row
        (_row(142.0), 3),  # 2 font sizes of white space: still the table
        (_row(143.0), 2),  # more: the table has ended
        (_row(124.0, page=2), 2),  # on the next page: another table
        (_row(124.0, shift=LEVEL_TOLERANCE), 3),  # cells at the tolerance off their columns
        (_row(124.0, shift=LEVEL_TOLERANCE + 0.5), 2),
        (_row(124.0, shift=-LEVEL_TOLERANCE), 3),
    ],
    ids=[
        "below",
        "two-sizes-down",
        "further-down",
        "next-page",
        "at-tolerance",
        "off-columns",
        "at-tolerance-left",
    ],
)
def test_an_unruled_table_goes_on_while_rows_are_close_and_aligned(
    third: PrintedLine, rows: int
) -> None:
    lines = [_row(100.0), _row(112.0), third]
    found = aligned_table(lines, 0)
    assert found is not None
    assert found[1] == rows


def test_an_unruled_table_needs_two_close_rows_of_which_the_first_has_three_cells() -> None:
    two_cells = line_of("Nr Titlu", 30.0, top=112)
    two_rows = aligned_table([_row(100.0), _row(112.0)], 0)
    assert two_rows is not None and two_rows[1] == 2
    assert aligned_table([_row(100.0), two_cells], 0) is not None
    assert aligned_table([_row(100.0), _row(200.0)], 0) is None  # the next row is too far
    assert aligned_table([line_of("Nr Titlu", 30.0, top=88), _row(100.0)], 0) is None
    assert aligned_table([_row(100.0)], 0) is None
    # From the second line on: the first row alone, the next one far below, is no table.
    assert aligned_table([line_of("Titlu", top=80), _row(100.0), _row(200.0)], 1) is None


def test_an_unruled_tables_rows_part_where_a_line_is_more_than_a_font_size_below() -> None:
    found = aligned_table([_row(100.0), _row(112.0), _row(133.0)], 0)
    assert found is not None
    table, end = found
    assert end == 3
    assert len(table.rows) == 2  # 112 wraps the first row; 133 is 11 points below its bottom
    found = aligned_table([_row(100.0), _row(112.0), _row(132.0)], 0)
    assert found is not None and len(found[0].rows) == 1  # 10 points: one font size, no more


@pytest.mark.parametrize(
    ("x", "y"), [(10.0, 30.0), (50.0, 30.0), (30.0, 20.0), (30.0, 40.0), (30.0, 30.0)]
)
def test_a_glyph_is_inside_a_box_when_its_centre_is_in_it_or_on_its_edge(
    x: float, y: float
) -> None:
    glyph = Glyph("a", x - 2.0, y - 3.0, x + 2.0, y + 3.0, SIZE, False, False, 1)
    assert inside(glyph, (10.0, 20.0, 50.0, 40.0))
    assert not inside(glyph, (x + 0.5, y - 5.0, x + 9.0, y + 5.0))


def test_a_printed_space_inside_a_bold_run_does_not_break_the_run() -> None:
    def glyph(text: str, x: float, bold: bool) -> Glyph:
        return Glyph(text, x, 100.0, x + 5.0, 110.0, SIZE, bold, False, 1)

    units = [
        ("a", glyph("a", 0.0, True)),
        (" ", glyph(" ", 5.0, False)),  # a space drawn in the regular font
        ("b", glyph("b", 10.0, True)),
    ]
    assert _text(emphasize(units)) == "**a b**"


def test_a_running_footer_a_point_higher_or_lower_on_some_pages_is_still_furniture() -> None:
    pages = []
    for page, jitter in enumerate((0.0, 0.6, 1.2), 1):
        body = line_of("Activitatea de cercetare", top=300.0, page=page)
        footer = line_of("Raport Cluster inovativ", top=800.0 + jitter, page=page)
        pages.append(([body, footer], 842.0))
    assert furniture(pages, RULES.furniture.page_number) == [{1}, {1}, {1}]


def test_cells_part_at_gaps_wider_than_the_cell_gap_only() -> None:
    # 0.8 font sizes of 10 points: 8 points of white space is still inside a cell.
    assert len(line_of("a b c", 8.0, gap=8.0).segments(0.8)) == 1
    assert len(line_of("a b c", 8.5, gap=8.5).segments(0.8)) == 3


def test_a_list_number_with_letter_spacing_is_one_marker() -> None:
    numbered = _spaced(10.0, ("1", 0.0, 5.0), (".", 5.5, 8.0), ("D", 22.0, 27.0), ("e", 27.0, 32.0))
    assert PrintedLine(numbered.glyphs, 1, RULES.lists).marker == 2


def _cells(top: float, *cells: tuple[str, float]) -> PrintedLine:
    """A line of words each starting at its x."""
    glyphs = [
        Glyph(
            char, x + WIDTH * index, top, x + WIDTH * (index + 1), top + SIZE, SIZE, False, False, 1
        )
        for word, x in cells
        for index, char in enumerate(word)
    ]
    return PrintedLine(glyphs, 1, RULES.lists)


def test_an_unruled_tables_cells_go_to_the_column_they_start_at() -> None:
    header = _cells(100.0, ("Nr", 50.0), ("Activitate", 90.0), ("Stadiu", 170.0))
    row = _cells(122.0, ("1", 50.0), ("Proiect", 90.0), ("Gata", 170.0))  # a one-char cell
    found = aligned_table([header, row], 0)
    assert found is not None
    assert found[0].row_texts() == ["Nr\tActivitate\tStadiu", "1\tProiect\tGata"]


def _pages_with(
    lines_of_page: Callable[[int], list[PrintedLine]], count: int, height: float
) -> list[tuple[list[PrintedLine], float]]:
    """`count` pages of `height`, numbered from 1, each with the lines `lines_of_page` gives."""
    return [(lines_of_page(number), height) for number in range(1, count + 1)]


def test_a_line_repeated_on_fewer_than_half_the_pages_is_no_running_head() -> None:
    names = "ABCDEFGH"
    for repeats, expected in ((3, set()), (4, {0})):

        def page(number: int, repeats: int = repeats) -> list[PrintedLine]:
            head = "Tabel continuat" if number <= repeats else f"Titlul {names[number - 1]}"
            return [line_of(head, top=30.0, page=number), line_of("Text", top=300.0, page=number)]

        found = furniture(_pages_with(page, 8, 842.0), RULES.furniture.page_number)
        assert found[0] == expected


def test_only_the_first_and_last_lines_of_a_page_may_be_furniture() -> None:
    def page(number: int) -> list[PrintedLine]:
        letter = "ABC"[number - 1]
        tops = (20.0, 40.0, 60.0, 300.0, 400.0, 500.0)
        texts = (f"Capitol {letter}", f"Parte {letter}", "Subtitlu comun", "a", "b", "c")
        return [line_of(text, top=top, page=number) for text, top in zip(texts, tops, strict=True)]

    assert furniture(_pages_with(page, 3, 842.0), RULES.furniture.page_number) == [set()] * 3


def test_a_line_on_the_edge_of_the_top_or_bottom_band_is_outside_it() -> None:
    def page(number: int) -> list[PrintedLine]:
        return [
            line_of("Raport UEFISCDI", top=120.0 - SIZE, page=number),  # its bottom at 0.12 x 1000
            line_of("Text", top=500.0, page=number),
            line_of("Subsol UEFISCDI", top=880.0, page=number),  # its top at 0.88 x 1000
        ]

    assert furniture(_pages_with(page, 3, 1000.0), RULES.furniture.page_number) == [set()] * 3


@pytest.mark.parametrize(
    ("sizes", "expected"),
    [
        # A reader's sizes of one font differ in the hundredths (a scaled text matrix):
        # they count as one size to the tenth, which outnumbers a size used more often alone.
        pytest.param((9.96, 9.96, 10.04, 10.04, 10.5, 10.5, 10.5), 10.0, id="to-the-tenth"),
        pytest.param((9.6, 9.6, 12.0), 9.6, id="tenths-kept"),
    ],
)
def test_a_lines_size_is_the_one_most_of_its_glyphs_have_to_a_tenth_of_a_point(
    sizes: tuple[float, ...], expected: float
) -> None:
    """The line's size sets its word gaps and its pitch: a few larger glyphs (a capital
    of another font, a superscript) must not change it."""
    glyphs = [
        Glyph("a", 10.0 * index, 100.0, 10.0 * index + 5.0, 110.0, size, False, False, 1)
        for index, size in enumerate(sizes)
    ]
    assert PrintedLine(glyphs, 1).size == expected


def _glyph_at(x: float, bottom: float) -> Glyph:
    return Glyph("a", x, bottom - SIZE, x + WIDTH, bottom, SIZE, False, False, 1)


@pytest.mark.parametrize(
    ("lower", "lines"),
    [
        pytest.param(2.0, 1, id="a-subscript"),
        pytest.param(0.4 * SIZE, 1, id="exactly-0.4-font-sizes-lower"),
        pytest.param(4.5, 2, id="more-is-the-next-line"),
    ],
)
def test_glyphs_up_to_four_tenths_of_a_font_size_below_a_lines_first_are_on_that_line(
    lower: float, lines: int
) -> None:
    """A subscript or a glyph of another font sits a little lower on its line's baseline;
    a line below is at least a font size lower."""
    glyphs = [_glyph_at(50.0, 110.0), _glyph_at(60.0, 110.0 + lower)]
    assert len(glyphs_to_lines(glyphs, 1)) == lines


@pytest.mark.parametrize(("lists", "marker"), [(RULES.lists, 1), (None, 0)])
def test_the_last_line_of_a_page_has_its_marker_found_and_a_table_cells_has_none(
    lists: PdfListRules | None, marker: int
) -> None:
    """The last bullet of a page is a list item like the others; a table cell starting
    with a bullet glyph (read without list rules) keeps it as text."""
    glyphs = [*line_of("Titlu", top=80).glyphs, *line_of("• Diseminare", top=100).glyphs]
    found = glyphs_to_lines(glyphs, 1, lists)
    assert [line.marker for line in found] == [0, marker]


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        # A one-letter prefix wrapped at its hyphen, alone on a narrow cell's line, is one word.
        pytest.param("e-", "guvernare", "e-guvernare", id="one-letter"),
        # A dash alone on a line (an empty cell's mark) has no word before it to go on.
        pytest.param("-", "2020", "- 2020", id="a-lone-dash"),
        # A dash before a bracket is no hyphenated word, whatever follows the bracket.
        pytest.param("cercetare-", "(dezvoltare)", "cercetare- (dezvoltare)", id="bracket"),
    ],
)
def test_a_hyphen_joins_wrapped_lines_only_between_letters(
    first: str, second: str, joined: str
) -> None:
    lines = [line_of(first, top=100), line_of(second, top=112)]
    assert _text(join_lines(lines)) == joined


def _lines_at(*tops: float, size: float = SIZE, page: int = 1) -> list[PrintedLine]:
    """One-word lines of font `size` on `page` at the given tops."""
    return [
        PrintedLine([Glyph("a", 50.0, top, 55.0, top + size, size, False, False, page)], page)
        for top in tops
    ]


@pytest.mark.parametrize(
    ("distance", "pitch"),
    [
        pytest.param(12.0, 12.0, id="a-paragraph"),
        pytest.param(1.0, 1.0, id="any-distance-below"),
        pytest.param(0.0, None, id="the-same-top-is-no-distance"),
        pytest.param(29.0, 29.0, id="under-three-font-sizes"),
        pytest.param(30.0, None, id="three-font-sizes-is-a-gap-between-blocks"),
    ],
)
def test_a_pitch_is_a_distance_seen_twice_between_lines_under_three_font_sizes_apart(
    distance: float, pitch: float | None
) -> None:
    """The pitch tells a paragraph's next line from the next block: distances of three
    font sizes or more are white space between blocks, never a pitch."""
    found = line_pitches(_lines_at(100.0, 100.0 + distance, 100.0 + 2 * distance))
    assert found == ({SIZE: pitch} if pitch is not None else {})


def test_a_pitch_is_measured_between_lines_of_one_size_only() -> None:
    """A heading above its paragraph is set further apart than the paragraph's lines:
    that distance is no pitch of either size."""
    heading, body = 14.0, SIZE
    lines = [
        *_lines_at(80.0, size=heading),
        *_lines_at(100.0, 112.0, 124.0),
        *_lines_at(144.0, size=heading),
        *_lines_at(164.0, 176.0),
    ]
    assert line_pitches(lines) == {body: 12.0}


@pytest.mark.parametrize(
    ("rare", "pitch"),
    [pytest.param(3, 12.0, id="five-percent-is-common"), pytest.param(2, 14.0, id="fewer-is-not")],
)
def test_a_distance_between_fewer_than_five_percent_of_line_pairs_is_no_pitch(
    rare: int, pitch: float
) -> None:
    """In a long report a few pairs of lines closer than the rest (a line squeezed in)
    must not set the pitch: the smallest distance seen in at least 5 % of 60 pairs does."""
    tops = [100.0]
    for index in range(60):
        tops.append(tops[-1] + (12.0 if index < rare else 14.0))
    assert line_pitches(_lines_at(*tops)) == {SIZE: pitch}


def test_list_markers_within_the_level_tolerance_are_one_level() -> None:
    """Bullets of one level stand a little apart where their glyphs differ in width; a
    marker exactly the tolerance right of a level is still on it."""
    lines = [
        line_of("• Unu", x=50.0),
        line_of("• Doi", x=50.0 + LEVEL_TOLERANCE),
        line_of("• Trei", x=60.0),
        line_of("Text", x=55.0),  # no marker: no level
    ]
    assert marker_levels(lines) == [50.0, 60.0]


def test_a_shape_becomes_a_bullet_glyph_in_its_box_on_the_lines_page_with_its_emphasis() -> None:
    """The bullet keeps the emphasis of the first letter it opens (a bold item stays a bold
    line, which parts it from plain text) and the line's page and size."""
    line = line_of("A doua etapă", page=3, bold=frozenset({"A"}), italic=frozenset({"A"}))
    (marked,) = mark_shapes([line], [shape_at(42.0)], RULES.lists)
    assert marked.glyphs[0] == Glyph("•", 39.0, 103.5, 42.0, 106.5, SIZE, True, True, 3)
    assert (marked.page, marked.marker) == (3, 1)


def test_a_line_with_its_own_bullet_glyph_takes_no_shape() -> None:
    """A bullet glyph with a drawn shape beside it (a highlighted item) is one marker."""
    line = line_of("• Diseminare")
    (marked,) = mark_shapes([line], [shape_at(42.0, filled=False)], RULES.lists)
    assert [glyph.text for glyph in marked.glyphs] == [glyph.text for glyph in line.glyphs]


def test_of_two_shapes_left_of_a_line_the_one_nearest_its_text_marks_it() -> None:
    """A shape further left (a table rule's end, a decoration) is no bullet of the line."""
    shapes = [shape_at(30.0, filled=False), shape_at(42.0)]
    (marked,) = mark_shapes([line_of("Diseminare")], shapes, RULES.lists)
    assert marked.glyphs[0].text == "•"


def _gapped(size: float, *gaps: float) -> PrintedLine:
    """A line of one-letter glyphs 10 points wide (a, b, c ...) with the given gaps."""
    boxes, x = [], 0.0
    for index, gap in enumerate((0.0, *gaps)):
        x += gap
        boxes.append(("abcdefgh"[index], x, x + 10.0))
        x += 10.0
    return _spaced(size, *boxes)


# At 25 points: a word gap over 3 points, a tab over 37.5 points and either over twice the
# line's narrowest word gap or, alone, over 75 points.
UNIT_CASES = [
    pytest.param((3.0,), "ab", id="exactly-a-word-gap-is-letter-spacing"),
    pytest.param((3.0, 40.0), "ab c", id="letter-spacing-is-no-narrowest-word-gap"),
    pytest.param((4.0, 10.0), "a b c", id="twice-the-narrowest-but-no-tab-width"),
    pytest.param((5.0, 37.5), "a b c", id="exactly-a-tab-width"),
    pytest.param((20.0, 40.0), "a b c", id="exactly-twice-the-narrowest"),
    pytest.param((20.0, 50.0), "a b\tc", id="more-than-twice-the-narrowest"),
    pytest.param((75.0,), "a b", id="a-lone-gap-of-exactly-twice-a-tab"),
    pytest.param((76.0,), "a\tb", id="a-lone-gap-wider"),
]


@pytest.mark.parametrize(("gaps", "text"), UNIT_CASES)
def test_gaps_are_spaces_or_tabs_by_the_font_size_and_the_lines_narrowest_word_gap(
    gaps: tuple[float, ...], text: str
) -> None:
    """A justified line stretches its spaces, an unruled table row has wide gaps between
    cells: each boundary decides between a word, a space and a tab."""
    assert _text(_gapped(25.0, *gaps).units()) == text


def test_glyphs_of_one_text_share_one_string() -> None:
    """Every glyph of a page is kept until the text is written: equal texts share one
    string object (letters past Latin-1 are new objects each time a reader makes them)."""
    maker = GlyphMaker(1, RULES)
    first, second = chr(0x219), chr(0x219)  # ș, read twice
    assert maker.letters(first) is maker.letters(second)
