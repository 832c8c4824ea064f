"""Section headings by meaning: a short line whose words carry a section's cue by their lemmas."""

from __future__ import annotations

import pytest

from extractor.nlp.lemmas import lemma_table
from extractor.reading.headings import carries, heading_words, is_subheading, section_of
from extractor.ruleset import load_rules

SECTIONS = load_rules().sections
LEMMAS = lemma_table()


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("Obiectivul proiectului:", "objective"),
        ("**Obiectivul proiectului:**", "objective"),
        ("Scopul proiectului", "objective"),
        ("OBIECTIVELE PROIECTULUI", "objective"),
        ("Obiectiv general", "objective"),
        ("Principalele rezultate", "results"),
        ("PRINCIPALELE REZULTATE:", "results"),
        ("Rezultatele proiectului", "results"),
        ("Rezultate", "results"),
        ("Rezultate obținute până în prezent", "results"),
        ("Realizări", "results"),
        ("Activități în curs:", "ongoing"),
        ("Activitati in curs", "ongoing"),
        ("Activități  în  curs :", "ongoing"),
        ("Activități viitoare", "ongoing"),
        ("Activități planificate pentru etapa următoare", "ongoing"),
        ("Activități aflate în derulare", "ongoing"),
        ("Activitățile în desfășurare", "ongoing"),
        ("1. Obiectivul proiectului:", "objective"),
        ("II. Principalele rezultate:", "results"),
        ("C) Activități în curs", "ongoing"),
        ("## Rezultate", "results"),
    ],
)
def test_section_headings_in_any_wording_and_dress(heading: str, key: str) -> None:
    assert section_of(heading, SECTIONS, LEMMAS) == key


@pytest.mark.parametrize(
    "text",
    [
        "Activități",  # activity without a cue of time: no section
        "Site proiect",
        "Au fost obținute rezultate bune; s-a depus un proiect.",  # a sentence
        "Rezultatele au fost diseminate la trei conferințe naționale și internaționale importante",
        "Rezultate obținute.",  # ends a sentence
    ],
)
def test_lines_that_open_no_section(text: str) -> None:
    assert section_of(text, SECTIONS, LEMMAS) is None


def test_the_earliest_cue_decides() -> None:
    assert section_of("Rezultatele activităților în curs", SECTIONS, LEMMAS) == "results"


def test_heading_words_leave_numbering_and_colon_out() -> None:
    assert heading_words("IV. Scopul proiectului :", SECTIONS.heading) == ["Scopul", "proiectului"]
    assert heading_words("", SECTIONS.heading) is None


@pytest.mark.parametrize("text", ["2019", "\u2013 3 \u2013", "12.", "(1)"])
def test_a_line_without_words_is_no_heading(text: str) -> None:
    """A page number or a lone count has no words a heading could have."""
    assert heading_words(text, SECTIONS.heading) is None


@pytest.mark.parametrize(
    ("word", "cues", "expected"),
    [
        ("obiectivele", ("obiectiv",), True),  # by the lemma table
        ("OBIECTIVELE", ("obiectiv",), True),  # lower case looked up too
        ("derulării", ("derulare",), True),  # the cue less its last letter
        ("curs", ("curs",), True),  # the word itself
        ("scoala", ("scop",), False),  # short cues match no stem
        ("activ", ("activitate",), False),
    ],
)
def test_carries(word: str, cues: tuple[str, ...], expected: bool) -> None:
    assert carries(word, cues, LEMMAS) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Activitățile implementate și rezultatele obținute pentru Etapa nr. 1 :", True),
        ("**Etapa 2:**", True),
        ("### Etapa nr. 3", True),
        ("X Etapa nr. 3", False),  # only markdown marks and spaces are stripped before it
        ("Principalele rezultate", False),
    ],
)
def test_subheadings(text: str, expected: bool) -> None:
    assert is_subheading(text, SECTIONS) is expected


def test_a_cue_of_five_letters_is_carried_by_words_starting_with_it_less_its_last() -> None:
    assert carries("etapelor", ("etapa",), {})
    assert not carries("etapelor", ("etap",), {})


def test_a_word_sharing_less_than_the_cue_less_its_last_letter_does_not_carry_it() -> None:
    assert carries("rezultatele", ("rezultat",), {})
    assert not carries("rezulte", ("rezultat",), {})


@pytest.mark.parametrize(
    ("text", "words"),
    [
        pytest.param("# A) Rezultate", ["Rezultate"], id="markdown-mark-then-numbering"),
        pytest.param("Xenon rezultate", ["Xenon", "rezultate"], id="first-word-kept-whole"),
        pytest.param("Rezultate etc.:", None, id="a-sentence-end-before-the-colon"),
        pytest.param("Rezultate etapa X :", ["Rezultate", "etapa", "X"], id="last-word-X-kept"),
        pytest.param(
            "Rezultatele obținute de cluster în prima etapă anuală",
            ["Rezultatele", "obținute", "de", "cluster", "în", "prima", "etapă", "anuală"],
            id="as-many-words-as-a-heading-may-have",
        ),
        pytest.param(
            "Rezultatele obținute de cluster în prima etapă a anului", None, id="one-word-more"
        ),
    ],
)
def test_heading_words_after_marks_and_numbering(text: str, words: list[str] | None) -> None:
    assert heading_words(text, SECTIONS.heading) == words
