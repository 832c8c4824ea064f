"""Fonts' descents as a PDF's descriptors declare them, found by scanning the file.

pdfminer boxes each glyph from its font's declared descent (0 where none is declared);
pdfium measures the font instead when a descriptor declares Ascent and Descent 0, as
LibreOffice writes them. So the pdfium reader reads the declared values from the file
itself, by each descriptor's font name, with and without the subset tag (ABCDEF+).
"""

from __future__ import annotations

from extractor.readers.pdf.pdfium import _STANDARD_DESCENTS, declared_descents

# Objects as writers leave them: a font dictionary, descriptors with a subset-tagged
# name, a positive descent, none, a descent given by reference (not a number), a name with
# "+" past its tag, and a last object the file's end cuts off.
PDF = b"""%PDF-1.7
1 0 obj
<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+Report-Bold /FontDescriptor 2 0 R >>
endobj
2 0 obj
<< /Type /FontDescriptor /FontName /ABCDEF+Report-Bold /Ascent 900 /Descent -212 >>
endobj
3 0 obj
<< /Type /FontDescriptor /Descent 180 /FontName /Plain >>
endobj
4 0 obj
<< /Type /FontDescriptor /FontName /NoDescent /Ascent 0 >>
endobj
5 0 obj
<< /Type /FontDescriptor /FontName /Referenced /Descent 9 0 R >>
endobj
6 0 obj
<< /Type /FontDescriptor /FontName /GHIJKL+Report+Sans /Descent -230.5 >>
endobj
7 0 obj
<< /Type /FontDescriptor /FontName /Cut /Descent -250"""


def test_each_descriptor_gives_its_fonts_descent_by_name_with_and_without_its_tag() -> None:
    found = declared_descents(PDF)
    declared = {name: value for name, value in found.items() if name not in _STANDARD_DESCENTS}
    assert declared == {
        "ABCDEF+Report-Bold": -212.0,
        "Report-Bold": -212.0,
        "Plain": -180.0,  # a descent below the baseline, however it is signed
        "NoDescent": 0.0,  # none declared: pdfminer takes 0
        "Referenced": 0.0,
        "GHIJKL+Report+Sans": -230.5,
        "Report+Sans": -230.5,  # the tag is what comes before the first "+"
        "Cut": -250.0,
    }


def test_a_descriptor_overrides_a_standard_font_of_its_name() -> None:
    """A file may embed its own Helvetica: its descriptor, not the standard metrics, holds."""
    data = b"1 0 obj\n<< /Type /FontDescriptor /FontName /Helvetica /Descent -300 >>\nendobj\n"
    assert declared_descents(data)["Helvetica"] == -300.0
    assert declared_descents(b"%PDF-1.7\n") == _STANDARD_DESCENTS
