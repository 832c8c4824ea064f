"""The terminal and Markdown reports of a diff: summary, fields, items, places."""

from __future__ import annotations

from test_diff import RULES, document_2019, document_2020, with_spans

from extractor.diff import diff_documents
from extractor.diff_render import render_markdown, render_terminal, where

SPANNED = diff_documents(with_spans(document_2019(), 100), with_spans(document_2020(), 500), RULES)
BARE = diff_documents(document_2019(), document_2020(), RULES)
SAME = diff_documents(document_2019(), document_2019(), RULES)


def test_where_says_page_only_when_known() -> None:
    assert where({"page": None, "line_start": 7}) == "line 7"
    assert where({"page": 2, "line_start": 7}) == "page 2, line 7"
    assert where(None) == ""


def test_terminal_report_starts_with_the_summary() -> None:
    lines = render_terminal(SPANNED, "2019.json", "2020.json", colour=False).splitlines()
    assert lines[:3] == [
        "2019.json (2019-12-31) → 2020.json (2020-12-31)",
        "Projects: 1 added, 1 removed, 2 changed, 1 unchanged",
        "Changes: 8 fields; items 1 added, 2 removed, 2 modified",
    ]


def test_terminal_report_shows_fields_and_items_with_both_places() -> None:
    text = render_terminal(SPANNED, "2019.json", "2020.json", colour=False)
    assert "Project 2 INO-TEX (matched by acronym)  (old line 122, new line 514)" in text
    assert "  cluster_members: 61 → 64  (old line 127, new line 519)\n" in text
    assert "  acronym: (none) → PROWOOD  (old line 136, new line 526)\n" in text
    assert "  ongoing: Activități în curs: → (none)  (old line 132)\n" in text
    assert "  + 6 NEWCLUS: Clusterul de inovare pentru economie circulară NEWCLUS" in text
    results = text.index("  results:\n")
    assert text.index("    + S-au organizat sesiuni de instruire", results) < text.index(
        "  ongoing:\n    - Planificarea dezvoltării", results
    )
    assert "~ Studiu privind stadiul actual" in text
    assert "→ Studiu privind stadiul actual" in text
    assert "30 de firme fiind intervievate" in text


def test_terminal_report_is_plain_without_colour_and_painted_with_it() -> None:
    plain = render_terminal(BARE, "a", "b", colour=False)
    painted = render_terminal(BARE, "a", "b", colour=True)
    assert "\x1b[" not in plain
    assert "\x1b[32m+ 6 NEWCLUS" in painted
    assert "\x1b[31m- 2 INDAGRO" in painted
    assert "(old line" not in plain


def test_identical_documents_say_so() -> None:
    text = render_terminal(SAME, "a", "b", colour=False)
    assert text.splitlines()[1:] == ["No differences (4 projects unchanged)."]
    assert "No differences (4 projects unchanged)." in render_markdown(SAME, "a", "b")


def test_markdown_report_has_a_field_table_and_sections() -> None:
    text = render_markdown(SPANNED, "2019.json", "2020.json")
    assert text.startswith("# Diff: `2019.json` (2019-12-31) → `2020.json` (2020-12-31)\n")
    assert "- Projects: 1 added, 1 removed, 2 changed, 1 unchanged\n" in text
    assert "## 2 INO-TEX\n\nMatched by acronym (old line 122, new line 514).\n" in text
    assert "| `cluster_members` | 61 | 64 | old line 127, new line 519 |\n" in text
    assert "### ongoing\n\n- removed: ~~Planificarea dezvoltării" in text
    assert "- added: S-au organizat sesiuni de instruire" in text


def test_markdown_escapes_table_pipes() -> None:
    old, new = document_2019(), document_2019()
    new["projects"][0]["title"] = "Titlu | nou"
    text = render_markdown(diff_documents(old, new, RULES), "a", "b")
    assert "| Titlu \\| nou |" in text
