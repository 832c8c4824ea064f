"""The README says what the code does: its commands, codes and contract stay in step."""

from __future__ import annotations

import re
from typing import Any, get_args

import pytest
from conftest import ROOT
from pydantic import BaseModel

from extractor import errors, models
from extractor.compare.models import DocumentDiff, ProjectChange
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


CONTRACT = (ROOT / "docs" / "output-contract.md").read_text(encoding="utf-8")


def contract_part(title: str) -> str:
    """The contract's text under the `# title` heading, up to the next top-level heading."""
    return CONTRACT.split(f"# {title}", 1)[1].split("\n# ", 1)[0]


def table_rows(text: str, heading: str = "") -> list[list[str]]:
    """The body rows (cells) of the table under `## heading`, or of the first table in text."""
    part = text.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0] if heading else text
    lines = [line for line in part.split("\n") if line.startswith("|")]
    return [[cell.strip() for cell in line.strip("|").split(" | ")] for line in lines[2:]]


def first_column_keys(rows: list[list[str]]) -> set[str]:
    return {key for row in rows for key in re.findall(r"`([^`]+)`", row[0])}


def model_paths(model: type[BaseModel], prefix: str = "") -> set[str]:
    """Every dotted key path of a model's JSON, nested models (in lists too) followed."""
    paths = set()
    for name, field in model.model_fields.items():
        key = field.alias or name
        paths.add(prefix + key)
        for nested in _models_in(field.annotation):
            if nested is not model:
                paths |= model_paths(nested, f"{prefix}{key}.")
    return paths


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in get_args(annotation) for model in _models_in(arg)]


def _literal(annotation: Any) -> set[str]:
    return {arg for arg in get_args(annotation) if isinstance(arg, str)}


def test_the_contract_names_only_keys_the_models_have() -> None:
    document = contract_part("Output contract, version 1")
    assert first_column_keys(table_rows(document, "Document")) <= model_paths(models.Document)
    assert first_column_keys(table_rows(document, "Project")) <= model_paths(models.Project)
    span = re.search(r"`(\{\"page\".+?\})`", document).group(1)
    assert set(re.findall(r'"(\w+)":', span)) <= set(models.Span.model_fields)
    warning = re.search(r"^`(\{\"code\".+?\})`", document, flags=re.MULTILINE).group(1)
    assert set(re.findall(r'"(\w+)":', warning)) == set(models.Warning.model_fields)
    kinds = re.search(r'"kind": (.+?), "text"', document).group(1)
    assert set(re.findall(r'"(\w+)"', kinds)) == _literal(
        models.Item.model_fields["kind"].annotation
    )
    assert set(re.findall(r"`(RO\d\d)`", document)) == _literal(models.Nuts2Code)


def test_the_diff_contract_names_only_keys_the_diff_models_have() -> None:
    diff = contract_part("Diff contract, version 1")
    assert first_column_keys(table_rows(diff)) <= model_paths(DocumentDiff)
    change = re.search(r"ProjectChange: `(.+?)`\.", diff, flags=re.DOTALL).group(1)
    assert set(re.findall(r'"(\w+)"', change)) <= model_paths(ProjectChange) | {
        path.split(".")[-1] for path in model_paths(ProjectChange)
    }


def test_the_facts_contract_names_each_fact_type_and_its_keys() -> None:
    facts = contract_part("Facts contract, version 1 (light NLP)")
    rows = [(row[0].strip("`"), row[1]) for row in table_rows(facts)]
    fact_models = {
        _literal(model.model_fields["type"].annotation).pop(): model
        for model in _models_in(models.Item.model_fields["facts"].annotation)
    }
    assert [fact_type for fact_type, _ in rows] and {t for t, _ in rows} == set(fact_models)
    for fact_type, keys in rows:
        documented = set(re.findall(r"`(\w+)`", keys)) - {"ESCA", "bronze", "silver", "gold"}
        documented -= {"achieved", "planned"}
        assert documented <= set(fact_models[fact_type].model_fields), fact_type


def test_the_contract_copy_is_the_shared_contract_where_one_is_beside_the_checkout() -> None:
    # A clean clone has no shared folder beside it: there the contract is checked against
    # the models alone (above); where the shared contract is, the copy must be the same.
    shared = ROOT.parent / "shared" / "output-contract.md"
    copies = [shared.read_text(encoding="utf-8")] if shared.exists() else []
    assert all(copy == CONTRACT for copy in copies)


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
