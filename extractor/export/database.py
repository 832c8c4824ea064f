"""One database file holding several years: the SQL that SQLite and DuckDB share.

Both speak the same DB-API and the same SQL here, so a driver module only opens
its connection. Exporting a year already in the file replaces that year's rows.
The work happens on a copy beside the file, renamed over it at the end, so a
failed export leaves the file as it was.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

from extractor.errors import E_WRITE, ExtractorError
from extractor.export.lineage import project_lineage
from extractor.export.tables import PROJECT_LINEAGE, TABLES, Rows, Table
from extractor.ruleset import DiffRules

DATABASE_TABLES: tuple[Table, ...] = (*TABLES, PROJECT_LINEAGE)

# Each project's rows beside its key across the years: members per project per year is
# `SELECT project_key, year, cluster_members FROM project_years`.
PROJECT_YEARS_VIEW = """\
CREATE VIEW IF NOT EXISTS project_years AS
SELECT lineage.project_key, lineage.matched_by, projects.*
FROM projects
JOIN project_lineage AS lineage
  ON lineage.year = projects.year AND lineage.project_number = projects.number"""


class Connection(Protocol):
    """What is used of a DB-API connection; SQLite's and DuckDB's both have it."""

    def execute(self, sql: str, parameters: Any = ..., /) -> Any: ...

    def executemany(self, sql: str, parameters: Any, /) -> Any: ...

    def close(self) -> None: ...


def create_statements(table: Table) -> list[str]:
    """Given a table, its CREATE TABLE with keys, and its index on (year, project number)."""
    columns = [f"{column.name} {column.sql_type}" for column in table.columns]
    columns.append(f"PRIMARY KEY ({', '.join(table.primary_key)})")
    for own, target in table.foreign_keys:
        referenced = next(t for t in DATABASE_TABLES if t.name == target).primary_key
        columns.append(
            f"FOREIGN KEY ({', '.join(own)}) REFERENCES {target} ({', '.join(referenced)})"
        )
    body = ",\n  ".join(columns)
    statements = [f"CREATE TABLE IF NOT EXISTS {table.name} (\n  {body}\n)"]
    project = "number" if table.name == "projects" else "project_number"
    if project in table.column_names:
        index = f"{table.name}_year_project"
        statements.append(f"CREATE INDEX IF NOT EXISTS {index} ON {table.name} (year, {project})")
    return statements


def schema_statements() -> list[str]:
    """Every statement that makes an empty file a database of the tables and the view."""
    statements = [sql for table in DATABASE_TABLES for sql in create_statements(table)]
    return [*statements, PROJECT_YEARS_VIEW]


def insert_statement(table: Table) -> str:
    marks = ", ".join("?" for _ in table.columns)
    return f"INSERT INTO {table.name} ({', '.join(table.column_names)}) VALUES ({marks})"


def write_years(connection: Connection, documents: list[Rows], rules: DiffRules) -> None:
    """Given an open database and each document's rows, replace those years and the lineage.

    The old rows go first, children before parents, each statement on its own:
    DuckDB checks a foreign key against rows deleted earlier in the same
    transaction. The new rows then come in one transaction (the file is a copy,
    so a failure half way leaves the original untouched either way).
    """
    for sql in schema_statements():
        connection.execute(sql)
    connection.execute(f"DELETE FROM {PROJECT_LINEAGE.name}")
    for rows in documents:
        for table in reversed(TABLES):
            connection.execute(f"DELETE FROM {table.name} WHERE year = ?", [rows["reports"][0][0]])
    connection.execute("BEGIN TRANSACTION")
    for rows in documents:
        for table in TABLES:
            if rows[table.name]:
                connection.executemany(insert_statement(table), rows[table.name])
    years: dict[int, list[dict[str, Any]]] = {}
    found = connection.execute(
        "SELECT year, number, acronym, title FROM projects ORDER BY year, position"
    ).fetchall()
    for year, number, acronym, title in found:
        years.setdefault(year, []).append({"number": number, "acronym": acronym, "title": title})
    lineage = project_lineage(years, rules)
    if lineage:
        connection.executemany(insert_statement(PROJECT_LINEAGE), lineage)
    connection.execute("COMMIT")


def write_database(
    path: Path,
    documents: list[Rows],
    rules: DiffRules,
    connect: Callable[[Path], Connection],
    engine_error: type[Exception],
) -> None:
    """Given each document's rows, put their years into the database file at `path`.

    `connect` opens the working copy (SQLite or DuckDB); `engine_error` is that
    engine's own error, which becomes one E_WRITE naming the file.
    """
    with working_copy(path) as copy:
        try:
            with contextlib.closing(connect(copy)) as connection:
                write_years(connection, documents, rules)
        except engine_error as error:
            raise ExtractorError(
                E_WRITE,
                f"{path}: {error}",
                "export into a new file, or into one this command wrote",
            ) from error


@contextlib.contextmanager
def working_copy(path: Path) -> Iterator[Path]:
    """A copy of the database file (or no file) beside it, renamed over it if all goes well."""
    directory = path.parent if str(path.parent) else Path(".")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        descriptor, name = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
        os.close(descriptor)
        os.unlink(name)  # the database makes its own file
        if path.exists():
            shutil.copyfile(path, name)
    except OSError as error:
        raise ExtractorError(E_WRITE, f"cannot write {path}: {error.strerror}") from error
    copy = Path(name)
    try:
        yield copy
        os.replace(copy, path)
    except OSError as error:
        raise ExtractorError(E_WRITE, f"cannot write {path}: {error.strerror}") from error
    finally:
        for leftover in (copy, Path(f"{name}.wal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
