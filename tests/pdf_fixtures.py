"""Render a document in the golden layout to a PDF, and to the text dialect the PDF loader gives.

Both renderings walk the same list of blocks, so a test can compare what the
loader reads back from the PDF with what it should read. The PDF is made by
fpdf2 with DejaVu Sans (Debian's fonts-dejavu-core, on every machine of the
project), which has the Romanian letters ă â î ș ț and the bullet glyphs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from reports import HEADER_ROW

TESTS = Path(__file__).resolve().parent
# The documents the tests draw: the small hand-made report and the whole 2019 golden.
DOCUMENTS = {
    "small-report": TESTS / "fixtures" / "small-report.json",
    "cluster-inovativ-2019": TESTS / "golden" / "cluster-inovativ-2019.json",
}
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_FILES = {
    "": "DejaVuSans.ttf",
    "B": "DejaVuSans-Bold.ttf",
    "I": "DejaVuSans-Oblique.ttf",
    "BI": "DejaVuSans-BoldOblique.ttf",
}
TABLE_COLUMNS = tuple(HEADER_ROW.split("\t"))  # the text fixtures' header row
TABLE_WIDTHS = (32, 22, 30, 22, 14, 20, 30)
NARROW_WIDTHS = (18,) * len(TABLE_COLUMNS)  # equal columns, as a word processor's default table
CELL_PADDING = 1.2
CUT_LINES = 2
SECTIONS = ("objective", "results", "ongoing")
GLYPHS = ("•", "\u2013", "✓")  # bullet, en dash, check mark
CHILD_GLYPH = "◦"


def fonts_available() -> bool:
    """Whether the DejaVu fonts the fixtures draw with are installed."""
    return all((FONT_DIR / name).is_file() for name in FONT_FILES.values())


@dataclass(frozen=True)
class Block:
    """One thing on the page: a line of text, an item, a table or the website line."""

    kind: str  # cover, title, heading, paragraph, bullet, table, site, header
    text: str = ""
    level: int = 0
    italic: bool = False
    bold: str | None = None  # a substring drawn bold inside a paragraph
    glyph: str = "•"
    cells: tuple[tuple[str, ...], ...] = ()
    key: str = ""


@dataclass
class Layout:
    """How to draw: page furniture, table rules, and where to force page breaks."""

    ruled: bool = True
    header: str | None = "UEFISCDI · Stadiul proiectelor Cluster inovativ"
    footer: str | None = "Pagina {n} din {nb}"
    font_size: float = 10
    bottom_before: frozenset[str] = field(default_factory=frozenset)
    # Tables drawn cut by a page break after their header row, the header repeated or not.
    split_tables: dict[str, bool] = field(default_factory=dict)
    numbered: frozenset[str] = field(default_factory=frozenset)
    # Bullets drawn as a browser draws them: a filled circle (an outlined one a level
    # in) and no glyph, the items of a list at the pitch of wrapped lines, no gap.
    shape_bullets: bool = False
    # Tables in narrow equal columns, each cell wrapped as a word processor wraps it:
    # at a space (written when it fits) or after a dash, and a word wider than its
    # column cut where its next letter no longer fits, with no hyphen.
    narrow_cells: bool = False
    # Tables whose value row a page break cuts after its first CUT_LINES lines (cells
    # wrapped as in `narrow_cells`): the rest of each cell is on the next page.
    cut_rows: frozenset[str] = field(default_factory=frozenset)


def blocks(document: dict[str, Any]) -> list[Block]:
    """Given a document in the golden layout, the blocks that draw it, in order."""
    report = document["report"]
    out = [Block("cover", entry["text"]) for entry in document.get("unparsed", [])]
    out.append(Block("title", report["title"]))
    preamble = report.get("preamble")
    if preamble:
        out.append(Block("heading", preamble["heading"]))
        competition = f'"{report["competition"]}"' if report.get("competition") else None
        for item in preamble["items"]:
            bold = competition if competition and competition in item["text"] else None
            out.append(Block("paragraph", item["text"], bold=bold))
    for project in document["projects"]:
        number = project["number"]
        if project.get("acronym"):
            text = f"Nr. proiect / acronim _{number} CLS/{project['acronym']}"
            out.append(Block("header", text, key=f"header:{number}"))
        period = project["period"]
        values = (
            project["title"],
            f"{_dmy(period['start'])} - {_dmy(period['end'])}",
            project["coordinator"],
            project["director"],
            str(project["cluster_members"]),
            project["region"]["raw"],
            project["domain"],
        )
        out.append(Block("table", cells=(TABLE_COLUMNS, values), key=f"table:{number}"))
        for index, url in enumerate(project["websites"]):
            out.append(Block("site", url, level=index))
        for name in SECTIONS:
            section = project.get(name)
            if section:
                out.append(Block("heading", section["heading"], key=f"{name}:{number}"))
                out.extend(_items(section["items"], 0, f"{name}:{number}"))
    return out


def _items(items: Iterable[dict[str, Any]], level: int, key: str) -> Iterator[Block]:
    for index, item in enumerate(items):
        item_key = f"{key}.{index}"
        if item["kind"] == "heading":
            yield Block("heading", item["text"], key=item_key)
            yield from _items(item["children"], level, item_key)
            continue
        if item["kind"] == "paragraph":
            yield Block("paragraph", item["text"], key=item_key)
        else:
            glyph = CHILD_GLYPH if level else GLYPHS[index % len(GLYPHS)]
            yield Block("bullet", item["text"], level, italic=level > 0, glyph=glyph, key=item_key)
        yield from _items(item["children"], level + 1, item_key)


def _dmy(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{day}.{month}.{year}"


def render_text(document: dict[str, Any]) -> str:
    """Given a document, the dialect text the PDF loader should read from its PDF."""
    parts: list[str] = []
    for block in blocks(document):
        if block.kind == "heading":
            parts.append(f"**{block.text}**")
        elif block.kind == "paragraph" and block.bold:
            parts.append(block.text.replace(block.bold, f"**{block.bold}**"))
        elif block.kind == "bullet":
            text = f"*{block.text}*" if block.italic else block.text
            parts.append(f"{' ' * min(block.level, 1)}- {text}")
        elif block.kind == "table":
            parts.append("\n".join("\t".join(row) for row in block.cells))
        elif block.kind == "site":
            parts.append(f"Site proiect\t{block.text}" if block.level == 0 else block.text)
        else:
            parts.append(block.text)
    return "\n\n".join(parts) + "\n"


class _Report(FPDF):
    def __init__(self, layout: Layout) -> None:
        super().__init__(format="A4")
        self.layout = layout
        for style, name in FONT_FILES.items():
            self.add_font("DejaVu", style, str(FONT_DIR / name))
        self.set_margins(20, 22, 20)
        self.set_auto_page_break(True, margin=22)
        self.alias_nb_pages()

    def header(self) -> None:
        if self.layout.header:
            self.set_font("DejaVu", "", 8)
            self.set_xy(self.l_margin, 10)
            self.cell(0, 5, self.layout.header, align="R")
            self.set_xy(self.l_margin, self.t_margin)

    def footer(self) -> None:
        if self.layout.footer:
            self.set_font("DejaVu", "", 8)
            self.set_y(-14)
            self.cell(0, 5, self.layout.footer.format(n=self.page_no(), nb="{nb}"), align="C")


def render_pdf(document: dict[str, Any], layout: Layout | None = None) -> bytes:
    """Given a document, a PDF of it as a report would print it."""
    layout = layout or Layout()
    pdf = _Report(layout)
    pdf.add_page()
    size = layout.font_size
    line = size * 0.5  # mm per line: 1.4 x the font size in points
    numbers: dict[str, int] = {}
    for block in blocks(document):
        if block.key in layout.bottom_before:
            pdf.set_y(pdf.h - pdf.b_margin - line * 1.5)
        pdf.set_x(pdf.l_margin)
        if block.kind == "title":
            pdf.set_font("DejaVu", "", size + 4)
            pdf.multi_cell(0, line * 1.4, block.text, align="C", **_NEXT)
        elif block.kind in ("cover", "header"):
            pdf.set_font("DejaVu", "", size)
            pdf.multi_cell(0, line, block.text, align="L", **_NEXT)
        elif block.kind == "heading":
            pdf.set_font("DejaVu", "B", size)
            pdf.multi_cell(0, line, block.text, align="L", **_NEXT)
        elif block.kind == "paragraph":
            pdf.set_font("DejaVu", "", size)
            text, markdown = block.text, False
            if block.bold:
                text, markdown = text.replace(block.bold, f"**{block.bold}**"), True
            pdf.multi_cell(0, line, text, markdown=markdown, **_NEXT)
        elif block.kind == "bullet":
            parent = block.key.rsplit(".", 1)[0]
            if parent in layout.numbered and block.level == 0:
                numbers[parent] = numbers.get(parent, 0) + 1
                glyph = f"{numbers[parent]}."
            else:
                glyph = block.glyph
            indent = pdf.l_margin + 4 + 7 * block.level
            pdf.set_font("DejaVu", "", size)
            pdf.set_x(indent)
            if layout.shape_bullets:
                if pdf.will_page_break(line):  # the shape goes on the page its text starts
                    pdf.add_page()
                    pdf.set_x(indent)
                _bullet_shape(pdf, indent, line, filled=block.level == 0)
            else:
                pdf.cell(6, line, glyph)
            pdf.set_font("DejaVu", "I" if block.italic else "", size)
            pdf.set_x(indent + 6)
            pdf.multi_cell(pdf.w - pdf.r_margin - indent - 6, line, block.text, **_NEXT)
        elif block.kind == "site":
            pdf.set_font("DejaVu", "", size)
            if block.level == 0:
                pdf.cell(30, line, "Site proiect")
            pdf.set_x(pdf.l_margin + 30)
            pdf.multi_cell(0, line, block.text, align="L", **_NEXT)
        elif block.kind == "table" and block.key in layout.cut_rows:
            head, values = block.cells
            cells = [_wrap_cell(pdf, layout, cell, column) for column, cell in enumerate(values)]
            above = tuple("\n".join(lines[:CUT_LINES]) for lines in cells)
            below = tuple("\n".join(lines[CUT_LINES:]) for lines in cells)
            _table(pdf, (_wrap_row(pdf, layout, head, bold=True), above), layout, line)
            pdf.add_page()
            _table(pdf, (below,), layout, line, heading=False)
        elif block.kind == "table" and block.key in layout.split_tables:
            head, values = _wrapped_rows(pdf, layout, block.cells)
            _table(pdf, (head,), layout, line)
            pdf.add_page()
            repeat = layout.split_tables[block.key]
            _table(pdf, (head, values) if repeat else (values,), layout, line, heading=repeat)
        elif block.kind == "table":
            _table(pdf, _wrapped_rows(pdf, layout, block.cells), layout, line)
        if not (layout.shape_bullets and block.kind == "bullet"):
            pdf.ln(line * 0.7)
    return bytes(pdf.output())


def _bullet_shape(pdf: FPDF, x: float, line: float, *, filled: bool) -> None:
    """A 1 mm circle at `x`, centred on the height of the line about to be drawn."""
    radius = 0.5
    centre_y = pdf.get_y() + line / 2
    pdf.set_line_width(0.15)
    pdf.circle(x + 1.5, centre_y, radius, style="F" if filled else "D")


_NEXT = {"new_x": XPos.LMARGIN, "new_y": YPos.NEXT}


def document(name: str) -> dict[str, Any]:
    """A fresh copy of one of the DOCUMENTS, for a test to read or change."""
    return json.loads(DOCUMENTS[name].read_text(encoding="utf-8"))


_DRAWN: dict[tuple[str, str], bytes] = {}


def drawn_pdf(name: str, layout: Layout | None = None) -> bytes:
    """The PDF of one of the DOCUMENTS in a layout, drawn once per test session.

    Drawing the 2019 golden takes seconds and several tests read the same drawing;
    the bytes are immutable, so every test can share them.
    """
    layout = layout or Layout()
    key = (name, repr(layout))
    if key not in _DRAWN:
        _DRAWN[key] = render_pdf(document(name), layout)
    return _DRAWN[key]


def _table(
    pdf: FPDF,
    rows: Iterable[tuple[str, ...]],
    layout: Layout,
    line: float,
    *,
    heading: bool = True,
) -> None:
    """Draw rows of cell texts as a table, the first row bold when it is the `heading`."""
    pdf.set_font("DejaVu", "", 7)
    widths = _widths(layout)
    with pdf.table(
        col_widths=widths,
        width=sum(widths),
        align="LEFT",
        text_align="LEFT",
        line_height=line * 0.85,
        borders_layout="ALL" if layout.ruled else "NONE",
        padding=CELL_PADDING,
        v_align="TOP",
        first_row_as_headings=heading,
    ) as table:
        for cells in rows:
            row = table.row()
            for cell in cells:
                row.cell(cell)


def _widths(layout: Layout) -> tuple[int, ...]:
    return NARROW_WIDTHS if layout.narrow_cells else TABLE_WIDTHS


def _wrapped_rows(
    pdf: FPDF, layout: Layout, rows: tuple[tuple[str, ...], ...]
) -> tuple[tuple[str, ...], ...]:
    """The table's header and value rows, wrapped as an engine would when `narrow_cells`."""
    if not layout.narrow_cells:
        return rows
    head, values = rows
    return _wrap_row(pdf, layout, head, bold=True), _wrap_row(pdf, layout, values)


