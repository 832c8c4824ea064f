"""What changed between two extracted documents, in the diff contract's shape.

Users extract each year's report and compare: which projects came and went,
which fields moved, which items were added, removed or reworded. Only content
counts: white space, markup and provenance are never differences, and an item
that moved inside its section is not a change. Provenance still rides along
under the `span`/`spans` keys, so that each change can point to where it is in
both documents; `content_view` of a diff is the contract's diff alone.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from extractor.content import SECTION_KEYS
from extractor.text.cleaning import clean_text, fold

if TYPE_CHECKING:
    from extractor.ruleset import DiffRules

# The project's scalar and list fields, as dotted paths, in the order they are reported.
FIELD_PATHS = (
    "number",
    "acronym",
    "title",
    "period.start",
    "period.end",
    "coordinator",
    "director",
    "cluster_members",
    "region.raw",
    "region.name",
    "region.nuts2",
    "domain",
    "websites",
)

# What an acronym comparison skips: spaces, hyphen-minus, hyphen, non-breaking hyphen, en dash.
_ACRONYM_GAPS = " -\u2010\u2011\u2013"

Pair = tuple[int, int]
Scorer = Callable[[int, int], float]


def diff_documents(old: dict[str, Any], new: dict[str, Any], rules: DiffRules) -> dict[str, Any]:
    """Given two documents as plain data, their diff: contract keys plus `summary` and spans."""
    old_projects, new_projects = old["projects"], new["projects"]
    pairs = match_projects(old_projects, new_projects, rules)
    paired_old = {old_index for old_index, _, _ in pairs}
    paired_new = {new_index for _, new_index, _ in pairs}
    changed: list[dict[str, Any]] = []
    unchanged: list[dict[str, Any]] = []
    for old_index, new_index, how in sorted(pairs, key=lambda pair: pair[1]):
        change = _project_change(old_projects[old_index], new_projects[new_index], how, rules)
        if change["fields"] or any(change["items"].values()):
            changed.append(change)
        else:
            unchanged.append({"number": change["number"], "acronym": change["acronym"]})
    projects = {
        "added": [_brief(p) for i, p in enumerate(new_projects) if i not in paired_new],
        "removed": [_brief(p) for i, p in enumerate(old_projects) if i not in paired_old],
        "changed": changed,
        "unchanged": unchanged,
    }
    return {
        "old": {"as_of": _report_date(old), "source": old.get("source")},
        "new": {"as_of": _report_date(new), "source": new.get("source")},
        "projects": projects,
        "summary": _summary(projects),
    }


def has_differences(diff: dict[str, Any]) -> bool:
    """Whether a diff reports any change, which decides the exit status 0 or 1."""
    projects = diff["projects"]
    return bool(projects["added"] or projects["removed"] or projects["changed"])


def normalize_text(text: str) -> str:
    """Text as the contract writes it, so that hand-edited white space or markup is no change.

    >>> normalize_text("  **Planul**  de\\tacțiune <https://x.ro/> ")
    'Planul de acțiune https://x.ro/'
    """
    return unicodedata.normalize("NFC", clean_text(text))


def acronym_key(acronym: str | None) -> str:
    """An acronym compared ignoring case, diacritics, spaces and hyphens: `Ino Tex` is `INO-TEX`.

    >>> acronym_key("Ino Tex") == acronym_key("INO-TEX")
    True
    """
    if not acronym:
        return ""
    return "".join(char for char in fold(normalize_text(acronym)) if char not in _ACRONYM_GAPS)


def _report_date(document: dict[str, Any]) -> str | None:
    report = document.get("report")
    return report.get("as_of") if isinstance(report, dict) else None


def _brief(project: dict[str, Any]) -> dict[str, Any]:
    return {
        "number": project["number"],
        "acronym": project.get("acronym"),
        "title": _normalized(project.get("title")),
        "span": project.get("span"),
    }


def _similarity(old: str, new: str) -> float:
    """Given two non-empty texts, rapidfuzz's ratio (0-100). Imported here, not for equal
    texts: it takes 30 ms to import, which a diff of a report against its re-extraction
    then never pays."""
    if old == new:
        return 100.0
    from rapidfuzz import fuzz

    return fuzz.ratio(old, new)


def _title_score(old: dict[str, Any], new: dict[str, Any]) -> float:
    old_title = fold(normalize_text(old.get("title") or ""))
    new_title = fold(normalize_text(new.get("title") or ""))
    return _similarity(old_title, new_title) if old_title and new_title else 0.0


def match_projects(
    old: list[dict[str, Any]], new: list[dict[str, Any]], rules: DiffRules
) -> list[tuple[int, int, str]]:
    """Given both project lists, pairs (old index, new index, how): number, acronym, title."""
    pairs: list[tuple[int, int, str]] = []
    free_old, free_new = list(range(len(old))), list(range(len(new)))

    def take(found: list[Pair], how: str) -> None:
        for old_index, new_index in found:
            pairs.append((old_index, new_index, how))
            free_old.remove(old_index)
            free_new.remove(new_index)

    def same_number(i: int, j: int) -> bool:
        """A number reused for another project is no match: the acronym or title must agree."""
        if old[i]["number"] != new[j]["number"]:
            return False
        return same_acronym(i, j) or _title_score(old[i], new[j]) >= rules["title_match"]

    def same_acronym(i: int, j: int) -> bool:
        key = acronym_key(old[i].get("acronym"))
        return bool(key) and key == acronym_key(new[j].get("acronym"))

    def title_score(i: int, j: int) -> float:
        return _title_score(old[i], new[j])

    take(_pair_in_order(free_old, free_new, same_number), "number")
    take(_pair_in_order(free_old, free_new, same_acronym), "acronym")
    take(_pair_best(free_old, free_new, title_score, rules["title_match"]), "title")
    return pairs


def _pair_in_order(
    left: list[int], right: list[int], accepts: Callable[[int, int], bool]
) -> list[Pair]:
    """Given two index lists, pairs each right index with the first free left one it accepts."""
    free = list(left)
    found: list[Pair] = []
    for j in right:
        i = next((i for i in free if accepts(i, j)), None)
        if i is not None:
            free.remove(i)
            found.append((i, j))
    return found


def _pair_best(left: list[int], right: list[int], score: Scorer, threshold: float) -> list[Pair]:
    """Given two index lists, pairs by best score first (ties in document order), each once."""
    scored = ((score(i, j), i, j) for i in left for j in right)
    candidates = sorted(
        (candidate for candidate in scored if candidate[0] >= threshold),
        key=lambda candidate: (-candidate[0], candidate[1], candidate[2]),
    )
    used_left: set[int] = set()
    used_right: set[int] = set()
    found: list[Pair] = []
    for _, i, j in candidates:
        if i not in used_left and j not in used_right:
            used_left.add(i)
            used_right.add(j)
            found.append((i, j))
    return sorted(found, key=lambda pair: pair[1])


def _project_change(
    old: dict[str, Any], new: dict[str, Any], how: str, rules: DiffRules
) -> dict[str, Any]:
    items: dict[str, list[dict[str, Any]]] = {"added": [], "removed": [], "modified": []}
    for section in SECTION_KEYS:
        section_items = _section_items(old.get(section), new.get(section), section, rules)
        for kind, entries in section_items.items():
            items[kind].extend(entries)
    return {
        "number": new["number"],
        "acronym": new.get("acronym"),
        "match": how,
        "fields": _field_changes(old, new),
        "items": items,
        "spans": {"old": old.get("span"), "new": new.get("span")},
    }


def _field_changes(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    changes = []
    for path in FIELD_PATHS:
        old_value, new_value = _normalized(_at(old, path)), _normalized(_at(new, path))
        if _comparable(old_value) != _comparable(new_value):
            changes.append(_field_change(path, old_value, new_value, old, new))
    for section in SECTION_KEYS:
        old_heading, new_heading = _heading(old.get(section)), _heading(new.get(section))
        if (old_heading is None) != (new_heading is None):
            changes.append(_field_change(section, old_heading, new_heading, old, new))
    return changes


def _field_change(
    path: str, old_value: Any, new_value: Any, old: dict[str, Any], new: dict[str, Any]
) -> dict[str, Any]:
    return {
        "path": path,
        "old": old_value,
        "new": new_value,
        "spans": {"old": _field_span(old, path), "new": _field_span(new, path)},
    }


def _at(project: dict[str, Any], path: str) -> Any:
    value: Any = project
    for key in path.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _normalized(value: Any) -> Any:
    if isinstance(value, str):
        return normalize_text(value)
    if isinstance(value, list):
        return [_normalized(element) for element in value]
    return value


def _comparable(value: Any) -> Any:
    """Lists (websites) compare as sorted lists: a reordering is no change."""
    return sorted(value, key=repr) if isinstance(value, list) else value


def _heading(section: Any) -> str | None:
    return normalize_text(section.get("heading") or "") if isinstance(section, dict) else None


def _field_span(project: dict[str, Any], path: str) -> dict[str, Any] | None:
    """The span of a field: `spans` is keyed by top-level field; a section has its own span."""
    key = path.split(".")[0]
    if key in SECTION_KEYS:
        section = project.get(key)
        return section.get("span") if isinstance(section, dict) else None
    spans = project.get("spans")
    span = spans.get(key) if isinstance(spans, dict) else None
    if isinstance(span, list):
        return span[0] if span else None
    return span


def _flatten(items: list[dict[str, Any]]) -> Iterator[tuple[str, dict[str, Any] | None]]:
    """Given an item tree, each item's own text (normalized) and span, in document order."""
    for item in items:
        text = normalize_text(item.get("text") or "")
        if text:
            yield text, item.get("span")
        yield from _flatten(item.get("children") or [])


