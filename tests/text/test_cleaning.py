"""The contract's text of fields and items, each char mapped back to its source char."""

from __future__ import annotations

import re
import sys
import unicodedata
from itertools import pairwise

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.ruleset import load_rules
from extractor.text.cleaning import (
    _WHITE_SPACE,
    _markup,
    clean,
    clean_pieces,
    clean_text,
    fold,
    fold_within,
    is_clean,
    pieces_text,
)

BULLETS = load_rules().markup.bullets

TEST_CASES = [
    pytest.param("**Obiectivul proiectului:**", "Obiectivul proiectului:", id="bold"),
    pytest.param("training-ul *respectiv* acum", "training-ul respectiv acum", id="italic"),
    pytest.param('*"Management al inovării"*', '"Management al inovării"', id="italic-quoted"),
    pytest.param("vezi <https://x.ro/a> azi", "vezi https://x.ro/a azi", id="autolink"),
    pytest.param("<www.x.ro>", "www.x.ro", id="autolink-www"),
    pytest.param("Site proiect<https://x.ro/>", "Site proiecthttps://x.ro/", id="glued-autolink"),
    pytest.param("a < b > c", "a < b > c", id="comparison-kept"),
    pytest.param("<b>tag</b>", "<b>tag</b>", id="non-link-angles-kept"),
    pytest.param("- Planul de acțiune;", "Planul de acțiune;", id="hyphen-bullet"),
    pytest.param("• Planul", "Planul", id="dot-bullet"),
    pytest.param("✓ Diseminare", "Diseminare", id="check-bullet"),
    pytest.param("- ✓ Diseminare rezultate", "Diseminare rezultate", id="stacked-bullets"),
    pytest.param("   -   ✓\tDiseminare", "Diseminare", id="indented-stacked-bullets"),
    pytest.param("- **Planul** de  acțiune;", "Planul de acțiune;", id="bullet-and-bold"),
    pytest.param("-nu e bullet", "-nu e bullet", id="hyphen-glued-kept"),
    pytest.param("✓Diseminare", "✓Diseminare", id="check-glued-kept"),
    pytest.param("cercetare - dezvoltare", "cercetare - dezvoltare", id="inner-hyphen-kept"),
    pytest.param("  a\t\tb \n c  ", "a b c", id="whitespace-runs"),
    pytest.param("", "", id="empty"),
    pytest.param(" \t\n ", "", id="blank"),
    pytest.param("- ", "", id="bullet-only"),
]


@pytest.mark.parametrize(("raw", "expected"), TEST_CASES)
def test_clean_text(raw: str, expected: str) -> None:
    assert clean(raw, bullets=BULLETS).text == expected


@pytest.mark.parametrize(("raw", "expected"), TEST_CASES)
def test_each_cleaned_char_maps_to_its_source_char(raw: str, expected: str) -> None:
    cleaned = clean(raw, bullets=BULLETS)
    assert len(cleaned.offsets) == len(cleaned.text)
    assert list(cleaned.offsets) == sorted(set(cleaned.offsets))
    for ch, offset in zip(cleaned.text, cleaned.offsets, strict=True):
        if ch == " ":
            assert raw[offset].isspace()
        else:
            assert raw[offset] == ch


def test_bullets_are_kept_without_bullet_glyphs() -> None:
    assert clean("- ✓ Diseminare").text == "- ✓ Diseminare"


def test_offsets_explicit() -> None:
    cleaned = clean("- **Da**  nu", bullets=BULLETS)
    assert cleaned.text == "Da nu"
    assert cleaned.offsets == (4, 5, 8, 10, 11)


def test_base_offset_is_added() -> None:
    source = "Titlu\n- **Planul** de  acțiune;\n"
    start = source.index("-")
    raw = source[start : source.index("\n", start)]
    cleaned = clean(raw, base=start, bullets=BULLETS)
    assert cleaned.text == "Planul de acțiune;"
    assert cleaned.offsets[0] == source.index("Planul")
    for ch, offset in zip(cleaned.text, cleaned.offsets, strict=True):
        if ch != " ":
            assert source[offset] == ch


def test_source_range() -> None:
    source = "xx <https://a.ro/>  și **b**"
    cleaned = clean(source[3:], base=3)
    assert cleaned.text == "https://a.ro/ și b"
    start, end = cleaned.source_range(0, len("https://a.ro/"))
    assert source[start:end] == "https://a.ro/"
    start, end = cleaned.source_range(len(cleaned.text) - 1, len(cleaned.text))
    assert source[start:end] == "b"
    assert cleaned.source_range(0, len(cleaned.text)) == (4, source.index("b**") + 1)


def test_source_range_spans_removed_markup_inside() -> None:
    cleaned = clean("  a**b** c", base=10)
    assert cleaned.text == "ab c"
    assert cleaned.source_range(0, 2) == (12, 16)
    assert cleaned.source_range(0, 4) == (12, 20)
    assert cleaned.source_offset(2) == 18  # the space before "c"


