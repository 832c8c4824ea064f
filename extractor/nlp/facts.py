"""Facts of one item's text, from the matches of the fact pipeline (`nlp.components`).

Given a processed spaCy `Doc` of an item's text and the section the item is in, the facts
as plain dicts with char offsets into that text; `extractor.nlp.enrich` turns offsets into spans.
Overlaps are settled per type (the longest match wins, then the earlier); a number inside
a date is never a quantity.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import regex

from extractor.nlp.components import CUES_KEY, DASHES, FACTS_KEY, FactLexicon
from extractor.nlp.spacy_import import spacy
from extractor.ruleset import FACT_TYPES, LabelRules

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_DAYS = regex.compile(r"\d{1,2}")
_URL_TRAILING = ".,;:!?)]}\"'"
_CLAUSE_ENDS = frozenset({".", "!", "?", ";", ":"})
_ORDER = {kind: rank for rank, kind in enumerate(FACT_TYPES)}


@dataclass(frozen=True)
class FoundFact:
    """A fact's place in the item text (chars `start:end`) and its typed fields."""

    start: int
    end: int
    type: str
    fields: dict[str, Any]


def doc_to_facts(doc: Doc, section: str, lexicon: FactLexicon) -> list[FoundFact]:
    """Given an item's processed text, its section key and the pipeline's lexicon, its facts."""
    spans = doc.spans.get(FACTS_KEY)
    if not spans:
        return []
    matches: dict[str, list[Span]] = {kind: [] for kind in FACT_TYPES}
    for span in spans:
        matches[span.label_].append(span)
    kept = {kind: spacy.util.filter_spans(spans) for kind, spans in matches.items()}
    dates = kept["date"]
    kept["quantity"] = [span for span in kept["quantity"] if not _overlaps(span, dates)]
    found = [
        fact
        for kind in FACT_TYPES
        for span in kept[kind]
        if (fact := _READERS[kind](span, section, lexicon)) is not None
    ]
    return sorted(found, key=lambda fact: (fact.start, _ORDER[fact.type], fact.end))


def _overlaps(span: Span, others: list[Span]) -> bool:
    return any(span.start < other.end and other.start < span.end for other in others)


def _quantity(span: Span, section: str, lexicon: FactLexicon) -> FoundFact:
    """`24 de audituri`, `două studii`, `un audit`: the counts before the unit, summed."""
    unit, unit_end = lexicon.unit_at(span.doc, span.end - 1)
    counts = [lexicon.count(token) for token in span if token.tag_ == "COUNT"]
    value = sum(counts) if counts else 1
    last = span.doc[unit_end - 1]
    first = span[0]
    start = first.idx + len(first.text) - len(first.text.lstrip(DASHES))
    return FoundFact(start, last.idx + len(last.text), "quantity", {"value": value, "unit": unit})


def _date(span: Span, section: str, lexicon: FactLexicon) -> FoundFact | None:
    """`21 septembrie 2018`, `14-15 noiembrie 2019`, `30.10.2019`: an ISO date or a range."""
    numeric = lexicon.rules.dates.numeric.fullmatch(span.text)
    if numeric:
        day, month, year = (int(numeric[name]) for name in ("day", "month", "year"))
        days = [(day, month)]
    else:
        year = int(span[-1].text)
        days, pending = [], []
        for token in span[:-1]:
            if token.tag_ == "MONTH":
                days.extend((day, lexicon.months[token.lower_]) for day in pending)
                pending = []
            else:
                pending.extend(int(day) for day in _DAYS.findall(token.text))
    try:
        dates = [dt.date(year, month, day) for day, month in days]
    except ValueError:
        return None
    if len(dates) == 1:
        fields: dict[str, Any] = {"value": dates[0].isoformat()}
    elif len(dates) == 2 and dates[0] <= dates[1]:
        fields = {"start": dates[0].isoformat(), "end": dates[1].isoformat()}
    else:
        return None
    return FoundFact(span.start_char, span.end_char, "date", fields)


def _label(span: Span, section: str, lexicon: FactLexicon) -> FoundFact:
    """`medalia de argint`, `Gold Label`: the level, and achieved or planned by cue or section."""
    level = next(lexicon.levels[token.lower_] for token in span if token.tag_ == "LEVEL")
    labels = lexicon.rules.labels
    fields = {"scheme": labels.scheme, "level": level, "status": _status(span, section, labels)}
    return FoundFact(span.start_char, span.end_char, "label", fields)


def _status(span: Span, section: str, labels: LabelRules) -> str:
    """The cue nearest before the label in its clause; without one, the section's status."""
    doc = span.doc
    clause_start = 0
    for token in doc[: span.start]:
        if token.text in _CLAUSE_ENDS:
            clause_start = token.i + 1
    cues = [
        cue
        for cue in doc.spans.get(CUES_KEY, ())
        if cue.start >= clause_start and cue.end <= span.start
    ]
    if cues:
        return max(cues, key=lambda cue: (cue.end, len(cue))).label_
    return labels.status.sections.get(section, "achieved")


def _organization(span: Span, section: str, lexicon: FactLexicon) -> FoundFact:
    """A named organization: the canonical name of its pattern, else the text as written."""
    return FoundFact(
        span.start_char, span.end_char, "organization", {"name": span.id_ or span.text}
    )


def _url(span: Span, section: str, lexicon: FactLexicon) -> FoundFact:
    """A URL as written, without the sentence punctuation the tokenizer may leave on it."""
    value = span.text.rstrip(_URL_TRAILING)
    return FoundFact(span.start_char, span.start_char + len(value), "url", {"value": value})


_READERS = {
    "quantity": _quantity,
    "date": _date,
    "label": _label,
    "organization": _organization,
    "url": _url,
}
