"""The default PDF reader: chars and ruling lines of each page from pdfium (pypdfium2).

pdfium parses a page about ten times faster than pdfminer, pdfplumber's parser. This
reader gives what the layout code reads from pdfplumber, the same numbers: each char
with the box pdfminer would give it (from its origin, advance, the font's descent
and the size, through the char's matrix), its font name and whether it is upright;
and the page's straight path segments as edges for the ruled-table finder.
`--pdf-engine pdfplumber` reads with pdfplumber instead; a test holds both to the
same document for every PDF the tests draw.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from extractor.readers.pdf.grids import Edge, edges_to_grids, segment_edge
from extractor.readers.pdf.layout import chars_to_glyphs
from extractor.readers.pdf.problems import damaged, encrypted
from extractor.readers.pdf.reading import PageContent
from extractor.ruleset import PdfRules

_PASSWORD_ERRORS = (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY)
Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_HYPHEN = "-"  # pdfium marks a hyphen ending a line with a control char; pdfminer keeps "-"


def read_pages(data: bytes, name: str, rules: PdfRules) -> Iterator[PageContent]:
    """Given a PDF's bytes, each page's glyphs and ruled grids, closing each page once read."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if error.err_code in _PASSWORD_ERRORS:
            raise encrypted(name) from error
        raise damaged(name, error) from error
    try:
        for index in range(len(document)):
            try:
                page = document[index]
            except pdfium.PdfiumError as error:
                raise damaged(name, error, index + 1) from error
            try:
                yield _read_page(page, index + 1, rules)
            finally:
                page.close()
    finally:
        document.close()


def _read_page(page: pdfium.PdfPage, number: int, rules: PdfRules) -> PageContent:
    height = page.get_height()
    textpage = page.get_textpage()
    try:
        chars = _chars(textpage.raw, height)
    finally:
        textpage.close()
    edges = [edge for edge in _edges(page.raw, height) if edge is not None]
    glyphs = chars_to_glyphs(chars, number, rules)
    return PageContent(number, height, glyphs, edges_to_grids(edges))


def _chars(textpage: raw.FPDF_TEXTPAGE, height: float) -> list[dict]:
    """The page's chars, in content order, as pdfplumber's char dicts (the keys the layout reads).

    pdfium's own spaces and line ends (and every blank) are left out, as the layout
    drops blanks. Font facts are read once per text object, advances once per glyph.
    pdfium gives one char per letter of a ligature glyph (`ﬁ` as `f` and `i` at one
    origin), pdfminer one char for the glyph: those letters are one char here too,
    ending where the next glyph starts.
    """
    count = raw.FPDFText_CountChars(textpage)
    x, y = ctypes.c_double(), ctypes.c_double()
    origin = (ctypes.byref(x), ctypes.byref(y))
    objects: dict[int | None, tuple] = {}
    advances: dict[tuple[int | None, float, int], float] = {}
    chars: list[dict] = []
    previous: tuple[int | None, float, float] | None = None  # text object and origin
    ligature_end = -1  # the index after the last letter of a ligature just read
    for index in range(count):
        code = raw.FPDFText_GetUnicode(textpage, index)
        if index == ligature_end:
            chars[-1]["x1"] = _ligature_end(textpage, index, chars[-1], previous)
        if raw.FPDFText_IsHyphen(textpage, index):
            code = ord(_HYPHEN)
        text = chr(code)
        if not text.strip():
            continue
        text_object = raw.FPDFText_GetTextObject(textpage, index)
        key = ctypes.cast(text_object, ctypes.c_void_p).value
        raw.FPDFText_GetCharOrigin(textpage, index, *origin)
        here = (key, x.value, y.value)
        if here == previous:
            chars[-1]["text"] += text
            ligature_end = index + 1
            continue
        previous = here
        facts = objects.get(key)
        if facts is None:
            facts = objects[key] = _object_facts(textpage, index, text_object)
        font, size, descent, fontname, (a, b, c, d) = facts
        advance = advances.get((key, size, code))
        if advance is None:
            width = ctypes.c_float()
            raw.FPDFFont_GetGlyphWidth(font, code, size, ctypes.byref(width))
            advance = advances[(key, size, code)] = width.value
        # pdfminer's box: (0, descent) to (advance, descent + size) in text space.
        x0 = x.value + c * descent
        y0 = y.value + d * descent
        x1 = x.value + a * advance + c * (descent + size)
        y1 = y.value + b * advance + d * (descent + size)
        x0, x1 = min(x0, x1), max(x0, x1)
        y0, y1 = min(y0, y1), max(y0, y1)
        chars.append(
            {
                "text": text,
                "x0": x0,
                "x1": x1,
                "top": height - y1,
                "bottom": height - y0,
                "size": y1 - y0,
                "fontname": fontname,
                "upright": a * d > 0 and b * c <= 0,
            }
        )
    return chars


