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
import re
from collections.abc import Iterator
from itertools import pairwise

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from extractor.collector import cyclic_gc_paused
from extractor.readers.pdf.grids import Edge, Point, edges_to_grids, segment_edge
from extractor.readers.pdf.layout import Glyph, GlyphMaker, Shape
from extractor.readers.pdf.problems import damaged, encrypted
from extractor.readers.pdf.reading import PageContent
from extractor.ruleset import PdfRules

_PASSWORD_ERRORS = (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY)
Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _unchecked(function: object, restype: type | None) -> ctypes._CFuncPtr:
    """A pdfium function called with its arguments as given (C ints, pointers, `byref`s).

    ctypes checks and converts each argument against the binding's declared types
    on every call, which costs twice the call itself; the per-char calls skip that:
    a prototype made with no argument types converts nothing.
    """
    # Run at import only, before mutmut forks its test processes, so no mutant of these lines
    # can run; every pdfium test fails when they are broken.
    address = ctypes.cast(function, ctypes.c_void_p).value  # pragma: no mutate
    return ctypes.CFUNCTYPE(restype)(address)  # pragma: no mutate


# The calls made for every char. FPDFText_GetTextObject gives the object's address, a
# plain int: casting each returned pointer costs more than the call.
_text_object_address = _unchecked(raw.FPDFText_GetTextObject, ctypes.c_void_p)
_char_origin = _unchecked(raw.FPDFText_GetCharOrigin, ctypes.c_int)
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
        count = len(document)
        descents = declared_descents(data)
        for index in range(count):
            try:
                page = document[index]
                with cyclic_gc_paused():  # a page's glyphs: many objects, no cycles
                    content = _read_page(page, index + 1, count, rules, descents)
            except (pdfium.PdfiumError, ValueError, OverflowError) as error:
                raise damaged(name, error, index + 1) from error
            page.close()
            yield content
    finally:
        document.close()


def _read_page(
    page: pdfium.PdfPage, number: int, of: int, rules: PdfRules, descents: dict[str, float]
) -> PageContent:
    height = page.get_height()
    textpage = page.get_textpage()
    try:
        glyphs = _glyphs(textpage.raw, height, GlyphMaker(number, rules), descents)
    finally:
        textpage.close()
    edges, shapes = _drawing(_subpaths(page.raw, height))
    return PageContent(number, of, height, glyphs, edges_to_grids(edges), shapes)


