"""A document as flat tables: the one definition of every exported table and its columns.

Spreadsheets, SQL and Parquet all read the same rows, so each table's columns,
their order and their SQL types are written once, here. A row is a tuple in
column order; `document_to_rows` is a pure function from a document's plain
data to the rows of every table.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from extractor.content import SECTION_KEYS
from extractor.errors import E_INVALID, E_WRITE, ExtractorError

Row = tuple[Any, ...]


@dataclass(frozen=True)
class Column:
    name: str
    sql_type: str  # INTEGER, DOUBLE or TEXT: understood alike by SQLite and DuckDB


@dataclass(frozen=True)
class Table:
    """A table's columns in order, its primary key and its foreign keys (columns, table)."""

    name: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[tuple[tuple[str, ...], str], ...] = ()

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)


def _columns(spec: str) -> tuple[Column, ...]:
    """Columns from `name:TYPE` words, so a table reads as one line per column group."""
    return tuple(Column(*word.split(":")) for word in spec.split())


_SPAN = "line_start:INTEGER line_end:INTEGER page:INTEGER char_start:INTEGER char_end:INTEGER"
_PROJECT_KEY = ((("year", "project_number"), "projects"),)

REPORTS = Table(
    "reports",
    _columns(
        "year:INTEGER as_of:TEXT title:TEXT competition:TEXT projects_submitted:INTEGER "
        "projects_funded:INTEGER projects:INTEGER items:INTEGER facts:INTEGER warnings:INTEGER "
        "unparsed:INTEGER coverage:DOUBLE source_file:TEXT source_format:TEXT "
        "source_sha256:TEXT source_pages:INTEGER"
    ),
    ("year",),
)
PROJECTS = Table(
    "projects",
    _columns(
        "year:INTEGER number:INTEGER position:INTEGER acronym:TEXT title:TEXT "
        "period_start:TEXT period_end:TEXT coordinator:TEXT director:TEXT "
        "cluster_members:INTEGER region_raw:TEXT region_name:TEXT region_nuts2:TEXT domain:TEXT "
        "websites:TEXT items:INTEGER facts:INTEGER warnings:INTEGER unparsed:INTEGER "
        "coverage:DOUBLE " + _SPAN
    ),
    ("year", "number"),
    ((("year",), "reports"),),
)
ITEMS = Table(
    "items",
    _columns(
        "year:INTEGER project_number:INTEGER section:TEXT path:TEXT depth:INTEGER kind:TEXT "
        "text:TEXT facts:INTEGER " + _SPAN
    ),
    ("year", "project_number", "section", "path"),
    _PROJECT_KEY,
)
FACTS = Table(
    "facts",
    _columns(
        "year:INTEGER project_number:INTEGER section:TEXT item_path:TEXT position:INTEGER "
        "type:TEXT value:TEXT unit:TEXT scheme:TEXT status:TEXT date_start:TEXT date_end:TEXT "
        "text:TEXT " + _SPAN
    ),
    ("year", "project_number", "section", "item_path", "position"),
    ((("year", "project_number", "section", "item_path"), "items"),),
)
INDICATORS = Table(
    "indicators",
    _columns(
        "year:INTEGER project_number:INTEGER position:INTEGER indicator:TEXT name:TEXT "
        "value:INTEGER status:TEXT"
    ),
    ("year", "project_number", "position"),
    _PROJECT_KEY,
)
WARNINGS = Table(
    "warnings",
    _columns(
        "year:INTEGER position:INTEGER project_number:INTEGER code:TEXT message:TEXT " + _SPAN
    ),
    ("year", "position"),
    ((("year",), "reports"),),
)
UNPARSED = Table(
    "unparsed",
    _columns("year:INTEGER position:INTEGER project_number:INTEGER reason:TEXT text:TEXT " + _SPAN),
    ("year", "position"),
    ((("year",), "reports"),),
)

# In the order they are written: every table after the tables its foreign keys name.
TABLES: tuple[Table, ...] = (REPORTS, PROJECTS, ITEMS, FACTS, INDICATORS, WARNINGS, UNPARSED)

