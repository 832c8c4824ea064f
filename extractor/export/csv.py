"""`export --format csv`: a folder of flat tables, one `<table>.csv` each, UTF-8."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from extractor.emit import write_atomic
from extractor.export.tables import TABLES, Rows

# Excel takes a CSV file for UTF-8 only when it starts with a byte order mark.
EXCEL_BOM = "\ufeff"


def table_text(names: tuple[str, ...], rows: list[tuple[object, ...]], *, excel: bool) -> str:
    """A header line and one line per row, as the csv module writes them; None is empty."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(names)
    writer.writerows(rows)
    return (EXCEL_BOM if excel else "") + buffer.getvalue()


def write_csv(folder: Path, rows: Rows, *, excel: bool = False) -> None:
    """Given the rows of every table, write `<table>.csv` files into `folder`."""
    for table in TABLES:
        text = table_text(table.column_names, rows[table.name], excel=excel)
        write_atomic(folder / f"{table.name}.csv", text)
