"""Lines of glyphs made by hand: list markers, joined lines, emphasis, page numbers."""

from __future__ import annotations

import pytest

from extractor.readers.pdf.furniture import furniture
from extractor.readers.pdf.layout import (
    CellEdge,
    Glyph,
    PrintedLine,
    Shape,
    TextBlock,
    emphasize,
    join_lines,
    mark_shapes,
    starts_block,
    word_cut,
)
from extractor.ruleset import load_rules

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
    page: int = 1,
    x: float = 50.0,
) -> PrintedLine:
    """A line of `text` from `x`: word gaps `gap`, the first `first_gap`; words in `bold` bold."""
    glyphs: list[Glyph] = []
    for index, word in enumerate(text.split(" ")):
        for char in word:
            glyphs.append(
                Glyph(char, x, top, x + WIDTH, top + SIZE, SIZE, word in bold, False, page)
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
    ("Diseminare rezultate", 14.0, 0),
]


@pytest.mark.parametrize(("text", "gap", "marker"), MARKER_CASES)
def test_list_markers(text: str, gap: float, marker: int) -> None:
    assert line_of(text, gap).marker == marker


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
]


@pytest.mark.parametrize(("shape", "bullet"), SHAPE_CASES)
def test_a_small_shape_left_of_a_line_is_its_list_marker(shape: Shape, bullet: str | None) -> None:
    (line,) = mark_shapes([line_of("Diseminare rezultate")], [shape], RULES.lists)
    assert line.marker == (1 if bullet else 0)
    assert line.glyphs[0].text == (bullet or "D")
    assert "".join(text for text, _ in line.units(line.marker)) == "Diseminare rezultate"


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
    pytest.param("companiilor din", "cadrul", 1.0, 0.0, False, id="two-words"),
    pytest.param("CLUSTERUL", "UI", 8.0, 0.0, False, id="short-of-the-edge"),
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


def test_a_paragraph_cut_by_a_page_break_goes_on_when_its_last_line_was_full() -> None:
    first = line_of("un produs nou la nivel de cluster", top=780)
    block = TextBlock([first], 0, 0)
    long_word = line_of("(scaun-static-dinamic) și", top=60, page=2)
    short_word = line_of("Un alt paragraf", top=60, page=2)
    column = (first.x0, first.x1 + 60)  # room for "Un" but not for "(scaun-static-dinamic)"
    assert not starts_block(long_word, first, block, {}, column)
    assert starts_block(short_word, first, block, {}, column)


def centred(text: str, top: float) -> PrintedLine:
    """A line of `text` in the middle of a column from x 50 to 450."""
    width = line_of(text).x1 - 50.0
    return line_of(text, top=top, x=50.0 + (400.0 - width) / 2)


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
