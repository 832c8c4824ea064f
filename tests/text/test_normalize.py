"""One spelling of the text, and the way back from it to the loaded text."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.text.normalize import _TRANSLATE, normalize

TEST_CASES = [
    pytest.param("ş ţ Ş Ţ", "ș ț Ș Ț", id="cedilla-letters"),
    pytest.param("ştiinţă, ŞI ŢARĂ", "știință, ȘI ȚARĂ", id="cedilla-in-words"),
    pytest.param(
        unicodedata.normalize("NFD", "Activități în țară"), "Activități în țară", id="nfd"
    ),
    pytest.param("s\u0327i t\u0327ara S\u0327 T\u0327", "și țara Ș Ț", id="combining-cedilla"),
    pytest.param("a\u0306 i\u0302 a\u0302", "ă î â", id="combining-breve-circumflex"),
    pytest.param("unu\r\ndoi\r\n", "unu\ndoi\n", id="crlf"),
    pytest.param("unu\rdoi\r", "unu\ndoi\n", id="cr"),
    pytest.param("unu\r\rdoi\n\r\n", "unu\n\ndoi\n\n", id="cr-mixes"),
    pytest.param("a\u2028b\u2029c", "a\nb\nc", id="line-paragraph-separators"),
    pytest.param("31\u00a0decembrie", "31 decembrie", id="nbsp"),
    pytest.param("a\u2002b\u2003c\u2009d\u202fe\u3000f\u205fg", "a b c d e f g", id="odd-spaces"),
    pytest.param("clu\u00adster\u200b \u200c\u200dx\u2060y\ufeffz", "cluster xyz", id="invisible"),
    pytest.param("\ufeffTitlu", "Titlu", id="leading-bom"),
    pytest.param("unu;\n\n3\n\f- doi;", "unu;\n\n3\n- doi;", id="pdftotext-page-break"),
    pytest.param("Tab\tși\tnewline\n", "Tab\tși\tnewline\n", id="tabs-kept"),
    pytest.param("„Cluster” \u2013 2019", "„Cluster” \u2013 2019", id="punctuation-kept"),
]


@pytest.mark.parametrize(("text", "expected"), TEST_CASES)
def test_normalize_text(text: str, expected: str) -> None:
    assert normalize(text).text == expected


@pytest.mark.parametrize(("text", "expected"), TEST_CASES)
def test_offsets_cover_every_char(text: str, expected: str) -> None:
    normalized = normalize(text)
    origins = [normalized.origin(i) for i in range(len(normalized.text))]
    assert origins == sorted(origins)
    assert all(0 <= offset < len(text) for offset in origins)


def test_origin_char_by_char_on_a_mixed_example() -> None:
    # 0 Ş, 1-2 CRLF, 3 a, 4 NBSP, 5-6 s + combining cedilla, 7 ZWSP, 8 t, 9 CR, 10 ţ
    text = "Ş\r\na\u00a0s\u0327\u200bt\rţ"
    normalized = normalize(text)
    assert normalized.text == "Ș\na șt\nț"
    expected = [
        ("Ș", 0, "Ş"),
        ("\n", 1, "\r"),
        ("a", 3, "a"),
        (" ", 4, "\u00a0"),
        ("ș", 5, "s"),
        ("t", 8, "t"),
        ("\n", 9, "\r"),
        ("ț", 10, "ţ"),
    ]
    actual = [
        (ch, normalized.origin(i), text[normalized.origin(i)])
        for i, ch in enumerate(normalized.text)
    ]
    assert actual == expected
    assert normalized.origin(len(normalized.text)) == len(text)


def test_origin_after_a_removed_char() -> None:
    normalized = normalize("a\u200bb")
    assert normalized.text == "ab"
    assert (normalized.origin(0), normalized.origin(1)) == (0, 2)


def test_identity_fast_path() -> None:
    text = "Nr.proiect/acronim _1 CLS/INOV-TREC\nȘtiință și țară\t„x”\n"
    normalized = normalize(text)
    assert normalized.text is text
    assert normalized.starts == ()
    assert [normalized.origin(i) for i in (0, 7, len(text), len(text) + 3)] == [
        0,
        7,
        len(text),
        len(text) + 3,
    ]


def test_empty_text() -> None:
    normalized = normalize("")
    assert normalized.text == ""
    assert normalized.origin(0) == 0


def test_normalize_is_idempotent() -> None:
    once = normalize("ş\r\nt\u0327\u00a0x\u200b").text
    twice = normalize(once)
    assert twice.text == once
    assert twice.starts == ()


@pytest.mark.parametrize("text", ["ab\r\n", "s\u0327", "ab\u200b"])
def test_origin_of_the_end_is_the_end_of_the_input(text: str) -> None:
    normalized = normalize(text)
    assert normalized.origin(len(normalized.text)) == len(text)


def _origins_char_by_char(text: str) -> list[int]:
    """The definition of the way back: each cluster's chars come from its first char.

    A cluster is a char and the combining marks after it, never across a line's end;
    a text that needs no change is its own way back.
    """
    if unicodedata.is_normalized("NFC", text) and not any(c in text for c in "\r" + _NEEDED):
        return list(range(len(text)))
    origins, index = [], 0
    while index < len(text):
        if text[index] in "\r\n":
            origins.append(index)
            index += 2 if text.startswith("\r\n", index) else 1
            continue
        end = index + 1
        while end < len(text) and unicodedata.combining(text[end]):
            end += 1
        cluster = unicodedata.normalize("NFC", text[index:end])
        origins += [index] * len("".join(_TRANSLATE.get(ch, ch) for ch in cluster))
        index = end
    return origins


_NEEDED = "".join(_TRANSLATE)
_ODD = ["\r", "\n", "\r\n", "\u0327", "\u0306", "\u0301", "\u0344", "\u212b", "\ufb01", "s", "ţ"]
_TRICKY = st.sampled_from([*_ODD, *_TRANSLATE])


@given(st.lists(_TRICKY | st.characters(), max_size=40).map("".join))
def test_the_way_back_is_the_char_by_char_one(text: str) -> None:
    """Kept as change points, the way back still says, for every char, where it came from."""
    normalized = normalize(text)
    origins = [normalized.origin(i) for i in range(len(normalized.text))]
    assert origins == _origins_char_by_char(text)
    assert normalized.origin(len(normalized.text)) == len(text)


def test_a_crlf_text_has_a_point_a_line_not_a_char() -> None:
    normalized = normalize("unu doi trei\r\n" * 1000)
    assert normalized.text == "unu doi trei\n" * 1000
    assert len(normalized.starts) == 1000
    assert normalized.origin(len("unu doi trei\n") * 500 + 4) == len("unu doi trei\r\n") * 500 + 4
