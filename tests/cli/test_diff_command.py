"""`extractor diff`: formats, reports as inputs, exit status as diff(1), one-line errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import REPORT_2019
from second_year import EXPECTED_DIFF, document_2019, document_2020, with_spans

from extractor.cli.main import main
from extractor.content import content_view


def write(path: Path, data: Any) -> str:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


@pytest.fixture
def years(tmp_path: Path) -> tuple[str, str]:
    return (
        write(tmp_path / "2019.json", with_spans(document_2019(), 1)),
        write(tmp_path / "2020.json", with_spans(document_2020(), 1)),
    )


def test_json_format_prints_the_contract_diff_and_exits_1(
    years: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", *years, "--format", "json"]) == 1
    assert content_view(json.loads(capsys.readouterr().out)) == EXPECTED_DIFF


def test_a_document_against_itself_exits_0(
    years: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", years[0], years[0]]) == 0
    assert "No differences (12 projects unchanged)." in capsys.readouterr().out


def test_a_report_against_its_extraction_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extracted = tmp_path / "2019.json"
    assert main(["extract", str(REPORT_2019), "-o", str(extracted), "--quiet"]) == 0
    assert main(["diff", str(REPORT_2019), str(extracted), "--format", "json"]) == 0
    diff = json.loads(capsys.readouterr().out)
    assert len(diff["projects"]["unchanged"]) == 12


def test_output_is_the_same_on_every_run(
    years: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    outputs = []
    for _ in range(2):
        main(["diff", *years, "--format", "json"])
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]


def test_markdown_format(years: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", *years, "--format", "markdown"]) == 1
    assert capsys.readouterr().out.startswith("# Diff: ")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_on_a_terminal_unless_no_color(
    years: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    for no_color, painted in ((None, True), ("1", False)):
        if no_color:
            monkeypatch.setenv("NO_COLOR", no_color)
        terminal = Terminal()
        monkeypatch.setattr(sys, "stdout", terminal)
        assert main(["diff", *years]) == 1
        assert ("\x1b[" in terminal.getvalue()) is painted


def test_piped_output_is_plain(years: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    main(["diff", *years])
    assert "\x1b[" not in capsys.readouterr().out


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("missing.json", None, "E001"),
        ("broken.json", "{not json", "E040"),
        ("list.json", "[]", "E040"),
        ("future.json", json.dumps({"schema_version": "2.0", "projects": []}), "E041"),
        ("empty.txt", "  \n", "E003"),
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
    assert main(["diff", years[0], str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"extractor: {code} ")
    assert name in captured.err
    assert captured.err.count("\n") == 1


def test_an_unknown_format_is_a_usage_error(years: tuple[str, str], capsys) -> None:
    assert main(["diff", *years, "--format", "html"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("extractor: E060 extractor diff: argument --format: invalid choice")
    assert err.count("\n") == 1


def test_help_has_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["diff", "--help"])
    text = capsys.readouterr().out
    assert "Example:" in text
    assert "extractor diff output/cluster-2019.json output/cluster-2020.json" in text


@pytest.mark.parametrize(("new", "status"), [(0, 0), (1, 1), (None, 2)])
def test_the_installed_command_exits_as_diff_does(
    years: tuple[str, str], tmp_path: Path, new: int | None, status: int
) -> None:
    other = years[new] if new is not None else str(tmp_path / "missing.json")
    result = subprocess.run(
        [sys.executable, "-m", "extractor.cli.main", "diff", years[0], other],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == status
    assert "Traceback" not in result.stderr
    assert bool(result.stderr) is (status == 2)


def deep(depth: int) -> dict[str, Any]:
    """A document whose first result item has children nested `depth` levels."""
    document = with_spans(document_2019(), 1)
    node = document["projects"][0]["results"]["items"][0]
    for _ in range(depth):
        child = {**node, "children": []}
        node["children"] = [child]
        node = child
    return document


@pytest.mark.parametrize(
    ("name", "content", "code", "says"),
    [
        ("number.json", "title", "E042", "projects.0.title: Input should be a valid string"),
        ("version.json", "version", "E041", "schema_version banana is not supported"),
        ("nested.json", "nested", "E042", "maximum validation depth exceeded"),
        ("too-deep.json", "too deep", "E040", "nested too deeply"),
    ],
)
def test_diff_validates_both_inputs_first(
    tmp_path: Path, years: tuple[str, str], capsys, name: str, content: str, code: str, says: str
) -> None:
    if content == "title":
        data = with_spans(document_2020(), 1)
        data["projects"][0]["title"] = 2020
        text = json.dumps(data)
    elif content == "version":
        text = json.dumps({**with_spans(document_2020(), 1), "schema_version": "banana"})
    elif content == "nested":
        text = json.dumps(deep(400))
    else:
        text = "[" * 100_000 + "]" * 100_000
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    for order in ((years[0], str(path)), (str(path), years[0])):
        assert main(["diff", *order]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"extractor: {code} {path}") and says in err, err
        assert err.count("\n") == 1 and len(err) <= 301
