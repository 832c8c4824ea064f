"""The PDF loader on PDFs the tests draw: the text form it reads, furniture, geometry, bad files."""

from __future__ import annotations

import io
import json
import shutil
import struct
import tracemalloc
import zlib
from pathlib import Path

import pdfplumber
import pytest
from conftest import GOLDEN, ROOT
from fpdf import FPDF
from pdf_fixtures import Layout, fonts_available, render_pdf, render_text

from extractor.errors import (
    E_PDF_DAMAGED,
    E_PDF_ENCRYPTED,
    E_PDF_NO_TEXT,
    E_RULES,
    ExtractorError,
)
from extractor.readers.pdf.document import LoadedPdf, load_pdf
from extractor.ruleset import DEFAULT_RULES_DIR, load_rules
from extractor.text.normalize import normalize

PDF_RULES = load_rules().pdf
SMALL = json.loads((ROOT / "tests" / "fixtures" / "small-report.json").read_text("utf-8"))

LAYOUTS = {
    # Page breaks inside a list (a bullet cut in two) and between a heading and its table.
    "ruled": Layout(bottom_before=frozenset({"header:2", "results:1.2"})),
    "unruled-bare-page-numbers": Layout(
        ruled=False, header=None, footer="{n}", bottom_before=frozenset({"table:2", "results:1.1"})
    ),
    "numbered-list-larger-font": Layout(font_size=11, numbered=frozenset({"results:1"})),
    "no-furniture": Layout(header=None, footer=None),
    # Tables cut by a page break after the header row, which the next page repeats or not.
    "ruled-tables-cut": Layout(split_tables={"table:1": False, "table:3": False}),
    "unruled-tables-cut-header-repeated": Layout(
        ruled=False, split_tables={"table:1": True, "table:3": True}
    ),
    # Bullets drawn as circles, no glyph, items at the pitch of their wrapped lines.
    "shape-bullets-no-gaps": Layout(shape_bullets=True, header=None),
    # Narrow table cells with words cut where they overflow, and no hyphen.
    "narrow-cells-words-cut": Layout(narrow_cells=True),
    # Value rows cut by a page break; in narrow cells also at a cut word and at a hyphen.
    "ruled-rows-cut": Layout(cut_rows=frozenset({"table:1", "table:3"})),
    "narrow-cells-rows-cut": Layout(narrow_cells=True, cut_rows=frozenset({"table:2", "table:3"})),
}


def read(data: bytes, name: str) -> LoadedPdf:
    return load_pdf(data, name, PDF_RULES)


def without_furniture(loaded: LoadedPdf) -> str:
    """The loaded text less its furniture lines, blank runs as one blank line."""
    furniture = {entry.line for entry in loaded.furniture}
    lines = [
        line for number, line in enumerate(loaded.text.split("\n"), 1) if number not in furniture
    ]
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip("\n") + "\n"


def test_the_fixture_font_is_installed() -> None:
    assert fonts_available(), "install Debian's fonts-dejavu-core: the PDF fixtures draw with it"


@pytest.mark.parametrize("name", LAYOUTS)
def test_a_pdf_reads_as_the_text_form(name: str) -> None:
    loaded = read(render_pdf(SMALL, LAYOUTS[name]), "small.pdf")
    assert without_furniture(loaded) == render_text(SMALL)


def test_a_bullet_cut_by_a_page_break_is_one_line_and_the_furniture_follows_it() -> None:
    loaded = read(render_pdf(SMALL, LAYOUTS["ruled"]), "small.pdf")
    lines = loaded.text.split("\n")
    cut = next(n for n, line in enumerate(lines, 1) if line.startswith("- planul de implementare"))
    assert lines[cut - 1].endswith("cu ținte și termene;")
    footer = next(entry for entry in loaded.furniture if entry.text == "Pagina 1 din 3")
    assert footer.line > cut and footer.page == 1


def test_running_header_footer_and_page_numbers_are_named_with_their_lines() -> None:
    loaded = read(render_pdf(SMALL, LAYOUTS["ruled"]), "small.pdf")
    lines = loaded.text.split("\n")
    found = [(entry.page, lines[entry.line - 1]) for entry in loaded.furniture]
    header = "UEFISCDI · Stadiul proiectelor Cluster inovativ"
    assert found == [
        (1, header),
        (1, "Pagina 1 din 3"),
        (2, header),
        (2, "Pagina 2 din 3"),
        (3, header),
        (3, "Pagina 3 din 3"),
    ]
    bare = read(render_pdf(SMALL, LAYOUTS["unruled-bare-page-numbers"]), "small.pdf")
    assert [(entry.page, entry.text) for entry in bare.furniture] == [(1, "1"), (2, "2"), (3, "3")]


