"""Ruled tables from plain edges: the same tables pdfplumber's "lines" strategy finds.

The pdfium reader finds ruled tables itself, so its tables are checked here against
pdfplumber's own table finder on random rulings drawn the way real PDFs draw them:
lines a little off their column, drawn in pieces, stopping short of or past a
crossing, inner rules left out where cells span, and stray short strokes. Positions
are on a half-point grid so that the tolerances' exact boundaries come up often.
"""

from __future__ import annotations

import random

import pytest
from pdfplumber import table as plumber_table
from pdfplumber import utils as plumber_utils

from extractor.readers.pdf.grids import CROSS, JOIN, MIN_LENGTH, SNAP, Edge, edges_to_grids
from extractor.readers.pdf.grids import segment_edge as edge_of

Segment = tuple[float, float, float, float]  # x0, top0, x1, top1


def half(rng: random.Random, low: float, high: float) -> float:
    """A random multiple of 0.5 from low to high."""
    return rng.randint(int(low * 2), int(high * 2)) / 2


def ruling(rng: random.Random, at: float, start: float, end: float) -> list[tuple[float, ...]]:
    """One rule from start to end at `at`, as a writer draws it: each end a little short of or
    past the rule it meets, sometimes in pieces with gaps, each piece a little off `at`."""
    start -= half(rng, -CROSS - 1, 1.5)
    end += half(rng, -CROSS - 1, 1.5)
    cuts = sorted(half(rng, start, end) for _ in range(rng.choice((0, 0, 1, 2))))
    pieces, left = [], start
    for cut in cuts:
        gap = half(rng, -1, JOIN + 1)
        pieces.append((left, cut))
        left = cut + gap
    pieces.append((left, end))
    return [(at + half(rng, -SNAP / 2, SNAP / 2), a, b) for a, b in pieces if b - a >= 0.5]


def ruled_table(rng: random.Random, left: float, top: float) -> list[Segment]:
    """A table of 1 to 4 columns and 1 to 5 rows; some inner rules only part-way across."""
    xs = [left]
    for _ in range(rng.randint(1, 4)):
        xs.append(xs[-1] + half(rng, 12, 60))
    ys = [top]
    for _ in range(rng.randint(1, 5)):
        ys.append(ys[-1] + half(rng, 10, 30))
    across = [(a, at, b, at) for at, a, b in rules(rng, ys, xs)]
    return across + [(at, a, at, b) for at, a, b in rules(rng, xs, ys)]


def rules(rng: random.Random, positions: list[float], span: list[float]) -> list[tuple[float, ...]]:
    """The rules at `positions` across the span of the other axis's: each inner one, now and
    then, only part-way (where cells span), each drawn as `ruling` draws one."""
    found: list[tuple[float, ...]] = []
    for index, at in enumerate(positions):
        first, last = 0, len(span) - 1
        if 0 < index < len(positions) - 1 and rng.random() < 0.3:
            first = rng.randint(0, len(span) - 2)
            last = rng.randint(first + 1, len(span) - 1)
        found += ruling(rng, at, span[first], span[last])
    return found


def page_rulings(seed: int) -> list[Segment]:
    """A page's straight segments: one to three tables, side by side or stacked, and strays."""
    rng = random.Random(seed)
    segments: list[Segment] = []
    top = 40.0
    for _ in range(rng.randint(1, 3)):
        left = half(rng, 30, 60)
        segments += ruled_table(rng, left, top)
        if rng.random() < 0.3:  # a second table beside it, at the same top or near it
            segments += ruled_table(rng, left + 300, top + rng.choice((0.0, 0.0, -4.0, 6.0)))
        top += 200
    for _ in range(rng.randint(0, 4)):  # short strokes: underlines, ticks, bullets' dashes
        x, y, length = half(rng, 20, 500), half(rng, 20, 700), half(rng, 0.5, MIN_LENGTH + 1)
        segments.append((x, y, x + length, y) if rng.random() < 0.5 else (x, y, x, y + length))
    rng.shuffle(segments)
    return segments


