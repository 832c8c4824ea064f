"""The document's rules across fields, each a function of one model's field values.

The models run them on their fields once these validate (`extractor.models`); the
prebuilt validators run the same functions on a document's dicts (`extractor.prebuilt`),
so that `validate` and `diff` check a document without building the models. A check
takes the fields as a mapping and raises ValueError, which pydantic reports where the
model stands.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

Fields = Mapping[str, Any]

REGION_NUTS2: dict[str, str] = {
    "Nord-Vest": "RO11",
    "Centru": "RO12",
    "Nord-Est": "RO21",
    "Sud-Est": "RO22",
    "Sud-Muntenia": "RO31",
    "București-Ilfov": "RO32",
    "Sud-Vest Oltenia": "RO41",
    "Vest": "RO42",
}
"""The NUTS-2 code of each development region, as a region's `nuts2` must give it."""


def span_in_order(fields: Fields) -> None:
    if fields["line_end"] < fields["line_start"] or fields["char_end"] < fields["char_start"]:
        raise ValueError("span ends before it starts")


def date_single_or_range(fields: Fields) -> None:
    value, start, end = fields.get("value"), fields.get("start"), fields.get("end")
    single = value is not None and start is None and end is None
    ranged = value is None and start is not None and end is not None
    if not (single or ranged):
        raise ValueError("a date fact has either value, or start and end")
    if ranged and start > end:
        raise ValueError("date range starts after it ends")


def period_in_order(fields: Fields) -> None:
    if fields["start"] > fields["end"]:
        raise ValueError("period starts after it ends")


def region_code_matches_name(fields: Fields) -> None:
    name = fields.get("name")
    expected = REGION_NUTS2.get(name) if name else None
    if fields.get("nuts2") != expected:
        raise ValueError(f"region {name!r} has NUTS-2 code {expected!r}")
