"""The fact pipeline: built once, its rules checked when loaded, extended by data alone."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
import spacy
from conftest import ROOT
from spacy.language import Language
from spacy.tokens import Token

from extractor.errors import E_RULES, ExtractorError
from extractor.nlp.components import build_nlp
from extractor.nlp.facts import doc_to_facts
from extractor.ruleset import DEFAULT_RULES_DIR, load_rules

REPORT = ROOT / "sources" / "cluster-inovativ-2019.txt"


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, target)
    return target


def pipeline_for(directory: Path) -> Language:
    """The fact pipeline of a rules folder: its rules loaded (and checked) by the one loader."""
    return build_nlp(load_rules(directory))


def edit(path: Path, change: Callable[[str], str]) -> None:
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


def test_built_once_per_process() -> None:
    assert pipeline_for(DEFAULT_RULES_DIR) is pipeline_for(DEFAULT_RULES_DIR)
    assert pipeline_for(DEFAULT_RULES_DIR).pipe_names == ["fact_lexicon", "fact_matcher"]


def _boundaries(tokens: Iterable[Token]) -> set[int]:
    return {token.idx for token in tokens} | {token.idx + len(token) for token in tokens}


def test_the_tokenizer_splits_where_spacys_romanian_does_and_where_the_rules_add() -> None:
    """The rules' infixes only add splits: every one of `spacy.blank("ro")` stays, the
    report's texts included (its own default infixes and exceptions at work)."""
    nlp, blank = pipeline_for(DEFAULT_RULES_DIR), spacy.blank("ro")
    texts = [
        *(line for line in REPORT.read_text(encoding="utf-8").splitlines() if line.strip()),
        "ritm...alert, 3,5-4 mil. lei, d-na Pop, a.c., n-a fost, 2019:2020, x=y și a<b",
    ]
    for text in texts:
        assert _boundaries(blank(text)) <= _boundaries(nlp.tokenizer(text)), text
    # A slash between letters is the rules' own split, which spaCy's Romanian lacks.
    words = "produse/tehnologii/servicii"
    assert [token.text for token in blank(words)] == [words]
    assert [token.text for token in nlp.tokenizer(words)] == [
        "produse",
        "/",
        "tehnologii",
        "/",
        "servicii",
    ]


@pytest.mark.parametrize(
    ("file", "change", "words"),
    [
        ("units.toml", lambda text: text.replace("units = [", "units = 7\nold = ["), "units"),
        ("dates.toml", lambda text: text.replace('"mai" = 5', '"mai" = 13'), "month 'mai'"),
        ("labels.toml", lambda text: text.replace('"aur" = "gold"', '"aur" = "platinum"'), "aur"),
        ("numbers.toml", lambda text: text + "\n[broken\n", "not valid TOML"),
        ("tokenizer.toml", lambda text: text.replace("(?<=", "(?<"), "does not compile"),
        (
            "units.toml",
            lambda text: text.replace('"sesiune de training"', '"training"'),
            "one word",
        ),
    ],
)
def test_a_bad_vocabulary_entry_is_an_e020_naming_file_and_entry(
    rules_copy: Path, file: str, change: Callable[[str], str], words: str
) -> None:
    edit(rules_copy / "nlp" / file, change)
    with pytest.raises(ExtractorError) as caught:
        pipeline_for(rules_copy)
    assert caught.value.code == E_RULES
    assert file in caught.value.message
    assert words in caught.value.message


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("{not json", "line 2 is not JSON"),
        ('{"label": "date", "pattern": [{"LENGTH": 1' + "0" * 5000 + "}]}", "line 2: a number of"),
        ('{"label": "money", "pattern": [{"LOWER": "lei"}]}', "line 2: label"),
        ('{"label": "quantity", "pattern": []}', "line 2: pattern"),
        ('{"label": "quantity", "pattern": [{"COLOUR": "red"}]}', "line 2: pattern"),
    ],
)
def test_a_bad_pattern_line_is_an_e020_naming_file_and_line(
    rules_copy: Path, line: str, words: str
) -> None:
    path = rules_copy / "nlp" / "dates.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0], line, *lines[1:]]) + "\n", encoding="utf-8")
    with pytest.raises(ExtractorError) as caught:
        pipeline_for(rules_copy)
    assert caught.value.code == E_RULES
    assert "dates.jsonl" in caught.value.message
    assert words in caught.value.message


def test_a_missing_rules_file_is_an_e020(rules_copy: Path) -> None:
    (rules_copy / "nlp" / "labels.jsonl").unlink()
    with pytest.raises(ExtractorError, match=r"E020 cannot read rules file .*labels.jsonl"):
        pipeline_for(rules_copy)


def test_an_analyst_adds_a_unit_and_an_organization_form_as_data(rules_copy: Path) -> None:
    text = "Au avut loc trei vizite la Camera de Comerț Cluj"

    def found(rules_dir: Path) -> list[tuple[str, str]]:
        nlp = pipeline_for(rules_dir)
        doc = nlp(text)
        return [
            (fact.type, text[fact.start : fact.end])
            for fact in doc_to_facts(doc, "results", nlp.get_pipe("fact_lexicon"))
        ]

    assert found(DEFAULT_RULES_DIR) == []
    edit(
        rules_copy / "nlp" / "units.toml",
        lambda rules: rules.replace('"acord",', '"acord", "vizită",'),
    )
    form = (
        '{"label": "organization", "pattern": [{"LOWER": "camera"}, {"LOWER": "de"}, '
        '{"LOWER": "comerț"}, {"IS_TITLE": true, "OP": "*"}]}\n'
    )
    edit(rules_copy / "nlp" / "organizations.jsonl", lambda patterns: patterns + form)
    assert found(rules_copy) == [
        ("quantity", "trei vizite"),
        ("organization", "Camera de Comerț Cluj"),
    ]
