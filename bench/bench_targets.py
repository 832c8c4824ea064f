"""The speed targets of the tool, each a ratio with both sides measured in this one run.

Whole-process figures are CPU seconds (user + system) of a fresh process, the
median of `--repeat` runs after one unmeasured run (which also writes the lemma
cache). The commands of a ratio take turns, run after run: CPU time moves less than
wall time when other work shares the machine, but it moves (by half on a busy one).
The package is byte-compiled first, as an install compiles it: where
PYTHONDONTWRITEBYTECODE is set, every run would otherwise compile its sources anew.

- PDF: `extract` of the 2019 golden drawn as a PDF (tests/pdf_fixtures.py; 19 pages)
  and of it drawn four times over (73 pages), against a bare script that opens the
  PDF with pdfplumber and calls `extract_text()` on every page (targets 0.8 and 0.5),
  with pages per second beside those of `pdftotext` (poppler), the floor;
- text: `extract` of the 2019 report against `import spacy; spacy.blank('ro')` (1.3),
  and against the same with OpenBLAS on one thread, as the tool's command line starts it;
- in process, warm: the 2019 report to its JSON, facts included (20 ms), and the peak
  memory of writing the report repeated 100 times as `extract` does, a project at a
  time, above what was held before (10x its size);
- `text`, `schema`, `validate` and a JSON-to-JSON `diff` against `import pydantic` (1.5),
  the diff of the report with itself (every item pairs exactly) and with a copy whose
  first result of each project is reworded (scored by similarity, so with rapidfuzz);
  `validate` and `diff` check documents with prebuilt validators (extractor/prebuilt.py),
  as building any pydantic model would cost more than the target allows; beside them
  the floor of `diff`, a script importing the libraries it needs and nothing else
  (and the same with rapidfuzz, which a diff scoring texts by similarity imports).

`--parts` picks some of the three groups (pdf, start, warm); all by default.

Example:
  python bench/bench_targets.py --repeat 5
  python bench/bench_targets.py --parts start
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import tracemalloc
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from pdf_fixtures import render_pdf  # noqa: E402
from timing import best_seconds  # noqa: E402  (bench/timing.py, beside this file)

from extractor.emit import json_pieces, to_json, write_output  # noqa: E402
from extractor.pipeline import document_parts, run_bytes  # noqa: E402
from extractor.ruleset import load_rules  # noqa: E402

GOLDEN = ROOT / "tests" / "golden" / "cluster-inovativ-2019.json"
REPORT = ROOT / "sources" / "cluster-inovativ-2019.txt"
PYTHON = sys.executable
TOOL = [PYTHON, "-m", "extractor"]
PARTS = ("pdf", "start", "warm")
BARE_PDFPLUMBER = """
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        page.extract_text()
"""


def cpu_seconds(commands: Mapping[str, Sequence[str]], repeat: int) -> dict[str, float]:
    """Each command's median CPU seconds (user + system) in a fresh process, after a warm-up
    round. The commands take turns, run after run, so that a slow spell of the machine
    weighs on every side of a ratio alike rather than on the one measured during it."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for run in range(repeat + 1):
        for name, command in commands.items():
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
            _, status, usage = os.wait4(process.pid, 0)
            if os.waitstatus_to_exitcode(status) not in (0, 1):  # diff exits 1 on differences
                raise SystemExit(f"failed: {' '.join(command)}")
            if run:
                times[name].append(usage.ru_utime + usage.ru_stime)
    return {name: statistics.median(found) for name, found in times.items()}


def ratio_line(name: str, tool: float, base: float, base_name: str, target: float) -> str:
    ratio = tool / base
    verdict = "ok" if ratio <= target else "OVER"
    return (
        f"{name:<34} {tool:6.3f} s  {base_name:<24} {base:6.3f} s  "
        f"ratio {ratio:5.2f}  (target <= {target}: {verdict})"
    )


def golden_pdf(copies: int) -> bytes:
    """The 2019 golden's projects `copies` times over, drawn as one PDF by the tests' fixture."""
    document = json.loads(GOLDEN.read_text(encoding="utf-8"))
    document["projects"] = document["projects"] * copies
    return render_pdf(document)


def pdf_figures(folder: Path, repeat: int) -> None:
    rules = load_rules()
    pdftotext = shutil.which("pdftotext")
    for copies, target in ((1, 0.8), (4, 0.5)):
        data = golden_pdf(copies)
        path = folder / f"golden-x{copies}.pdf"
        path.write_bytes(data)
        pages = run_bytes(data, path.name, rules).document.source.pages or 1
        commands = {
            "tool": [*TOOL, "extract", "-q", str(path)],
            "bare": [PYTHON, "-c", BARE_PDFPLUMBER, str(path)],
        }
        if pdftotext:
            commands["floor"] = [pdftotext, str(path), "-"]
        seconds = cpu_seconds(commands, repeat)
        tool, bare, floor = seconds["tool"], seconds["bare"], seconds.get("floor")
        name = f"PDF extract, {pages} pages"
        print(ratio_line(name, tool, bare, "pdfplumber extract_text", target))
        rates = f"  pages/s: extractor {pages / tool:6.1f}, pdfplumber {pages / bare:6.1f}"
        print(rates + (f", pdftotext {pages / floor:6.1f} (floor)" if floor else ""))


