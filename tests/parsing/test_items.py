"""The item tree: one case per reading rule, each the shape a 2019 project has."""

from __future__ import annotations

from typing import Any

import pytest
from records import RULES, WORDS, records_of

from extractor.parsing.items import Context, Draft, joined_in_cell, records_to_items
from extractor.text.cleaning import pieces_text
from extractor.text.source import SourceText


def read(text: str):
    records = [r for r in records_of(text) if not (r.is_empty or r.furniture)]
    return records_to_items(records, SourceText(text), RULES, WORDS)


def tree(text: str) -> list[Any]:
    """Items as (kind, text, children) tuples, for short expectations."""
    return [_shape(item) for item in read(text).items]


def _shape(item: dict[str, Any]) -> Any:
    children = [_shape(child) for child in item["children"]]
    return (item["kind"], item["text"], children) if children else (item["kind"], item["text"])


TEST_CASES = [
    pytest.param(
        "Intro:\n\n- unu;\n- doi;\n",
        [("paragraph", "Intro:"), ("bullet", "unu;"), ("bullet", "doi;")],
        id="paragraph-then-bullets-are-siblings",
    ),
    pytest.param(
        "- Părinte:\n - *copil unu;*\n - *copil doi.*\n- Următor;\n",
        [
            ("bullet", "Părinte:", [("bullet", "copil unu;"), ("bullet", "copil doi.")]),
            ("bullet", "Următor;"),
        ],
        id="indented-sub-bullets",
    ),
    pytest.param(
        "- Realizarea a 5 studii:\n - unu;\n - doi;\n\n- *trei;*\n- *patru;*\n- Studiu nou;\n",
        [
            (
                "bullet",
                "Realizarea a 5 studii:",
                [("bullet", "unu;"), ("bullet", "doi;"), ("bullet", "trei;"), ("bullet", "patru;")],
            ),
            ("bullet", "Studiu nou;"),
        ],
        id="italic-sub-items-displaced-by-a-page-break",
    ),
    pytest.param(
        "- Părinte\n - copil unu;\n\n- *copil doi;*\n",
        [("bullet", "Părinte", [("bullet", "copil unu;"), ("bullet", "copil doi;")])],
        id="italic-after-a-bullet-with-sub-items-but-no-colon",
    ),
    pytest.param(
        "- Testare:\n\n- *validat;*\n",
        [("bullet", "Testare:", [("bullet", "validat;")])],
        id="italic-after-colon-bullet-without-children",
    ),
    pytest.param(
        "- Gata.\n- *italic dar nu sub-item;*\n",
        [("bullet", "Gata."), ("bullet", "italic dar nu sub-item;")],
        id="italic-after-finished-bullet-stays-top-level",
    ),
    pytest.param(
        "Paragraf:\n- *unu;*\n",
        [("paragraph", "Paragraf:"), ("bullet", "unu;")],
        id="italic-after-paragraph-stays-top-level",
    ),
    pytest.param(
        "- A fost elaborată agenda, precum și cele\n\n"
        "obținute în cadrul auditurilor;\n\n- Alt punct;\n",
        [
            ("bullet", "A fost elaborată agenda, precum și cele obținute în cadrul auditurilor;"),
            ("bullet", "Alt punct;"),
        ],
        id="wrapped-line-joins-its-item",
    ),
    pytest.param(
        "- A fost dezvoltat un produs nou\n\nAu fost realizate două adeziuni:\n",
        [
            ("bullet", "A fost dezvoltat un produs nou"),
            ("paragraph", "Au fost realizate două adeziuni:"),
        ],
        id="capitalized-line-after-unfinished-item-is-new",
    ),
    pytest.param(
        "- Punct încheiat;\n\nminuscule după punct încheiat\n",
        [("bullet", "Punct încheiat;"), ("paragraph", "minuscule după punct încheiat")],
        id="lowercase-line-after-finished-item-is-new",
    ),
    pytest.param(
        "- Un punct lung, tăiat de un export la 72 de coloane; rândul\n"
        "Următor îl continuă;\n  aliniat la text;\n- Alt punct;\n",
        [
            (
                "bullet",
                "Un punct lung, tăiat de un export la 72 de coloane; rândul Următor "
                "îl continuă; aliniat la text;",
            ),
            ("bullet", "Alt punct;"),
        ],
        id="hard-wrapped-lines-without-blank-join-their-item",
    ),
    pytest.param(
        "Se urmărește o bună coope-\nrare între membri și activități de cercetare-\n"
        "dezvoltare, care s-\nau încheiat.\n",
        [
            (
                "paragraph",
                "Se urmărește o bună cooperare între membri și activități de "
                "cercetare-dezvoltare, care s-au încheiat.",
            )
        ],
        id="hyphen-at-line-end-joins-a-cut-word-keeps-a-real-one",
    ),
    pytest.param(
        "- Primul punct care merge\n\n3\n\nmai departe după pagină;\n",
        [("bullet", "Primul punct care merge mai departe după pagină;")],
        id="page-number-inside-an-item-is-left-out",
    ),
    pytest.param(
        "• Părinte:\no copil unu;\no copil doi;\n• Frate;\n",
        [
            ("bullet", "Părinte:", [("bullet", "copil unu;"), ("bullet", "copil doi;")]),
            ("bullet", "Frate;"),
        ],
        id="second-level-glyph-under-another-is-a-sub-item-without-indent",
    ),
    pytest.param(
        "◦ unu;\n◦ doi;\n",
        [("bullet", "unu;"), ("bullet", "doi;")],
        id="second-level-glyph-opening-the-list-stays-flat",
    ),
    pytest.param(
        "o bancă de date cu oferta membrilor;\n",
        [("paragraph", "o bancă de date cu oferta membrilor;")],
        id="letter-o-opens-no-list",
    ),
    pytest.param(
        "1. Primul;\n2) Al doilea;\na) Al treilea;\niv. Al patrulea;\n* Stea;\n+ Plus;\n",
        [
            ("bullet", "Primul;"),
            ("bullet", "Al doilea;"),
            ("bullet", "Al treilea;"),
            ("bullet", "Al patrulea;"),
            ("bullet", "Stea;"),
            ("bullet", "Plus;"),
        ],
        id="numbering-and-markdown-markers",
    ),
    pytest.param(
        "**Activitățile implementate și rezultatele obținute pentru Etapa nr. 1 :**\n\n"
        "Elaborarea agendei:\n\n- unu;\n\n"
        "Activitățile implementate și rezultatele obținute pentru Etapa nr. 2 :\n\n- doi;\n",
        [
            (
                "heading",
                "Activitățile implementate și rezultatele obținute pentru Etapa nr. 1 :",
                [("paragraph", "Elaborarea agendei:"), ("bullet", "unu;")],
            ),
            (
                "heading",
                "Activitățile implementate și rezultatele obținute pentru Etapa nr. 2 :",
                [("bullet", "doi;")],
            ),
        ],
        id="sub-headings-hold-what-follows",
    ),
    pytest.param(
        "- ✓ Diseminare - comunicarea:\n - *prezentă la patru evenimente;*\n",
        [("bullet", "Diseminare - comunicarea:", [("bullet", "prezentă la patru evenimente;")])],
        id="check-mark-bullet",
    ),
    pytest.param(
        "• Punct cu glif;\n",
        [("bullet", "Punct cu glif;")],
        id="bullet-glyph",
    ),
    pytest.param(
        " - sub-bullet without a parent;\n",
        [("bullet", "sub-bullet without a parent;")],
        id="orphan-sub-bullet-is-top-level",
    ),
    pytest.param(
        "Intro;\n\n**Parteneriate noi**\n\nîn cadrul clusterului;\n",
        [
            ("paragraph", "Intro;"),
            ("heading", "Parteneriate noi", [("paragraph", "în cadrul clusterului;")]),
        ],
        id="a-lowercase-line-after-a-heading-goes-under-it-not-on-it",
    ),
    pytest.param(
        "Intro;\n\nPARTENERIATE NOI\n\n# Alte informații\n\n- unu;\n",
        [
            ("paragraph", "Intro;"),
            ("heading", "PARTENERIATE NOI"),
            ("heading", "Alte informații", [("bullet", "unu;")]),
        ],
        id="a-capitals-or-markdown-line-of-its-own-is-a-heading",
    ),
    pytest.param(
        "Clusterul a elaborat\no strategie de dezvoltare.\n",
        [("paragraph", "Clusterul a elaborat o strategie de dezvoltare.")],
        id="a-wrapped-line-starting-with-the-word-o-goes-on",
    ),
    pytest.param(
        "- Primul punct care merge\n\n*în* continuare pe pagina următoare;\n",
        [("bullet", "Primul punct care merge în continuare pe pagina următoare;")],
        id="a-line-after-a-page-break-starting-in-italics-lower-case-goes-on",
    ),
    pytest.param(
        "- Dezvoltarea unei platforme de\n\neLearning pentru membri;\n",
        [("bullet", "Dezvoltarea unei platforme de eLearning pentru membri;")],
        id="a-line-starting-with-a-lowercase-letter-then-a-capital-goes-on",
    ),
    pytest.param(
        "- A fost dezvoltat un produs nou\n\nXilografia a fost prezentată.\n",
        [
            ("bullet", "A fost dezvoltat un produs nou"),
            ("paragraph", "Xilografia a fost prezentată."),
        ],
        id="a-capital-x-opens-a-new-item",
    ),
    pytest.param(
        "Vezi <https://www.dih4society.ro/> și **Planul de acțiune** până în 2023;\n",
        [("paragraph", "Vezi https://www.dih4society.ro/ și Planul de acțiune până în 2023;")],
        id="markup-removed",
    ),
]


