"""Checks across the whole document: do the projects add up to what the preamble says?"""

from __future__ import annotations

from typing import Any

from extractor.parsing.findings import Finding


def document_findings(report: dict[str, Any], projects: list[dict[str, Any]]) -> list[Finding]:
    """Given the report fields and the projects, what does not add up."""
    findings = []
    funded = report.get("projects_funded")
    if funded is not None and funded != len(projects):
        span = report.get("spans", {}).get("projects_funded")
        findings.append(
            Finding(
                "count_mismatch",
                f"the preamble says {funded} projects were funded, the report has {len(projects)}",
                span and span["char_start"],
                span and span["char_end"],
            )
        )
    numbers = [project["number"] for project in projects]
    expected = list(range(1, len(projects) + 1))
    if numbers != expected:
        findings.append(
            Finding(
                "number_sequence",
                f"project numbers run {numbers}, not 1 to {len(projects)}",
            )
        )
    return findings
