"""The stages after loading, chained: normalize, read lines, segment, parse, check,
count coverage, enrich, place, validate.

`DocumentParts` runs them a project at a time, so a large report is never a
whole document in memory: `pipeline.run_bytes` gathers the parts into one
`Document`, `extract` (the command) writes them as they come.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from extractor.errors import E_INTERNAL, E_NOT_REPORT, ExtractorError, first_problem
from extractor.models import SCHEMA_VERSION, Document, Project
from extractor.parsing.checks import document_findings
from extractor.parsing.coverage import coverage, unparsed_lines
from extractor.parsing.findings import Finding
from extractor.parsing.preamble import preamble_to_report
from extractor.parsing.project import block_to_project
from extractor.parsing.segment import records_to_segments
from extractor.readers.load import Loaded
from extractor.readers.pdf.placement import place_spans
from extractor.reading.records import Record, lines_to_records
from extractor.ruleset import Rules
from extractor.salvage import set_aside
from extractor.text.normalize import normalize
from extractor.text.source import SourceText


@dataclass(frozen=True)
class Summary:
    """What a written document holds, for the line `extract` says of each file."""

    projects: int
    warnings: int
    unparsed: int
    coverage: float


class DocumentParts:
    """A report's document in parts, so that a large one is never whole in memory.

    The text is read and cut into preamble and blocks at once; `head` (schema
    version, source, report) is then ready; the projects come one at a time from
    `project_data` (plain data) or `projects` (validated, a refused value set
    aside); `tail` (warnings, unparsed, coverage) is ready once they all came.
    """

    def __init__(self, loaded: Loaded, rules: Rules, allow_empty: bool = False) -> None:
        from extractor.nlp.lemmas import lemma_table, word_forms

        self.rules = rules
        self._source_record = loaded.source
        self._geometry = loaded.geometry
        self.normalized = normalize(loaded.text)
        self.source = SourceText(self.normalized.text)
        self.records = lines_to_records(self.source.lines, rules, lemma_table(), loaded.furniture)
        self.segments = records_to_segments(self.records, rules, len(self.source.text))
        self._words = word_forms()
        self._findings = [Finding(code, message) for code, message in loaded.findings]
        if not self.segments.blocks:
            if not allow_empty:
                raise ExtractorError(
                    E_NOT_REPORT,
                    f"{loaded.source['file']}: does not look like a Cluster inovativ status "
                    "report (no project block found)",
                )
            self._findings.append(
                Finding("no_projects", "no project block found: the document is empty")
            )
        preamble = preamble_to_report(self.segments.preamble, self.source, rules, self._words)
        self._report = preamble.report
        self._findings += preamble.findings
        self._used = set(preamble.used)
        self._numbers: list[int] = []
        self._set_aside: list[dict[str, Any]] = []
        self._project_warnings = 0
        self._head: dict[str, Any] | None = None
        self._tail: dict[str, Any] | None = None
        # Imported here, after the check above: spaCy takes about half a second to
        # import, which a file that is no report never pays.
        from extractor.nlp.components import build_nlp

        self._nlp = build_nlp(rules)

    def head(self) -> dict[str, Any]:
        """The document's first keys as plain data: schema version, source, report."""
        if self._head is None:
            report = self._finished({"report": self._report})["report"]
            self._head = {
                "schema_version": SCHEMA_VERSION,
                "source": self._source_record,
                "report": report,
            }
        return self._head

    def project_data(self) -> Iterator[dict[str, Any]]:
        """Each project as plain data, enriched and placed, not yet validated."""
        for block in self.segments.blocks:
            expected = self._numbers[-1] + 1 if self._numbers else 1
            read = block_to_project(block, expected, self.source, self.rules, self._words)
            read.project["warnings"] = _warnings(read.findings, self.source)
            self._numbers.append(read.project["number"])
            self._used |= read.used
            yield self._finished({"projects": [read.project]})["projects"][0]

    def projects(self) -> Iterator[Project]:
        """Each project validated; a value the schema refuses is set aside (see `validate`)."""
        for data in self.project_data():
            index = len(self._numbers) - 1
            file = self._source_record["file"]
            project, aside = validate_project(data, self.source, file, index)
            self._set_aside += aside
            self._project_warnings += len(project.warnings)
            yield project

    def tail(self) -> dict[str, Any]:
        """The document's last keys as plain data, once every project has come."""
        if self._tail is None:
            findings = self._findings + document_findings(self._report, self._numbers)
            unparsed = unparsed_lines(self.source, self._used, _reasons(self.records))
            unparsed = self._placed(unparsed) + self._set_aside
            unparsed.sort(key=lambda entry: entry["span"]["char_start"])
            self._tail = {
                "warnings": self._placed(_warnings(findings, self.source)),
                "unparsed": unparsed,
                "coverage": coverage(self.source, unparsed),
            }
        return self._tail

    def opening(self) -> Document:
        """The validated document as it is known before its projects: the head, no tail."""
        empty = {"projects": [], "warnings": [], "unparsed": [], "coverage": 0.0}
        return _validated_frame({**self.head(), **empty})

    def closing(self) -> Document:
        """The validated document without its projects, once they all came: head and tail."""
        return _validated_frame({**self.head(), "projects": [], **self.tail()})

    def summary(self) -> Summary:
        """The counts of the document written, once every project has come."""
        tail = self.tail()
        warnings = self._project_warnings + len(tail["warnings"])
        return Summary(len(self._numbers), warnings, len(tail["unparsed"]), tail["coverage"])

    def _finished(self, data: dict[str, Any]) -> dict[str, Any]:
        """Part of the document with facts and indicators, and placed (see `_placed`)."""
        from extractor.nlp.enrich import enrich

        return self._placed(enrich(data, self.source, self._nlp))

    def _placed(self, data: Any) -> Any:
        """Data whose spans also carry their page and box, for a PDF; as given for a text."""
        if self._geometry is None:
            return data
        return place_spans(data, self.normalized, self._geometry)


