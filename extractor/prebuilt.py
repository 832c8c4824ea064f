"""Validators built ahead of time, for the commands that check data and build none.

`validate` and `diff` of two documents should start in about the time pydantic takes
to import, and building the models takes longer than that. So the core schemas
pydantic makes of the models ship as `prebuilt.json`, with the classes taken out: a
model is checked as a typed dict, and its checks across fields (`extractor.constraints`)
are kept by name and run on the dict. What is checked stays plain data, as these
commands use it.

The models stay the one source: tests/test_schema.py checks the file is what they
give now, and `pytest --update-goldens` writes it again; tests/test_prebuilt.py checks
that the models and the validators refuse documents alike. Where the file is missing,
unreadable or written by another pydantic-core, the schemas come from the models.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pydantic_core
from pydantic_core import SchemaValidator

import extractor.constraints

PREBUILT_FILE = Path(__file__).with_name("prebuilt.json")

# Keys that tie a schema to a class, or serve only to serialize or to describe it, in the
# schemas kept as they are (a model's and its fields' own keys are not kept at all).
_CLASS_KEYS = frozenset({"cls", "config", "metadata", "serialization", "computed_fields"})
_FUNCTION_KINDS = frozenset({"function-after", "function-before", "function-plain"})


def generated_schemas() -> str:
    """The prebuilt schemas as the models give them now, as the file holds them: JSON text."""
    from pydantic import TypeAdapter

    from extractor.models import SCHEMA_VERSION, Document
    from extractor.ruleset import DiffRules

    schemas = {
        "Document": class_free(Document.__pydantic_core_schema__),
        "DiffRules": class_free(TypeAdapter(DiffRules).core_schema),
    }
    made = {
        "pydantic_core": pydantic_core.__version__,
        "schema_version": SCHEMA_VERSION,
        "schemas": schemas,
    }
    return json.dumps(made, indent=1) + "\n"


@cache
def _prebuilt() -> dict[str, Any]:
    """The shipped file; or the schemas from the models, when it is missing, unreadable or
    written by another pydantic-core: slower, never wrong."""
    try:
        shipped = json.loads(PREBUILT_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        shipped = None
    if not isinstance(shipped, dict) or shipped.get("pydantic_core") != pydantic_core.__version__:
        return json.loads(generated_schemas())
    return shipped


def schema_version() -> str:
    """The documents' schema_version, as `extractor.models` sets it."""
    return _prebuilt()["schema_version"]


@cache
def validator(name: str) -> SchemaValidator:
    """The validator of the model `name` (`Document`, `DiffRules`): a valid value comes
    back as plain data, an invalid one raises pydantic's ValidationError."""
    return SchemaValidator(_with_checks(_prebuilt()["schemas"][name]))


def class_free(schema: dict[str, Any]) -> dict[str, Any]:
    """A core schema that checks what `schema` checks, with no class in it: JSON data."""
    kind = schema["type"]
    if kind == "model":
        checked = class_free(schema["schema"])
        extra = schema.get("config", {}).get("extra_fields_behavior")
        if extra is not None:
            checked["extra_behavior"] = extra
        if "ref" in schema:
            checked["ref"] = _stable_ref(schema["ref"])
        return checked
    if kind == "model-fields":
        fields = {name: _typed_dict_field(field) for name, field in schema["fields"].items()}
        return {"type": "typed-dict", "fields": fields}
    if kind == "default":  # a default is the model's to fill in: the key may just be absent
        return class_free(schema["schema"])
    free: dict[str, Any] = {}
    for key, value in schema.items():
        if key in _CLASS_KEYS:
            continue
        if key in ("fields", "choices"):
            free[key] = {name: class_free(item) for name, item in value.items()}
        elif key == "function" and kind in _FUNCTION_KINDS:
            free[key] = {**value, "function": _constraint_name(value["function"])}
        elif key in ("ref", "schema_ref"):
            free[key] = _stable_ref(value)
        else:
            free[key] = _schemas_within(value)
    if kind == "typed-dict" and "extra_fields_behavior" in schema.get("config", {}):
        free["extra_behavior"] = schema["config"]["extra_fields_behavior"]
    return free


def _typed_dict_field(field: dict[str, Any]) -> dict[str, Any]:
    required = field["schema"]["type"] != "default"
    return {"type": "typed-dict-field", "schema": class_free(field["schema"]), "required": required}


def _schemas_within(value: Any) -> Any:
    if isinstance(value, dict) and isinstance(value.get("type"), str):
        return class_free(value)
    if isinstance(value, list):
        return [_schemas_within(item) for item in value]
    return value


def _stable_ref(ref: str) -> str:
    """pydantic's ref without the class's id, which differs from run to run."""
    return ref.rpartition(":")[0] if ref.rpartition(":")[2].isdigit() else ref


def _constraint_name(function: Any) -> str:
    name = getattr(function, "constraint", None)
    if name is None:
        raise ValueError(
            f"{function.__qualname__}: a check across fields is prebuilt only when made "
            "by models._across_fields from a function of extractor.constraints"
        )
    return name


def _with_checks(schema: Any) -> Any:
    """The shipped schema with each check's name replaced by the check, run on a dict."""
    if isinstance(schema, list):
        return [_with_checks(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    checked = {key: _with_checks(value) for key, value in schema.items()}
    kind = checked.get("type")
    if isinstance(kind, str) and kind in _FUNCTION_KINDS:
        function = checked["function"]
        check = getattr(extractor.constraints, function["function"])
        checked["function"] = {**function, "function": _on_dict(check)}
    return checked


def _on_dict(check: Any) -> Any:
    def run(fields: dict[str, Any]) -> dict[str, Any]:
        check(fields)
        return fields

    return run
