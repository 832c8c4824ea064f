"""Hostile, damaged and foreign input: each gives a document or one clear error, never a loss.

Every file of the corpus is made here. Each case runs the installed command in a
subprocess with a 20 s limit (a hang or a runaway pattern fails the test), and
says what it must give: the exit status and what stderr says. Every error line
has the one shape `extractor: E0NN <file>: <what> (<what to do>)`, at most 300
chars, and no traceback ever shows.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import regex
from conftest import REPORT_2019
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from PIL import Image
from pydantic import BaseModel
from reports import project_block, report

from extractor.models import Document
from extractor.pipeline import run_bytes
from extractor.ruleset import load_rules

LIMIT_SECONDS = 20
ERROR_LINE = re.compile(r"^extractor: E\d{3} \S.* \(.+\)$")
REPORT = REPORT_2019.read_bytes()
RULES = load_rules()
FOREIGN_TEXT = (
    "Programul Cluster inovativ\n\n"
    "Acasă | Despre noi | Contact\n\n"
    "Clusterele inovative reunesc întreprinderi, universități și autorități publice.\n"
    "Apelul de proiecte se deschide în luna martie; ghidul solicitantului este publicat.\n"
    "- Cine poate aplica: asociații de tip cluster\n"
    "- Buget: 20 milioane lei\n"
)


def run_cli(*args: str, limit: float = LIMIT_SECONDS) -> subprocess.CompletedProcess[str]:
    """The installed command, stopped (and the test failed) when it runs past `limit`."""
    return subprocess.run(
        [sys.executable, "-m", "extractor", *args],
        capture_output=True,
        text=True,
        timeout=limit,
        check=False,
    )


def assert_error_lines(stderr: str) -> None:
    """Every line is an error line of the one shape, or the batch's closing summary."""
    assert "Traceback" not in stderr
    for line in stderr.splitlines():
        if " inputs failed, " not in line:
            assert len(line) <= 300, line
            assert ERROR_LINE.match(line), line


def _pdf(draw: Callable[[FPDF], None], **encryption: str) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    draw(pdf)
    if encryption:
        pdf.set_encryption(**encryption)
    return bytes(pdf.output())


