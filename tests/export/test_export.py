"""Export round trips: the tables hold exactly what the 2019 JSON holds, in every format."""

from __future__ import annotations

import contextlib
import csv
import json
import sqlite3
from pathlib import Path
from typing import Any

import duckdb
import pytest
from conftest import REPORT_2019

from extractor.content import SECTION_KEYS
from extractor.errors import E_WRITE, ExtractorError
from extractor.export.formats import export_documents
from extractor.export.tables import TABLES, document_to_rows
from extractor.pipeline import extract
from extractor.ruleset import load_rules

RULES = load_rules().diff


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return extract(REPORT_2019).model_dump(mode="json")


def walk(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [found for item in items for found in (item, *walk(item["children"]))]


def expected_counts(document: dict[str, Any]) -> dict[str, int]:
    """Row counts read off the JSON itself, not through the export code."""
    projects = document["projects"]
    items = [
        item
        for project in projects
        for section in SECTION_KEYS
        if project[section]
        for item in walk(project[section]["items"])
    ]
    indicators = sum(
        len(p["indicators"]["esca_labels"]) + len(p["indicators"]["counts"]) for p in projects
    )
    return {
        "reports": 1,
        "projects": len(projects),
        "items": len(items),
        "facts": sum(len(item["facts"]) for item in items),
        "indicators": indicators,
        "warnings": len(document["warnings"]) + sum(len(p["warnings"]) for p in projects),
        "unparsed": len(document["unparsed"]),
    }


def test_2019_counts_are_those_of_the_json(document: dict[str, Any]) -> None:
    counts = expected_counts(document)
    assert counts == {
        "reports": 1,
        "projects": 12,
        "items": 228,
        "facts": 143,
        "indicators": 68,
        "warnings": 1,
        "unparsed": 8,
    }
    rows = document_to_rows(document, "2019")
    assert {name: len(table) for name, table in rows.items()} == counts


def test_every_row_has_its_tables_columns(document: dict[str, Any]) -> None:
    rows = document_to_rows(document, "2019")
    for table in TABLES:
        assert all(len(row) == len(table.columns) for row in rows[table.name]), table.name


def test_an_item_row_points_to_its_source(document: dict[str, Any]) -> None:
    text = REPORT_2019.read_text(encoding="utf-8")
    rows = document_to_rows(document, "2019")
    names = next(table for table in TABLES if table.name == "items").column_names
    items = [dict(zip(names, row, strict=True)) for row in rows["items"]]
    nested = next(item for item in items if item["depth"] == 2)
    assert nested["path"].count(".") == 1
    line = text.split("\n")[nested["line_start"] - 1]
    assert nested["text"][:20] in line


def test_csv_files_parse_back_with_the_csv_module(document: dict[str, Any], tmp_path: Path) -> None:
    export_documents([("2019", document)], "csv", tmp_path, RULES)
    counts = expected_counts(document)
    for table in TABLES:
        with (tmp_path / f"{table.name}.csv").open(encoding="utf-8", newline="") as handle:
            header, *rows = list(csv.reader(handle))
        assert tuple(header) == table.column_names
        assert len(rows) == counts[table.name], table.name
        assert all(len(row) == len(header) for row in rows)
    with (tmp_path / "projects.csv").open(encoding="utf-8", newline="") as handle:
        projects = list(csv.DictReader(handle))
    assert [p["acronym"] for p in projects][:3] == ["INOV-TREC", "INDAGRO", "Ino Tex"]
    assert projects[0]["region_nuts2"] == "RO11"


def test_excel_csv_starts_with_the_bom(document: dict[str, Any], tmp_path: Path) -> None:
    export_documents([("2019", document)], "csv", tmp_path, RULES, excel=True)
    assert (tmp_path / "reports.csv").read_bytes().startswith(b"\xef\xbb\xbfyear,as_of,")


def test_jsonl_is_one_project_a_line(document: dict[str, Any], tmp_path: Path) -> None:
    target = tmp_path / "projects.jsonl"
    export_documents([("2019", document)], "jsonl", target, RULES)
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 12
    assert {(line["year"], line["as_of"]) for line in lines} == {(2019, "2019-12-31")}
    assert [line["number"] for line in lines] == list(range(1, 13))
    assert lines[0]["results"] == document["projects"][0]["results"]


def test_parquet_tables_read_back_in_duckdb(document: dict[str, Any], tmp_path: Path) -> None:
    export_documents([("2019", document)], "parquet", tmp_path, RULES)
    counts = expected_counts(document)
    with contextlib.closing(duckdb.connect()) as connection:
        for table in TABLES:
            path = tmp_path / f"{table.name}.parquet"
            found = connection.execute(f"SELECT count(*) FROM '{path}'").fetchone()
            assert found == (counts[table.name],), table.name


def sqlite_counts(path: Path) -> dict[str, int]:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return {
            table.name: connection.execute(f"SELECT count(*) FROM {table.name}").fetchone()[0]
            for table in TABLES
        }


def duckdb_counts(path: Path) -> dict[str, int]:
    with contextlib.closing(duckdb.connect(str(path))) as connection:
        return {
            table.name: connection.execute(f"SELECT count(*) FROM {table.name}").fetchone()[0]
            for table in TABLES
        }


@pytest.mark.parametrize(("fmt", "counted"), [("sqlite", sqlite_counts), ("duckdb", duckdb_counts)])
def test_exporting_a_year_again_replaces_its_rows(
    document: dict[str, Any], tmp_path: Path, fmt: str, counted: Any
) -> None:
    target = tmp_path / f"clusters.{fmt}"
    export_documents([("2019", document)], fmt, target, RULES)
    first = counted(target)
    assert first == expected_counts(document)
    export_documents([("2019", document)], fmt, target, RULES)
    assert counted(target) == first
    assert not [path.name for path in tmp_path.iterdir() if path != target]


def test_sqlite_keys_hold(document: dict[str, Any], tmp_path: Path) -> None:
    target = tmp_path / "clusters.sqlite"
    export_documents([("2019", document)], "sqlite", target, RULES)
    with contextlib.closing(sqlite3.connect(target)) as connection:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        indexes = {row[1] for row in connection.execute("PRAGMA index_list(items)")}
    assert "items_year_project" in indexes


def test_two_documents_of_one_year_are_refused(document: dict[str, Any], tmp_path: Path) -> None:
    with pytest.raises(ExtractorError, match=r"^E030 a and b both report on 2019"):
        export_documents([("a", document), ("b", document)], "csv", tmp_path, RULES)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", ["sqlite", "duckdb"])
def test_a_file_that_is_no_database_is_named_and_left_as_it_was(
    fmt: str, document: dict[str, Any], tmp_path: Path
) -> None:
    target = tmp_path / f"notes.{fmt}"
    target.write_text("not a database, " * 200, encoding="utf-8")
    with pytest.raises(ExtractorError) as caught:
        export_documents([("2019", document)], fmt, target, RULES)
    assert caught.value.code == E_WRITE
    assert caught.value.message.startswith(f"{target}: ")
    assert caught.value.hint == "export into a new file, or into one this command wrote"
    assert target.read_text(encoding="utf-8") == "not a database, " * 200
    assert [path.name for path in tmp_path.iterdir()] == [target.name]
