"""The website line: a label, then bare URLs on the line or on the lines below."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT
from pdf_fixtures import render_text
from records import RULES, records_of

from extractor.parsing.website import is_url_only, label_length, read_websites, urls_in
from extractor.pipeline import extract
from extractor.reading.records import Record

WEBSITE = RULES.sections.website


def fragments_of(text: str) -> tuple[Record, ...]:
    """One record per non-blank line, a glued bold heading split off as the pipeline does."""
    return records_of(text)


def websites(text: str) -> tuple[list[str], int]:
    fragments = fragments_of(text)
    ranges, after, extra = read_websites(fragments, 0, WEBSITE)
    assert extra == ""
    return [text[start:end] for start, end in ranges], after


# (text from the label line on, URLs, index of the first fragment not used)
TEST_CASES = [
    pytest.param(
        "Site proiect\t\thttp://transylvaniatextile.eu\t\t\t\t",
        ["http://transylvaniatextile.eu"],
        1,
        id="after-tabs",
    ),
    pytest.param("Site proiecthttp://x.ro/a.htm", ["http://x.ro/a.htm"], 1, id="glued"),
    pytest.param(
        "Site proiecthttp://www.inma.ro/p.htm**Obiectivul proiectului:**",
        ["http://www.inma.ro/p.htm"],
        1,
        id="glued-both-sides",
    ),
    pytest.param(
        "Site proiect<https://www.asticone.eu/Proiect/Details/1164>**Obiectivul proiectului:**",
        ["https://www.asticone.eu/Proiect/Details/1164"],
        1,
        id="autolink-glued",
    ),
    pytest.param(
        "Site proiect\n\n<https://x.ro/>\n\nObiectivul proiectului:",
        ["https://x.ro/"],
        2,
        id="autolink-next-line",
    ),
    pytest.param("Site proiect\n\nhttps://x.ro/", ["https://x.ro/"], 2, id="url-line-last-of-all"),
    pytest.param(
        "Site proiect\n<http://a.ro/>\nhttps://b.ro/x\n\nText.",
        ["http://a.ro/", "https://b.ro/x"],
        3,
        id="urls-on-lines-below",
    ),
    pytest.param(
        "Site proiect\thttp://a.ro/, http://b.ro/x; www.c.ro.",
        ["http://a.ro/", "http://b.ro/x", "www.c.ro"],
        1,
        id="several-on-the-line",
    ),
    pytest.param(
        "Site proiect: http://a.ro/x).",
        ["http://a.ro/x"],
        1,
        id="trailing-punctuation",
    ),
    pytest.param(
        'Site proiect http://a.ro/p?id=1961"',
        ["http://a.ro/p?id=1961"],
        1,
        id="trailing-quote",
    ),
    pytest.param("**Site proiect** http://a.ro", ["http://a.ro"], 1, id="bold-label"),
    pytest.param("Site-ul proiectului: http://a.ro", ["http://a.ro"], 1, id="other-label"),
    pytest.param(
        "Site proiect: [www.a.ro](https://www.a.ro/)",
        ["https://www.a.ro/"],
        1,
        id="markdown-link-to-its-url",
    ),
    pytest.param(
        "Site proiect\n\n[https://a.ro/p_(1)](https://a.ro/p_(1)), [site](http://b.ro)",
        ["https://a.ro/p_(1)", "http://b.ro"],
        2,
        id="markdown-links-on-the-line-below",
    ),
    pytest.param("Site proiect\nÎn curs de realizare.", [], 1, id="no-url"),
    pytest.param("Site proiect\nhttp://a.ro/ și http://b.ro/", [], 1, id="url-in-prose-not-taken"),
]


@pytest.mark.parametrize(("text", "urls", "after"), TEST_CASES)
def test_read_websites(text: str, urls: list[str], after: int) -> None:
    assert websites(text) == (urls, after)


def test_what_a_website_line_says_besides_its_urls_is_kept_for_a_warning() -> None:
    fragments = fragments_of("Site proiect: http://a.ro/x (în lucru).")
    ranges, after, extra = read_websites(fragments, 0, WEBSITE)
    assert (len(ranges), after, extra) == (1, 1, "(în lucru)")


LABEL_CASES = [
    pytest.param("Site proiect", 12, id="alone"),
    pytest.param("Site proiect\t\thttp://x.ro", 12, id="tabs"),
    pytest.param("Site proiecthttp://x.ro", 12, id="glued-url"),
    pytest.param("Site proiect<https://x.ro/>", 12, id="glued-autolink"),
    pytest.param("**Site proiect:**", 14, id="bold"),
    pytest.param("SITE PROIECT", 12, id="upper-case"),
    pytest.param("Pagina web a proiectului: www.x.ro", 24, id="pagina-web"),
    pytest.param("Site proiectului este în lucru.", None, id="longer-word"),
    pytest.param("Site proiectului: http://x.ro", None, id="longer-word-with-url"),
    pytest.param("Proiectul are un site", None, id="prose"),
]


@pytest.mark.parametrize(("text", "length"), LABEL_CASES)
def test_label_length(text: str, length: int | None) -> None:
    assert label_length(fragments_of(text)[0], WEBSITE) == length


def test_label_with_two_spaces() -> None:
    text = "Site  proiect http://a.ro"
    assert label_length(fragments_of(text)[0], WEBSITE) == len("Site  proiect")


def test_spacing_inside_a_label_is_read_up_to_twice_its_length() -> None:
    """Each line is tried against each label: the search stops at twice the label's length."""
    widest = "Site" + " " * 13 + "proiect"  # 24 chars, twice "Site proiect"
    assert label_length(fragments_of(widest + " http://a.ro")[0], WEBSITE) == len(widest)
    wider = "Site" + " " * 14 + "proiect"
    assert label_length(fragments_of(wider + " http://a.ro")[0], WEBSITE) is None