def _glyphs(
    textpage: raw.FPDF_TEXTPAGE, height: float, maker: GlyphMaker, descents: dict[str, float]
) -> list[Glyph]:
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
    text_object, char_origin = _text_object_address, _char_origin
    objects: dict[int, _TextObject] = {}
    fonts = _PageFonts(maker, descents)
    texts: dict[int, str] = {}  # each char's letters, by its code
    glyphs: list[Glyph] = []
    append = glyphs.append
    numbers = maker.numbers
    share, letters = numbers.setdefault, maker.letters
    page = maker.page
    # The text object of the last char read, and what its chars share.
    current: _TextObject | None = None
    upright, bold, italic = False, False, False
    a = b = 0.0  # the text matrix's advance direction (x, y)
    # The box's extent from the origin across x and y before the advance: pdfminer's box is
    # the bounds of the four corners of (0, descent) to (advance, ascent) in page space.
    x_low = x_high = y_low = y_high = 0.0
    advances: dict[int, float] = {}
    key = last_x = last_y = None  # the text object and origin of the last char read
    advance = 0.0  # the advance of the last glyph made (text space)
    first = -1  # the index of its first char
    ligature_end = -1  # the index after a ligature whose advance its letters did not tell
    line_y = top = bottom = tall = 0.0  # the baseline of the last glyph made, its top and bottom
    for index, code in enumerate(_codes(textpage, count)):
        if index == ligature_end:
            run = _run_to(textpage, index, (last_x, last_y), (a, b))
            if run is not None:
                extent = (x_low, x_high, y_low, y_high)
                _set_box(glyphs[-1], maker, (last_x, last_y), run, extent, height)
        if code <= _SPACE or code > 0x7F:  # printable ASCII, most chars, is none of these
            if (code < _SPACE or code == _HYPHEN_MARK) and raw.FPDFText_IsHyphen(textpage, index):
                code = _HYPHEN
            elif code < _SPACE:
                continue
            elif code == _SPACE or not chr(code).strip():
                if glyphs and not raw.FPDFText_IsGenerated(textpage, index):
                    glyphs[-1].space = _space_width(textpage, index, code, objects, fonts)
                continue
        here = text_object(textpage, index) or 0
        char_origin(textpage, index, x_ref, y_ref)
        x_value, y_value = x.value, y.value
        if here != key:
            current = objects.get(here)
            if current is None:
                current = objects[here] = _TextObject(textpage, index, fonts)
            upright, (bold, italic) = current.upright, current.style
            a, b, c, d = current.matrix
            descent, ascent, advances = current.descent, current.ascent, current.advances
            x_low, x_high = sorted((c * descent, c * ascent))
            y_low, y_high = sorted((d * descent, d * ascent))
            line_y = None
        elif x_value == last_x and y_value == last_y:
            if upright:  # a ligature's next letter, part of the glyph just made
                last = glyphs[-1]
                last.text = letters(last.text + chr(code))
                found = _boxed_advance(textpage, first, index, current.matrix)
                if found is None:  # its letters' advances, until the char after it tells
                    advance += current.advance(code)
                    ligature_end = index + 1
                else:
                    advance, ligature_end = found, -1
                run = (a * advance, b * advance)
                _set_box(
                    last, maker, (x_value, y_value), run, (x_low, x_high, y_low, y_high), height
                )
            continue
        key, last_x, last_y = here, x_value, y_value
        if not upright:
            continue
        advance = advances.get(code)
        if advance is None:
            advance = current.advance(code)
        if code >> 16:  # a char past U+FFFF, whose width pdfium does not give: its box tells it
            found = _boxed_advance(textpage, index, index, current.matrix)
            if found is not None:
                advance = found
        across = a * advance
        x0 = x_value + x_low + (across if across < 0 else 0.0)
        x1 = x_value + x_high + (across if across > 0 else 0.0)
        if y_value != line_y or b:
            rise = b * advance
            y0 = y_value + y_low + (rise if rise < 0 else 0.0)
            y1 = y_value + y_high + (rise if rise > 0 else 0.0)
            top = share(rounded := round(height - y1, 3), rounded)
            bottom = share(rounded := round(height - y0, 3), rounded)
            tall = share(rounded := round(y1 - y0, 3), rounded)
            line_y = None if b else y_value
        x0 = share(rounded := round(x0, 3), rounded)
        x1 = share(rounded := round(x1, 3), rounded)
        text = texts.get(code)
        if text is None:
            text = texts[code] = letters(chr(code))
        first = index
        append(Glyph(text, x0, top, x1, bottom, tall, bold, italic, page))
    return glyphs


def _codes(textpage: raw.FPDF_TEXTPAGE, count: int) -> list[int]:
    """The unicode of each char of the page, read in one call. pdfium counts a char past
    U+FFFF as two, its UTF-16 halves: the first gets the whole char and the second 0, a
    control char the glyph loop skips, so each code stays at its char's index. A half with
    no other half (a broken ToUnicode map) is no char: it becomes U+FFFD."""
    buffer = (ctypes.c_ushort * (count + 1))()
    raw.FPDFText_GetText(textpage, 0, count, buffer)
    codes = buffer[:count]
    if any(0xD800 <= code <= 0xDFFF for code in codes):
        index = 0
        while index < count:
            code, after = codes[index], codes[index + 1] if index + 1 < count else 0
            if 0xD800 <= code <= 0xDBFF and 0xDC00 <= after <= 0xDFFF:
                codes[index : index + 2] = [0x10000 + ((code - 0xD800) << 10) + after - 0xDC00, 0]
                index += 2
                continue
            if 0xD800 <= code <= 0xDFFF:
                codes[index] = 0xFFFD
            index += 1
    return codes


def _space_width(
    textpage: raw.FPDF_TEXTPAGE,
    index: int,
    code: int,
    objects: dict[int, _TextObject],
    fonts: _PageFonts,
) -> float:
    """The width of a space char the PDF writes, across its box as pdfminer gives it."""
    key = _text_object_address(textpage, index) or 0
    found = objects.get(key)
    if found is None:
        found = objects[key] = _TextObject(textpage, index, fonts)
    a, _, c, _ = found.matrix
    return abs(a * found.advance(code)) + abs(c * found.size)