def _ligature_end(
    textpage: raw.FPDF_TEXTPAGE, index: int, char: dict, start: tuple | None
) -> float:
    """Where a ligature glyph ends: where the char after it starts, on its line and not one
    pdfium made up; else the end of its last letter's glyph box."""
    x, y = ctypes.c_double(), ctypes.c_double()
    raw.FPDFText_GetCharOrigin(textpage, index, ctypes.byref(x), ctypes.byref(y))
    on_its_line = start is not None and y.value == start[2] and x.value > start[1]
    if on_its_line and not raw.FPDFText_IsGenerated(textpage, index):
        return x.value
    box = raw.FS_RECTF()
    raw.FPDFText_GetLooseCharBox(textpage, index - 1, ctypes.byref(box))
    return max(char["x1"], box.right)


def _object_facts(textpage: raw.FPDF_TEXTPAGE, index: int, text_object: raw.FPDF_PAGEOBJECT):
    """A text object's font, size, descent (text space), font name and char matrix."""
    font = raw.FPDFTextObj_GetFont(text_object)
    size = ctypes.c_float()
    raw.FPDFTextObj_GetFontSize(text_object, ctypes.byref(size))
    descent = ctypes.c_float()
    raw.FPDFFont_GetDescent(font, size, ctypes.byref(descent))
    name = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    raw.FPDFText_GetFontInfo(textpage, index, name, len(name), ctypes.byref(flags))
    matrix = raw.FS_MATRIX()
    raw.FPDFText_GetMatrix(textpage, index, ctypes.byref(matrix))
    linear = (matrix.a, matrix.b, matrix.c, matrix.d)
    fontname = name.value.decode("utf-8", "replace")
    return font, size.value, descent.value, fontname, linear


def _edges(container: object, height: float, outer: Matrix = _IDENTITY, form: bool = False):
    """The edges of every painted path on a page (or in a form object), in page space, top-down."""
    count = (raw.FPDFFormObj_CountObjects if form else raw.FPDFPage_CountObjects)(container)
    get = raw.FPDFFormObj_GetObject if form else raw.FPDFPage_GetObject
    for index in range(count):
        item = get(container, index)
        kind = raw.FPDFPageObj_GetType(item)
        if kind not in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM):
            continue
        local = raw.FS_MATRIX()
        raw.FPDFPageObj_GetMatrix(item, ctypes.byref(local))
        matrix = _compose((local.a, local.b, local.c, local.d, local.e, local.f), outer)
        if kind == raw.FPDF_PAGEOBJ_FORM:
            yield from _edges(item, height, matrix, form=True)
        elif _painted(item):
            yield from _path_edges(item, height, matrix)


def _painted(path: raw.FPDF_PAGEOBJECT) -> bool:
    """Whether a path is filled or stroked (pdfminer leaves out paths ended with `n`)."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    raw.FPDFPath_GetDrawMode(path, ctypes.byref(fill), ctypes.byref(stroke))
    return fill.value != raw.FPDF_FILLMODE_NONE or bool(stroke.value)


def _path_edges(path: raw.FPDF_PAGEOBJECT, height: float, matrix: Matrix) -> Iterator[Edge | None]:
    """The straight segments of a path (closing ones too) as edges; curves give none."""
    x, y = ctypes.c_float(), ctypes.c_float()
    start: tuple[float, float] | None = None
    last: tuple[float, float] | None = None
    for index in range(raw.FPDFPath_CountSegments(path)):
        segment = raw.FPDFPath_GetPathSegment(path, index)
        raw.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
        point = _apply(matrix, x.value, y.value, height)
        kind = raw.FPDFPathSegment_GetType(segment)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            start = point
        elif kind == raw.FPDF_SEGMENT_LINETO and last is not None:
            yield segment_edge(*last, *point)
        if raw.FPDFPathSegment_GetClose(segment) and start is not None and point != start:
            yield segment_edge(*point, *start)
        last = point


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """The matrix applying `inner`, then `outer`."""
    a, b, c, d, e, f = inner
    oa, ob, oc, od, oe, of = outer
    return (
        a * oa + b * oc,
        a * ob + b * od,
        c * oa + d * oc,
        c * ob + d * od,
        e * oa + f * oc + oe,
        e * ob + f * od + of,
    )


def _apply(matrix: Matrix, x: float, y: float, height: float) -> tuple[float, float]:
    """A point in page space, top-down, to a thousandth of a point (pdfium keeps 32-bit floats)."""
    a, b, c, d, e, f = matrix
    return round(a * x + c * y + e, 3), round(height - (b * x + d * y + f), 3)
