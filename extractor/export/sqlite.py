"""`export --format sqlite`: the tables in one SQLite file, with the standard library."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from extractor.export.database import write_database
from extractor.export.tables import Rows
from extractor.ruleset import DiffRules


def write_sqlite(path: Path, documents: list[Rows], rules: DiffRules) -> None:
    """Given each document's rows, put their years into the SQLite file at `path`."""
    write_database(path, documents, rules, _connect, sqlite3.Error)


def _connect(path: Path) -> sqlite3.Connection:
    """Autocommit (write_years opens its own transaction), foreign keys checked."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA foreign_keys = ON")
    return connection
