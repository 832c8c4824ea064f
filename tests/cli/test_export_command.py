"""`extractor export`: inputs (documents, reports, folders), formats, summary and errors."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest
from reports import project_block, report

from extractor.cli.main import main


@pytest.fixture
def documents(tmp_path: Path) -> Path:
    """A folder with the documents of two small reports, 2020 and 2021."""
    sources = tmp_path / "sources"
    sources.mkdir()
    for year, acronyms in ((2020, ("AAA", "BBB")), (2021, ("AAA", "CCC", "DDD"))):
        blocks = [project_block(n, acronym) for n, acronym in enumerate(acronyms, start=1)]
        text = report(*blocks).replace("31.12.2020", f"31.12.{year}")
        (sources / f"mic-{year}.txt").write_text(text, encoding="utf-8")
    output = tmp_path / "output"
    assert main(["extract", str(sources), "-o", str(output), "-q"]) == 0
    return output


def test_export_a_folder_of_documents_to_sqlite(documents: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "clusters.sqlite"
    assert main(["export", str(documents), "--format", "sqlite", "-o", str(target)]) == 0
    assert capsys.readouterr().err == (
        f"sqlite -> {target}: reports 2, projects 5, items 15, facts 5, indicators 5, "
        "warnings 0, unparsed 0\n"
    )
    connection = sqlite3.connect(target)
    found = connection.execute(
        "SELECT project_key, year, acronym FROM project_years ORDER BY project_key, year"
    ).fetchall()
    connection.close()
    assert found == [
        ("2020-1", 2020, "AAA"),
        ("2020-1", 2021, "AAA"),
        ("2020-2", 2020, "BBB"),
        ("2021-2", 2021, "CCC"),
        ("2021-3", 2021, "DDD"),
    ]


def test_export_a_report_extracts_it_first(documents: Path, tmp_path: Path) -> None:
    source = tmp_path / "sources" / "mic-2020.txt"
    folder = tmp_path / "tables"
    assert main(["export", str(source), "--format", "csv", "--excel", "-o", str(folder), "-q"]) == 0
    with (folder / "projects.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(row["year"], row["number"], row["acronym"]) for row in rows] == [
        ("2020", "1", "AAA"),
        ("2020", "2", "BBB"),
    ]


def test_export_jsonl(documents: Path, tmp_path: Path) -> None:
    target = tmp_path / "projects.jsonl"
    assert main(["export", str(documents), "--format", "jsonl", "-o", str(target), "-q"]) == 0
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [(line["year"], line["acronym"]) for line in lines] == [
        (2020, "AAA"),
        (2020, "BBB"),
        (2021, "AAA"),
        (2021, "CCC"),
        (2021, "DDD"),
    ]


def test_export_of_a_folder_without_documents(tmp_path: Path, capsys) -> None:
    target = tmp_path / "x.sqlite"
    assert main(["export", str(tmp_path), "--format", "sqlite", "-o", str(target)]) == 2
    assert capsys.readouterr().err.startswith("extractor: E001 ")
    assert not target.exists()


def test_export_of_something_else_than_a_document(tmp_path: Path, capsys) -> None:
    path = tmp_path / "other.json"
    path.write_text('{"a": 1}', encoding="utf-8")
    target = tmp_path / "x.duckdb"
    assert main(["export", str(path), "--format", "duckdb", "-o", str(target)]) == 2
    assert capsys.readouterr().err.startswith("extractor: E040 ")
    assert not target.exists()