FOLD_CASES = [
    ("Activități  în curs:", "activitati in curs:"),
    ("ŞTIINŢĂ şi Știință", "stiinta si stiinta"),
    ("Nord - Vest", "nord-vest"),
    ("Nord -Vest", "nord-vest"),
    ("  Perioadă\timplementare ", "perioada implementare"),
    ("Nr. membri cluster", "nr. membri cluster"),
    ("Bucureşti-Ilfov", "bucuresti-ilfov"),
]


@pytest.mark.parametrize(("text", "expected"), FOLD_CASES)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


def _fold_by_definition(text: str) -> str:
    """`fold` as its docstring defines it: NFD less combining marks, case folded, spaced once."""
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return regex.sub(r"\s*-\s*", "-", regex.sub(r"\s+", " ", bare).strip())


# Latin to Arrows (below and above the chars `fold` keeps worked out), Hangul syllables
# (decomposed by rule), and the white space only `str.split` takes (\x1c-\x1f).
MANY_CHARS = "".join(map(chr, [*range(0x2200), *range(0xAC00, 0xAD00)]))


@pytest.mark.parametrize(
    "text",
    [
        MANY_CHARS,
        " - ".join(MANY_CHARS[::7]),
        "a\x1c - b\u0103\u0219 \x1f\t-\nc  ",
        "Nord\u00a0-\u2003Vest ",
        "e\u0301\u0327 \u1e09 \u0344",
    ],
    ids=["many-chars", "spaced-hyphens", "split-only-spaces", "odd-spaces", "marks-reordered"],
)
def test_fold_is_its_definition(text: str) -> None:
    assert fold(text) == _fold_by_definition(text)


@pytest.mark.parametrize("text", [MANY_CHARS, "  a **b**\x1c  <https://x.ro/>  c\n", " \x1f "])
def test_clean_text_spaces_as_the_whitespace_pattern_does(text: str) -> None:
    assert clean_text(text) == regex.sub(r"\s+", " ", _markup().sub("", text)).strip()


def test_the_white_space_spelled_out_for_re_is_the_regex_modules() -> None:
    every_char = "".join(map(chr, range(sys.maxunicode + 1)))
    assert re.findall(f"[{_WHITE_SPACE}]", every_char) == regex.findall(r"\s", every_char)


@pytest.mark.parametrize(("raw", "expected"), TEST_CASES)
def test_pieces_text_is_the_text_of_clean_pieces(raw: str, expected: str) -> None:
    text = f"{raw} x\x00y **z**\x1c w\t{raw}"
    cuts = sorted({0, len(text) // 3, len(text) // 2, len(text) - 2, len(text)})
    for glued in (False, True):
        pieces = [(start, end, glued) for start, end in pairwise(cuts)]
        assert pieces_text(text, pieces) == clean_pieces(text, pieces).text


# Letters, marks that fold away (alone or after a letter), spaces of both kinds, hyphens,
# and chars whose case fold or decomposition is longer than they are.
FOLD_ALPHABET = "aB ă\u0301\u0327-\t\n\x1c\x1f\u00a0ßİ\u0f73\u0344ǅ\u1e09"
FOLD_SETTINGS = settings(derandomize=True, database=None, max_examples=400, deadline=None)


@FOLD_SETTINGS
@given(st.text(FOLD_ALPHABET, max_size=30), st.text(FOLD_ALPHABET, max_size=30))
def test_the_fold_of_a_start_is_the_start_of_the_fold(start: str, rest: str) -> None:
    assert fold(start + rest).startswith(fold(start))


@FOLD_SETTINGS
@given(st.text(FOLD_ALPHABET, max_size=60), st.integers(min_value=0, max_value=12))
def test_fold_within_is_the_fold_when_short_enough(text: str, limit: int) -> None:
    folded = fold(text)
    assert fold_within(text, limit) == (folded if len(folded) <= limit else None)


# Letters, the chars of markup and autolinks, and white space of each kind `clean` tells apart.
CLEAN_ALPHABET = "aă1 .*<>/:w\t\n\x00\x1c\u00a0"


@FOLD_SETTINGS
@given(st.text(CLEAN_ALPHABET, max_size=12))
def test_a_clean_text_cleans_to_itself_char_for_char(raw: str) -> None:
    if is_clean(raw):
        cleaned = clean(raw, base=7)
        assert cleaned.text == raw
        assert cleaned.offsets == tuple(range(7, 7 + len(raw)))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Planul de acțiune; 24 de audituri", True),
        ("", True),
        ("a  b", False),
        (" a", False),
        ("a\tb", False),
        ("a\u00a0b", False),
        ("a\x1cb", False),
        ("a\x00b", False),
        ("**a**", False),
        ("<www.x.ro>", False),
        ("a < b", False),  # cleans to itself, but a `<` may open an autolink: not told apart
    ],
)
def test_is_clean(raw: str, expected: bool) -> None:
    assert is_clean(raw) is expected