Rows = dict[str, list[Row]]


def report_year(document: dict[str, Any], name: str) -> int:
    """The year a document reports on (its `as_of`): the key of its rows in every table."""
    as_of = (document.get("report") or {}).get("as_of")
    if not as_of:
        raise ExtractorError(
            E_INVALID,
            f"{name}: the report has no as_of date, so its year is unknown",
            "set report.as_of in the document, or extract the report again",
        )
    return int(str(as_of)[:4])


def document_to_rows(document: dict[str, Any], name: str) -> Rows:
    """Given a document as plain data (`name` for messages), the rows of every table."""
    year = report_year(document, name)
    projects = document["projects"]
    numbers = [project["number"] for project in projects]
    repeated = sorted({number for number in numbers if numbers.count(number) > 1})
    if repeated:
        raise ExtractorError(
            E_INVALID,
            f"{name}: two projects are numbered {repeated[0]}; the tables key projects by number",
            "correct the number in the document or the report",
        )
    unparsed = document.get("unparsed") or []
    owners = [_owner(entry.get("span"), projects) for entry in unparsed]
    rows: Rows = {table.name: [] for table in TABLES}
    for position, project in enumerate(projects, start=1):
        items = list(_items(project))
        own_unparsed = project_unparsed(project, unparsed)
        rows["projects"].append(_project_row(year, position, project, items, own_unparsed))
        for section, path, depth, item in items:
            rows["items"].append(
                (
                    year,
                    project["number"],
                    section,
                    path,
                    depth,
                    item["kind"],
                    item["text"],
                    len(item.get("facts") or []),
                    *_span(item.get("span")),
                )
            )
            for index, fact in enumerate(item.get("facts") or [], start=1):
                rows["facts"].append((year, project["number"], section, path, index, *_fact(fact)))
        rows["indicators"].extend(_indicator_rows(year, project))
    warnings = [(None, warning) for warning in document.get("warnings") or []] + [
        (project["number"], warning)
        for project in projects
        for warning in project.get("warnings") or []
    ]
    for position, (number, warning) in enumerate(warnings, start=1):
        rows["warnings"].append(
            (
                year,
                position,
                number,
                warning["code"],
                warning.get("message"),
                *_span(warning.get("span")),
            )
        )
    for position, (entry, owner) in enumerate(zip(unparsed, owners, strict=True), start=1):
        number = owner["number"] if owner else None
        rows["unparsed"].append(
            (year, position, number, entry.get("reason"), entry["text"], *_span(entry.get("span")))
        )
    rows["reports"].append(_report_row(year, document, rows))
    return rows


def project_coverage(project: dict[str, Any], unparsed: list[dict[str, Any]]) -> float | None:
    """Share of the project block's characters that no unparsed line holds, to 4 places.

    None for a document without spans (such as a hand-written one).
    """
    span = project.get("span")
    if not span:
        return None
    size = span["char_end"] - span["char_start"]
    missed = sum(entry["span"]["char_end"] - entry["span"]["char_start"] for entry in unparsed)
    return round((size - missed) / size, 4) if size else 0.0