Face = tuple[tuple[bool, bool], float, float, dict[int, float]]


class _PageFonts:
    """Each font of a page at each size it is set in: its style, descent, ascent (pdfminer's
    box) and glyph advances, read once. A page has a thousand text objects but a few fonts."""

    def __init__(self, maker: GlyphMaker, descents: dict[str, float]) -> None:
        self.maker = maker
        self.descents = descents
        self.faces: dict[tuple[int, float], Face] = {}

    def face(self, textpage: raw.FPDF_TEXTPAGE, index: int, font: object, size: float) -> Face:
        """The font of the char at `index`, `font`, at `size`."""
        key = (ctypes.cast(font, ctypes.c_void_p).value or 0, size)
        found = self.faces.get(key)
        if found is None:
            name = ctypes.create_string_buffer(256)
            raw.FPDFText_GetFontInfo(textpage, index, name, len(name), None)  # no flags wanted
            fontname = name.value.decode("utf-8", "replace")
            declared = self.descents.get(fontname)
            if declared is None:
                measured = ctypes.c_float()
                raw.FPDFFont_GetDescent(font, size, ctypes.byref(measured))
                descent = measured.value
            else:
                descent = declared * size / 1000
            # pdfminer's box top: a size above the descent
            found = self.faces[key] = (self.maker.style(fontname), descent, descent + size, {})
        return found


class _TextObject:
    """What the chars of one text object share: font, size, descent, matrix, style, advances."""

    def __init__(self, textpage: raw.FPDF_TEXTPAGE, index: int, fonts: _PageFonts) -> None:
        text_object = raw.FPDFText_GetTextObject(textpage, index)
        self.font = raw.FPDFTextObj_GetFont(text_object)
        size = ctypes.c_float()
        raw.FPDFTextObj_GetFontSize(text_object, ctypes.byref(size))
        self.size = size.value
        self.style, self.descent, self.ascent, self.advances = fonts.face(
            textpage, index, self.font, self.size
        )
        matrix = raw.FS_MATRIX()
        raw.FPDFText_GetMatrix(textpage, index, ctypes.byref(matrix))
        self.matrix = (matrix.a, matrix.b, matrix.c, matrix.d)
        self.upright = matrix.a * matrix.d > 0 and matrix.b * matrix.c <= 0

    def advance(self, code: int) -> float:
        """The advance of the glyph of `code` in text space (points at the object's size)."""
        found = self.advances.get(code)
        if found is None:
            width = ctypes.c_float()
            raw.FPDFFont_GetGlyphWidth(self.font, code, self.size, ctypes.byref(width))
            found = self.advances[code] = width.value
        return found


_DESCRIPTOR = re.compile(rb"/Type\s*/FontDescriptor\b")
_FONT_NAME = re.compile(rb"/FontName\s*/([^\s/\[\]<>()]+)")
_DESCENT = re.compile(rb"/Descent\s+(-?\d+(?:\.\d*)?)(?!\s+\d+\s+R)")


def declared_descents(data: bytes) -> dict[str, float]:
    """Each font's descent as its descriptor declares it (thousandths of an em, negative),
    or as the standard fonts' metrics give it for a standard font a PDF names bare.

    pdfminer uses the declared value, 0 when there is none; pdfium, when a descriptor
    declares Ascent and Descent 0 (as LibreOffice writes them), measures the font
    instead. Read from the descriptors the file holds in the open; those inside
    compressed object streams are left to pdfium, which reads them as declared.
    """
    found = dict(_STANDARD_DESCENTS)
    for match in _DESCRIPTOR.finditer(data):
        start = data.rfind(b" obj", 0, match.start())
        end = data.find(b"endobj", match.end())
        body = data[start : end if end >= 0 else None]
        name = _FONT_NAME.search(body)
        if name:
            descent = _DESCENT.search(body)
            value = float(descent[1]) if descent else 0.0
            full = name[1].decode("latin-1")
            # pdfium names some fonts without their subset tag (BAAAAA+): both are kept.
            found[full] = found[full.partition("+")[2] or full] = -abs(value)
    return found


