"""`extractor review INPUT [NEW] -o review.html`: the command-line edge of `extractor.review`."""

from __future__ import annotations

import argparse
import sys
from functools import partial
from pathlib import Path
from typing import Any

from extractor.cli.commands import add_command

_EPILOG = """\
The page is one HTML file with no network and no external assets: open it
from disk. Click a field, item, fact or change to see its source, or a source
line to find what was read from it. Lines marked ! hold a warning, ? a line
nothing took.

Example:
  extractor review sources/cluster-inovativ-2019.txt -o review.html
  extractor review cluster-2019.pdf cluster-2020.pdf -o diff.html
"""


def add_review_command(subparsers: Any) -> argparse.ArgumentParser:
    """Given the CLI's subparsers, add `review`; `args.handler(args)` runs it."""
    parser = add_command(
        subparsers,
        "review",
        "write an HTML page showing each extracted value beside its source",
        _EPILOG,
        description="Write one self-contained HTML page to check an extraction: the report's "
        "text on one side, the extracted document on the other, linked both ways. Given two "
        "reports, the page shows both texts and the changes between them, each linked to both.",
    )
    parser.add_argument("input", type=Path, metavar="INPUT", help="a report (.txt, .pdf)")
    parser.add_argument(
        "new",
        nargs="?",
        type=Path,
        metavar="NEW",
        help="a later report: the page then shows the changes from INPUT to NEW",
    )
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="HTML")
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar and no summary on stderr"
    )
    parser.set_defaults(handler=run_review)
    return parser


def run_review(args: argparse.Namespace) -> int:
    """Given parsed arguments, write the page and say where it is."""
    from extractor.cli.progress import map_inputs
    from extractor.emit import write_atomic
    from extractor.review.page import diff_page, report_page, reviewed
    from extractor.ruleset import load_rules

    rules = load_rules(args.rules)
    inputs = [args.input] if args.new is None else [args.input, args.new]
    sides = map_inputs(partial(reviewed, rules=rules), inputs, quiet=args.quiet)
    page = diff_page(*sides, rules.diff) if len(sides) == 2 else report_page(sides[0])
    write_atomic(args.output, page)
    if not args.quiet:
        print(f"review -> {args.output}", file=sys.stderr)
    return 0
