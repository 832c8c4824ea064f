"""Time the tool on a 20+ page PDF beside pdfplumber's bare `extract_text()` over the same pages.

The PDF is the 2019 golden drawn twice over (tests/pdf_fixtures.py), with ruled
tables and running header and footer. Both timings run in this one process, the
median of `--repeat` runs each; the ratio is tool / bare, and should stay under 1.5.
Then the peak memory of the tool on the golden drawn 1, 2 and 4 times: pages are
closed once read, but their glyphs stay until the text is written (running heads
are found across all pages), so the peak grows by the figure per page.

Example:
  python bench/bench_pdf.py --repeat 3
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tracemalloc
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from pdf_fixtures import render_pdf  # noqa: E402
from timing import median_seconds  # noqa: E402  (bench/timing.py, beside this file)

from extractor.pipeline import run_bytes  # noqa: E402
from extractor.ruleset import load_rules  # noqa: E402

GOLDEN = ROOT / "tests" / "golden" / "cluster-inovativ-2019.json"
RATIO_LIMIT = 1.5


def bench_pdf(copies: int = 2) -> bytes:
    """The golden's projects `copies` times over, drawn as one PDF."""
    document = json.loads(GOLDEN.read_text(encoding="utf-8"))
    document["projects"] = document["projects"] * copies
    return render_pdf(document)


def bare(data: bytes) -> int:
    """pdfplumber alone: each page's text, pages closed as read (chars read, for a check)."""
    total = 0
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            total += len(page.extract_text() or "")
            page.close()
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each, the median taken")
    parser.add_argument("--copies", type=int, default=2, help="times the golden is drawn")
    args = parser.parse_args()
    data = bench_pdf(args.copies)
    rules = load_rules()
    pages = run_bytes(data, "bench.pdf", rules).document.source.pages
    tool = median_seconds(lambda: run_bytes(data, "bench.pdf", rules), args.repeat)
    plain = median_seconds(lambda: bare(data), args.repeat)
    ratio = tool / plain
    verdict = "ok" if ratio < RATIO_LIMIT else f"over {RATIO_LIMIT}"
    print(f"pages: {pages}")
    print(f"extractor (whole pipeline): {tool:.3f} s ({tool / pages * 1000:.1f} ms/page)")
    print(f"pdfplumber extract_text:    {plain:.3f} s ({plain / pages * 1000:.1f} ms/page)")
    print(f"overhead ratio: {ratio:.2f} ({verdict})")
    print("memory: copies  pages  peak traced (MiB)  per page (MiB)")
    for copies in (1, 2, 4):
        drawn = bench_pdf(copies)
        tracemalloc.start()
        count = run_bytes(drawn, "bench.pdf", rules).document.source.pages or 1
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        print(f"        {copies:6d}  {count:5d}  {peak:17.1f}  {peak / count:14.2f}")
    return 0 if ratio < RATIO_LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
