"""The bundled rules load; a bad rules file stops the run with E020 naming file and entry."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extractor.constraints import REGION_NUTS2
from extractor.errors import ExtractorError
from extractor.ruleset import DEFAULT_RULES_DIR, TABLE_FIELDS, Rules, load_rules


def test_bundled_rules_load() -> None:
    rules = load_rules()
    assert isinstance(rules, Rules)
    assert rules.directory == DEFAULT_RULES_DIR
    assert rules.encodings.legacy == ("cp1250", "iso-8859-16", "iso-8859-2")
    assert sorted(column.field for column in rules.table.columns) == sorted(TABLE_FIELDS)
    assert sorted(region.name for region in rules.regions.regions) == sorted(REGION_NUTS2)
    assert rules.table.min_header_columns == 5
    assert load_rules() is rules


def test_bundled_patterns_have_their_groups() -> None:
    rules = load_rules()
    match = rules.document.project.header_match("Nr.proiect/acronim _1 CLS/INOV-TREC")
    assert match is not None
    assert (match["number"], match["acronym"]) == ("1", "INOV-TREC")
    period = rules.table.period.pattern.match("01.06.2018 - 31.05.2020")
    assert period is not None
    assert (period["start"], period["end"]) == ("01.06.2018", "31.05.2020")
    title = rules.document.title.pattern.match(
        'Stadiul proiectelor "Cluster inovativ" la 31.12.2019'
    )
    assert title is not None
    assert title["as_of"] == "31.12.2019"


# (file, text to replace, replacement, words the message must hold)
BROKEN_CASES = [
    pytest.param(
        "table.toml",
        "(?P<start>",
        "(?P<start>(",
        ["table.toml", "entry period.pattern", "does not compile"],
        id="pattern-does-not-compile",
    ),
    pytest.param(
        "document.toml",
        "patterns = [\n    '^\\s*\\d{1,3}\\s*$',",
        "patterns = [\n    '^\\s*(\\d{1,3}\\s*$',",
        ["document.toml", "entry furniture.patterns.0", "does not compile"],
        id="list-pattern-does-not-compile",
    ),
    pytest.param(
        "table.toml",
        "(?P<start>",
        "(",
        ["table.toml", "entry period", "lacks the group(s) start"],
        id="pattern-lacks-group",
    ),
    pytest.param(
        "document.toml",
        "(?P<acronym>",
        "(?P<acro>",
        ["document.toml", "entry project", "header", "lacks the group(s) acronym"],
        id="header-lacks-group",
    ),
    pytest.param(
        "regions.toml",
        'name = "Vest"',
        'name = "Atlantida"',
        ["regions.toml", "entry regions.7.name", "'Atlantida'"],
        id="unknown-region",
    ),
    pytest.param(
        "encodings.toml",
        '"iso-8859-2"',
        '"klingon-8"',
        ["encodings.toml", "entry legacy", "unknown encoding 'klingon-8'"],
        id="unknown-encoding",
    ),
    pytest.param(
        "markup.toml",
        "sentence_end = ",
        "sentence_end == ",
        ["markup.toml", "not valid TOML", "line 11"],
        id="malformed-toml",
    ),
    pytest.param(
        "sections.toml",
        "max_words = 8",
        "max_words = 8" + "0" * 5000,
        ["sections.toml", "a number of more than 4300 digits"],
        id="number-too-long-for-python",
    ),
    pytest.param(
        "sections.toml",
        'key = "ongoing"',
        'key = "later"',
        ["sections.toml", "entry sections.2.key", "'later'"],
        id="unknown-section-key",
    ),
    pytest.param(
        "markup.toml",
        'kind = "sub_bullet"\nlevel = 2',
        'kind = "sub_bullet"\nlevel = 3',
        ["markup.toml", "entry markers.2.level"],
        id="marker-level-out-of-range",
    ),
    pytest.param(
        "markup.toml",
        'kind = "check"',
        'kind = "arrow"',
        ["markup.toml", "entry markers.3.kind", "'arrow'"],
        id="unknown-marker-kind",
    ),
    pytest.param(
        "sections.toml",
        "max_words = 8",
        "max_words = 0",
        ["sections.toml", "entry heading.max_words"],
        id="heading-of-no-words",
    ),
    pytest.param(
        "table.toml",
        'field = "domain"',
        'field = "domeniu"',
        ["table.toml", "entry columns", "domain"],
        id="table-field-missing",
    ),
    pytest.param(
        "table.toml",
        "min_header_columns = 5",
        "min_header_columns = 5\ncolumn_count = 7",
        ["table.toml", "entry column_count"],
        id="unknown-key",
    ),
    pytest.param(
        "pdf.toml",
        "min_size = 0.12",
        "min_size = 0.9",
        ["pdf.toml", "entry lists.shapes", "min_size must be smaller than max_size"],
        id="shape-sizes-out-of-order",
    ),
    pytest.param(
        "pdf.toml",
        'outlined = "◦"',
        'outlined = "@"',
        ["pdf.toml", "entry lists", "'@' must be one of the bullets"],
        id="shape-glyph-not-a-bullet",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "words"), BROKEN_CASES)
def test_broken_rules_file_is_e020(
    tmp_path: Path, file: str, old: str, new: str, words: list[str]
) -> None:
    directory = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, directory)
    path = directory / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ExtractorError) as caught:
        load_rules(directory)
    assert caught.value.code == "E020"
    assert str(path) in caught.value.message
    for word in words:
        assert word in caught.value.message


def test_missing_rules_file_is_e020(tmp_path: Path) -> None:
    directory = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, directory)
    (directory / "sections.toml").unlink()
    with pytest.raises(ExtractorError) as caught:
        load_rules(directory)
    assert caught.value.code == "E020"
    assert str(directory / "sections.toml") in caught.value.message
    assert caught.value.hint


def test_copied_rules_load_from_their_directory(tmp_path: Path) -> None:
    directory = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, directory)
    path = directory / "regions.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('"Vest", "Regiunea Vest"', '"Vest", "Banat"'),
        encoding="utf-8",
    )
    rules = load_rules(directory)
    assert rules.directory == directory
    assert rules.regions.canonical("Banat") == "Vest"
    assert load_rules().regions.canonical("Banat") is None


COLUMN_CASES = [
    ("Titlu", "title"),
    ("Titlul proiectului", "title"),
    ("Perioadă implementare", "period"),
    ("Perioada implementare", "period"),
    ("PERIOADA  DE IMPLEMENTARE", "period"),
    ("Coordonator", "coordinator"),
    ("Director proiect", "director"),
    ("Director de proiect", "director"),
    ("Nr. membri cluster", "cluster_members"),
    ("Nr membri cluster", "cluster_members"),
    ("Număr membri cluster", "cluster_members"),
    ("Regiunea", "region"),
    ("Regiune", "region"),
    (" Domeniu ", "domain"),
    ("Domeniul", "domain"),
    ("Buget", None),
    ("Titlu proiect nou", None),
    ("", None),
]


@pytest.mark.parametrize(("header", "field"), COLUMN_CASES)
def test_field_for_header(header: str, field: str | None) -> None:
    assert load_rules().table.field_for_header(header) == field


REGION_CASES = [
    # As the 2019 report writes them.
    ("Nord-Vest", "Nord-Vest"),
    ("Nord - Vest", "Nord-Vest"),
    ("Sud", "Sud-Muntenia"),
    ("Centru", "Centru"),
    ("Sud - Vest", "Sud-Vest Oltenia"),
    ("Nord - Est", "Nord-Est"),
    ("Bucuresti", "București-Ilfov"),
    ("Sud - Est", "Sud-Est"),
    # Case, diacritics, spacing.
    ("NORD-VEST", "Nord-Vest"),
    ("Bucureşti", "București-Ilfov"),
    ("București - Ilfov", "București-Ilfov"),
    ("Vest", "Vest"),
    ("Sud-Vest Oltenia", "Sud-Vest Oltenia"),
    # Unknown.
    ("Atlantida", None),
    ("Est", None),
    ("", None),
]


@pytest.mark.parametrize(("written", "name"), REGION_CASES)
def test_region_canonical(written: str, name: str | None) -> None:
    assert load_rules().regions.canonical(written) == name