@pytest.mark.parametrize(("text", "expected"), TEST_CASES)
def test_items(text: str, expected: list[Any]) -> None:
    assert tree(text) == expected


def test_unknown_heading_is_a_heading_item_with_a_warning() -> None:
    result = read("Intro;\n\n**Parteneriate noi**\n\n- unu;\n")
    assert [_shape(item) for item in result.items] == [
        ("paragraph", "Intro;"),
        ("heading", "Parteneriate noi", [("bullet", "unu;")]),
    ]
    assert [finding.code for finding in result.findings] == ["unknown_heading"]


def test_items_keep_the_pieces_their_text_is_read_from() -> None:
    text = "- O bună coope-\nrare;\n"
    [item] = read(text).items
    assert item["text"] == "O bună cooperare;"
    assert [text[start:end] for start, end, _ in item["pieces"]] == ["O bună coope", "rare;"]
    assert item["pieces"][1][2] is True


@pytest.mark.parametrize(
    ("endings", "expected"),
    [
        ((":",), False),
        ((".",), True),
        (("b...",), True),
        (("ab. ..",), False),
        (("",), True),
        (("...", "a longer ending"), True),
    ],
)
def test_an_item_ends_as_its_whole_text_does(endings: tuple[str, ...], expected: bool) -> None:
    """Read from its last pieces: back past a piece without words, and past a glued one."""
    source = "ab.\n..\n**\n"
    draft = Draft("paragraph", 0, len(source), [(0, 3, False), (4, 6, True), (7, 9, False)])
    context = Context(source, RULES, WORDS)
    assert context.item_text(draft) == "ab..."
    assert context.item_text_ends_with(draft, endings) is expected


