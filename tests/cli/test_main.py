"""Each command and option of the CLI, and its errors: one line on stderr, an exit code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPORT_2019
from reports import project_block, report

from extractor.cli.main import build_parser, main
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


def test_two_inputs_with_one_stem_do_not_overwrite(small_report: Path, tmp_path: Path, capsys):
    twin = tmp_path / "twin"
    twin.mkdir()
    (twin / small_report.name).write_bytes(small_report.read_bytes())
    out = tmp_path / "output"
    assert main(["extract", str(small_report), str(twin / small_report.name), "-o", str(out)]) == 2
    assert "both write" in capsys.readouterr().err
    assert not out.exists()


def test_a_failed_run_writes_nothing(small_report: Path, tmp_path: Path, capsys) -> None:
    bad = tmp_path / "gol.txt"
    bad.write_text("  \n\n", encoding="utf-8")
    out = tmp_path / "output"
    assert main(["extract", str(small_report), str(bad), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "[E003]" in err and "gol.txt" in err
    assert not out.exists() or list(out.iterdir()) == []


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
        [sys.executable, "-m", "extractor.cli.main", "extract", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and f"[{code}]" in result.stderr
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
    main(["extract", str(small_report), "-o", str(out), "-q"])
    assert main(["validate", str(out)]) == 0
    assert "valid, 1 projects" in capsys.readouterr().out
    data = json.loads(out.read_text(encoding="utf-8"))
    data["projects"][0]["cluster_members"] = -4
    out.write_text(json.dumps(data), encoding="utf-8")
    assert main(["validate", str(out)]) == 1
    err = capsys.readouterr().err
    assert "projects.0.cluster_members" in err and err.count("\n") == 1


def test_validate_not_json(tmp_path: Path, capsys) -> None:
    path = tmp_path / "x.json"
    path.write_text("{nu", encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    assert "[E040]" in capsys.readouterr().err


def test_every_command_has_help_with_an_example() -> None:
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices
    assert {"extract", "text", "schema", "validate"} <= set(commands)
    for name, command in commands.items():
        assert "Example:" in command.format_help(), name
        assert f"extractor {name}" in command.format_help(), name


@pytest.mark.parametrize(
    "arguments",
    [["text", str(REPORT_2019)], ["schema"], ["validate", "{document}"]],
    ids=["text", "schema", "validate"],
)
def test_a_command_imports_only_what_it_needs(
    arguments: list[str], small_report: Path, tmp_path: Path
) -> None:
    document = tmp_path / "doc.json"
    assert main(["extract", str(small_report), "-o", str(document), "-q"]) == 0
    argv = [argument.format(document=document) for argument in arguments]
    script = (
        "import sys\n"
        "from extractor.cli.main import main\n"
        f"code = main({argv!r})\n"
        "heavy = ('spacy', 'pdfplumber', 'pypdfium2', 'rapidfuzz')\n"
        "print(sorted(name for name in heavy if name in sys.modules), file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "[]"
