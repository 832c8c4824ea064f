"""The command line: a thin layer over the package, turning errors into exit codes.

Every command is one call into the package; errors become one line on stderr.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import extractor
from extractor import PDF_ENGINES
from extractor.cli.commands import add_command, add_debug_option, files_in
from extractor.cli.diff import add_diff_command
from extractor.cli.export import add_export_command
from extractor.cli.review import add_review_command
from extractor.collector import cyclic_gc_paused
from extractor.emit import STDOUT
from extractor.errors import E_INTERNAL, E_READ, E_USAGE, E_WRITE, ExtractorError

if TYPE_CHECKING:
    from extractor.assembly import Summary

INPUT_SUFFIXES = (".txt", ".pdf")
EXIT_OK, EXIT_INVALID, EXIT_TROUBLE = 0, 1, 2

Handler = Callable[[argparse.Namespace], int]


def _add_rules_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rules",
        type=_rules_folder,
        metavar="DIR",
        help="folder of layout and language rules (default: the bundled rules/)",
    )


def _rules_folder(name: str) -> Path:
    """A --rules folder, refused at once when there is none: a command reads its rules
    only when it needs them (`text` of a UTF-8 report never), so a typo would go unseen."""
    path = Path(name)
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"no such folder: {name}")
    return path


def _add_pdf_engine_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--pdf-engine",
        choices=PDF_ENGINES,
        default=PDF_ENGINES[0],
        help="what reads a PDF's chars and lines: pdfium (fast, the default) or "
        "pdfplumber (the reference, about ten times slower)",
    )


def output_paths(
    inputs: Sequence[Path], files: list[Path], output: str | None
) -> list[Path | None]:
    """Where each document goes: stdout (None), one file, or a folder of `<stem>.json`.

    OUT is a folder when it ends with `/`, exists as one, or when a folder or
    several files are extracted.
    """
    if output is None or output == STDOUT:
        if len(files) > 1 or any(path.is_dir() for path in inputs):
            raise ExtractorError(
                E_READ,
                "several inputs need -o FOLDER",
                "e.g. extractor extract sources/ -o output/",
            )
        return [None]
    target = Path(output)
    as_folder = (
        output.endswith(("/", os.sep))
        or target.is_dir()
        or len(files) > 1
        or any(path.is_dir() for path in inputs)
    )
    if not as_folder:
        return [target]
    targets = [target / f"{path.stem}.json" for path in files]
    clashes = sorted({str(t) for t in targets if targets.count(t) > 1})
    if clashes:
        raise ExtractorError(
            E_WRITE,
            f"two inputs would both write {clashes[0]}",
            "extract them into separate folders",
        )
    return targets


def run_extract(args: argparse.Namespace) -> int:
    """Extract every input, write the good ones, and name each failure in a last line."""
    # Imported here, as each command imports what it needs: spaCy and the readers
    # are for extracting only.
    from extractor.batch import write_outcome
    from extractor.cli.progress import map_inputs
    from extractor.ruleset import load_rules

    rules = load_rules(args.rules)
    inputs = files_in(args.inputs, INPUT_SUFFIXES, ".txt or .pdf report")
    targets = output_paths(args.inputs, inputs, args.output)
    if len(inputs) > 1:
        gc.enable()  # each worker reads several inputs: it collects their cycles
    failed: list[tuple[Path, ExtractorError]] = []
    work = partial(
        write_outcome,
        targets=dict(zip(inputs, targets, strict=True)),
        rules=rules,
        allow_empty=args.allow_empty,
        pdf_engine=args.pdf_engine,
    )
    outcomes = map_inputs(work, inputs, quiet=args.quiet)
    for path, outcome, target in zip(inputs, outcomes, targets, strict=True):
        if isinstance(outcome, ExtractorError):
            report_error(outcome, args.debug)
            failed.append((path, outcome))
        elif not args.quiet:
            print(f"{path} -> {target or 'stdout'}: {_summary(outcome)}", file=sys.stderr)
    if failed and len(inputs) > 1:
        named = ", ".join(f"{path} ({error.code})" for path, error in failed)
        written = len(inputs) - len(failed)
        print(
            f"extractor: {len(failed)} of {len(inputs)} inputs failed, {written} written: {named}",
            file=sys.stderr,
        )
    return EXIT_TROUBLE if failed else EXIT_OK


def _summary(summary: Summary) -> str:
    counts = (
        _count(summary.projects, "project"),
        _count(summary.warnings, "warning"),
        _count(summary.unparsed, "unparsed line"),
    )
    return f"{', '.join(counts)}, coverage {summary.coverage:.2%}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def run_text(args: argparse.Namespace) -> int:
    from extractor.pipeline import normalized_text

    sys.stdout.write(normalized_text(args.input, args.rules, pdf_engine=args.pdf_engine))
    return EXIT_OK


def run_schema(args: argparse.Namespace) -> int:
    from extractor.schema import shipped_schema

    sys.stdout.write(shipped_schema())
    return EXIT_OK


def run_validate(args: argparse.Namespace) -> int:
    """Check every document given and list each one's problems; 1 if one is invalid."""
    from extractor.compare.checks import document_problems
    from extractor.pipeline import read_json

    status = EXIT_OK
    for path in args.documents:
        try:
            data = read_json(path)
            found = document_problems(data, str(path))
        except ExtractorError as error:  # unreadable, or not JSON at all
            found = [error]
        for error in found:
            report_error(error, args.debug)
            status = max(status, EXIT_TROUBLE if error.code == E_READ else EXIT_INVALID)
        if not found:
            print(f"{path}: valid, {_count(len(data['projects']), 'project')}")
    return status


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="extractor",
        description="Extract UEFISCDI 'Cluster inovativ' reports (text or PDF) into JSON.",
        epilog="Example:\n  extractor extract sources/ -o output/",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_VersionAction, help="show the version and exit")
    add_debug_option(parser, default=False)
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract_parser = add_command(
        subparsers,
        "extract",
        "extract reports into JSON documents",
        "Example:\n  extractor extract sources/cluster-inovativ-2019.txt -o output/",
    )
    extract_parser.add_argument(
        "inputs", nargs="+", type=Path, metavar="INPUT", help="report files (.txt, .pdf) or folders"
    )
    extract_parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="output file (- for stdout), or folder for several inputs (default: stdout for one "
        "input); a symlink is written through, a FIFO or device streamed into",
    )
    extract_parser.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    extract_parser.add_argument(
        "--allow-empty",
        action="store_true",
        help="write a document with no projects, with a warning, for a file that has no "
        "project block (by default an E005 error: not a Cluster inovativ status report)",
    )
    _add_rules_option(extract_parser)
    _add_pdf_engine_option(extract_parser)
    extract_parser.set_defaults(handler=run_extract)

    text_parser = add_command(
        subparsers,
        "text",
        "print the normalized text that every span points into",
        "Example:\n  extractor text sources/cluster-inovativ-2019.txt | sed -n 36,40p",
    )
    text_parser.add_argument("input", type=Path, metavar="INPUT", help="a report file")
    _add_rules_option(text_parser)
    _add_pdf_engine_option(text_parser)
    text_parser.set_defaults(handler=run_text)

    schema_parser = add_command(
        subparsers,
        "schema",
        "print the JSON Schema of the output documents",
        "Example:\n  extractor schema > schema.json",
    )
    schema_parser.set_defaults(handler=run_schema)

    validate_parser = add_command(
        subparsers,
        "validate",
        "check extracted documents against the schema, listing each one's problems "
        "(exit 1 if one is invalid)",
        "Example:\n  extractor validate output/cluster-inovativ-2019.json",
    )
    validate_parser.add_argument("documents", nargs="+", type=Path, metavar="DOCUMENT")
    validate_parser.set_defaults(handler=run_validate)

    for add_own_command in (add_diff_command, add_export_command, add_review_command):
        command = add_own_command(subparsers)
        _add_rules_option(command)
    return parser


