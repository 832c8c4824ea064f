"""Speed of extraction, printed as figures (not a test): `python bench/bench.py`.

- the 2019 report's text extracted in process, after imports (target: under 50 ms);
- throughput on the report repeated 1, 10 and 100 times, which must scale
  linearly: the per-MB time stays flat when the input grows a hundredfold.
"""

from __future__ import annotations

import statistics
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

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
    data = REPORT.read_bytes()
    run_bytes(data, REPORT.name, rules)  # warm caches, as a long-running process would
    once = median_seconds(lambda: run_bytes(data, REPORT.name, rules), repeat=20)
    print(f"2019 report, {len(data) // 1024} KiB: {once * 1000:.1f} ms (median of 20, target < 50)")
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
