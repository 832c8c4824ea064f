"""The prebuilt validators check what the models check, from a file the models wrote
(tests/test_schema.py checks the file is what they give now).

`validate` and `diff` check documents with them (see extractor/prebuilt.py); a
document either passes both the models and its prebuilt validator, or fails both
at the same places, for the same reasons.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pydantic_core
import pytest
from conftest import ROOT
from pydantic import BaseModel, ValidationError, model_validator

from extractor import prebuilt
from extractor.models import Document
from extractor.prebuilt import PREBUILT_FILE, class_free, validator

# A whole document, provenance included (the goldens keep the content only).
DOCUMENT = json.loads((ROOT / "output" / "cluster-inovativ-2019.json").read_text("utf-8"))


def test_the_shipped_file_holds_no_class_and_no_run_dependent_ref() -> None:
    text = PREBUILT_FILE.read_text(encoding="utf-8")
    assert "<class" not in text and "<function" not in text
    refs = [value for key, value in _pairs(json.loads(text)) if key in ("ref", "schema_ref")]
    assert refs
    assert not any(ref.rpartition(":")[2].isdigit() for ref in refs)  # no class's id


def _pairs(data: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield key, value
            yield from _pairs(value)
    elif isinstance(data, list):
        for value in data:
            yield from _pairs(value)


def _problems(check: Callable[[Any], Any], data: Any) -> list[tuple[tuple[Any, ...], str, str]]:
    try:
        check(data)
    except ValidationError as error:
        return [(problem["loc"], problem["type"], problem["msg"]) for problem in error.errors()]
    return []


def _same_problems(data: Any) -> None:
    """The models and the prebuilt validator refuse `data` alike (a model's "valid
    dictionary or instance of X" is a typed dict's "valid dictionary")."""
    by_models = _problems(Document.model_validate, data)
    by_prebuilt = _problems(validator("Document").validate_python, data)
    as_dicts = [
        (loc, "dict_type", "Input should be a valid dictionary")
        if kind == "model_type"
        else (loc, kind, message)
        for loc, kind, message in by_models
    ]
    assert by_prebuilt == as_dicts


def test_an_extracted_document_passes_both() -> None:
    assert _problems(validator("Document").validate_python, DOCUMENT) == []
    _same_problems(DOCUMENT)


def _paths(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in the document: each key of each object, each entry of each list."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield (*path, key)
            yield from _paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield (*path, index)
            yield from _paths(value, (*path, index))


def _with(data: Any, path: tuple[Any, ...], change: Callable[[Any, Any], None]) -> Any:
    changed = copy.deepcopy(data)
    holder = changed
    for step in path[:-1]:
        holder = holder[step]
    change(holder, path[-1])
    return changed


def _drop(holder: Any, key: Any) -> None:
    del holder[key]


def _wrong_type(holder: Any, key: Any) -> None:
    value = holder[key]
    holder[key] = [value] if not isinstance(value, list) else {"not": "a list"}


def _extra(holder: Any, key: Any) -> None:
    if isinstance(holder[key], dict):
        holder[key] = {**holder[key], "unexpected": 1}


def _negative(holder: Any, key: Any) -> None:
    value = holder[key]
    holder[key] = -value - 1 if isinstance(value, int | float) else ""


# One project in full, and the document around it: every kind of object and field.
SMALL = {**DOCUMENT, "projects": DOCUMENT["projects"][:1]}
PLACES = list(_paths(SMALL))


@pytest.mark.parametrize(
    "change", [_drop, _extra, _wrong_type, _negative], ids=lambda f: f.__name__
)
def test_every_place_broken_is_refused_alike(change: Callable[[Any, Any], None]) -> None:
    changed = refused = 0
    for path in PLACES:
        broken = _with(SMALL, path, change)
        _same_problems(broken)
        changed += broken != SMALL
        refused += bool(_problems(Document.model_validate, broken))
    # The changes do break documents, not just pass both: most of them, as optional
    # keys may go and some texts may be empty.
    assert refused > changed // 4


def _first(kind: str) -> tuple[Any, ...]:
    """The path of the first object of `kind` in the small document."""
    for path in PLACES:
        value = SMALL
        for step in path:
            value = value[step]
        if kind == "date" and isinstance(value, dict) and value.get("type") == "date":
            return path
        if kind == "region" and path[-1] == "region":
            return path
        if kind == "period" and path[-1] == "period":
            return path
    raise AssertionError(kind)


def _set(**fields: Any) -> Callable[[Any, Any], None]:
    def change(holder: Any, key: Any) -> None:
        holder[key] = {**holder[key], **fields}

    return change


@pytest.mark.parametrize(
    ("place", "fields"),
    [
        (("projects", 0, "span"), {"line_end": 1, "line_start": 2}),
        (("projects", 0, "span"), {"char_end": 0, "char_start": 5}),
        (("source",), {"sha256": "not hex"}),
        ("period", {"start": "2020-01-02", "end": "2020-01-01"}),
        ("region", {"name": "Vest", "nuts2": "RO11"}),
        ("region", {"name": None}),
        ("date", {"start": "2019-01-01", "end": "2019-12-31"}),
        ("date", {"value": None}),
        ("date", {"value": None, "start": "2019-12-31", "end": "2019-01-01"}),
        ("date", {"type": "weather"}),
    ],
    ids=str,
)
def test_each_check_across_fields_is_made_alike(place: Any, fields: dict[str, Any]) -> None:
    path = place if isinstance(place, tuple) else _first(place)
    broken = _with(SMALL, path, _set(**fields))
    assert _problems(Document.model_validate, broken)
    _same_problems(broken)


def test_a_document_within_a_document_is_refused_alike() -> None:
    nested = copy.deepcopy(SMALL)
    nested["projects"][0]["objective"]["items"][0]["children"] = [{"kind": "bullet", "text": ""}]
    _same_problems(nested)


def test_diff_rules_are_checked_as_the_rules_model_checks_them() -> None:
    check = validator("DiffRules").validate_python
    assert check({"title_match": 85, "item_similarity": 80.5}) == {
        "title_match": 85,
        "item_similarity": 80.5,
    }
    for bad in ({"title_match": 0, "item_similarity": 80}, {"title_match": "85"}, {}):
        with pytest.raises(ValidationError):
            check({"item_similarity": 80, **bad})


@pytest.mark.parametrize(
    "shipped",
    [
        json.dumps({"pydantic_core": "0.0", "schemas": {}}),  # written by another pydantic-core
        '{"pydantic_core": ',  # cut short
        "[]",
        None,  # missing
    ],
    ids=["other pydantic-core", "cut short", "no object", "missing"],
)
def test_without_a_usable_file_the_schemas_come_from_the_models(
    shipped: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "prebuilt.json"
    if shipped is not None:
        path.write_text(shipped, encoding="utf-8")
    monkeypatch.setattr(prebuilt, "PREBUILT_FILE", path)
    monkeypatch.setattr(prebuilt, "_prebuilt", prebuilt._prebuilt.__wrapped__)
    monkeypatch.setattr(prebuilt, "validator", prebuilt.validator.__wrapped__)
    assert prebuilt.schema_version() == DOCUMENT["schema_version"]
    assert _problems(prebuilt.validator("Document").validate_python, DOCUMENT) == []
    assert pydantic_core.__version__ != "0.0"


def test_a_model_check_not_made_from_a_constraint_cannot_be_prebuilt() -> None:
    class Checked(BaseModel):
        low: int

        @model_validator(mode="after")
        def _positive(self) -> Checked:
            return self

    with pytest.raises(ValueError, match=r"Checked\._positive: a check across fields"):
        class_free(Checked.__pydantic_core_schema__)
