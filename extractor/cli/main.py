"""The command line: a thin layer over the package, turning errors into exit codes.

Every command is one call into the package; errors become one line on stderr.
Each command imports what it needs when it runs, so `text`, `schema` and `validate`
start without spaCy, the PDF readers or the diff's matcher.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extractor import PDF_ENGINES
from extractor.cli.diff import add_diff_command
from extractor.cli.export import add_export_command
from extractor.cli.review import add_review_command
from extractor.errors import E_INVALID, E_READ, E_WRITE, ExtractorError

if TYPE_CHECKING:
    from extractor.models import Document
    from extractor.ruleset import Rules

INPUT_SUFFIXES = (".txt", ".pdf")
EXIT_OK, EXIT_INVALID, EXIT_TROUBLE = 0, 1, 2

Handler = Callable[[argparse.Namespace], int]


def _command(
    subparsers: argparse._SubParsersAction, name: str, summary: str, example: str
) -> argparse.ArgumentParser:
    return subparsers.add_parser(
        name,
        help=summary,
        description=summary,
        epilog=f"Example:\n  {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def _add_rules_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rules",
        type=Path,
        metavar="DIR",
        help="folder of layout and language rules (default: the bundled rules/)",
    )


def _add_pdf_engine_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--pdf-engine",
        choices=PDF_ENGINES,
        default=PDF_ENGINES[0],
        help="what reads a PDF's chars and lines: pdfium (fast, the default) or "
        "pdfplumber (the reference, about ten times slower)",
    )


def rules_of(args: argparse.Namespace) -> Rules:
    """The rules `--rules` names, else the bundled ones."""
    from extractor.ruleset import load_rules

    return load_rules(args.rules) if args.rules else load_rules()


class _VersionAction(argparse.Action):
    """`--version`, reading the installed version only when asked (importlib.metadata is slow)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        from extractor import __version__

        sys.stdout.write(f"{parser.prog} {__version__}\n")
        parser.exit()


def input_files(inputs: Sequence[Path]) -> list[Path]:
    """The report files named, a folder standing for its .txt and .pdf files, sorted."""
    files: list[Path] = []
    for path in inputs:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in INPUT_SUFFIXES)
            if not found:
                raise ExtractorError(E_READ, f"{path}: the folder holds no .txt or .pdf report")
            files.extend(found)
        else:
            files.append(path)
    return files


def output_paths(
    inputs: Sequence[Path], files: list[Path], output: str | None
) -> list[Path | None]:
    """Where each document goes: stdout (None), one file, or a folder of `<stem>.json`.

    OUT is a folder when it ends with `/`, exists as one, or when a folder or
    several files are extracted.
    """
    if output is None:
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
    from extractor.cli.progress import map_inputs
    from extractor.emit import to_json, write_atomic
    from extractor.pipeline import extract

    rules = rules_of(args)
    inputs = input_files(args.inputs)
    targets = output_paths(args.inputs, inputs, args.output)
    if len(inputs) > 1:
        gc.enable()  # each worker reads several inputs: it collects their cycles
    work = partial(extract, rules=rules, pdf_engine=args.pdf_engine)
    extracted = map_inputs(work, inputs, quiet=args.quiet)
    documents = zip(inputs, extracted, strict=True)
    for (path, document), target in zip(documents, targets, strict=True):
        text = to_json(document)
        if target is None:
            sys.stdout.write(text)
        else:
            write_atomic(target, text)
        if not args.quiet:
            warnings = len(document.warnings) + sum(len(p.warnings) for p in document.projects)
            counts = ", ".join(
                (
                    _count(len(document.projects), "project"),
                    _count(warnings, "warning"),
                    _count(len(document.unparsed), "unparsed line"),
                )
            )
            where = target or "stdout"
            print(f"{path} -> {where}: {counts}, coverage {document.coverage:.2%}", file=sys.stderr)
    return EXIT_OK


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def run_text(args: argparse.Namespace) -> int:
    from extractor.pipeline import normalized_text

    sys.stdout.write(normalized_text(args.input, rules_of(args), pdf_engine=args.pdf_engine))
    return EXIT_OK


