"""The item tree: one case per reading rule, each the shape a 2019 project has."""

from __future__ import annotations

from typing import Any

import pytest

from extractor.parsing.fragments import lines_to_fragments
from extractor.parsing.items import fragments_to_items, is_heading, section_key
from extractor.ruleset import load_rules
from extractor.text.source import SourceText

RULES = load_rules()


def tree(text: str) -> list[Any]:
    """Items as (kind, text, children) tuples, for short expectations."""
    source = SourceText(text)
    fragments = lines_to_fragments(source.lines, lambda t: is_heading(t, RULES.sections))
    return [_shape(item) for item in fragments_to_items(fragments, source, RULES)]


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
        "- Punct încheiat;\nminuscule după punct încheiat\n",
        [("bullet", "Punct încheiat;"), ("paragraph", "minuscule după punct încheiat")],
        id="lowercase-line-after-finished-item-is-new",
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
        "Vezi <https://www.dih4society.ro/> și **Planul de acțiune** până în 2023;\n",
        [("paragraph", "Vezi https://www.dih4society.ro/ și Planul de acțiune până în 2023;")],
        id="markup-removed",
    ),
]


@pytest.mark.parametrize(("text", "expected"), TEST_CASES)
def test_items(text: str, expected: list[Any]) -> None:
    assert tree(text) == expected


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("Obiectivul proiectului:", "objective"),
        ("**Obiectivul proiectului:**", "objective"),
        ("Principalele rezultate", "results"),
        ("PRINCIPALELE REZULTATE:", "results"),
        ("Activități în curs:", "ongoing"),
        ("Activitati in curs", "ongoing"),
        ("Activități  în  curs :", "ongoing"),
        ("Activități în curs de evaluare", None),
    ],
)
def test_section_headings_and_their_variants(heading: str, key: str | None) -> None:
    assert section_key(heading, RULES.sections) == key


def test_glued_headings_are_split_off() -> None:
    source = SourceText(
        "Site proiect<https://x.ro/a>**Obiectivul proiectului:**\n"
        "Principalele rezultate"
        "**Activitățile implementate și rezultatele obținute pentru Etapa nr. 1 :**\n"
        "Text cu **bold** la sfârșit **nu e titlu**\n"
    )
    fragments = lines_to_fragments(source.lines, lambda t: is_heading(t, RULES.sections))
    assert [f.text for f in fragments] == [
        "Site proiect<https://x.ro/a>",
        "**Obiectivul proiectului:**",
        "Principalele rezultate",
        "**Activitățile implementate și rezultatele obținute pentru Etapa nr. 1 :**",
        "Text cu **bold** la sfârșit **nu e titlu**",
    ]