def _wrap_row(
    pdf: FPDF, layout: Layout, cells: tuple[str, ...], *, bold: bool = False
) -> tuple[str, ...]:
    return tuple(
        "\n".join(_wrap_cell(pdf, layout, cell, column, bold=bold))
        for column, cell in enumerate(cells)
    )


def _wrap_cell(
    pdf: FPDF, layout: Layout, text: str, column: int, *, bold: bool = False
) -> list[str]:
    """A cell's lines as an engine sets them, in the font its row is drawn in."""
    pdf.set_font("DejaVu", "B" if bold else "", 7)
    return _wrap_as_an_engine(pdf, text, _widths(layout)[column] - 2 * CELL_PADDING)


def _wrap_as_an_engine(pdf: FPDF, text: str, width: float) -> list[str]:
    """Given a cell's text and its width (mm), its lines as a word processor sets them."""
    fits = lambda piece: pdf.get_string_width(piece) <= width * 0.999  # noqa: E731
    lines: list[str] = []
    current = ""
    for spaced, piece in _break_pieces(text):
        joined = f"{current} {piece}" if current and spaced else current + piece
        if fits(joined):
            current = joined
            continue
        if current:
            lines.append(f"{current} " if spaced and fits(f"{current} ") else current)
        while not fits(piece):
            cut = max(end for end in range(1, len(piece)) if fits(piece[:end]))
            lines.append(piece[:cut])
            piece = piece[cut:]
        current = piece
    return [*lines, current]


