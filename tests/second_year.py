"""Two years of the report for diff tests: 2019 from its golden, 2020 made by a change list.

The second-year document is made from the hand-checked 2019 golden document by
a written change list; the expected diff is written by hand from that list, not
produced by the tool.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from conftest import GOLDEN

from extractor.ruleset import load_rules

GOLDEN_2019 = GOLDEN / "cluster-inovativ-2019.json"
RULES = load_rules().diff

TEX_STUDY = (
    "Studiu privind stadiul actual al gradului de inovare al clusterului RTxC, realizat pe baza "
    "de chestionare, 24 de firme fiind intervievate în vederea analizării surselor și "
    "oportunităților de inovare la nivelul clusterului;"
)
TEX_STUDY_2020 = TEX_STUDY.replace("24 de firme", "30 de firme")
TEX_AGENDA = (
    "Agenda strategică CDI preliminară, care stabilește scopurile și obiectivele CDI ale "
    "clusterului;"
)
TEX_TRAINING = "S-au organizat sesiuni de instruire pentru membri și pentru echipa de management."
TEX_CIT = (
    "Planificarea dezvoltării unui Centru de Informare Tehnologică - elaborarea planului de "
    "dezvoltare a unui CIT, cu serviciile aferente specializate pentru promovarea, informarea și "
    "asistența tehnică, în domeniul textil;"
)
TEX_STRATEGY = (
    "Elaborarea strategiei clusterului de extindere pe piețe interne și externe, pentru a avea o "
    "finalitate a tuturor ideilor de inovare aplicabile în cadrul clusterului."
)
WOOD_KEY = (
    "din interviuri, chestionare și discuții cu membrii clusterului a reieșit faptul că inovarea "
    "este un element cheie pentru industria prelucrării lemnului și fabricarea mobilei; cu scopul "
    "de a crește gradul de inovare al firmelor membre în cluster, s-a apelat la diverse "
    "instrumente practicate și validate la nivel internațional și anume audituri de inovare "
    "generale în forma unor interviuri structurate;"
)
WOOD_KEY_2020 = WOOD_KEY.replace("un element cheie", "elementul cheie")
CRONOS_HUB = "În martie 2020 a fost lansat Centrul pentru Inovare Digitală DIH4Society."
IMAGO_CATALOG = "Realizarea unui catalog al surselor de finanțare disponibile - un catalog;"
IMAGO_SHEETS = "Dezvoltarea de fișe de proiect - cinci fișe de proiect;"
IMAGO_SHEETS_2020 = "Dezvoltarea de fișe de proiect - șapte fișe de proiect;"
IMAGO_STAGE_3 = "Activitățile implementate și rezultatele obținute pentru Etapa nr. 3 :"
IMAGO_DATABASE = (
    "Realizarea unei bănci de date cu oferta de produse/tehnologii/servicii - o bancă de date;"
)
NEW_PROJECT_TITLE = "Clusterul de inovare pentru economie circulară NEWCLUS"


def document_2019() -> dict[str, Any]:
    """The hand-checked 2019 document (no spans)."""
    return json.loads(GOLDEN_2019.read_text(encoding="utf-8"))


def item(text: str, *children: dict[str, Any], kind: str = "bullet") -> dict[str, Any]:
    return {"kind": kind, "text": text, "children": list(children)}


def locate(items: list[dict[str, Any]], text: str) -> tuple[list[dict[str, Any]], int] | None:
    """The list holding the item whose text is `text`, anywhere in the tree, and its index."""
    for index, entry in enumerate(items):
        if entry["text"] == text:
            return items, index
        found = locate(entry["children"], text)
        if found:
            return found
    return None


def edit(items: list[dict[str, Any]], text: str, new_text: str | None) -> None:
    """Give the item whose text is `text` the text `new_text`, or remove it when None."""
    found = locate(items, text)
    if found is None:
        raise LookupError(f"no item {text!r} in the 2019 document")
    siblings, index = found
    if new_text is None:
        del siblings[index]
    else:
        siblings[index]["text"] = new_text


def project(number: int, acronym: str | None, title: str, **fields: Any) -> dict[str, Any]:
    data = {
        "number": number,
        "acronym": acronym,
        "title": title,
        "period": {"start": "2020-07-01", "end": "2022-06-30"},
        "coordinator": "ASOCIAȚIA NEWCLUS",
        "director": "Ana Pop",
        "cluster_members": 12,
        "region": {"raw": "Vest", "name": "Vest", "nuts2": "RO42"},
        "domain": "Bioeconomie",
        "websites": [],
        "objective": None,
        "results": None,
        "ongoing": None,
        "warnings": [],
    }
    data.update(fields)
    return data


def document_2020() -> dict[str, Any]:
    """The second year: the change list below, applied to the 2019 document."""
    document = document_2019()
    document["report"]["as_of"] = "2020-12-31"
    document["report"]["title"] = "Stadiul proiectelor “Cluster inovativ” la 31.12.2020"
    by_number = {entry["number"]: entry for entry in document["projects"]}
    trec, tex, wood = by_number[1], by_number[3], by_number[6]
    astricone, cronos, imago = by_number[8], by_number[9], by_number[12]

    # 1 INOV-TREC: white space, markup and order only, which are no differences.
    trec["title"] = "  " + trec["title"].replace(" ", "  ")
    trec["websites"] = [f"<{url}>" for url in trec["websites"]]
    results = trec["results"]["items"]
    results[1]["text"] = "**agenda**  strategică de\tcercetare-dezvoltare și inovare; "
    results[1], results[2] = results[2], results[1]

    # 2 INDAGRO is gone (below). 3 Ino Tex: renumbered, acronym re-spelled, members and end
    # date changed; a result reworded, one removed, one added; the ongoing section gone.
    tex["number"], tex["acronym"], tex["cluster_members"] = 2, "INO-TEX", 64
    tex["period"]["end"] = "2020-12-31"
    edit(tex["results"]["items"], TEX_STUDY, TEX_STUDY_2020)
    edit(tex["results"]["items"], TEX_AGENDA, None)
    tex["results"]["items"].append(item(TEX_TRAINING))
    tex["ongoing"] = None

    # 6, the project without a header, has one now: number 13, acronym PROWOOD; its
    # website moved and a sub-bullet was reworded. A new project takes the number 6.
    wood["number"], wood["acronym"], wood["warnings"] = 13, "PROWOOD", []
    wood["websites"] = ["https://prowood.ro/proiecte"]
    edit(wood["results"]["items"], WOOD_KEY, WOOD_KEY_2020)
    newclus = project(6, "NEWCLUS", NEW_PROJECT_TITLE)

    # 8 ASTRICONE: acronym re-spelled, same number and title.
    astricone["acronym"] = "ASTRI-CONE"

    # 9 CRONOS: more members, later end, one more ongoing activity.
    cronos["cluster_members"] = 58
    cronos["period"]["end"] = "2020-12-03"
    cronos["ongoing"]["items"].append(item(CRONOS_HUB, kind="paragraph"))

    # 12 CEX-IMAG: inside the "Etapa nr. 2" sub-heading a result removed and one reworded;
    # a new sub-heading "Etapa nr. 3" whose result moved there from the ongoing section.
    edit(imago["results"]["items"], IMAGO_CATALOG, None)
    edit(imago["results"]["items"], IMAGO_SHEETS, IMAGO_SHEETS_2020)
    edit(imago["ongoing"]["items"], IMAGO_DATABASE, None)
    imago["results"]["items"].append(item(IMAGO_STAGE_3, item(IMAGO_DATABASE), kind="heading"))

    others = [by_number[number] for number in (4, 5, 7, 10, 11)]
    projects = [trec, tex, *others[:2], newclus, others[2], astricone, cronos, *others[3:]]
    document["projects"] = [*projects, imago, wood]
    return document


def unchanged(number: int, acronym: str) -> dict[str, Any]:
    return {"number": number, "acronym": acronym}


EXPECTED_DIFF = {
    "old": {"as_of": "2019-12-31"},
    "new": {"as_of": "2020-12-31"},
    "projects": {
        "added": [{"number": 6, "acronym": "NEWCLUS", "title": NEW_PROJECT_TITLE}],
        "removed": [
            {
                "number": 2,
                "acronym": "INDAGRO",
                "title": "Agenda strategică de CDI a clusterului de inovare IND-AGRO-POL",
            }
        ],
        "changed": [
            {
                "number": 2,
                "acronym": "INO-TEX",
                "match": "acronym",
                "fields": [
                    {"path": "number", "old": 3, "new": 2},
                    {"path": "acronym", "old": "Ino Tex", "new": "INO-TEX"},
                    {"path": "period.end", "old": "2020-06-30", "new": "2020-12-31"},
                    {"path": "cluster_members", "old": 61, "new": 64},
                    {"path": "ongoing", "old": "Activități în curs:", "new": None},
                ],
                "items": {
                    "added": [{"section": "results", "text": TEX_TRAINING}],
                    "removed": [
                        {"section": "results", "text": TEX_AGENDA},
                        {"section": "ongoing", "text": TEX_CIT},
                        {"section": "ongoing", "text": TEX_STRATEGY},
                    ],
                    "modified": [{"section": "results", "old": TEX_STUDY, "new": TEX_STUDY_2020}],
                },
            },
            {
                "number": 8,
                "acronym": "ASTRI-CONE",
                "match": "number",
                "fields": [{"path": "acronym", "old": "ASTRICONE", "new": "ASTRI-CONE"}],
                "items": {"added": [], "removed": [], "modified": []},
            },
            {
                "number": 9,
                "acronym": "CRONOS",
                "match": "number",
                "fields": [
                    {"path": "period.end", "old": "2020-06-03", "new": "2020-12-03"},
                    {"path": "cluster_members", "old": 54, "new": 58},
                ],
                "items": {
                    "added": [{"section": "ongoing", "text": CRONOS_HUB}],
                    "removed": [],
                    "modified": [],
                },
            },
            {
                "number": 12,
                "acronym": "CEX-IMAG",
                "match": "number",
                "fields": [],
                "items": {
                    "added": [
                        {"section": "results", "text": IMAGO_STAGE_3},
                        {"section": "results", "text": IMAGO_DATABASE},
                    ],
                    "removed": [
                        {"section": "results", "text": IMAGO_CATALOG},
                        {"section": "ongoing", "text": IMAGO_DATABASE},
                    ],
                    "modified": [
                        {"section": "results", "old": IMAGO_SHEETS, "new": IMAGO_SHEETS_2020}
                    ],
                },
            },
            {
                "number": 13,
                "acronym": "PROWOOD",
                "match": "title",
                "fields": [
                    {"path": "number", "old": 6, "new": 13},
                    {"path": "acronym", "old": None, "new": "PROWOOD"},
                    {
                        "path": "websites",
                        "old": ["http://prowood.ro/category/proiecte"],
                        "new": ["https://prowood.ro/proiecte"],
                    },
                ],
                "items": {
                    "added": [],
                    "removed": [],
                    "modified": [{"section": "results", "old": WOOD_KEY, "new": WOOD_KEY_2020}],
                },
            },
        ],
        "unchanged": [
            unchanged(1, "INOV-TREC"),
            unchanged(4, "CATINN"),
            unchanged(5, "CM"),
            unchanged(7, "MECHATRANS"),
            unchanged(10, "SMARTI"),
            unchanged(11, "SANINFO"),
        ],
    },
    "summary": {
        "projects": {"added": 1, "removed": 1, "changed": 5, "unchanged": 6},
        "fields": 11,
        "items": {"added": 4, "removed": 5, "modified": 3},
    },
}


def with_spans(document: dict[str, Any], first_line: int) -> dict[str, Any]:
    """A copy of `document` where every project, field and item carries a span, lines counted up.

    The copy is a whole document, valid against the schema, as `extractor diff` requires.
    """
    document = copy.deepcopy(document)
    line = first_line

    def span() -> dict[str, Any]:
        nonlocal line
        line += 1
        return {"page": None, "line_start": line, "line_end": line, "char_start": 0, "char_end": 1}

    def mark(items: list[dict[str, Any]]) -> None:
        for entry in items:
            entry["span"] = span()
            mark(entry["children"])

    for entry in document["projects"]:
        entry["span"] = span()
        entry["spans"] = {key: span() for key in ("number", "acronym", "title", "period")}
        entry["spans"]["cluster_members"] = span()
        entry["spans"]["websites"] = [span() for _ in entry["websites"]]
        for name in ("objective", "results", "ongoing"):
            if entry[name]:
                entry[name]["span"] = span()
                mark(entry[name]["items"])
    for entry in document["projects"]:
        for warning in entry["warnings"]:
            warning.setdefault("message", warning["code"])
    preamble = document["report"]["preamble"]
    preamble["span"] = span()
    mark(preamble["items"])
    for entry in document["unparsed"]:
        entry["span"] = span()
    document["source"] = {"file": f"report-{first_line}.txt", "sha256": "0" * 64, "format": "text"}
    document["coverage"] = 1.0
    return document
