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
from extractor.readers.pdf.layout import Glyph, GlyphMaker
from extractor.readers.pdf.problems import damaged, encrypted
from extractor.readers.pdf.reading import PageContent
from extractor.ruleset import PdfRules

_PASSWORD_ERRORS = (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY)
Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
# FPDFText_GetTextObject giving the object's address, a plain int: a char's object is
# looked up for every char, and casting each returned pointer costs more than the call.
_text_object_address = ctypes.CFUNCTYPE(ctypes.c_void_p, raw.FPDF_TEXTPAGE, ctypes.c_int)(
    ctypes.cast(raw.FPDFText_GetTextObject, ctypes.c_void_p).value
)
_SPACE = 0x20  # below: control chars
# pdfium writes a hyphen that ends a line as a control char (one char) or U+FFFE (the
# page's text), and pdfminer as "-".
_HYPHEN_MARK = 0xFFFE
_HYPHEN = ord("-")


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
        glyphs = _glyphs(textpage.raw, height, GlyphMaker(number, rules))
    finally:
        textpage.close()
    edges = [edge for edge in _edges(page.raw, height) if edge is not None]
    return PageContent(number, height, glyphs, edges_to_grids(edges))


def _glyphs(textpage: raw.FPDF_TEXTPAGE, height: float, maker: GlyphMaker) -> list[Glyph]:
    """The page's upright, visible chars in content order, with the boxes pdfminer gives them.

    pdfium's own spaces and line ends (and every blank) are left out, as the layout
    drops blanks. Font facts are read once per text object, advances once per glyph.
    pdfium gives one char per letter of a ligature glyph (`ﬁ` as `f` and `i` at one
    origin), pdfminer one char for the glyph: those letters are one glyph here too,
    ending where the next glyph starts. This loop runs for every char of a report, so
    it keeps its lookups local.
    """
    count = raw.FPDFText_CountChars(textpage)
    x, y = ctypes.c_double(), ctypes.c_double()
    x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
    objects: dict[int, _TextObject] = {}
    glyphs: list[Glyph] = []
    append = glyphs.append
    numbers = maker.numbers
    share, letters = numbers.setdefault, maker.letters
    page = maker.page
    current: _TextObject | None = None
    key = last_x = last_y = None  # the text object and origin of the last char read
    ligature_end = -1  # the index after the last letter of a ligature just read
    line_y = top = bottom = 0.0  # the baseline of the last glyph made, and its top and bottom
    for index, code in enumerate(_codes(textpage, count)):
        if index == ligature_end:
            last = glyphs[-1]
            last.x1 = maker.number(_ligature_end(textpage, index, last.x1, (key, last_x, last_y)))
        if (code < _SPACE or code == _HYPHEN_MARK) and raw.FPDFText_IsHyphen(textpage, index):
            code = _HYPHEN
        elif code <= _SPACE or (code > 0x7F and not chr(code).strip()):
            continue
        here = _text_object_address(textpage, index) or 0
        raw.FPDFText_GetCharOrigin(textpage, index, x_ref, y_ref)
        if here == key and x.value == last_x and y.value == last_y:
            glyphs[-1].text = letters(glyphs[-1].text + chr(code))
            ligature_end = index + 1
            continue
        if here != key:
            current = objects.get(here)
            if current is None:
                current = objects[here] = _TextObject(textpage, index, maker)
            line_y = None
        key, last_x, last_y = here, x.value, y.value
        if not current.upright:
            continue
        advance = current.advance(code)
        a, b, c, d = current.matrix
        # pdfminer's box: (0, descent) to (advance, descent + size) in text space.
        x0 = last_x + c * current.descent
        x1 = last_x + a * advance + c * current.ascent
        if last_y != line_y or b:
            y0 = last_y + d * current.descent
            y1 = last_y + b * advance + d * current.ascent
            y0, y1 = (y0, y1) if y0 <= y1 else (y1, y0)
            top = share(rounded := round(height - y1, 3), rounded)
            bottom = share(rounded := round(height - y0, 3), rounded)
            tall = share(rounded := round(y1 - y0, 3), rounded)
            line_y = None if b else last_y
        x0, x1 = (x0, x1) if x0 <= x1 else (x1, x0)
        x0 = share(rounded := round(x0, 3), rounded)
        x1 = share(rounded := round(x1, 3), rounded)
        append(Glyph(letters(chr(code)), x0, top, x1, bottom, tall, *current.style, page))
    return glyphs


def _codes(textpage: raw.FPDF_TEXTPAGE, count: int) -> list[int]:
    """The unicode of each char of the page, read in one call where each is one UTF-16 unit."""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = raw.FPDFText_GetText(textpage, 0, count, buffer)
    codes = buffer[:count]
    if written == count + 1 and not any(0xD800 <= code <= 0xDFFF for code in codes):
        return codes
    return [raw.FPDFText_GetUnicode(textpage, index) for index in range(count)]


class _TextObject:
    """What the chars of one text object share: font, size, descent, matrix, style, advances."""

    def __init__(self, textpage: raw.FPDF_TEXTPAGE, index: int, maker: GlyphMaker) -> None:
        text_object = raw.FPDFText_GetTextObject(textpage, index)
        self.font = raw.FPDFTextObj_GetFont(text_object)
        size = ctypes.c_float()
        raw.FPDFTextObj_GetFontSize(text_object, ctypes.byref(size))
        self.size = size.value
        descent = ctypes.c_float()
        raw.FPDFFont_GetDescent(self.font, self.size, ctypes.byref(descent))
        self.descent = descent.value
        self.ascent = self.descent + self.size  # pdfminer's box top: a size above the descent
        name = ctypes.create_string_buffer(256)
        flags = ctypes.c_int()
        raw.FPDFText_GetFontInfo(textpage, index, name, len(name), ctypes.byref(flags))
        self.style = maker.style(name.value.decode("utf-8", "replace"))
        matrix = raw.FS_MATRIX()
        raw.FPDFText_GetMatrix(textpage, index, ctypes.byref(matrix))
        self.matrix = (matrix.a, matrix.b, matrix.c, matrix.d)
        self.upright = matrix.a * matrix.d > 0 and matrix.b * matrix.c <= 0
        self.advances: dict[int, float] = {}

    def advance(self, code: int) -> float:
        """The advance of the glyph of `code` in text space (points at the object's size)."""
        found = self.advances.get(code)
        if found is None:
            width = ctypes.c_float()
            raw.FPDFFont_GetGlyphWidth(self.font, code, self.size, ctypes.byref(width))
            found = self.advances[code] = width.value
        return found


def _ligature_end(
    textpage: raw.FPDF_TEXTPAGE, index: int, end: float, start: tuple | None
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
    return max(end, box.right)


def _edges(
    container: object, height: float, outer: Matrix = _IDENTITY, form: bool = False
) -> Iterator[Edge | None]:
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
