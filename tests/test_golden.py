"""Each golden file (hand-checked, tests/golden/CHECKED.md) against the tool's output.

The golden holds the content: no provenance, no facts (tests/nlp checks those),
warnings by code. Rewrite goldens only with `pytest --update-goldens`, which
shows the diff it writes (outside pytest's capture) and fails, so that a rewrite is
always seen and read; the next run, against the new golden, passes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import GOLDEN, SOURCES, check_golden_text

from extractor.content import content_view
from extractor.pipeline import extract

NOT_IN_GOLDEN = frozenset({"facts", "indicators", "coverage"})
GOLDEN_FILES = sorted(GOLDEN.glob("*.json"))


def golden_view(document: dict[str, Any]) -> dict[str, Any]:
    """The parts of a document a golden file holds."""

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            if "code" in value and "message" in value:
                return {"code": value["code"]}
            return {key: strip(item) for key, item in value.items() if key not in NOT_IN_GOLDEN}
        if isinstance(value, list):
            return [strip(item) for item in value]
        return value

    return strip(content_view(document))


def source_for(golden: Path) -> Path:
    matches = sorted(SOURCES.glob(f"{golden.stem}.*"))
    assert matches, f"no source in sources/ for golden {golden.name}"
    return matches[0]


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("golden", GOLDEN_FILES, ids=[path.stem for path in GOLDEN_FILES])
def test_output_matches_golden(
    golden: Path, request: pytest.FixtureRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    actual = dumps(golden_view(extract(source_for(golden)).model_dump(mode="json")))
    check_golden_text(golden, f"golden/{golden.name}", actual, "tool output", request, capsys)


def test_every_source_has_a_golden() -> None:
    sources = {path.stem for path in SOURCES.iterdir() if path.suffix in (".txt", ".pdf")}
    assert sources <= {path.stem for path in GOLDEN_FILES}
