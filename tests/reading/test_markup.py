"""Markup peeled off a line: markdown heading marks, emphasis wrapping the whole rest."""

from __future__ import annotations

import pytest

from extractor.reading.markup import heading_level, is_markup_only, peel_emphasis


@pytest.mark.parametrize(
    ("text", "level", "rest"),
    [
        ("# Stadiul proiectelor", 1, "Stadiul proiectelor"),
        ("### Rezultate", 3, "Rezultate"),
        ("#Rezultate", 0, "#Rezultate"),
        ("####### prea multe", 0, "####### prea multe"),
        ("Nr. 3 # nu e titlu", 0, "Nr. 3 # nu e titlu"),
    ],
)
def test_heading_level(text: str, level: int, rest: str) -> None:
    found, start = heading_level(text, 0, len(text))
    assert (found, text[start:]) == (level, rest)


@pytest.mark.parametrize(
    ("text", "bare", "bold", "italic"),
    [
        ("**Obiectivul proiectului:**", "Obiectivul proiectului:", True, False),
        ("__Rezultate__", "Rezultate", True, False),
        ("*copil unu;*", "copil unu;", False, True),
        ("_copil doi;_", "copil doi;", False, True),
        ("***amândouă***", "amândouă", True, True),
        ("**UE**", "UE", True, False),  # as short as bold can wrap
        ("*UE*", "UE", False, True),  # too short for bold, not for italics
        ("**Planul** de acțiune", "**Planul** de acțiune", False, False),
        ("**a** și **b**", "**a** și **b**", False, False),
        ("*a* b *c*", "*a* b *c*", False, False),
        ("** spațiu**", "** spațiu**", False, False),
        ("**", "**", False, False),
    ],
)
def test_peel_emphasis_only_when_it_wraps_everything(
    text: str, bare: str, bold: bool, italic: bool
) -> None:
    peeled = peel_emphasis(text, 0, len(text))
    assert (text[peeled.start : peeled.end], peeled.bold, peeled.italic) == (bare, bold, italic)


def test_peel_emphasis_keeps_offsets_into_the_line() -> None:
    line = "- **Titlu:**"
    peeled = peel_emphasis(line, 2, len(line))
    assert (peeled.start, peeled.end) == (4, 10)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("**", True), (" * ", True), ("#", True), ("", False), ("- a", False), ("**X**", False)],
)
def test_markup_only(text: str, expected: bool) -> None:
    assert is_markup_only(text) is expected
