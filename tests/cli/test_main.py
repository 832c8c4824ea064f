"""Each command and option of the CLI, and its errors: one line on stderr, an exit code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXTRACTOR, REPORT_2019, ROOT
from reports import project_block, report

from extractor.cli.main import build_parser, main
from extractor.errors import ExtractorError
from extractor.models import Document


@pytest.fixture
def small_report(tmp_path: Path) -> Path:
    path = tmp_path / "mic-2020.txt"
    path.write_text(report(project_block(1, "AAA")), encoding="utf-8")
    return path


def test_extract_to_a_file(small_report: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out.json"
    assert main(["extract", str(small_report), "-o", str(out)]) == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["source"]["file"] == "mic-2020.txt"
    assert document["projects"][0]["acronym"] == "AAA"
    assert "1 project, 0 warnings, 0 unparsed lines, coverage 100.00%" in capsys.readouterr().err


def test_extract_a_folder_into_a_folder(small_report: Path, tmp_path: Path) -> None:
    out = tmp_path / "output"
    assert main(["extract", str(small_report.parent), "-o", f"{out}/", "-q"]) == 0
    assert sorted(path.name for path in out.iterdir()) == ["mic-2020.json"]


def test_extract_to_stdout(small_report: Path, capsys) -> None:
    assert main(["extract", str(small_report), "-q"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["projects"][0]["number"] == 1
    assert captured.err == ""


def test_several_inputs_need_a_folder(small_report: Path, capsys) -> None:
    assert main(["extract", str(small_report), str(small_report)]) == 2
    assert "several inputs need -o FOLDER" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("command", "holds"),
    [(["extract"], ".txt or .pdf report"), (["export", "--format", "csv"], ".json document")],
)
def test_a_folder_with_nothing_to_read_is_named(
    command: list[str], holds: str, tmp_path: Path, capsys
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.md").write_text("x", encoding="utf-8")
    assert main([*command, str(empty), "-o", str(tmp_path / "out")]) == 2
    assert f"E001 {empty}: the folder holds no {holds}" in capsys.readouterr().err


def test_two_inputs_with_one_stem_do_not_overwrite(small_report: Path, tmp_path: Path, capsys):
    twin = tmp_path / "twin"
    twin.mkdir()
    (twin / small_report.name).write_bytes(small_report.read_bytes())
    out = tmp_path / "output"
    assert main(["extract", str(small_report), str(twin / small_report.name), "-o", str(out)]) == 2
    assert "both write" in capsys.readouterr().err
    assert not out.exists()


def test_one_bad_input_costs_only_itself(small_report: Path, tmp_path: Path, capsys) -> None:
    bad = tmp_path / "gol.txt"
    bad.write_text("  \n\n", encoding="utf-8")
    out = tmp_path / "output"
    assert main(["extract", str(bad), str(small_report), "-o", str(out), "-q"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "extractor: E003 gol.txt: the input holds no text (check the file)"
    assert err[1] == f"extractor: 1 of 2 inputs failed, 1 written: {bad} (E003)"
    assert len(err) == 2
    assert sorted(path.name for path in out.iterdir()) == ["mic-2020.json"]


@pytest.mark.parametrize(
    ("content", "code"),
    [(None, "E001"), (b"\x00\x01\x02binary", "E004"), (b"", "E003")],
    ids=["missing", "binary", "empty"],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, content: bytes | None, code: str) -> None:
    path = tmp_path / "intrare.txt"
    if content is not None:
        path.write_bytes(content)
    result = subprocess.run(
        [str(EXTRACTOR), "extract", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"extractor: {code} ")
    assert "Traceback" not in result.stderr


def test_text_prints_the_normalized_text(tmp_path: Path, capsysbinary) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes("Acţiune\r\nşi\u00a0ţară".encode())
    assert main(["text", str(path)]) == 0
    assert capsysbinary.readouterr().out.decode() == "Acțiune\nși țară"


def test_text_of_the_2019_report_is_its_source(capsysbinary) -> None:
    assert main(["text", str(REPORT_2019)]) == 0
    assert capsysbinary.readouterr().out == REPORT_2019.read_bytes()


def test_schema_is_the_models_schema(capsys) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == Document.model_json_schema()


def test_validate(small_report: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out.json"
    assert main(["extract", str(small_report), "-o", str(out), "-q"]) == 0
    assert main(["validate", str(out)]) == 0
    assert "valid, 1 project" in capsys.readouterr().out
    data = json.loads(out.read_text(encoding="utf-8"))
    data["projects"][0]["cluster_members"] = -4
    out.write_text(json.dumps(data), encoding="utf-8")
    assert main(["validate", str(out)]) == 1
    err = capsys.readouterr().err
    assert "projects.0.cluster_members" in err and err.count("\n") == 1


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("{nu", "not JSON (line 1, column 2: Expecting property name"),
        ('{"projects": [1, 2', "not JSON (line 1, column 19: Expecting ',' delimiter)"),
        ('{"projects": 1' + "0" * 5000 + "}", "a number of more than 4300 digits"),
    ],
    ids=["malformed", "cut-short", "number-too-long-for-python"],
)
def test_validate_not_json(tmp_path: Path, capsys, text: str, says: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(text, encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"extractor: E040 {path}: ") and says in err, err


def test_every_command_has_help_with_an_example() -> None:
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices
    assert {"extract", "text", "schema", "validate"} <= set(commands)
    for name, command in commands.items():
        assert "Example:" in command.format_help(), name
        assert f"extractor {name}" in command.format_help(), name


def test_validate_checks_every_file_and_lists_every_problem(
    small_report: Path, tmp_path: Path, capsys
) -> None:
    good = tmp_path / "bun.json"
    main(["extract", str(small_report), "-o", str(good), "-q"])
    data = json.loads(good.read_text(encoding="utf-8"))
    data["projects"][0]["cluster_members"] = -4
    data["projects"][0]["title"] = 7
    data["coverage"] = 2
    bad = tmp_path / "rau.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    future = tmp_path / "viitor.json"
    future.write_text(json.dumps({**data, "schema_version": "banana"}), encoding="utf-8")
    assert main(["validate", str(bad), str(good), str(future)]) == 1
    captured = capsys.readouterr()
    assert captured.out == f"{good}: valid, 1 project\n"
    lines = captured.err.splitlines()
    assert [line.split()[1] for line in lines] == ["E042", "E042", "E042", "E041"]
    assert "projects.0.title" in lines[0] and "projects.0.cluster_members" in lines[1]
    assert "coverage" in lines[2] and "banana is not supported" in lines[3]


def test_validate_lists_at_most_twenty_problems_a_document(tmp_path: Path, capsys) -> None:
    path = tmp_path / "multe.json"
    projects = [{"number": n} for n in range(1, 40)]
    path.write_text(json.dumps({"schema_version": "1.0", "projects": projects}), encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 21
    assert lines[-1].startswith(f"extractor: E042 {path}: ") and "more problem(s)" in lines[-1]


def test_a_long_message_is_cut_to_one_line_of_300_chars_keeping_the_hint() -> None:
    error = ExtractorError("E011", "x.pdf: " + "obiect brut\n" * 100, "get a complete copy")
    line = error.line()
    assert len(line) == 300 and "\n" not in line
    assert line.startswith("extractor: E011 x.pdf: obiect brut obiect")
    assert line.endswith("… (get a complete copy)")


def test_every_error_has_what_to_do() -> None:
    assert str(ExtractorError("E001", "a.txt: no such file")) == (
        "E001 a.txt: no such file (check the path and its permissions)"
    )


def test_debug_shows_the_traceback(tmp_path: Path, capsys) -> None:
    path = tmp_path / "gol.txt"
    path.write_bytes(b"")
    assert main(["extract", str(path), "--debug"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" in err
    assert err.splitlines()[-1].startswith("extractor: E003 gol.txt")


def test_an_unexpected_exception_is_one_line_and_e050(monkeypatch, tmp_path: Path, capsys) -> None:
    def broken(args: object) -> int:
        raise KeyError("boom")

    monkeypatch.setattr("extractor.cli.main.run_schema", broken)
    assert main(["schema"]) == 2
    assert capsys.readouterr().err == (
        "extractor: E050 internal error: KeyError: 'boom' "
        "(please report it; --debug shows the traceback)\n"
    )


EXTRACTING = ("spacy", "numpy", "pdfplumber", "pypdfium2")
# pydantic's model machinery, and the models and rules built with it.
MODELS = ("pydantic.main", "extractor.models", "extractor.ruleset")


@pytest.mark.parametrize(
    ("command", "unneeded"),
    [
        # The schema generated from the models is shipped: printing it builds none.
        (["schema"], (*EXTRACTING, "rapidfuzz", "pydantic")),
        # A UTF-8 report is read without the rules, so without pydantic.
        (["text", "sources/cluster-inovativ-2019.txt"], (*EXTRACTING, "rapidfuzz", "pydantic")),
        # Checking a document needs the prebuilt validator: no model, no comparison.
        (["validate", "output/cluster-inovativ-2019.json"], (*EXTRACTING, *MODELS, "rapidfuzz")),
        # Comparing two documents extracts nothing, and builds no model; where every
        # project and item pairs exactly, nothing needs a fuzzy score; texts without
        # markup need no `regex` to clean.
        (
            ["diff", "output/cluster-inovativ-2019.json", "output/cluster-inovativ-2019.json"],
            (*EXTRACTING, *MODELS, "rapidfuzz", "regex"),
        ),
    ],
)
def test_light_commands_import_only_what_they_need(
    command: list[str], unneeded: tuple[str, ...]
) -> None:
    script = (
        "import sys\n"
        "from extractor.cli.main import main\n"
        f"status = main({command!r})\n"
        f"heavy = sorted(set({unneeded!r}) & set(sys.modules))\n"
        "print(status, heavy, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert result.stderr.strip().splitlines()[-1] == "0 []"


@pytest.mark.parametrize(
    ("variable", "given", "used"),
    [
        ("OPENBLAS_NUM_THREADS", None, "1"),
        ("OPENBLAS_NUM_THREADS", "2", "2"),
        ("PYDANTIC_DISABLE_PLUGINS", None, "1"),
        ("PYDANTIC_DISABLE_PLUGINS", "logfire", "logfire"),
    ],
)
def test_library_start_up_work_is_skipped_unless_the_user_chose(
    variable: str, given: str | None, used: str, monkeypatch, capsys
) -> None:
    monkeypatch.setenv(variable, "unset")  # so that the test's end restores it
    if given is None:
        monkeypatch.delenv(variable)
    else:
        monkeypatch.setenv(variable, given)
    assert main(["schema"]) == 0
    assert os.environ[variable] == used


@pytest.mark.parametrize("command", ["extract", "text", "diff", "export", "review"])
def test_a_rules_folder_that_is_none_is_a_usage_error(command: str, tmp_path: Path, capsys) -> None:
    missing = tmp_path / "rules"
    # `text` of a UTF-8 report reads no rules: the folder is checked when the line is parsed.
    assert main([command, "--rules", str(missing), str(REPORT_2019)]) == 2
    assert capsys.readouterr().err == (
        f"extractor: E060 extractor {command}: argument --rules: no such folder: {missing} "
        f"(see `extractor {command} --help`)\n"
    )
