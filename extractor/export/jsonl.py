"""`export --format jsonl`: one project a line, with its report's year and as_of first."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from extractor.emit import write_atomic
from extractor.export.tables import report_year


def project_lines(documents: list[tuple[str, dict[str, Any]]]) -> str:
    """Given (name, document) pairs, each project as one JSON line, year after year."""
    dated = sorted(
        ((report_year(document, name), document) for name, document in documents),
        key=lambda pair: pair[0],
    )
    lines = [
        json.dumps(
            {"year": year, "as_of": document["report"].get("as_of"), **project},
            ensure_ascii=False,
        )
        for year, document in dated
        for project in document["projects"]
    ]
    return "".join(f"{line}\n" for line in lines)


def write_jsonl(path: Path, documents: list[tuple[str, dict[str, Any]]]) -> None:
    write_atomic(path, project_lines(documents))