def run_schema(args: argparse.Namespace) -> int:
    import json

    from extractor.models import Document

    sys.stdout.write(json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def read_document(path: Path) -> Document:
    """An extracted document read back from JSON, checked against the schema."""
    from pydantic import ValidationError

    from extractor.errors import first_problem
    from extractor.models import Document
    from extractor.pipeline import read_json

    try:
        return Document.model_validate(read_json(path))
    except ValidationError as error:
        raise ExtractorError(
            E_INVALID,
            f"{path}: {first_problem(error)} ({error.error_count()} problem(s) in all)",
            "compare with `extractor schema`",
        ) from error


def run_validate(args: argparse.Namespace) -> int:
    for path in args.documents:
        try:
            document = read_document(path)
        except ExtractorError as error:
            if error.code != E_INVALID:
                raise
            print(f"extractor: {error}", file=sys.stderr)
            return EXIT_INVALID
        print(f"{path}: valid, {len(document.projects)} projects")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="extractor",
        description="Extract UEFISCDI 'Cluster inovativ' reports (text or PDF) into JSON.",
        epilog="Example:\n  extractor extract sources/ -o output/",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_VersionAction)
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract_parser = _command(
        subparsers,
        "extract",
        "extract reports into JSON documents",
        "extractor extract sources/cluster-inovativ-2019.txt -o output/",
    )
    extract_parser.add_argument(
        "inputs", nargs="+", type=Path, metavar="INPUT", help="report files (.txt, .pdf) or folders"
    )
    extract_parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="output file, or folder for several inputs (default: stdout for one input)",
    )
    extract_parser.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    _add_rules_option(extract_parser)
    _add_pdf_engine_option(extract_parser)
    extract_parser.set_defaults(handler=run_extract)

    text_parser = _command(
        subparsers,
        "text",
        "print the normalized text that every span points into",
        "extractor text sources/cluster-inovativ-2019.txt | sed -n 36,40p",
    )
    text_parser.add_argument("input", type=Path, metavar="INPUT", help="a report file")
    _add_rules_option(text_parser)
    _add_pdf_engine_option(text_parser)
    text_parser.set_defaults(handler=run_text)

    schema_parser = _command(
        subparsers,
        "schema",
        "print the JSON Schema of the output documents",
        "extractor schema > schema.json",
    )
    schema_parser.set_defaults(handler=run_schema)

    validate_parser = _command(
        subparsers,
        "validate",
        "check extracted documents against the schema (exit 1 if one is invalid)",
        "extractor validate output/cluster-inovativ-2019.json",
    )
    validate_parser.add_argument("documents", nargs="+", type=Path, metavar="DOCUMENT")
    validate_parser.set_defaults(handler=run_validate)

    diff_parser = add_diff_command(subparsers)
    _add_rules_option(diff_parser)
    _add_pdf_engine_option(diff_parser)
    _add_rules_option(add_export_command(subparsers))
    _add_rules_option(add_review_command(subparsers))
    return parser


@contextlib.contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused for one command, then as it was.

    A command imports spaCy and pydantic and reads a report: millions of objects that
    live to the end or are freed by reference counting, and the collector's passes
    over them were a fifth of a PDF extraction's CPU time. `extract` of several
    inputs turns it back on, so a folder of reports does not keep the cycles of each.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Handler = args.handler
    try:
        with cyclic_gc_paused():
            return handler(args)
    except ExtractorError as error:
        print(f"extractor: error: {error}", file=sys.stderr)
        return EXIT_TROUBLE
    except KeyboardInterrupt:
        print("extractor: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # the CLI never shows a traceback
        print(
            f"extractor: internal error: {type(error).__name__}: {error} (please report it)",
            file=sys.stderr,
        )
        return EXIT_TROUBLE


if __name__ == "__main__":
    sys.exit(main())
