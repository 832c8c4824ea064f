"""Print the Chromium fixture PDFs that tests/readers/test_pipeline_pdf.py reads.

A second PDF engine lays text out otherwise than fpdf2 (ragged right, breaks
after hyphens, its own running header and footer with a date, the page's
address and an `N/M` counter). The PDFs are printed once, here, and
committed, so the tests need no browser. Run it again after changing the
small report, the 2019 golden or the HTML rendering (Debian's `chromium`):

    .venv/bin/python tests/print_chromium_fixtures.py
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS))

from pdf_fixtures import render_html  # noqa: E402

FIXTURES = TESTS / "fixtures" / "chromium"
# (document, PDF name, with Chromium's own running header and footer)
PRINTS = (
    (TESTS / "fixtures" / "small-report.json", "small-report.pdf", False),
    (TESTS / "golden" / "cluster-inovativ-2019.json", "cluster-inovativ-2019.pdf", True),
)
FLAGS = (
    "--headless",
    "--no-sandbox",  # run as root on the project's machines
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def print_pdf(browser: str, document: dict[str, Any], target: Path, furniture: bool) -> None:
    """Given a document, print its HTML rendering to `target` with the browser."""
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "report.html"
        page.write_text(render_html(document), encoding="utf-8")
        command = [
            browser,
            *FLAGS,
            *([] if furniture else ["--no-pdf-header-footer"]),
            f"--user-data-dir={Path(folder) / 'profile'}",
            f"--print-to-pdf={target}",
            page.as_uri(),
        ]
        subprocess.run(command, check=True, capture_output=True, timeout=300)


def main() -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        sys.exit("install Chromium first (Debian: apt-get install chromium)")
    FIXTURES.mkdir(parents=True, exist_ok=True)
    for source, name, furniture in PRINTS:
        document = json.loads(source.read_text(encoding="utf-8"))
        print_pdf(browser, document, FIXTURES / name, furniture)
        print(f"printed {FIXTURES / name}")


if __name__ == "__main__":
    main()
