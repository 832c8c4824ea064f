"""Speed of the facts stage, printed as figures (not a test): `python bench/bench_enrich.py`.

- the time to build the fact pipeline (spaCy, lookup tables, rules), once per process;
- the time to enrich the 2019 report after that, and the extraction time with and
  without it: enrichment must not make the extraction take more than twice as long.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from extractor.enrich import enrich
from extractor.nlp import build_nlp
from extractor.pipeline import run_bytes
from extractor.rules import load_rules

REPORT = Path(__file__).resolve().parent.parent / "sources" / "cluster-inovativ-2019.txt"


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    rules = load_rules()
    start = time.perf_counter()
    nlp = build_nlp(rules.directory)
    built = time.perf_counter() - start
    print(f"fact pipeline built in {built * 1000:.0f} ms (once per process)")
    data = REPORT.read_bytes()
    extraction = run_bytes(data, REPORT.name, rules)  # warm caches, as a long-running process
    bullets = rules.markup.bullets
    enriching = median_seconds(
        lambda: enrich(extraction.data, extraction.source.text, nlp, bullets), repeat=20
    )
    whole = median_seconds(lambda: run_bytes(data, REPORT.name, rules), repeat=20)
    without = whole - enriching
    print(f"2019 report: enrichment {enriching * 1000:.1f} ms (median of 20)")
    print(
        f"extraction {whole * 1000:.1f} ms with enrichment, about {without * 1000:.1f} ms "
        f"without: x{whole / without:.2f} (limit x2), medians of 20"
    )


if __name__ == "__main__":
    main()