def _lines(pdf: FPDF, text: str) -> None:
    for line in text.splitlines():
        pdf.multi_cell(0, 8, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _text_pdf(text: str, **encryption: str) -> bytes:
    return _pdf(lambda pdf: _lines(pdf, text), **encryption)


def _image_pdf() -> bytes:
    picture = Image.new("RGB", (200, 100), (200, 30, 30))
    return _pdf(lambda pdf: pdf.image(picture, x=20, y=20, w=120))


def _report_pdf() -> bytes:
    return _text_pdf(
        "Stadiul proiectelor Cluster inovativ la 31.12.2020\n"
        "Nr. proiect / acronim _1 CLS/ABC\n"
        "Obiectivul proiectului:\n"
        "Cresterea competitivitatii clusterului in regiune.\n"
    )


def _flipped(data: bytes, seed: int, flips: int = 20) -> bytes:
    """`data` with `flips` random bits flipped after the PDF header, the same for a seed."""
    rng = random.Random(seed)
    damaged = bytearray(data)
    for _ in range(flips):
        damaged[rng.randrange(16, len(damaged))] ^= 1 << rng.randrange(8)
    return bytes(damaged)


def _one_bad_byte(data: bytes) -> bytes:
    at = data.index("ASOCIAȚIA".encode())
    return data[:at] + b"\xff" + data[at:]


def _cut_mid_char(data: bytes) -> bytes:
    return data[: data.rindex("ț".encode()) + 1]


def _marker_only_line(data: bytes) -> bytes:
    text = data.decode("utf-8")
    at = text.index("\n- ", text.index("Principalele rezultate")) + 1
    return (text[:at] + "-\n" + text[at:]).encode("utf-8")


# name, file name, its bytes, exit status, what stderr must match (None: nothing at all)
CASES: list[tuple[str, str, Callable[[], bytes], int, str | None]] = [
    ("empty", "gol.txt", lambda: b"", 2, r"^extractor: E003 gol.txt: the input holds no text"),
    ("whitespace", "alb.txt", lambda: b" \n\t\r\n \n", 2, r"^extractor: E003 alb.txt"),
    (
        "random bytes as text",
        "zgomot.txt",
        lambda: random.Random(1).randbytes(4096),
        2,
        r"^extractor: E004 zgomot.txt: binary data",
    ),
    (
        "random bytes as pdf",
        "zgomot.pdf",
        lambda: random.Random(2).randbytes(4096),
        2,
        r"^extractor: E004 zgomot.pdf",
    ),
    (
        "random bytes after a pdf header",
        "fals.pdf",
        lambda: b"%PDF-1.7\n" + random.Random(3).randbytes(4096),
        2,
        r"^extractor: E011 fals.pdf: the PDF is damaged",
    ),
    (
        "truncated pdf",
        "taiat.pdf",
        lambda: _report_pdf()[: len(_report_pdf()) // 2],
        2,
        r"^extractor: E011 taiat.pdf: the PDF is damaged or truncated",
    ),
    (
        "encrypted pdf",
        "parola.pdf",
        lambda: _text_pdf("Raport secret", owner_password="o", user_password="u"),
        2,
        r"^extractor: E010 parola.pdf: the PDF is password-protected",
    ),
    (
        "image-only pdf",
        "scanat.pdf",
        _image_pdf,
        2,
        r"^extractor: E012 scanat.pdf: the PDF has no text layer",
    ),
    (
        "a pdf that is not a report",
        "factura.pdf",
        lambda: _text_pdf("Factura nr. 1234\nTotal de plata: 250 lei\nScadenta: 15.03.2021"),
        2,
        r"^extractor: E005 factura.pdf: does not look like a Cluster inovativ status report",
    ),
    (
        "a text that is not a report",
        "pagina.txt",
        lambda: FOREIGN_TEXT.encode(),
        2,
        r"^extractor: E005 pagina.txt: does not look like a Cluster inovativ status report",
    ),
    (
        "a one-megabyte line",
        "linie.txt",
        lambda: b"a \t" * 350_000,
        2,
        r"^extractor: E005 linie.txt",
    ),
    (
        "a one-megabyte title-like line",
        "titlu.txt",
        lambda: b"Stadiul proiectelor " + b"la " * 333_000 + b"x\n",
        2,
        r"^extractor: E005 titlu.txt",
    ),
    (
        "a one-megabyte line of spaces after a rule's words",
        "spatii.txt",
        lambda: b"instrumentul de finantare " + b" " * 1_000_000 + b"x\n",
        2,
        r"^extractor: E005 spatii.txt",
    ),
    ("a missing path", "lipsa.txt", lambda: b"", 2, r"^extractor: E001 \S*lipsa.txt: no such file"),
    ("one invalid byte in a UTF-8 report", "octet.txt", lambda: _one_bad_byte(REPORT), 0, None),
]


@pytest.mark.parametrize(
    ("name", "file", "make", "status", "stderr"), CASES, ids=[case[0] for case in CASES]
)
def test_each_bad_or_foreign_input(
    tmp_path: Path,
    name: str,
    file: str,
    make: Callable[[], bytes],
    status: int,
    stderr: str | None,
) -> None:
    path = tmp_path / file
    if name != "a missing path":
        path.write_bytes(make())
    out = tmp_path / "out.json"
    out.write_text("what was there\n", encoding="utf-8")
    result = run_cli("extract", str(path), "-o", str(out), "-q")
    assert result.returncode == status, result.stderr
    assert_error_lines(result.stderr)
    if stderr is None:
        assert result.stderr == ""
        assert json.loads(out.read_text(encoding="utf-8"))["projects"]
    else:
        assert re.search(stderr, result.stderr), result.stderr
        assert result.stderr.count("\n") == 1
        assert out.read_text(encoding="utf-8") == "what was there\n"  # a failed run keeps it


def timed_run(data: bytes, name: str) -> Document:
    """The document, in this process (spaCy already loaded), failing past the time limit."""
    started = time.perf_counter()
    document = run_bytes(data, name, RULES).document
    assert time.perf_counter() - started < LIMIT_SECONDS
    return document


def test_a_bad_byte_is_replaced_and_named_not_a_legacy_reading() -> None:
    document = timed_run(_one_bad_byte(REPORT), "octet.txt")
    assert document.source.encoding == "utf-8"
    assert document.projects[0].coordinator.startswith("\ufffdASOCIAȚIA")
    (warning,) = [w for w in document.warnings if w.code == "invalid_bytes"]
    assert warning.message.endswith(f"at byte {REPORT.index('ASOCIAȚIA'.encode())}")


def test_a_report_cut_mid_char_keeps_all_but_that_char() -> None:
    document = timed_run(_cut_mid_char(REPORT), "taiat.txt")
    assert document.source.encoding == "utf-8"
    assert len(document.projects) == 12
    (warning,) = [w for w in document.warnings if w.code == "invalid_bytes"]
    assert warning.message.endswith(f"at byte {len(_cut_mid_char(REPORT)) - 1}")


def test_a_marker_only_line_is_kept_in_unparsed_and_the_report_written() -> None:
    document = timed_run(_marker_only_line(REPORT), "marcaj.txt")
    assert len(document.projects) == 12
    assert [entry.text for entry in document.unparsed if entry.text == "-"] == ["-"]


def test_allow_empty_writes_the_empty_document_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "pagina.txt"
    path.write_bytes(FOREIGN_TEXT.encode())
    out = tmp_path / "pagina.json"
    result = run_cli("extract", str(path), "-o", str(out), "--allow-empty", "-q")
    assert result.returncode == 0, result.stderr
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["projects"] == []
    assert [w["code"] for w in document["warnings"]][:1] == ["no_projects"]


def test_byte_flipped_pdfs_give_a_document_or_one_coded_error(tmp_path: Path) -> None:
    original = _report_pdf()
    paths = []
    for seed in range(3):
        path = tmp_path / f"intors-{seed}.pdf"
        path.write_bytes(_flipped(original, seed))
        paths.append(path)
    out = tmp_path / "out"
    result = run_cli("extract", *map(str, paths), "-o", f"{out}/", "-q", limit=3 * LIMIT_SECONDS)
    assert_error_lines(result.stderr)
    failed = {line.split()[2].rstrip(":") for line in result.stderr.splitlines()[:-1]}
    codes = set(re.findall(r"^extractor: (E\d{3}) ", result.stderr, flags=re.MULTILINE))
    assert codes <= {"E005", "E011", "E012"}
    written = {path.stem for path in out.iterdir()} if out.exists() else set()
    assert written | {Path(name).stem for name in failed} == {path.stem for path in paths}
    assert result.returncode == (2 if failed else 0)


def test_a_folder_mixing_good_and_bad_files(tmp_path: Path) -> None:
    folder = tmp_path / "descarcari"
    folder.mkdir()
    (folder / "bun.txt").write_text(report(project_block(1, "AAA")), encoding="utf-8")
    (folder / "gol.txt").write_bytes(b"")
    (folder / "pagina.txt").write_bytes(FOREIGN_TEXT.encode())
    (folder / "taiat.pdf").write_bytes(_report_pdf()[:500])
    out = tmp_path / "out"
    result = run_cli("extract", str(folder), str(tmp_path / "lipsa.txt"), "-o", str(out), "-q")
    assert result.returncode == 2
    assert_error_lines(result.stderr)
    lines = result.stderr.splitlines()
    assert [line.split()[1] for line in lines[:-1]] == ["E003", "E005", "E011", "E001"]
    assert lines[-1] == (
        f"extractor: 4 of 5 inputs failed, 1 written: {folder / 'gol.txt'} (E003), "
        f"{folder / 'pagina.txt'} (E005), {folder / 'taiat.pdf'} (E011), "
        f"{tmp_path / 'lipsa.txt'} (E001)"
    )
    assert sorted(path.name for path in out.iterdir()) == ["bun.json"]


def test_usage_errors_have_the_one_shape() -> None:
    for args in (["extract"], ["nimic"], ["extract", "--nu-exista", "x.txt"], []):
        result = run_cli(*args)
        assert result.returncode == 2
        assert result.stderr.startswith("extractor: E060 ")
        assert_error_lines(result.stderr)


def test_the_report_200_times_over_takes_linear_time() -> None:
    started = time.perf_counter()
    run_bytes(REPORT, "r.txt", RULES)
    once = time.perf_counter() - started
    started = time.perf_counter()
    document = run_bytes(REPORT * 200, "r200.txt", RULES).document
    seconds = time.perf_counter() - started
    assert len(document.projects) == 200 * 12
    # Linear: 200 copies cost no more than 200 single runs, three times over for a busy
    # machine and a large heap's cache misses (a quadratic stage would cost 200 times).
    assert seconds < max(LIMIT_SECONDS, 200 * once * 3), (seconds, once)


def test_100000_header_lines() -> None:
    lines = "".join(f"Nr.proiect/acronim _{n} CLS/ACR{n}\n" for n in range(1, 100_001))
    started = time.perf_counter()
    document = run_bytes(lines.encode(), "antete.txt", RULES).document
    seconds = time.perf_counter() - started
    assert len(document.projects) == 100_000
    assert document.projects[-1].acronym == "ACR100000"
    assert seconds < 6 * LIMIT_SECONDS, seconds


def rule_patterns(node: object) -> Iterator[regex.Pattern]:
    """Every compiled pattern in the rules, wherever it sits."""
    if isinstance(node, regex.Pattern):
        yield node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from rule_patterns(getattr(node, name))
    elif isinstance(node, list | tuple):
        for value in node:
            yield from rule_patterns(value)
    elif isinstance(node, dict):
        for value in node.values():
            yield from rule_patterns(value)


ADVERSARIAL = (" ", "\t", "a", "a ", "1 ", "- ", ".", "la ", "*", ": ")
RULE_WORDS = (
    "",
    "Stadiul proiectelor ",
    "Nr. proiect / acronim _1 CLS/a",
    "instrumentul de finantare ",
)


def test_no_rule_pattern_backtracks_catastrophically() -> None:
    """100,000 chars of what a pattern could trade back and forth: linear time, a second at most."""
    patterns = list(rule_patterns(RULES))
    assert len(patterns) >= 10
    for pattern in patterns:
        for unit in ADVERSARIAL:
            for words in RULE_WORDS:
                text = words + unit * (100_000 // len(unit)) + "x\t"
                started = time.perf_counter()
                pattern.search(text)
                assert time.perf_counter() - started < 1, (pattern.pattern, words, unit)


def test_pdf_library_messages_are_held_and_shown_with_debug(tmp_path: Path) -> None:
    path = tmp_path / "intors.pdf"
    path.write_bytes(_flipped(_report_pdf(), 2))  # its page loses its MediaBox: pdfminer warns
    quiet = run_cli("extract", str(path), "--pdf-engine", "pdfplumber")
    assert quiet.returncode == 2
    assert quiet.stderr.startswith("extractor: E011 intors.pdf: the PDF is damaged or truncated")
    assert quiet.stderr.count("\n") == 1
    debug = run_cli("extract", str(path), "--debug", "--pdf-engine", "pdfplumber")
    assert "extractor: debug: extractor.readers.pdf.plumber: pdfminer" in debug.stderr
    assert "Traceback" in debug.stderr
    assert debug.stderr.splitlines()[-1] == quiet.stderr.strip()
