"""The PDF loader on PDFs the tests draw: the text form it reads, furniture, geometry, bad files."""

from __future__ import annotations

import importlib
import io
import re
import shutil
import struct
import tracemalloc
import zlib
from collections.abc import Iterator
from pathlib import Path

import pdfplumber
import pytest
from conftest import ROOT
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from pdf_fixtures import (
    FONT_DIR,
    FONT_FILES,
    Layout,
    document,
    drawn_pdf,
    fonts_available,
    render_pdf,
    render_text,
)
from test_pdf_layout import SPACE, line_of

from extractor.errors import (
    E_PDF_DAMAGED,
    E_PDF_ENCRYPTED,
    E_PDF_NO_TEXT,
    E_RULES,
    ExtractorError,
)
from extractor.readers.pdf import document as pdf_document
from extractor.readers.pdf.document import LoadedPdf, load_pdf
from extractor.readers.pdf.layout import PrintedLine
from extractor.readers.pdf.placement import place_spans
from extractor.readers.pdf.problems import damaged
from extractor.readers.pdf.reading import PDF_ENGINES, PageContent
from extractor.readers.pdf.tables import Box, Grid
from extractor.ruleset import DEFAULT_RULES_DIR, load_rules
from extractor.text.normalize import normalize

PDF_RULES = load_rules().pdf
SMALL = document("small-report")

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
    loaded = read(drawn_pdf("small-report", LAYOUTS[name]), "small.pdf")
    assert without_furniture(loaded) == render_text(SMALL)


def test_a_bullet_cut_by_a_page_break_is_one_line_and_the_furniture_follows_it() -> None:
    loaded = read(drawn_pdf("small-report", LAYOUTS["ruled"]), "small.pdf")
    lines = loaded.text.split("\n")
    cut = next(n for n, line in enumerate(lines, 1) if line.startswith("- planul de implementare"))
    assert lines[cut - 1].endswith("cu ținte și termene;")
    footer = next(entry for entry in loaded.furniture if entry.text == "Pagina 1 din 3")
    assert footer.line > cut and footer.page == 1


def test_running_header_footer_and_page_numbers_are_named_with_their_lines() -> None:
    loaded = read(drawn_pdf("small-report", LAYOUTS["ruled"]), "small.pdf")
    lines = loaded.text.split("\n")
    found = [(entry.page, lines[entry.line - 1]) for entry in loaded.furniture]
    header = "UEFISCDI · Stadiul proiectelor Cluster inovativ"
    assert lines[0] == header  # furniture stays where it was printed: here before the title
    assert found == [
        (1, header),
        (1, "Pagina 1 din 3"),
        (2, header),
        (2, "Pagina 2 din 3"),
        (3, header),
        (3, "Pagina 3 din 3"),
    ]
    bare = read(drawn_pdf("small-report", LAYOUTS["unruled-bare-page-numbers"]), "small.pdf")
    assert [(entry.page, entry.text) for entry in bare.furniture] == [(1, "1"), (2, "2"), (3, "3")]


def test_a_running_footer_with_a_changing_page_counter_is_furniture_on_every_page() -> None:
    # As a browser prints it: no page-number pattern matches the whole line, and its counter
    # differs on each page, so only comparing with the digits aside finds the repeat.
    footer = "Raport Cluster inovativ 2019 {n}/{nb}"
    layout = Layout(
        header=None, footer=footer, bottom_before=frozenset({"header:2", "results:1.2"})
    )
    loaded = read(drawn_pdf("small-report", layout), "small.pdf")
    assert [(entry.page, entry.text) for entry in loaded.furniture] == [
        (page, f"Raport Cluster inovativ 2019 {page}/3") for page in (1, 2, 3)
    ]
    assert without_furniture(loaded) == render_text(SMALL)


def test_a_long_ruled_table_over_two_pages_keeps_one_header_row_and_every_row() -> None:
    # fpdf2 repeats the header row on the next page, as word processors do; the table opens
    # the document, and one of its cells is empty.
    pdf = FPDF(format="A4")
    for style, name in FONT_FILES.items():
        pdf.add_font("DejaVu", style, str(FONT_DIR / name))
    pdf.add_page()
    pdf.set_font("DejaVu", "", 10)
    rows = [("Nr.", "Activitate", "Stadiu")] + [
        (str(n), f"Activitatea numărul {n}", "" if n == 2 else "încheiată") for n in range(1, 61)
    ]
    with pdf.table(col_widths=(20, 60, 30), width=110, align="LEFT", repeat_headings=1) as table:
        for cells in rows:
            row = table.row()
            for cell in cells:
                row.cell(cell)
    loaded = read(bytes(pdf.output()), "table.pdf")
    assert loaded.pages == 2
    assert loaded.text == "\n".join("\t".join(cells) for cells in rows) + "\n"


