"""How every command's parser is made: its help, description, epilog with an example, `--debug`."""

from __future__ import annotations

import argparse
from typing import Any


def add_debug_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--debug",
        action="store_true",
        default=default,
        help="on an error, show the traceback, and the PDF libraries' own warnings",
    )


def add_command(
    subparsers: Any, name: str, summary: str, epilog: str, description: str | None = None
) -> argparse.ArgumentParser:
    """A command's parser: `summary` in the command list, `epilog` (with its Example:) kept
    as written, and `--debug` also accepted after the command's name."""
    parser = subparsers.add_parser(
        name,
        help=summary,
        description=description or summary,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_debug_option(parser, default=argparse.SUPPRESS)
    return parser
