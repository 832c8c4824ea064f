"""One small processor per metadata field: cleaned cell text in, value out.

A processor returns the value, or None and the reason, which becomes a
Warning with the field's code. Values are checked with the schema's own
models, so a value the schema would refuse never reaches the document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from extractor.constraints import REGION_NUTS2
from extractor.models import Period
from extractor.ruleset import Rules

Processed = tuple[Any, str | None]


def parse_date(text: str) -> dt.date:
    """`31.05.2020` as a date; ValueError when it is no calendar date.

    >>> parse_date("01.06.2018")
    datetime.date(2018, 6, 1)
    """
    day, month, year = (int(part) for part in text.split("."))
    return dt.date(year, month, day)


def text_value(text: str, rules: Rules) -> Processed:
    return (text, None) if text else (None, "the cell is empty")


def period_value(text: str, rules: Rules) -> Processed:
    """`01.06.2018 - 31.05.2020` as ISO start and end."""
    match = rules.table.period.pattern.match(text)
    if not match:
        return None, f"{text!r} is not two dates dd.mm.yyyy - dd.mm.yyyy"
    try:
        period = Period(start=parse_date(match["start"]), end=parse_date(match["end"]))
    except (ValueError, ValidationError):
        return None, f"{text!r} is not a valid period (no such date, or it ends before it starts)"
    return period.model_dump(mode="json"), None


def members_value(text: str, rules: Rules) -> Processed:
    """`32`, or `32 membri`, as the number of members; none is no cluster."""
    match = rules.table.members.pattern.match(text)
    if match and int(match["count"]) > 0:
        return int(match["count"]), None
    return None, f"{text!r} is not a positive whole number"


def region_value(text: str, rules: Rules) -> Processed:
    name = rules.regions.canonical(text)
    if name is None:
        reason = f"{text!r} is no known development region (spellings: rules/regions.toml)"
        return {"raw": text, "name": None, "nuts2": None}, reason
    return {"raw": text, "name": name, "nuts2": REGION_NUTS2[name]}, None


# Field name -> (processor, warning code for what it refuses).
FIELD_PROCESSORS: dict[str, tuple[Callable[[str, Rules], Processed], str]] = {
    "title": (text_value, "missing_field"),
    "period": (period_value, "invalid_period"),
    "coordinator": (text_value, "missing_field"),
    "director": (text_value, "missing_field"),
    "cluster_members": (members_value, "invalid_members"),
    "region": (region_value, "unknown_region"),
    "domain": (text_value, "missing_field"),
}
