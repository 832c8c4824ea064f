"""Each project's key across the years of a database, matched the way `extractor diff` matches.

A project keeps the key it had the year before when `diff` pairs it with a
project of that year (by number, acronym or title); otherwise its key is new:
`<year>-<number>` of the first year it appears in.
"""

from __future__ import annotations

from typing import Any

from extractor.compare.documents import match_projects
from extractor.export.tables import Row
from extractor.ruleset import DiffRules


def project_lineage(years: dict[int, list[dict[str, Any]]], rules: DiffRules) -> list[Row]:
    """Given each year's projects (number, acronym, title) in document order, lineage rows.

    A row is (year, project_number, project_key, matched_by); `matched_by` is how
    the project was paired with the year before (None for a new key).
    """
    rows: list[Row] = []
    previous: list[dict[str, Any]] = []
    previous_keys: list[str] = []
    for year in sorted(years):
        projects = years[year]
        keys = [f"{year}-{project['number']}" for project in projects]
        matched_by: list[str | None] = [None] * len(projects)
        for old_index, new_index, how in match_projects(previous, projects, rules):
            keys[new_index] = previous_keys[old_index]
            matched_by[new_index] = how
        rows.extend(
            (year, project["number"], key, how)
            for project, key, how in zip(projects, keys, matched_by, strict=True)
        )
        previous, previous_keys = projects, keys
    return rows
