"""The review page in a real browser: Debian's Chromium, headless, driven by Playwright.

The page is opened from file:// as a person would open it. Chromium is the
system one (`.ci/run` installs Debian's `chromium`); Playwright never downloads
a browser of its own here. If Chromium cannot be started the tests fail.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import REPORT_2019, ROOT
from pdf_fixtures import Layout, render_pdf
from playwright.sync_api import Browser, Page, sync_playwright

from extractor.cli.main import main
from extractor.pipeline import extract

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
SCREENSHOT = ROOT / "docs" / "review.png"
AGENDA = "Agenda strategică CDI preliminară"
SMALL = json.loads((ROOT / "tests" / "fixtures" / "small-report.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except Exception as error:
            pytest.fail(
                f"cannot start Chromium ({CHROMIUM}): {error}. Install Debian's chromium "
                "(.ci/run does: apt-get install -y chromium)",
                pytrace=False,
            )
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return extract(REPORT_2019).model_dump(mode="json")


@pytest.fixture(scope="module")
def report_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("review") / "review.html"
    assert main(["review", str(REPORT_2019), "-o", str(target), "-q"]) == 0
    return target


@pytest.fixture(scope="module")
def diff_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 2019 report against a copy: CRONOS has 58 members, one Ino Tex result is gone."""
    folder = tmp_path_factory.mktemp("diff")
    text = REPORT_2019.read_text(encoding="utf-8")
    later = text.replace("Stelian Brad\t54\t", "Stelian Brad\t58\t")
    later = "\n".join(line for line in later.split("\n") if not line.startswith(f"- {AGENDA}"))
    (folder / "later.txt").write_text(later, encoding="utf-8")
    target = folder / "diff.html"
    assert (
        main(["review", str(REPORT_2019), str(folder / "later.txt"), "-o", str(target), "-q"]) == 0
    )
    return target


def open_page(browser: Browser, path: Path, requests: list[str] | None = None) -> Page:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    if requests is not None:
        page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri())
    assert errors == []
    return page


def highlighted(page: Page, pane: str = "src") -> list[int]:
    found = page.locator(f'.line.hl[data-pane="{pane}"]').evaluate_all(
        "lines => lines.map(line => Number(line.dataset.line))"
    )
    return list(found)


def item_span(document: dict[str, Any], number: int, section: str, index: int) -> dict[str, Any]:
    project = next(p for p in document["projects"] if p["number"] == number)
    return project[section]["items"][index - 1]["span"]


def test_page_loads_from_disk_with_no_network_and_shows_12_projects(
    browser: Browser, report_html: Path
) -> None:
    requests: list[str] = []
    page = open_page(browser, report_html, requests)
    assert requests == [report_html.as_uri()]
    assert page.locator("section.project").count() == 12
    assert page.locator("nav.projects a").all_inner_texts()[:3] == [
        "1 INOV-TREC",
        "2 INDAGRO",
        "3 Ino Tex",
    ]
    assert page.locator("section.project .coverage").count() == 12
    page.close()


def test_clicking_an_item_highlights_its_source_line(
    browser: Browser, report_html: Path, document: dict[str, Any]
) -> None:
    page = open_page(browser, report_html)
    span = item_span(document, 3, "results", 2)
    page.locator('#project-3 li.item[data-path="results/2"]').click()
    assert highlighted(page) == [span["line_start"]]
    source = REPORT_2019.read_text(encoding="utf-8")
    marked = page.locator(".line.hl mark").inner_text()
    assert marked == source[span["char_start"] : span["char_end"]]
    assert AGENDA in marked
    line = page.locator(f'.line[data-line="{span["line_start"]}"]')
    assert line.is_visible()
    page.close()


def test_clicking_a_source_line_selects_its_item(
    browser: Browser, report_html: Path, document: dict[str, Any]
) -> None:
    page = open_page(browser, report_html)
    for number, section, index in ((3, "results", 2), (9, "ongoing", 1), (12, "objective", 1)):
        span = item_span(document, number, section, index)
        page.locator(f'.line[data-line="{span["line_start"]}"]').click()
        selected = page.locator(".pick.selected")
        assert selected.count() == 1
        assert selected.get_attribute("data-path") == f"{section}/{index}"
        project = selected.evaluate("pick => pick.closest('section.project').dataset.number")
        assert project == str(number)
        assert selected.is_visible()
    page.close()


