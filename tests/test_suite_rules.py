"""The suite's own rules, each run in a fresh pytest process on a temp copy of what it needs:
a CI run that skips a test fails, and `--update-goldens` shows what it rewrites and fails."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import GOLDEN, ROOT, SOURCES

TESTS = ROOT / "tests"


def run_pytest(folder: Path, *args: str, ci: bool) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "CI"}
    if ci:
        env["CI"] = "true"
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args]
    return subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, check=False)


SKIPPING_TESTS = """
import pytest


def test_runs() -> None:
    assert 1 + 1 == 2


def test_skips() -> None:
    pytest.skip("no engine here")
"""


def test_a_ci_run_that_skips_a_test_fails_and_names_it(tmp_path: Path) -> None:
    shutil.copy(TESTS / "conftest.py", tmp_path)
    (tmp_path / "test_sample.py").write_text(SKIPPING_TESTS, encoding="utf-8")
    in_ci = run_pytest(tmp_path, ci=True)
    assert in_ci.returncode == 1, in_ci.stdout
    assert "1 passed, 1 skipped" in in_ci.stdout
    assert "skipped: test_sample.py::test_skips" in in_ci.stdout
    assert run_pytest(tmp_path, ci=False).returncode == 0
    assert run_pytest(tmp_path, "-k", "runs", ci=True).returncode == 0


def test_update_goldens_shows_the_diff_fails_and_the_next_run_passes(tmp_path: Path) -> None:
    shutil.copytree(SOURCES, tmp_path / "sources")
    tests = tmp_path / "tests"
    shutil.copytree(GOLDEN, tests / "golden")
    for name in ("conftest.py", "test_golden.py"):
        shutil.copy(TESTS / name, tests)
    golden = tests / "golden" / "cluster-inovativ-2019.json"
    right = golden.read_text(encoding="utf-8")
    wrong = right.replace('"director": "Adrian Bot"', '"director": "Adrian Bott"', 1)
    assert wrong != right
    golden.write_text(wrong, encoding="utf-8")

    rewriting = run_pytest(tmp_path, "tests", "--update-goldens", ci=False)
    assert rewriting.returncode == 1
    # The diff is on the terminal though pytest captures the test's output.
    assert '-      "director": "Adrian Bott",' in rewriting.stdout
    assert '+      "director": "Adrian Bot",' in rewriting.stdout
    assert "rewrote golden/cluster-inovativ-2019.json" in rewriting.stdout
    assert golden.read_text(encoding="utf-8") == right

    again = run_pytest(tmp_path, "tests", ci=False)
    assert again.returncode == 0, again.stdout