def _break_pieces(text: str) -> Iterator[tuple[bool, str]]:
    """The text cut where a line may break: at spaces (True: a space before it) and after dashes."""
    for word in text.split(" "):
        for index, piece in enumerate(re.findall(r"[^-]+-?|-", word)):
            yield index == 0, piece


HTML_STYLE = """
@page { size: A4; margin: 22mm 20mm; }
body { font-family: "DejaVu Sans"; font-size: 10pt; line-height: 1.4; }
p { margin: 0 0 0.6em 0; }
.l0, .l1 { padding-left: 10mm; text-indent: -6mm; }
.l1 { padding-left: 17mm; }
.g { display: inline-block; width: 6mm; text-indent: 0; }
.label { display: inline-block; width: 30mm; }
table { border-collapse: collapse; font-size: 7pt; margin-bottom: 0.6em; }
td, th { border: 0.5pt solid black; padding: 1mm; vertical-align: top; text-align: left; }
"""


def render_html(document: dict[str, Any]) -> str:
    """Given a document, an HTML page of it, for a second engine (a browser) to print as PDF."""
    body: list[str] = []
    for block in blocks(document):
        text = escape(block.text, quote=False)
        if block.kind == "heading":
            body.append(f"<p><b>{text}</b></p>")
        elif block.kind == "paragraph" and block.bold:
            bold = escape(block.bold, quote=False)
            body.append(f"<p>{text.replace(bold, f'<b>{bold}</b>')}</p>")
        elif block.kind == "bullet":
            inner = f"<i>{text}</i>" if block.italic else text
            level = min(block.level, 1)
            body.append(f'<p class="l{level}"><span class="g">{block.glyph}</span>{inner}</p>')
        elif block.kind == "table":
            head, *rows = block.cells
            cells = "".join(f"<th>{escape(cell, quote=False)}</th>" for cell in head)
            lines = [f"<tr>{cells}</tr>"]
            for row in rows:
                lines.append(
                    "<tr>" + "".join(f"<td>{escape(c, quote=False)}</td>" for c in row) + "</tr>"
                )
            body.append(f"<table>{''.join(lines)}</table>")
        elif block.kind == "site":
            body.append(f'<p><span class="label">Site proiect</span>{text}</p>')
        else:
            body.append(f"<p>{text}</p>")
    return (
        '<!DOCTYPE html><html lang="ro"><head><meta charset="utf-8">'
        f"<style>{HTML_STYLE}</style></head><body>{''.join(body)}</body></html>"
    )