def _reasons(records: Iterable[Record]) -> dict[int, str]:
    """Why the reading stage leaves a line out: page furniture, or markup without words."""
    reasons = {}
    for record in records:
        if record.furniture:
            reasons[record.line.number] = "page_furniture"
        elif record.is_empty:
            reasons.setdefault(record.line.number, "markup_only")
    return reasons


def validate(data: dict[str, Any], source: SourceText) -> Document:
    """The schema's verdict; a value it refuses inside a project is set aside with a warning.

    The stages only build valid values, so a refused one is a bug, but one bug in one
    project must not lose the report: the rest is written and the warning says what.
    Only a problem outside the projects stops the run (E050).
    """
    projects, aside = [], []
    for index, project in enumerate(data["projects"]):
        model, entries = validate_project(project, source, data["source"]["file"], index)
        projects.append(model)
        aside += entries
    frame = {**data, "projects": []}
    if aside:
        frame["unparsed"] = sorted(
            [*data["unparsed"], *aside], key=lambda entry: entry["span"]["char_start"]
        )
        frame["coverage"] = coverage(source, frame["unparsed"])
    return _validated_frame(frame).model_copy(update={"projects": projects})


def validate_project(
    data: dict[str, Any], source: SourceText, file: str, index: int
) -> tuple[Project, list[dict[str, Any]]]:
    """The document's project `index` validated, and the unparsed entries set aside from it."""
    held = {"projects": [data], "unparsed": []}
    for _ in range(_SALVAGE_ROUNDS):
        try:
            return Project.model_validate(held["projects"][0]), held["unparsed"]
        except ValidationError as error:
            problems = [{**p, "loc": ("projects", 0, *p["loc"])} for p in error.errors()]
            salvaged = set_aside(held, problems, source)
            if salvaged is None:
                raise _misfit(file, error, f"projects.{index}.") from error
            held = salvaged
    return Project.model_validate(held["projects"][0]), held["unparsed"]


def _validated_frame(frame: dict[str, Any]) -> Document:
    """The document around its projects validated; a problem there is a bug (E050)."""
    try:
        return Document.model_validate(frame)
    except ValidationError as error:
        raise _misfit(frame["source"]["file"], error) from error


def _misfit(file: str, error: ValidationError, where: str = "") -> ExtractorError:
    return ExtractorError(
        E_INTERNAL,
        f"{file}: the extracted data does not fit the schema: {where}{first_problem(error)}",
    )


_SALVAGE_ROUNDS = 3  # an item set aside lifts its children, which a next round checks


def _warnings(findings: list[Finding], source: SourceText) -> list[dict[str, Any]]:
    return [finding.to_warning(source) for finding in findings]
