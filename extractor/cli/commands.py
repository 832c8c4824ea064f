"""How every command's parser is made: its help, description, epilog with an example, `--debug`."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from extractor.errors import E_READ, ExtractorError


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


def files_in(inputs: Sequence[Path], suffixes: tuple[str, ...], kind: str) -> list[Path]:
    """The files named, a folder standing for its files with one of `suffixes`, sorted.

    A folder holding none is an error that names what it should hold (`kind`).
    """
    files: list[Path] = []
    for path in inputs:
        if path.is_dir():
            found = sorted(entry for entry in path.iterdir() if entry.suffix.lower() in suffixes)
            if not found:
                raise ExtractorError(E_READ, f"{path}: the folder holds no {kind}")
            files.extend(found)
        else:
            files.append(path)
    return files
