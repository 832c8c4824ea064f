"""Pipeline stage: the facts each item states, and each project's indicators.

Given a document as plain data and the normalized text its spans point into, a new document
whose items carry `facts` and whose projects carry `indicators` (facts contract, version 1).
The input is not changed. Item texts go through the fact pipeline together (`nlp.pipe`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from extractor.content import SECTION_KEYS
from extractor.errors import E_INVALID, ExtractorError
from extractor.nlp.facts import FoundFact, doc_to_facts
from extractor.text.cleaning import clean_pieces, is_clean
from extractor.text.source import SourceText

if TYPE_CHECKING:
    from spacy.language import Language


def enrich(document: dict[str, Any], source: SourceText, nlp: Language) -> dict[str, Any]:
    """Given a document and the text its spans point into, a copy with facts and indicators.

    `nlp` is `build_nlp(rules)`: the pipeline passes it, so this stage reads
    nothing itself. Each item's `pieces` (the source ranges its text was read
    from, which the parse stage leaves) map facts back to the source; the copy
    has no `pieces`.
    """
    lexicon = nlp.get_pipe("fact_lexicon")
    result = _copy_items(document)
    jobs = list(_items(result))
    docs = nlp.pipe(item["text"] for item, _ in jobs)
    for (item, section), doc in zip(jobs, docs, strict=True):
        pieces = item.pop("pieces")
        item["facts"] = []
        found = doc_to_facts(doc, section, lexicon)
        if found:
            to_source = _to_source(item, pieces, source.text)
            item["facts"] = [_fact_dict(fact, item["text"], to_source, source) for fact in found]
    for project in result.get("projects", []):
        project["indicators"] = project_indicators(project)
    return result


def _copy_items(document: dict[str, Any]) -> dict[str, Any]:
    """A copy of the document down to its items, so adding facts changes nothing given.

    What the stage does not change (spans, fields) is shared with the input, not copied.
    """
    result = dict(document)
    if "report" in result:
        result["report"] = {
            **result["report"],
            "preamble": _section_copy(result["report"].get("preamble")),
        }
    result["projects"] = [
        {**project, **{key: _section_copy(project.get(key)) for key in SECTION_KEYS}}
        for project in result.get("projects", [])
    ]
    return result


def _section_copy(section: dict[str, Any] | None) -> dict[str, Any] | None:
    return section and {**section, "items": [_item_copy(item) for item in section["items"]]}


def _item_copy(item: dict[str, Any]) -> dict[str, Any]:
    """A module function, not a nested one: a nested recursive function is a reference
    cycle, which the pipeline (its collector paused) would keep for every document."""
    children = [_item_copy(child) for child in item.get("children", [])]
    return {**item, "children": children}


def _items(document: dict[str, Any]) -> Iterator[tuple[dict[str, Any], str]]:
    """Every item of the preamble and the projects' sections, children too, with its section key."""
    preamble = (document.get("report") or {}).get("preamble")
    if preamble:
        yield from _walk(preamble["items"], "preamble")
    for project in document.get("projects", []):
        for key in SECTION_KEYS:
            if project.get(key):
                yield from _walk(project[key]["items"], key)


def _walk(items: list[dict[str, Any]], section: str) -> Iterator[tuple[dict[str, Any], str]]:
    for item in items:
        yield item, section
        yield from _walk(item.get("children", []), section)


_ToSource = Callable[[int, int], tuple[int, int]]


def _to_source(item: dict[str, Any], pieces: list[list[Any]], text: str) -> _ToSource:
    """The map from ranges of the item's text to the source; the text the item's pieces
    clean to must be the item's, or spans would lie.

    Most items are one piece of source that cleaning leaves as it is: their text is that
    piece, and a range moves by the piece's start. Others get the cleaned text's char map.
    """
    if len(pieces) == 1:
        first, last, _ = pieces[0]
        if text[first:last] == item["text"] and is_clean(item["text"]):
            return lambda start, end: (first + start, first + end)
    span = item["span"]
    start, end = span["char_start"], span["char_end"]
    cleaned = clean_pieces(text, [(piece[0], piece[1], piece[2]) for piece in pieces])
    if cleaned.text != item["text"]:
        raise ExtractorError(
            E_INVALID,
            f"the item at lines {span['line_start']}-{span['line_end']} does not hold the text "
            f"of its span (chars {start}-{end}): {item['text'][:60]!r}",
            "extract the document again from this source",
        )
    return cleaned.source_range


def _fact_dict(
    fact: FoundFact, text: str, to_source: _ToSource, source: SourceText
) -> dict[str, Any]:
    """The contract's fact as plain data: kind, exact surface, span into the source, fields.

    `text` is the item's; the validate stage checks the fact against the fact models,
    as every other value.
    """
    start, end = to_source(fact.start, fact.end)
    surface = text[fact.start : fact.end]
    return {"type": fact.type, "text": surface, "span": source.span(start, end), **fact.fields}


def project_indicators(project: dict[str, Any]) -> dict[str, Any]:
    """ESCA labels the project's items state (no duplicates) and the counts of its results.

    A count is the sum, per unit, of the distinct quantities stated in the results section:
    each statement (source span) once, and the parts an item lists after their total
    (`trei grupuri de lucru: un grup …, un grup …, un grup …`) not again.
    """
    labels: list[dict[str, str]] = []
    for key in SECTION_KEYS:
        for item_facts in _facts(project, key, "label"):
            for fact in item_facts:
                label = {"level": fact["level"], "status": fact["status"]}
                if label not in labels:
                    labels.append(label)
    counts: dict[str, int] = {}
    seen: set[tuple[int, int]] = set()
    for item_facts in _facts(project, "results", "quantity"):
        for fact in _without_listed_parts(item_facts):
            where = (fact["span"]["char_start"], fact["span"]["char_end"])
            if where not in seen:
                seen.add(where)
                counts[fact["unit"]] = counts.get(fact["unit"], 0) + fact["value"]
    return {"esca_labels": labels, "counts": dict(sorted(counts.items()))}


def _without_listed_parts(quantities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An item's quantities less the single ones that enumerate a total stated before them."""
    listed: set[int] = set()
    for index, total in enumerate(quantities):
        if index in listed or total["value"] < 2:
            continue
        parts = [
            later
            for later in range(index + 1, len(quantities))
            if later not in listed
            and quantities[later]["unit"] == total["unit"]
            and quantities[later]["value"] == 1
        ]
        if 2 <= len(parts) <= total["value"]:
            listed.update(parts)
    return [fact for index, fact in enumerate(quantities) if index not in listed]


def _facts(project: dict[str, Any], section: str, kind: str) -> Iterator[list[dict[str, Any]]]:
    """Per item of a section (children too), its facts of one kind."""
    if project.get(section):
        for item, _ in _walk(project[section]["items"], section):
            yield [fact for fact in item.get("facts", []) if fact["type"] == kind]
