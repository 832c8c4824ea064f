"""One small processor per metadata field: cleaned cell text in, value out.

A processor returns the value, or None and the reason, which becomes a
Warning with the field's code. Values are checked with the schema's own
models, so a value the schema would refuse never reaches the document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

import regex
from pydantic import ValidationError

from extractor.constraints import REGION_NUTS2
from extractor.models import Period
from extractor.ruleset import Rules

Processed = tuple[Any, str | None]


def parse_date(text: str, months: Mapping[str, int]) -> dt.date:
    """A field's date, day, month and year: `31.05.2020`, `31/05/2020` or `31 mai 2020`
    (`months`: the month names of nlp/dates.toml); ValueError when it is no calendar date.

    >>> parse_date("01.06.2018", {}), parse_date("1 Iunie 2018", {"iunie": 6})
    (datetime.date(2018, 6, 1), datetime.date(2018, 6, 1))
    """
    match = _NUMERIC_DATE.fullmatch(text) or _WORDED_DATE.fullmatch(text)
    if match is None:
        raise ValueError(f"{text!r} is no date written day, month, year")
    month = match["month"]
    number = int(month) if month.isdecimal() else months.get(month.lower(), 0)
    return dt.date(int(match["year"]), number, int(match["day"]))


_NUMERIC_DATE = regex.compile(
    r"(?P<day>\d{1,2})(?P<mark>[./])(?P<month>\d{1,2})(?P=mark)(?P<year>\d{4})"
)
_WORDED_DATE = regex.compile(r"(?P<day>\d{1,2})\s++(?P<month>\p{L}++\.?)\s++(?P<year>\d{4})")


def text_value(text: str, rules: Rules) -> Processed:
    return (text, None) if text else (None, "the cell is empty")


def period_value(text: str, rules: Rules) -> Processed:
    """`01.06.2018 - 31.05.2020` as ISO start and end."""
    match = rules.table.period.pattern.match(text)
    if not match:
        return None, f"{text!r} is not two dates dd.mm.yyyy - dd.mm.yyyy"
    try:
        months = rules.nlp.dates.months
        period = Period(
            start=parse_date(match["start"], months), end=parse_date(match["end"], months)
        )
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
