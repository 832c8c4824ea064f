"""Speed of text extraction, printed as figures (not a test): `python bench/bench.py`.

- the time to build the fact pipeline (spaCy, lookup tables, rules), once per process;
- the 2019 report's text extracted in process, after imports and that build: the
  stages up to the validated document without enrichment (target: under 50 ms), the
  enrichment stage alone, and the JSON emission; and how much slower enrichment makes
  the document, and the JSON output (limit: twice);
- throughput on the report repeated 1, 10 and 100 times, which must scale linearly:
  the time per MiB stays flat when the input grows a hundredfold. It is also shown
  with Python's cyclic garbage collector off, whose full passes grow with the heap:
  what growth remains with it on is the collector's, not the extractor's.
"""

from __future__ import annotations

import gc
import time
import tracemalloc
from pathlib import Path

from timing import best_seconds, median_seconds

from extractor.emit import to_json
from extractor.nlp.components import build_nlp
from extractor.nlp.enrich import enrich
from extractor.pipeline import run_bytes
from extractor.ruleset import load_rules

REPORT = Path(__file__).resolve().parent.parent / "sources" / "cluster-inovativ-2019.txt"


def main() -> None:
    rules = load_rules()
    start = time.perf_counter()
    nlp = build_nlp(rules)
    print(
        f"fact pipeline built in {(time.perf_counter() - start) * 1000:.0f} ms (once per process)"
    )

    data = REPORT.read_bytes()
    extraction = run_bytes(data, REPORT.name, rules)  # warm caches, as a long-running process
    whole = best_seconds(lambda: run_bytes(data, REPORT.name, rules))
    enriching = best_seconds(
        lambda: enrich(extraction.data, extraction.source, nlp, rules.markup.bullets)
    )
    emitting = best_seconds(lambda: to_json(extraction.document))
    rest = whole - enriching
    print(f"2019 report ({len(data) // 1024} KiB), best of 50 runs each, in process:")
    print(f"  load to validated document, no enrichment  {rest * 1000:6.1f} ms  (target < 50 ms)")
    print(f"  enrichment (facts, indicators)             {enriching * 1000:6.1f} ms")
    print(f"  emit JSON                                  {emitting * 1000:6.1f} ms")
    print(
        f"  enrichment makes the document x{whole / rest:.2f} slower, "
        f"the JSON output x{(whole + emitting) / (rest + emitting):.2f} (limit x2)"
    )

    print("repeats  size (MiB)  seconds  s/MiB  s/MiB without cyclic GC  peak traced memory (MiB)")
    for copies in (1, 10, 100):
        big = data * copies
        seconds = median_seconds(lambda big=big: run_bytes(big, "repeated.txt", rules), repeat=3)
        gc.disable()
        without_gc = best_seconds(lambda big=big: run_bytes(big, "repeated.txt", rules), repeat=3)
        gc.enable()
        tracemalloc.start()
        run_bytes(big, "repeated.txt", rules)
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        mib = len(big) / 2**20
        print(
            f"{copies:7d}  {mib:10.2f}  {seconds:7.3f}  {seconds / mib:5.2f}  "
            f"{without_gc / mib:23.2f}  {peak:8.1f}"
        )


if __name__ == "__main__":
    main()
