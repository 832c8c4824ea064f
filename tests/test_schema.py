"""The shipped `schema.json` is what the models give, byte for byte.

`extractor schema` prints the file, so that it need not build the models; after a
change to the models, `pytest --update-goldens` writes the file again.
"""

from __future__ import annotations

import json

import pytest
from conftest import check_golden_text

from extractor.models import Document
from extractor.schema import SCHEMA_FILE, generated_schema


def test_the_shipped_schema_is_the_one_the_models_give(
    request: pytest.FixtureRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    name = f"extractor/{SCHEMA_FILE.name}"
    check_golden_text(SCHEMA_FILE, name, generated_schema(), "models' schema", request, capsys)


def test_the_generated_schema_is_the_documents_json_schema() -> None:
    assert json.loads(generated_schema()) == Document.model_json_schema()
