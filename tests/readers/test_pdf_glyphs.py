"""The pdfium reader's glyphs are pdfplumber's: text, box, size and style, char for char.

Writers set text in more ways than a report's plain lines: slanted by a synthetic
oblique, turned a little (a stamp, a rotated caption) or sideways (a column head),
stretched or letter-spaced, with ligatures (mid-line, and at a line's end, where no
char after them tells their width), in several fonts and sizes on one line, in the
standard fonts, upside down, in tiny print, with other spaces than the space and with
hyphens ending lines. The pdfium reader works each glyph's box out itself from the text
matrix, the font's ascent and descent and the char's advance, so pages drawn each way
are read by both readers and compared glyph by glyph.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable

import pytest
from fpdf import FPDF
from pdfminer.fontmetrics import FONT_METRICS
from test_pdf_drawings import pdf_objects, stream

from extractor.readers.pdf.layout import Glyph
from extractor.readers.pdf.pdfium import _STANDARD_DESCENTS
from extractor.readers.pdf.reading import page_reader
from extractor.ruleset import load_rules

RULES = load_rules().pdf
FONTS = "/usr/share/fonts/truetype/dejavu/DejaVuSans{}.ttf"
TEXT = "Planul de ﬁnanţare, ﬂuxul: 12 345 lei"


def page(draw: Callable[[FPDF], None]) -> bytes:
    pdf = FPDF()
    for style, suffix in (("", ""), ("B", "-Bold"), ("I", "-Oblique")):
        pdf.add_font("DejaVu", style, FONTS.format(suffix))
    pdf.add_page()
    pdf.set_font("DejaVu", size=11)
    draw(pdf)
    return bytes(pdf.output())


def plain(pdf: FPDF) -> None:
    pdf.text(20.25, 30.5, TEXT)


def styles_and_sizes(pdf: FPDF) -> None:
    pdf.set_font("DejaVu", "B", 14.5)
    pdf.text(20, 40, "Titlul ")
    pdf.set_font("DejaVu", "I", 9)
    pdf.text(45, 40, "cursiv ﬁ")
    pdf.set_font("DejaVu", "", 6.5)
    pdf.text(70, 38.5, "1")  # a raised footnote mark


def turned(degrees: float) -> Callable[[FPDF], None]:
    def draw(pdf: FPDF) -> None:
        with pdf.rotation(degrees, 40, 60):
            pdf.text(40, 60, TEXT)

    return draw


def slanted(pdf: FPDF) -> None:
    with pdf.skew(ax=12, x=30, y=50):
        pdf.text(30, 50, TEXT)


def stretched(pdf: FPDF) -> None:
    pdf.set_stretching(140)
    pdf.text(20, 70, TEXT)


def letter_spaced(pdf: FPDF) -> None:
    pdf.set_char_spacing(1.5)
    pdf.text(20, 80, TEXT)


def sideways_after_upright(pdf: FPDF) -> None:
    """A sideways column head after a line: sideways chars are no glyphs, ligature or not."""
    pdf.text(20, 30, "Tabel")
    with pdf.rotation(90, 60, 120):
        pdf.text(60, 120, "Beneﬁciar ﬁnal")


def mirrored_and_skewed_both_ways(pdf: FPDF) -> None:
    """Text mirrored, or skewed along both axes (a figure's labels): not upright, so no
    glyphs, between upright lines that are."""
    pdf.text(20, 30, "Sus")
    with pdf.mirror((60, 60), "EAST"):
        pdf.text(60, 60, TEXT)
    with pdf.skew(ax=10, ay=10, x=40, y=90):
        pdf.text(40, 90, TEXT)
    pdf.text(20, 120, "Jos")


def past_the_basic_plane(pdf: FPDF) -> None:
    """Chars past U+FFFF (here Gothic letters; in reports, emoji or mathematical letters),
    which pdfium counts as two chars each, their UTF-16 halves."""
    pdf.text(20, 30, "Cod \U00010300\U00010301 și \U00010302, 12 lei")


def standard_fonts(pdf: FPDF) -> None:
    """The standard fonts, named bare (no descriptor): their metrics are the reader's own."""
    for line, (family, style) in enumerate(
        [("Helvetica", ""), ("Times", "B"), ("Courier", "I"), ("Helvetica", "BI")]
    ):
        pdf.set_font(family, style, 12)
        pdf.text(20, 30 + 10 * line, "Planul de finantare, 12 lei")


def turned_over(pdf: FPDF) -> None:
    """Text turned 180 degrees (upside down, still upright by pdfminer's test), each glyph
    drawn leftwards from its origin, with ligatures mid-line and ending lines."""
    with pdf.rotation(180, 100, 60):
        pdf.text(100, 60, TEXT)
        pdf.text(100, 66, "Planul de ﬁ")
        pdf.text(100, 72, "ﬃ ﬂ")


def ligatures_at_line_ends(pdf: FPDF) -> None:
    """Ligatures (a three-letter ﬃ too) mid-word and ending lines, then text objects
    side by side on one baseline and a raised mark, after which no char tells a width."""
    pdf.text(20, 100, "oﬃce eﬁcient ﬃ")
    pdf.text(20, 110, "x")
    pdf.text(30, 110, "y ﬁ")
    pdf.text(40, 108, "2")


def turned_45_ligatures_ending_lines(pdf: FPDF) -> None:
    """Ligatures ending lines turned 45 degrees, where pdfium's box does not tell their
    width and no char after them does: their letters' advances stand in, and in this font
    ﬁ and ﬂ are as wide as their letters (set plain above, so the font keeps them)."""
    pdf.text(20, 20, "fi fl")
    with pdf.rotation(45, 40, 60):
        pdf.text(40, 60, "Planul de ﬁ")
        pdf.text(40, 70, "ﬂ")


def small_print(pdf: FPDF) -> None:
    """Print so small that a glyph's advance is under a point (a hidden text layer)."""
    pdf.set_font("DejaVu", size=2)
    pdf.text(20, 30, "il.,")


def leading_space(pdf: FPDF) -> None:
    """A line that begins with a space the PDF writes: there is no glyph to note it yet."""
    pdf.text(20, 30, " Planul de")


def other_spaces(pdf: FPDF) -> None:
    """No-break, en and thin spaces are blanks, as a space is: no glyph, a width noted."""
    pdf.text(20, 30, "12\u00a0345\u2002lei\u2009x")


def hyphen_at_line_end(pdf: FPDF) -> None:
    """A word cut by a hyphen at a line's end (pdfium marks it), and a soft hyphen mid-line."""
    pdf.text(20, 30, "Planul de finan-")
    pdf.text(20, 35, "tare si flu\u00adxul -")
    pdf.text(20, 40, "urmare")


PAGES = {
    "plain": plain,
    "styles-and-sizes": styles_and_sizes,
    "turned-a-little": turned(4),
    "turned-back-a-little": turned(-7),
    "slanted": slanted,
    "stretched": stretched,
    "letter-spaced": letter_spaced,
    "sideways-after-upright": sideways_after_upright,
    "standard-fonts": standard_fonts,
    "mirrored-and-skewed-both-ways": mirrored_and_skewed_both_ways,
    "past-the-basic-plane": past_the_basic_plane,
    "turned-45": turned(45),
    "turned-over": turned_over,
    "turned-45-ligatures-ending-lines": turned_45_ligatures_ending_lines,
    "ligatures-at-line-ends": ligatures_at_line_ends,
    "small-print": small_print,
    "leading-space": leading_space,
    "other-spaces": other_spaces,
    "hyphen-at-line-end": hyphen_at_line_end,
}


def glyphs(data: bytes, engine: str) -> list[Glyph]:
    (content,) = page_reader(engine)(data, "text.pdf", RULES)
    return content.glyphs


@pytest.mark.parametrize("name", PAGES)
def test_both_readers_give_the_same_glyphs(name: str) -> None:
    assert_read_alike(page(PAGES[name]))


def assert_read_alike(data: bytes) -> list[Glyph]:
    ours, reference = glyphs(data, "pdfium"), glyphs(data, "pdfplumber")
    assert [facts(glyph) for glyph in ours] == [facts(glyph) for glyph in reference]
    # pdfium keeps 32-bit floats, pdfminer 64-bit: a box's side may round to the next
    # thousandth; a space's width is not rounded.
    assert [numbers(glyph) for glyph in ours] == [
        pytest.approx(numbers(glyph), abs=0.0011) for glyph in reference
    ]
    # Boxes to a thousandth of a point, as the layout compares them: equal edges are equal.
    sides = [value for glyph in ours for value in numbers(glyph)[:5]]
    assert sides == [round(value, 3) for value in sides]
    return ours


def facts(glyph: Glyph) -> tuple[str, bool, bool, int]:
    return glyph.text, glyph.bold, glyph.italic, glyph.page


def numbers(glyph: Glyph) -> tuple[float, ...]:
    return glyph.x0, glyph.top, glyph.x1, glyph.bottom, glyph.size, glyph.space


def test_the_standard_fonts_descents_are_pdfminers() -> None:
    """pdfium measures its stand-ins for the standard fonts; the reader takes the descents
    pdfminer takes from the fonts' metrics, under the same names."""
    expected = {
        name: float(descriptor.get("Descent") or 0)
        for name, (descriptor, _) in FONT_METRICS.items()
    }
    assert expected == _STANDARD_DESCENTS


def packed_descriptor_pdf(descent: int, name: str) -> bytes:
    """One line of text in a font whose descriptor is in a compressed object stream (as
    PDF 1.5 writers pack objects), so only a PDF parser, not a scan of the file, finds it."""
    packed = {
        5: f"<< /Type /Font /Subtype /TrueType /BaseFont /{name} /FirstChar 32 /LastChar 122"
        f" /Widths [{' '.join(['556'] * 91)}] /FontDescriptor 6 0 R /Encoding /WinAnsiEncoding >>",
        6: f"<< /Type /FontDescriptor /FontName /{name} /Flags 32 /ItalicAngle 0 /StemV 80"
        f" /FontBBox [-200 {descent} 1000 900] /Ascent 900 /Descent {descent} /CapHeight 700 >>",
    }
    header = body = ""
    for number, text in packed.items():
        header, body = header + f"{number} {len(body)} ", body + text + "\n"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 500] /Contents 4 0 R"
        " /Resources << /Font << /F1 5 0 R >> >> >>",
        stream("BT /F1 12 Tf 50 400 Td (Planul de finantare, 12 lei) Tj ET"),
    ]
    out, offsets = pdf_objects(objects)
    squeezed = zlib.compress((header + body).encode("latin-1"))
    offsets.append(len(out))
    out += (
        f"7 0 obj\n<< /Type /ObjStm /N 2 /First {len(header)} /Length {len(squeezed)}"
        " /Filter /FlateDecode >>\nstream\n"
    ).encode("latin-1")
    out += squeezed + b"\nendstream\nendobj\n"
    xref_at = len(out)
    # The cross-reference stream: type 1 (at an offset) or 2 (in object stream 7, at an index).
    rows = [(0, 0, 65535), *((1, at, 0) for at in offsets[:4]), (2, 7, 0), (2, 7, 1)]
    rows += [(1, offsets[4], 0), (1, xref_at, 0)]
    table = b"".join(
        kind.to_bytes(1, "big") + field.to_bytes(4, "big") + index.to_bytes(2, "big")
        for kind, field, index in rows
    )
    out += (
        f"8 0 obj\n<< /Type /XRef /Size 9 /W [1 4 2] /Root 1 0 R /Length {len(table)} >>\nstream\n"
    ).encode("latin-1")
    out += table + f"\nendstream\nendobj\nstartxref\n{xref_at}\n%%EOF\n".encode("latin-1")
    return bytes(out)


@pytest.mark.parametrize(
    ("descent", "name"),
    [(-300, "ReportSans"), (-150, "Rapor#e7Sans")],  # the second name not UTF-8 (Latin-1 ç)
)
def test_a_fonts_descent_declared_in_a_compressed_object_stream(descent: int, name: str) -> None:
    """The reader finds declared descents by scanning the file; one packed in an object
    stream it leaves to pdfium, which reads it as declared, as pdfminer does."""
    ours = assert_read_alike(packed_descriptor_pdf(descent, name))
    assert ours[0].bottom - (500 - 400) == pytest.approx(-descent * 12 / 1000)