class _VersionAction(argparse.Action):
    """`--version`, reading the installed version only when asked: it is slow to read."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *args: Any) -> NoReturn:
        print(f"{parser.prog} {extractor.__version__}")
        parser.exit()


class _Parser(argparse.ArgumentParser):
    """argparse, with its usage errors raised as E060 so they print in the one error shape."""

    def error(self, message: str) -> NoReturn:
        raise ExtractorError(E_USAGE, f"{self.prog}: {message}", f"see `{self.prog} --help`")


def report_error(error: ExtractorError, debug: bool = False) -> None:
    """One line on stderr; with --debug, the traceback of what caused it first."""
    if debug:
        import traceback  # for --debug only

        traceback.print_exception(error.__cause__ or error, file=sys.stderr)
    print(error.line(), file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    debug = "--debug" in (sys.argv[1:] if argv is None else argv)
    # Start-up work of libraries that no command uses; a value the user set is kept.
    # No command does linear algebra, but numpy, imported with spaCy, starts OpenBLAS's
    # thread pool: about 70 ms of CPU a process.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    # pydantic reads every installed package's entry points for plugins when a first
    # model is built, 10-15 ms of `extract`; the tool's models are built for no plugin.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")
    try:
        args = build_parser().parse_args(argv)
        if args.debug:
            import logging  # only --debug shows the libraries' logs: no cost without it

            logging.basicConfig(
                level=logging.DEBUG, format="extractor: debug: %(name)s: %(message)s"
            )
        handler: Handler = args.handler
        with cyclic_gc_paused():
            return handler(args)
    except ExtractorError as error:
        report_error(error, debug)
        return EXIT_TROUBLE
    except KeyboardInterrupt:
        print("extractor: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # the CLI shows a traceback only with --debug
        failure = ExtractorError(
            E_INTERNAL,
            f"internal error: {type(error).__name__}: {error}",
            "please report it; --debug shows the traceback",
        )
        failure.__cause__ = error
        report_error(failure, debug)
        return EXIT_TROUBLE


if __name__ == "__main__":
    sys.exit(main())