def project_unparsed(
    project: dict[str, Any], unparsed: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The unparsed entries inside a project's block."""
    return [entry for entry in unparsed if _holds(project, entry.get("span"))]


def _holds(project: dict[str, Any], span: dict[str, Any] | None) -> bool:
    block = project.get("span")
    return bool(block and span and block["char_start"] <= span["char_start"] < block["char_end"])


def _owner(span: dict[str, Any] | None, projects: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The project whose block holds a span, or None (the preamble, or no span to tell)."""
    return next((project for project in projects if _holds(project, span)), None)


def _items(project: dict[str, Any]) -> Iterator[tuple[str, str, int, dict[str, Any]]]:
    """Every item of a project in document order: section, path (`3.2`), depth, item."""

    def walk(items: list[dict[str, Any]], prefix: str, depth: int) -> Iterator[Any]:
        for index, item in enumerate(items, start=1):
            path = f"{prefix}{index}"
            yield path, depth, item
            yield from walk(item["children"], f"{path}.", depth + 1)

    for section in SECTION_KEYS:
        if project.get(section):
            for path, depth, item in walk(project[section]["items"], "", 1):
                yield section, path, depth, item


def _project_row(
    year: int,
    position: int,
    project: dict[str, Any],
    items: list[tuple[str, str, int, dict[str, Any]]],
    unparsed: list[dict[str, Any]],
) -> Row:
    period = project.get("period") or {}
    region = project.get("region") or {}
    return (
        year,
        project["number"],
        position,
        project.get("acronym"),
        project.get("title"),
        period.get("start"),
        period.get("end"),
        project.get("coordinator"),
        project.get("director"),
        project.get("cluster_members"),
        region.get("raw"),
        region.get("name"),
        region.get("nuts2"),
        project.get("domain"),
        " ".join(project.get("websites") or []) or None,
        len(items),
        sum(len(item.get("facts") or []) for *_, item in items),
        len(project.get("warnings") or []),
        len(unparsed),
        project_coverage(project, unparsed),
        *_span(project.get("span")),
    )


def _fact(fact: dict[str, Any]) -> Row:
    """type, value, unit, scheme, status, date_start, date_end, text, then the span."""
    kind = fact["type"]
    value = {
        "quantity": fact.get("value"),
        "date": fact.get("value"),
        "label": fact.get("level"),
        "organization": fact.get("name"),
        "url": fact.get("value"),
    }.get(kind)
    return (
        kind,
        None if value is None else str(value),
        fact.get("unit"),
        fact.get("scheme"),
        fact.get("status"),
        fact.get("start"),
        fact.get("end"),
        fact["text"],
        *_span(fact.get("span")),
    )


def _indicator_rows(year: int, project: dict[str, Any]) -> list[Row]:
    indicators = project.get("indicators") or {}
    found: list[tuple[str, str, int | None, str | None]] = [
        ("esca_label", label["level"], None, label["status"])
        for label in indicators.get("esca_labels", [])
    ]
    found += [("count", unit, count, None) for unit, count in indicators.get("counts", {}).items()]
    return [
        (year, project["number"], position, *indicator)
        for position, indicator in enumerate(found, start=1)
    ]


def _report_row(year: int, document: dict[str, Any], rows: Rows) -> Row:
    report, source = document["report"], document.get("source") or {}
    return (
        year,
        report.get("as_of"),
        report.get("title"),
        report.get("competition"),
        report.get("projects_submitted"),
        report.get("projects_funded"),
        len(rows["projects"]),
        len(rows["items"]),
        len(rows["facts"]),
        len(rows["warnings"]),
        len(rows["unparsed"]),
        document.get("coverage"),
        source.get("file"),
        source.get("format"),
        source.get("sha256"),
        source.get("pages"),
    )


def _span(span: dict[str, Any] | None) -> Row:
    if not span:
        return (None,) * 5
    return (
        span["line_start"],
        span["line_end"],
        span.get("page"),
        span["char_start"],
        span["char_end"],
    )


# Not read from one document: each project's key across the years of a database.
PROJECT_LINEAGE = Table(
    "project_lineage",
    _columns("year:INTEGER project_number:INTEGER project_key:TEXT matched_by:TEXT"),
    ("year", "project_number"),
    _PROJECT_KEY,
)


def years_in_order(documents: list[Rows], names: list[str]) -> list[Rows]:
    """The documents' rows sorted by year; two documents of one year cannot share the tables."""
    seen: dict[int, str] = {}
    for rows, name in zip(documents, names, strict=True):
        year = rows["reports"][0][0]
        if year in seen:
            raise ExtractorError(
                E_WRITE,
                f"{seen[year]} and {name} both report on {year}",
                "export one document per year",
            )
        seen[year] = name
    return sorted(documents, key=lambda rows: rows["reports"][0][0])


def merged(documents: list[Rows]) -> Rows:
    """Given each document's rows, year after year, one list of rows per table."""
    return {table.name: [row for rows in documents for row in rows[table.name]] for table in TABLES}