def test_an_item_of_two_pieces_the_last_without_words_ends_as_the_first() -> None:
    source = "ab.\n**\n"
    draft = Draft("paragraph", 0, len(source), [(0, 3, False), (4, 6, False)])
    assert Context(source, RULES, WORDS).item_text_ends_with(draft, (".",))


def text_read_with(words: list[str], text: str) -> str:
    """The one paragraph `text` gives when `words` are the known word forms."""
    records = [r for r in records_of(text) if not r.is_empty]
    [item] = records_to_items(records, SourceText(text), RULES, sorted(words)).items
    return item["text"]


@pytest.mark.parametrize(
    ("words", "text", "expected"),
    [
        pytest.param(
            WORDS, "Rezultatele ne-\na ajutat.", "Rezultatele ne-a ajutat.", id="two-letter-clitic"
        ),
        pytest.param(
            WORDS,
            "O bună coope-\n*rare* între membri.",
            "O bună cooperare între membri.",
            id="cut-word-goes-on-in-emphasis",
        ),
        pytest.param(
            ["bio", "bioeconomiei", "economie"],
            "Studiu de bio-\neconomie.",
            "Studiu de bioeconomie.",
            id="joined-starts-a-known-form",
        ),
        pytest.param(
            ["dezvoltare", "inovare"],
            "Studiu de inovare-\ndezvoltare.",
            "Studiu de inovare-dezvoltare.",
            id="two-known-words-joined-sorting-after-all",
        ),
        pytest.param(
            ["dezvoltare", "inova"],
            "Agenda de dezvoltare-\ninovare.",
            "Agenda de dezvoltare-inovare.",
            id="a-noun-made-of-a-known-verb-is-a-known-word",
        ),
        pytest.param(
            ["nanotehnologii"],
            "Domeniul Eco-nano-\ntehnologii avansate.",
            "Domeniul Eco-nano-tehnologii avansate.",
            id="a-part-of-a-hyphenated-word-is-never-cut",
        ),
        pytest.param(
            ["econano", "nanotehnologii"],
            "Domeniul Eco-\nnano-tehnologii avansate.",
            "Domeniul Eco-nano-tehnologii avansate.",
            id="nor-before-a-part-that-goes-on-with-a-hyphen",
        ),
        pytest.param(
            ["nanotehnologii"],
            "Domeniul nano-\ntehnologii avansate.",
            "Domeniul nanotehnologii avansate.",
            id="the-same-word-with-no-hyphen-before-is-cut",
        ),
    ],
)
def test_a_hyphen_at_a_line_end_by_the_known_word_forms(
    words: list[str], text: str, expected: str
) -> None:
    assert text_read_with(words, text) == expected


