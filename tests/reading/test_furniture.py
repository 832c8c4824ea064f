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


def test_a_number_after_a_table_label_is_its_value() -> None:
    assert found(["Nr. membri cluster", "29", "Text.", "7"], labels=frozenset({0})) == {3}