def test_a_page_ending_on_a_short_line_ends_its_paragraph() -> None:
    # The page's right edge is its widest line: a last line well short of it ends the
    # paragraph, and the next page opens a new one.
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONT_DIR / FONT_FILES[""]))
    pdf.set_font("DejaVu", "", 10)
    paragraphs = [
        "Un rând lung de text care umple pagina de la o margine la cealaltă a ei, fără pauză.",
        "Un paragraf scurt încheie pagina.",
        "Al doilea paragraf începe pe pagina următoare.",
    ]
    pdf.add_page()
    for index, text in enumerate(paragraphs):
        if index == 2:
            pdf.add_page()
        pdf.multi_cell(0, 5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(3)
    assert read(bytes(pdf.output()), "two-pages.pdf").text == "\n\n".join(paragraphs) + "\n"


def test_each_char_knows_its_page_and_box() -> None:
    data = drawn_pdf("small-report", LAYOUTS["ruled"])
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


def test_furniture_is_named_with_the_box_it_was_printed_in() -> None:
    """A reader checking what was set aside as a running head or footer finds it by its box."""
    data = drawn_pdf("small-report", LAYOUTS["ruled"])
    loaded = load_pdf(data, "small.pdf", PDF_RULES, engine="pdfplumber")
    footer = next(entry for entry in loaded.furniture if entry.text == "Pagina 2 din 3")
    box = tuple(round(coordinate, 2) for coordinate in footer.bbox)
    assert box == _printed_box(data, 2, "Pagina 2 din 3")


def _read_as(monkeypatch: pytest.MonkeyPatch, pages: list[PageContent]) -> LoadedPdf:
    """What the loader makes of `pages`, given by a stand-in for the engine's page reader."""

    def read_pages(data: bytes, name: str, rules: object) -> Iterator[PageContent]:
        yield from pages

    monkeypatch.setattr(pdf_document, "page_reader", lambda engine: read_pages)
    return load_pdf(b"", "stand-in.pdf", PDF_RULES)


def test_a_pdf_of_no_pages_is_a_damaged_pdf_naming_the_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A PDF whose page tree is empty has nothing to read: the user hears which file and why."""
    with pytest.raises(ExtractorError) as raised:
        _read_as(monkeypatch, [])
    assert raised.value.code == E_PDF_DAMAGED
    assert raised.value.message == "stand-in.pdf: the PDF is damaged or truncated: no pages"


def test_page_numbers_are_kept_up_to_the_largest_the_geometry_holds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The geometry stores page numbers as unsigned 16-bit numbers: past 32767 they stay so."""
    line = line_of("Raport", page=40000)
    loaded = _read_as(monkeypatch, [PageContent(40000, 40000, 842.0, line.glyphs, [], [])])
    assert loaded.geometry.locate(0, 6) == (40000, (50.0, 100.0, 80.0, 110.0))


def _two_cell_table(second: str) -> tuple[list[PrintedLine], Grid]:
    """A ruled row: `Dezvoltarea` wrapped before `capacității` with 1 point to spare in its cell
    (less than a space: a cut word or a word that fits exactly), then `second` over `Mobilier`,
    a space written after it (so the engine writes the space at a wrap)."""
    first = [line_of("Dezvoltarea", top=200.0), line_of("capacității", top=212.0)]
    edge = first[0].x1 + 1.0 + 5.0  # 1 point of room, and the 5 points of padding at the left
    wrapped = line_of(second, top=200.0, x=edge + 5.0)
    wrapped.glyphs[-1].space = SPACE
    lines = [*first, wrapped, line_of("Mobilier", top=212.0, x=edge + 5.0)]
    cells: list[Box | None] = [(45.0, 195.0, edge, 230.0), (edge, 195.0, 400.0, 230.0)]
    return lines, ((45.0, 195.0, 400.0, 230.0), [cells])


# (a paragraph above the table, the second cell's first line, the first cell's text)
VOCABULARY_CASES = [
    pytest.param("Dezvoltarea regională", "Cluster", "Dezvoltarea capacității", id="paragraph"),
    pytest.param("Raport anual", "Dezvoltarea", "Dezvoltarea capacității", id="another-cell"),
    pytest.param("Raport anual", "Cluster", "Dezvoltareacapacității", id="nowhere"),
]


@pytest.mark.parametrize(("paragraph", "second", "text"), VOCABULARY_CASES)
def test_a_word_that_may_just_fit_its_cell_is_whole_where_the_document_writes_it_whole(
    monkeypatch: pytest.MonkeyPatch, paragraph: str, second: str, text: str
) -> None:
    """Paragraphs and table cells alike tell which words the report writes whole."""
    lines, grid = _two_cell_table(second)
    glyphs = [glyph for line in [line_of(paragraph), *lines] for glyph in line.glyphs]
    loaded = _read_as(monkeypatch, [PageContent(1, 1, 842.0, glyphs, [grid], [])])
    assert loaded.text.split("\n")[2].split("\t")[0] == text


def _printed_box(data: bytes, page: int, text: str) -> tuple[float, ...]:
    """The box of the chars that print `text` (spaces aside) on a page, as pdfplumber reads them."""
    wanted = text.replace(" ", "")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        chars = [char for char in pdf.pages[page - 1].chars if char["text"].strip()]
    joined = "".join(char["text"] for char in chars)
    found = chars[joined.index(wanted) : joined.index(wanted) + len(wanted)]
    return (
        round(min(char["x0"] for char in found), 2),
        round(min(char["top"] for char in found), 2),
        round(max(char["x1"] for char in found), 2),
        round(max(char["bottom"] for char in found), 2),
    )


SMALL_PDFS = {
    "drawn": lambda: drawn_pdf("small-report", LAYOUTS["ruled"]),
    # Chromium places chars off the hundredth, where fpdf2 writes two decimals.
    "chromium": lambda: (
        ROOT / "tests" / "fixtures" / "chromium" / "small-report.pdf"
    ).read_bytes(),
}


@pytest.mark.parametrize("source", SMALL_PDFS)
@pytest.mark.parametrize("value", ["Adrian Bot", "Adri", "Bioeconomie", "INOV-TREC"])
def test_a_range_is_located_by_the_box_of_its_printed_chars_to_the_hundredth(
    source: str, value: str
) -> None:
    data = SMALL_PDFS[source]()
    # The expected box is pdfplumber's chars, so the reference reader places the range.
    loaded = load_pdf(data, "small.pdf", PDF_RULES, engine="pdfplumber")
    start = loaded.text.index(value)
    page, box = loaded.geometry.locate(start, start + len(value))
    assert box == _printed_box(data, page, value)
    assert any(coordinate != round(coordinate) for coordinate in box)


def test_spans_are_placed_by_their_chars_and_not_at_all_without_printed_chars() -> None:
    loaded = read(drawn_pdf("small-report", LAYOUTS["ruled"]), "small.pdf")
    normalized = normalize(loaded.text)
    word = normalized.text.index("Adrian Bot")
    newline = normalized.text.index("\n")

    def span(start: int, end: int) -> dict[str, int]:
        return {"char_start": start, "char_end": end, "line_start": 1, "line_end": 1}

    placed = place_spans(
        {
            "whole": span(word, word + 10),
            "part": span(word, word + 4),
            "empty": span(word + 2, word + 2),
            "blank": span(newline, newline + 1),
            "lines": {"line_start": 1, "line_end": 2},
        },
        normalized,
        loaded.geometry,
    )
    assert placed["whole"]["page"] == placed["part"]["page"] == 1
    start = loaded.text.index("Adrian Bot")
    assert placed["part"]["bbox"] == list(loaded.geometry.locate(start, start + 4)[1])
    assert placed["part"]["bbox"][2] < placed["whole"]["bbox"][2]
    for name in ("empty", "blank"):
        assert (placed[name]["page"], placed[name]["bbox"]) == (None, None), name
    assert placed["lines"] == {"line_start": 1, "line_end": 2}


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
    "truncated": (lambda: drawn_pdf("small-report")[:20000], E_PDF_DAMAGED, "damaged or truncated"),
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


# What a user reads for each bad PDF: code, file, what is wrong, what to do. pdfminer's own
# words for the damage (`Unexpected EOF`) are its own, so they are matched loosely.
BAD_PDF_ERRORS = {
    "password-protected": r"E010 password-protected\.pdf: the PDF is password-protected "
    r"\(save an unprotected copy \(print to PDF, or qpdf --decrypt\) and extract that\)",
    "truncated": r"E011 truncated\.pdf: the PDF is damaged or truncated: (?!None)\w.* "
    r"\(get a complete copy of the file, or re-save it with a PDF viewer\)",
    "garbage": r"E011 garbage\.pdf: the PDF is damaged or truncated: (?!None)\w.* "
    r"\(get a complete copy of the file, or re-save it with a PDF viewer\)",
    "image-only": r"E012 image-only\.pdf: the PDF has no text layer \(its 1 page\(s\) are "
    r"images\) \(it needs OCR, which this tool does not do; run an OCR tool and extract its "
    r"output\)",
}


@pytest.mark.parametrize("engine", PDF_ENGINES)
@pytest.mark.parametrize("case", BAD_PDFS)
def test_a_bad_pdf_error_says_what_is_wrong_and_what_to_do(case: str, engine: str) -> None:
    with pytest.raises(ExtractorError) as raised:
        load_pdf(BAD_PDFS[case][0](), f"{case}.pdf", PDF_RULES, engine=engine)
    assert re.fullmatch(BAD_PDF_ERRORS[case], str(raised.value)), str(raised.value)


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_a_page_that_cannot_be_read_is_named_with_the_error(
    engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The parsers fail on some damaged page streams, with or without words; drawn PDFs do
    # not fail so, hence the stand-in for page 3 in each engine's page reader.
    modules = {"pdfium": "pdfium", "pdfplumber": "plumber"}
    module = importlib.import_module(f"extractor.readers.pdf.{modules[engine]}")
    read_page = module._read_page

    def failing_on_page_3(page: object, number: int, *rest: object) -> object:
        page_number = number if engine == "pdfium" else page.page_number  # type: ignore[attr-defined]
        if page_number == 3:
            raise ValueError("")
        return read_page(page, number, *rest)

    monkeypatch.setattr(module, "_read_page", failing_on_page_3)
    with pytest.raises(ExtractorError) as raised:
        load_pdf(drawn_pdf("cluster-inovativ-2019"), "r.pdf", PDF_RULES, engine=engine)
    assert raised.value.message == "r.pdf: the PDF is damaged or truncated (page 3): ValueError"


def test_a_bad_pdf_rule_is_an_e020_naming_the_entry(tmp_path: Path) -> None:
    rules_dir = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, rules_dir)
    pdf_rules = rules_dir / "pdf.toml"
    pdf_rules.write_text(
        pdf_rules.read_text("utf-8").replace('"ﬁ" = "fi"', '"fi" = "fi"'), encoding="utf-8"
    )
    with pytest.raises(ExtractorError) as raised:
        load_rules(rules_dir)
    assert raised.value.code == E_RULES and "ligatures" in str(raised.value)


def _peak_memory(data: bytes) -> tuple[int, int]:
    """The pages of a PDF and the peak of traced memory while reading it."""
    tracemalloc.start()
    try:
        loaded = read(data, "report.pdf")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return loaded.pages, peak


def test_memory_grows_little_with_the_pages_since_each_page_is_closed_once_read() -> None:
    # pdfplumber keeps ~5 MB of objects per page it has not closed; read pages keep
    # only their glyphs (~0.4 MB a page of dense text) until the text is written.
    # A few pages, then twice as many: the growth per page is what a page costs.
    measured = []
    for copies in (1, 2):
        twice = document("small-report")
        twice["projects"] *= copies
        measured.append(_peak_memory(render_pdf(twice, Layout(header=None, footer=None))))
    (few_pages, few_peak), (more_pages, more_peak) = measured
    assert more_pages >= few_pages + 2
    assert (more_peak - few_peak) / (more_pages - few_pages) < 1.0e6


def test_a_damaged_pdf_error_gives_the_readers_words_on_one_line() -> None:
    error = damaged("x.pdf", ValueError("no  pages\nhere"), 3)
    assert str(error) == (
        "E011 x.pdf: the PDF is damaged or truncated (page 3): no pages here "
        "(get a complete copy of the file, or re-save it with a PDF viewer)"
    )
    assert (
        damaged("x.pdf", ValueError()).message
        == "x.pdf: the PDF is damaged or truncated: ValueError"
    )
