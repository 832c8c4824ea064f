"""Lay out the 2019 report's content with two real layout engines, for the drift tests.

The extractor was tuned on one PDF maker. These fixtures hold the same content
(the hand-checked 2019 golden) as two other tools print it: Chromium from plain
HTML (<h2> headers, a bordered <table>, <ul>/<li> lists) and LibreOffice from a
Word document written with Word's own styles (Title, Heading 1/2/3, Table Grid,
List Bullet, List Bullet 2). The tests read the committed files and never need
the engines; this script is run by hand when the fixtures must be made again.

Run from the repository's top folder (Debian packages `chromium`,
`libreoffice-writer`; python-docx in the venv, a tool of this script only):

    apt-get install -y chromium libreoffice-writer
    .venv/bin/pip install 'python-docx>=1.1,<2'
    .venv/bin/python tests/drift/engines/make_engine_pdfs.py

It writes, beside itself: cluster-inovativ-2019.html and its print
cluster-inovativ-2019-chromium.pdf, cluster-inovativ-2019.docx and its
conversion cluster-inovativ-2019-libreoffice.pdf. The engines stamp the time
and a file id made from the clock into a PDF; both are replaced by fixed values of
the same length (so the cross-reference offsets stay valid), and the DOCX is written
with fixed dates, so a second run on the same engine versions gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from html import escape
from pathlib import Path
from typing import Any

import docx
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
GOLDEN = ROOT / "tests" / "golden" / "cluster-inovativ-2019.json"
SOURCE = ROOT / "sources" / "cluster-inovativ-2019.txt"
STEM = "cluster-inovativ-2019"

TABLE_COLUMNS = (
    "Titlu",
    "Perioadă implementare",
    "Coordonator",
    "Director proiect",
    "Nr. membri cluster",
    "Regiunea",
    "Domeniu",
)
SECTIONS = ("objective", "results", "ongoing")
# The date every fixture claims to have been made on: the report's own date.
FIXED_TIME = dt.datetime(2020, 1, 31, 12, 0, 0, tzinfo=dt.UTC)
FONT = "Liberation Sans"  # Arial's metrics; Debian's fonts-liberation, installed with both engines
DOCX_FONT = "Liberation Serif"  # Times New Roman's metrics, as an office report would be set


def header_line(project: dict[str, Any]) -> str | None:
    """The project's header line, or None where the source has none (project 6)."""
    if project["acronym"] is None:
        return None
    return f"Nr. proiect/acronim _{project['number']} CLS/{project['acronym']}"


def table_row(project: dict[str, Any]) -> tuple[str, ...]:
    """The metadata table's value row as the source writes it (dates day first)."""
    period = project["period"]
    return (
        project["title"],
        f"{_day_first(period['start'])} - {_day_first(period['end'])}",
        project["coordinator"],
        project["director"],
        str(project["cluster_members"]),
        project["region"]["raw"],
        project["domain"],
    )


