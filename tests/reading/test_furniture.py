"""Page furniture by evidence: page-number forms, and lines recurring as running heads."""

from __future__ import annotations

import pytest

from extractor.reading.furniture import furniture_indexes, is_page_number
from extractor.ruleset import load_rules

RULES = load_rules().document.furniture
HEAD = "UEFISCDI \u2013 Stadiul proiectelor Cluster inovativ 2019"


@pytest.mark.parametrize(
    "text",
    [
        "3",
        "- 3 -",
        "\u2013 12 \u2013",
        "Pagina 3 din 20",
        "pagina 3 / 20",
        "pag. 3",
        "Page 4",
        "3/20",
    ],
)
def test_page_numbers(text: str) -> None:
    assert is_page_number(text, RULES)


@pytest.mark.parametrize("text", ["2019-2020", "3 membri", "Etapa 3", "01.06.2018", "1234"])
def test_not_page_numbers(text: str) -> None:
    assert not is_page_number(text, RULES)


def found(
    texts: list[str], structure: frozenset[int] = frozenset(), labels: frozenset[int] = frozenset()
) -> set[int]:
    return set(furniture_indexes(texts, structure.__contains__, labels.__contains__, RULES))


def test_a_line_recurring_three_times_is_a_running_head() -> None:
    texts = [HEAD, "Text unu.", "Pagina 1 din 3", HEAD.replace("2019", "2020"), "Text doi.", HEAD]
    assert found(texts) == {0, 2, 3, 5}


def test_twice_is_not_enough() -> None:
    assert found([HEAD, "Text.", HEAD]) == set()


def test_recurring_structure_is_not_furniture() -> None:
    texts = ["Principalele rezultate:"] * 3
    assert found(texts, structure=frozenset({0, 1, 2})) == set()


def test_recurring_tails_of_wrapped_sentences_are_not_furniture() -> None:
    assert found(["clusterului;"] * 3) == set()
    assert found(["Salice Com Prod,"] * 3) == set()


def test_a_paragraph_several_projects_share_is_not_furniture() -> None:
    assert found(["Creșterea competitivității."] * 3) == set()


def test_a_number_between_two_table_labels_is_a_value() -> None:
    texts = ["Nr. membri cluster", "29", "Regiunea", "Centru", "Text.", "7"]
    assert found(texts, labels=frozenset({0, 2})) == {5}


def test_a_recurring_value_after_a_label_is_no_running_head() -> None:
    texts = ["Domeniu", "Textile și pielărie", "Text unu.", "Domeniu", "Textile și pielărie"]
    texts += ["Text doi.", "Domeniu", "Textile și pielărie", "Text trei."]
    labels = frozenset({0, 3, 6})
    assert found(texts, structure=labels, labels=labels) == set()


def test_a_running_head_after_a_label_is_furniture_all_the_same() -> None:
    texts = ["Perioadă implementare", HEAD, "01.06.2018 - 31.05.2020", "Text.", HEAD, "Alt.", HEAD]
    assert found(texts, structure=frozenset({0}), labels=frozenset({0})) == {1, 4, 6}


def test_a_page_number_between_a_label_and_its_value_is_furniture() -> None:
    texts = ["Perioadă implementare", "- 1 -", "01.06.2018 - 31.05.2020", "Coordonator"]
    assert found(texts, labels=frozenset({0, 3})) == {1}


def test_a_number_after_a_label_at_the_end_of_the_text_is_its_value() -> None:
    assert found(["Text.", "Nr. membri cluster", "29"], labels=frozenset({1})) == set()


def test_a_running_head_is_at_most_the_rules_length() -> None:
    longest = "Antet " + "x" * (RULES.recurring_length - len("Antet "))
    assert found([longest, "Text.", longest, "Alt.", longest]) == {0, 2, 4}
    too_long = longest + "x"
    assert found([too_long, "Text.", too_long, "Alt.", too_long]) == set()


def test_a_running_head_with_its_numbers_in_another_case_and_spacing() -> None:
    """Digits aside, case and spacing aside: these three are one running head."""
    heads = [
        "Raport  2019 \u2013 pagina 3",
        "RAPORT 2019 \u2013 PAGINA 14",
        "Raport 2020 \u2013 Pagina 5",
    ]
    assert found([heads[0], "Text.", heads[1], "Alt.", heads[2]]) == {0, 2, 4}
    assert found([heads[0], "Text.", "Raport 2019 \u2013 paginile 3", "Alt.", heads[2]]) == set()
