"""Speed of text extraction, printed as figures (not a test): `python bench/bench.py`.

- the time to build the fact pipeline (spaCy, lookup tables, rules), once per process;
- the 2019 report's text extracted in process, after imports and that build: the whole
  extraction, the enrichment stage alone, and the rest (target: the rest under 50 ms,
  and the whole at most twice the rest);
- throughput on the report repeated 1, 10 and 100 times, which must scale linearly:
  the time per MiB stays flat when the input grows a hundredfold.
"""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

from timing import median_seconds

from extractor.enrich import enrich
from extractor.nlp import build_nlp
from extractor.pipeline import run_bytes
from extractor.rules import load_rules

REPORT = Path(__file__).resolve().parent.parent / "sources" / "cluster-inovativ-2019.txt"


def main() -> None:
    rules = load_rules()
    start = time.perf_counter()
    nlp = build_nlp(rules.directory)
    print(
        f"fact pipeline built in {(time.perf_counter() - start) * 1000:.0f} ms (once per process)"
    )

    data = REPORT.read_bytes()
    extraction = run_bytes(data, REPORT.name, rules)  # warm caches, as a long-running process
    whole = median_seconds(lambda: run_bytes(data, REPORT.name, rules), repeat=20)
    enriching = median_seconds(
        lambda: enrich(extraction.data, extraction.source.text, nlp, rules.markup.bullets),
        repeat=20,
    )
    rest = whole - enriching
    print(f"2019 report ({len(data) // 1024} KiB), medians of 20 runs:")
    print(f"  extraction without enrichment  {rest * 1000:6.1f} ms   (target < 50 ms)")
    print(f"  enrichment (facts)             {enriching * 1000:6.1f} ms")
    print(
        f"  whole extraction               {whole * 1000:6.1f} ms   (x{whole / rest:.2f}, limit x2)"
    )

    print("repeats  size (MiB)  seconds  s/MiB  peak traced memory (MiB)")
    for copies in (1, 10, 100):
        big = data * copies
        seconds = median_seconds(lambda big=big: run_bytes(big, "repeated.txt", rules), repeat=3)
        tracemalloc.start()
        run_bytes(big, "repeated.txt", rules)
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        mib = len(big) / 2**20
        print(f"{copies:7d}  {mib:10.2f}  {seconds:7.3f}  {seconds / mib:5.2f}  {peak:8.1f}")


if __name__ == "__main__":
    main()
