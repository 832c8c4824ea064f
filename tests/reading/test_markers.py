"""List markers from the inventory of rules/markup.toml: kind, level, where the text starts."""

from __future__ import annotations

import pytest

from extractor.reading.markers import read_marker
from extractor.ruleset import load_rules

MARKUP = load_rules().markup


def marker_of(text: str) -> tuple[str, int, str, str] | None:
    marker = read_marker(text, 0, len(text), MARKUP)
    return marker and (marker.kind, marker.level, marker.glyph, text[marker.end :])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- text", ("dash", 1, "-", "text")),
        ("\u2013 text", ("dash", 1, "\u2013", "text")),
        ("— text", ("dash", 1, "—", "text")),
        ("• text", ("bullet", 1, "•", "text")),
        ("● text", ("bullet", 1, "●", "text")),
        ("▪ text", ("bullet", 1, "▪", "text")),
        ("■ text", ("bullet", 1, "■", "text")),
        ("· text", ("bullet", 1, "·", "text")),
        ("\uf0b7 text", ("bullet", 1, "\uf0b7", "text")),
        ("o text", ("sub_bullet", 2, "o", "text")),
        ("◦ text", ("sub_bullet", 2, "◦", "text")),
        ("○ text", ("sub_bullet", 2, "○", "text")),
        ("▫ text", ("sub_bullet", 2, "▫", "text")),
        ("✓ text", ("check", 1, "✓", "text")),
        ("✔ text", ("check", 1, "✔", "text")),
        ("➢ text", ("check", 1, "➢", "text")),
        ("► text", ("check", 1, "►", "text")),
        ("→ text", ("check", 1, "→", "text")),
        ("* text", ("markdown", 1, "*", "text")),
        ("+ text", ("markdown", 1, "+", "text")),
        ("1. text", ("numbering", 1, "1.", "text")),
        ("12) text", ("numbering", 1, "12)", "text")),
        ("a) text", ("numbering", 1, "a)", "text")),
        ("iv. text", ("numbering", 1, "iv.", "text")),
        ("-\ttab", ("dash", 1, "-", "tab")),
        ("-", ("dash", 1, "-", "")),
    ],
)
def test_every_marker_of_the_inventory(text: str, expected: tuple) -> None:
    assert marker_of(text) == expected


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("- ✓ Diseminare", "Diseminare"),
        ("- o bancă de date", "o bancă de date"),
        ("- a) nu se adună", "a) nu se adună"),
    ],
)
def test_glyphs_stack_but_words_and_numbers_do_not(text: str, rest: str) -> None:
    """A stack is the first marker's kind, level and glyph; the text starts after it all."""
    assert marker_of(text) == ("dash", 1, "-", rest)


def test_a_stack_keeps_the_first_markers_level() -> None:
    assert marker_of("◦ ✓ Diseminare") == ("sub_bullet", 2, "◦", "Diseminare")


@pytest.mark.parametrize(
    "text",
    ["-text lipit", "**Planul** de acțiune", "*italic*", "2.1. Competitivitate", "oameni", "Nr. 3"],
)
def test_no_marker(text: str) -> None:
    assert marker_of(text) is None


def test_a_letter_marker_is_a_word() -> None:
    assert read_marker("o bancă", 0, 7, MARKUP).is_word  # type: ignore[union-attr]
    assert not read_marker("a) punct", 0, 8, MARKUP).is_word  # type: ignore[union-attr]
