"""`extractor diff`: formats, exit status as diff(1), one-line errors."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path
from typing import Any

import pytest
from test_diff import EXPECTED_DIFF, document_2019, document_2020, with_spans

from extractor.cli_diff import add_diff_command, run_diff
from extractor.content import content_view


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="extractor")
    add_diff_command(parser.add_subparsers(dest="command"))
    return parser.parse_args(argv)


def write(path: Path, data: Any) -> str:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


@pytest.fixture
def years(tmp_path: Path) -> tuple[str, str]:
    return (
        write(tmp_path / "2019.json", with_spans(document_2019(), 1)),
        write(tmp_path / "2020.json", document_2020()),
    )


def test_json_format_prints_the_contract_diff_and_exits_1(
    years: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    status = run_diff(parse(["diff", *years, "--format", "json"]))
    assert status == 1
    assert content_view(json.loads(capsys.readouterr().out)) == EXPECTED_DIFF


def test_a_document_against_itself_exits_0(
    years: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_diff(parse(["diff", years[0], years[0]])) == 0
    assert "No differences" in capsys.readouterr().out


def test_output_is_the_same_on_every_run(
    years: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    outputs = []
    for _ in range(2):
        run_diff(parse(["diff", *years, "--format", "json"]))
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]


def test_markdown_format(years: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert run_diff(parse(["diff", *years, "--format", "markdown"])) == 1
    assert capsys.readouterr().out.startswith("# Diff: ")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_on_a_terminal_unless_no_color(
    years: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    terminal = Terminal()
    run_diff(parse(["diff", *years]), stdout=terminal)
    assert "\x1b[" in terminal.getvalue()
    monkeypatch.setenv("NO_COLOR", "1")
    terminal = Terminal()
    run_diff(parse(["diff", *years]), stdout=terminal)
    assert "\x1b[" not in terminal.getvalue()


def test_piped_output_is_plain(years: tuple[str, str]) -> None:
    pipe = io.StringIO()
    run_diff(parse(["diff", *years]), stdout=pipe)
    assert "\x1b[" not in pipe.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("missing.json", None, "E001"),
        ("broken.json", "{not json", "E040"),
        ("list.json", "[]", "E040"),
        ("future.json", json.dumps({"schema_version": "2.0", "projects": []}), "E041"),
        ("report.txt", "Stadiul proiectelor", "E004"),
    ],
)
def test_trouble_exits_2_with_one_line_on_stderr(
    tmp_path: Path,
    years: tuple[str, str],
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: str | None,
    code: str,
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert run_diff(parse(["diff", years[0], str(path)])) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"extractor diff: [{code}] {path}")
    assert captured.err.count("\n") == 1


def test_an_unknown_format_is_a_usage_error(years: tuple[str, str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        parse(["diff", *years, "--format", "html"])
    assert exit_.value.code == 2


def test_help_has_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parse(["diff", "--help"])
    text = capsys.readouterr().out
    assert "Example:" in text
    assert "extractor diff cluster-2019.json cluster-2020.json" in text