# The standard fonts' descents, which a PDF may use without a descriptor: pdfminer takes
# them from the fonts' Adobe metrics (its `fontmetrics`), under these names; pdfium
# measures its stand-in fonts, whose descents differ.
_STANDARD_DESCENTS = {
    **dict.fromkeys(("Courier", "CourierNew"), -194.0),
    **dict.fromkeys(("Helvetica", "Arial"), -207.0),
    **dict.fromkeys(("Times-Roman", "TimesNewRoman"), -217.0),
    **{
        f"{family}{sep}{style}": descent
        for family, sep, styles, descent in (
            ("Courier", "-", ("Bold", "Oblique", "BoldOblique"), -194.0),
            ("Helvetica", "-", ("Bold", "Oblique", "BoldOblique"), -207.0),
            ("Times", "-", ("Bold", "Italic", "BoldItalic"), -217.0),
            ("Arial", ",", ("Bold", "Italic", "BoldItalic"), -207.0),
            ("CourierNew", ",", ("Bold", "Italic", "BoldItalic"), -194.0),
            ("TimesNewRoman", ",", ("Bold", "Italic", "BoldItalic"), -217.0),
        )
        for style in styles
    },
    "Symbol": 0.0,
    "ZapfDingbats": 0.0,
}


def _boxed_advance(
    textpage: raw.FPDF_TEXTPAGE, first: int, index: int, matrix: tuple[float, float, float, float]
) -> float | None:
    """The advance (text space) of the glyph of char `index`, told by pdfium's loose box: for
    a ligature, whose letters pdfium gives at one origin with their own advances (`first`
    its first letter, whose box must be the same: some PDFs have pdfium share the box out
    among the letters), and for a char past U+FFFF, whose advance pdfium does not give
    (`first` is then `index`). pdfium makes the box from the glyph's advance and the font's
    height through the char's matrix (a b c d): its width is |a| advance + |c| height and its
    height |b| advance + |d| height. None where the letters' boxes differ, or where the box
    does not tell (text turned by 45 degrees)."""
    box, first_box = raw.FS_RECTF(), raw.FS_RECTF()
    raw.FPDFText_GetLooseCharBox(textpage, index, ctypes.byref(box))
    raw.FPDFText_GetLooseCharBox(textpage, first, ctypes.byref(first_box))
    corners = (box.left, box.top, box.right, box.bottom)
    if corners != (first_box.left, first_box.top, first_box.right, first_box.bottom):
        return None
    a, b, c, d = (abs(value) for value in matrix)
    determinant = a * d - b * c
    if abs(determinant) < _TURNED_45:
        return None
    return ((box.right - box.left) * d - (box.top - box.bottom) * c) / determinant


_TURNED_45 = 1e-3  # the matrix's a d - b c, near 0 only for text turned about 45 degrees


def _run_to(
    textpage: raw.FPDF_TEXTPAGE, index: int, origin: Point, direction: Point
) -> Point | None:
    """How far a ligature glyph runs from its origin, across and up the page: to the origin
    of the char after it, when that char is a real one further along its baseline. None
    when it is not: a char pdfium made up, one on another line, or one drawn back."""
    x, y = ctypes.c_double(), ctypes.c_double()
    raw.FPDFText_GetCharOrigin(textpage, index, ctypes.byref(x), ctypes.byref(y))
    across, up = x.value - origin[0], y.value - origin[1]
    a, b = direction
    along = across * a + up * b
    off_line = abs(up * a - across * b)  # times the direction's length, as `along` is
    if along > 0 and off_line <= _ON_LINE * along and not raw.FPDFText_IsGenerated(textpage, index):
        return across, up
    return None


_ON_LINE = 1e-4  # how far off its baseline the char after a ligature may start, per point along


def _set_box(
    glyph: Glyph,
    maker: GlyphMaker,
    origin: Point,
    run: Point,
    extent: tuple[float, float, float, float],
    height: float,
) -> None:
    """Give a ligature glyph the box pdfminer gives the glyph: its extent from the origin
    (x_low, x_high, y_low, y_high) with its run (its advance across and up the page) added,
    top-down, and its height as its size."""
    x, y = origin
    across, up = run
    x_low, x_high, y_low, y_high = extent
    y0, y1 = y + y_low + min(up, 0.0), y + y_high + max(up, 0.0)
    glyph.x0 = maker.number(x + x_low + min(across, 0.0))
    glyph.x1 = maker.number(x + x_high + max(across, 0.0))
    glyph.top = maker.number(height - y1)
    glyph.bottom = maker.number(height - y0)
    glyph.size = maker.number(y1 - y0)


