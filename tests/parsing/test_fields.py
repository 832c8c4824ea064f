"""Each metadata field's processor: cleaned cell text in, value or reason out."""

from __future__ import annotations

import datetime as dt

import pytest

from extractor.parsing.fields import (
    FIELD_PROCESSORS,
    members_value,
    parse_date,
    period_value,
    region_value,
    text_value,
)
from extractor.parsing.findings import CODES
from extractor.ruleset import TABLE_FIELDS, load_rules

RULES = load_rules()

PERIOD_CASES = [
    ("01.06.2018 - 31.05.2020", {"start": "2018-06-01", "end": "2020-05-31"}),
    ("01.06.2018-31.05.2020", {"start": "2018-06-01", "end": "2020-05-31"}),
    ("01.06.2018 \u2013 31.05.2020", {"start": "2018-06-01", "end": "2020-05-31"}),
    ("1.6.2018 - 31.5.2020", {"start": "2018-06-01", "end": "2020-05-31"}),
    ("29.02.2020 - 29.02.2020", {"start": "2020-02-29", "end": "2020-02-29"}),
    ("01/06/2018 - 31/05/2020", {"start": "2018-06-01", "end": "2020-05-31"}),
    ("01.06.2018 / 31.05.2020", {"start": "2018-06-01", "end": "2020-05-31"}),
    ("1 iunie 2018 — 31 mai 2020", {"start": "2018-06-01", "end": "2020-05-31"}),
    ("01.06.2018 până la 31.05.2020", {"start": "2018-06-01", "end": "2020-05-31"}),
    ("01.06.2018 - 31.05.2020 (24 luni)", {"start": "2018-06-01", "end": "2020-05-31"}),
]


@pytest.mark.parametrize(("text", "expected"), PERIOD_CASES)
def test_period_ok(text: str, expected: dict[str, str]) -> None:
    assert period_value(text, RULES) == (expected, None)


PERIOD_REFUSED = [
    ("2018 - 2020", "is not two dates"),
    ("01.06.2018", "is not two dates"),
    ("01/06.2018 - 31/05/2020", "is not two dates"),
    ("iunie 2018 - mai 2020", "is not two dates"),
    ("01.06.2018 - 31.05.2020 (24 luni) extins", "is not two dates"),
    ("1 iunye 2018 - 31 mai 2020", "is not a valid period"),
    ("", "is not two dates"),
    ("31.02.2019 - 01.03.2020", "is not a valid period"),
    ("29.02.2019 - 01.03.2020", "is not a valid period"),
    ("01.13.2018 - 01.03.2020", "is not a valid period"),
    ("01.06.2020 - 31.05.2018", "is not a valid period"),
]


@pytest.mark.parametrize(("text", "words"), PERIOD_REFUSED)
def test_period_refused(text: str, words: str) -> None:
    value, reason = period_value(text, RULES)
    assert value is None
    assert reason is not None
    assert repr(text) in reason
    assert words in reason


MEMBERS_CASES = [
    ("32", 32, None),
    ("1", 1, None),
    ("100", 100, None),
    ("32 membri", 32, None),
    ("24 de membri", 24, None),
    ("7 Membri", 7, None),
    ("0 membri", None, "'0 membri' is not a positive whole number"),
    ("membri 7", None, "'membri 7' is not a positive whole number"),
    ("7 membri și 2 IMM", None, "'7 membri și 2 IMM' is not a positive whole number"),
    ("0", None, "'0' is not a positive whole number"),
    ("abc", None, "'abc' is not a positive whole number"),
    ("-3", None, "'-3' is not a positive whole number"),
    ("3.5", None, "'3.5' is not a positive whole number"),
    ("", None, "'' is not a positive whole number"),
]


@pytest.mark.parametrize(("text", "value", "reason"), MEMBERS_CASES)
def test_members(text: str, value: int | None, reason: str | None) -> None:
    assert members_value(text, RULES) == (value, reason)


@pytest.mark.parametrize("text", ["32²", "¹"])
def test_members_superscript_digits_are_refused_not_raised(text: str) -> None:
    assert members_value(text, RULES) == (None, f"{text!r} is not a positive whole number")


REGION_CASES = [
    ("Nord - Vest", {"raw": "Nord - Vest", "name": "Nord-Vest", "nuts2": "RO11"}),
    ("Sud", {"raw": "Sud", "name": "Sud-Muntenia", "nuts2": "RO31"}),
    ("Bucuresti", {"raw": "Bucuresti", "name": "București-Ilfov", "nuts2": "RO32"}),
    ("Sud - Vest", {"raw": "Sud - Vest", "name": "Sud-Vest Oltenia", "nuts2": "RO41"}),
    ("Centru", {"raw": "Centru", "name": "Centru", "nuts2": "RO12"}),
]


@pytest.mark.parametrize(("text", "expected"), REGION_CASES)
def test_region_known(text: str, expected: dict[str, str]) -> None:
    assert region_value(text, RULES) == (expected, None)


def test_region_unknown_keeps_the_raw_text() -> None:
    value, reason = region_value("Atlantida", RULES)
    assert value == {"raw": "Atlantida", "name": None, "nuts2": None}
    assert reason is not None
    assert "'Atlantida'" in reason
    assert "rules/regions.toml" in reason


def test_text_value() -> None:
    assert text_value("Adrian Bot", RULES) == ("Adrian Bot", None)
    assert text_value("", RULES) == (None, "the cell is empty")


def test_every_table_field_has_a_processor_with_a_documented_code() -> None:
    assert sorted(FIELD_PROCESSORS) == sorted(TABLE_FIELDS)
    assert all(code in CODES for _, code in FIELD_PROCESSORS.values())
    assert FIELD_PROCESSORS["period"] == (period_value, "invalid_period")
    assert FIELD_PROCESSORS["cluster_members"] == (members_value, "invalid_members")
    assert FIELD_PROCESSORS["region"] == (region_value, "unknown_region")


DATE_CASES = [
    ("01.06.2018", dt.date(2018, 6, 1)),
    ("31.05.2020", dt.date(2020, 5, 31)),
    ("1.1.2020", dt.date(2020, 1, 1)),
    ("29.02.2020", dt.date(2020, 2, 29)),
    ("29/02/2020", dt.date(2020, 2, 29)),
    ("1 iunie 2018", dt.date(2018, 6, 1)),
    ("1  IUNIE 2018", dt.date(2018, 6, 1)),
    ("30 sept. 2021", dt.date(2021, 9, 30)),
]
MONTHS = RULES.nlp.dates.months


@pytest.mark.parametrize(("text", "expected"), DATE_CASES)
def test_parse_date(text: str, expected: dt.date) -> None:
    assert parse_date(text, MONTHS) == expected


@pytest.mark.parametrize(
    "text",
    [
        "31.02.2019",
        "29.02.2019",
        "00.01.2020",
        "2018-06-01",
        "01.06/2018",
        "1 iunye 2018",
        "iunie",
        "01.06.2018 și",
    ],
)
def test_parse_date_refuses_no_calendar_date(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text, MONTHS)


def test_parse_date_says_a_text_is_no_date_in_a_known_form() -> None:
    with pytest.raises(ValueError, match="'2018-06-01' is no date written day, month, year"):
        parse_date("2018-06-01", MONTHS)
