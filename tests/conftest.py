"""Shared test options and paths, the golden-file check, and the rule that CI skips nothing."""

from __future__ import annotations

import difflib
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
GOLDEN = Path(__file__).resolve().parent / "golden"
REPORT_2019 = SOURCES / "cluster-inovativ-2019.txt"
# The console script `pip install` made, beside the interpreter running the tests.
EXTRACTOR = Path(sys.executable).parent / "extractor"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite tests/golden/*.json from the tool's output, show the diff and fail the run",
    )


def check_golden_text(
    path: Path,
    name: str,
    actual: str,
    actual_name: str,
    request: pytest.FixtureRequest,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Fail with the diff when `actual` is not the text of golden file `path` (shown as
    `name`). With --update-goldens, rewrite the file, show the diff outside pytest's capture
    and fail, so that a rewrite is always seen; the next run, against the new file, passes."""
    diff = "".join(
        difflib.unified_diff(
            path.read_text(encoding="utf-8").splitlines(keepends=True),
            actual.splitlines(keepends=True),
            name,
            actual_name,
        )
    )
    if diff and request.config.getoption("--update-goldens"):
        path.write_text(actual, encoding="utf-8")
        with capsys.disabled():
            print(f"\nrewrote {name}:\n{diff}")
        pytest.fail(f"rewrote {name}: read the diff above, then run again")
    assert not diff, (
        f"{name} is not the {actual_name} (pytest --update-goldens rewrites it):\n" + diff
    )


class NoSkipsInCI:
    """With CI=true a skipped test fails the run: what CI does not run, it does not check."""

    def __init__(self) -> None:
        self.skipped: list[str] = []

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.skipped and not hasattr(report, "wasxfail"):
            self.skipped.append(report.nodeid)

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        if self.skipped:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        if self.skipped:
            terminalreporter.write_line(
                f"CI=true and {len(self.skipped)} test(s) skipped, which fails the run: "
                "install what they need in .ci/run or give them committed fixtures",
                red=True,
            )
            for nodeid in self.skipped:
                terminalreporter.write_line(f"  skipped: {nodeid}", red=True)


def pytest_configure(config: pytest.Config) -> None:
    if os.environ.get("CI") == "true":
        config.pluginmanager.register(NoSkipsInCI(), "no-skips-in-ci")
