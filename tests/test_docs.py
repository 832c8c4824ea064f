"""The README says what the code does: its commands, codes and contract stay in step."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from extractor import errors
from extractor.parsing.findings import CODES

README = (ROOT / "README.md").read_text(encoding="utf-8")


def readme_commands() -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", README)


def test_readme_has_exactly_two_commands_and_ci_runs_the_second() -> None:
    commands = readme_commands()
    assert len(commands) == 2
    assert "extractor extract sources/ -o output/" in commands[0]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci.splitlines()


def test_every_warning_code_is_documented() -> None:
    documented = dict(re.findall(r"^\| `([a-z_]+)` \| (.+?) \|$", README, flags=re.MULTILINE))
    assert documented == CODES


def test_every_error_code_is_documented() -> None:
    codes = {value for name, value in vars(errors).items() if name.startswith("E_")}
    documented = set(re.findall(r"^\| `(E\d{3})` \|", README, flags=re.MULTILINE))
    assert documented == codes


def test_the_contract_copy_is_the_shared_contract() -> None:
    shared = ROOT.parent / "shared" / "output-contract.md"
    if not shared.exists():
        pytest.skip("no shared contract beside this checkout to compare with")
    assert (ROOT / "docs" / "output-contract.md").read_bytes() == shared.read_bytes()


def test_every_command_is_in_the_commands_table() -> None:
    from extractor.cli.main import build_parser

    commands = build_parser()._subparsers._group_actions[0].choices
    documented = set(re.findall(r"^\| `extractor (\w+)", README, flags=re.MULTILINE))
    assert documented == set(commands)


def test_the_readme_python_example_runs_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    (example,) = re.findall(r"```python\n(.+?)\n```", README, flags=re.DOTALL)
    monkeypatch.chdir(ROOT)
    printed: list[tuple[object, ...]] = []
    exec(example, {"print": lambda *values: printed.append(values)})
    assert str(printed[0][0]) == "2019-12-31"
    assert printed[0][1][0] == "INOV-TREC"
    assert printed[1] == ({"added": 0, "removed": 0, "changed": 0, "unchanged": 12}, False)
