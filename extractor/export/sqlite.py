"""`export --format sqlite`: the tables in one SQLite file, with the standard library."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from extractor.errors import E_WRITE, ExtractorError
from extractor.export.database import working_copy, write_years
from extractor.export.tables import Rows
from extractor.ruleset import DiffRules


def write_sqlite(path: Path, documents: list[Rows], rules: DiffRules) -> None:
    """Given each document's rows, put their years into the SQLite file at `path`."""
    with working_copy(path) as copy:
        try:
            with contextlib.closing(sqlite3.connect(copy, isolation_level=None)) as connection:
                connection.execute("PRAGMA foreign_keys = ON")
                write_years(connection, documents, rules)
        except sqlite3.Error as error:
            raise ExtractorError(
                E_WRITE,
                f"{path}: {error}",
                "export into a new file, or into one this command wrote",
            ) from error
