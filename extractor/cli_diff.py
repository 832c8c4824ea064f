"""`extractor diff OLD NEW`: the command-line edge of `extractor.diff`.

Reads the two documents and the diff rules, renders the diff, and turns the
outcome into diff(1)'s exit status: 0 the same, 1 different, 2 trouble.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tomllib
from pathlib import Path
from typing import Any, TextIO

from extractor.diff import DiffRules, check_document, diff_documents, has_differences
from extractor.diff_render import render_markdown, render_terminal
from extractor.errors import E_DECODE, E_FORMAT, E_NOT_DOCUMENT, E_READ, E_RULES, ExtractorError

DIFF_RULES = Path(__file__).resolve().parent.parent / "rules" / "diff.toml"
REPORT_SUFFIXES = frozenset({".txt", ".pdf"})

EXIT_SAME, EXIT_DIFFERENT, EXIT_TROUBLE = 0, 1, 2

_EPILOG = """\
Exit status: 0 no differences, 1 differences, 2 trouble (as diff(1)).

Example:
  extractor diff cluster-2019.json cluster-2020.json
  extractor diff cluster-2019.json cluster-2020.json --format markdown > changes.md
"""


def add_diff_command(subparsers: Any) -> argparse.ArgumentParser:
    """Given the CLI's subparsers, add `diff`; `args.handler(args)` runs it, giving the status."""
    parser = subparsers.add_parser(
        "diff",
        help="compare two extracted reports (projects, fields, items)",
        description="Compare two extracted documents: projects added, removed and changed, "
        "field changes (old → new) and item changes per section. White space, markup and "
        "provenance are never differences.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("old", metavar="OLD", help="the earlier document (extracted JSON)")
    parser.add_argument("new", metavar="NEW", help="the later document (extracted JSON)")
    parser.add_argument(
        "--format",
        choices=("text", "json", "markdown"),
        default="text",
        help="text: a report for the terminal (colour on a terminal unless NO_COLOR is set); "
        "json: the diff contract; markdown: a report to paste into a note (default: text)",
    )
    parser.set_defaults(handler=run_diff)
    return parser


def run_diff(args: argparse.Namespace, stdout: TextIO | None = None) -> int:
    """Given parsed arguments, print the diff and return the exit status."""
    stdout = stdout or sys.stdout
    try:
        rules = load_diff_rules(DIFF_RULES)
        old, new = read_document(Path(args.old)), read_document(Path(args.new))
    except ExtractorError as error:
        print(f"extractor diff: {error}", file=sys.stderr)
        return EXIT_TROUBLE
    diff = diff_documents(old, new, rules)
    if args.format == "json":
        stdout.write(json.dumps(diff, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "markdown":
        stdout.write(render_markdown(diff, args.old, args.new))
    else:
        stdout.write(render_terminal(diff, args.old, args.new, colour=wants_colour(stdout)))
    return EXIT_DIFFERENT if has_differences(diff) else EXIT_SAME


def wants_colour(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set or TERM is dumb."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return stream.isatty()


def load_diff_rules(path: Path) -> DiffRules:
    """Given the path of `diff.toml`, its checked thresholds (E020 when missing or malformed)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ExtractorError(
            E_RULES, f"{path}: cannot load the diff rules: {error}", "restore rules/diff.toml"
        ) from error
    return DiffRules.from_mapping(data, str(path))


def read_document(path: Path) -> dict[str, Any]:
    """Given the path of an extracted JSON document, its data, checked to be a document."""
    if path.suffix.lower() in REPORT_SUFFIXES:
        raise ExtractorError(
            E_FORMAT,
            f"{path}: diff compares extracted documents, not reports",
            f"extract it first: extractor extract {path}",
        )
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ExtractorError(E_DECODE, f"{path}: not UTF-8 text", "give the JSON file") from error
    except OSError as error:
        raise ExtractorError(
            E_READ, f"{path}: cannot be read ({error.strerror})", "check the path"
        ) from error
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ExtractorError(
            E_NOT_DOCUMENT,
            f"{path}: not JSON (line {error.lineno}, column {error.colno}: {error.msg})",
            "give the JSON that `extractor extract` wrote",
        ) from error
    return check_document(data, str(path))
