"""Peak memory of `extractor extract` on large and hostile inputs, printed as figures (not a test).

`python bench/bench_memory.py` runs the installed command once per input in a
fresh process and prints, beside each input's size, the process's peak resident
memory, its excess over the fixed start (the 2019 report: spaCy, the lemma
table, the rules) and that excess as a multiple of the input size. The bound to
meet: peak under 20x the input plus the fixed start; a 10 MB text under 1 GiB.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPORT = Path(__file__).resolve().parent.parent / "sources" / "cluster-inovativ-2019.txt"
MIB = 1024 * 1024

# The child prints its own peak resident set (KiB on Linux) after the command returns.
CHILD = """
import resource, sys
from extractor.cli.main import main
status = main(sys.argv[1:])
print(status, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def inputs() -> list[tuple[str, Callable[[], bytes]]]:
    report = REPORT.read_bytes()
    return [
        ("2019 report (fixed start)", lambda: report),
        ("report x20", lambda: report * 20),
        ("report x200", lambda: report * 200),
        (
            "100,000 header lines",
            lambda: "".join(
                f"Nr.proiect/acronim _{n} CLS/ACR{n}\n" for n in range(1, 100_001)
            ).encode(),
        ),
        ("a 1 MB line", lambda: b"a \t" * 350_000),
    ]


def peak(path: Path, out: Path) -> tuple[int, int, float]:
    """The exit status, peak KiB and seconds of one extraction in a fresh process."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", CHILD, "extract", str(path), "-o", str(out), "-q"],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    status, kib = result.stderr.splitlines()[-1].split()
    return int(status), int(kib), seconds


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        start_kib = None
        print(f"{'input':<28}{'size':>10}{'peak':>10}{'excess':>10}{'ratio':>8}{'time':>9}")
        for name, make in inputs():
            path = Path(folder) / "input.txt"
            data = make()
            path.write_bytes(data)
            status, kib, seconds = peak(path, Path(folder) / "out.json")
            start_kib = start_kib if start_kib is not None else kib
            excess = max(kib - start_kib, 0) * 1024
            ratio = excess / len(data)
            print(
                f"{name:<28}{len(data) / MIB:>8.2f}MB{kib / 1024:>8.0f}MB"
                f"{excess / MIB:>8.0f}MB{ratio:>7.1f}x{seconds:>8.1f}s  exit {status}"
            )


if __name__ == "__main__":
    main()
