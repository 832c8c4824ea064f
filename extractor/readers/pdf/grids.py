"""Ruled tables from the ruling lines of a page: pdfplumber's table finder, on plain edges.

The pdfium reader has the page's path segments but no pdfplumber page, so this module
finds ruled tables the way pdfplumber's "lines" strategy does, with its default
tolerances: edges snapped to a shared position and joined along it, their
crossings, the smallest cells those crossings close, cells touching at a corner
grouped into tables, and each table's rows of cell boxes (None where a cell spans).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import groupby

from extractor.readers.pdf.tables import Box, Grid

SNAP = 3.0  # edges closer than this along their cross axis share one position
JOIN = 3.0  # collinear edges with a gap up to this are one edge
CROSS = 3.0  # how far an edge may fall short of another and still cross it
MIN_LENGTH = 3.0  # shorter edges (after joining) rule nothing
MIN_PREFILTER = 1.0  # shorter segments are not edges at all

Point = tuple[float, float]


@dataclass(frozen=True)
class Edge:
    """A horizontal ("h") or vertical ("v") ruling: `at` its y or x, from `start` to `end`."""

    orientation: str
    at: float
    start: float
    end: float

    @property
    def box(self) -> Box:
        if self.orientation == "h":
            return (self.start, self.at, self.end, self.at)
        return (self.at, self.start, self.at, self.end)


def segment_edge(x0: float, top0: float, x1: float, top1: float) -> Edge | None:
    """Given a straight segment's ends (top-down), its edge; None when slanted or short."""
    if top0 == top1 and abs(x1 - x0) >= MIN_PREFILTER:
        return Edge("h", top0, min(x0, x1), max(x0, x1))
    if x0 == x1 and abs(top1 - top0) >= MIN_PREFILTER:
        return Edge("v", x0, min(top0, top1), max(top0, top1))
    return None


def edges_to_grids(edges: Iterable[Edge]) -> list[Grid]:
    """Given a page's edges, each ruled table's box and its rows of cell boxes, top to bottom."""
    merged = [edge for edge in _merge(list(edges)) if edge.end - edge.start >= MIN_LENGTH]
    crossings = _crossings(merged)
    cells = _cells(crossings)
    return [(_bounds(table), _rows(table)) for table in _tables(cells)]


def _merge(edges: list[Edge]) -> list[Edge]:
    """Snap edges to the mean position of their cluster, then join collinear ones."""
    snapped: list[Edge] = []
    for orientation in ("v", "h"):
        snapped.extend(_snap([edge for edge in edges if edge.orientation == orientation]))
    joined: list[Edge] = []
    ordered = sorted(snapped, key=lambda edge: (edge.orientation, edge.at))
    for _, group in groupby(ordered, key=lambda edge: (edge.orientation, edge.at)):
        runs: list[Edge] = []
        for edge in sorted(group, key=lambda edge: edge.start):
            if runs and edge.start <= runs[-1].end + JOIN:
                if edge.end > runs[-1].end:
                    runs[-1] = replace(runs[-1], end=edge.end)
            else:
                runs.append(edge)
        joined.extend(runs)
    return joined


def _snap(edges: Sequence[Edge]) -> list[Edge]:
    """Edges whose positions chain within SNAP of one another move to their mean position."""
    out: list[Edge] = []
    cluster: list[Edge] = []
    for edge in sorted(edges, key=lambda edge: edge.at):
        if cluster and edge.at - cluster[-1].at > SNAP:
            out.extend(_moved(cluster))
            cluster = []
        cluster.append(edge)
    out.extend(_moved(cluster))
    return out


def _moved(cluster: Sequence[Edge]) -> list[Edge]:
    if not cluster:
        return []
    mean = sum(edge.at for edge in cluster) / len(cluster)
    return [replace(edge, at=mean) for edge in cluster]


def _crossings(edges: Sequence[Edge]) -> dict[Point, tuple[set[Edge], set[Edge]]]:
    """Each point where a vertical edge meets a horizontal one, with the edges through it."""
    found: dict[Point, tuple[set[Edge], set[Edge]]] = {}
    verticals = sorted((e for e in edges if e.orientation == "v"), key=lambda e: (e.at, e.start))
    horizontals = sorted((e for e in edges if e.orientation == "h"), key=lambda e: (e.at, e.start))
    for v in verticals:
        for h in horizontals:
            if (
                v.start <= h.at + CROSS
                and v.end >= h.at - CROSS
                and h.start - CROSS <= v.at <= h.end + CROSS
            ):
                point = (v.at, h.at)
                through = found.setdefault(point, (set(), set()))
                through[0].add(v)
                through[1].add(h)
    return found


def _cells(crossings: dict[Point, tuple[set[Edge], set[Edge]]]) -> list[Box]:
    """The smallest rectangles whose four corners are crossings joined by edges."""

    def joined(a: Point, b: Point) -> bool:
        if a[0] == b[0] and crossings[a][0] & crossings[b][0]:
            return True
        return a[1] == b[1] and bool(crossings[a][1] & crossings[b][1])

    points = sorted(crossings)
    cells: list[Box] = []
    for index, corner in enumerate(points):
        rest = points[index + 1 :]
        below = [point for point in rest if point[0] == corner[0]]
        right = [point for point in rest if point[1] == corner[1]]
        cell = next(
            (
                (corner[0], corner[1], across[0], down[1])
                for down in below
                if joined(corner, down)
                for across in right
                if joined(corner, across)
                and (across[0], down[1]) in crossings
                and joined((across[0], down[1]), across)
                and joined((across[0], down[1]), down)
            ),
            None,
        )
        if cell:
            cells.append(cell)
    return cells


def _corners(cell: Box) -> set[Point]:
    x0, top, x1, bottom = cell
    return {(x0, top), (x0, bottom), (x1, top), (x1, bottom)}


def _tables(cells: list[Box]) -> list[list[Box]]:
    """Cells touching at a corner, grouped, top to bottom; a lone cell is no table."""
    remaining = list(cells)
    tables: list[list[Box]] = []
    while remaining:
        table = [remaining.pop(0)]
        corners = _corners(table[0])
        grew = True
        while grew:
            grew = False
            for cell in list(remaining):
                if _corners(cell) & corners:
                    corners |= _corners(cell)
                    table.append(cell)
                    remaining.remove(cell)
                    grew = True
        tables.append(table)
    tables.sort(key=lambda table: min((cell[1], cell[0]) for cell in table))
    return [table for table in tables if len(table) > 1]


def _bounds(cells: Sequence[Box]) -> Box:
    return (
        min(cell[0] for cell in cells),
        min(cell[1] for cell in cells),
        max(cell[2] for cell in cells),
        max(cell[3] for cell in cells),
    )


def _rows(cells: Sequence[Box]) -> list[list[Box | None]]:
    """The table's rows top to bottom, each a cell per column x (None where none starts)."""
    columns = sorted({cell[0] for cell in cells})
    ordered = sorted(cells, key=lambda cell: (cell[1], cell[0]))
    rows = []
    for _, row in groupby(ordered, key=lambda cell: cell[1]):
        starts = {cell[0]: cell for cell in row}
        rows.append([starts.get(x) for x in columns])
    return rows