def test_unknown_heading_warning_quotes_it_and_spans_its_bare_text() -> None:
    text = "Intro;\n\n**Parteneriate noi**\n\n- unu;\n"
    [finding] = read(text).findings
    start = text.index("Parteneriate")
    assert (finding.message, finding.start, finding.end) == (
        "the heading 'Parteneriate noi' opens no known section; kept as a heading item",
        start,
        start + len("Parteneriate noi"),
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("regiunea Sud-\nVest și Centru.", "regiunea Sud-Vest și Centru.", id="region"),
        pytest.param("regiunea Nord-\nEst.", "regiunea Nord-Est.", id="region-east"),
        pytest.param("județul Bistrița-\nNăsăud.", "județul Bistrița-Năsăud.", id="county"),
        pytest.param("din Sud-\nXanthi și Centru.", "din Sud-Xanthi și Centru.", id="unknown-name"),
        pytest.param("PROIECT DE CERCE-\nTARE.", "PROIECT DE CERCETARE.", id="capitals-cut"),
        pytest.param("clusterul IMAGO-\nMOL a.", "clusterul IMAGO-MOL a.", id="acronym"),
        pytest.param("din IMM-\nurilor lor.", "din IMM-urilor lor.", id="acronym-ending"),
        pytest.param("din 14-\n15 noiembrie.", "din 14-15 noiembrie.", id="days"),
        pytest.param("în perioada 2014-\n2020.", "în perioada 2014-2020.", id="years"),
        pytest.param("privind COVID-\n19 luate.", "privind COVID-19 luate.", id="name"),
        pytest.param("în al 3-\nlea an.", "în al 3-lea an.", id="number-then-ending"),
        pytest.param("programul Orizont-\n2020 și", "programul Orizont-2020 și", id="word-number"),
    ],
)
def test_a_hyphen_before_a_capital_or_by_a_number_stays(text: str, expected: str) -> None:
    """A typesetter never cuts a word before a capital or beside a number: the hyphen
    stays, with no space."""
    assert text_read_with(WORDS, text) == expected


def cell_text(text: str, width: int) -> str:
    """A cell's two lines `width` chars wide at most, joined."""
    first = text.index("\n")
    pieces = joined_in_cell(text, (0, first, False), (first + 1, len(text), False), width, WORDS)
    return pieces_text(text, pieces)


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        pytest.param("MOLECULAR\nĂ ȘI", 10, "MOLECULARĂ ȘI", id="a-half-no-word"),
        pytest.param("DEZVOLTAR\nEA A", 12, "DEZVOLTAREA A", id="a-start-no-word"),
        pytest.param("PROMOVARE\nA TEHNOLOGIEI", 10, "PROMOVAREA TEHNOLOGIEI", id="too-long"),
        pytest.param("PROMOVARE\nA TEHNOLOGIEI", 12, "PROMOVARE A TEHNOLOGIEI", id="fits"),
        pytest.param("PENTRU MOLECULAR\nĂ", 16, "PENTRU MOLECULAR Ă", id="not-alone"),
        pytest.param("medicamentului\n)", 17, "medicamentului)", id="closing-mark"),
        pytest.param("(inclusiv\n) și alte", 9, "(inclusiv) și alte", id="closing-mark-then-words"),
        pytest.param("de inovare\nclusterului", 11, "de inovare clusterului", id="two-words"),
        pytest.param("Sanda-\nMirela", 6, "Sanda-Mirela", id="hyphen-as-an-item"),
    ],
)
def test_a_word_cut_at_a_narrow_cells_edge_is_joined(text: str, width: int, expected: str) -> None:
    assert cell_text(text, width) == expected


