"""The JSON Schema of the documents: generated from the models, shipped as `schema.json`.

The models are the schema's one source. Building them takes longer than a whole
`extractor schema` should, so the command prints the file generated from them;
tests/test_schema.py checks it is byte for byte what the models give now, and
`pytest --update-goldens` writes it again after a change to the models.
"""

from __future__ import annotations

import json
from pathlib import Path

SCHEMA_FILE = Path(__file__).with_name("schema.json")


def generated_schema() -> str:
    """The schema as the models give it now: JSON, 2-space indent, UTF-8 text."""
    from extractor.models import Document

    return json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=2) + "\n"


def shipped_schema() -> str:
    """The schema generated when the package was built, as `extractor schema` prints it."""
    return SCHEMA_FILE.read_text(encoding="utf-8")
