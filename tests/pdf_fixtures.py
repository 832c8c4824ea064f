"""Render a document in the golden layout to a PDF, and to the text dialect the PDF loader gives.

Both renderings walk the same list of blocks, so a test can compare what the
loader reads back from the PDF with what it should read. The PDF is made by
fpdf2 with DejaVu Sans (Debian's fonts-dejavu-core, on every machine of the
project), which has the Romanian letters ă â î ș ț and the bullet glyphs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.enums import XPos, YPos

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
TABLE_COLUMNS = (
    "Titlu",
    "Perioadă implementare",
    "Coordonator",
    "Director proiect",
    "Nr. membri cluster",
    "Regiunea",
    "Domeniu",
)
TABLE_WIDTHS = (32, 22, 30, 22, 14, 20, 30)
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
        elif block.kind == "table" and block.key in layout.split_tables:
            _table(pdf, block.cells[:1], layout, line)
            pdf.add_page()
            repeat = layout.split_tables[block.key]
            _table(pdf, block.cells if repeat else block.cells[1:], layout, line)
        elif block.kind == "table":
            _table(pdf, block.cells, layout, line)
        pdf.ln(line * 0.7)
    return bytes(pdf.output())


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


def _table(pdf: FPDF, rows: tuple[tuple[str, ...], ...], layout: Layout, line: float) -> None:
    pdf.set_font("DejaVu", "", 7)
    with pdf.table(
        col_widths=TABLE_WIDTHS,
        width=sum(TABLE_WIDTHS),
        align="LEFT",
        text_align="LEFT",
        line_height=line * 0.85,
        borders_layout="ALL" if layout.ruled else "NONE",
        padding=1.2,
        v_align="TOP",
    ) as table:
        for cells in rows:
            row = table.row()
            for cell in cells:
                row.cell(cell)


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
