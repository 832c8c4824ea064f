"""The export formats, and the one call that writes documents in any of them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extractor.export.tables import Rows
    from extractor.ruleset import DiffRules

# format -> what DEST is
FORMATS: dict[str, str] = {
    "csv": "folder",
    "jsonl": "file",
    "parquet": "folder",
    "sqlite": "file",
    "duckdb": "file",
}


def export_documents(
    documents: list[tuple[str, dict[str, Any]]],
    fmt: str,
    destination: Path,
    rules: DiffRules,
    *,
    excel: bool = False,
) -> Rows:
    """Given (name, document) pairs, write them as `fmt` to `destination`; the rows written.

    Databases keep the years they hold already and replace those given again;
    the other formats hold exactly the documents given.
    """
    # Imported here: the command line reads FORMATS for every command, tables only to export.
    from extractor.export.tables import document_to_rows, merged, years_in_order

    names = [name for name, _ in documents]
    rows = years_in_order([document_to_rows(data, name) for name, data in documents], names)
    if fmt == "csv":
        from extractor.export.csv import write_csv

        write_csv(destination, merged(rows), excel=excel)
    elif fmt == "jsonl":
        from extractor.export.jsonl import write_jsonl

        write_jsonl(destination, documents)
    elif fmt == "sqlite":
        from extractor.export.sqlite import write_sqlite

        write_sqlite(destination, rows, rules)
    elif fmt in ("duckdb", "parquet"):
        # Imported on first use: DuckDB takes a moment to load, and only these formats need it.
        from extractor.export.duckdb import write_duckdb, write_parquet

        if fmt == "duckdb":
            write_duckdb(destination, rows, rules)
        else:
            write_parquet(destination, merged(rows))
    else:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return merged(rows)
