"""`export --format duckdb` and `--format parquet`: DuckDB writes the file and the Parquet."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import duckdb

from extractor.errors import E_WRITE, ExtractorError
from extractor.export.database import (
    create_statements,
    insert_statement,
    write_database,
)
from extractor.export.tables import TABLES, Rows
from extractor.ruleset import DiffRules


def write_duckdb(path: Path, documents: list[Rows], rules: DiffRules) -> None:
    """Given each document's rows, put their years into the DuckDB file at `path`."""
    write_database(path, documents, rules, lambda copy: duckdb.connect(str(copy)), duckdb.Error)


def write_parquet(folder: Path, rows: Rows) -> None:
    """Given the rows of every table, one `<table>.parquet` file each in `folder`."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExtractorError(E_WRITE, f"cannot write in {folder}: {error.strerror}") from error
    with contextlib.closing(duckdb.connect()) as connection:
        for table in TABLES:
            for sql in create_statements(table):
                connection.execute(sql)
            if rows[table.name]:
                connection.executemany(insert_statement(table), rows[table.name])
            target = folder / f"{table.name}.parquet"
            temporary = folder / f".{table.name}.parquet.tmp"
            order = ", ".join(table.primary_key)
            try:
                connection.execute(
                    f"COPY (SELECT * FROM {table.name} ORDER BY {order}) "
                    f"TO '{_quoted(temporary)}' (FORMAT parquet)"
                )
                os.replace(temporary, target)
            except (duckdb.Error, OSError) as error:
                with contextlib.suppress(OSError):
                    temporary.unlink()
                raise ExtractorError(E_WRITE, f"cannot write {target}: {error}") from error


def _quoted(path: Path) -> str:
    """A path inside a SQL string literal."""
    return str(path).replace("'", "''")