def plumber_grids(segments: list[Segment]) -> list[tuple[tuple, list[list]]]:
    """pdfplumber's tables for these segments: its edge filters, merge, crossings and cells,
    with its default settings, as `TableFinder` runs them on a page's lines."""
    edges = [
        {
            "x0": min(x0, x1),
            "x1": max(x0, x1),
            "top": min(t0, t1),
            "bottom": max(t0, t1),
            "width": abs(x1 - x0),
            "height": abs(t1 - t0),
            "orientation": "h" if t0 == t1 else "v",
        }
        for x0, t0, x1, t1 in segments
    ]
    edges = plumber_utils.filter_edges(edges, min_length=1)
    edges = plumber_table.merge_edges(edges, SNAP, SNAP, JOIN, JOIN)
    edges = plumber_utils.filter_edges(edges, min_length=MIN_LENGTH)
    crossings = plumber_table.edges_to_intersections(edges, CROSS, CROSS)
    cells = plumber_table.intersections_to_cells(crossings)
    tables = [plumber_table.Table(None, table) for table in plumber_table.cells_to_tables(cells)]
    return [(table.bbox, [list(row.cells) for row in table.rows]) for table in tables]


def our_grids(segments: list[Segment]) -> list[tuple[tuple, list[list]]]:
    edges = [edge for segment in segments if (edge := edge_of(*segment)) is not None]
    return [(tuple(box), [list(row) for row in rows]) for box, rows in edges_to_grids(edges)]


@pytest.mark.parametrize("seeds", [range(start, start + 100) for start in range(0, 600, 100)])
def test_ruled_tables_are_the_ones_pdfplumber_finds(seeds: range) -> None:
    """The two PDF readers must give the same document; for ruled tables that means the same
    tables, in the same order, with the same cells (None where a cell spans), whatever the
    drawing's small imprecisions."""
    tables_seen = 0
    for seed in seeds:
        segments = page_rulings(seed)
        expected = plumber_grids(segments)
        assert our_grids(segments) == expected, f"seed {seed}"
        tables_seen += len(expected)
    assert tables_seen >= len(seeds)  # the drawings do make tables, most of them several


@pytest.mark.parametrize(
    ("segment", "edge"),
    [
        ((10.0, 50.0, 11.0, 50.0), Edge("h", 50.0, 10.0, 11.0)),  # exactly the shortest edge
        ((11.0, 50.0, 10.0, 50.0), Edge("h", 50.0, 10.0, 11.0)),  # drawn right to left
        ((10.0, 50.0, 10.5, 50.0), None),  # a dot, not a rule
        ((10.0, 50.0, 10.0, 51.0), Edge("v", 10.0, 50.0, 51.0)),
        ((10.0, 51.0, 10.0, 50.0), Edge("v", 10.0, 50.0, 51.0)),  # drawn bottom to top
        ((10.0, 50.0, 10.0, 50.5), None),
        ((10.0, 50.0, 30.0, 70.0), None),  # slanted: a chart's line, not a rule
        ((10.0, 50.0, 10.5, 70.0), None),  # nearly vertical is still slanted
        ((10.0, 50.0, 30.0, 50.5), None),  # nearly horizontal too
    ],
)
def test_only_straight_segments_a_point_long_are_edges(segment: Segment, edge: Edge | None) -> None:
    """pdfplumber drops edges under a point before merging; a slanted line rules no table."""
    assert edge_of(*segment) == edge


def box_segments(x0: float, top: float, x1: float, bottom: float) -> list[Segment]:
    return [
        (x0, top, x1, top),
        (x0, bottom, x1, bottom),
        (x0, top, x0, bottom),
        (x1, top, x1, bottom),
    ]


def test_tables_level_at_the_top_go_by_their_top_rows_left_to_right() -> None:
    """Tables are ordered by their top-left cell, as pdfplumber orders them: here the table
    on the right reaches further left below its top row, and still comes second."""
    stepped = box_segments(100, 40, 150, 60) + box_segments(50, 60, 100, 80)
    small = box_segments(70, 40, 80, 50) + box_segments(80, 40, 90, 50)
    grids = our_grids(stepped + small)
    assert [box for box, _ in grids] == [(70, 40, 90, 50), (50, 40, 150, 80)]
    assert grids == plumber_grids(stepped + small)


def test_a_rule_exactly_the_shortest_length_still_rules() -> None:
    """Rules shorter than MIN_LENGTH are dropped after joining; one exactly that long is kept:
    here the cells' side rules, which reach both row rules within the crossing tolerance."""
    rows = [(40.0, top, 120.0, top) for top in (50.0, 53.5)]
    sides = [(x, 50.25, x, 50.25 + MIN_LENGTH) for x in (40.0, 80.0, 120.0)]
    assert our_grids(rows + sides) == plumber_grids(rows + sides)
    assert [box for box, _ in our_grids(rows + sides)] == [(40, 50, 120, 53.5)]