def _day_first(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{day}.{month}.{year}"


def preamble_runs(text: str, source: str) -> list[tuple[str, bool]]:
    """The paragraph split into (text, bold) runs as the source bolds it.

    The golden keeps the text and drops the `**` marks; the source line whose
    unmarked text is the paragraph says which runs are bold.
    """
    for line in source.splitlines():
        if " ".join(line.replace("**", "").split()) == text:
            parts = " ".join(line.split()).split("**")
            return [(part, index % 2 == 1) for index, part in enumerate(parts) if part]
    raise SystemExit(f"no source line holds the preamble paragraph {text[:40]!r}")


# ---------------------------------------------------------------- HTML for Chromium

HTML_STYLE = f"""
@page {{ size: A4; margin: 20mm 18mm 22mm 18mm;
  @bottom-center {{ content: counter(page); font: 9pt "{FONT}"; }} }}
body {{ font-family: "{FONT}", sans-serif; font-size: 11pt; line-height: 1.3; }}
h1 {{ font-size: 18pt; text-align: center; margin: 0 0 1em 0; }}
h2 {{ font-size: 13pt; margin: 1.4em 0 0.5em 0; }}
h3 {{ font-size: 11pt; margin: 1em 0 0.4em 0; }}
h4 {{ font-size: 11pt; font-style: italic; margin: 0.8em 0 0.3em 0; }}
p {{ margin: 0 0 0.5em 0; text-align: justify; }}
ul {{ margin: 0 0 0.5em 0; }}
.cover {{ text-align: center; margin: 0; }}
table {{ border-collapse: collapse; width: 100%; font-size: 9pt; margin: 0.4em 0 0.6em 0; }}
th, td {{ border: 1px solid #000; padding: 3px 4px; vertical-align: top; text-align: left; }}
th {{ background: #e6e6e6; }}
"""


def to_html(document: dict[str, Any], source: str) -> str:
    """Given the golden, an HTML page of the report as a web editor would mark it up."""
    report = document["report"]
    body = [f'<p class="cover">{_esc(entry["text"])}</p>' for entry in document["unparsed"]]
    body.append(f"<h1>{_esc(report['title'])}</h1>")
    preamble = report["preamble"]
    body.append(f"<h2>{_esc(preamble['heading'])}</h2>")
    for item in preamble["items"]:
        runs = preamble_runs(item["text"], source)
        body.append(
            "<p>" + "".join(f"<b>{_esc(t)}</b>" if b else _esc(t) for t, b in runs) + "</p>"
        )
    for project in document["projects"]:
        header = header_line(project)
        if header:
            body.append(f"<h2>{_esc(header)}</h2>")
        head = "".join(f"<th>{_esc(cell)}</th>" for cell in TABLE_COLUMNS)
        row = "".join(f"<td>{_esc(cell)}</td>" for cell in table_row(project))
        body.append(f"<table><thead><tr>{head}</tr></thead><tbody><tr>{row}</tr></tbody></table>")
        links = " ".join(f'<a href="{_esc(url)}">{_esc(url)}</a>' for url in project["websites"])
        body.append(f"<p>Site proiect {links}</p>")
        for name in SECTIONS:
            section = project[name]
            body.append(f"<h3>{_esc(section['heading'])}</h3>")
            body.extend(_html_items(section["items"]))
    return (
        '<!DOCTYPE html>\n<html lang="ro">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_esc(report['title'])}</title>\n<style>{HTML_STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def _esc(text: str) -> str:
    return escape(text, quote=True)


def _html_items(items: list[dict[str, Any]]) -> Iterator[str]:
    """Paragraphs as <p>, each run of bullets as one <ul>, a sub-heading as <h4> then its items."""
    for kind, group in _runs(items):
        if kind == "bullet":
            yield _html_list(group)
            continue
        for item in group:
            if kind == "heading":
                yield f"<h4>{_esc(item['text'])}</h4>"
                yield from _html_items(item["children"])
            else:
                yield f"<p>{_esc(item['text'])}</p>"


def _html_list(bullets: list[dict[str, Any]]) -> str:
    entries = []
    for item in bullets:
        nested = _html_list(item["children"]) if item["children"] else ""
        entries.append(f"<li>{_esc(item['text'])}{nested}</li>")
    return "<ul>" + "".join(entries) + "</ul>"


def _runs(items: list[dict[str, Any]]) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """Consecutive items of one kind, grouped, in order."""
    group: list[dict[str, Any]] = []
    for item in items:
        if group and item["kind"] != group[-1]["kind"]:
            yield group[-1]["kind"], group
            group = []
        group.append(item)
    if group:
        yield group[-1]["kind"], group


def print_with_chromium(html: Path, pdf: Path) -> None:
    """Print the page as headless Chromium does, without its own date/URL header and footer."""
    with tempfile.TemporaryDirectory() as profile:
        _run(
            [
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                f"--print-to-pdf={pdf}",
                "--no-pdf-header-footer",
                html.as_uri(),
            ]
        )


# ---------------------------------------------------------------- DOCX for LibreOffice


def to_docx(document: dict[str, Any], source: str) -> WordDocument:
    """Given the golden, a Word document of the report set with Word's built-in styles."""
    word = docx.Document()
    _page_setup(word)
    _set_font(word)
    report = document["report"]
    for entry in document["unparsed"]:
        word.add_paragraph(entry["text"]).alignment = WD_ALIGN_PARAGRAPH.CENTER
    word.add_paragraph(report["title"], style="Title")
    preamble = report["preamble"]
    word.add_heading(preamble["heading"], level=1)
    for item in preamble["items"]:
        paragraph = word.add_paragraph()
        for text, bold in preamble_runs(item["text"], source):
            paragraph.add_run(text).bold = bold
    for project in document["projects"]:
        header = header_line(project)
        if header:
            word.add_heading(header, level=1)
        _docx_table(word, project)
        site = word.add_paragraph("Site proiect\t")
        for index, url in enumerate(project["websites"]):
            if index:
                site.add_run(" ")
            _hyperlink(site, url)
        for name in SECTIONS:
            section = project[name]
            word.add_heading(section["heading"], level=2)
            _docx_items(word, section["items"], 0)
    core = word.core_properties
    core.title, core.author, core.last_modified_by = report["title"], "UEFISCDI", "UEFISCDI"
    core.created = core.modified = FIXED_TIME.replace(tzinfo=None)
    core.revision = 1
    return word


def _page_setup(word: WordDocument) -> None:
    section = word.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    footer._p.append(field)


def _set_font(word: WordDocument) -> None:
    """One font for every style the document uses, in place of the template's theme fonts."""
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3"):
        fonts = word.styles[name].element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attribute), None)
        for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(attribute), DOCX_FONT)
    word.styles["Normal"].font.size = Pt(11)


def _docx_table(word: WordDocument, project: dict[str, Any]) -> None:
    table = word.add_table(rows=2, cols=len(TABLE_COLUMNS), style="Table Grid")
    rows = (TABLE_COLUMNS, table_row(project))
    for index, (row, cells) in enumerate(zip(table.rows, rows, strict=True)):
        for cell, text in zip(row.cells, cells, strict=True):
            run = cell.paragraphs[0].add_run(text)
            run.font.size = Pt(9)
            run.bold = index == 0
    word.add_paragraph()