Subpath = tuple[str, list[tuple[float, float]], bool]  # pdfminer's ops ("mlllh"), points, filled


def _subpaths(
    container: object, height: float, outer: Matrix = _IDENTITY, form: bool = False
) -> Iterator[Subpath]:
    """Every painted subpath on a page (or in a form object), as pdfminer splits paths: its
    operators (m, l, c, h), its points in page space (top-down) and whether it is filled."""
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
            yield from _subpaths(item, height, matrix, form=True)
            continue
        fill, stroke = ctypes.c_int(), ctypes.c_int()
        raw.FPDFPath_GetDrawMode(item, ctypes.byref(fill), ctypes.byref(stroke))
        filled = fill.value != raw.FPDF_FILLMODE_NONE
        if filled or stroke.value:  # pdfminer leaves out paths ended with `n`
            yield from _split(item, height, matrix, filled)


def _split(path: object, height: float, matrix: Matrix, filled: bool) -> Iterator[Subpath]:
    """A path's subpaths as pdfminer gives them: one operator and one point per segment, the
    point where it ends (a curve's control points left out), and `h` for the segment that
    closes it, with the start as its point. pdfium ends a closed subpath with a line back to
    its start (`re` gives m l l l l), where pdfminer has `h` (m l l l h): that line becomes
    the `h`. pdfium gives a curve as three points, the last its end."""
    x, y = ctypes.c_float(), ctypes.c_float()
    ops: list[str] = []
    points: list[tuple[float, float]] = []
    curve_points = 0
    for index in range(raw.FPDFPath_CountSegments(path)):
        segment = raw.FPDFPath_GetPathSegment(path, index)
        raw.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
        point = _apply(matrix, x.value, y.value, height)
        kind = raw.FPDFPathSegment_GetType(segment)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            if ops:
                yield "".join(ops), points, filled
            ops, points = ["m"], [point]
            continue
        if kind == raw.FPDF_SEGMENT_BEZIERTO:
            curve_points += 1
            if curve_points % 3:
                continue
        closes = raw.FPDFPathSegment_GetClose(segment)
        if closes and kind == raw.FPDF_SEGMENT_LINETO and points and point == points[0]:
            ops.append("h")
            points.append(point)
            continue
        ops.append("c" if kind == raw.FPDF_SEGMENT_BEZIERTO else "l")
        points.append(point)
        if closes:
            ops.append("h")
            points.append(points[0])
    if ops:
        yield "".join(ops), points, filled


def _drawing(subpaths: Iterator[Subpath]) -> tuple[list[Edge], list[Shape]]:
    """The ruling edges and the shapes (curves, then rectangles) of a page's subpaths, as
    pdfplumber makes them from pdfminer's lines, rectangles and curves."""
    edges: list[Edge | None] = []
    curves: list[Shape] = []
    rects: list[Shape] = []
    for ops, points, filled in subpaths:
        if ops in ("ml", "mlh"):
            edges.append(segment_edge(*points[0], *points[1]))
            continue
        x0, x1 = min(p[0] for p in points), max(p[0] for p in points)
        top, bottom = min(p[1] for p in points), max(p[1] for p in points)
        if ops in ("mlllh", "mllll") and points[4] == points[0] and _axis_aligned(points[:4]):
            rects.append(Shape(x0, top, x1, bottom, filled))
            edges.extend(
                segment_edge(*start, *end)
                for start, end in (
                    ((x0, top), (x1, top)),
                    ((x0, bottom), (x1, bottom)),
                    ((x0, top), (x0, bottom)),
                    ((x1, top), (x1, bottom)),
                )
            )
        else:
            curves.append(Shape(x0, top, x1, bottom, filled))
            edges.extend(segment_edge(*a, *b) for a, b in pairwise(points))
    return [edge for edge in edges if edge is not None], curves + rects


def _axis_aligned(corners: list[tuple[float, float]]) -> bool:
    """Whether four corners in order make a rectangle with sides along the page's axes."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = corners
    return (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
        y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
    )


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
