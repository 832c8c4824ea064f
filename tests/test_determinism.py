"""The same input gives the same bytes, whatever the hash seed, also in runs side by side."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import REPORT_2019


def test_same_bytes_across_hash_seeds_and_parallel_runs(tmp_path: Path) -> None:
    runs = []
    for seed in ("0", "4242"):
        out = tmp_path / f"seed-{seed}.json"
        command = [sys.executable, "-m", "extractor", "extract", str(REPORT_2019), "-o", str(out)]
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        runs.append((out, subprocess.Popen(command, env=environment, stderr=subprocess.PIPE)))
    for _, process in runs:
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == 0, stderr
    outputs = {out.read_bytes() for out, _ in runs}
    assert len(outputs) == 1
