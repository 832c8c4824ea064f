"""The terminal and Markdown reports of a diff: summary, fields, items, places."""

from __future__ import annotations

from pathlib import Path

from second_year import (
    RULES,
    TEX_CIT,
    TEX_TRAINING,
    document_2019,
    document_2020,
    with_spans,
)

from extractor.compare.documents import diff_documents
from extractor.compare.render import render_markdown, render_terminal, where, word_changes

OLD, NEW = with_spans(document_2019(), 100), with_spans(document_2020(), 2000)
OLD_TEX, NEW_TEX = OLD["projects"][2], NEW["projects"][1]
SPANNED = diff_documents(OLD, NEW, RULES)
BARE = diff_documents(document_2019(), document_2020(), RULES)
SAME = diff_documents(document_2019(), document_2019(), RULES)


def line(span: dict) -> int:
    return span["line_start"]


OLD_BLOCK, NEW_BLOCK = line(OLD_TEX["span"]), line(NEW_TEX["span"])
OLD_MEMBERS = line(OLD_TEX["spans"]["cluster_members"])
NEW_MEMBERS = line(NEW_TEX["spans"]["cluster_members"])


def test_where_says_page_only_when_known() -> None:
    assert where({"page": None, "line_start": 7}) == "line 7"
    assert where({"page": 2, "line_start": 7}) == "page 2, line 7"
    assert where(None) == ""


def test_terminal_report_starts_with_the_summary() -> None:
    lines = render_terminal(SPANNED, "2019.json", "2020.json", colour=False).splitlines()
    assert lines[:3] == [
        "2019.json (2019-12-31) → 2020.json (2020-12-31)",
        "Projects: 1 added, 1 removed, 5 changed, 6 unchanged",
        "Changes: 11 fields; items 4 added, 5 removed, 3 modified",
    ]


def test_terminal_report_shows_fields_and_items_with_both_places() -> None:
    text = render_terminal(SPANNED, "2019.json", "2020.json", colour=False)
    assert (
        f"Project 2 INO-TEX (matched by acronym)  (old line {OLD_BLOCK}, new line {NEW_BLOCK})\n"
        in text
    )
    assert f"  cluster_members: 61 → 64  (old line {OLD_MEMBERS}, new line {NEW_MEMBERS})\n" in text
    old_ongoing = line(OLD_TEX["ongoing"]["span"])
    assert f"  ongoing: Activități în curs: → (none)  (old line {old_ongoing})\n" in text
    assert "  acronym: (none) → PROWOOD  (old line" in text
    added = line(NEW_TEX["results"]["items"][-1]["span"])
    removed = line(OLD_TEX["ongoing"]["items"][0]["span"])
    tex = text.index("Project 2 INO-TEX")
    assert text.index(f"  results:\n    + {TEX_TRAINING}  (new line {added})\n", tex) < text.index(
        f"  ongoing:\n    - {TEX_CIT}  (old line {removed})\n", tex
    )
    assert "    ~ Studiu privind stadiul actual" in text
    assert "      → Studiu privind stadiul actual" in text


def test_terminal_report_is_plain_without_colour_and_painted_with_it() -> None:
    plain = render_terminal(BARE, "a", "b", colour=False)
    painted = render_terminal(BARE, "a", "b", colour=True)
    assert "\x1b[" not in plain
    assert "\x1b[32m+ 6 NEWCLUS" in painted
    assert "\x1b[31m- 2 INDAGRO" in painted
    assert "(old line" not in plain


def test_identical_documents_say_so() -> None:
    text = render_terminal(SAME, "a", "b", colour=False)
    assert text.splitlines()[1:] == ["No differences (12 projects unchanged)."]
    assert "- No differences (12 projects unchanged).\n" in render_markdown(SAME, "a", "b")


def test_markdown_report_has_a_field_table_and_sections() -> None:
    text = render_markdown(SPANNED, "2019.json", "2020.json")
    assert text.startswith("# Diff: `2019.json` (2019-12-31) → `2020.json` (2020-12-31)\n")
    assert "- Projects: 1 added, 1 removed, 5 changed, 6 unchanged\n" in text
    assert (
        f"## 2 INO-TEX\n\nMatched by acronym (old line {OLD_BLOCK}, new line {NEW_BLOCK}).\n"
        in text
    )
    assert (
        f"| `cluster_members` | 61 | 64 | old line {OLD_MEMBERS}, new line {NEW_MEMBERS} |\n"
        in text
    )
    assert f"### ongoing\n\n- removed: ~~{TEX_CIT}~~" in text
    assert f"- added: {TEX_TRAINING}" in text