def test_clicking_a_fact_marks_its_words(
    browser: Browser, report_html: Path, document: dict[str, Any]
) -> None:
    page = open_page(browser, report_html)
    page.locator('#project-3 li.item[data-path="results/1"] .fact').first.click()
    fact = next(
        fact for item in document["projects"][2]["results"]["items"][:1] for fact in item["facts"]
    )
    assert page.locator(".line.hl mark").inner_text() == fact["text"]
    page.close()


def test_warnings_and_unparsed_lines_are_marked(
    browser: Browser, report_html: Path, document: dict[str, Any]
) -> None:
    page = open_page(browser, report_html)
    unparsed = sorted(entry["span"]["line_start"] for entry in document["unparsed"])
    found = page.locator(".line.unparsed").evaluate_all(
        "lines => lines.map(line => Number(line.dataset.line))"
    )
    assert found == unparsed
    warned = page.locator(".line.warn")
    assert warned.count() == 1
    assert "missing_header" in (warned.get_attribute("title") or "")
    page.close()


def test_screenshot_for_a_person(
    browser: Browser, report_html: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """`pytest --update-goldens` rewrites docs/review.png, the README's picture."""
    page = open_page(browser, report_html)
    page.locator('#project-3 li.item[data-path="results/2"]').click()
    target = SCREENSHOT if request.config.getoption("--update-goldens") else tmp_path / "r.png"
    page.screenshot(path=str(target))
    page.close()
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert SCREENSHOT.exists()
    assert "docs/review.png" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_diff_page_links_each_change_to_both_sources(browser: Browser, diff_html: Path) -> None:
    requests: list[str] = []
    page = open_page(browser, diff_html, requests)
    assert requests == [diff_html.as_uri()]
    members = page.locator(".field-change", has_text="cluster_members")
    members.click()
    # the later text lost one line above CRONOS, so its table row is one line higher
    (old_line,) = highlighted(page, "old")
    assert highlighted(page, "new") == [old_line - 1]
    assert page.locator(f'.line[data-pane="new"][data-line="{old_line - 1}"]').is_visible()
    page.locator(f'.line[data-pane="new"][data-line="{old_line - 1}"]').click()
    assert "cluster_members" in page.locator(".pick.selected").inner_text()
    removed = page.locator(".change.removed", has_text=AGENDA)
    removed.click()
    assert highlighted(page, "new") == []
    (line,) = highlighted(page, "old")
    assert page.locator(f'.line[data-pane="old"][data-line="{line}"]').get_attribute("class") == (
        "line del hl"
    )
    page.close()


def test_review_refuses_a_document(tmp_path: Path, capsys, document: dict[str, Any]) -> None:
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert main(["review", str(path), "-o", str(tmp_path / "r.html")]) == 2
    assert capsys.readouterr().err.startswith("extractor: E004 ")
    assert not (tmp_path / "r.html").exists()


def test_a_pdf_review_marks_where_each_page_starts(tmp_path: Path) -> None:
    path = tmp_path / "small.pdf"
    path.write_bytes(
        render_pdf(SMALL, Layout(bottom_before=frozenset({"header:2", "results:1.2"})))
    )
    target = tmp_path / "small.html"
    assert main(["review", str(path), "-o", str(target), "-q"]) == 0
    html = target.read_text(encoding="utf-8")
    assert re.findall(r'<div class="page-mark">page (\d+)</div>', html) == ["1", "2", "3"]


def click_on_words(page: Page, line: int, words: str, pane: str = "src") -> None:
    """Click in the middle of `words` on a source line, as a person would."""
    box = page.locator(f'.line[data-pane="{pane}"][data-line="{line}"] .text').evaluate(
        """(text, words) => {
            const node = text.firstChild;
            const range = document.createRange();
            const at = node.textContent.indexOf(words);
            range.setStart(node, at);
            range.setEnd(node, at + words.length);
            const box = range.getClientRects()[0];
            return {x: box.x + box.width / 2, y: box.y + box.height / 2};
        }""",
        words,
    )
    page.mouse.click(box["x"], box["y"])


def test_clicking_a_table_cell_selects_its_field(
    browser: Browser, report_html: Path, document: dict[str, Any]
) -> None:
    page = open_page(browser, report_html)
    cronos = next(p for p in document["projects"] if p["acronym"] == "CRONOS")
    row = cronos["spans"]["director"]["line_start"]
    page.locator(f'.line[data-line="{row}"]').scroll_into_view_if_needed()
    for words, field in (("Stelian Brad", "director"), ("ASOCIAȚIA CLUJ IT", "coordinator")):
        click_on_words(page, row, words)
        selected = page.locator(".pick.selected")
        assert selected.get_attribute("data-field") == field
        assert selected.evaluate("pick => pick.closest('section.project').dataset.number") == "9"
    page.close()