def _section_items(
    old: Any, new: Any, section: str, rules: DiffRules
) -> dict[str, list[dict[str, Any]]]:
    """Given one section of both projects, its items added, removed and modified."""
    old_items = list(_flatten(old.get("items") or [])) if isinstance(old, dict) else []
    new_items = list(_flatten(new.get("items") or [])) if isinstance(new, dict) else []
    equal = _pair_in_order(
        list(range(len(old_items))),
        list(range(len(new_items))),
        lambda i, j: old_items[i][0] == new_items[j][0],
    )
    equal_old, equal_new = {i for i, _ in equal}, {j for _, j in equal}
    free_old = [i for i in range(len(old_items)) if i not in equal_old]
    free_new = [j for j in range(len(new_items)) if j not in equal_new]
    similar = _pair_best(
        free_old,
        free_new,
        lambda i, j: _similarity(old_items[i][0], new_items[j][0]),
        rules["item_similarity"],
    )
    similar_old, similar_new = {i for i, _ in similar}, {j for _, j in similar}
    return {
        "added": [
            {"section": section, "text": new_items[j][0], "span": new_items[j][1]}
            for j in free_new
            if j not in similar_new
        ],
        "removed": [
            {"section": section, "text": old_items[i][0], "span": old_items[i][1]}
            for i in free_old
            if i not in similar_old
        ],
        "modified": [
            {
                "section": section,
                "old": old_items[i][0],
                "new": new_items[j][0],
                "spans": {"old": old_items[i][1], "new": new_items[j][1]},
            }
            for i, j in similar
        ],
    }


def _summary(projects: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    changed = projects["changed"]
    return {
        "projects": {kind: len(entries) for kind, entries in projects.items()},
        "fields": sum(len(change["fields"]) for change in changed),
        "items": {
            kind: sum(len(change["items"][kind]) for change in changed)
            for kind in ("added", "removed", "modified")
        },
    }
