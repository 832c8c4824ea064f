"""The shipped `schema.json` is what the models give, byte for byte.

`extractor schema` prints the file, so that it need not build the models; after a
change to the models, `pytest --update-goldens` writes the file again.
"""

from __future__ import annotations

import difflib
import json

import pytest

from extractor.models import Document
from extractor.schema import SCHEMA_FILE, generated_schema, shipped_schema


def test_the_shipped_schema_is_the_one_the_models_give(
    request: pytest.FixtureRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    generated = generated_schema()
    diff = "".join(
        difflib.unified_diff(
            shipped_schema().splitlines(keepends=True),
            generated.splitlines(keepends=True),
            f"extractor/{SCHEMA_FILE.name}",
            "the models' schema",
        )
    )
    if diff and request.config.getoption("--update-goldens"):
        SCHEMA_FILE.write_text(generated, encoding="utf-8")
        with capsys.disabled():
            print(f"\nrewrote extractor/{SCHEMA_FILE.name}:\n{diff}")
        pytest.fail(f"rewrote extractor/{SCHEMA_FILE.name}: read the diff above, then run again")
    assert not diff, (
        f"extractor/{SCHEMA_FILE.name} is not the models' schema "
        f"(pytest --update-goldens writes it again):\n{diff}"
    )


def test_the_generated_schema_is_the_documents_json_schema() -> None:
    assert json.loads(generated_schema()) == Document.model_json_schema()