def _hyperlink(paragraph: Paragraph, url: str) -> None:
    """A real link (the URL as its text), as Word makes one from a typed address."""
    relation = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    for tag, value in (("w:color", "0563C1"), ("w:u", "single")):  # Word's Hyperlink look
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        properties.append(element)
    run.append(properties)
    text = OxmlElement("w:t")
    text.text = url
    run.append(text)
    link.append(run)
    paragraph._p.append(link)


def _docx_items(word: WordDocument, items: Iterable[dict[str, Any]], level: int) -> None:
    """Paragraphs in Normal, bullets in List Bullet (nested: List Bullet 2), sub-headings H3."""
    for item in items:
        if item["kind"] == "heading":
            word.add_heading(item["text"], level=3)
        elif item["kind"] == "bullet":
            word.add_paragraph(item["text"], style="List Bullet 2" if level else "List Bullet")
        else:
            word.add_paragraph(item["text"])
        _docx_items(word, item["children"], level + (item["kind"] == "bullet"))


def save_docx(word: WordDocument, path: Path) -> None:
    """Save with every zip entry dated FIXED_TIME, so the bytes do not carry the clock."""
    with tempfile.TemporaryDirectory() as folder:
        plain = Path(folder) / path.name
        word.save(plain)
        with zipfile.ZipFile(plain) as old, zipfile.ZipFile(path, "w") as new:
            for entry in old.infolist():
                fixed = zipfile.ZipInfo(entry.filename, FIXED_TIME.timetuple()[:6])
                fixed.compress_type = zipfile.ZIP_DEFLATED
                new.writestr(fixed, old.read(entry.filename))


def convert_with_libreoffice(document: Path, pdf: Path) -> None:
    """Convert as `libreoffice --headless --convert-to pdf` does, with a throwaway profile."""
    with tempfile.TemporaryDirectory() as folder:
        profile = Path(folder) / "profile"
        _run(
            [
                "libreoffice",
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                folder,
                str(document),
            ]
        )
        pdf.write_bytes((Path(folder) / f"{document.stem}.pdf").read_bytes())


# ---------------------------------------------------------------- shared


def _run(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)
    if done.returncode != 0:
        raise SystemExit(f"{command[0]} failed ({done.returncode}): {done.stderr.strip()}")


PDF_DATE = re.compile(rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d{14})")
PDF_ID = re.compile(rb"(/ID\s*\[\s*<)([0-9a-fA-F]+)(>\s*<)([0-9a-fA-F]+)(>)")
DOC_CHECKSUM = re.compile(rb"(/DocChecksum\s*/)([0-9a-fA-F]+)")  # LibreOffice's, of the clock too


def without_clock(pdf: bytes) -> bytes:
    """The PDF with its dates set to FIXED_TIME and its file id and checksum made from its content.

    Every replacement has the length of what it replaces, so no offset moves.
    """
    pdf = PDF_DATE.sub(lambda m: m[1] + FIXED_TIME.strftime("%Y%m%d%H%M%S").encode(), pdf)
    digest = hashlib.md5(_with_ids(pdf, "0" * 32), usedforsecurity=False).hexdigest()
    return _with_ids(pdf, digest)


def _with_ids(pdf: bytes, hex32: str) -> bytes:
    """The PDF with both halves of its file id and LibreOffice's checksum written from `hex32`."""

    def fill(hex_id: bytes) -> bytes:
        return (hex32.upper() * 4)[: len(hex_id)].encode()

    pdf = DOC_CHECKSUM.sub(lambda m: m[1] + fill(m[2]), pdf)
    return PDF_ID.sub(lambda m: m[1] + fill(m[2]) + m[3] + fill(m[4]) + m[5], pdf)


def main() -> int:
    """Write the HTML, the DOCX and their two PDFs beside this script."""
    document = json.loads(GOLDEN.read_text(encoding="utf-8"))
    source = SOURCE.read_text(encoding="utf-8")
    html = HERE / f"{STEM}.html"
    html.write_text(to_html(document, source), encoding="utf-8")
    word = HERE / f"{STEM}.docx"
    save_docx(to_docx(document, source), word)
    with tempfile.TemporaryDirectory() as folder:
        printed = Path(folder) / "printed.pdf"
        print_with_chromium(html, printed)
        chromium_pdf = HERE / f"{STEM}-chromium.pdf"
        chromium_pdf.write_bytes(without_clock(printed.read_bytes()))
        converted = Path(folder) / "converted.pdf"
        convert_with_libreoffice(word, converted)
        libreoffice_pdf = HERE / f"{STEM}-libreoffice.pdf"
        libreoffice_pdf.write_bytes(without_clock(converted.read_bytes()))
    for path in (html, word, chromium_pdf, libreoffice_pdf):
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
