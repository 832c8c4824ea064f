"""`extractor diff OLD NEW`: the command-line edge of `extractor.compare.documents`.

Reads the two documents (extracting a report first when given one), renders
the diff, and gives diff(1)'s exit status: 0 the same, 1 different. Trouble
raises `ExtractorError`, which the CLI's `main` turns into one line and 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from extractor.cli.commands import add_command

EXIT_SAME, EXIT_DIFFERENT = 0, 1

_EPILOG = """\
Exit status: 0 no differences, 1 differences, 2 trouble (as diff(1)).

Example:
  extractor diff output/cluster-2019.json output/cluster-2020.json
  extractor diff cluster-2019.json sources/cluster-2020.pdf --format markdown > changes.md
"""


def add_diff_command(subparsers: Any) -> argparse.ArgumentParser:
    """Given the CLI's subparsers, add `diff`; `args.handler(args)` runs it, giving the status."""
    parser = add_command(
        subparsers,
        "diff",
        "compare two extracted reports: projects, fields, items",
        _EPILOG,
        description="Compare two extracted documents: projects added, removed and changed, "
        "field changes (old → new) and item changes per section. White space, markup and "
        "provenance are never differences.",
    )
    for name, which in (("old", "earlier"), ("new", "later")):
        parser.add_argument(
            name,
            type=Path,
            metavar=name.upper(),
            help=f"the {which} document: extracted .json, or a report (.txt, .pdf) to extract",
        )
    parser.add_argument(
        "--format",
        choices=("text", "json", "markdown"),
        default="text",
        help="text: a report for the terminal, coloured on a terminal unless NO_COLOR is set; "
        "json: the diff contract; markdown: a report to paste into a note (default: text)",
    )
    parser.set_defaults(handler=run_diff)
    return parser


def run_diff(args: argparse.Namespace) -> int:
    """Given parsed arguments, print the diff and return the exit status."""
    from extractor.compare.documents import diff_documents, has_differences
    from extractor.compare.rules import load_diff_rules
    from extractor.pipeline import document_data

    # The rules are read whole only to extract a report; the comparison needs diff.toml.
    old, new = document_data(args.old, args.rules), document_data(args.new, args.rules)
    diff = diff_documents(old, new, load_diff_rules(args.rules))
    old_label, new_label = str(args.old), str(args.new)
    if args.format == "json":
        from extractor.emit import to_json

        sys.stdout.write(to_json(diff))
    else:
        from extractor.compare.render import render_markdown, render_terminal

        if args.format == "markdown":
            sys.stdout.write(render_markdown(diff, old_label, new_label))
        else:
            colour = wants_colour(sys.stdout)
            sys.stdout.write(render_terminal(diff, old_label, new_label, colour=colour))
    return EXIT_DIFFERENT if has_differences(diff) else EXIT_SAME


def wants_colour(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set or TERM is dumb."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return stream.isatty()
