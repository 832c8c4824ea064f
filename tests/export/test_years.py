"""Two years in one database: members per project per year is one SELECT over `project_years`.

The second year is the written change list of `second_year`: Ino Tex renumbered
from 3 to 2 and re-spelled INO-TEX (61 → 64 members), the project without a
header now PROWOOD number 13, INDAGRO gone, NEWCLUS new as number 6 (12
members), CRONOS 54 → 58 members.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import Any

import duckdb
import pytest
from second_year import document_2019, document_2020

from extractor.export.formats import export_documents
from extractor.ruleset import load_rules

RULES = load_rules().diff

MEMBERS_PER_PROJECT_PER_YEAR = """
SELECT project_key, year, number, acronym, cluster_members
FROM project_years
ORDER BY project_key, year
"""

UNCHANGED = {1: ("INOV-TREC", 32), 4: ("CATINN", 32), 5: ("CM", 70), 7: ("MECHATRANS", 15)}
UNCHANGED |= {10: ("SMARTI", 65), 11: ("SANINFO", 20), 12: ("CEX-IMAG", 27)}


def expected_rows() -> list[tuple[Any, ...]]:
    rows = [
        (f"2019-{number}", year, number, acronym, members)
        for number, (acronym, members) in UNCHANGED.items()
        for year in (2019, 2020)
    ]
    rows += [
        ("2019-2", 2019, 2, "INDAGRO", 100),
        ("2019-3", 2019, 3, "Ino Tex", 61),
        ("2019-3", 2020, 2, "INO-TEX", 64),
        ("2019-6", 2019, 6, None, 57),
        ("2019-6", 2020, 13, "PROWOOD", 57),
        ("2019-8", 2019, 8, "ASTRICONE", 32),
        ("2019-8", 2020, 8, "ASTRI-CONE", 32),
        ("2019-9", 2019, 9, "CRONOS", 54),
        ("2019-9", 2020, 9, "CRONOS", 58),
        ("2020-6", 2020, 6, "NEWCLUS", 12),
    ]
    return sorted(rows, key=lambda row: (row[0], row[1]))


def query_sqlite(path: Path, sql: str) -> list[tuple[Any, ...]]:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql).fetchall()


def query_duckdb(path: Path, sql: str) -> list[tuple[Any, ...]]:
    with contextlib.closing(duckdb.connect(str(path))) as connection:
        return connection.execute(sql).fetchall()


DATABASES = [("sqlite", query_sqlite), ("duckdb", query_duckdb)]


@pytest.mark.parametrize(("fmt", "query"), DATABASES)
def test_members_per_project_per_year(tmp_path: Path, fmt: str, query: Any) -> None:
    target = tmp_path / f"clusters.{fmt}"
    export_documents([("2019", document_2019())], fmt, target, RULES)
    export_documents([("2020", document_2020())], fmt, target, RULES)
    assert query(target, MEMBERS_PER_PROJECT_PER_YEAR) == expected_rows()


@pytest.mark.parametrize(("fmt", "query"), DATABASES)
def test_projects_match_as_diff_matches_them(tmp_path: Path, fmt: str, query: Any) -> None:
    target = tmp_path / f"clusters.{fmt}"
    export_documents([("2020", document_2020()), ("2019", document_2019())], fmt, target, RULES)
    matched = query(
        target,
        "SELECT number, matched_by FROM project_years "
        "WHERE year = 2020 AND matched_by <> 'number' ORDER BY number",
    )
    assert matched == [(2, "acronym"), (13, "title")]


@pytest.mark.parametrize(("fmt", "query"), DATABASES)
def test_exporting_2019_again_keeps_2020_and_its_matches(
    tmp_path: Path, fmt: str, query: Any
) -> None:
    target = tmp_path / f"clusters.{fmt}"
    export_documents([("2019", document_2019()), ("2020", document_2020())], fmt, target, RULES)
    changed = document_2019()
    changed["projects"][0]["cluster_members"] = 33
    export_documents([("2019", changed)], fmt, target, RULES)
    rows = query(target, MEMBERS_PER_PROJECT_PER_YEAR)
    assert len(rows) == len(expected_rows())
    assert ("2019-1", 2019, 1, "INOV-TREC", 33) in rows
    assert query(target, "SELECT year, count(*) FROM projects GROUP BY year ORDER BY year") == [
        (2019, 12),
        (2020, 12),
    ]
