"""The files generated from the models and shipped are what the models give, byte for byte.

`extractor schema` prints `schema.json`, and `validate` and `diff` check documents with
`prebuilt.json`, so that none of them builds the models; after a change to the models,
`pytest --update-goldens` writes the files again.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import check_golden_text

from extractor.models import Document
from extractor.prebuilt import PREBUILT_FILE, generated_schemas
from extractor.schema import SCHEMA_FILE, generated_schema


@pytest.mark.parametrize(
    ("path", "generated"),
    [(SCHEMA_FILE, generated_schema), (PREBUILT_FILE, generated_schemas)],
    ids=lambda value: getattr(value, "name", ""),
)
def test_the_shipped_file_is_the_one_the_models_give(
    path: Path,
    generated: Callable[[], str],
    request: pytest.FixtureRequest,
    capsys: pytest.CaptureFixture[str],
) -> None:
    name = f"extractor/{path.name}"
    check_golden_text(path, name, generated(), "models' output", request, capsys)


def test_the_generated_schema_is_the_documents_json_schema() -> None:
    assert json.loads(generated_schema()) == Document.model_json_schema()