def test_markdown_escapes_table_pipes() -> None:
    old, new = document_2019(), document_2019()
    new["projects"][0]["title"] = "Titlu | nou"
    text = render_markdown(diff_documents(old, new, RULES), "a", "b")
    assert "| Titlu \\| nou |" in text


def test_word_changes_keep_every_word_of_both_texts_in_order() -> None:
    runs = word_changes("Au fost atrași 3 membri noi", "Au fost atrași 5 membri")
    assert runs == [("=", "Au fost atrași"), ("-", "3"), ("+", "5"), ("=", "membri"), ("-", "noi")]


def test_word_changes_of_inserted_deleted_and_replaced_runs_of_words() -> None:
    assert word_changes("Au fost membri", "Au fost atrași membri") == [
        ("=", "Au fost"),
        ("+", "atrași"),
        ("=", "membri"),
    ]
    assert word_changes("Au fost atrași membri", "Au fost membri") == [
        ("=", "Au fost"),
        ("-", "atrași"),
        ("=", "membri"),
    ]
    assert word_changes("Au fost trei membri noi", "Au fost cinci firme noi") == [
        ("=", "Au fost"),
        ("-", "trei membri"),
        ("+", "cinci firme"),
        ("=", "noi"),
    ]


def test_a_long_item_marks_only_its_changed_word() -> None:
    # 360 words, "de" a third of them: difflib's autojunk would take "de" for junk
    # and mark far more than the one number that changed.
    old = " ".join(f"de cuvântul {number}" for number in range(120))
    new = old.replace("cuvântul 60 ", "cuvântul 61 ", 1)
    runs = word_changes(old, new)
    assert [operation for operation, _ in runs] == ["=", "-", "+", "="]
    assert runs[1:3] == [("-", "60"), ("+", "61")]


def test_a_reworded_item_marks_its_changed_words() -> None:
    painted = render_terminal(BARE, "a", "b", colour=True)
    assert "\x1b[31mDezvoltarea de fișe de proiect - \x1b[7mcinci\x1b[27m fișe" in painted
    assert "\x1b[32mDezvoltarea de fișe de proiect - \x1b[7mșapte\x1b[27m fișe" in painted
    plain = render_terminal(BARE, "a", "b", colour=False)
    assert "    ~ Dezvoltarea de fișe de proiect - cinci fișe de proiect;\n" in plain
    assert "      → Dezvoltarea de fișe de proiect - șapte fișe de proiect;\n" in plain
    markdown = render_markdown(BARE, "a", "b")
    assert (
        "- modified: Dezvoltarea de fișe de proiect - ~~cinci~~ **șapte** fișe de proiect;\n"
        in (markdown)
    )


def test_markdown_field_table_drops_the_where_column_without_spans() -> None:
    text = render_markdown(BARE, "a", "b")
    assert "| field | old | new |\n|---|---|---|\n| `number` | 3 | 2 |\n" in text
    assert "| where |" not in text


RENDERED = Path(__file__).resolve().parent / "rendered"


def rendered_reports() -> tuple[str, str]:
    """The plain terminal and the Markdown report of the second year, with a few more edits:
    two websites where there was one, none where there was one, a title with `X` and `|`."""
    new = with_spans(document_2020(), 2000)
    by_number = {entry["number"]: entry for entry in new["projects"]}
    by_number[9]["websites"] = ["https://www.clujit.ro/cronos/", "https://cronos.ro/"]
    by_number[10]["websites"] = []
    by_number[6]["title"] = "Clusterul NEWCLUS | ediția a XII-a"
    diff = diff_documents(OLD, new, RULES)
    return (
        render_terminal(diff, "2019.json", "2020.json", colour=False),
        render_markdown(diff, "2019.json", "2020.json"),
    )


def test_both_reports_of_the_second_year_are_the_checked_ones() -> None:
    # Read line by line against the diff's content and spans: every line, blank or not.
    terminal, markdown = rendered_reports()
    assert terminal == (RENDERED / "second-year.txt").read_text(encoding="utf-8")
    assert markdown == (RENDERED / "second-year.md").read_text(encoding="utf-8")
