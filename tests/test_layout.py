"""The package's layout stays true: each part imports only the parts below it.

Read from the source with `ast` (no import runs), so a new upward or sideways
import fails here, naming the file and the import, before it tangles the stages.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import ROOT

PACKAGE = ROOT / "extractor"

# Part of the package -> the parts it may import (itself always allowed). A part is a
# subpackage or a top-level module; `extractor` alone is the package's front door.
ALLOWED: dict[str, frozenset[str]] = {
    "errors": frozenset(),
    "constraints": frozenset(),
    "models": frozenset({"constraints"}),
    "content": frozenset(),
    "collector": frozenset(),
    "schema": frozenset({"models"}),
    "text": frozenset({"errors"}),
    "rulefiles": frozenset({"errors", "rules"}),
    "ruleset": frozenset({"errors", "models", "content", "text", "rulefiles"}),
    "prebuilt": frozenset({"constraints", "models", "ruleset"}),
    "emit": frozenset({"errors"}),
    "readers": frozenset({"errors", "ruleset", "text", "collector"}),
    "reading": frozenset({"errors", "ruleset", "text"}),
    "parsing": frozenset({"errors", "constraints", "models", "content", "ruleset", "text"})
    | {"reading"},
    "nlp": frozenset({"errors", "content", "ruleset", "text"}),
    "compare": frozenset({"errors", "models", "content", "rulefiles", "ruleset", "prebuilt"})
    | {"text"},
    "salvage": frozenset({"errors", "models", "parsing", "text"}),
    "assembly": frozenset(
        {"errors", "models", "ruleset", "text", "readers", "reading", "parsing", "nlp", "salvage"}
    ),
    "pipeline": frozenset(
        {"errors", "models", "ruleset", "text", "readers", "reading", "parsing", "compare"}
        | {"collector", "assembly"}
    ),
    "batch": frozenset(
        {"errors", "models", "ruleset", "readers", "pipeline", "assembly", "emit", "collector"}
    ),
    "export": frozenset({"errors", "content", "ruleset", "emit", "compare"}),
    "review": frozenset({"errors", "content", "ruleset", "text", "compare", "export", "pipeline"}),
    "cli": frozenset(
        {"extractor", "errors", "models", "ruleset", "emit", "content", "compare", "pipeline"}
        | {"export", "review", "batch", "collector", "schema", "assembly"}
    ),
    "__init__": frozenset({"errors", "models", "ruleset", "compare", "pipeline"}),
    "__main__": frozenset({"cli"}),
}


def part_of(module: str) -> str:
    """`extractor.parsing.items` -> `parsing`; `extractor` -> `extractor`."""
    pieces = module.split(".")
    return pieces[1] if len(pieces) > 1 else pieces[0]


def imports_of(path: Path) -> list[tuple[int, str]]:
    """The `extractor…` modules a file imports, at any depth (lazy imports included)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found += [(node.lineno, name) for name in names if name.split(".")[0] == "extractor"]
    return found


SOURCES = sorted(PACKAGE.rglob("*.py"))


def test_every_part_of_the_package_has_a_rule() -> None:
    parts = {path.relative_to(PACKAGE).parts[0].removesuffix(".py") for path in SOURCES}
    assert parts == set(ALLOWED)


@pytest.mark.parametrize("path", SOURCES, ids=[str(p.relative_to(ROOT)) for p in SOURCES])
def test_imports_follow_the_layout(path: Path) -> None:
    part = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
    wrong = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for line, module in imports_of(path)
        if part_of(module) != part and part_of(module) not in ALLOWED[part]
    ]
    assert not wrong, "; ".join(wrong)


def test_the_check_sees_an_upward_import(tmp_path: Path) -> None:
    module = tmp_path / "upward.py"
    module.write_text("def f():\n    from extractor.pipeline import run\n", encoding="utf-8")
    assert imports_of(module) == [(2, "extractor.pipeline")]
    assert "pipeline" not in ALLOWED["parsing"]