# The libraries a JSON-to-JSON `diff` imports: the prebuilt validators (pydantic_core),
# the item text's cleaning (regex), fuzzy matching (rapidfuzz), diff.toml, the CLI, JSON.
# What `diff` of two documents imports besides the interpreter and its own code; a diff
# that scores texts by similarity also imports rapidfuzz.
DIFF_LIBRARIES = "import pydantic_core, tomllib, argparse, json"


def reworded(path: Path) -> dict[str, Any]:
    """The document at `path` with the first item of every project's results reworded, as a
    next year's report would: the diff must score items by similarity (rapidfuzz)."""
    document = json.loads(path.read_text(encoding="utf-8"))
    for project in document["projects"]:
        items = project["results"]["items"]
        if items:
            items[0]["text"] += " (actualizat)"
    return document


def start_figures(folder: Path, repeat: int) -> None:
    document = folder / "cluster-inovativ-2019.json"
    subprocess.run([*TOOL, "extract", "-q", str(REPORT), "-o", str(document)], check=True)
    changed = folder / "cluster-inovativ-reworded.json"
    changed.write_text(json.dumps(reworded(document)), encoding="utf-8")
    blank = [PYTHON, "-c", "import spacy; spacy.blank('ro')"]
    extract = {
        "spacy": blank,
        # The tool's command line starts numpy's OpenBLAS with one thread: the same
        # baseline on that footing, so the ratio's gain from it shows.
        "spacy, one thread": ["env", "OPENBLAS_NUM_THREADS=1", *blank],
        "tool": [*TOOL, "extract", "-q", str(REPORT)],
    }
    seconds = cpu_seconds(extract, repeat)
    tool = seconds["tool"]
    print(
        ratio_line("text extract, whole process", tool, seconds["spacy"], "spacy.blank('ro')", 1.3)
    )
    base = seconds["spacy, one thread"]
    print(ratio_line("", tool, base, "the same, one BLAS thread", 1.3))
    commands = {
        "import pydantic": [PYTHON, "-c", "import pydantic"],
        # What `diff` cannot do without: its libraries, imported and nothing run.
        "floor of diff: its libraries": [PYTHON, "-c", DIFF_LIBRARIES],
        "floor of diff, with rapidfuzz": [PYTHON, "-c", f"{DIFF_LIBRARIES}, rapidfuzz"],
        "text": [*TOOL, "text", str(REPORT)],
        "schema": [*TOOL, "schema"],
        "validate": [*TOOL, "validate", str(document)],
        "diff (JSON to JSON)": [*TOOL, "diff", str(document), str(document), "--format", "json"],
        "diff, to a changed year": [*TOOL, "diff", str(document), str(changed), "--format", "json"],
    }
    seconds = cpu_seconds(commands, repeat)
    pydantic = seconds.pop("import pydantic")
    for name, tool in seconds.items():
        print(ratio_line(name, tool, pydantic, "import pydantic", 1.5))


def in_process_figures() -> None:
    rules = load_rules()
    data = REPORT.read_bytes()
    to_json(run_bytes(data, REPORT.name, rules).document)  # builds the fact pipeline once

    def extract_to_json(data: bytes = data) -> str:
        return to_json(run_bytes(data, REPORT.name, rules).document)

    seconds = best_seconds(extract_to_json)
    verdict = "ok" if seconds <= 0.020 else "OVER"
    print(f"in process, warm, 2019 report to JSON with facts: {seconds * 1000:.1f} ms ", end="")
    print(f"(best of 50; target <= 20 ms: {verdict})")
    big = data * 100
    with tempfile.TemporaryDirectory() as folder:
        tracemalloc.start()
        start = tracemalloc.get_traced_memory()[0]
        # As `extract` writes a document: a project at a time, never whole in memory.
        parts = document_parts(big, rules, name=REPORT.name)
        pieces = json_pieces(parts.opening(), parts.projects(), parts.closing)
        write_output(Path(folder) / "big.json", pieces)
        del parts, pieces
        peak = tracemalloc.get_traced_memory()[1] - start
        tracemalloc.stop()
    ratio = peak / len(big)
    verdict = "ok" if ratio < 10 else "OVER"
    print(
        f"peak memory at 100x the report ({len(big) / 2**20:.1f} MiB): "
        f"{peak / 2**20:.1f} MiB above the start, x{ratio:.1f} its size (target < 10: {verdict})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="measured runs of each command")
    parser.add_argument(
        "--parts",
        nargs="+",
        choices=PARTS,
        default=PARTS,
        help="which figures: PDF extraction, whole-process start-up, in process warm (all)",
    )
    args = parser.parse_args()
    compileall.compile_dir(ROOT / "extractor", quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        if "pdf" in args.parts:
            pdf_figures(Path(folder), args.repeat)
        if "start" in args.parts:
            start_figures(Path(folder), args.repeat)
    if "warm" in args.parts:
        in_process_figures()
    return 0


if __name__ == "__main__":
    sys.exit(main())
