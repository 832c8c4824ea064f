"""Shared test options and paths."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
GOLDEN = Path(__file__).resolve().parent / "golden"
REPORT_2019 = SOURCES / "cluster-inovativ-2019.txt"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite tests/golden/*.json from the tool's output, printing the diff",
    )
