"""Checks across the whole document: do the projects add up to what the preamble says?"""

from __future__ import annotations

from typing import Any

from extractor.parsing.findings import Finding


def document_findings(report: dict[str, Any], numbers: list[int]) -> list[Finding]:
    """Given the report fields and the projects' numbers in order, what does not add up."""
    findings = []
    funded = report.get("projects_funded")
    if funded is not None and funded != len(numbers):
        span = report["spans"]["projects_funded"]  # a count read from the text has its place
        findings.append(
            Finding(
                "count_mismatch",
                f"the preamble says {funded} projects were funded, the report has {len(numbers)}",
                span["char_start"],
                span["char_end"],
            )
        )
    expected = list(range(1, len(numbers) + 1))
    if numbers != expected:
        findings.append(
            Finding(
                "number_sequence",
                f"project numbers run {numbers}, not 1 to {len(numbers)}",
            )
        )
    return findings