@pytest.mark.parametrize(
    ("between", "expected"),
    [
        ("\n\n3\n\n", ["Studiu pe baza de chestionare, 24 de firme intervievate."]),
        ("\n\n", ["Studiu pe baza de chestionare,", "24 de firme intervievate."]),
    ],
    ids=["page-break", "blank-line"],
)
def test_a_sentence_a_page_cut_before_a_number_goes_on(between: str, expected: list[str]) -> None:
    """After a page break (page furniture between), a line not in capitals goes on an item
    that ends no sentence; a blank line alone asks for lower case."""
    text = f"Studiu pe baza de chestionare,{between}24 de firme intervievate.\n"
    assert [item["text"] for item in read(text).items] == expected


def test_after_a_page_break_a_capital_opens_a_new_item() -> None:
    text = "A fost dezvoltat un produs nou\n\n3\n\nAu fost realizate două adeziuni.\n"
    assert [item["text"] for item in read(text).items] == [
        "A fost dezvoltat un produs nou",
        "Au fost realizate două adeziuni.",
    ]


JOINED = ["Integrarea cerințelor; testarea platformei web.", "Lansare."]
APART = ["Integrarea cerințelor;", "testarea platformei web.", "Lansare."]


@pytest.mark.parametrize(
    ("opening", "between", "indent", "expected"),
    [
        ("- ", "\n\n3\n\n", "  ", JOINED),
        ("- ", "\n\n", "  ", APART),
        ("- ", "\n\n3\n\n", "", APART),
        ("- ", "\n\n3\n\n", "    ", APART),
        ("", "\n\n3\n\n", "", APART),
        (" ", "\n\n3\n\n", " ", JOINED),
    ],
    ids=[
        "page-break-hanging",
        "blank-line",
        "page-break-flush",
        "page-break-deeper",
        "paragraph",
        "paragraph-indented-one",
    ],
)
def test_after_a_page_break_a_line_hanging_under_an_items_text_goes_on_it(
    opening: str, between: str, indent: str, expected: list[str]
) -> None:
    """A wrapped list item's lines hang under its text; a page break between two of them
    leaves the indent, though the item so far ends a clause (`;`). Flush left or deeper,
    or after a blank line alone, the line is an item of its own; a paragraph's lines
    hang alike under an indent of its own, but not at the margin."""
    text = f"{opening}Integrarea cerințelor;{between}{indent}testarea platformei web.\n- Lansare.\n"
    items = read(text).items
    assert [item["text"] for item in items] == expected


WRAPPED = "Elaborarea planului de implementare aferent\nagendei, prin elaborarea planului aferent"


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (WRAPPED, "Agendei Strategice CDI.", 1),
        (
            WRAPPED.replace(" elaborarea planului aferent", " planul"),
            "Agendei de Cercetare și Inovare CDI.",
            2,
        ),
        (WRAPPED + ".", "Agendei Strategice CDI.", 2),
        (WRAPPED.replace(" elaborarea planului aferent", " planul nou, aferentul"), "Agendei.", 1),
        (WRAPPED.replace(" elaborarea planului aferent", " planul nou, aferente"), "Agendei.", 2),
        (WRAPPED + "\nprin", "Agendei Strategice CDI.", 2),
        ("Elaborare\n" + WRAPPED, "Agendei Strategice CDI.", 1),
        ("Un produs nou, aferent", "Agendei Strategice CDI.", 2),
    ],
    ids=[
        "word-would-not-fit",
        "word-would-fit",
        "sentence-ended",
        "a-char-too-long",
        "fits-to-the-char",
        "short-last-of-three",
        "full-last-of-three",
        "one-line",
    ],
)
def test_after_a_page_break_a_capital_goes_on_where_the_lines_were_wrapped(
    before: str, after: str, expected: int
) -> None:
    """A paragraph wrapped to a width, cut by a page break before a capital (`Agendei`):
    its first word would not have fit on the line before, so the wrap broke there."""
    text = f"{before}\n\n25\n\n{after}\n"
    assert len(read(text).items) == expected