def test_each_char_knows_its_page_and_box() -> None:
    data = render_pdf(SMALL, LAYOUTS["ruled"])
    loaded = read(data, "small.pdf")
    for value in ("Adrian Bot", "Cornelia Muraru-Ionel", "Bioeconomie", "INOV-TREC"):
        start = loaded.text.index(value)
        page, box = loaded.geometry.locate(start, start + len(value))
        assert page is not None and box is not None
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            padded = (box[0] - 0.5, box[1] - 0.5, box[2] + 0.5, box[3] + 0.5)
            # The cell wraps "Cornelia / Muraru-Ionel" onto two lines; the text form joins them.
            assert " ".join(pdf.pages[page - 1].within_bbox(padded).extract_text().split()) == value
    assert loaded.pages == 3
    assert loaded.geometry.locate(0, 0) == (None, None)


def _one_page(text: str) -> bytes:
    pdf = FPDF()
    pdf.add_font("DejaVu", "", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.add_page()
    pdf.set_font("DejaVu", size=11)
    pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


def test_ligatures_are_letters_and_cedillas_become_commas_as_on_the_text_path() -> None:
    loaded = read(_one_page("Planul de ﬁnanţare şi ﬂuxul ŢĂRII"), "one.pdf")
    assert loaded.text == "Planul de finanţare şi fluxul ŢĂRII\n"
    assert normalize(loaded.text).text == "Planul de finanțare și fluxul ȚĂRII\n"
    start = loaded.text.index("fi")
    assert loaded.geometry.locate(start, start + 1) == loaded.geometry.locate(start + 1, start + 2)


def test_letters_with_a_separate_comma_or_cedilla_glyph_read_as_one_letter() -> None:
    loaded = read(_one_page("Competit\u0326ia s\u0326i finant\u0327are"), "one.pdf")
    assert normalize(loaded.text).text == "Competiția și finanțare\n"


def _encrypted() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="confidential")
    pdf.set_encryption(owner_password="owner", user_password="user")
    return bytes(pdf.output())


def _image_only() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    pixels = zlib.compress(b"".join(b"\x00" + b"\x80\x80\x80" * 4 for _ in range(4)))
    header = struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0)
    png = (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )
    pdf = FPDF()
    pdf.add_page()
    pdf.image(io.BytesIO(png), x=10, y=10, w=150)
    return bytes(pdf.output())


BAD_PDFS = {
    "password-protected": (_encrypted, E_PDF_ENCRYPTED, "password-protected"),
    "truncated": (lambda: render_pdf(SMALL)[:20000], E_PDF_DAMAGED, "damaged or truncated"),
    "garbage": (lambda: b"%PDF-1.4\n" + b"\x00garbage" * 64, E_PDF_DAMAGED, "damaged or truncated"),
    "image-only": (_image_only, E_PDF_NO_TEXT, "needs OCR"),
}


@pytest.mark.parametrize("case", BAD_PDFS)
def test_a_bad_pdf_is_one_clear_error(case: str) -> None:
    make, code, words = BAD_PDFS[case]
    with pytest.raises(ExtractorError) as raised:
        read(make(), f"{case}.pdf")
    assert raised.value.code == code
    assert words in str(raised.value)
    assert f"{case}.pdf" in str(raised.value)


def test_a_bad_pdf_rule_is_an_e020_naming_the_entry(tmp_path: Path) -> None:
    rules_dir = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, rules_dir)
    pdf_rules = rules_dir / "pdf.toml"
    pdf_rules.write_text(
        pdf_rules.read_text("utf-8").replace('"ﬁ" = "fi"', '"fi" = "fi"'), encoding="utf-8"
    )
    with pytest.raises(ExtractorError) as raised:
        load_rules.__wrapped__(rules_dir)
    assert raised.value.code == E_RULES and "ligatures" in str(raised.value)


def test_memory_stays_near_a_page_since_each_page_is_closed_once_read() -> None:
    document = json.loads((GOLDEN / "cluster-inovativ-2019.json").read_text("utf-8"))
    data = render_pdf(document)
    tracemalloc.start()
    try:
        loaded = read(data, "golden.pdf")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # pdfplumber keeps ~5 MB of objects per page it has not closed; read pages keep
    # only their glyphs (~0.4 MB a page of dense text) until the text is written.
    assert peak / loaded.pages < 1.0e6