def test_urls_in_skips_the_label_and_offsets_are_source_offsets() -> None:
    text = "Pagina\nSite proiect\thttp://a.ro/x.htm."
    fragment = fragments_of(text)[1]
    ranges = urls_in(fragment, 12, WEBSITE)
    assert ranges == [(text.index("http"), len(text) - 1)]
    assert urls_in(fragment, len(fragment.text), WEBSITE) == []


URL_ONLY_CASES = [
    ("<https://x.ro/>", True),
    ("https://x.ro/ www.y.ro", True),
    ("**<http://x.ro/>**", True),
    ("http://x.ro/.", True),
    ("Vezi http://x.ro/", False),
    ("Obiectivul proiectului:", False),
    ("<>", False),
]


@pytest.mark.parametrize(("text", "expected"), URL_ONLY_CASES)
def test_is_url_only(text: str, expected: bool) -> None:
    assert is_url_only(fragments_of(text)[0], WEBSITE) is expected


SMALL_TEXT = render_text(json.loads((ROOT / "tests/fixtures/small-report.json").read_text("utf-8")))
SMALL_SITE = "http://www.transylvaniaenergycluster-trec.ro/company/projects.php"


def _first_project_and_unparsed(text: str) -> tuple[list[str], list[str]]:
    document = extract(text.encode("utf-8"), name="report.txt").model_dump(mode="json")
    return document["projects"][0]["websites"], [entry["text"] for entry in document["unparsed"]]


def test_a_label_line_with_its_url_leaves_a_url_line_below_it_unparsed() -> None:
    text = SMALL_TEXT.replace(f"{SMALL_SITE}\n", f"{SMALL_SITE}\nhttp://www.other.ro/\n", 1)
    assert text != SMALL_TEXT
    websites, unparsed = _first_project_and_unparsed(text)
    assert websites == [SMALL_SITE]
    assert "http://www.other.ro/" in unparsed


def test_a_bare_label_line_takes_the_url_lines_below_it() -> None:
    text = SMALL_TEXT.replace(
        f"Site proiect\t{SMALL_SITE}\n", f"Site proiect\n{SMALL_SITE}\n<http://www.other.ro/>\n", 1
    )
    assert text != SMALL_TEXT
    websites, unparsed = _first_project_and_unparsed(text)
    assert websites == [SMALL_SITE, "http://www.other.ro/"]
    assert not any("other.ro" in entry for entry in unparsed)
