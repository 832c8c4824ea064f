"""`extractor export INPUT... --format F -o DEST`: the command-line edge of `extractor.export`."""

from __future__ import annotations

import argparse
import sys
from functools import partial
from pathlib import Path
from typing import Any

from extractor.cli.commands import add_command, files_in
from extractor.export.formats import FORMATS, export_documents

_EPILOG = """\
DEST is a folder for csv and parquet (one file per table: reports, projects,
items, facts, indicators, warnings, unparsed), a file for the others. A
database keeps the years it holds: exporting a year again replaces its rows.

Example:
  extractor export output/ --format sqlite -o clusters.sqlite
  extractor export output/cluster-inovativ-2019.json --format csv --excel -o tables/
"""


def add_export_command(subparsers: Any) -> argparse.ArgumentParser:
    """Given the CLI's subparsers, add `export`; `args.handler(args)` runs it."""
    parser = add_command(
        subparsers,
        "export",
        "write documents as flat tables: csv, jsonl, parquet, sqlite, duckdb",
        _EPILOG,
        description="Write extracted documents (or reports, extracted first) as flat tables "
        "for spreadsheets, SQL and dashboards.",
    )
    parser.add_argument(
        "inputs",
        nargs="+",
        type=Path,
        metavar="INPUT",
        help="documents (.json), reports (.txt, .pdf) to extract, or folders of documents",
    )
    parser.add_argument("--format", required=True, choices=tuple(FORMATS), help="what to write")
    parser.add_argument(
        "-o", "--output", required=True, type=Path, metavar="DEST", help="file or folder"
    )
    parser.add_argument(
        "--excel", action="store_true", help="csv: start each file with the BOM Excel needs"
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar and no summary on stderr"
    )
    parser.set_defaults(handler=run_export)
    return parser


def run_export(args: argparse.Namespace) -> int:
    """Given parsed arguments, write the export and print its row counts."""
    from extractor.cli.progress import map_inputs
    from extractor.pipeline import document_data
    from extractor.ruleset import load_rules

    rules = load_rules(args.rules)
    paths = files_in(args.inputs, (".json",), ".json document")
    documents = map_inputs(partial(document_data, rules=rules), paths, quiet=args.quiet)
    rows = export_documents(
        [(str(path), data) for path, data in zip(paths, documents, strict=True)],
        args.format,
        args.output,
        rules.diff,
        excel=args.excel,
    )
    if not args.quiet:
        counts = ", ".join(f"{name} {len(table)}" for name, table in rows.items())
        print(f"{args.format} -> {args.output}: {counts}", file=sys.stderr)
    return 0
